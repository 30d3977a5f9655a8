// Judging danger statements and safety goals: the text is tokenised
// (text/), its people and clauses read (reading/) against the prepared case
// (case/), and every criterion of its kind in the registry (criteria/) gives
// its verdict. Each criterion judges one thing only. The second opinion
// (second_opinion.hpp), when its weights are loaded, may then overturn a
// verdict it is confident against.
#include "rubric/second_opinion.hpp"

namespace sofs {

using namespace rubric;

std::vector<Verdict> rubric::judge_text(const std::string& text, const PreparedCase& c, const Guidance& g, TextKind kind) {
    const auto& d = *g.data;
    Text t = tokenise(text, d.words);
    Reading r(t, d, c);
    Wording w{d, c};
    std::vector<Verdict> out = rules_verdicts(r, w, kind);
    if (d.second_opinion) d.second_opinion->apply(r, w, out);
    return out;
}

std::vector<Verdict> assess_danger_statement(const std::string& text, const PreparedCase& c, const Guidance& g) {
    return judge_text(text, c, g, TextKind::DangerStatement);
}

std::vector<Verdict> assess_safety_goal(const std::string& text, const PreparedCase& c, const Guidance& g) {
    return judge_text(text, c, g, TextKind::SafetyGoal);
}

std::vector<Verdict> assess_danger_statement(const std::string& text, const Scenario& s, const Guidance& g) {
    return assess_danger_statement(text, *prepare_case(s, g), g);
}

std::vector<Verdict> assess_safety_goal(const std::string& text, const Scenario& s, const Guidance& g) {
    return assess_safety_goal(text, *prepare_case(s, g), g);
}

}  // namespace sofs
