// WP-WHO-WORRIED: a Words and Pictures text says who was worried, and why.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/wp.hpp"
#include "rubric/reading/doers.hpp"

namespace sofs::rubric {

namespace {

// A holder the child could know: a named person, a role, the writer; not
// "some grown-ups", "everyone", the child themself, or a pronoun that points at no one.
bool names_someone(const Mention& m, const std::vector<bool>& vague) {
    if (m.who == Who::Nobody || m.who == Who::ChildGeneral || m.who == Who::Child || m.who == Who::Everyone ||
        m.who == Who::Unknown)
        return false;
    if (m.pronoun) return true;
    for (int k = m.first; k <= m.last; ++k)
        if (!vague[k]) return true;
    return false;
}

}  // namespace

Verdict wp_who_worried(const Reading& r, const Wording& w) {
    const auto vague = wp::marks(r, "vague-holder");
    const auto reasons = wp::marks(r, "reason");
    const auto about = wp::marks(r, "about");
    const auto events = wp::events(r);
    // Words that may sit between a holder and the worry: "Nanny Linda felt very worried"
    // (clause-words.txt [worry-between]).
    const auto& between = clause_words(r, "worry-between");
    bool someone = false;
    for (auto& m : r.all("worry-words")) {
        // "scared" is a feeling unless it is for someone: "scared for you"
        if (r.phrase("worry-words", m).section == "fear" &&
            !(m.last + 1 < r.n() && r.same_sentence(m.last, m.last + 1) && r.word(m.last + 1) == "for"))
            continue;
        int k = r.back_over(m.first, between);
        while (k >= 0 && (r.is(k, r.c.be_or_auxiliary) || between.count(r.word(k)))) k = r.back_over(k, between);
        if (k < 0 || r.mention_at[k] < 0) continue;
        const Mention* holder = &r.people[r.mention_at[k]];
        if (!names_someone(*holder, vague)) continue;
        if (holder->first > 0 && r.is(holder->first - 1, r.c.negation)) continue;
        someone = true;
        // Why: a reason word anywhere else in the sentence with words after it
        // ("because she heard shouting", "when you told her"), or "about" with
        // something that happened after it ("about the shouting").
        auto [first, last] = wp::sentence_of(r, m.first);
        int why = -1;
        for (int j = first; j <= last && why < 0; ++j) {
            if (j >= holder->first && j <= m.last) continue;
            if (reasons[j] && last - j >= 2) why = j;
            if (about[j] && j > m.last)
                for (auto& e : events)
                    if (e.first > j && e.first <= last) { why = j; break; }
        }
        if (why < 0) continue;
        Evidence ev;
        ev.add(r, std::min(holder->first, first), last);
        return w.make("WP-WHO-WORRIED", true, "", ev.spans, ev.words);
    }
    return w.make("WP-WHO-WORRIED", false, someone ? "no-why" : "no-who", {}, "");
}

}  // namespace sofs::rubric
