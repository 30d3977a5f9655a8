// SG-OVER-TIME: for how long or how consistently.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"

namespace sofs::rubric {

Verdict sg_over_time(const GoalReading& g, const Wording& w) {
    if (!g.times.empty()) {
        Evidence ev;
        ev.add(g.r, g.times.front().first, g.times.front().last);
        return w.make("SG-OVER-TIME", true, "", ev.spans, ev.words);
    }
    // "every feed", "each late shift", "at every clinic": how consistently, whatever is counted
    const Reading& r = g.r;
    for (int k = 0; k + 1 < r.n(); ++k) {
        if ((r.word(k) != "every" && r.word(k) != "each") || !r.same_sentence(k, k + 1)) continue;
        // "each of Sam's trips": past "of" and whose, to what is counted (not "each of them")
        int at = k + 1;
        if (r.word(at) == "of" && at + 2 < r.n() && r.same_sentence(at, at + 2) && r.mention_at[at + 1] >= 0) {
            const Mention& m = r.people[r.mention_at[at + 1]];
            std::string q = r.quote(m.last, m.last);
            if (q.size() > 2 && q.compare(q.size() - 2, 2, "'s") == 0 && m.last + 1 < r.n() && r.same_sentence(m.last + 1, k))
                at = m.last + 1;
        }
        const std::string& next = r.word(at);
        if (next == "other" || next == "of" || next == "one" || r.mention_at[at] >= 0 ||
            !std::isalpha((unsigned char)next[0]))
            continue;
        Evidence ev;
        ev.add(r, k, at);
        return w.make("SG-OVER-TIME", true, "", ev.spans, ev.words);
    }
    // "Ola will not babysit Kacper any more", "Cai won't have to cook anymore": "any more"
    // closing its clause means from now on (sixth round); "any more tablets than" counts things
    for (int k = 0; k < r.n(); ++k) {
        int last = r.word(k) == "anymore" ? k : (r.word(k) == "any" && k + 1 < r.n() && r.word(k + 1) == "more" ? k + 1 : -1);
        if (last < 0) continue;
        bool closes = last + 1 >= r.n() || !r.same_sentence(last, last + 1);
        if (!closes) {  // a comma, a colon or a semicolon after it, or "because", "so", "and"
            std::size_t e = r.t.tokens[last].end;
            while (e < r.t.raw.size() && r.t.raw[e] == ' ') ++e;
            closes = e < r.t.raw.size() && (r.t.raw[e] == ',' || r.t.raw[e] == ';' || r.t.raw[e] == ':' ||
                                            r.t.raw[e] == '(' || r.t.raw[e] == '-');
            closes = closes || r.is(last + 1, r.c.conjunction) || r.word(last + 1) == "because" || r.word(last + 1) == "so";
        }
        if (!closes) continue;
        Evidence ev;
        ev.add(r, k, last);
        return w.make("SG-OVER-TIME", true, "", ev.spans, ev.words);
    }
    return w.make("SG-OVER-TIME", false, "", {}, "");
}

}  // namespace sofs::rubric
