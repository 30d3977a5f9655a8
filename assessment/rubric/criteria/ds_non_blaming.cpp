// DS-NON-BLAMING: behaviour, not labels or verdicts on a person.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"
#include "rubric/reading/doers.hpp"

namespace sofs::rubric {

namespace {

// "puts his sheep before his son", "chooses her bed over her kids": a label
// pattern ending in a ranking word ranks a choice above a child only when a
// child of the case follows (over "his", "her own", "the").
bool ranks_child(const Reading& r, const Match& m) {
    const std::string& text = r.phrase("labels", m).text;
    if (text.find("...") == std::string::npos || !in_class(r, m.last, "ranking")) return true;
    for (int j = m.last + 1; j < r.n() && j <= m.last + 3 && r.same_sentence(j, m.last); ++j) {
        if (r.mention_at[j] < 0) continue;
        const Mention& p = r.people[r.mention_at[j]];
        if (p.who == Who::Child || p.who == Who::ChildGeneral) return true;
        if (!p.pronoun) return false;
        j = p.last;
    }
    return false;
}

}  // namespace

std::vector<Match> blaming_labels(const Reading& r) {
    std::vector<Match> out;
    for (auto& m : r.longest("labels")) {
        if (r.negated_before(m.first, 3)) continue;
        // "could be violent towards Jade" describes what someone might do, not who they are
        if (m.last + 1 < r.n() && (r.word(m.last + 1) == "towards" || r.word(m.last + 1) == "toward")) continue;
        // "he lies awake", "lying in bed": lying down, not telling lies
        if (m.last + 1 < r.n() && r.same_sentence(m.last, m.last + 1) &&
            (r.word(m.last + 1) == "awake" || r.word(m.last + 1) == "down" || r.word(m.last + 1) == "in") &&
            r.word(m.last).rfind("l", 0) == 0)
            continue;
        // "Leila may not cope": a worry about what could happen, not a verdict (eighth round)
        if (r.word(m.first) == "not" && m.first > 0 && r.same_sentence(m.first - 1, m.first) &&
            in_class(r, m.first - 1, "possibility"))
            continue;
        // "the LD team", "a learning disability nurse": a service named
        if (m.last + 1 < r.n() && r.same_sentence(m.last, m.last + 1) && in_class(r, m.last + 1, "diagnosis-service"))
            continue;
        if (!ranks_child(r, m)) continue;
        // "this is dangerous for children", "it is dangerous": said of a thing, not a person
        if (m.first >= 2 && r.same_sentence(m.first - 2, m.first) && r.is(m.first - 1, r.c.be) &&
            in_class(r, m.first - 2, "thing-subject"))
            continue;
        out.push_back(m);
    }
    return out;
}

Verdict ds_non_blaming(const Reading& r, const Wording& w) {
    Evidence ev;
    for (auto& m : blaming_labels(r)) ev.add(r, m.first, m.last);
    if (ev.spans.empty()) return w.make("DS-NON-BLAMING", true, "", {}, "");
    return w.make("DS-NON-BLAMING", false, "", ev.spans, ev.words);
}

}  // namespace sofs::rubric
