// reading/: a safety goal read clause by clause: who will do what ("Ryan
// will stay at Dean's"), and whether that is a positive action, a
// prohibition, a service, an inner change or someone watching.
#pragma once

#include "rubric/reading/doers.hpp"
#include "rubric/reading/reading.hpp"

#include <algorithm>
#include <cctype>

namespace sofs::rubric {

// What one "X will ..." clause of a goal asks for.
struct Clause {
    const Mention* subject = nullptr;
    int modal_first = 0, verb = -1;  // token of the first verb after the modal
    int end = 0;                     // last token of the sentence
    enum Kind { Positive, Prohibition, Service, NonAction, Watch, None } kind = None;
    bool concrete = false;           // a concrete, observable action
};

struct GoalReading {
    const Reading& r;
    std::vector<Clause> clauses;
    std::vector<Match> modals, services, prohibitions, nonactions, positives, safe, behaviours, themes, observe, times, vague;

    explicit GoalReading(const Reading& rd) : r(rd) {
        services = r.longest("services");
        prohibitions = r.all("prohibitions");
        nonactions = r.all("non-actions");
        positives = r.longest("positive-actions");
        safe = r.all("safe-states");
        behaviours = r.longest("behaviours");
        themes = r.all("danger-themes");
        observe = r.longest("observability");
        times = r.all("time-frames");
        vague = r.longest("vague-verbs");
        modals = r.longest("goal-modals");
        // "2 cans on a Saturday": a plural noun whose stem is a modal is not "can" (seventh round)
        std::erase_if(modals, [&](const Match& m) {
            const std::string& w = r.word(m.first);
            return m.first == m.last && w.size() > 2 && w.back() == 's' && !r.is(m.first, r.c.modal) &&
                   r.c.modal.count(w.substr(0, w.size() - 1));
        });
        // "Dad to keep the flat warm", "Mum + dad to sort a rota", "Dad or aunt to collect Maya": a person and "to"
        // opening a sentence or following "and" asks the same as "will"
        for (std::size_t i = 0; i < r.people.size(); ++i) {
            const Mention& m = r.people[i];
            int to = m.last + 1;
            if (to + 1 >= r.n() || r.word(to) != "to" || !r.same_sentence(m.last, to + 1)) continue;
            int head = m.first;
            for (;;) {  // back over "Mum and Dad", "Mum + dad"
                if (head >= 1 && r.mention_at[head - 1] >= 0 && r.same_sentence(head - 1, head))
                    head = r.people[r.mention_at[head - 1]].first;
                else if (head >= 2 && (r.word(head - 1) == "and" || r.word(head - 1) == "or") && r.mention_at[head - 2] >= 0)
                    head = r.people[r.mention_at[head - 2]].first;
                else
                    break;
            }
            if (head > 0 && r.same_sentence(head - 1, head)) continue;
            modals.push_back(Match{0, to, to});
        }
        std::sort(modals.begin(), modals.end(), [](const Match& a, const Match& b) { return a.first < b.first; });
        for (auto& m : modals) read_clause(m);
    }
    // A vague verb at `v` ("show", "keep ... safe"); `promise_only`: only the
    // [promise] kind, and only when nothing concrete follows it in the sentence.
    bool vague_at(int v, bool promise_only = false) const {
        for (auto& m : vague) {
            if (m.first != v) continue;
            if (!promise_only) return true;
            if (r.phrase("vague-verbs", m).section != "promise") return false;
            // up to the next "X will" of the sentence
            int end = m.last;
            while (end + 1 < r.n() && r.same_sentence(end + 1, v) && !starts_at(modals, end + 1)) ++end;
            for (auto& p : positives)
                if (p.first > m.last && p.first <= end && r.phrase("positive-actions", p).section == "concrete") return false;
            for (auto& s : safe)
                if (s.first > m.last && s.first <= end) return false;
            return true;
        }
        return false;
    }

    // "Linda will check", "the nursery will see": watching, not caring.
    bool watching(int v) const {
        const Match* m = nullptr;
        return starts_at(observe, v, &m) && r.phrase("observability", *m).section == "watch";
    }

    // "go to AA", "keep every appointment": a plain verb carrying a service.
    bool carries_service(int v) const {
        static const char* const kCarriers[] = {"go", "goes", "get", "keep", "see", "talk", "speak", "meet", "start",
                                                "begin", "join", "use", "finish", "take", "do", "make", "book"};
        for (const char* c : kCarriers)
            if (r.word(v) == c) return true;
        return false;
    }
    bool service_within(int from, int to) const {
        for (auto& m : services)
            if (m.first >= from && m.first <= to && m.first < r.n() && r.same_sentence(m.first, from - 1)) return true;
        return false;
    }

    Clause::Kind kind_at(int v, bool* concrete, const Mention* subject = nullptr) const {
        const Match* hit = nullptr;
        *concrete = false;
        if (v < 0 || v >= r.n()) return Clause::None;
        if (r.is(v, r.c.negation) || starts_at(prohibitions, v)) return Clause::Prohibition;
        if (starts_at(services, v) || (carries_service(v) && service_within(v + 1, v + 6))) {
            *concrete = true;
            return Clause::Service;
        }
        const Match* nonaction = nullptr;
        const Match* positive = nullptr;
        starts_at(nonactions, v, &nonaction);
        starts_at(positives, v, &positive);
        // "will change Lily's nappy" is a deed; "will change" alone an inner change
        if (nonaction && positive && positive->last > nonaction->last) nonaction = nullptr;
        // "will keep coaching the rugby": the deed kept up is the verb
        if (positive && positive->first == positive->last && r.word(v) == "keep" && v + 1 < r.n() &&
            r.same_sentence(v, v + 1) && r.word(v + 1).size() > 4 &&
            r.word(v + 1).compare(r.word(v + 1).size() - 3, 3, "ing") == 0 && !starts_at(services, v + 1) &&
            !starts_at(behaviours, v + 1)) {
            *concrete = true;
            return Clause::Positive;
        }
        if (nonaction) {
            // "will manage his drinking by staying at Dean's": the means is what will be done
            for (int k = v + 1; k < r.n() && k <= v + 8 && r.same_sentence(k, v); ++k)
                if (r.word(k) == "by" && k + 1 < r.n() && r.same_sentence(k + 1, v) && starts_at(positives, k + 1))
                    return kind_at(k + 1, concrete, subject);
            return Clause::NonAction;
        }
        // "Linda will check", "the nursery will see" watch; "Ryan will only see the children when sober",
        // "Jade will check on them every hour" is care
        if (watching(v) && !(subject && subject->who == Who::Caregiver)) return Clause::Watch;
        // "Jade will check this": watching what another does, not caring for the children
        if (watching(v) && v + 1 < r.n() &&
            (r.word(v + 1) == "this" || r.word(v + 1) == "that" || r.word(v + 1) == "it" || r.word(v + 1) == "these"))
            return Clause::Watch;
        // "will tell the social worker", "will let the school know": keeping professionals informed, not care
        static const std::unordered_set<std::string> informing = {"tell", "inform", "update", "let"};
        if (informing.count(r.word(v)) && v + 1 < r.n() && r.mention_at[v + 1] >= 0 &&
            r.people[r.mention_at[v + 1]].who == Who::Professional)
            return Clause::Watch;
        // "will drink less", "will only drink at weekends": the danger itself, rationed
        // ("will go for a walk" is not "go for" someone: the longer phrase decides)
        const Match* pos = nullptr;
        starts_at(positives, v, &pos);
        for (auto& b : behaviours)
            if (b.first == v && !(pos && pos->last > b.last)) return Clause::Prohibition;
        // "will get Lily up and dressed": getting someone else up is a deed
        if (r.word(v) == "get" && v + 1 < r.n() && r.mention_at[v + 1] >= 0 &&
            !(r.people[r.mention_at[v + 1]].last + 1 < r.n() && r.word(r.people[r.mention_at[v + 1]].last + 1) == "to")) {
            *concrete = true;
            return Clause::Positive;
        }
        if (r.is(v, r.c.be) && !starts_at(positives, v)) {
            // "will be cared for by a sober adult", "will be held only by ...": care, in the passive
            int u = v + 1;
            while (u < r.n() && r.same_sentence(u, v) && (r.is(u, r.c.skip) || adverb(r.word(u)))) ++u;
            if (u < r.n() && r.same_sentence(u, v) && !r.is(u, r.c.negation) &&
                (starts_at(positives, u) || past_participle(r.word(u))))
                for (int k = u; k < r.n() && k <= u + 4 && r.same_sentence(k, v); ++k)
                    if (r.word(k) == "by" || starts_at(positives, u)) {
                        const Match* pm = nullptr;
                        *concrete = !starts_at(positives, u, &pm) || r.phrase("positive-actions", *pm).section == "concrete";
                        return Clause::Positive;
                    }
            if (v + 1 < r.n() && (starts_at(safe, v + 1) || (r.is(v + 1, r.c.skip) && starts_at(safe, v + 2)))) {
                *concrete = true;
                return Clause::Positive;
            }
            return Clause::NonAction;
        }
        if (starts_at(positives, v, &hit)) {
            *concrete = r.phrase("positive-actions", *hit).section == "concrete";
            // "make sure ... sober", "keep ... calm": concrete when a safe state follows
            if (!*concrete)
                for (auto& s : safe)
                    if (s.first > v && s.first <= v + 8 && r.same_sentence(s.first, v)) *concrete = true;
            return Clause::Positive;
        }
        if (r.mention_at[v] >= 0) return Clause::None;
        return Clause::Positive;  // an everyday verb we have no list for: an action all the same
    }

    void read_clause(const Match& m) {
        Clause c;
        c.modal_first = m.first;
        // the person right before "will" is its subject; otherwise the nearest
        // one not inside a phrase such as "in Kai and Mia's lives"
        int k = r.back_over(m.first, {});
        c.subject = k >= 0 && r.mention_at[k] >= 0 ? &r.people[r.mention_at[k]] : r.subject_before(m.first, true);
        // "Ryan will see his GP and will stay at Dean's": the same subject again
        if (k >= 0 && r.is(k, r.c.conjunction) && !clauses.empty() && r.same_sentence(clauses.back().modal_first, m.first))
            c.subject = clauses.back().subject;
        int v = m.last + 1;
        // "will have stopped": passed over; "will have the children", "will do a course": the verb itself
        while (v < r.n() && r.same_sentence(v, m.last) &&
               (r.is(v, r.c.skip) || adverb(r.word(v)) ||
                (r.is(v, r.c.auxiliary) && v + 1 < r.n() && past_participle(r.word(v + 1)))))
            ++v;
        if (v >= r.n() || !r.same_sentence(v, m.last)) return;
        if (starts_at(modals, v)) return;  // "will agree to attend": the next modal reads it
        c.verb = v;
        c.end = v;
        while (c.end + 1 < r.n() && r.same_sentence(c.end + 1, v)) ++c.end;
        c.kind = kind_at(v, &c.concrete, c.subject);
        // coordinated actions: "will stop drinking and stay at his brother's"
        for (int k = v + 1; k <= c.end; ++k) {
            if (!r.is(k, r.c.conjunction)) continue;
            int u = k + 1;
            while (u <= c.end && r.is(u, r.c.skip)) ++u;
            if (u > c.end) break;
            if (starts_at(positives, u) || starts_at(services, u) || starts_at(prohibitions, u) ||
                r.is(u, r.c.negation)) {
                Clause extra = c;
                extra.verb = u;
                extra.kind = kind_at(u, &extra.concrete, extra.subject);
                // "will never get into his car or go to the flats": "or" under "not" or
                // "never" joins deeds ruled out alike (eleventh round)
                if (r.is(v, r.c.negation) && r.word(k) == "or") extra.kind = Clause::Prohibition;
                clauses.push_back(extra);
            }
        }
        clauses.push_back(c);
    }

    bool caregiver(const Clause& c) const { return c.subject && is_adult(c.subject->who); }
    bool professional(const Clause& c) const {
        return c.subject && (c.subject->who == Who::Professional || c.subject->who == Who::Speaker);
    }
    // A danger behaviour ruled out: "will not drink", "without shouting", "no shouting".
    // Only small words, other behaviours or "and"/"or" may stand between the
    // "not" and the behaviour ("will never hit or push", "not be drinking").
    bool ruled_out(const Match& b) const {
        for (int k = b.first - 1; k >= 0 && k >= b.first - 6 && r.same_sentence(k, b.first); --k) {
            if (r.is(k, r.c.negation)) return true;
            for (auto& p : prohibitions)
                if (k >= p.first && k <= p.last) return true;
            bool small = r.is(k, r.c.skip) || r.is(k, r.c.be) || r.is(k, r.c.auxiliary) || r.is(k, r.c.conjunction);
            bool another = false;
            for (auto& o : behaviours)
                if (k >= o.first && k <= o.last) another = true;
            for (auto& o : themes)
                if (k >= o.first && k <= o.last) another = true;
            if (r.mention_at[k] >= 0) {  // "shout at Jade or push her": the object of the behaviour before
                another = true;
            }
            if (!small && !another) return false;
        }
        return false;
    }
    bool behaviour_ruled_out() const {
        for (auto& b : behaviours)
            if (ruled_out(b)) return true;
        for (auto& b : themes)
            if (ruled_out(b)) return true;
        return false;
    }
    bool in_service(const Match& m) const { return overlaps(m, services); }

    // A deed in the present tense with no modal ("Liam goes to Jen's", "Jen tells
    // Graham", "mam or nain cooks"): an adult of the family heading a sentence,
    // then a verb ending in -s that no list reads as a behaviour, a service, a
    // prohibition, an inner state or watching. Not after "when", "if" (a
    // condition; clause-words.txt [deed-condition]). The verb's token, or -1.
    int present_deed() const {
        const auto& conditions = clause_words(r, "deed-condition");
        for (auto& m : r.people) {
            if (!(m.who == Who::Caregiver || m.who == Who::Family) || m.pronoun) continue;
            int v = m.last + 1;
            if (v >= r.n() || !r.same_sentence(m.last, v) || r.mention_at[v] >= 0) continue;
            const std::string& w = r.word(v);
            if (w.size() < 4 || w.back() != 's' || w.compare(w.size() - 2, 2, "ss") == 0 || w.find('\'') != std::string::npos) continue;
            if (r.is(v, r.c.be_or_auxiliary) || r.is(v, r.c.negation) || r.is(v, r.c.modal)) continue;
            if (std::isupper((unsigned char)r.t.raw[r.t.tokens[v].begin])) continue;  // "dad Sats": a name or a day, not a verb
            if (starts_at(behaviours, v) || starts_at(services, v) || starts_at(prohibitions, v) || starts_at(nonactions, v) ||
                starts_at(vague, v) || starts_at(modals, v) || watching(v) || overlaps(Match{0, v, v}, themes))
                continue;
            // the head of "Jean or Marta", "mam or nain"
            int head = m.first;
            while (head >= 2 && (r.word(head - 1) == "and" || r.word(head - 1) == "or") && r.mention_at[head - 2] >= 0 &&
                   r.same_sentence(head - 2, head))
                head = r.people[r.mention_at[head - 2]].first;
            bool cond = false;
            for (int k = head - 1; k >= 0 && k >= head - 6 && r.same_sentence(k, head); --k)
                if (conditions.count(r.word(k))) cond = true;
            if (cond) continue;
            return v;
        }
        return -1;
    }
};

}  // namespace sofs::rubric
