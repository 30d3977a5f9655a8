// DS-CAREGIVER-BEHAVIOUR: a specific thing an identified adult did, does,
// might do or fails to do.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"

namespace sofs::rubric {

Verdict ds_behaviour(const Reading& r, const Wording& w) {
    auto cats = r.longest("categories");
    auto labels = r.longest("labels");
    for (auto& m : r.longest("behaviours")) {
        if (overlaps(m, cats) || overlaps(m, labels)) continue;
        const Phrase& p = r.phrase("behaviours", m);
        if (r.negated_before(m.first, 2) && r.word(m.first) != "not") continue;
        const Mention* agent = nullptr;
        int prev = r.back_over(m.first, {});
        bool passive = p.section != "state" && prev >= 0 && r.is(prev, r.c.be) &&
                       past_participle_like(r.word(m.first));
        if (passive) {
            for (int j = m.last + 1; j < r.n() && j <= m.last + 4 && r.same_sentence(j, m.last); ++j)
                if (r.word(j) == "by" && j + 1 < r.n() && r.mention_at[j + 1] >= 0) {
                    agent = &r.people[r.mention_at[j + 1]];
                    break;
                }
        } else {
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
        if (!agent || !is_any_adult(agent->who)) continue;
        Evidence ev;
        ev.add(r, agent->first, agent->last);
        ev.add(r, m.first, m.last);
        return w.make("DS-CAREGIVER-BEHAVIOUR", true, "", ev.spans, ev.words);
    }
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
