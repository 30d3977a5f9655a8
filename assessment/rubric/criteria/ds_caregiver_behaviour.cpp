// DS-CAREGIVER-BEHAVIOUR: a specific thing an identified adult did, does,
// might do or fails to do.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"

#include <algorithm>
#include <unordered_set>

namespace sofs::rubric {

// ds_child_impact.cpp: a pronoun no one in the text is named for, read as the case's only child it fits.
const Mention* unnamed_child(const Reading& r, const Mention* target, Mention* scratch);

namespace {

// The adult a case phrase is about: a named adult of that danger (or a pronoun
// read as one) earlier in the sentence, or someone unnamed outside the family
// ("men he knows", "a man"); else after "by" ("pictures sent by Jay").
const Mention* case_agent(const Reading& r, const Match& m, const std::vector<std::string>& adults) {
    auto fits = [&](const Mention& x) {
        if (!is_any_adult(x.who)) return false;
        if (x.person.empty()) return x.who == Who::OtherAdult;
        return std::find(adults.begin(), adults.end(), x.person) != adults.end();
    };
    for (int k = m.first - 1; k >= 0 && r.same_sentence(k, m.first); --k)
        if (r.mention_at[k] >= 0 && fits(r.people[r.mention_at[k]])) return &r.people[r.mention_at[k]];
    for (int j = m.last + 1; j + 1 < r.n() && j <= m.last + 4 && r.same_sentence(j, m.last); ++j)
        if (r.word(j) == "by" && r.mention_at[j + 1] >= 0 && fits(r.people[r.mention_at[j + 1]]))
            return &r.people[r.mention_at[j + 1]];
    return nullptr;
}

// A comma written between token k-1 and token k (commas are not tokens).
bool comma_before(const Reading& r, int k) {
    if (k <= 0 || k >= r.n()) return false;
    std::size_t from = r.t.tokens[k - 1].end, to = r.t.tokens[k].begin;
    return to > from && r.t.raw.substr(from, to - from).find(',') != std::string_view::npos;
}

// "Leah could end up seriously hurt", "the baby could be hurt again": a deed
// word said in the passive of someone else, with no doer after "by", is what
// happens to them, not the adult's deed (sixth round).
bool suffered(const Reading& r, const Match& m) {
    if (!past_participle_like(r.word(m.first))) return false;
    int prev = m.first - 1;
    while (prev >= 0 && r.same_sentence(prev, m.first) && (r.is(prev, r.c.skip) || adverb(r.word(prev)))) --prev;
    if (prev < 0 || !r.same_sentence(prev, m.first)) return false;
    const std::string& p = r.word(prev);
    bool passive = r.is(prev, r.c.be) || p == "get" || p == "gets" || p == "got" || p == "getting" ||
                   (p == "up" && prev > 0 && r.word(prev - 1).rfind("end", 0) == 0);
    if (!passive) return false;
    for (int j = m.last + 1; j < r.n() && j <= m.last + 4 && r.same_sentence(j, m.last); ++j)
        if (r.word(j) == "by") return false;
    return true;
}

// What the case's own danger says these adults do or fail to do (expert key `dangers`).
bool case_behaviour(const Reading& r, const Wording& w, const std::vector<Match>& labels, Verdict* out) {
    for (auto& m : find_longest(r.t, r.c.case_words)) {
        const Phrase& p = r.c.case_words.phrases[m.phrase];
        if (p.section != "does" || overlaps(m, labels)) continue;
        if (r.negated_before(m.first, 2) && r.word(m.first) != "not") continue;
        std::size_t i = std::stoul(p.note);
        if (i >= r.c.danger_adults.size()) continue;
        const Mention* agent = case_agent(r, m, r.c.danger_adults[i]);
        if (!agent) continue;
        if (suffered(r, m)) continue;
        // "on Karen's work nights", "Claire's tablets": whose thing it is, not a deed ("Ryan's
        // drinking", a deed named by its "-ing", still is); after "her" ("went to her late
        // shift") the one who does it is named before
        const std::string& first = r.word(m.first);
        if (agent->last + 1 == m.first && !(first.size() > 4 && first.compare(first.size() - 3, 3, "ing") == 0)) {
            const std::string& aw = r.word(agent->last);
            std::string_view raw = r.t.raw.substr(r.t.tokens[agent->last].begin,
                                                  r.t.tokens[agent->last].end - r.t.tokens[agent->last].begin);
            auto ends = [&](std::string_view suf) {
                return raw.size() > suf.size() && raw.substr(raw.size() - suf.size()) == suf;
            };
            if (ends("'s") || ends("\xE2\x80\x99s") || ends("s'")) continue;
            if (agent->pronoun && (aw == "her" || aw == "his" || aw == "their")) {
                Match earlier = m;
                earlier.first = agent->first;
                agent = case_agent(r, earlier, r.c.danger_adults[i]);
                if (!agent) continue;
            }
        }
        Evidence ev;
        ev.add(r, agent->first, agent->last);
        ev.add(r, m.first, m.last);
        *out = w.make("DS-CAREGIVER-BEHAVIOUR", true, "", ev.spans, ev.words);
        return true;
    }
    return false;
}

// An omission is behaviour: an adult who "does not", "may not", "never" do
// something a child needs ("Marcus may not find a way to keep the flat warm",
// "Chloe does not ring Lily"). The adult is the subject right before.
bool omission(const Reading& r, const Wording& w, const std::vector<Match>& general, Verdict* out) {
    const auto& inner = r.d.lex("non-actions");
    auto inner_at = find_longest(r.t, inner);
    for (int k = 0; k < r.n(); ++k) {
        // "may be unable to wake", "struggling to get up": what follows "to" is not done (sixth round)
        static const std::unordered_set<std::string> unable = {"unable", "struggling", "struggles", "struggle", "struggled"};
        bool to = unable.count(r.word(k)) && k + 2 < r.n() && r.word(k + 1) == "to" && r.same_sentence(k, k + 2);
        if (r.word(k) != "not" && r.word(k) != "never" && !to) continue;
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
        if (!subject) continue;
        const Mention& who = *subject;
        if (!is_any_adult(who.who)) continue;
        int v = to ? k + 2 : k + 1;
        // "may not be able to keep ...": the verb after
        if (v + 2 < r.n() && r.word(v) == "be" && r.word(v + 1) == "able" && r.word(v + 2) == "to") v += 3;
        // "may not be making sure", "isn't feeding her": the "-ing" is the deed left undone
        else if (v + 1 < r.n() && r.is(v, r.c.be) && r.same_sentence(v, v + 1) && r.word(v + 1).size() > 4 &&
                 r.word(v + 1).compare(r.word(v + 1).size() - 3, 3, "ing") == 0 && r.mention_at[v + 1] < 0)
            ++v;
        while (v < r.n() && r.same_sentence(v, k) && (r.is(v, r.c.skip) || adverb(r.word(v)))) ++v;
        // "may not get help", "cannot get up": getting something or someone is a deed, though "get" links a state
        static const std::unordered_set<std::string> got = {"help", "someone", "somebody", "anyone", "another", "a", "an",
                                                            "the", "up", "out", "her", "him", "them", "his", "their"};
        bool get = v + 1 < r.n() && r.same_sentence(v, v + 1) && (r.word(v) == "get" || r.word(v) == "gets") &&
                   (got.count(r.word(v + 1)) || r.mention_at[v + 1] >= 0);
        if (v >= r.n() || !r.same_sentence(v, k) || (r.is(v, r.c.be_or_auxiliary) && !get) || r.mention_at[v] >= 0) continue;
        // "does not understand": an inner state; but "may not change Lily's nappy": a
        // verb with a child of the case as its object is a deed (sixth round)
        // after "unable to", "struggling to": a deed with no object ("unable to supervise",
        // "struggling to get up") or done to a child of the case ("unable to provide Lily with
        // warmth"), not "unable to provide a plausible explanation"
        if (to) {
            int e = v + 1;
            while (e < r.n() && r.same_sentence(e, v) && (r.word(e) == "up" || r.word(e) == "out" || adverb(r.word(e)))) ++e;
            bool bare = e >= r.n() || !r.same_sentence(e, v) || comma_before(r, e) || r.is(e, r.c.conjunction) ||
                        r.word(e) == "and" || r.word(e) == "so" || r.word(e) == "because";
            bool child = false;
            for (int j = v + 1; j < r.n() && j <= v + 3 && r.same_sentence(j, v); ++j)
                if (r.mention_at[j] >= 0 && r.people[r.mention_at[j]].who == Who::Child) child = true;
            if (!bare && !child) continue;
        }
        if (starts_at(inner_at, v) &&
            !(v + 1 < r.n() && r.same_sentence(v, v + 1) && r.mention_at[v + 1] >= 0 && r.people[r.mention_at[v + 1]].who == Who::Child))
            continue;
        if (!std::isalpha((unsigned char)r.word(v)[0])) continue;
        // "is not capable", "are not protective": a state, not a deed left undone
        // ("isn't up", "is not there": an adult out of reach is behaviour)
        static const std::unordered_set<std::string> away = {"up", "there", "home", "around", "awake", "in"};
        if (state && !away.count(r.word(v)) && !(r.word(v).size() > 4 && r.word(v).compare(r.word(v).size() - 3, 3, "ing") == 0))
            continue;
        if (joined) {
            // "has started a night job and can't mind Kacper": a joined "can't" says what a
            // circumstance stops, not a deed left undone
            bool can = false;
            for (int j = s + 1; j < k; ++j)
                if (r.word(j) == "can" || r.word(j) == "ca" || r.word(j) == "cannot") can = true;
            if (can) continue;
            bool child = false;
            for (int j = v + 1; j < r.n() && j <= v + 3 && r.same_sentence(j, v); ++j)
                if (r.mention_at[j] >= 0 && r.people[r.mention_at[j]].who == Who::Child) child = true;
            if (!child) continue;
        }
        // care said only in general ("doesn't care", "can't parent", "not tell the truth"),
        // unless a deed follows ("doesn't care enough to get up")
        if (starts_at(general, v) && !(v + 2 < r.n() && r.word(v + 1) == "enough" && r.word(v + 2) == "to")) continue;
        Evidence ev;
        ev.add(r, who.first, who.last);
        ev.add(r, k, v);
        *out = w.make("DS-CAREGIVER-BEHAVIOUR", true, "", ev.spans, ev.words);
        return true;
    }
    return false;
}

// Too ... to: an adult "too low to get up", "too scared to ask for help", "in too
// much pain to get out of bed" will not do what follows: an omission. What
// follows must be a deed (not being, not an inner state, not care said only
// in general: "too depressed to be a proper parent", "too slow to understand").
bool too_to(const Reading& r, const Wording& w, const std::vector<Match>& general, Verdict* out) {
    static const std::unordered_set<std::string> linking = {"is", "are", "was", "were", "be", "been", "being", "feel",
                                                            "feels", "felt", "seem", "seems", "get", "gets", "got",
                                                            "become", "becomes", "in", "so", "far", "much", "'s", "'re"};
    const auto& inner = r.d.lex("non-actions");
    auto inner_at = find_longest(r.t, inner);
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
        if (!std::isalpha((unsigned char)r.word(v)[0])) continue;
        // the adult: right before "too", over linking words, modals and adverbs
        int s = k - 1;
        while (s >= 0 && r.same_sentence(s, k) && r.mention_at[s] < 0 &&
               (linking.count(r.word(s)) || r.is(s, r.c.skip) || r.is(s, r.c.modal) || r.is(s, r.c.be_or_auxiliary) ||
                adverb(r.word(s))))
            --s;
        if (s < 0 || !r.same_sentence(s, k) || r.mention_at[s] < 0) continue;
        const Mention& who = r.people[r.mention_at[s]];
        if (!is_any_adult(who.who)) continue;
        Evidence ev;
        ev.add(r, who.first, who.last);
        ev.add(r, k, v);
        *out = w.make("DS-CAREGIVER-BEHAVIOUR", true, "", ev.spans, ev.words);
        return true;
    }
    return false;
}

// Who does what to a child: an adult as the subject of a verb whose object is
// a child of the case ("Joel might give Ruby too little milk", "Dean will take
// Lee off in his car", "Mererid and Iwan may stop checking Osian's insulin",
// "Aga left him alone"). Any verb counts but being, having, inner states
// ("think", "know", "cope": non-actions), saying and worrying; the child must
// be the verb's object, before another clause begins.
bool acts_on_child(const Reading& r, const Wording& w, const std::vector<Match>& blocked, Verdict* out) {
    static const std::unordered_set<std::string> lead = {"keep", "keeps", "kept", "keeping", "carry", "carries", "on",
                                                          "continue", "continues", "go", "goes", "to", "again", "start",
                                                          "starts", "stop", "stops", "then", "try", "tries", "not", "never",
                                                          "once", "sometimes", "often", "repeatedly", "be", "been"};
    static const std::unordered_set<std::string> not_deeds = {
        "say", "says", "said", "saying", "worry", "worries", "worried", "love", "loves", "loved", "like", "likes",
        "need", "needs", "needed", "seem", "seems", "work", "works", "worked", "working", "live", "lives", "lived",
        "living", "be", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having", "get", "gets",
        "got", "lacks", "lack", "deny", "denies", "denied", "admit", "admits", "admitted", "believe", "believes",
        "explain", "explains", "find", "finds", "found", "report", "reports", "reported", "struggle", "struggles", "struggled", "struggling", "cares",
        "care",
        // words that are no verb at all
        "and", "or", "but", "so", "that", "because", "when", "while", "if", "who", "which", "as", "until", "unless", "the",
        "a", "an", "his", "her", "their", "its", "to", "of", "in", "on", "at", "for", "with", "from", "by", "about", "plus",
        "then", "before", "after", "over", "than", "like", "nor", "whether", "where"};
    static const std::unordered_set<std::string> keepers = {"keep", "keeps", "kept", "keeping", "stop", "stops",
                                                             "stopped"};
    static const std::unordered_set<std::string> between = {"up", "off", "out", "back", "in", "down", "on", "to",
                                                             "the", "a", "little", "baby", "his", "her", "their", "both", "with"};
    // a subject is not the object of a preposition or a description ("an angry man")
    static const std::unordered_set<std::string> not_subject = {"a", "an", "of", "with", "to", "from", "for", "by", "about",
                                                                 "at", "on", "in", "like", "than", "over", "before", "after"};
    const auto& inner = r.d.lex("non-actions");
    auto inner_at = find_longest(r.t, inner);
    // the verb at or after `v` (over modals, adverbs and helpers) in the clause of `from`
    auto verb_from = [&](int v, int from) {
        while (v < r.n() && r.same_sentence(v, from) &&
               (r.is(v, r.c.modal) || r.is(v, r.c.skip) || adverb(r.word(v)) || lead.count(r.word(v)) ||
                (r.is(v, r.c.be_or_auxiliary) && v + 1 < r.n() && r.same_sentence(v, v + 1) &&
                 (lead.count(r.word(v + 1)) || r.is(v + 1, r.c.skip) || r.is(v + 1, r.c.negation) ||
                  (r.word(v + 1).size() > 4 && r.word(v + 1).compare(r.word(v + 1).size() - 3, 3, "ing") == 0) ||
                  past_participle(r.word(v + 1))))))
            ++v;
        return v;
    };
    // a deed of `who` at `v` whose object is a child of the case: the verdict
    auto deed_on_child = [&](const Mention& who, int v) {
        if (v >= r.n() || !r.same_sentence(v, who.last)) return false;
        // "Jay could keep Maya up", "stop Maya going": the verb was read as a helper
        if (r.mention_at[v] >= 0 && v - 1 > who.last && keepers.count(r.word(v - 1))) --v;
        if (r.mention_at[v] >= 0) return false;
        const std::string& verb = r.word(v);
        bool get = (verb == "get" || verb == "gets" || verb == "got" || verb == "getting") && v + 1 < r.n() &&
                   r.mention_at[v + 1] >= 0;  // "get Osian to clinic": getting someone somewhere is a deed
        if (verb.empty() || !std::isalpha((unsigned char)verb[0]) || (!get && not_deeds.count(verb)) ||
            (!get && r.is(v, r.c.be_or_auxiliary)))
            return false;
        if (starts_at(inner_at, v)) return false;
        for (auto& b : blocked)
            if (v >= b.first && v <= b.last) return false;
        // the child right after the verb, or after a particle, a determiner or
        // "to" and a second verb ("give Ruby", "take Lee off", "pick him up",
        // "forget to check his insulin", "stop checking on him")
        for (int k = v + 1; k < r.n() && k <= v + 5 && r.same_sentence(k, v); ++k) {
            if (comma_before(r, k)) return false;  // "mum and dad tired, baby cries": another clause
            if (r.mention_at[k] < 0) {
                if (r.word(k) == "to" && k + 1 < r.n() && r.mention_at[k + 1] < 0 && !between.count(r.word(k + 1))) {
                    ++k;
                    continue;
                }
                if (between.count(r.word(k))) continue;
                return false;
            }
            const Mention* obj = &r.people[r.mention_at[k]];
            // "either parent could grip him": the object is not the doer
            if (obj->pronoun && obj->who != Who::Child && !obj->person.empty() && obj->person == who.person)
                obj = child_for_pronoun(r, obj);
            // "He will starve her again": a pronoun no one is named for is the case's only child it fits
            Mention scratch;
            if (obj && obj->pronoun && obj->who == Who::Unknown) obj = unnamed_child(r, obj, &scratch);
            if (!obj || obj->who != Who::Child) return false;
            Evidence ev;
            ev.add(r, who.first, who.last);
            ev.add(r, v, obj->last);
            *out = w.make("DS-CAREGIVER-BEHAVIOUR", true, "", ev.spans, ev.words);
            return true;
        }
        return false;
    };
    auto possessive = [&](const Mention& m) {
        const std::string& last = r.word(m.last);
        return last.size() > 2 && last.compare(last.size() - 2, 2, "'s") == 0;
    };
    for (const Mention& who : r.people) {
        if (!is_any_adult(who.who)) continue;
        if (possessive(who)) continue;  // "Claire's tablets"
        if (who.pronoun && r.word(who.first) != "he" && r.word(who.first) != "she" && r.word(who.first) != "they") continue;
        if (who.first > 0 && r.same_sentence(who.first - 1, who.first) && not_subject.count(r.word(who.first - 1))) continue;
        int v = who.last + 1;
        // "Jay or his friends could ...", "Dean and the men at the flat gave ...": the verb
        // after the whole subject (sixth round)
        if (v + 1 < r.n() && r.same_sentence(v, v + 1) && (r.word(v) == "and" || r.word(v) == "or" || r.word(v) == "n") &&
            r.mention_at[v + 1] >= 0 && is_any_adult(r.people[r.mention_at[v + 1]].who)) {
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
        if (deed_on_child(who, verb_from(v, who.last))) return true;
    }
    // "Aga goes to work and leaves Kacper at home", "Jay or his friends could pick her up and hurt her":
    // a verb joined to an earlier clause is that clause's adult's, when a child of the
    // case is its object (sixth round)
    for (int j = 1; j + 1 < r.n(); ++j) {
        const std::string& joint = r.word(j);
        // (a participle after a comma is mostly a consequence: "placing Elis at risk",
        // "exposing Finn to", "leaving her hurt"; it is not read as a deed)
        if (!(joint == "and" || joint == "or" || joint == "n")) continue;
        int from = j + 1;
        if (from >= r.n() || !r.same_sentence(j, from) || r.mention_at[from] >= 0) continue;
        int v = verb_from(from, j);
        if (v >= r.n() || !r.same_sentence(v, j)) continue;
        // a joined "not" or "can't" is omission()'s to judge ("and can't mind Kacper" says what a
        // circumstance stops); "able to" says what someone can do, not a deed
        bool negated = false;
        for (int k = from; k <= v; ++k)
            if (r.is(k, r.c.negation) || r.word(k) == "n't" || r.word(k) == "can" || r.word(k) == "ca" ||
                r.word(k) == "cannot" || r.word(k) == "able" || r.word(k) == "unable")
                negated = true;
        if (negated) continue;
        const Mention* doer = nullptr;
        for (int k = j - 1; k >= 0 && r.same_sentence(k, j); --k) {
            if (r.mention_at[k] < 0) continue;
            const Mention& m = r.people[r.mention_at[k]];
            k = m.first;
            if (possessive(m)) continue;
            // "about his mam": the object of a preposition, after a possessive or not
            int before = m.first - 1;
            if (before > 0 && ((r.mention_at[before] >= 0 && r.people[r.mention_at[before]].pronoun) ||
                               r.is(before, r.c.child_determiner)))
                --before;
            if (before >= 0 && r.same_sentence(before, m.first) && not_subject.count(r.word(before))) continue;
            // the earlier verb's object, or a place ("outside Brookfield Academy")
            if (m.who == Who::Child || m.who == Who::ChildGeneral || m.who == Who::Professional) continue;
            if (is_any_adult(m.who)) doer = &m;
            break;
        }
        if (doer && deed_on_child(*doer, v)) return true;
    }
    return false;
}

// A mention that cannot be a clause's subject: a possessive ("Leah's"), or the
// object of a preposition ("before her son", "for Leo"). Sixth round.
bool not_a_subject(const Reading& r, const Mention& m) {
    static const std::unordered_set<std::string> objects = {"before", "after", "for", "of", "with", "to", "from", "about",
                                                             "at", "in", "on", "than", "over", "by", "against", "towards"};
    const std::string& last = r.word(m.last);
    if (last.size() > 2 && last.compare(last.size() - 2, 2, "'s") == 0) return true;
    int before = m.first - 1;
    if (before >= 0 && r.same_sentence(before, m.first) && r.is(before, r.c.child_determiner) && r.mention_at[before] < 0)
        --before;
    return before >= 0 && r.same_sentence(before, m.first) && objects.count(r.word(before)) > 0;
}

// The doer of a deed at `tok` when the nearest person before it is not: people who
// are objects ("before her son", "caring for Leo", "in Leo's home") are passed over
// ("an adult caring for Leo on a bad evening could squeeze his chest", "who puts work
// before her son and left him alone"); in notes, a sentence that opens with the deed
// carries on about the adult last named ("Dean (24) sleeping w/ Leah. Grabbed her
// arm"). Sixth round.
const Mention* doer_past_objects(const Reading& r, int tok) {
    bool anyone = false;
    for (int k = tok - 1; k >= 0 && r.same_sentence(k, tok); --k) {
        if (r.mention_at[k] < 0) continue;
        anyone = true;
        const Mention& m = r.people[r.mention_at[k]];
        k = m.first;
        if (not_a_subject(r, m)) continue;
        return is_any_adult(m.who) ? &m : nullptr;
    }
    if (anyone) return nullptr;
    // a sentence opening with the deed (over adverbs only)
    int open = tok - 1;
    while (open >= 0 && r.same_sentence(open, tok) && (r.is(open, r.c.skip) || adverb(r.word(open)))) --open;
    if (open >= 0 && r.same_sentence(open, tok)) return nullptr;
    // done to someone named right after ("Grabbed her arm"; not "Missing x4", "High risk")
    if (!(tok + 1 < r.n() && r.same_sentence(tok, tok + 1) && r.mention_at[tok + 1] >= 0)) return nullptr;
    Who after = r.people[r.mention_at[tok + 1]].who;
    if (after != Who::Child && !is_any_adult(after)) return nullptr;  // "Missed school twice"
    for (int k = tok - 1; k >= 0; --k) {
        if (r.mention_at[k] < 0) continue;
        const Mention& m = r.people[r.mention_at[k]];
        if (is_any_adult(m.who) && !m.pronoun) return &m;
        k = m.first;
    }
    return nullptr;
}

// "Jade fails to protect the children by letting Ryan back in", "... from Ryan and keeps
// letting him back in": a deed after "by" (the means) or joined by "and" is the
// adult's who is the clause's subject, past the children and others who are objects
// before it. Null when no such joint. Sixth round.
const Mention* joined_doer(const Reading& r, int tok) {
    static const std::unordered_set<std::string> lead = {"keep", "keeps", "kept", "keeping", "then", "also", "still",
                                                          "carry", "carries", "carried", "on", "again", "not", "never"};
    int j = tok - 1;
    while (j >= 0 && r.same_sentence(j, tok) && r.mention_at[j] < 0 &&
           (lead.count(r.word(j)) || r.is(j, r.c.modal) || r.is(j, r.c.skip) || adverb(r.word(j))))
        --j;
    if (j < 0 || !r.same_sentence(j, tok) || !(r.word(j) == "and" || r.word(j) == "or" || r.word(j) == "by")) return nullptr;
    for (int k = j - 1; k >= 0 && r.same_sentence(k, j); --k) {
        if (r.mention_at[k] < 0) continue;
        const Mention& m = r.people[r.mention_at[k]];
        k = m.first;
        if (not_a_subject(r, m)) continue;
        // "Mia could be dropped or choke": a child who is the subject does the second verb too
        if ((m.who == Who::Child || m.who == Who::ChildGeneral) && m.last + 1 < r.n() &&
            (r.is(m.last + 1, r.c.modal) || r.is(m.last + 1, r.c.be_or_auxiliary)))
            return nullptr;
        if (m.who == Who::Child || m.who == Who::ChildGeneral || m.who == Who::Professional) continue;
        return is_any_adult(m.who) ? &m : nullptr;
    }
    return nullptr;
}

}  // namespace

Verdict ds_behaviour(const Reading& r, const Wording& w) {
    auto cats = r.longest("categories");
    auto labels = r.longest("labels");
    std::vector<Match> general;
    for (auto& m : r.longest("behaviours")) {
        const Phrase& p = r.phrase("behaviours", m);
        if (p.section == "general") {
            general.push_back(m);
            continue;
        }
        if (overlaps(m, cats) || overlaps(m, labels)) continue;
        if (r.negated_before(m.first, 2) && r.word(m.first) != "not") continue;
        const Mention* agent = nullptr;
        int prev = r.back_over(m.first, {});
        bool passive = p.section != "state" && prev >= 0 && r.is(prev, r.c.be) &&
                       past_participle_like(r.word(m.first));
        if (passive) {
            for (int j = m.last + 1; j < r.n() && j <= m.last + 4 && r.same_sentence(j, m.last); ++j)
                if (r.word(j) == "by" && j + 1 < r.n()) {
                    // "by his father": the possessive before the person is passed over
                    int a = j + 1;
                    if (a + 1 < r.n() && r.mention_at[a] < 0 && r.is(a, r.c.child_determiner)) ++a;
                    if (r.mention_at[a] < 0) continue;
                    agent = &r.people[r.mention_at[a]];
                    break;
                }
        } else {
            if (suffered(r, m)) continue;  // "Leah could end up badly hurt", "will get hurt"
            agent = subject_of(r, m.first);
        }
        // "older men Maya has met online may ask her ...": the adult right before the child is the subject
        if (agent && agent->who == Who::Child && agent->first > 0 && r.mention_at[agent->first - 1] >= 0 &&
            is_any_adult(r.people[r.mention_at[agent->first - 1]].who))
            agent = &r.people[r.mention_at[agent->first - 1]];
        // "the shouting and pushing between Ryan and Jade", "shouting from Ryan": a named adult after the deed
        if ((!agent || !is_any_adult(agent->who)) && r.word(m.last).size() > 4 &&
            r.word(m.last).compare(r.word(m.last).size() - 3, 3, "ing") == 0)
            for (int j = m.last + 1; j < r.n() && j <= m.last + 6 && r.same_sentence(j, m.last); ++j)
                if ((r.word(j) == "between" || r.word(j) == "from" || r.word(j) == "by") && j + 1 < r.n() &&
                    r.mention_at[j + 1] >= 0) {
                    agent = &r.people[r.mention_at[j + 1]];
                    break;
                }
        if (!passive && (!agent || !is_any_adult(agent->who))) agent = joined_doer(r, m.first);
        if (!passive && (!agent || !is_any_adult(agent->who))) agent = doer_past_objects(r, m.first);
        if (!agent || !is_any_adult(agent->who)) continue;
        Evidence ev;
        ev.add(r, agent->first, agent->last);
        ev.add(r, m.first, m.last);
        return w.make("DS-CAREGIVER-BEHAVIOUR", true, "", ev.spans, ev.words);
    }
    std::vector<Match> blocked = cats;
    blocked.insert(blocked.end(), labels.begin(), labels.end());
    for (auto& m : r.longest("vague-harm")) blocked.push_back(m);
    for (auto& m : r.longest("jargon")) blocked.push_back(m);
    blocked.insert(blocked.end(), general.begin(), general.end());  // "meet Ruby's needs", "prioritise them"
    if (Verdict v; case_behaviour(r, w, labels, &v) || omission(r, w, general, &v) || too_to(r, w, general, &v) || acts_on_child(r, w, blocked, &v)) return v;
    Evidence ev;
    std::string reason;
    for (auto& m : cats) {
        ev.add(r, m.first, m.last);
        reason = "category";
    }
    if (reason.empty())
        for (auto& m : labels) {
            ev.add(r, m.first, m.last);
            reason = "label";
        }
    return w.make("DS-CAREGIVER-BEHAVIOUR", false, reason, ev.spans, ev.words);
}

}  // namespace sofs::rubric
