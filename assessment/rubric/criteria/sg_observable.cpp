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
    for (int v = k; v < r.n() && v <= k + 8 && r.same_sentence(v, k); ++v) {
        int last = -1;
        if (someone(v, &last)) {
            std::string q = r.quote(last, last);
            bool possessive = q.size() > 2 && (q.compare(q.size() - 2, 2, "'s") == 0 || q.back() == '\'' ||
                                               (q.size() > 4 && q.compare(q.size() - 4, 4, "\xe2\x80\x99s") == 0));
            subject = !possessive;
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

// "Leah will show Kez any message she gets", "show Nain his meter": a thing shown to
// someone is seen (sixth round); "show Linda that ...", "show everyone they can ..."
// stay promises
bool shows_thing(const GoalReading& g, const Clause& c) {
    const Reading& r = g.r;
    const Match* m = nullptr;
    if (!starts_at(g.vague, c.verb, &m) || m->first != m->last || r.phrase("vague-verbs", *m).section != "promise") return false;
    int k = c.verb + 1;
    if (k >= r.n() || r.mention_at[k] < 0 || !r.same_sentence(k, c.verb)) return false;
    int d = r.people[r.mention_at[k]].last + 1;
    if (d + 1 >= r.n() || !r.same_sentence(d + 1, c.verb)) return false;
    const std::string& det = r.word(d);
    if (!(r.is(d, r.c.child_determiner) || det == "any" || det == "a" || det == "every" || det == "each")) return false;
    int noun = d + 1;
    return r.mention_at[noun] < 0 && std::isalpha((unsigned char)r.word(noun)[0]) && !starts_at(g.vague, noun) &&
           !starts_at(g.nonactions, noun) && !starts_at(g.behaviours, noun);
}

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
        if (c.kind == Clause::Positive && !g.professional(c) && shows_thing(g, c)) return met(c.modal_first, c.verb + 1);
        // "Leila will tell the school when she is unwell", "will let the school know": what the
        // family tells a professional is heard, and can be checked (sixth round; the labels)
        if (c.kind == Clause::Watch && c.subject && !g.professional(c) && c.subject->who != Who::Everyone &&
            c.verb + 1 < r.n() && r.mention_at[c.verb + 1] >= 0 && r.people[r.mention_at[c.verb + 1]].who == Who::Professional) {
            const std::string& v = r.word(c.verb);
            int after = r.people[r.mention_at[c.verb + 1]].last + 1;
            bool let_know = v == "let" && after < r.n() && r.word(after) == "know";
            if (let_know) ++after;
            // "will tell the social worker if there are any more incidents": told only if it goes wrong
            bool if_wrong = after < r.n() && r.same_sentence(after, c.verb) && r.word(after) == "if";
            if ((v == "tell" || v == "inform" || v == "update" || let_know) && !if_wrong) return met(c.modal_first, c.verb);
        }
        if (c.kind != Clause::Positive || g.professional(c) || vague_at(g, c.verb) || qualified_vaguely(g, c.verb)) continue;
        // "will demonstrate that he can safely parent": what is to be shown is not seen
        bool shown = false;
        if (r.word(c.modal_first) == "can" || r.word(c.modal_first) == "could")
            for (auto& m : g.vague)
                if (m.last < c.modal_first && r.same_sentence(m.first, c.modal_first) &&
                    r.phrase("vague-verbs", m).section == "promise")
                    shown = true;
        if (shown) continue;
        bool child = c.subject && (c.subject->who == Who::Child || c.subject->who == Who::ChildGeneral);
        bool everyday = !starts_at(g.positives, c.verb);  // a verb no list has: an ordinary deed
        // a child's ordinary deed is seen too ("Ruby will sleep in her basket", "Cai will go back
        // to football club"), but not a part of the child ("Amir's hand will heal": an outcome)
        if (child && everyday) {
            std::string q = r.quote(c.subject->last, c.subject->last);
            if (q.size() > 2 && (q.compare(q.size() - 2, 2, "'s") == 0 || q.back() == '\'' ||
                                 (q.size() > 4 && q.compare(q.size() - 4, 4, "\xe2\x80\x99s") == 0)))
                everyday = false;
            // "Leo to have a skeletal survey": a service the child receives; "will be cared
            // for": the child is not the one doing it (judged as any other care, below)
            if (g.service_within(c.verb + 1, c.verb + 4) || r.is(c.verb, r.c.be)) everyday = false;
        }
        // "will have no new bruises", "will have no alcohol in the flat": an absence
        if (c.verb + 1 < r.n() && r.same_sentence(c.verb, c.verb + 1) && r.is(c.verb + 1, r.c.negation)) continue;
        if (c.concrete || everyday || (!child && (sees_to_deed(g, c) || keeps_thing_away(g, c)))) return met(c.modal_first, c.verb);
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
        // "see Elis and Mali come to school": past the second person named
        while (v + 1 < r.n() && r.is(v, r.c.conjunction) && r.mention_at[v + 1] >= 0 && r.same_sentence(o.first, v + 1))
            v = r.people[r.mention_at[v + 1]].last + 1;
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
        // the clause's own verb: as the first pass judges it ("take Osian's diabetes
        // seriously" is an attitude however concrete "take" can be)
        if (c->verb == m.first)
            return c->kind == Clause::Positive && !g.professional(*c) && !qualified_vaguely(g, c->verb) && !vague_at(g, c->verb);
        // what someone will see or be shown the family doing ("will show Linda that the
        // children are cared for by a sober adult", "the nursery will see ..."); not a
        // professional's own deed, an inner state, a service or something ruled out
        // (not the watcher's own checking: "will visit monthly to check Kacper's childcare")
        if (c->kind == Clause::Watch) return !g.watching(m.first);
        return c->kind == Clause::Positive && (!g.professional(*c) || vague_at(g, c->verb));
    };
    for (auto& p : g.positives)
        if (r.phrase("positive-actions", p).section == "concrete" && allowed(p)) return met(p.first, p.last);
    for (auto& s : g.safe)
        if (allowed(s)) return met(s.first, s.last);
    // "Liam goes to Jen's whenever he's wound up", "nain cooks": a present-tense deed of
    // the family, with no "will", is what others will see happening
    if (int v = g.present_deed(); v >= 0 && !qualified_vaguely(g, v)) return met(v, v);
    // Going to a service or an appointment can be checked, when the goal does not
    // also ask for engagement or compliance ("attend a course and engage": vague)
    bool promise = false;
    for (auto& m : g.vague) promise = promise || r.phrase("vague-verbs", m).section == "promise";
    if (!promise)
        for (auto& c : g.clauses)
            if (c.kind == Clause::Service && !g.professional(c) && !received_help(g, c.verb)) return met(c.modal_first, c.verb);
    std::string reason = !g.prohibitions.empty() || g.behaviour_ruled_out() ? "absence"
                         : !g.vague.empty()                                 ? "vague"
                         : !g.services.empty()                              ? "service"
                                                                            : "";
    return w.make("SG-OBSERVABLE", false, reason, {}, "");
}

}  // namespace sofs::rubric
