// DS-CHILD-IMPACT: a concrete harm or effect on an identified child.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"
#include "rubric/criteria/done_to_child.hpp"
#include "rubric/criteria/risk_status.hpp"
#include "rubric/reading/doers.hpp"

#include <unordered_set>

namespace sofs::rubric {

namespace {
// "Dean may keep taking Leah away. Could be sexually abused.": a sentence with
// no one in it before the harm carries on about the child last named.
const Mention* child_of_fragment(const Reading& r, int tok) {
    for (int k = tok - 1; k >= 0 && r.same_sentence(k, tok); --k)
        if (r.mention_at[k] >= 0) return nullptr;
    for (int k = tok - 1; k >= 0; --k)
        if (r.mention_at[k] >= 0 && r.people[r.mention_at[k]].who == Who::Child) return &r.people[r.mention_at[k]];
    return nullptr;
}

// "broke Leo's rib", "could damage his eye": a deed whose harm names what it reaches
// on the child (a harm pattern with "..." between the deed and what it breaks) says
// its effect as "hurt" does (tenth round).
bool reaches_body(const Phrase& p) {
    return p.section == "harm" && p.text.find("...") != std::string::npos && p.text.rfind("not", 0) != 0;
}

}  // namespace

Verdict ds_child_impact(const Reading& r, const Wording& w) {
    bool general_child = false;
    auto acts = r.longest("behaviours");
    auto ordinary = r.longest("child-states");
    for (auto& m : r.longest("impacts")) {
        const Phrase& p = r.phrase("impacts", m);
        if (r.word(m.first) != "not" && r.negated_before(m.first, 2)) continue;
        // "leave Ruby asleep on the sofa": a child's ordinary state said alone is no harm (eighth round)
        const Match* state_word = nullptr;
        if (starts_at(ordinary, m.first, &state_word) && state_word->last == m.last) continue;
        const Mention* target = nullptr;
        int prev = r.back_over(m.first, {});
        bool state = prev >= 0 && r.is(prev, r.c.be);
        // "Gwŷn could hit Elis", "Nia might keep missing Mali's appointments", "Dean gives
        // Leah vapes": the adult's own deed, said in the active voice, is not yet its effect
        // "at risk of being left alone", "a risk of burns", "exposed to a cold home": a risk
        // status or a condition, not yet what happens to the child
        // (and its cause: "at risk of significant harm due to unexplained injuries"; eighth round)
        if (risk_status_before(r, m.first)) continue;
        // (an act that is also its effect, "hurt", stays an effect; an adult missing the child's
        // appointments is the adult's deed, "Nia might keep missing Mali's dentist appointments",
        // eighth round, while "Lily will keep missing her jabs" is the child's)
        const Match* act = nullptr;
        bool deed = !state && p.section != "witness" && starts_at(acts, m.first, &act) &&
                    r.phrase("behaviours", *act).section == "action" && r.word(m.first).rfind("hurt", 0) != 0 &&
                    !reaches_body(p);
        if (deed) {
            int a = m.first - 1;
            while (a >= 0 && r.same_sentence(a, m.first) && r.mention_at[a] < 0 &&
                   (r.is(a, r.c.modal) || r.is(a, r.c.skip) || r.is(a, r.c.auxiliary) || adverb(r.word(a)) ||
                    r.word(a) == "again" || r.word(a) == "keep" || r.word(a) == "keeps" || r.word(a) == "carry" ||
                    r.word(a) == "on" || r.word(a) == "start" || r.word(a) == "not" || r.word(a) == "never"))
                --a;
            if (a >= 0 && r.same_sentence(a, m.first) && r.mention_at[a] >= 0 && is_any_adult(r.people[r.mention_at[a]].who) &&
                !r.people[r.mention_at[a]].pronoun)
                continue;
            // "Priya, Tomasz or another adult caring for Leo could grip or hit him": the doer read
            // past another deed joined by "or" or "and" and past the child who is its object (eighth round)
            if (a >= 1 && (r.word(a) == "or" || r.word(a) == "and") && r.mention_at[a - 1] < 0)
                if (const Mention* d = doer_past_objects(r, m.first); d && is_any_adult(d->who) && !d->pronoun) continue;
        }
        if (p.section == "witness" || p.section == "development" || state) {
            target = r.subject_before(m.first);
        } else {
            target = r.after(m.last, 4);
            if (!target || !(target->who == Who::Child || target->who == Who::ChildGeneral)) {
                const Mention* left = r.before(m.first);
                if (!target || (left && (left->who == Who::Child || left->who == Who::ChildGeneral))) target = left;
            }
        }
        // "broke Leo's rib", "damage his eye": the child whose body the harm reaches, inside it
        if ((!target || target->who != Who::Child) && reaches_body(p))
            for (int k = m.first + 1; k < m.last; ++k)
                if (r.mention_at[k] >= 0) {
                    const Mention* in = child_for_pronoun(r, &r.people[r.mention_at[k]]);
                    if (in && in->who == Who::Child) target = in;
                    break;
                }
        // "Kai might try to protect his mum and get hurt": a second verb shares
        // the first verb's subject, the first person named in the clause
        if ((!target || target->who != Who::Child) && p.section != "witness")
            if (const Mention* s = coordinated_subject(r, m.first)) target = s;
        // "Kai, who could be left terrified": the person the relative clause is about
        if (!target || target->who != Who::Child)
            for (int k = m.first - 1; k >= 1 && k >= m.first - 6 && r.same_sentence(k, m.first); --k)
                if (r.word(k) == "who") {
                    if (r.mention_at[k - 1] >= 0 && r.people[r.mention_at[k - 1]].who == Who::Child) target = &r.people[r.mention_at[k - 1]];
                    break;
                }
        // "Gwyn might shout at Elis when he's tired": an adult's own state ("is", "'s") in a
        // "when" clause is when the adult acts, not the child's harm (sixth round; clause-words.txt [adult-when])
        const auto& when = clause_words(r, "adult-when");
        bool condition = target && (state || target->last + 1 == m.first) && target->pronoun && is_any_adult(target->who) && target->first > 0 &&
                         r.same_sentence(target->first - 1, target->first) && when.count(r.word(target->first - 1));
        if (!condition) target = child_for_pronoun(r, target);
        Mention scratch;
        target = unnamed_child(r, target, &scratch);
        if (!target && p.section != "witness") target = child_of_fragment(r, m.first);
        if (!target) continue;
        if (target->who == Who::ChildGeneral) general_child = true;
        if (target->who != Who::Child) continue;
        Evidence ev;
        ev.add(r, target->first, target->last);
        ev.add(r, m.first, m.last);
        return w.make("DS-CHILD-IMPACT", true, "", ev.spans, ev.words);
    }
    // "Elis could be slapped again": an adult's deed done to the child (eleventh round)
    if (Evidence ev; deed_done_to_child(r, &ev)) return w.make("DS-CHILD-IMPACT", true, "", ev.spans, ev.words);
    // what the case's own danger says could happen to its children, said of a child of the case
    for (auto& m : find_longest(r.t, r.c.case_words)) {
        if (r.c.case_words.phrases[m.phrase].section != "harm") continue;
        if (r.word(m.first) != "not" && r.negated_before(m.first, 2)) continue;
        if (risk_status_before(r, m.first)) continue;  // "at risk of going hungry" (eighth round)
        const Mention* target = r.subject_before(m.first);
        // "We are worried about the children": the worry of whoever holds it, not the child's
        int prev = r.back_over(m.first, {});
        if (target && prev >= 0 && r.is(prev, r.c.be) && (target->who == Who::Speaker || target->who == Who::Professional))
            continue;
        target = child_for_pronoun(r, target);
        if (!target || target->who != Who::Child) target = r.after(m.last, 4);
        if (!target || target->who != Who::Child) continue;
        Evidence ev;
        ev.add(r, target->first, target->last);
        ev.add(r, m.first, m.last);
        return w.make("DS-CHILD-IMPACT", true, "", ev.spans, ev.words);
    }
    Evidence ev;
    std::string reason;
    for (auto& m : r.longest("vague-harm")) {
        ev.add(r, m.first, m.last);
        reason = "vague";
    }
    if (reason.empty()) {
        bool any_child = false;
        for (auto& p : r.people)
            if (p.who == Who::Child) any_child = true;
        if (general_child || !any_child) reason = any_child ? "" : "no-child";
        if (general_child && !any_child) reason = "general";
    }
    return w.make("DS-CHILD-IMPACT", false, reason, ev.spans, ev.words);
}

}  // namespace sofs::rubric
