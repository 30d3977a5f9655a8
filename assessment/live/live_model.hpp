// What the live screens show, worked out without a window or a database, so
// tests can check it: the room (where each person is, anonymous unless the
// trainer chooses names), a vote's histogram on the 0-10 line beside the
// experts' range, and the statement wall (the room's danger statements and
// safety goals, each with the assessor's marks, hidden or pinned by the
// trainer, exported as Markdown or CSV into a folder the trainer chose).
#pragma once

#include "model/scenario.hpp"

#include <array>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace sofs::live {

// ------------------------------------------------------------------ the room

// One member of the session as the store reports them (PgStore::Whereabouts).
struct Member {
    std::string name;
    std::string scene;    // "" before they start
    int step = -1;
    std::string kind;     // start, advance, choose, answer, end
    std::string task;     // the task of their latest answer
    std::string status;   // open, finished, or "" before they start
};

// One line of the trainer's room table.
struct RoomLine {
    std::string who;          // "Person 3", or the name when names are shown
    std::string where;        // the scene's title, or "Not started yet"
    std::string handed_in;    // "Danger statement" (their latest answer's task), "Finished the case", or ""
    bool started = false;
    bool finished = false;
};

// Titles for scene and task ids (the case's own words); an id is shown when unknown.
struct Titles {
    std::function<std::string(const std::string&)> scene, task;
};

// The room, in the store's order (by name). Anonymous: "Person 1", "Person
// 2", ... (the numbers do not change while the room does not).
std::vector<RoomLine> room_lines(const std::vector<Member>& members, bool show_names, const Titles& titles);
// "3 of 5 have started, 1 has finished" for the line above the table.
std::string room_summary(const std::vector<Member>& members);

// ------------------------------------------------------------------ votes

struct Bins {
    std::array<int, 11> counts{};   // how many chose 0, 1, ... 10
    int total = 0;
    int tallest = 0;                // the largest count (for the bars' height)
    int in_range = 0;               // how many fall within the experts' range
    std::optional<double> middle;   // the median, when anyone voted
};
// Numbers outside 0-10 are not counted (they cannot come from the store).
Bins bin_votes(const std::vector<int>& numbers, int low, int high);
// "5 votes; 3 within the experts' range (2 to 4); the middle is 4"
std::string vote_summary(const Bins& b, int low, int high);
// "3 of 5 have voted"
std::string voted_line(int voted, int members);

// ------------------------------------------------------------------ the statement wall

enum class WallKind { Danger, Goal };

struct Mark {
    std::string criterion;   // "DS-WHO"
    bool met = false;
    std::string title;       // its plain name ("Says who is worried"); the id is used when empty
};

struct WallItem {
    std::string key;     // stable and private (who and which task); never shown nor exported
    WallKind kind = WallKind::Danger;
    std::string text;
    std::vector<Mark> marks;
    bool hidden = false;
    bool pinned = false;
};

class Wall {
public:
    // New statements from the store; what the trainer hid or pinned stays
    // hidden or pinned (matched by key), and an edited text keeps its place.
    void update(std::vector<WallItem> items);
    bool hide(const std::string& key, bool hidden = true);   // false: no such statement
    bool pin(const std::string& key, bool pinned = true);
    // One column, pinned first, then in the order they came; hidden ones
    // only with `with_hidden`.
    std::vector<const WallItem*> column(WallKind kind, bool with_hidden = false) const;
    int hidden_count() const;
    const std::vector<WallItem>& items() const { return items_; }
    // The wall as the room sees it (hidden statements left out), numbered
    // "Danger statement 1", ... with no names. `title`: the session's heading.
    std::string markdown(const std::string& title) const;
    // The wall's rows of the session's CSV (session_csv), without the header.
    std::string csv_rows() const;

private:
    std::vector<WallItem> items_;
};

// "Danger statement 2" / "Safety goal 1": the label the wall and its export use.
std::string wall_label(WallKind kind, int number);
// A marks line: "Says who is worried (met); DS-WHAT (not met)" (plain names where known).
std::string marks_line(const std::vector<Mark>& marks);

// ------------------------------------------------------------------ sorting votes

// Where a sorting vote puts a fact: a place in the mapping, or for the Three
// Houses one of the child's words in a house.
using Place = std::variant<FactKind, House>;
// The place a stored name (the live tables', a script's) stands for; nullopt
// for a name the engine does not know. Its name back, for the store.
std::optional<Place> place_from(const std::string& name);
std::string place_name(const Place& p);
// The places a sorting task of this kind offers, in the case's order.
std::vector<Place> sorting_places(TaskKind kind);

// How many of the room put one fact (or one of the child's words, for the
// Three Houses) in one place, in one revealed round (PgStore::PlacementCount).
struct Placed {
    std::string fact;
    Place place;
    int count = 0;
};
struct PlaceCount {
    Place place;
    int count = 0;
};
// One fact's line when a sorting vote's rounds are compared side by side.
struct SortingRow {
    std::string fact;                               // the fact's id, in the order the first round met it
    std::vector<std::vector<PlaceCount>> rounds;    // one per round given: where the room put it, most first
    bool moved = false;   // the most-chosen place differs between the first and the last round that placed it
};
// The rounds (oldest first) side by side, fact by fact; a fact no one placed
// in a round has an empty list there.
std::vector<SortingRow> compare_sortings(const std::vector<std::vector<Placed>>& rounds);
// A place in plain words, the engine's one display name for it: "Past harm",
// "Existing strengths", "House of good things".
const char* place_words(const Place& place);
// One cell: "Past harm 4; Existing strengths 1" (most first), or "not placed".
std::string placed_line(const std::vector<PlaceCount>& cell);
// "Round 1: before discussion", "Round 2: after discussion".
std::string round_title(int round);

// ------------------------------------------------------------------ the session's export

// A statement the room improved together: the original, every proposed edit
// (without names) with the assessor's marks, and the one the trainer picked.
struct ImprovedEdit {
    std::string text;
    std::vector<Mark> marks;
    bool picked = false;
};
struct Improved {
    WallKind kind = WallKind::Danger;
    std::string original;
    std::vector<ImprovedEdit> edits;   // oldest first
};
// A task's revealed vote rounds, oldest first: numbers for a scaling task,
// placements for a sorting one.
struct VoteRecord {
    std::string title;     // "Safety scale: On a scale of 0 to 10, ..."
    bool sorting = false;
    int low = 0, high = 10, expert = 5;   // the experts' range and number (scaling)
    std::vector<int> round_numbers;       // 1, 2, ...
    std::vector<std::vector<int>> numbers;
    std::vector<std::vector<Placed>> placements;
    std::function<std::string(const std::string&)> fact_text;   // a fact's words (its id when unknown)
};
// Everything the session's export carries besides the wall itself. Neither
// has any name in it: proposals and votes are kept without names.
std::string improvements_markdown(const std::vector<Improved>& improved);
std::string votes_markdown(const std::vector<VoteRecord>& votes);
// The session as one CSV (section,label,kind,status,text,details): the
// wall's statements (status pinned; details the assessor's marks), then each
// improved statement and its edits (status original, picked or proposed;
// details the marks), then the votes: a scaling round per row (text the
// numbers, details the summary), a sorting vote one row per fact with every
// round side by side in details (status moved when the room changed its mind).
std::string session_csv(const Wall& wall, const std::vector<Improved>& improved, const std::vector<VoteRecord>& votes);

// Writes `content` to a file named `file_name` inside `folder` (made
// readable by its owner only). The name may not leave the folder (no '/',
// no '..'); false with `error` in plain words. Returns the path written.
std::optional<std::string> write_export(const std::string& folder, const std::string& file_name,
                                        const std::string& content, std::string* error);
// "live-session-ABC234-wall.md": the code and a kind, safe as a file name.
std::string export_name(const std::string& join_code, const std::string& what, const std::string& extension);

// `s` cut to at most `n` bytes at a space (when one is past the middle), with
// "..." after it: a task's prompt or an answer in a heading or a table.
std::string shorten(const std::string& s, std::size_t n);

}  // namespace sofs::live
