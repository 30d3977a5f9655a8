// The one verdict builder: every verdict the assessor gives (statements,
// goals, next steps, the debrief's tasks) is worded here, from
// content/guidance/criteria.yaml with the case's own names filled in.
#pragma once

#include "rubric/reading/reading.hpp"

#include <algorithm>

namespace sofs::rubric {

// A verdict on criterion `id`: its explanation, guidance and how to improve,
// from content/guidance/criteria.yaml ("ID#reason" texts when `reason` is
// given and the file has them), with the case's names, `words` (the deciding
// words) and `plain` (a plain alternative) filled in.
Verdict make_verdict(const Guidance::Data& d, const PreparedCase& c, const std::string& id, bool met,
                     const std::string& reason, std::vector<Span> spans, const std::string& words,
                     const std::string& plain = "");

struct Wording {
    const Guidance::Data& d;
    const PreparedCase& c;

    std::string fill(const std::string& s, const std::string& words, const std::string& plain = "") const {
        return rubric::fill_wording(s, c, words, plain);
    }

    // `reason` picks "ID#reason" texts when the criteria file has them.
    Verdict make(const std::string& id, bool met, const std::string& reason, std::vector<Span> spans,
                 const std::string& words, const std::string& plain = "") const {
        return make_verdict(d, c, id, met, reason, std::move(spans), words, plain);
    }
};

// Collects evidence: spans and quoted words.
struct Evidence {
    std::vector<Span> spans;
    std::vector<std::string> quotes;
    std::string words;  // "'DV', 'substance misuse' and 'significant harm'"
    void add(const Reading& r, int first, int last) {
        spans.push_back(r.span(first, last));
        std::string q = "'" + r.quote(first, last) + "'";
        if (std::find(quotes.begin(), quotes.end(), q) != quotes.end()) return;
        quotes.push_back(q);
        words.clear();
        for (std::size_t i = 0; i < quotes.size(); ++i)
            words += (i == 0 ? "" : i + 1 == quotes.size() ? " and " : ", ") + quotes[i];
    }
};

}  // namespace sofs::rubric
