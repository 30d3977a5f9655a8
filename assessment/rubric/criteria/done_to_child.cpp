// An adult's deed done to a child, in the passive (done_to_child.hpp).
#include "rubric/criteria/done_to_child.hpp"

#include "rubric/criteria/risk_status.hpp"
#include "rubric/reading/doers.hpp"

namespace sofs::rubric {

bool deed_done_to_child(const Reading& r, Evidence* ev) {
    for (auto& m : r.longest("behaviours")) {
        // "was left home alone": a deed with its object inside ("left ... alone") is judged as the
        // adult's, as the case's experts judge leaving (impacts.txt lists the harms of being left)
        const Phrase& p = r.phrase("behaviours", m);
        if (p.section != "action" || p.text.find("...") != std::string::npos) continue;
        if (!past_participle(r.word(m.first))) continue;
        int prev = r.back_over(m.first, {});
        if (prev < 0 || !r.is(prev, r.c.be)) continue;
        if (r.negated_before(m.first, 3) || risk_status_before(r, m.first)) continue;
        const Mention* who = child_for_pronoun(r, r.subject_before(prev + 1));
        Mention scratch;
        who = unnamed_child(r, who, &scratch);
        if (!who || who->who != Who::Child) continue;
        ev->add(r, who->first, who->last);
        ev->add(r, m.first, m.last);
        return true;
    }
    return false;
}

}  // namespace sofs::rubric
