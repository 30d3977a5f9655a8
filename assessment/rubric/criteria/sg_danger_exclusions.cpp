// Where a danger word in a safety goal is not the danger answered
// (SG-ADDRESSES-DANGER). What and why: assessment/CRITERIA.md.
#include "rubric/criteria/sg_danger_exclusions.hpp"

namespace sofs::rubric {

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
    return r.grammar_word(k, "past-account");
}


bool said_of_a_setting(const GoalReading& g, const Match& m) {
    const Reading& r = g.r;
    if (m.first != m.last || !r.grammar_word(m.first, "manner-of-adult")) return false;
    // "a calm home", "a happy, calm house"
    int k = m.last + 1;
    if (k < r.n() && r.same_sentence(k, m.last) && r.grammar_word(k, "setting")) return true;
    // "keep the house calm", "keep Theo's bedtime calm", "bedtimes will be calm"
    k = m.first - 1;
    while (k >= 0 && r.same_sentence(k, m.first) && k >= m.first - 3 && (r.grammar_word(k, "be") || r.grammar_word(k, "modal")))
        --k;
    return k >= 0 && r.same_sentence(k, m.first) && r.grammar_word(k, "setting");
}

// "the social worker will see Maisie", "nursery will see him playing": a word of
// watching ("see") is what someone looks at, not the child seeing the harm
bool only_watching(const GoalReading& g, const Match& m) {
    return m.first == m.last && g.watching(m.first);
}

}  // namespace sofs::rubric
