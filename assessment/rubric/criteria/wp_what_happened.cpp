// WP-WHAT-HAPPENED: a Words and Pictures text says what happened, as
// something the child could picture, not "some problems" or a category.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/wp.hpp"

namespace sofs::rubric {

Verdict wp_what_happened(const Reading& r, const Wording& w) {
    const auto past = wp::past_forms(r);
    for (auto& e : wp::events(r)) {
        // "someone could get hurt" is a worry, not what happened
        if (wp::modal_before(r, e.first, 4, true)) continue;
        auto [first, last] = wp::sentence_of(r, e.first);
        bool told_in_past = false;
        for (int k = first; k <= last; ++k) told_in_past = told_in_past || past[k];
        if (!told_in_past) continue;
        Evidence ev;
        ev.add(r, e.first, e.last);
        return w.make("WP-WHAT-HAPPENED", true, "", ev.spans, ev.words);
    }
    // A category or vague words tell the trainee what to change.
    Evidence ev;
    for (auto& m : r.longest("categories")) ev.add(r, m.first, m.last);
    for (auto& m : wp::section(r, "child-jargon")) ev.add(r, m.first, m.last);
    if (!ev.spans.empty()) return w.make("WP-WHAT-HAPPENED", false, "category", ev.spans, ev.words);
    return w.make("WP-WHAT-HAPPENED", false, "", {}, "");
}

}  // namespace sofs::rubric
