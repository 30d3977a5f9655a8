// criteria/: a risk status (risk_status.hpp). What it means: assessment/CRITERIA.md.
#include "rubric/criteria/risk_status.hpp"

#include "rubric/reading/doers.hpp"

namespace sofs::rubric {

bool risk_word(const Reading& r, int tok) {
    if (tok < 0 || tok >= r.n()) return false;
    const std::string& w = r.word(tok);
    return w == "risk" || w == "risks" || w == "exposed";
}

bool risk_status_before(const Reading& r, int first) {
    for (int k = first - 1; k >= 1 && k >= first - 4 && r.same_sentence(k, first); --k) {
        const std::string& w = r.word(k);
        const std::string& b = r.word(k - 1);
        // "will be exposed to it and be frightened": a second verb of its own is no longer the status
        if ((w == "and" || w == "or" || w == "but") &&
            (r.is(k + 1, r.c.modal) || r.is(k + 1, r.c.auxiliary) || r.word(k + 1) == "be" || r.word(k + 1) == "get"))
            return false;
        if ((w == "of" && b == "risk") || (w == "to" && (b == "exposed" || b == "risk"))) return true;
    }
    // the cause of a risk status: "at risk of significant harm due to unexplained injuries"
    for (int k = first - 1; k >= 1 && k >= first - 3 && r.same_sentence(k, first); --k) {
        const std::string& w = r.word(k);
        const std::string& b = r.word(k - 1);
        bool cause = (w == "to" && (b == "due" || b == "owing")) || (w == "of" && b == "because") || w == "from";
        if (!cause) continue;
        int from = w == "from" ? k : k - 1;
        for (int j = from - 1; j >= 0 && j >= from - 8 && r.same_sentence(j, from); --j) {
            if (comma_before(r, j + 1) || r.is(j, r.c.modal)) break;
            if (risk_word(r, j)) return true;
        }
        return false;
    }
    return false;
}

}  // namespace sofs::rubric
