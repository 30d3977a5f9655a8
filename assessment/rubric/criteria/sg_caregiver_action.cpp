// SG-CAREGIVER-ACTION: the caregivers will do something positive in their
// care of the children.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"
#include "rubric/criteria/sg_appointments.hpp"
#include "rubric/reading/doers.hpp"
#include "rubric/reading/goal_deeds.hpp"

namespace sofs::rubric {

Verdict sg_caregiver_action(const GoalReading& g, const Wording& w) {
    const Reading& r = g.r;
    std::string reason = "none";
    const std::vector<Match> manner = r.longest("manner");
    bool watched = false;  // "... and Linda will see this": a manner someone is named to see
    for (auto& c : g.clauses) watched = watched || (c.kind == Clause::Watch && !manner_only(g, c, manner));
    for (auto& c : g.clauses) {
        // (sixth round; a person not named, "an adult will be with Sami", names no caregiver)
        if (g.caregiver(c) && c.kind == Clause::NonAction && with_child(g, c)) {
            Evidence ev;
            ev.add(r, c.subject->first, c.subject->last);
            ev.add(r, c.modal_first, c.verb + 2);
            return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
        }
        if ((c.kind == Clause::Positive || c.kind == Clause::NonAction) && passive_agent(g, c) >= 0) {  // "walked ... by Nia"
            Evidence ev;
            ev.add(r, c.modal_first, passive_agent(g, c));
            return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
        }
        // "Aga will tell the school each week who is collecting Kacper": an adult of the family
        // keeping the professionals told is a deed (ninth round; SG-OBSERVABLE reads it so too)
        if (g.caregiver(c) && tells_professional(g, c) >= 0) {
            Evidence ev;
            ev.add(r, c.subject->first, c.subject->last);
            ev.add(r, c.modal_first, c.verb);
            return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
        }
        // "Karen and Maya will watch ... together": the adult does it with the child (eighth round)
        // "... and they will help her block it": the family named before "they" (twelfth round)
        if (!g.caregiver(c) && !(c.subject && adult_in_list(r, *c.subject)) && !family_they(g, c)) {
            if (g.professional(c) && reason == "none") reason = "professional";
            continue;
        }
        // "Liam will stay calm", "Karen will know where Maya is": a manner or an inner state
        // names no deed, unless someone is named to see it (eleventh round; as SG-OBSERVABLE)
        if (c.kind == Clause::Positive && !watched && manner_only(g, c, manner)) {
            if (reason == "none") reason = "vague";
            continue;
        }
        // "Cerys will take Ruby to all her health visitor checks": taking a child to routine
        // appointments, where the case's danger is not missing them, is attending (eleventh
        // round; as SG-NOT-SERVICE reads it)
        if (int last = -1; c.kind == Clause::Positive && routine_appointment(g, c, &last)) {
            if (reason == "none" || reason == "vague") reason = "service";
            continue;
        }
        // "will show Anil Osian's meter"; "will change her shifts so she is home" (eighth round)
        if ((c.kind == Clause::Positive && shows_thing(g, c)) || purpose_presence(g, c) >= 0) {
            Evidence ev;
            ev.add(r, c.subject->first, c.subject->last);
            ev.add(r, c.modal_first, c.verb);
            return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
        }
        // "will show they can keep the children safe", "will demonstrate": a promise, not a deed;
        // "... so she can hear Mali": what a deed is for (eleventh round)
        if (shown_only(g, c) || shows_ability(g, c) || (c.kind == Clause::Positive && purpose_clause(g, c))) {
            if (reason == "none") reason = "vague";
            continue;
        }
        // care said only in general ("keep Lily safe", "look after them properly") names no deed
        // either: the practice leads' convention (assessment/CRITERIA.md)
        bool general = general_care(g, c);
        if (c.kind == Clause::Positive && (general || g.vague_at(c.verb, true)) && !c.concrete) {
            if (reason == "none") reason = "vague";
            continue;
        }
        if (c.kind == Clause::Positive) {
            Evidence ev;
            ev.add(r, c.subject->first, c.subject->last);
            ev.add(r, c.modal_first, c.verb);
            return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
        }
        if (c.kind == Clause::Prohibition) reason = "prohibition";
        else if (c.kind == Clause::Service && reason != "prohibition") reason = "service";
        else if (c.kind == Clause::NonAction && reason == "none") reason = "vague";
    }
    // "looked after by Jade", "walked into school by 8.50 every day, with breakfast eaten, by Nia,
    // Nain or Halina": the caregiver acting in a passive sentence (eighth round: further on, in
    // the same part of the sentence up to another "will")
    for (auto& p : g.positives)
        for (int j = p.first + 1; j < r.n() && j <= p.last + 12 && r.same_sentence(j, p.first) && !starts_at(g.modals, j); ++j)
            if (r.word(j) == "by" && j + 1 < r.n() && r.mention_at[j + 1] >= 0 &&
                is_adult(r.people[r.mention_at[j + 1]].who)) {
                Evidence ev;
                ev.add(r, p.first, j + 1);
                return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
            }
    // "We want Jade and Ryan to keep ...", "we expect Ryan to stay ...": what is asked of the caregivers
    for (auto& p : g.positives) {
        if (p.first < 2 || r.word(p.first - 1) != "to" || r.mention_at[p.first - 2] < 0) continue;
        const Mention& who = r.people[r.mention_at[p.first - 2]];
        int head = who.first;
        while (head >= 2 && r.word(head - 1) == "and" && r.mention_at[head - 2] >= 0) head = r.people[r.mention_at[head - 2]].first;
        static const std::unordered_set<std::string> asking = {"want", "wants", "expect", "expects", "like", "need", "needs", "ask", "asks", "asked"};
        if (head == 0 || !asking.count(r.word(head - 1)) || !is_adult(who.who) || g.watching(p.first)) continue;
        Evidence ev;
        ev.add(r, who.first, p.last);
        return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
    }
    // "Jade and Ryan keeping Kai and Mia with a sober adult", "are keeping ...": no modal, still an action
    for (auto& p : g.positives) {
        const std::string& first = r.word(p.first);
        bool ing = first.size() >= 5 && first.compare(first.size() - 3, 3, "ing") == 0;
        int k = r.back_over(p.first, r.c.be);
        if (k < 0 || r.mention_at[k] < 0) continue;
        const Mention& who = r.people[r.mention_at[k]];
        // "will see that Jade and Ryan talk calmly": a present-tense action in what others will see
        int head = who.first;
        while (head >= 2 && r.word(head - 1) == "and" && r.mention_at[head - 2] >= 0) head = r.people[r.mention_at[head - 2]].first;
        // "a home where Jade and Ryan sort out ...": the same, describing the children's life
        bool seen_that = head > 0 && (r.word(head - 1) == "that" || r.word(head - 1) == "where");
        if (!ing && !seen_that) continue;
        if (!is_adult(who.who) || g.watching(p.first)) continue;
        // "go to all his Changing Patterns sessions": "his" or "their" before a noun is no doer
        // ("her" may be either; ninth round)
        if (who.first == who.last && r.is(who.last, r.c.child_determiner) && r.word(who.last) != "her") continue;
        // "when he is looking after them" sets a condition; it asks for nothing (clause-words.txt [ing-condition])
        const auto& conditions = clause_words(r, "ing-condition");
        if (who.first > 0 && conditions.count(r.word(who.first - 1))) continue;
        Evidence ev;
        ev.add(r, who.first, p.last);
        return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
    }
    // "Liam goes to Jen's whenever he's wound up", "Jen tells Graham", "mam or nain cooks":
    // the present tense of notes and plans says what will be done, with no "will"
    // "Rania or Marta come to house", "Bernie she come": the same with the verb's plain form
    // (not going to a service: "Mererid and Iwan they go to diabetes course"; eleventh round)
    if (int v = g.present_deed(); (v >= 0 || (v = plain_present_deed(g)) >= 0) && !g.service_within(v + 1, v + 4)) {
        Evidence ev;
        ev.add(r, v, v);
        return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
    }
    // "Bernie 7am daily": a note of who will be there when (eighth round)
    if (int v = noted_presence(g); v >= 0) {
        Evidence ev;
        ev.add(r, v, v);
        return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
    }
    // "... because Mum and Dad keep things calm": the family's deed as the reason (seventh round)
    if (int v = cause_deed(g); v >= 0) {
        Evidence ev;
        ev.add(r, v, v);
        return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
    }
    return w.make("SG-CAREGIVER-ACTION", false, reason, {}, "");
}

}  // namespace sofs::rubric
