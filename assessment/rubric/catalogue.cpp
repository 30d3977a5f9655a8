// The criteria catalogue and the expert-key check (catalogue.hpp).
#include "rubric/catalogue.hpp"

#include "rubric/criteria/criteria.hpp"

#include <algorithm>

namespace sofs {

namespace {

std::string kind_of(const std::string& id) {
    static const std::pair<const char*, const char*> kinds[] = {
        {"DS-", "danger-statement"}, {"SG-", "safety-goal"},   {"NS-", "next-steps"},   {"SC-", "scaling"},
        {"MAP-", "mapping"},         {"PH-", "past-harm"},     {"TH-", "three-houses"}, {"NET-", "safety-network"},
        {"BOOKENDS", "across-tasks"}};
    for (auto& [prefix, kind] : kinds)
        if (id.rfind(prefix, 0) == 0) return kind;
    return "other";
}

}  // namespace

std::vector<CriterionInfo> criteria_catalogue(const Guidance& g) {
    std::vector<CriterionInfo> out;
    const auto& texts = g.data->criteria;
    auto name = [&](const std::string& id) {
        auto it = texts.find(id);
        return it == texts.end() ? std::string() : it->second.name;
    };
    for (auto& c : rubric::registry()) out.push_back({c.id, name(c.id), kind_of(c.id)});
    std::vector<CriterionInfo> rest;
    for (auto& [id, tx] : texts) {
        if (id.find('#') != std::string::npos) continue;
        if (std::any_of(out.begin(), out.end(), [&](auto& c) { return c.id == id; })) continue;
        rest.push_back({id, tx.name, kind_of(id)});
    }
    std::stable_sort(rest.begin(), rest.end(), [](auto& a, auto& b) { return a.kind < b.kind; });
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
}

std::vector<Diagnostic> check_expert_key(const Scenario& s, const Guidance& g) {
    std::vector<Diagnostic> out;
    auto c = prepare_case(s, g);
    auto check = [&](const std::vector<std::string>& examples, bool goals) {
        for (std::size_t i = 0; i < examples.size(); ++i) {
            auto vs = goals ? assess_safety_goal(examples[i], *c, g) : assess_danger_statement(examples[i], *c, g);
            for (auto& v : vs) {
                if (v.met) continue;
                Diagnostic d;
                d.file = s.file;
                d.line = s.expert.pos.line;
                d.column = s.expert.pos.column;
                d.severity = Severity::Warning;
                d.code = "SCN040";
                d.message = std::string("the expert ") + (goals ? "safety goal " : "danger statement ") +
                            std::to_string(i + 1) + " does not meet " + v.criterion + ": " + v.explanation;
                out.push_back(std::move(d));
            }
        }
    };
    check(s.expert.danger_statements, false);
    check(s.expert.safety_goals, true);
    return out;
}

}  // namespace sofs
