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
    return w.make("SG-OVER-TIME", false, "", {}, "");
}

}  // namespace sofs::rubric
