// SG-ADDRESSES-DANGER: the goal answers this case's own danger.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"

namespace sofs::rubric {

Verdict sg_addresses_danger(const GoalReading& g, const Wording& w) {
    const Reading& r = g.r;
    const auto& th = r.d.lex("danger-themes");
    const Match* theme = nullptr;
    for (auto& m : g.themes) {
        const std::string& sec = th.phrases[m.phrase].section;
        if (std::find(r.c.danger_themes.begin(), r.c.danger_themes.end(), sec) == r.c.danger_themes.end()) continue;
        if (g.in_service(m)) continue;
        theme = &m;
        break;
    }
    // the case's own danger in the family's words: what the adults do, or what safety looks like
    std::vector<Match> own;
    if (!theme)
        for (auto& m : find_longest(r.t, r.c.case_words)) {
            const std::string& sec = r.c.case_words.phrases[m.phrase].section;
            if (sec == "harm" || g.in_service(m)) continue;
            own.push_back(m);
            theme = &own.back();
            break;
        }
    const Mention* child = nullptr;
    for (auto& p : r.people)
        if (p.who == Who::Child) {
            child = &p;
            break;
        }
    if (theme && child) {
        Evidence ev;
        ev.add(r, child->first, child->last);
        ev.add(r, theme->first, theme->last);
        return w.make("SG-ADDRESSES-DANGER", true, "", ev.spans, ev.words);
    }
    std::string reason = theme ? "no-child" : child ? "other" : !g.services.empty() ? "service" : "general";
    Evidence ev;
    if (theme) ev.add(r, theme->first, theme->last);
    return w.make("SG-ADDRESSES-DANGER", false, reason, ev.spans, ev.words);
}

}  // namespace sofs::rubric
