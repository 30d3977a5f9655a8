// SG-OBSERVABLE: what can be seen happening. A presence, not an absence:
// concrete behaviour by the family (or a child's safe daily life) that others
// could see. Not met by an absence ("will not drink", "no more shouting"), by
// vague verbs with nothing concrete ("show they can keep the children safe",
// "demonstrate", "engage", "comply"), by attending services, or by what
// professionals do ("the social worker will monitor").
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"

namespace sofs::rubric {

namespace {

// The clause that governs token `tok`: the last clause whose verb comes at
// or before it in the same sentence (null when no "X will ..." comes first).
const Clause* governing(const GoalReading& g, int tok) {
    const Clause* best = nullptr;
    for (auto& c : g.clauses)
        if (c.verb >= 0 && c.verb <= tok && g.r.same_sentence(c.verb, tok) && (!best || c.verb >= best->verb)) best = &c;
    return best;
}

bool vague_at(const GoalReading& g, int v) { return g.vague_at(v); }

}  // namespace

Verdict sg_observable(const GoalReading& g, const Wording& w) {
    const Reading& r = g.r;
    auto met = [&](int first, int last) {
        Evidence ev;
        ev.add(r, first, last);
        return w.make("SG-OBSERVABLE", true, "", ev.spans, ev.words);
    };
    // Someone in the family doing something others can see ("Irene will have
    // Lily every morning", "Ryan will stay at Dean's"); a child only when concrete.
    for (auto& c : g.clauses) {
        if (c.kind != Clause::Positive || g.professional(c) || vague_at(g, c.verb)) continue;
        bool child = c.subject && (c.subject->who == Who::Child || c.subject->who == Who::ChildGeneral);
        bool everyday = !starts_at(g.positives, c.verb);  // a verb no list has: an ordinary deed
        if (c.concrete || (!child && everyday)) return met(c.modal_first, c.verb);
    }
    // A concrete deed or safe state with no "will" before it ("a home where Jade
    // and Ryan talk calmly", "Kai and Mia are looked after by a sober adult"),
    // unless it is ruled out, asked of professionals, or governed by an inner state.
    auto allowed = [&](const Match& m) {
        if (r.negated_before(m.first, 3) || g.in_service(m)) return false;
        const Clause* c = governing(g, m.first);
        if (!c) return true;
        if (c->verb == m.first) return c->kind == Clause::Positive && !g.professional(*c);
        // what someone will see or be shown the family doing ("will show Linda that the
        // children are cared for by a sober adult", "the nursery will see ..."); not a
        // professional's own deed, an inner state, a service or something ruled out
        if (c->kind == Clause::Watch) return true;
        return c->kind == Clause::Positive && (!g.professional(*c) || vague_at(g, c->verb));
    };
    for (auto& p : g.positives)
        if (r.phrase("positive-actions", p).section == "concrete" && allowed(p)) return met(p.first, p.last);
    for (auto& s : g.safe)
        if (allowed(s)) return met(s.first, s.last);
    std::string reason = !g.prohibitions.empty() || g.behaviour_ruled_out() ? "absence"
                         : !g.vague.empty()                                 ? "vague"
                         : !g.services.empty()                              ? "service"
                                                                            : "";
    return w.make("SG-OBSERVABLE", false, reason, {}, "");
}

}  // namespace sofs::rubric
