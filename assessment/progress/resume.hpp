// Resuming an unfinished attempt: the one place that decides whether saved
// work still fits the scenario as it is now (possibly edited since).
#pragma once

#include "model/scenario.hpp"
#include "runtime/session.hpp"
#include "store.hpp"

#include <optional>
#include <string>

namespace sofs::progress {

struct ResumePlan {
    enum class Kind {
        Fresh,     // nothing unfinished: start a new attempt
        Resume,    // continue `attempt` from `transcript` (restored with Session::restore)
        Changed,   // the scenario changed and the saved ids no longer fit: offer a fresh start
    };
    Kind kind = Kind::Fresh;
    std::optional<Attempt> attempt;   // the unfinished attempt (Resume, Changed)
    Transcript transcript;            // its events so far (Resume, Changed)
    bool content_changed = false;     // saved under another content hash (Resume may still be true)
    std::string why;                  // Changed: plain words on what changed
};

// Looks for the unfinished attempt of (person, scenario.id) and checks every
// recorded id against `scenario` with Session::restore. Does not change the store.
ResumePlan plan_resume(Store& store, Id person, const Scenario& scenario);

// The facts about a scenario that the reports keep (title, expert scaling).
ScenarioFacts facts_of(const Scenario& scenario);

}  // namespace sofs::progress
