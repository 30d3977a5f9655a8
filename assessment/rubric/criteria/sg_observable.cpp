// SG-OBSERVABLE: what can be seen happening, or who will see it.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"

namespace sofs::rubric {

Verdict sg_observable(const GoalReading& g, const Wording& w) {
    const Reading& r = g.r;
    const auto& ob = r.d.lex("observability");
    for (auto& m : g.observe) {
        const std::string& sec = ob.phrases[m.phrase].section;
        if (sec == "watch") {
            // "the nursery will see", "everyone will know"; not "Ryan will know the impact"
            const Mention* who = r.before(m.first);
            if (!who || who->who == Who::Caregiver || who->who == Who::Child) continue;
        }
        Evidence ev;
        ev.add(r, m.first, m.last);
        return w.make("SG-OBSERVABLE", true, "", ev.spans, ev.words);
    }
    for (auto& c : g.clauses)
        if (c.concrete && c.kind != Clause::NonAction) {
            Evidence ev;
            ev.add(r, c.modal_first, c.verb);
            return w.make("SG-OBSERVABLE", true, "", ev.spans, ev.words);
        }
    if (g.behaviour_ruled_out()) return w.make("SG-OBSERVABLE", true, "", {}, "");
    // "will shout less", "will drink less": the behaviour itself, which others can see
    for (auto& c : g.clauses)
        if (c.kind == Clause::Prohibition && starts_at(g.behaviours, c.verb)) {
            Evidence ev;
            ev.add(r, c.modal_first, c.verb);
            return w.make("SG-OBSERVABLE", true, "", ev.spans, ev.words);
        }
    // attendance can be checked, even when it is not a description of safety
    for (auto& m : g.services) {
        Evidence ev;
        ev.add(r, m.first, m.last);
        return w.make("SG-OBSERVABLE", true, "", ev.spans, ev.words);
    }
    // a concrete action anywhere, unless an inner state governs it ("understand how ...")
    bool inner = false;
    for (auto& c : g.clauses)
        if (c.kind == Clause::NonAction && starts_at(g.nonactions, c.verb)) inner = true;
    if (!inner)
        for (auto& p : g.positives)
            if (r.phrase("positive-actions", p).section == "concrete") {
                Evidence ev;
                ev.add(r, p.first, p.last);
                return w.make("SG-OBSERVABLE", true, "", ev.spans, ev.words);
            }
    for (auto& s : g.safe) {
        Evidence ev;
        ev.add(r, s.first, s.last);
        return w.make("SG-OBSERVABLE", true, "", ev.spans, ev.words);
    }
    return w.make("SG-OBSERVABLE", false, "", {}, "");
}

}  // namespace sofs::rubric
