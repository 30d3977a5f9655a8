// reading/: what an adult does or leaves undone (deeds.hpp). Why each rule
// reads as it does: assessment/CRITERIA.md, DS-CAREGIVER-BEHAVIOUR.
#include "rubric/reading/deeds.hpp"

#include <cctype>

namespace sofs::rubric {

namespace {

// A child of the case named within three words after `v`.
bool child_after(const Reading& r, int v) {
    for (int j = v + 1; j < r.n() && j <= v + 3 && r.same_sentence(j, v); ++j)
        if (r.mention_at[j] >= 0 && r.people[r.mention_at[j]].who == Who::Child) return true;
    return false;
}

// "won't come in to check Osian's meter": a child of the case right after "to"
// and a second verb (over a particle such as "in", "up"; no comma between).
bool child_after_purpose(const Reading& r, int v) {
    const auto& not_deeds = clause_words(r, "not-deed");
    for (int j = v + 1; j + 2 < r.n() && j <= v + 3 && r.same_sentence(j + 2, v); ++j) {
        if (comma_before(r, j) || r.mention_at[j] >= 0) return false;
        if (r.word(j) != "to") continue;
        int w = j + 1;  // the second verb: a word, not a person, a helper or a small word
        bool get = r.word(w) == "get";  // "to get up for Lily", "to get Osian to clinic"
        if (r.mention_at[w] >= 0 || r.is(w, not_deeds) || (r.is(w, r.c.be_or_auxiliary) && !get) || comma_before(r, w))
            return false;
        for (int k = w + 1; k < r.n() && k <= w + 3 && r.same_sentence(k, w) && !comma_before(r, k); ++k)
            if (r.mention_at[k] >= 0) return r.people[r.mention_at[k]].who == Who::Child;
        return false;
    }
    return false;
}

// An unnamed adult known by caring for a child of the case: "an adult caring for Leo",
// "someone looking after him", "whoever minds Leo", "an adult in Leo's home"
// (clause-words.txt [unnamed-carer], [carer-role]). Written into `out`: the words up to the child.
bool unnamed_carer(const Reading& r, Mention* out) {
    for (int k = 0; k + 2 < r.n(); ++k) {
        if (r.mention_at[k] >= 0 || !in_class(r, k, "unnamed-carer")) continue;
        int c = k + 1;
        if (r.word(c) == "who" && c + 1 < r.n()) ++c;
        // "whoever is holding him", "someone who is minding Leo" (eleventh round)
        if (c + 1 < r.n() && r.is(c, r.c.be) && r.same_sentence(c, c + 1) && in_class(r, c + 1, "carer-role")) ++c;
        if (!in_class(r, c, "carer-role") || comma_before(r, c)) continue;
        for (int j = c + 1; j < r.n() && j <= c + 2 && r.same_sentence(j, c); ++j) {
            if (r.mention_at[j] < 0) continue;
            // "an adult caring for him": a pronoun no one is named for is the case's only child it fits
            Mention scratch;
            const Mention& child = *unnamed_child(r, &r.people[r.mention_at[j]], &scratch);
            if (child.who != Who::Child) break;
            *out = Mention{};
            out->first = k;
            out->last = child.last;
            out->who = Who::OtherAdult;
            return true;
        }
    }
    return false;
}

bool deed(const Mention& who, int first, int last, Deed* out) {
    out->who = &who;
    out->first = first;
    out->last = last;
    return true;
}

// A word of [condition] ("if", "unless") earlier in the sentence of `same_as`, before `first`:
// what could happen, not what happened.
bool after_condition(const Reading& r, int first, int same_as, const std::unordered_set<std::string>& condition) {
    for (int k = first - 1; k >= 0 && r.same_sentence(k, same_as); --k)
        if (r.is(k, condition)) return true;
    return false;
}

// The family adult of a "while <adult>" clause after `from` in its sentence ("while Aga was at
// work", "while his mum"), or null: the adult away while a child was left or alone.
const Mention* adult_away_while(const Reading& r, int from, const std::unordered_set<std::string>& away_while) {
    for (int j = from + 1; j + 1 < r.n() && r.same_sentence(j + 1, from); ++j) {
        if (!r.is(j, away_while)) continue;
        int a = j + 1;
        if (r.mention_at[a] < 0 && r.is(a, r.c.child_determiner) && a + 1 < r.n()) ++a;  // "while his dad"
        if (r.mention_at[a] < 0) return nullptr;
        const Mention& adult = r.people[r.mention_at[a]];
        if (adult.who != Who::Caregiver && adult.who != Who::Family) return nullptr;
        return &adult;
    }
    return nullptr;
}

}  // namespace

bool omission(const Reading& r, const std::vector<Match>& general, Deed* out) {
    const auto& unable = clause_words(r, "unable");
    const auto& forget = clause_words(r, "forget");
    const auto& got = clause_words(r, "got-object");
    const auto& away = clause_words(r, "away");
    auto inner_at = find_longest(r.t, r.d.lex("non-actions"));
    auto judged = r.longest("labels");
    for (int k = 0; k < r.n(); ++k) {
        // "may be unable to wake", "struggling to get up": what follows "to" is not done
        bool to = r.is(k, unable) && k + 2 < r.n() && r.word(k + 1) == "to" && r.same_sentence(k, k + 2);
        // "forgets to count the scoops", "may fail to make up feeds": the deed after "to" is
        // left undone, as after "not" (tenth round)
        bool forgets = r.is(k, forget) && k + 2 < r.n() && r.word(k + 1) == "to" && r.same_sentence(k, k + 2);
        if (r.word(k) != "not" && r.word(k) != "never" && !to && !forgets) continue;
        // "Mum not protective": a judgement that begins with "not" is a label, no deed left undone
        // ("isn't protecting the children" still is one; eleventh round)
        if (starts_at(judged, k) && !(k + 1 < r.n() && ends_ing(r.word(k + 1)))) continue;
        int s = k - 1;
        bool state = false;  // "is not", "are not": what follows is a state unless it is "-ing"
        while (s >= 0 && r.same_sentence(s, k) && (r.is(s, r.c.skip) || r.is(s, r.c.be_or_auxiliary) || r.is(s, r.c.modal))) {
            if (s == k - 1 && r.is(s, r.c.be) && r.word(s) != "get" && r.word(s) != "gets" && r.word(s) != "got") state = true;
            --s;
        }
        if (to) state = false;
        if (s < 0 || !r.same_sentence(s, k)) continue;
        // "Nia keeps taking her tablets and doesn't hear Mali cry": the subject of the clause joined
        const Mention* subject = nullptr;
        bool joined = false;  // the subject is that of an earlier clause: the child must follow the verb
        if (r.mention_at[s] >= 0) subject = &r.people[r.mention_at[s]];
        else if (r.word(s) == "and" || r.word(s) == "or") subject = r.subject_before(s), joined = true;
        // "can't be bothered to get up": a motive, not what someone cannot do (tenth round)
        bool motive = k + 3 < r.n() && r.word(k + 1) == "be" && in_class(r, k + 2, "bothered") &&
                      r.word(k + 3) == "to" && r.same_sentence(k, k + 3);
        // "a lazy mother who can't be bothered to get up": the relative clause's motive is the adult's
        if (!subject && motive && r.word(s) == "who" && s > 0 && r.same_sentence(s - 1, s) && r.mention_at[s - 1] >= 0)
            subject = &r.people[r.mention_at[s - 1]];
        if (!subject || !is_any_adult(subject->who)) continue;
        int v = to || forgets ? k + 2 : k + 1;
        // "may not be able to keep ...": the verb after
        // "can't be bothered to get up": a motive, the deed after it left undone (tenth round)
        if (v + 2 < r.n() && r.word(v) == "be" && (r.word(v + 1) == "able" || in_class(r, v + 1, "bothered")) &&
            r.word(v + 2) == "to" && r.same_sentence(v, v + 2))
            v += 3;
        // "may not be making sure", "isn't feeding her": the "-ing" is the deed left undone
        else if (v + 1 < r.n() && r.is(v, r.c.be) && r.same_sentence(v, v + 1) && ends_ing(r.word(v + 1)) && r.mention_at[v + 1] < 0)
            ++v;
        while (v < r.n() && r.same_sentence(v, k) && (r.is(v, r.c.skip) || adverb(r.word(v)))) ++v;
        // "may not get help", "cannot get up": getting something or someone is a deed, though "get" links a state
        bool get = v + 1 < r.n() && r.same_sentence(v, v + 1) && (r.word(v) == "get" || r.word(v) == "gets") &&
                   (r.is(v + 1, got) || r.mention_at[v + 1] >= 0);
        if (v >= r.n() || !r.same_sentence(v, k) || (r.is(v, r.c.be_or_auxiliary) && !get) || r.mention_at[v] >= 0) continue;
        // after "unable to", "struggling to": a deed with no object ("unable to supervise",
        // "struggling to get up") or done to a child of the case ("unable to provide Lily with
        // warmth"), not "unable to provide a plausible explanation"
        if (to) {
            int e = v + 1;
            while (e < r.n() && r.same_sentence(e, v) && (r.word(e) == "up" || r.word(e) == "out" || adverb(r.word(e)))) ++e;
            bool bare = e >= r.n() || !r.same_sentence(e, v) || comma_before(r, e) || r.is(e, r.c.conjunction) ||
                        r.word(e) == "and" || r.word(e) == "so" || r.word(e) == "because";
            if (!bare && !child_after(r, v)) continue;
        }
        // "does not understand": an inner state; but "may not change Lily's nappy": a
        // verb with a child of the case as its object is a deed
        // (not a child after a comma: "won't cope, baby may be hurt" is another clause)
        if (starts_at(inner_at, v) &&
            !(v + 1 < r.n() && r.same_sentence(v, v + 1) && !comma_before(r, v + 1) && r.mention_at[v + 1] >= 0 &&
              r.people[r.mention_at[v + 1]].who == Who::Child))
            continue;
        if (!std::isalpha((unsigned char)r.word(v)[0])) continue;
        // "is not capable", "are not protective": a state, not a deed left undone
        // ("isn't up", "is not there": an adult out of reach is behaviour)
        if (state && !r.is(v, away) && !ends_ing(r.word(v))) continue;
        if (joined) {
            // "has started a night job and can't mind Kacper": a joined "can't" says what a
            // circumstance stops, not a deed left undone
            bool can = false;
            for (int j = s + 1; j < k; ++j)
                if (in_class(r, j, "can")) can = true;
            if ((can && !motive) || !(child_after(r, v) || child_after_purpose(r, v))) continue;
        }
        // care said only in general ("doesn't care", "can't parent", "not tell the truth"),
        // unless a deed follows ("doesn't care enough to get up")
        if (starts_at(general, v) && !(v + 2 < r.n() && r.word(v + 1) == "enough" && r.word(v + 2) == "to")) continue;
        return deed(*subject, k, v, out);
    }
    return false;
}

bool too_to(const Reading& r, const std::vector<Match>& general, Deed* out) {
    const auto& linking = clause_words(r, "too-linking");
    auto inner_at = find_longest(r.t, r.d.lex("non-actions"));
    for (int k = 0; k < r.n(); ++k) {
        if (r.word(k) != "too") continue;
        // "to" and a verb within four words after "too"
        int to = -1;
        for (int j = k + 2; j < r.n() && j <= k + 5 && r.same_sentence(j, k); ++j)
            if (r.word(j) == "to") {
                to = j;
                break;
            }
        if (to < 0 || to + 1 >= r.n() || !r.same_sentence(to, to + 1)) continue;
        int v = to + 1;
        bool look_after = (r.word(v) == "look" || r.word(v) == "get") && v + 1 < r.n() &&
                          (r.word(v + 1) == "after" || r.word(v + 1) == "up" || r.word(v + 1) == "out");
        if (r.mention_at[v] >= 0 || (r.is(v, r.c.be_or_auxiliary) && !look_after) || starts_at(inner_at, v) ||
            starts_at(general, v))
            continue;
        // "too stupid to read the letters", "too slow to": a verdict on capacity says what
        // someone cannot do, not a deed left undone (eighth round; not "too lazy to get up")
        if (in_class(r, k + 1, "capacity")) continue;
        if (!std::isalpha((unsigned char)r.word(v)[0])) continue;
        // the adult: right before "too", over linking words, modals and adverbs
        int s = k - 1;
        while (s >= 0 && r.same_sentence(s, k) && r.mention_at[s] < 0 &&
               (r.is(s, linking) || r.is(s, r.c.skip) || r.is(s, r.c.modal) || r.is(s, r.c.be_or_auxiliary) ||
                adverb(r.word(s))))
            --s;
        if (s < 0 || !r.same_sentence(s, k) || r.mention_at[s] < 0) continue;
        const Mention& who = r.people[r.mention_at[s]];
        if (!is_any_adult(who.who)) continue;
        return deed(who, k, v, out);
    }
    return false;
}

bool acts_on_child(const Reading& r, const std::vector<Match>& blocked, Deed* out) {
    const auto& not_deeds = clause_words(r, "not-deed");
    const auto& keepers = clause_words(r, "keeper");
    const auto& between = clause_words(r, "before-object");
    const auto& not_subject = clause_words(r, "not-subject-before");
    const auto& joint = clause_words(r, "joint");
    auto inner_at = find_longest(r.t, r.d.lex("non-actions"));
    // a deed of `who` at `v` whose object is a child of the case
    auto deed_on_child = [&](const Mention& who, int v, bool adult_ok = false) {
        if (v >= r.n() || !r.same_sentence(v, who.last)) return false;
        // "Jay could keep Maya up", "stop Maya going": the verb was read as a helper
        if (r.mention_at[v] >= 0 && v - 1 > who.last && r.is(v - 1, keepers)) --v;
        if (r.mention_at[v] >= 0) return false;
        const std::string& verb = r.word(v);
        bool get = (verb == "get" || verb == "gets" || verb == "got" || verb == "getting") && v + 1 < r.n() &&
                   r.mention_at[v + 1] >= 0;  // "get Osian to clinic": getting someone somewhere is a deed
        // "left Kacper at home": a linking verb ("left frightened") that is a deed with a child after it
        bool leaves = in_class(r, v, "linking-deed") && v + 1 < r.n() && r.mention_at[v + 1] >= 0 &&
                      r.people[r.mention_at[v + 1]].who == Who::Child && !comma_before(r, v + 1);
        if (verb.empty() || !std::isalpha((unsigned char)verb[0]) || (!get && r.is(v, not_deeds)) ||
            (!get && !leaves && r.is(v, r.c.be_or_auxiliary)))
            return false;
        if (starts_at(inner_at, v)) return false;
        for (auto& b : blocked)
            if (v >= b.first && v <= b.last) return false;
        // the child right after the verb, or after a particle, a determiner or
        // "to" and a second verb ("give Ruby", "take Lee off", "pick him up",
        // "forget to check his insulin", "stop checking on him")
        // "cause a further injury to Leo", "inflict injuries on him": a harm done to the child
        // named after "to" or "on", up to six words on (eleventh round)
        if (in_class(r, v, "harm-cause"))
            for (int k = v + 2; k + 1 < r.n() && k <= v + 7 && r.same_sentence(k + 1, v) && !comma_before(r, k); ++k) {
                if (r.mention_at[k] >= 0) break;
                if (r.word(k) != "to" && r.word(k) != "on") continue;
                if (r.mention_at[k + 1] < 0) break;
                Mention scratch;
                const Mention* obj = unnamed_child(r, &r.people[r.mention_at[k + 1]], &scratch);
                if (obj->who != Who::Child) break;
                return deed(who, v, obj->last, out);
            }
        for (int k = v + 1; k < r.n() && k <= v + 5 && r.same_sentence(k, v); ++k) {
            if (comma_before(r, k)) return false;  // "mum and dad tired, baby cries": another clause
            // "could grip or squeeze him": two verbs joined, one child after both (eleventh round)
            if (k == v + 1 && r.is(k, joint) && k + 2 < r.n() && r.same_sentence(k + 2, v) && r.mention_at[k + 1] < 0 &&
                !comma_before(r, k + 1) && !r.is(k + 1, not_deeds) && !r.is(k + 1, r.c.be_or_auxiliary) &&
                !r.is(k + 1, r.c.modal) && !r.is(k + 1, r.c.negation) && r.mention_at[k + 2] >= 0) {
                ++k;
                continue;
            }
            if (r.mention_at[k] < 0) {
                if (r.word(k) == "to" && k + 1 < r.n() && r.mention_at[k + 1] < 0 && !r.is(k + 1, between)) {
                    ++k;
                    continue;
                }
                if (r.is(k, between)) continue;
                return false;
            }
            const Mention* obj = &r.people[r.mention_at[k]];
            // "either parent could grip him": the object is not the doer
            if (obj->pronoun && obj->who != Who::Child && !obj->person.empty() && obj->person == who.person)
                obj = child_for_pronoun(r, obj);
            // "He will starve her again": a pronoun no one is named for is the case's only child it fits
            Mention scratch;
            if (obj && obj->pronoun && obj->who == Who::Unknown) obj = unnamed_child(r, obj, &scratch);
            // "will keep taking Ryan back", "keeps letting Liam stay over": another adult of the case
            // as the object, named right after the verb or a particle (not "running off to Dean")
            if (obj && adult_ok && is_any_adult(obj->who) && !obj->pronoun && obj->person != who.person &&
                !possessive(r, *obj) && !written_possessive(r, who) && r.word(k - 1) != "to")
                return deed(who, v, obj->last, out);
            if (!obj || obj->who != Who::Child) return false;
            return deed(who, v, obj->last, out);
        }
        return false;
    };
    for (const Mention& who : r.people) {
        if (!is_any_adult(who.who)) continue;
        if (possessive(r, who)) continue;  // "Claire's tablets"
        if (who.pronoun && r.word(who.first) != "he" && r.word(who.first) != "she" && r.word(who.first) != "they") continue;
        if (who.first > 0 && r.same_sentence(who.first - 1, who.first) && r.is(who.first - 1, not_subject)) continue;
        int v = who.last + 1;
        // "Jay or his friends could ...", "Dean and the men at the flat gave ...": the verb
        // after the whole subject
        if (v + 1 < r.n() && r.same_sentence(v, v + 1) && r.is(v, joint) && r.mention_at[v + 1] >= 0 &&
            is_any_adult(r.people[r.mention_at[v + 1]].who)) {
            const Mention& other = r.people[r.mention_at[v + 1]];
            v = other.last + 1;
            if (other.pronoun && v < r.n() && r.mention_at[v] < 0 && !r.is(v, r.c.modal)) ++v;  // "his friends"
        }
        // "Iwan, who is stubborn about this, might leave Osian ...": past the clause between commas
        if (v < r.n() && r.same_sentence(v, who.last) && comma_before(r, v) && r.word(v) == "who")
            for (int j = v + 1; j < r.n() && j <= v + 14 && r.same_sentence(j, v); ++j)
                if (comma_before(r, j)) {
                    v = j;
                    break;
                }
        // "a man online who bought her a phone": the relative clause's verb is the adult's
        if (v < r.n() && r.same_sentence(v, who.last) && r.word(v) == "who") ++v;
        int verb = verb_from(r, v, who.last);
        if (deed_on_child(who, verb, true)) return true;
        // "Mum is irresponsible leaving a 14 year old in charge": a word after "is", then the deed
        // by its "-ing" (eighth round)
        if (verb + 2 < r.n() && r.is(verb, r.c.be) && r.mention_at[verb + 1] < 0 && !ends_ing(r.word(verb + 1)) &&
            ends_ing(r.word(verb + 2)) && !comma_before(r, verb + 2) && deed_on_child(who, verb + 2))
            return true;
    }
    // "Aga goes to work and leaves Kacper at home": a verb joined to an earlier clause is that
    // clause's adult's, when a child of the case is its object. (A participle after a comma is
    // mostly a consequence, "placing Elis at risk", and is not read as a deed.)
    for (int j = 1; j + 1 < r.n(); ++j) {
        if (!r.is(j, joint)) continue;
        int from = j + 1;
        if (from >= r.n() || !r.same_sentence(j, from) || r.mention_at[from] >= 0) continue;
        int v = verb_from(r, from, j);
        if (v >= r.n() || !r.same_sentence(v, j)) continue;
        // a joined "not" or "can't" is omission()'s to judge; "able to" says what someone can do
        bool negated = false;
        for (int k = from; k <= v; ++k)
            if (r.is(k, r.c.negation) || r.word(k) == "n't" || in_class(r, k, "can") || in_class(r, k, "ability")) negated = true;
        if (negated) continue;
        const Mention* doer = nullptr;
        for (int k = j - 1; k >= 0 && r.same_sentence(k, j); --k) {
            if (r.mention_at[k] < 0) continue;
            const Mention& m = r.people[r.mention_at[k]];
            k = m.first;
            if (possessive(r, m)) continue;
            // "about his mam": the object of a preposition, after a possessive or not
            int before = m.first - 1;
            if (before > 0 && ((r.mention_at[before] >= 0 && r.people[r.mention_at[before]].pronoun) ||
                               r.is(before, r.c.child_determiner)))
                --before;
            if (before >= 0 && r.same_sentence(before, m.first) && r.is(before, not_subject)) continue;
            // the earlier verb's object, or a place ("outside Brookfield Academy")
            if (m.who == Who::Child || m.who == Who::ChildGeneral || m.who == Who::Professional) continue;
            if (is_any_adult(m.who)) doer = &m;
            break;
        }
        if (doer && deed_on_child(*doer, v)) return true;
    }
    // "Kacper was left at home while Aga worked": a child of the case left, in the passive, while
    // an adult of the case was elsewhere; the adult of the "while" clause left them (eleventh round;
    // not after "if": "if Finn is left alone while the adults are asleep" is what could happen)
    // (grammar's own small words, as in clauses.hpp: in a lexicon they would be features of the
    // second opinion on every "if" and "while", and moved its other criteria's thresholds)
    const auto& away_while = clause_words(r, "away-while");
    const auto& condition = clause_words(r, "condition");
    for (int v = 2; v < r.n(); ++v) {
        if (!in_class(r, v, "linking-deed") || !r.is(v - 1, r.c.be) || r.mention_at[v - 2] < 0) continue;
        const Mention& child = r.people[r.mention_at[v - 2]];
        if (child.who != Who::Child || possessive(r, child)) continue;
        if (after_condition(r, child.first, v, condition)) continue;
        if (const Mention* adult = adult_away_while(r, v, away_while)) return deed(*adult, v - 1, v, out);
    }
    // "Kacper was found alone at home ... while Aga was at work", "the police found Kacper alone
    // ... while his mum was at work": a child of the case alone ("alone", "on his own", "by
    // himself") while an adult of the family was elsewhere, said of what happened, is that adult
    // out of reach, as "was left ... while" is (thirteenth round; not after "if" or "unless")
    const auto& on_own = clause_words(r, "on-own");
    for (const Mention& child : r.people) {
        if (child.who != Who::Child || possessive(r, child) || written_possessive(r, child)) continue;
        int a = -1;
        for (int j = child.last + 1; j < r.n() && j <= child.last + 5 && r.same_sentence(j, child.last); ++j) {
            if (comma_before(r, j)) break;
            // "on his own": the child's own pronoun before "own"; "by himself" is read as a pronoun
            bool pronoun = r.mention_at[j] >= 0 && r.people[r.mention_at[j]].pronoun;
            if (r.mention_at[j] >= 0 && !pronoun) break;
            if (pronoun && !r.is(j, on_own)) {
                if (j + 1 < r.n() && r.word(j + 1) == "own") continue;
                break;
            }
            if (r.is(j, on_own)) {
                a = j;
                break;
            }
        }
        if (a < 0) continue;
        if (after_condition(r, child.first, child.first, condition)) continue;
        if (const Mention* adult = adult_away_while(r, a, away_while)) return deed(*adult, child.first, a, out);
    }
    // "Mam is working and Dad is in the shed, so nobody check Osian insulin": "nobody" doing a
    // deed to a child of the case, after the case's caregivers are named as subjects earlier in the
    // sentence, is those caregivers' deed left undone (twelfth round; not after "if" or "unless",
    // not a grandparent or helper away: "when Nain is ill, nobody else will stand with Osian";
    // not "no one to help him")
    for (int k = 1; k + 1 < r.n(); ++k) {
        if (r.mention_at[k] < 0 || r.people[r.mention_at[k]].who != Who::Nobody) continue;
        const Mention& none = r.people[r.mention_at[k]];
        const Mention* carer = nullptr;
        bool conditional = false;
        for (int j = none.first - 1; j >= 0 && r.same_sentence(j, k); --j) {
            if (r.is(j, condition)) conditional = true;
            if (r.mention_at[j] < 0) continue;
            const Mention& m = r.people[r.mention_at[j]];
            j = m.first;
            if (m.who == Who::Caregiver && !m.pronoun && !not_a_subject(r, m) && !written_possessive(r, m)) carer = &m;
        }
        if (!carer || conditional) continue;
        int from = none.last + 1;
        if (from < r.n() && r.word(from) == "else") ++from;
        // "with no one to help him": no helper there, not someone's deed
        if (from >= r.n() || r.word(from) == "to") continue;
        if (deed_on_child(*carer, verb_from(r, from, none.last))) return true;
    }
    // "an adult caring for Leo ... could squeeze his chest", "whoever minds Leo, including
    // Nani, might grip him": someone unnamed, known by caring for a child of the case
    Mention carer;
    if (unnamed_carer(r, &carer)) {
        // "whoever is caring for Leo when he won't settle might handle him": a time clause before
        // the deed is passed over, its own verbs not the carer's (twelfth round)
        const auto& time_clause = clause_words(r, "time-clause");
        bool timed = false;
        for (int j = carer.last + 1; j < r.n() && j <= carer.last + (timed ? 12 : 8) && r.same_sentence(j, carer.last); ++j) {
            // another clause begins ("... because nobody explains how his ...")
            if (r.is(j, r.c.conjunction) || r.is(j, joint) || r.word(j) == "because" || r.word(j) == "so") break;
            if (!timed && j == carer.last + 1 && r.is(j, time_clause)) {
                timed = true;
                continue;
            }
            int v = -1;
            if (r.is(j, r.c.modal)) v = verb_from(r, j, j);
            else if (!timed && r.mention_at[j] < 0 && j + 1 < r.n() && r.mention_at[j + 1] >= 0 &&
                     r.people[r.mention_at[j + 1]].who == Who::Child && !r.is(j, not_deeds) &&
                     !r.is(j, between) && !in_class(r, j, "preposition-object"))
                v = j;  // "gripped him"
            if (v < 0) continue;
            if (!deed_on_child(carer, v)) {
                if (timed) continue;  // the time clause's own modal ("won't settle")
                break;
            }
            out->own = carer;
            out->who = &out->own;
            return true;
        }
    }
    return false;
}

}  // namespace sofs::rubric
