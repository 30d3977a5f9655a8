// DS-WHO: the statement says who holds the worry.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"

namespace sofs::rubric {

namespace {
// Where the list a holder ends begins, for the evidence: "Mr Osei, the police
// and the social worker are worried" quotes all three, not "the social worker
// are worried". Mentions joined by "and", "or" or nothing (a comma), with
// "the" or "a" between, in the same sentence.
int list_start(const Reading& r, const Mention& holder) {
    int from = holder.first;
    for (;;) {
        int j = from - 1;
        if (j >= 0 && (r.word(j) == "and" || r.word(j) == "or")) --j;
        while (j >= 0 && (r.word(j) == "the" || r.word(j) == "a")) --j;
        if (j < 0 || !r.same_sentence(j, holder.first) || r.mention_at[j] < 0) return from;
        from = std::min(from, r.people[r.mention_at[j]].first);
    }
}
}  // namespace

Verdict ds_who(const Reading& r, const Wording& w) {
    for (auto& m : r.all("worry-words")) {
        // "we are (all) worried", "the school's worry", "Linda worries"
        int k = r.back_over(m.first, r.c.be_or_auxiliary);
        const Mention* holder = nullptr;
        if (k >= 0 && r.mention_at[k] >= 0) holder = &r.people[r.mention_at[k]];
        // "Were worried that..." at the start of a sentence is "We're" without its apostrophe
        if (!holder && k < 0 && m.first > 0 && r.word(m.first - 1) == "were" &&
            (m.first == 1 || !r.same_sentence(m.first - 2, m.first - 1))) {
            Evidence ev;
            ev.add(r, m.first - 1, m.last);
            return w.make("DS-WHO", true, "", ev.spans, ev.words);
        }
        // "worries raised by the nursery", "concerns from the police"
        if (!holder)
            for (int j = m.last + 1; j < r.n() && j <= m.last + 3 && r.same_sentence(j, m.last); ++j)
                if ((r.word(j) == "by" || r.word(j) == "from" || r.word(j) == "for" || r.word(j) == "of" ||
                     r.word(j) == "among" || r.word(j) == "to") &&
                    j + 1 < r.n() && (r.mention_at[j + 1] >= 0 || (j + 2 < r.n() && r.word(j + 1) == "the" && r.mention_at[j + 2] >= 0))) {
                    const Mention* head = &r.people[r.mention_at[j + 1] >= 0 ? r.mention_at[j + 1] : r.mention_at[j + 2]];
                    // "the children's social worker": the possessive names whose, the next mention who
                    while (head->last + 1 < r.n() && r.same_sentence(head->last + 1, j) && r.mention_at[head->last + 1] >= 0)
                        head = &r.people[r.mention_at[head->last + 1]];
                    const Mention& e = *head;
                    // "worries raised by the nursery", "the worry for social workers"; not "concern for Kai"
                    bool by_from = r.word(j) == "by" || r.word(j) == "from";
                    if (by_from || e.who == Who::Speaker || e.who == Who::Professional || e.who == Who::Everyone)
                        holder = &e;
                    break;
                }
        // "What worries us is ...", "what concerns the nursery"
        if (!holder && m.last + 1 < r.n() && r.same_sentence(m.last, m.last + 1) && r.mention_at[m.last + 1] >= 0) {
            const Mention& after = r.people[r.mention_at[m.last + 1]];
            if (after.who == Who::Speaker || after.who == Who::Professional || after.who == Who::Everyone)
                holder = &after;
        }
        // "Everybody at the network meeting is worried", "Social workers in the team are concerned"
        if (!holder && k >= 0)
            for (int j = k - 1; j >= 0 && j >= k - 5 && r.same_sentence(j, k); --j) {
                if (r.word(j) == "that" || r.word(j) == "if" || r.word(j) == "when") break;
                if (r.mention_at[j] < 0) continue;
                const Mention& e = r.people[r.mention_at[j]];
                if (e.who == Who::Speaker || e.who == Who::Professional || e.who == Who::Everyone) holder = &e;
                break;
            }
        // "Ysgol Aberwen is worried", "Castlebrook Front Door is worried": a name of two or more
        // capitalised words the case does not list, opening the sentence, holds it (eleventh round)
        if (!holder && k >= 1) {
            int s0 = k;
            while (s0 > 0 && r.same_sentence(s0 - 1, k)) --s0;
            bool name = k - s0 >= 1 && k - s0 <= 3 && k < m.first - 1;  // "... is worried", not "Ongoing DV concerns"
            for (int j = s0; name && j <= k; ++j) name = r.t.tokens[j].capital && r.mention_at[j] < 0;
            Evidence ev;
            ev.add(r, s0, m.last);
            if (name) return w.make("DS-WHO", true, "", ev.spans, ev.words);
        }
        if (!holder) continue;
        if (holder->who == Who::Nobody || holder->who == Who::ChildGeneral) continue;
        // "Kai was scared" is what happened to a child, not someone holding a worry
        if (holder->who == Who::Child && r.phrase("worry-words", m).section == "fear") continue;
        if (holder->first > 0 && r.is(holder->first - 1, r.c.negation)) continue;
        bool negated = false;
        for (int j = holder->last + 1; j < m.first; ++j)
            if (r.is(j, r.c.negation)) negated = true;
        if (negated) continue;
        Evidence ev;
        ev.add(r, std::min(list_start(r, *holder), m.first), std::max(holder->last, m.last));
        return w.make("DS-WHO", true, "", ev.spans, ev.words);
    }
    // "We think Marcus might not heat the flat", "the police think Gwŷn will hit Elis
    // again": the writer or a professional who thinks, feels or believes the danger
    // holds it (fifth round); not "we don't think", and not a caregiver's view
    auto harms = r.longest("impacts");
    auto verdicts = r.longest("labels");
    std::vector<Match> deeds;
    for (auto& m : r.longest("behaviours"))
        if (r.phrase("behaviours", m).section != "general") deeds.push_back(m);
    for (int k = 1; k < r.n(); ++k) {
        const std::string& v = r.word(k);
        if (v != "think" && v != "thinks" && v != "feel" && v != "feels" && v != "believe" && v != "believes") continue;
        int s = r.back_over(k, r.c.be_or_auxiliary);
        if (s < 0 || r.mention_at[s] < 0) continue;
        const Mention& h = r.people[r.mention_at[s]];
        if (h.who != Who::Speaker && h.who != Who::Professional && h.who != Who::Everyone) continue;
        bool negated = false;
        for (int j = h.last + 1; j < k; ++j)
            if (r.is(j, r.c.negation) || r.word(j) == "n't") negated = true;
        if (negated) continue;
        // what is thought must be something that could happen ("we think it was a one-off" holds no worry)
        bool could = false;
        for (int j = k + 1; j < r.n() && r.same_sentence(j, k); ++j) {
            const std::string& x = r.word(j);
            if (x == "may" || x == "might" || x == "could" || x == "will" || x == "would" || x == "can" || x == "'ll")
                could = true;
            // or a harm, a deed or a risk thought already there ("think Lily has been left in wet
            // nappies", "feel the children are at risk"; sixth round)
            if (x == "risk" || starts_at(harms, j) || starts_at(deeds, j) || starts_at(verdicts, j)) could = true;
        }
        if (!could) continue;
        Evidence ev;
        ev.add(r, h.first, k);
        return w.make("DS-WHO", true, "", ev.spans, ev.words);
    }
    return w.make("DS-WHO", false, "", {}, "");
}

}  // namespace sofs::rubric
