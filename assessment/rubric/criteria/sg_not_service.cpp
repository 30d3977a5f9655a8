// SG-NOT-SERVICE: the child's safe life, not attendance at services.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"
#include "rubric/criteria/sg_appointments.hpp"
#include "rubric/reading/doers.hpp"

namespace sofs::rubric {

namespace {
// "will be honest and open with professionals", "will always open up to the social worker":
// candour (lexicons/candour.txt) towards a professional, at or just after the clause's verb
// (eighth round). The professional's last token, or -1.
int candour_to_professional(const Reading& r, const std::vector<Match>& candour, const Clause& c) {
    for (auto& m : candour) {
        if (m.first < c.verb - 1 || m.first > c.verb + 3 || r.phrase("candour", m).section != "towards-professionals") continue;
        int k = m.last + 1;
        while (k < r.n() && k <= m.last + 4 && r.same_sentence(k, m.first) && (r.word(k) == "and" || r.word(k) == "or" || starts_at(candour, k))) ++k;
        if (k >= r.n() || (r.word(k) != "with" && r.word(k) != "to") || !r.same_sentence(k, m.first)) continue;
        const Mention* to = r.after(k, 2);
        if (!to || to->who != Who::Professional) continue;
        const Match* own = nullptr;  // "honest with the school": the child's own life
        if (starts_at(candour, to->first, &own) && r.phrase("candour", *own).section == "childs-own-life") continue;
        return to->last;
    }
    return -1;
}
}  // namespace

Verdict sg_not_service(const GoalReading& g, const Wording& w) {
    const Reading& r = g.r;
    bool service_asked = false, safety_described = false, professional_only = !g.clauses.empty();
    Evidence svc;
    auto candour = r.longest("candour");
    for (auto& c : g.clauses) {
        if (!g.professional(c)) professional_only = false;
        if (g.caregiver(c)) {
            int to = candour_to_professional(r, candour, c);
            if (to >= 0) {
                service_asked = true;
                svc.add(r, c.verb, to);
                continue;
            }
        }
        if (c.kind == Clause::Service && !g.professional(c)) {
            service_asked = true;
            int last = c.verb;
            for (auto& m : g.services)
                if (m.first >= c.verb && m.first <= c.verb + 6 && m.last <= c.end) {
                    last = std::max(last, m.last);
                    break;
                }
            svc.add(r, c.verb, last);
        }
        // "will go to her GP", "will see Kofi every week", "take Leo to the health visitor":
        // going to a professional is attending a service (sixth round)
        // Only an adult's own going: a child going to school or nursery is the child's life;
        // "keep seeing Kasia" is seeing her; "do the school run", "take Leo to school" are deeds.
        int v = c.verb;
        if (r.word(v) == "keep" && v + 1 < r.n()) ++v;
        const auto& going = clause_words(r, "going");  // clause-words.txt [going]
        if (c.kind == Clause::Positive && g.caregiver(c) && going.count(r.word(v))) {
            const Mention* to = r.after(v, 4);
            if (to && to->who == Who::Professional && !g.watching(c.verb)) {
                service_asked = true;
                svc.add(r, c.verb, to->last);
                continue;
            }
            // "go to the talking group", "keep going to her class": a group, course or class
            // (grammar.txt [service-noun]) an adult goes to
            int group = -1;
            for (int k = v + 1; k < r.n() && k <= v + 4 && r.same_sentence(k, v) && r.mention_at[k] < 0; ++k)
                if (r.is(k, r.c.service_noun)) group = k;
            if (group >= 0) {
                service_asked = true;
                svc.add(r, c.verb, group);
                continue;
            }
        }
        // "Cerys will take Ruby to all her health visitor checks": attendance, unless this case's
        // danger is missed appointments (eighth round; sg_appointments.hpp)
        int appointment = -1;
        if (routine_appointment(g, c, &appointment)) {
            service_asked = true;
            svc.add(r, c.verb, appointment);
            continue;
        }
        if (g.caregiver(c) && c.kind == Clause::Positive && c.concrete) safety_described = true;
    }
    // a service named with no "X will" before it ("Attend a parenting course.")
    for (auto& m : g.services) {
        bool in_clause = false;
        for (auto& c : g.clauses)
            if (m.first >= c.verb && m.first <= c.end) in_clause = true;
        const Mention* who = r.before(m.first);
        if (!in_clause && !(who && (who->who == Who::Professional || who->who == Who::Everyone))) {
            service_asked = true;
            svc.add(r, m.first, m.last);
        }
    }
    if (g.behaviour_ruled_out()) safety_described = true;
    for (auto& s : g.safe)
        if (!g.in_service(s)) safety_described = true;
    if (professional_only && !safety_described) {
        Evidence ev;
        return w.make("SG-NOT-SERVICE", false, "professional", ev.spans, ev.words);
    }
    if (service_asked && !safety_described) return w.make("SG-NOT-SERVICE", false, "", svc.spans, svc.words);
    return w.make("SG-NOT-SERVICE", true, "", {}, "");
}

}  // namespace sofs::rubric
