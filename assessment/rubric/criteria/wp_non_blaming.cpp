// WP-NON-BLAMING: a Words and Pictures text blames no one: not the child,
// and no adult by a label or a verdict. Saying what an adult did is not blame.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/wp.hpp"

namespace sofs::rubric {

Verdict wp_non_blaming(const Reading& r, const Wording& w) {
    Evidence child, label;
    // "It was not your fault" says the opposite
    for (auto& m : wp::section(r, "child-blame"))
        if (!r.negated_before(m.first, 3)) {
            const std::string& first = r.word(m.first);
            (first == "you" || first == "your" || first == "because" || first == "if" ? child : label).add(r, m.first, m.last);
        }
    for (auto& m : blaming_labels(r)) label.add(r, m.first, m.last);
    if (!child.spans.empty()) return w.make("WP-NON-BLAMING", false, "child", child.spans, child.words);
    if (!label.spans.empty()) return w.make("WP-NON-BLAMING", false, "label", label.spans, label.words);
    return w.make("WP-NON-BLAMING", true, "", {}, "");
}

}  // namespace sofs::rubric
