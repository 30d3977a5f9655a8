// SG-ADDRESSES-DANGER: the goal answers this case's own danger.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"
#include "rubric/criteria/sg_appointments.hpp"
#include "rubric/criteria/sg_danger_exclusions.hpp"

namespace sofs::rubric {

Verdict sg_addresses_danger(const GoalReading& g, const Wording& w) {
    const Reading& r = g.r;
    const auto& th = r.d.lex("danger-themes");
    const Match* theme = nullptr;
    bool topic_only = false;  // the link is only a topic word of the experts' danger
    for (auto& m : g.themes) {
        const std::string& sec = th.phrases[m.phrase].section;
        if (std::find(r.c.danger_themes.begin(), r.c.danger_themes.end(), sec) == r.c.danger_themes.end()) continue;
        // a theme word inside a longer theme phrase takes that phrase's sense ("wash" in "the washing")
        bool inside = false;
        for (auto& o : g.themes) inside = inside || (o.first <= m.first && o.last >= m.last && o.last - o.first > m.last - m.first);
        if (inside) continue;
        if ((g.in_service(m) && !childs_own(g, m)) || names_a_service(g, m) || seen_privately(g, m) || told_as_past(g, m) ||
            said_of_a_setting(g, m))
            continue;
        theme = &m;
        break;
    }
    // the case's own danger in the family's words: what the adults do, or what safety looks like
    std::vector<Match> own;
    own.reserve(4);
    if (!theme)
        for (auto& m : find_longest(r.t, r.c.case_words)) {
            if (g.in_service(m) || names_a_service(g, m) || seen_privately(g, m) || told_as_past(g, m) ||
                said_of_a_setting(g, m) || only_watching(g, m))
                continue;  // "the missing persons team"
            own.push_back(m);
            theme = &own.back();
            break;
        }
    // the child's appointments, in a case whose danger is missing them ("attend all
    // diabetes clinic appointments"): the care answered, even as a service (tenth round)
    Match missed;
    if (!theme && missed_care_answered(g, &missed)) theme = &missed;
    // a word the experts use for this case's danger ("Osian's diabetes", "Maya's phone"),
    // said of what the family does: not inside a service, nor in what professionals do
    if (!theme) {
        bool inner_only = !g.clauses.empty();
        for (auto& c : g.clauses) inner_only = inner_only && c.kind == Clause::NonAction;
        for (int k = 0; k < r.n() && !theme && !inner_only; ++k) {
            if (r.mention_at[k] >= 0 || !r.c.danger_topic.count(topic_key(r.word(k)))) continue;
            Match m{0, k, k};
            if (g.in_service(m) || names_a_service(g, m) || told_as_past(g, m)) continue;
            // "stop lying to professionals": what is ruled out is not the danger answered
            bool ruled_out = r.negated_before(k, 3);
            for (auto& p : g.prohibitions) ruled_out = ruled_out || (p.last < k && p.last >= k - 2);
            if (ruled_out) continue;
            const Clause* gov = nullptr;
            for (auto& c : g.clauses)
                if (c.verb >= 0 && c.verb <= k && r.same_sentence(c.verb, k) && (!gov || c.verb >= gov->verb)) gov = &c;
            if (gov && (g.professional(*gov) || gov->kind == Clause::Service || gov->kind == Clause::Watch)) continue;
            own.push_back(m);
            theme = &own.back();
            topic_only = true;
        }
    }
    // the adult outside the family whose behaviour is the worry ("keep Maya safe from Jay")
    const Mention* danger_adult = nullptr;
    for (auto& p : r.people) {
        if (p.person.empty()) continue;
        for (auto& adults : r.c.danger_adults)
            if (std::find(adults.begin(), adults.end(), p.person) != adults.end()) {
                if (p.who == Who::OtherAdult && !danger_adult) danger_adult = &p;
            }
    }
    if (!theme && danger_adult) {
        own.push_back(Match{0, danger_adult->first, danger_adult->last});
        theme = &own.back();
    }
    // one of this family's children ("Lily", "the kids")
    const Mention* child = nullptr;
    for (auto& p : r.people)
        if (p.who == Who::Child || p.who == Who::ChildGeneral) {
            child = &p;
            break;
        }

    // A goal that clearly answers the case's danger meets it even when it names no child
    // ("Ryan will go to Dean's when he has been drinking", "No more burns", "Nain will do
    // the evening insulin"): the practice leads' convention. Without a child, the link is
    // a theme of the danger or the case's own words for it, and not a goal made only of
    // inner change ("will understand that smacking harms children"). Who acts is
    // SG-CAREGIVER-ACTION's question: "Police to take the picture down" answers this
    // case's danger all the same (sixth round).
    bool inner_only = !g.clauses.empty();
    for (auto& c : g.clauses) inner_only = inner_only && c.kind == Clause::NonAction;
    // a topic word alone is too loose a link without one of the children ("the washing
    // off the sofa")
    bool clear_without_child = theme && !child && !inner_only && !topic_only;
    if (theme && (child || clear_without_child)) {
        Evidence ev;
        if (child) ev.add(r, child->first, child->last);
        ev.add(r, theme->first, theme->last);
        return w.make("SG-ADDRESSES-DANGER", true, "", ev.spans, ev.words);
    }
    std::string reason = theme ? "no-child" : child ? "other" : !g.services.empty() ? "service" : "general";
    Evidence ev;
    if (theme) ev.add(r, theme->first, theme->last);
    return w.make("SG-ADDRESSES-DANGER", false, reason, ev.spans, ev.words);
}

}  // namespace sofs::rubric
