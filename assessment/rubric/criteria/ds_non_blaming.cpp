// DS-NON-BLAMING: behaviour, not labels or verdicts on a person.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"

namespace sofs::rubric {

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
