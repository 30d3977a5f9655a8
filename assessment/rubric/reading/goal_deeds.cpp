// What a safety goal's deeds are, beyond its clauses (reading/goal_deeds.hpp).
#include "rubric/reading/goal_deeds.hpp"

#include "rubric/reading/doers.hpp"

#include <cctype>

namespace sofs::rubric {

static bool marked_between(const Reading& r, int a, int b);

bool possessive_at(const Reading& r, int last) {
    std::string q = r.quote(last, last);
    return q.size() > 2 && (q.compare(q.size() - 2, 2, "'s") == 0 || q.back() == '\'' ||
                            (q.size() > 4 && q.compare(q.size() - 4, 4, "\xe2\x80\x99s") == 0));
}

// "show they can sort out rows calmly ... in front of Linda", "... by doing it every day":
// the ability shown by doing it where someone sees it, after token `from`
static bool shown_by_doing(const Reading& r, int from) {
    for (int k = from + 1; k + 1 < r.n() && r.same_sentence(k, from); ++k) {
        if (k > 0 && r.word(k) == "front" && r.word(k - 1) == "in" && r.word(k + 1) == "of") return true;
        const std::string& w = r.word(k + 1);
        if (r.word(k) == "by" && w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0) return true;
    }
    return false;
}

bool shown_only(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    if (r.word(c.modal_first) != "can" && r.word(c.modal_first) != "could") return false;
    if (shown_by_doing(r, c.modal_first)) return false;
    for (auto& m : g.vague)
        // "show she can ...": the longest match may end on the clause's own "can"
        if (m.first < c.modal_first && m.last <= c.modal_first && r.same_sentence(m.first, c.modal_first) &&
            r.phrase("vague-verbs", m).section == "promise")
            return true;
    return false;
}

bool shows_ability(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    const Match* m = nullptr;
    if (c.verb < 0 || !starts_at(g.vague, c.verb, &m) || r.phrase("vague-verbs", *m).section != "promise") return false;
    auto able = [&](int k) { return r.word(k) == "can" || r.word(k) == "could"; };
    bool ability = able(m->last);
    // past whom it is shown to and whose ability it is: "show Nadia that he can", "show the
    // conference they can"
    for (int k = m->last + 1; !ability && k < r.n() && k <= m->last + 8 && r.same_sentence(k, c.verb); ++k) {
        if (able(k)) ability = true;
        else if (r.mention_at[k] >= 0) k = r.people[r.mention_at[k]].last;
        else if (!(r.word(k) == "that" || r.is(k, r.c.skip) || r.is(k, r.c.conjunction) || adverb(r.word(k)))) break;
    }
    return ability && !shown_by_doing(r, m->last);
}

// The clause that governs token `tok`: the last clause whose verb comes at
// or before it in the same sentence (null when no "X will ..." comes first).
const Clause* governing(const GoalReading& g, int tok) {
    const Clause* best = nullptr;
    for (auto& c : g.clauses)
        if (c.verb >= 0 && c.verb <= tok && g.r.same_sentence(c.verb, tok) && (!best || c.verb >= best->verb)) best = &c;
    return best;
}

// "will feed Ruby properly", "will be home more": the deed qualified by a vague
// word in its own clause (up to the next "and", comma-free: the same sentence
// within eight words) is nothing anyone could check
bool qualified_vaguely(const GoalReading& g, int verb) {
    for (auto& m : g.vague)
        if (g.r.phrase("vague-verbs", m).section == "qualifier" && m.first > verb && m.first <= verb + 8 &&
            g.r.same_sentence(m.first, verb)) {
            bool joined = false;
            for (int k = verb + 1; k < m.first; ++k) joined = joined || g.r.is(k, g.r.c.conjunction);
            if (!joined) return true;
        }
    return false;
}

bool ends_vaguely(const GoalReading& g, const std::vector<Match>& manner, int verb) {
    const Reading& r = g.r;
    for (auto& m : manner) {
        if (r.phrase("manner", m).section != "end-manner" || m.first <= verb || m.first > verb + 10 ||
            !r.same_sentence(m.first, verb))
            continue;
        bool other = false;  // another "X will ..." between: its own deed
        for (auto& md : g.modals) other = other || (md.first > verb && md.first < m.first);
        if (other) continue;
        int k = m.last + 1;
        if (k >= r.n() || !r.same_sentence(k, m.last) || marked_between(r, m.last, k) || r.is(k, r.c.conjunction) ||
            starts_at(g.times, k))
            return true;
    }
    return false;
}

// "Liam will stay calm", "will trust Leah", "will live in a home without shouting": a
// clause whose verb says only a manner, an inner state, or a home by what is not in it
// (content/lexicons/manner.txt; seventh round)
bool manner_only(const GoalReading& g, const Clause& c, const std::vector<Match>& manner) {
    const Reading& r = g.r;
    const Match* m = nullptr;
    if (!starts_at(manner, c.verb, &m)) return false;
    const std::string& sec = r.phrase("manner", *m).section;
    if (sec == "manner") return true;
    if (sec != "home-verb") return false;
    for (auto& h : manner)
        if (r.phrase("manner", h).section == "home-absence" && h.first > m->last && h.first <= m->last + 4 &&
            r.same_sentence(h.first, c.verb))
            return true;
    return false;
}

bool purpose_clause(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    if (!c.subject) return false;
    int k = c.subject->first - 1;
    if (k >= 1 && r.word(k) == "that" && r.word(k - 1) == "so") --k;
    return k >= 0 && r.word(k) == "so" && r.same_sentence(k, c.verb);
}

// care said only in general at the clause's verb (vague-verbs.txt [general]),
// with no deed after "by", "with" or in brackets (SG-CAREGIVER-ACTION)
bool general_care(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    bool general = false;
    for (auto& m : g.vague)
        if (m.first == c.verb && r.phrase("vague-verbs", m).section == "general") {
            // "be there for every feed": a presence at the child's care, not "be there for Leah"
            if (r.word(m.last) == "for" && m.last + 1 < r.n() && r.same_sentence(m.last + 1, c.verb) &&
                r.mention_at[m.last + 1] < 0 && r.mention_at[std::min(m.last + 2, r.n() - 1)] < 0)
                continue;
            general = true;
            // "... safe by having a sober adult look after them": the deed follows "by"
            for (int j = m.last + 1; j < r.n() && r.same_sentence(j, m.first); ++j)
                if (r.word(j) == "by") general = false;
            // "... needs are met with three meals a day", "(feeding, nappy changes, warmth)":
            // the deeds of care listed after it (danger-themes.txt [feeding], [care]; tenth round)
            if (general && r.phrase("vague-verbs", m).text.find("needs") != std::string::npos)
                for (auto& t : g.themes) {
                    const std::string& kind = r.phrase("danger-themes", t).section;
                    if ((kind != "feeding" && kind != "care") || t.first <= m.last || !r.same_sentence(t.first, m.first)) continue;
                    std::size_t from = r.t.tokens[m.last].end, to = r.t.tokens[t.first].begin;
                    if (r.t.raw.substr(from, to - from).find('(') != std::string::npos) general = false;
                    for (int j = std::max(m.last + 1, t.first - 4); j < t.first; ++j)
                        if (r.word(j) == "with") general = false;
                }
        }
    return general;
}

// "will be supported by his network", "access support": help received (services
// [received]) is not a visit or an appointment anyone could check
bool received_help(const GoalReading& g, int verb) {
    for (auto& m : g.services)
        if (m.first >= verb && m.first <= verb + 1 && g.r.phrase("services", m).section == "received") return true;
    return false;
}


// "will make sure Kai goes to nursery", "ensure an adult minds Kacper", "make sure
// Cai and Mali have a hot meal", "make sure an adult is with Josh", "ensure Leo is
// supervised by a protective adult": what a caregiver sees to is a deed or a presence
// of someone in it (named, or not: stand-ins.txt), which others can see. Not "make
// sure Lily's needs are met" (no deed), nor an inner state or something ruled out.
bool sees_to_deed(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    const Match* p = nullptr;
    if (!starts_at(g.positives, c.verb, &p) || r.phrase("positive-actions", *p).section != "seeing-to") return false;
    auto standins = r.longest("stand-ins");
    auto someone = [&](int k, int* last) {  // a person at k, named or not
        const Match* s = nullptr;
        if (k < r.n() && r.mention_at[k] >= 0 && r.people[r.mention_at[k]].who != Who::Professional) {
            *last = r.people[r.mention_at[k]].last;
            return true;
        }
        if (starts_at(standins, k, &s) && r.phrase("stand-ins", *s).section != "presence") {
            *last = s->last;
            return true;
        }
        return false;
    };
    auto presence = [&](int k) {
        const Match* s = nullptr;
        return starts_at(standins, k, &s) && r.phrase("stand-ins", *s).section == "presence";
    };
    int k = p->last + 1;
    if (k < r.n() && r.word(k) == "that") ++k;
    bool subject = false;  // a person just before the token looked at
    int limit = k + 8;
    for (int v = k; v < r.n() && v <= limit && r.same_sentence(v, k); ++v) {
        int last = -1;
        // "make sure that every day for the next six months Leo is ...": a time before
        // what is seen to is passed over (eleventh round)
        int time_end = -1;  // the longest time starting here ("for the next NUM months")
        for (auto& tm : g.times)
            if (tm.first == v) time_end = std::max(time_end, tm.last);
        if (!subject && time_end >= 0) {
            limit += time_end - v + 1;
            v = time_end;
            continue;
        }
        if (someone(v, &last)) {
            subject = !possessive_at(r, last);
            v = last;
            continue;
        }
        if (r.is(v, r.c.skip) || adverb(r.word(v)) || r.is(v, r.c.conjunction)) continue;
        if (r.is(v, r.c.negation) || starts_at(g.vague, v) || starts_at(g.nonactions, v) || starts_at(g.behaviours, v) ||
            starts_at(g.prohibitions, v))
            return false;
        const Match* q = nullptr;
        if (starts_at(g.positives, v, &q)) return subject && r.phrase("positive-actions", *q).section == "concrete";
        if (r.is(v, r.c.be)) {
            // "an adult is with Josh", "Leo is supervised by ...", "there is always an adult"
            int u = v + 1;
            while (u < r.n() && r.same_sentence(u, v) && (r.is(u, r.c.skip) || adverb(r.word(u)))) ++u;
            if (u >= r.n() || !r.same_sentence(u, v) || r.is(u, r.c.negation)) return false;
            if (!subject) return someone(u, &last);
            if (starts_at(g.safe, u) || presence(u)) return true;
            for (int j = u; j < r.n() && j <= u + 3 && r.same_sentence(j, u); ++j)
                if ((r.word(j) == "with" || r.word(j) == "by") && (j == u || past_participle(r.word(u)) || presence(u)))
                    return someone(j + 1, &last);
            return false;
        }
        if (!subject) {
            if (r.word(v) == "there") continue;  // "there is an adult ..."
            return false;
        }
        const std::string& w = r.word(v);
        // "has Kacper at hers", "have a hot meal"; not "has his insulin": the case's own care
        // task named as had, with nobody seen doing it
        if (w == "has" || w == "have") {
            int o = v + 1;
            while (o < r.n() && r.same_sentence(o, v) && (r.is(o, r.c.skip) || r.mention_at[o] >= 0)) ++o;
            return o < r.n() && r.same_sentence(o, v) && !overlaps(Match{0, o, o}, g.themes);
        }
        // a verb in the present tense after its subject ("Kai goes", "an adult minds")
        return w.size() >= 4 && w.back() == 's' && w.compare(w.size() - 2, 2, "ss") != 0 &&
               !r.is(v, r.c.be_or_auxiliary) && !r.is(v, r.c.modal) && !starts_at(g.themes, v);
    }
    return false;
}

bool sees_to_supervision(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    const Match* p = nullptr;
    if (!starts_at(g.positives, c.verb, &p) || r.phrase("positive-actions", *p).section != "seeing-to") return false;
    // "demonstrate protective capacity and ensure robust supervision": the promise governs it
    for (auto& m : g.vague)
        if (m.first < c.verb && r.same_sentence(m.first, c.verb) && r.phrase("vague-verbs", m).section == "promise") return false;
    auto standins = r.longest("stand-ins");
    for (auto& s : standins) {
        if (r.phrase("stand-ins", s).section != "supervision" || s.first <= p->last || s.first > p->last + 4 ||
            !r.same_sentence(s.first, c.verb))
            continue;
        bool ruled_out = false;
        for (int k = p->last + 1; k < s.first; ++k) ruled_out = ruled_out || r.is(k, r.c.negation) || r.mention_at[k] >= 0;
        if (ruled_out) return false;
        bool adult = s.last > s.first;  // "adult supervision"
        for (int k = s.first - 1; k > p->last; --k) adult = adult || overlaps(Match{0, k, k}, standins);
        // the children named with it, not past "and" ("appropriate supervision and a safe home
        // environment for both children": a list of aims)
        for (int k = s.last + 1; k < r.n() && r.same_sentence(k, c.verb) && !r.is(k, r.c.conjunction); ++k)
            if (r.mention_at[k] >= 0) {
                Who who = r.people[r.mention_at[k]].who;
                if (who == Who::Child || who == Who::ChildGeneral) return true;
            }
        return adult;
    }
    return false;
}

// "Mam or Nain will be with Osian": being with a child is a presence, a deed of care
bool with_child(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    if (c.verb < 0 || !r.is(c.verb, r.c.be)) return false;
    int u = c.verb + 1;
    while (u < r.n() && r.same_sentence(u, c.verb) && (r.is(u, r.c.skip) || adverb(r.word(u)))) ++u;
    // "with Osian", "there with Osian", "beside Osian", "alongside him", "next to him" (eighth round)
    if (u + 1 < r.n() && r.word(u) == "there") ++u;
    if (u + 1 < r.n() && r.word(u) == "next" && r.word(u + 1) == "to") ++u;
    const std::string& at = r.word(u);
    if (u + 1 >= r.n() || !r.same_sentence(u + 1, c.verb) || r.mention_at[u + 1] < 0 ||
        !(at == "with" || at == "beside" || at == "alongside" || (at == "to" && r.word(u - 1) == "next")))
        return false;
    Who who = r.people[r.mention_at[u + 1]].who;
    return who == Who::Child || who == Who::ChildGeneral;
}

// "keep the tablets away from Finn": a thing kept away is a deed; a person or a
// quarrel kept away ("keep Liam away", "keep arguments away") is an absence
bool keeps_thing_away(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    const Match* p = nullptr;
    if (!starts_at(g.positives, c.verb, &p) || r.phrase("positive-actions", *p).section != "keeping-away") return false;
    for (int k = p->first + 1; k <= p->last; ++k)
        if (r.mention_at[k] >= 0 || overlaps(Match{0, k, k}, g.behaviours) || overlaps(Match{0, k, k}, g.themes)) return false;
    return true;
}

bool stays_away(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    if (c.verb < 0 || c.kind != Clause::Positive || keeps_thing_away(g, c)) return false;
    const std::string& v = r.word(c.verb);
    if (v != "stay" && v != "stays" && v != "keep" && v != "keeps") return false;
    int k = c.verb + 1;
    while (k < r.n() && r.same_sentence(k, c.verb) && (adverb(r.word(k)) || r.is(k, r.c.skip))) ++k;
    return k < r.n() && r.same_sentence(k, c.verb) && r.word(k) == "away";
}

// "Leah will show Kez any message she gets", "show Nain his meter": a thing shown to
// someone is seen (sixth round); "show Linda that ...", "show everyone they can ..."
// stay promises
bool shows_thing(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    const Match* m = nullptr;
    if (!starts_at(g.vague, c.verb, &m) || m->first != m->last || r.phrase("vague-verbs", *m).section != "promise") return false;
    int k = c.verb + 1;
    // "show her mum or Shelley any message": past "her" to the person, and past a list (ninth round)
    if (k + 1 < r.n() && r.mention_at[k] < 0 && r.is(k, r.c.child_determiner) && r.mention_at[k + 1] >= 0) ++k;
    if (k >= r.n() || r.mention_at[k] < 0 || !r.same_sentence(k, c.verb)) return false;
    int d = r.people[r.mention_at[k]].last + 1;
    while (d + 1 < r.n() && (r.word(d) == "and" || r.word(d) == "or") && r.mention_at[d + 1] >= 0 &&
           r.same_sentence(d + 1, c.verb))
        d = r.people[r.mention_at[d + 1]].last + 1;
    if (d + 1 >= r.n() || !r.same_sentence(d + 1, c.verb)) return false;
    // "show Anil Osian's meter": a thing of someone's, shown (eighth round)
    if (r.mention_at[d] >= 0 && possessive_at(r, r.people[r.mention_at[d]].last)) {
        int noun = r.people[r.mention_at[d]].last + 1;
        return noun < r.n() && r.same_sentence(noun, c.verb) && r.mention_at[noun] < 0 &&
               std::isalpha((unsigned char)r.word(noun)[0]) && !starts_at(g.vague, noun) && !starts_at(g.nonactions, noun) &&
               !starts_at(g.behaviours, noun) && !r.is(noun, r.c.skip);
    }
    // "show Nadia how he makes a bottle": a deed done while someone watches; not "how he
    // can ..." (what he is able to do is a promise)
    if (r.word(d) == "how" && r.mention_at[d + 1] >= 0) {
        int v = r.people[r.mention_at[d + 1]].last + 1;
        return v < r.n() && r.same_sentence(v, c.verb) && r.mention_at[v] < 0 && !r.is(v, r.c.modal) &&
               !r.is(v, r.c.negation) && !r.is(v, r.c.be_or_auxiliary) && !starts_at(g.vague, v) && !starts_at(g.nonactions, v) &&
               !starts_at(g.behaviours, v) && !starts_at(g.modals, v);
    }
    const std::string& det = r.word(d);
    if (!(r.is(d, r.c.child_determiner) || det == "any" || det == "a" || det == "every" || det == "each")) return false;
    int noun = d + 1;
    return r.mention_at[noun] < 0 && std::isalpha((unsigned char)r.word(noun)[0]) && !starts_at(g.vague, noun) &&
           !starts_at(g.nonactions, noun) && !starts_at(g.behaviours, noun);
}

// The first word of the list of people a mention ends: back over mentions
// that touch it and over "and"/"or" between two mentions.
static int list_head(const Reading& r, int first) {
    int head = first;
    for (;;) {
        if (head >= 1 && r.mention_at[head - 1] >= 0 && r.same_sentence(head - 1, head))
            head = r.people[r.mention_at[head - 1]].first;
        else if (head >= 2 && r.mention_at[head - 2] >= 0 && r.same_sentence(head - 2, head) &&
                 (r.word(head - 1) == "and" || r.word(head - 1) == "or"))
            head = r.people[r.mention_at[head - 2]].first;
        else
            return head;
    }
}

int purpose_presence(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    if (c.verb < 0 || !g.caregiver(c)) return -1;
    for (int k = c.verb + 1; k + 2 < r.n() && r.same_sentence(k, c.verb); ++k) {
        if (r.word(k) != "so") continue;
        int p = k + 1;
        if (r.word(p) == "that") ++p;
        if (p >= r.n() || r.mention_at[p] < 0 || !is_adult(r.people[r.mention_at[p]].who)) return -1;
        const int start = r.people[r.mention_at[p]].last + 1;
        int u = start;
        // "is", "'s", "can be", "will be"
        for (int j = 0; j < 3 && u < r.n() && r.same_sentence(u, k) && (r.is(u, r.c.be_or_auxiliary) || r.is(u, r.c.modal) ||
                                                                         r.word(u) == "s");
             ++j)
            ++u;
        if (u == start || u >= r.n() || !r.same_sentence(u, k)) return -1;
        if (r.word(u) == "at" && u + 1 < r.n()) ++u;
        if (r.word(u) == "home" || r.word(u) == "there") return u;
        if (r.word(u) == "with" && u + 1 < r.n() && r.mention_at[u + 1] >= 0) {
            Who who = r.people[r.mention_at[u + 1]].who;
            if (who == Who::Child || who == Who::ChildGeneral) return u;
        }
        return -1;
    }
    return -1;
}

int passive_agent(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    // the child is the one cared for ("Cai and Mali will be walked"), not a plan ("an agreement
    // will be signed by Sophie and Liam")
    if (c.verb < 0 || !r.is(c.verb, r.c.be) || !c.subject || (c.subject->who != Who::Child && c.subject->who != Who::ChildGeneral))
        return -1;
    int u = c.verb + 1;
    while (u < r.n() && r.same_sentence(u, c.verb) && adverb(r.word(u))) ++u;
    if (u >= r.n() || !r.same_sentence(u, c.verb) || !past_participle(r.word(u)) || starts_at(g.behaviours, u)) return -1;
    for (int j = u + 1; j + 1 < r.n() && r.same_sentence(j + 1, c.verb) && !starts_at(g.modals, j); ++j)
        if (r.word(j) == "by" && r.mention_at[j + 1] >= 0 && is_adult(r.people[r.mention_at[j + 1]].who)) return j + 1;
    return -1;
}

bool adult_in_list(const Reading& r, const Mention& m) {
    if (m.pronoun) return false;
    int head = list_head(r, m.first);
    for (int k = head; k < m.first; ++k)
        if (r.mention_at[k] >= 0 && !r.people[r.mention_at[k]].pronoun && is_adult(r.people[r.mention_at[k]].who)) return true;
    return false;
}

int cause_deed(const GoalReading& g) {
    const Reading& r = g.r;
    for (auto& m : r.people) {
        if (!is_adult(m.who) || m.pronoun) continue;
        int head = list_head(r, m.first);   // "Mam, Dad or Nain", "Leila, Rania or Marta"
        int k = head - 1;
        while (k >= 0 && r.same_sentence(k, head) && r.is(k, r.c.skip) && r.word(k) != "because") --k;
        if (k < 0 || !r.same_sentence(k, head) || r.word(k) != "because") continue;
        int v = m.last + 1;
        while (v < r.n() && r.same_sentence(v, m.last) &&
               (adverb(r.word(v)) || (r.is(v, r.c.auxiliary) && v + 1 < r.n() && past_participle(r.word(v + 1)))))
            ++v;
        if (v >= r.n() || !r.same_sentence(v, m.last) || r.mention_at[v] >= 0) continue;
        const std::string& w = r.word(v);
        if (w.empty() || !std::islower((unsigned char)r.t.raw[r.t.tokens[v].begin])) continue;
        // an adult's own deed: "cooks" is care here, though a child cooking is a danger theme
        if (r.is(v, r.c.be_or_auxiliary) || r.is(v, r.c.negation) || starts_at(g.modals, v) || starts_at(g.behaviours, v) ||
            starts_at(g.services, v) || starts_at(g.prohibitions, v) || starts_at(g.nonactions, v) || g.vague_at(v))
            continue;
        return v;
    }
    return -1;
}

// A person of the case: named, or one person by a role word ("Dad", "Mam", "Nain"
// in "Nain/Mam/Dad stand with Os"); not a word for a group ("family network",
// "parents": people-words.txt gives them no one gender). Eighth round.
static bool individual(const Mention& m) {
    return !m.pronoun && (!m.person.empty() || m.gender == 'f' || m.gender == 'm');
}

// a comma (or other mark) between two tokens: the end of a part of the sentence
static bool marked_between(const Reading& r, int a, int b) {
    for (auto i = r.t.tokens[a].end; i < r.t.tokens[b].begin && i < r.t.raw.size(); ++i)
        if (r.t.raw[i] == ',' || r.t.raw[i] == ';' || r.t.raw[i] == ':' || r.t.raw[i] == '(' ||
            r.t.raw[i] == '-')  // "Rota - Dad/Shell w/ kids" (eighth round)
            return true;
    return false;
}

int plain_present_deed(const GoalReading& g) {
    const Reading& r = g.r;
    for (auto& m : r.people) {
        // a person of the case ("auntie Rania", "Dad"), not a word for a group ("family network")
        if (!is_adult(m.who) || (!individual(m) && !m.pronoun) || possessive_at(r, m.last)) continue;
        if (m.pronoun && m.first == m.last && (r.word(m.first) == "her" || r.word(m.first) == "his" || r.word(m.first) == "their"))
            continue;  // "her network": whose, not who
        int v = m.last + 1;
        while (v < r.n() && r.same_sentence(v, m.last) && adverb(r.word(v))) ++v;
        if (v >= r.n() || !r.same_sentence(m.last, v) || r.mention_at[v] >= 0 || marked_between(r, m.last, v)) continue;
        // a noun heading its own clause ("... network will keep"): not a verb
        if (v + 1 < r.n() && r.same_sentence(v, v + 1) && (r.is(v + 1, r.c.modal) || r.is(v + 1, r.c.be_or_auxiliary))) continue;
        const std::string& w = r.word(v);
        // "Ruby sleeps in her basket ... Joel and Cerys do this", "Ffion or Nain does bedtime": the
        // family doing what the goal has said, or a listed deed (eighth round); "do" is otherwise a
        // helping verb
        const Match* dm = nullptr;
        bool does_this = (w == "do" || w == "does") && v + 1 < r.n() && r.same_sentence(v + 1, v) &&
                         (r.word(v + 1) == "this" || r.word(v + 1) == "that" || r.word(v + 1) == "it" ||
                          (starts_at(g.positives, v, &dm) && dm->last > v && r.phrase("positive-actions", *dm).section == "concrete"));
        // the plain form only: "-s" is present_deed's, "-ed" and "-ing" are not a present deed
        if (w.size() < 2 || (w.back() == 's' && !does_this) || w.find('\'') != std::string::npos || r.t.tokens[v].number) continue;
        if (w.compare(w.size() - 2, 2, "ed") == 0 || (w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0)) continue;
        bool letters = true;
        for (char ch : w) letters = letters && std::isalpha((unsigned char)ch);
        if (!letters || std::isupper((unsigned char)r.t.raw[r.t.tokens[v].begin])) continue;
        if (!does_this && (r.is(v, r.c.skip) || r.is(v, r.c.be_or_auxiliary) || r.is(v, r.c.negation) || r.is(v, r.c.modal) ||
                           r.is(v, r.c.conjunction) || adverb(w)))
            continue;
        if (starts_at(g.behaviours, v) || starts_at(g.services, v) || starts_at(g.prohibitions, v) || starts_at(g.nonactions, v) ||
            starts_at(g.vague, v) || starts_at(g.modals, v) || g.watching(v) || overlaps(Match{0, v, v}, g.themes))
            continue;
        // a verb we have no list for needs something after it ("come to house", "give breakfast")
        const Match* p = nullptr;
        bool listed = starts_at(g.positives, v, &p) && r.phrase("positive-actions", *p).section == "concrete";
        if (!listed && !does_this && (w.size() < 3 || v + 1 >= r.n() || !r.same_sentence(v + 1, v))) continue;  // "go", "do": listed only
        int head = list_head(r, m.first);   // "auntie Rania or neighbour Marta", "Bernie she"
        // a pronoun stands for an adult of the family named in the sentence ("Bernie she come")
        if (m.pronoun) {
            bool named = false;
            for (int k = m.first - 1; k >= 0 && r.same_sentence(k, m.first); --k)
                if (r.mention_at[k] >= 0 && !r.people[r.mention_at[k]].pronoun && is_adult(r.people[r.mention_at[k]].who)) named = true;
            if (!named) continue;
        }
        // the subject, not an object: the head opens the sentence or a part of it
        // ("..., auntie Rania or neighbour Marta come"), past small words only
        int before = head - 1;
        while (before >= 0 && r.same_sentence(before, head) && !marked_between(r, before, before + 1) &&
               (r.is(before, r.c.skip) || adverb(r.word(before))))
            --before;
        // "... when he's angry and Ffion or Nain does bedtime": "and" opens a part too (eighth round)
        bool and_part = before >= 1 && r.word(before) == "and" && r.mention_at[before - 1] < 0;
        if (before >= 0 && r.same_sentence(before, head) && !marked_between(r, before, before + 1) && !and_part) continue;
        return v;
    }
    return -1;
}

int noted_presence(const GoalReading& g) {
    const Reading& r = g.r;
    for (auto& m : r.people) {
        if (!is_adult(m.who) || !individual(m) || possessive_at(r, m.last)) continue;
        // the name opens the note: the sentence, or the part after a comma; or a list of names
        // does ("Dad/Shell w/ kids")
        int head = list_head(r, m.first);
        if (head > 0 && r.same_sentence(head - 1, head) && !marked_between(r, head - 1, head)) continue;
        int v = m.last + 1;
        if (v < r.n() && r.mention_at[v] >= 0) continue;  // the list goes on: judged at its last name
        bool ruled_out = false;
        for (int k = head; k < r.n() && r.same_sentence(k, head); ++k) ruled_out = ruled_out || r.is(k, r.c.negation);
        if (ruled_out) continue;
        // "Dad/Shell w/ kids every night": who will be with the children (eighth round)
        if (v + 1 < r.n() && r.same_sentence(v + 1, m.last) && (r.word(v) == "with" || r.word(v) == "w") &&
            r.mention_at[v + 1] >= 0 && !marked_between(r, m.last, v + 1)) {
            Who who = r.people[r.mention_at[v + 1]].who;
            if (who == Who::Child || who == Who::ChildGeneral) return v;
        }
        // "Dad up + Lily fed", "Rania Fridays": a presence word (stand-ins.txt [presence]) or a
        // time (time-frames.txt) straight after the name (eighth round)
        if (v < r.n() && r.same_sentence(v, m.last) && !marked_between(r, m.last, v)) {
            auto standins = r.longest("stand-ins");
            const Match* s = nullptr;
            if ((starts_at(standins, v, &s) && r.phrase("stand-ins", *s).section == "presence") || starts_at(g.times, v)) return v;
        }
        // "Bernie 7am", "Bernie at 7", "Bernie in at 7": the time straight after the name
        if (v + 1 < r.n() && r.same_sentence(v + 1, m.last) && r.word(v + 1) == "at" && r.mention_at[v] < 0) ++v;
        if (v < r.n() && r.same_sentence(v, m.last) && r.word(v) == "at") ++v;
        if (v >= r.n() || !r.same_sentence(v, m.last) || marked_between(r, m.last, v)) continue;
        if (!std::isdigit((unsigned char)r.t.raw[r.t.tokens[v].begin])) continue;
        return v;
    }
    return -1;
}

int tells_professional(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    if (c.kind != Clause::Watch || !c.subject || g.professional(c) || c.subject->who == Who::Everyone ||
        c.verb + 1 >= r.n() || r.mention_at[c.verb + 1] < 0 || r.people[r.mention_at[c.verb + 1]].who != Who::Professional)
        return -1;
    const std::string& v = r.word(c.verb);
    int after = r.people[r.mention_at[c.verb + 1]].last + 1;
    bool let_know = v == "let" && after < r.n() && r.word(after) == "know";
    if (let_know) ++after;
    // "will tell the social worker if there are any more incidents": told only if it goes wrong
    bool if_wrong = after < r.n() && r.same_sentence(after, c.verb) && r.word(after) == "if";
    return (v == "tell" || v == "inform" || v == "update" || let_know) && !if_wrong ? c.verb : -1;
}

bool family_they(const GoalReading& g, const Clause& c, int* first, int* last) {
    const Reading& r = g.r;
    if (!c.subject || !c.subject->pronoun || c.subject->who != Who::Unknown || r.word(c.subject->first) != "they") return false;
    for (int k = c.subject->first - 1; k >= 0 && r.same_sentence(k, c.subject->first); --k) {
        if (r.mention_at[k] < 0 || r.people[r.mention_at[k]].pronoun) continue;
        const Mention& m = r.people[r.mention_at[k]];
        bool adult = is_adult(m.who);
        int head = m.first;
        // past "or her mum", "and his nan": a possessive word before a name, then "and"/"or"
        for (;;) {
            int j = head - 1;
            if (j >= 0 && r.is(j, r.c.child_determiner)) --j;
            if (j < 1 || (r.word(j) != "and" && r.word(j) != "or") || r.mention_at[j - 1] < 0 || !r.same_sentence(j - 1, head)) break;
            head = r.people[r.mention_at[j - 1]].first;
            adult = adult || is_adult(r.people[r.mention_at[j - 1]].who);
        }
        if (head == m.first) continue;  // one person is no "they"
        if (!adult) return false;
        if (first) *first = head;
        if (last) *last = m.last;
        return true;
    }
    return false;
}

bool helps_child_with(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    const std::string& v = r.word(c.verb);
    if (c.kind != Clause::Positive || (v != "help" && v != "helps") || c.verb + 2 >= r.n()) return false;
    int k = c.verb + 1;
    if (r.mention_at[k] < 0) return false;
    Who who = r.people[r.mention_at[k]].who;
    // "they will help her block it": "her" is not one of the helpers themselves, so the
    // child named before them (twelfth round)
    if (int a = 0, b = 0; r.people[r.mention_at[k]].pronoun && is_adult(who) && family_they(g, c, &a, &b)) {
        bool helper = false, child = false;
        const Mention& her = r.people[r.mention_at[k]];
        for (int j = a; j <= b; ++j)
            if (r.mention_at[j] >= 0) {
                const Mention& h = r.people[r.mention_at[j]];
                helper = helper || (her.person.empty() ? h.who == her.who : h.person == her.person);
            }
        for (int j = 0; j < a; ++j) child = child || (r.mention_at[j] >= 0 && r.people[r.mention_at[j]].who == Who::Child);
        if (helper && child) who = Who::Child;
    }
    if (who != Who::Child && who != Who::ChildGeneral) return false;
    int t = r.people[r.mention_at[k]].last + 1;
    if (t + 1 >= r.n() || !r.same_sentence(t, c.verb)) return false;
    if (r.word(t) == "with" || r.word(t) == "to") {  // "with her homework", "to block Jay"
        ++t;
        if (t + 1 < r.n() && r.is(t, r.c.child_determiner)) ++t;
    } else {
        // "help her if Jay gets in touch": a condition, no task (clause-words.txt [help-condition])
        const auto& conditions = clause_words(r, "help-condition");
        if (conditions.count(r.word(t))) return false;
    }
    if (t >= r.n() || !r.same_sentence(t, c.verb) || !std::isalpha((unsigned char)r.word(t)[0]) || r.mention_at[t] >= 0)
        return false;
    const std::vector<Match> manner = r.longest("manner");
    return !r.is(t, r.c.be) && !r.is(t, r.c.negation) && !r.is(t, r.c.skip) && !starts_at(g.nonactions, t) &&
           !starts_at(g.vague, t) && !starts_at(manner, t) && !starts_at(g.behaviours, t) && !starts_at(g.services, t);
}

}  // namespace sofs::rubric
