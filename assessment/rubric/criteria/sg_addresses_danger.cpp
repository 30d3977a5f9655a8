// SG-ADDRESSES-DANGER: the goal answers this case's own danger.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"
#include "rubric/criteria/sg_appointments.hpp"

namespace sofs::rubric {

namespace {

// "a baby-crying course", "young carers assessment": the theme names the service
// that follows it, not the danger
bool names_a_service(const GoalReading& g, const Match& m) {
    for (auto& s : g.services)
        if (s.first > m.last && s.first <= m.last + 2 && g.r.same_sentence(s.first, m.last)) return true;
    for (int k = m.last + 1; k <= m.last + 2 && k < g.r.n() && g.r.same_sentence(k, m.last); ++k)
        if (g.r.is(k, g.r.c.service_noun)) return true;
    // "a course about alcohol", "sessions on exploitation", "his GP about his drinking":
    // what a service is about
    for (int k = m.first - 1; k >= 1 && k >= m.first - 3 && g.r.same_sentence(k, m.first); --k) {
        if (!g.r.is(k, g.r.c.service_about)) continue;
        for (int j = k - 1; j >= 0 && j >= k - 2 && g.r.same_sentence(j, k); --j) {
            if (g.r.is(j, g.r.c.service_noun)) return true;
            for (auto& sv : g.services)
                if (sv.last == j) return true;
            if (g.r.mention_at[j] >= 0 && g.r.people[g.r.mention_at[j]].who == Who::Professional) return true;
        }
    }
    return false;
}

// "Amir's attendance", "Mali's school attendance", "the boys' attendance": a word the
// services list holds, said of one of the children, is that child's own life (the
// danger of a case whose theme it is), not a service the family is sent to
bool childs_own(const GoalReading& g, const Match& m) {
    const Reading& r = g.r;
    for (int k = m.first - 1; k >= 0 && k >= m.first - 3 && r.same_sentence(k, m.first); --k) {
        if (r.mention_at[k] < 0) return false;
        const Mention& p = r.people[r.mention_at[k]];
        if (p.who == Who::Child || p.who == Who::ChildGeneral) return !p.pronoun || r.word(k) != "her";
        if (p.who != Who::Professional) return false;  // "school attendance": the school as a word of it
        k = p.first;
    }
    return false;
}

// "the social worker will see Maisie alone", "speak to Kacper on his own": a child seen
// by a professional without the family is a private talk, not a child left alone
bool seen_privately(const GoalReading& g, const Match& m) {
    const Reading& r = g.r;
    int k = m.first - 1;
    if (k < 0 || r.mention_at[k] < 0 || !r.same_sentence(k, m.first)) return false;
    const Mention& kid = r.people[r.mention_at[k]];
    if (kid.who != Who::Child && kid.who != Who::ChildGeneral) return false;
    // the clause the child belongs to ("will visit ... and see Kacper alone")
    const Clause* gov = nullptr;
    for (auto& c : g.clauses)
        if (c.verb >= 0 && c.verb < kid.first && r.same_sentence(c.verb, kid.first) && (!gov || c.verb >= gov->verb))
            gov = &c;
    if (!gov || !(g.professional(*gov) || gov->kind == Clause::Watch)) return false;
    // the child is what the professional sees or speaks to ("see Kacper", "speak to Maisie"),
    // not someone in what the family does ("see Marcus bringing Lily to clinic")
    int v = kid.first - 1;
    if (v > 0 && r.word(v) == "to") --v;
    return v >= 0 && (v == gov->verb || g.watching(v));
}

// "tell us how Leo got hurt", "how Leo was injured": the harm told of one of
// the children as what happened (an account of the past), not what the goal
// answers (`content/lexicons/grammar.txt [past-account]`)
bool told_as_past(const GoalReading& g, const Match& m) {
    const Reading& r = g.r;
    int k = m.first - 1;
    if (k < 1 || !r.same_sentence(k - 1, m.first) || r.mention_at[k - 1] < 0) return false;
    Who who = r.people[r.mention_at[k - 1]].who;
    if (who != Who::Child && who != Who::ChildGeneral) return false;
    const Lexicon& gr = r.d.lex("grammar");
    auto it = gr.by_first.find(r.t.tokens[k].word);
    if (it == gr.by_first.end()) return false;
    for (int p : it->second)
        if (gr.phrases[p].words.size() == 1 && gr.phrases[p].section == "past-account") return true;
    return false;
}

}  // namespace

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
        if ((g.in_service(m) && !childs_own(g, m)) || names_a_service(g, m) || seen_privately(g, m) || told_as_past(g, m))
            continue;
        theme = &m;
        break;
    }
    // the case's own danger in the family's words: what the adults do, or what safety looks like
    std::vector<Match> own;
    own.reserve(4);
    if (!theme)
        for (auto& m : find_longest(r.t, r.c.case_words)) {
            if (g.in_service(m) || names_a_service(g, m) || seen_privately(g, m) || told_as_past(g, m))
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
