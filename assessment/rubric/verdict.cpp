// The one verdict builder (verdict.hpp): criteria texts with the case's own
// names and examples filled in.
#include "rubric/verdict.hpp"

namespace sofs::rubric {

std::string fill_wording(std::string s, const PreparedCase& c, const std::string& words,
                         const std::string& plain) {
    auto rep = [&](const std::string& key, const std::string& val) {
        for (std::size_t pos = 0; (pos = s.find(key, pos)) != std::string::npos; pos += val.size())
            s.replace(pos, key.size(), val);
    };
    rep("{plain}", plain);
    rep("{words}", words);
    rep("{adult}", c.adult);
    rep("{partner}", c.partner);
    rep("{child}", c.child);
    rep("{baby}", c.baby);
    rep("{children}", c.children);
    rep("{caregivers}", c.caregivers);
    rep("{wp_child}", c.wp_child);
    rep("{wp_age}", std::to_string(c.wp_age));
    rep("{danger_example}", c.danger_example);
    rep("{impact_example}", c.impact_example);
    rep("{goal_example}", c.goal_example);
    rep("{goal_action_example}", c.goal_action_example);
    rep("{goal_seen_example}", c.goal_seen_example);
    rep("{past_harm_example}", c.past_harm_example);
    return s;
}

Verdict make_verdict(const Guidance::Data& d, const PreparedCase& c, const std::string& id, bool met,
                     const std::string& reason, std::vector<Span> spans, const std::string& words,
                     const std::string& plain) {
    Verdict v;
    v.criterion = id;
    v.met = met;
    v.evidence = std::move(spans);
    v.evidence_words = words;
    const CriterionText& tx = d.text(reason.empty() ? id : id + "#" + reason);
    v.explanation = fill_wording(met ? tx.met : tx.not_met, c, words, plain);
    v.guidance = tx.guidance + (tx.source.empty() ? "" : " (" + tx.source + ")");
    v.improve = met ? "" : fill_wording(tx.improve, c, words, plain);
    return v;
}

}  // namespace sofs::rubric
