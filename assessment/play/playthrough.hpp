// One playthrough of a case, from opening to stored verdicts: the one road a
// trainee's work travels, whoever drives it. `sofs-sim`, `sofs play` and the
// tour all open a Playthrough, ask it what to show (`view()`), tell it what
// the trainee did, and show the notices it yields.
//
// Contracts:
// - Opening resumes the trainee's unfinished attempt when its saved ids still
//   fit the case (the board refilled from answers and unsent drafts), else
//   starts a new attempt; the old one is kept, never deleted.
// - Every event is committed to the store before the action returns, so a
//   crash or a killed program loses nothing that was shown. `on_saved` is
//   called after each commit (the terminal prints the step then).
// - When the ending is reached the transcript is assessed and the attempt is
//   finished with its verdicts in one transaction; without guidance it is
//   finished without them, to be assessed later (`sofs report assess-pending`).
// - Nothing here throws: a store or assessor failure becomes a Notice.
#pragma once

#include "model/scenario.hpp"
#include "progress/store.hpp"
#include "rubric/assess.hpp"
#include "runtime/session.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sofs::play {

// What the trainee has placed or written and not yet handed in. Places are
// typed here; their names are written only where the board meets the store
// (drafts, answers), and a stored name the engine does not know is left off.
struct Board {
    std::map<std::string, FactKind> placements;     // sort-facts: fact id -> its place in the mapping
    std::map<std::string, std::string> texts;       // board key (see board_key) -> words
    std::vector<std::string> network;               // person ids chosen for the safety network
    std::map<std::string, House> houses;            // three-houses: item -> house, until handed in
};

// A board's places as the store and the transcript write them, and back
// (names the engine does not know are left out).
std::map<std::string, std::string> stored_places(const std::map<std::string, FactKind>& placements);
std::map<std::string, std::string> stored_places(const std::map<std::string, House>& houses);
std::map<std::string, FactKind> fact_places(const std::map<std::string, std::string>& stored);
std::map<std::string, House> house_places(const std::map<std::string, std::string>& stored);

// Where a task's words live on the board: "danger-statement", "safety-goal",
// "past-harm", "next-steps", "scaling-reason"; "" for tasks answered with
// cards or people.
std::string board_key(TaskKind k);

// Something the person playing should be told, in plain words.
struct Notice {
    std::string text;
    bool problem = false;
};

// The practice guidance when the assessor needs it; null (with `problem`)
// when it cannot be had. Called at most once per playthrough.
using GuidanceSource = std::function<const Guidance*(std::string* problem)>;

struct Setup {
    progress::Store* store = nullptr;            // where every event goes; null: nothing is kept
    std::optional<progress::Actor> trainee;      // whose attempt (needed to keep anything)
    bool resume = true;                          // false: start afresh even if there is unfinished work
    std::uint64_t seed = 1;                      // for a new attempt (a resumed one keeps its own)
    Clock clock = system_clock();
    GuidanceSource guidance;                     // null: finish without verdicts
    std::function<void(const Event&)> on_saved;  // after each new event is committed
};

// What became of one action.
struct Outcome {
    bool taken = false;       // the session accepted it
    bool saved = true;        // and every event it made was committed
    std::string problem;      // why not, in plain words
    explicit operator bool() const { return taken && saved; }
};

class Playthrough {
public:
    Playthrough(std::shared_ptr<const Scenario> scenario, Setup setup);
    Playthrough(const Playthrough&) = delete;
    Playthrough& operator=(const Playthrough&) = delete;

    const Scenario& scenario() const { return *scenario_; }
    const std::shared_ptr<const Scenario>& scenario_ptr() const { return scenario_; }
    const Session& session() const { return *session_; }
    View view() const { return session_->view(); }
    bool resumed() const { return resumed_; }
    // True when the work is being kept in the store.
    bool saving() const { return attempt_.has_value(); }
    const std::optional<progress::Attempt>& attempt() const { return attempt_; }

    // Notices since the last call (opening, saving, finishing), oldest first.
    std::vector<Notice> take_notices();

    Outcome advance();
    Outcome choose(const std::string& choice_id);
    Outcome answer(const Answer& a);

    // ------------------------------------------------------------ drafts
    const Board& board() const { return board_; }
    // The words under a board key ("" when none).
    const std::string& text(const std::string& key) const;
    // Changes to the board; each is kept as a draft at once, so closing the
    // window loses nothing. False when the draft could not be kept (a notice says why).
    bool place_fact(const std::string& fact_id, std::optional<FactKind> place);   // nullopt takes it off
    // A board key's words; `keep` false while typing (kept when the box is left).
    bool write(const std::string& key, const std::string& text, bool keep = true);
    bool place_houses(const std::map<std::string, House>& houses);             // the Three Houses
    void pick_for_network(const std::string& person_id, bool chosen);
    // The task on screen when it is of this kind, else the first of this kind
    // not yet answered; "" when there is none.
    std::string draft_task(TaskKind kind) const;
    // Keeps `text`, written under board key `key`, as the draft of the task
    // it belongs to (nothing to do once every such task is answered).
    bool save_text_draft(const std::string& key, const std::string& text);
    // Keeps these card placements as the draft of the `kind` task.
    bool save_placements_draft(TaskKind kind, const std::map<std::string, std::string>& placements);

    // ------------------------------------------------------------ the end
    bool finished() const { return finished_; }
    // True once the store holds the attempt as finished (false when not saving).
    bool finish_saved() const { return finish_saved_; }
    // The assessor's debrief once finished (null when it could not be made).
    const Debrief* debrief() const { return debrief_ ? &*debrief_ : nullptr; }

private:
    void open(const std::string& fresh_because);
    void refill_board();
    bool commit_new_events();
    void finish_if_ended();
    Outcome after(std::optional<ActionError> rejected);
    void tell(std::string text, bool problem) { notices_.push_back({std::move(text), problem}); }

    std::shared_ptr<const Scenario> scenario_;
    Setup setup_;
    std::optional<Session> session_;
    std::optional<progress::Attempt> attempt_;
    std::size_t committed_ = 0;     // transcript events already handed to the store
    bool resumed_ = false;
    bool finished_ = false;
    bool finish_saved_ = false;
    Board board_;
    std::optional<Debrief> debrief_;
    std::vector<Notice> notices_;
};

}  // namespace sofs::play
