// One playthrough of a scenario. The UI, the headless player and the tests
// all drive the same loop: ask `view()` what to show, tell the session what
// the trainee did, repeat until the view is an ending. Deterministic: the
// only randomness comes from the seed, the only time from the injected clock.
#pragma once

#include "model/scenario.hpp"
#include "runtime/transcript.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sofs {

// Milliseconds since some fixed point; tests inject a counter.
using Clock = std::function<std::int64_t()>;
Clock system_clock();

// What the trainee sees right now.
struct View {
    enum class Kind { Narration, Choices, Task, Ending };
    Kind kind = Kind::Narration;
    const Scene* scene = nullptr;
    std::vector<const Line*> lines;       // the scene's lines whose conditions hold
    std::vector<const Choice*> choices;   // Choices: available moves, in display order
    const Task* task = nullptr;           // Task
    const Ending* ending = nullptr;       // Ending
    // The reaction to the move just made in this scene, if any.
    const Choice* last_choice = nullptr;
    std::vector<const Line*> reply;       // last_choice's reply lines whose conditions hold
};

// What went wrong when the trainee's action does not fit the view.
struct ActionError {
    std::string message;
};

class Session {
public:
    Session(const Scenario& scenario, std::uint64_t seed, Clock clock = system_clock());

    // Rebuild a session by replaying a transcript's events. Fails (returns
    // nullopt, with `why`) when an event names an id the scenario no longer has.
    static std::optional<Session> restore(const Scenario& scenario, const Transcript& t,
                                          std::string* why, Clock clock = system_clock());

    View view() const;

    // Each returns an error (and changes nothing) when the action does not fit the view.
    std::optional<ActionError> advance();                          // Narration: go on
    std::optional<ActionError> choose(const std::string& choice_id);  // Choices
    std::optional<ActionError> answer(const Answer& a);            // Task (a.task must match)

    bool ended() const;
    const Transcript& transcript() const { return transcript_; }
    const Scenario& scenario() const { return *scenario_; }

    // State, for the case notes panel, conditions and tests.
    int number(const std::string& name) const;
    bool flag(const std::string& name) const;
    bool revealed(const std::string& fact_id) const;
    const std::vector<std::string>& revealed_facts() const { return revealed_order_; }
    bool visited(const std::string& scene_id) const;
    bool eval(const Condition& c) const;

    // The latest answer given to each task (by task id).
    const std::map<std::string, Answer>& answers() const { return answers_; }

    std::uint64_t seed() const { return seed_; }
    const std::string& scene_id() const { return scene_; }
    // Whether a choice has already been made in its scene (it is then not offered again there).
    bool made(const std::string& scene_id, const std::string& choice_id) const;
    // Checks an answer against a task without changing anything: nullopt when it fits.
    static std::optional<ActionError> check_answer(const Scenario& scenario, const Task& task,
                                                   const Answer& a);

private:
    void enter(const std::string& scene_id);
    void apply(const Effects& e);
    void record(Event e);

    const Scenario* scenario_;
    std::uint64_t seed_;
    std::uint64_t rng_;
    Clock clock_;
    std::string scene_;
    const Choice* last_choice_ = nullptr;
    std::map<std::string, int> numbers_;
    std::set<std::string> flags_;
    std::set<std::string> revealed_;
    std::vector<std::string> revealed_order_;
    std::set<std::string> visited_;
    std::map<std::string, Answer> answers_;
    std::map<std::string, std::vector<std::size_t>> order_;  // scene -> choice display order
    std::map<std::string, std::set<std::string>> made_;      // scene -> choices made there
    // After a choice with `next` whose reply has lines, the scene stays on
    // screen (Narration) so the reply can be read; advance() then goes here.
    std::string pending_next_;
    Transcript transcript_;
};

}  // namespace sofs
