// The registry of free-text criteria: id, kind and the function that judges
// it, in the fixed order of assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"

namespace sofs::rubric {

namespace {
Verdict ds_plain(const Reading& r, const Wording& w) { return plain_verdict(r, w, "DS-PLAIN"); }
Verdict sg_plain(const GoalReading& g, const Wording& w) { return plain_verdict(g.r, w, "SG-PLAIN"); }
}  // namespace

const std::vector<Criterion>& registry() {
    using K = TextKind;
    static const std::vector<Criterion> all = {
        {"DS-WHO", K::DangerStatement, ds_who, nullptr},
        {"DS-CAREGIVER-BEHAVIOUR", K::DangerStatement, ds_behaviour, nullptr},
        {"DS-CHILD-IMPACT", K::DangerStatement, ds_child_impact, nullptr},
        {"DS-FUTURE", K::DangerStatement, ds_future, nullptr},
        {"DS-PLAIN", K::DangerStatement, ds_plain, nullptr},
        {"DS-NON-BLAMING", K::DangerStatement, ds_non_blaming, nullptr},
        {"SG-CAREGIVER-ACTION", K::SafetyGoal, nullptr, sg_caregiver_action},
        {"SG-ADDRESSES-DANGER", K::SafetyGoal, nullptr, sg_addresses_danger},
        {"SG-OBSERVABLE", K::SafetyGoal, nullptr, sg_observable},
        {"SG-OVER-TIME", K::SafetyGoal, nullptr, sg_over_time},
        {"SG-NOT-SERVICE", K::SafetyGoal, nullptr, sg_not_service},
        {"SG-PLAIN", K::SafetyGoal, nullptr, sg_plain},
    };
    return all;
}

}  // namespace sofs::rubric

namespace sofs {

namespace {
std::vector<std::string> ids_of(rubric::TextKind k) {
    std::vector<std::string> out;
    for (auto& c : rubric::registry())
        if (c.kind == k) out.push_back(c.id);
    return out;
}
}  // namespace

const std::vector<std::string>& danger_statement_criteria() {
    static const std::vector<std::string> ids = ids_of(rubric::TextKind::DangerStatement);
    return ids;
}

const std::vector<std::string>& safety_goal_criteria() {
    static const std::vector<std::string> ids = ids_of(rubric::TextKind::SafetyGoal);
    return ids;
}

}  // namespace sofs
