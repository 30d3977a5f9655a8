// Deciding whether an unfinished attempt can go on against the scenario as it
// is now: every recorded id must still exist, which Session::restore checks.
#include "resume.hpp"

#include <ctime>

namespace sofs::progress {

ScenarioFacts facts_of(const Scenario& s) {
    ScenarioFacts f;
    f.id = s.id;
    f.content_hash = s.content_hash;
    f.title = s.title;
    f.expert_scaling = s.expert.scaling.expert;
    f.scaling_low = s.expert.scaling.low;
    f.scaling_high = s.expert.scaling.high;
    return f;
}

ResumePlan plan_resume(Store& store, Id person, const Scenario& scenario) {
    ResumePlan plan;
    auto open = store.open_attempt(person, scenario.id);
    if (!open) return plan;
    plan.attempt = open;
    plan.transcript = store.transcript(open->id);
    plan.content_changed = open->content_hash != scenario.content_hash;
    std::string why;
    if (Session::restore(scenario, plan.transcript, &why)) {
        plan.kind = ResumePlan::Kind::Resume;
        return plan;
    }
    plan.kind = ResumePlan::Kind::Changed;
    plan.why = "'" + (scenario.title.empty() ? scenario.id : scenario.title) + "' has changed since you started it on " +
               format_time(open->started_ms, "%d %b %Y") + ", and your saved work no longer fits it: " +
               (why.empty() ? std::string("a step you took is no longer there") : why) +
               ". Your earlier attempt is kept; you can start afresh.";
    return plan;
}

}  // namespace sofs::progress
