// The live session screen, reached from the top bar's "Live session" button
// when the store is the course's shared PostgreSQL one. For a trainer: open
// a session for a cohort and a case, show its join code, watch the room
// (where each person is, anonymous unless names are chosen), run vote then
// reveal at a scaling task (rounds side by side on the 0-10 line with the
// experts' range) or a sorting task (where the room put each fact, two
// rounds side by side), and keep the statement wall (hide, pin, export the
// session: the wall, the statements improved together, every vote). For a
// trainee: join with the code, open the session's case, vote privately,
// see revealed rounds. Everything redraws when the store NOTIFYs
// (live/live_link.hpp), never on a timer. On a local SQLite file it says
// in plain words that live sessions need the course's shared store.
#pragma once

#include "screen.hpp"

#include "live/live_link.hpp"
#include "live/live_model.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sofs {
struct Scenario;
}

namespace sofs::ui {

class LiveScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::Live; }
    const char* stable_id() const override { return "live"; }
    const char* title() const override { return "Live session"; }
    const char* help() const override;
    void enter(App& app) override;
    void draw(App& app) override;
    std::string read_aloud_text(App& app) override;

    // Actions (the buttons and the demo script use these); false with problem() set.
    bool open_session(App& app, const std::string& cohort, const std::string& scenario_id);
    bool join(App& app, const std::string& code);
    bool open_case(App& app);                       // the trainee opens the session's case
    bool open_vote(App& app, const std::string& task);
    // The trainer shows a task's rounds (as the Task list does) without opening a vote.
    void choose_vote_task(App& app, const std::string& task) {
        vote_task_ = task;
        refresh(app);
    }
    bool cast_vote(App& app, int number);
    bool reveal(App& app);
    // A trainee sends their own sorting of the vote's task (their latest answer to it in the case).
    bool send_sorting(App& app);
    // A trainee moves one fact (or one of the child's words) to another place
    // before sending: after discussion they can change their mind without
    // going back into the case. False with problem() set for an unknown fact or place.
    bool move_fact(App& app, const std::string& fact, const live::Place& place);
    // Pins or hides a wall statement (by its key), kept in the store; false with problem() set.
    bool mark_wall(const std::string& key, std::optional<bool> pinned, std::optional<bool> hidden);
    bool sorting_vote() const { return sorting_; }
    // Improve together: the trainer opens a wall statement (by key) for the
    // room; a member proposes an edit; the trainer picks one (by its id).
    bool improve_together(App& app, const std::string& key);
    bool propose(App& app, const std::string& text);
    bool pick(App& app, progress::Id proposal);
    const std::optional<progress::PgStore::Improvement>& improvement() const { return improvement_; }
    const std::vector<progress::PgStore::Proposal>& proposals() const { return proposals_; }
    bool export_wall(App& app, const std::string& folder, bool markdown);
    void show_names(bool on) { show_names_ = on; }
    void show_tab(int tab) { want_tab_ = tab; }     // 0 the room, 1 vote, 2 the wall
    // Reads the session again now (the screen does this when woken).
    void refresh(App& app);

    const std::string& problem() const { return problem_; }
    const std::string& join_code() const { return info_.join_code; }
    progress::Id session() const { return info_.id; }
    const std::vector<live::RoomLine>& room() const { return room_; }
    live::Wall& wall() { return wall_; }
    int votes_in() const { return votes_in_; }
    bool vote_open() const { return !rounds_.empty() && !rounds_.back().revealed; }
    int revealed_rounds() const {
        int n = 0;
        for (const auto& r : rounds_) n += r.revealed ? 1 : 0;
        return n;
    }
    int wakes() const { return link_ ? link_->wakes() : 0; }
    double last_refresh_ms() const { return refresh_ms_; }

private:
    struct Seen {   // one member's answers, read again only when their step moves
        int step = -2;
        std::map<std::string, std::string> answers;   // task -> text (or the number)
    };
    struct Round {
        int round = 0;
        bool revealed = false;
        std::vector<int> numbers;
        std::vector<live::Placed> placements;   // a sorting task's, after the reveal
    };

    std::unique_ptr<live::Link> link_;
    std::string owner_;                     // who signed in when the link was made
    progress::PgStore::LiveSessionInfo info_;
    std::shared_ptr<const Scenario> scenario_;
    std::string problem_, notice_;
    bool show_names_ = false;
    int want_tab_ = -1;
    // The trainer's choices.
    std::vector<std::string> cohorts_;
    int cohort_ = 0, case_ = 0;
    std::string vote_task_;
    // The room.
    std::vector<live::Member> members_;
    std::vector<live::RoomLine> room_;
    std::map<std::string, Seen> seen_;
    // Votes: the rounds of vote_task_ (trainer) or of the open / latest task (trainee).
    std::vector<Round> rounds_;
    int votes_in_ = 0;
    bool sorting_ = false;                  // vote_task_ is a sorting (the fact mapping, the Three Houses)
    bool my_sorting_sent_ = false;
    std::map<std::string, live::Place> my_sorting_;   // what the trainee will send (fact -> place)
    std::string my_sorting_task_;                      // the task my_sorting_ is for
    std::map<std::string, live::Place> case_sorting(App& app);   // their latest answer to vote_task_ in the case
    bool change(App& app, const std::string& failed, const std::function<void(progress::PgStore&)>& c);
    std::vector<live::Place> vote_places() const;     // the places vote_task_ offers
    bool load_my_sorting(App& app);   // my_sorting_ filled for vote_task_; false and problem_ said when it cannot be read
    std::string fact_words(const std::string& id) const;   // a fact's text in the case, else its id
    void draw_my_sorting(App& app);
    std::optional<int> my_vote_;
    int my_vote_round_ = 0;
    // The wall.
    live::Wall wall_;
    bool wall_show_hidden_ = false;
    std::map<std::string, std::vector<live::Mark>> marks_cache_;   // by kind and text
    std::string export_folder_;
    std::optional<progress::PgStore::Improvement> improvement_;
    std::vector<progress::PgStore::Proposal> proposals_;
    char propose_buf_[1000] = {};
    std::string export_message_;
    char code_buf_[16] = {};
    double refresh_ms_ = 0;

    bool trainer(App& app) const;
    bool ensure_link(App& app);
    void reset();
    bool start_listening(App& app);
    void read_room(App& app);
    void read_votes(App& app);
    void build_wall(App& app);
    const Scenario* scenario(App& app, const std::string& id);
    void draw_not_shared(App& app);
    void draw_trainer(App& app);
    void draw_trainee(App& app);
    void draw_room(App& app);
    void draw_votes(App& app, bool as_trainer);
    void draw_sorting_round(App& app, const Round& r, float width);
    void draw_sorting_rounds(App& app, const Round& a, const Round& b, float width);
    void draw_wall(App& app);
    void draw_improving(App& app, bool as_trainer);
    std::vector<live::Mark> marks_for(App& app, live::WallKind kind, const std::string& text);
};

}  // namespace sofs::ui
