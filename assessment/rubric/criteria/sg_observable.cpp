// SG-OBSERVABLE: what can be seen happening. A presence, not an absence:
// concrete behaviour by the family (or a child's safe daily life) that others
// could see. Not met by an absence ("will not drink", "no more shouting"), by
// vague verbs with nothing concrete ("show they can keep the children safe",
// "demonstrate", "engage", "comply"), by attending services, or by what
// professionals do ("the social worker will monitor").
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"
#include "rubric/reading/goal_deeds.hpp"

namespace sofs::rubric {

Verdict sg_observable(const GoalReading& g, const Wording& w) {
    const Reading& r = g.r;
    auto met = [&](int first, int last) {
        Evidence ev;
        ev.add(r, first, last);
        return w.make("SG-OBSERVABLE", true, "", ev.spans, ev.words);
    };
    // Someone in the family doing something others can see ("Irene will have Lily every morning");
    // a manner only when someone in the goal is named to see it ("... and Linda will see this")
    const std::vector<Match> manner = r.longest("manner");
    bool watched = false;
    // (not by knowing: "Nan will always know where she is" sees nothing; ninth round)
    for (auto& c : g.clauses) watched = watched || (c.kind == Clause::Watch && !manner_only(g, c, manner));
    auto manner_alone = [&](const Clause& c) { return !watched && manner_only(g, c, manner); };
    for (auto& c : g.clauses) {
        if (c.kind == Clause::Positive && manner_alone(c)) continue;
        if (c.kind == Clause::Positive && !g.professional(c) && shows_thing(g, c)) return met(c.modal_first, c.verb + 1);
        // "Leila will tell the school when she is unwell", "will let the school know": what the
        // family tells a professional is heard, and can be checked (sixth round; the labels)
        if (tells_professional(g, c) >= 0) return met(c.modal_first, c.verb);
        // "will change her shifts so she is home", "ensure adult supervision for Kacper": a presence (eighth round)
        if (((c.kind == Clause::Positive || c.kind == Clause::NonAction) && purpose_presence(g, c) >= 0) ||
            (c.kind == Clause::Positive && !g.professional(c) && sees_to_supervision(g, c)) ||
            (c.kind != Clause::Prohibition && !g.professional(c) && with_child(g, c)))  // "an adult will be with Sami"
            return met(c.modal_first, c.verb);
        if (c.kind != Clause::Positive || g.professional(c) || g.vague_at(c.verb) || qualified_vaguely(g, c.verb) ||
            ends_vaguely(g, manner, c.verb) || purpose_clause(g, c))  // "... so she can hear Mali": what for
            continue;
        // "will demonstrate that he can safely parent": what is to be shown is not seen
        if (shown_only(g, c) || shows_ability(g, c) || stays_away(g, c)) continue;
        bool child = c.subject && (c.subject->who == Who::Child || c.subject->who == Who::ChildGeneral);
        bool everyday = !starts_at(g.positives, c.verb);  // a verb no list has: an ordinary deed
        // a child's ordinary deed is seen too ("Ruby will sleep in her basket", "Cai will go back
        // to football club"), but not a part of the child ("Amir's hand will heal": an outcome)
        if (child && everyday) {
            if (possessive_at(r, c.subject->last)) everyday = false;
            // "Leo to have a skeletal survey": a service the child receives; "will be cared
            // for": the child is not the one doing it (judged as any other care, below)
            if (g.service_within(c.verb + 1, c.verb + 4) || r.is(c.verb, r.c.be)) everyday = false;
        }
        // "will have no new bruises", "will have no alcohol in the flat": an absence
        if (c.verb + 1 < r.n() && r.same_sentence(c.verb, c.verb + 1) && r.is(c.verb + 1, r.c.negation)) continue;
        if (c.concrete || everyday || (!child && (sees_to_deed(g, c) || keeps_thing_away(g, c) || helps_child_with(g, c))))
            return met(c.modal_first, c.verb);
    }
    // Someone seeing a person of the family doing something ("we would like to see Marcus
    // bringing Lily to clinic", "see Elis coming in happy"): a presence others will see
    for (auto& o : g.observe) {
        if (r.phrase("observability", o).section != "watch" || r.negated_before(o.first, 3)) continue;
        int k = o.last + 1;
        if (k >= r.n() || r.mention_at[k] < 0 || !r.same_sentence(o.first, k)) continue;
        const Mention& who = r.people[r.mention_at[k]];
        if (who.who == Who::Professional) continue;
        int v = who.last + 1;
        // "see Elis and Mali come to school": past the second person named; "see Priya, Tomasz
        // and Lakshmi handing him over": past a list (eleventh round)
        while (v + 1 < r.n() && r.same_sentence(o.first, v + 1) &&
               ((r.is(v, r.c.conjunction) && r.mention_at[v + 1] >= 0) || r.mention_at[v] >= 0))
            v = r.people[r.mention_at[r.mention_at[v] >= 0 ? v : v + 1]].last + 1;
        if (v >= r.n() || !r.same_sentence(o.first, v)) continue;
        const std::string& verb = r.word(v);
        bool ing = verb.size() >= 5 && verb.compare(verb.size() - 3, 3, "ing") == 0;
        // a plain verb after the child ("see Elis come in happy") is what will be seen too
        bool plain_verb = who.who == Who::Child && (starts_at(g.positives, v) || r.is(v, r.c.seen_verb));
        if ((ing || plain_verb) && !starts_at(g.behaviours, v) && !starts_at(g.services, v) && !r.is(v, r.c.negation) &&
            !r.is(v, r.c.be))
            return met(o.first, v);
    }
    // A concrete deed or safe state with no "will" before it ("a home where Jade
    // and Ryan talk calmly", "Kai and Mia are looked after by a sober adult"),
    // unless it is ruled out, asked of professionals, or governed by an inner state.
    auto allowed = [&](const Match& m) {
        if (r.negated_before(m.first, 3) || g.in_service(m)) return false;
        const Clause* c = governing(g, m.first);
        if (!c) return true;
        if (manner_alone(*c)) return false;
        // "show that he can make Ruby's feeds": what someone can do, to be shown, is not seen
        if (shown_only(g, *c) || shows_ability(g, *c) || stays_away(g, *c)) return false;
        if (c->kind == Clause::Positive && ends_vaguely(g, manner, c->verb)) return false;  // "... fed well"
        // the clause's own verb: as the first pass judges it ("take Osian's diabetes
        // seriously" is an attitude however concrete "take" can be)
        if (c->verb == m.first)
            return c->kind == Clause::Positive && !g.professional(*c) && !qualified_vaguely(g, c->verb) && !g.vague_at(c->verb);
        // what someone will see or be shown the family doing ("will show Linda that the
        // children are cared for by a sober adult", "the nursery will see ..."); not a
        // professional's own deed, an inner state, a service or something ruled out
        // (not the watcher's own checking: "will visit monthly to check Kacper's childcare")
        if (c->kind == Clause::Watch) return !g.watching(m.first);
        return c->kind == Clause::Positive && (!g.professional(*c) || g.vague_at(c->verb));
    };
    for (auto& p : g.positives)
        if (r.phrase("positive-actions", p).section == "concrete" && allowed(p)) return met(p.first, p.last);
    for (auto& s : g.safe)
        if (allowed(s)) return met(s.first, s.last);
    // "Liam goes to Jen's whenever he's wound up", "nain cooks": a present-tense deed of
    // the family, with no "will", is what others will see happening
    if (int v = g.present_deed(); v >= 0 && !qualified_vaguely(g, v)) return met(v, v);
    // "Rania or Marta come to house", "Bernie she come": the same with the verb's plain form
    if (int v = plain_present_deed(g); v >= 0 && !qualified_vaguely(g, v)) return met(v, v);
    // "Bernie 7am daily": who will be there when, in note form, can be seen
    if (int v = noted_presence(g); v >= 0) return met(v, v);
    // Going to a service or an appointment can be checked, when the goal does not
    // also ask for engagement or compliance ("attend a course and engage": vague)
    bool promise = false;
    for (auto& m : g.vague) promise = promise || r.phrase("vague-verbs", m).section == "promise";
    if (!promise)
        for (auto& c : g.clauses)
            if (c.kind == Clause::Service && !g.professional(c) && !received_help(g, c.verb)) return met(c.modal_first, c.verb);
    // "... address their relationship issues and reduce conflict by attending couples
    // counselling": attending said as the means, after "by", is attending too (twelfth round)
    if (!promise)
        for (auto& s : g.services)
            if (const Clause* c = governing(g, s.first);
                c && s.first > 0 && r.word(s.first - 1) == "by" && !g.professional(*c) && !received_help(g, s.first))
                return met(s.first - 1, s.last);
    std::string reason = !g.prohibitions.empty() || g.behaviour_ruled_out() ? "absence"
                         : !g.vague.empty()                                 ? "vague"
                         : !g.services.empty()                              ? "service"
                                                                            : "";
    return w.make("SG-OBSERVABLE", false, reason, {}, "");
}

}  // namespace sofs::rubric
