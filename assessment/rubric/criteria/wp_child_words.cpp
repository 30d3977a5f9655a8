// WP-CHILD-WORDS: a Words and Pictures text speaks to the child ("you") in
// words fit for the child's age: no professional words, sentences no longer
// than the age allows, and few hard words. The age bands are in
// assessment/CRITERIA.md; the words in content/lexicons/words-and-pictures.txt.
#include "rubric/criteria/wp.hpp"

namespace sofs::rubric {

namespace {

struct AgeBand {
    double average;  // words per sentence on average, at most
    int longest;     // words in any one sentence, at most
    int hard;        // hard words, at most
};

AgeBand band_for(int age) {
    if (age <= 5) return {10, 16, 1};
    if (age <= 10) return {14, 22, 1};
    return {18, 28, 3};
}

// A word this long is hard for a child whatever it is ("responsibilities").
constexpr std::size_t kLongWord = 14;

}  // namespace

Verdict wp_child_words(const Reading& r, const Wording& w) {
    const AgeBand band = band_for(r.c.wp_age);
    if (wp::section(r, "you").empty()) return w.make("WP-CHILD-WORDS", false, "you", {}, "");

    Evidence jargon;
    auto plain = judge_plain(r);
    if (!plain.met && plain.reason != "long")
        for (auto& s : plain.ev.spans) {
            jargon.spans.push_back(s);
        }
    std::string jargon_words = plain.met || plain.reason == "long" ? "" : plain.ev.words;
    for (auto& m : wp::section(r, "child-jargon")) {
        bool already = false;
        for (auto& s : jargon.spans) already = already || (s.begin <= r.t.tokens[m.first].begin && r.t.tokens[m.last].end <= s.end);
        if (already) continue;
        Evidence one;
        one.add(r, m.first, m.last);
        jargon.spans.push_back(one.spans.front());
        jargon_words += (jargon_words.empty() ? "" : ", ") + one.words;
    }
    if (!jargon.spans.empty()) return w.make("WP-CHILD-WORDS", false, "jargon", jargon.spans, jargon_words);

    // Sentence lengths for the age.
    int sentences = 0, words = 0, longest = 0, longest_at = -1;
    for (std::size_t i = 0; i < r.t.sentence_words.size(); ++i) {
        int n = r.t.sentence_words[i];
        if (n == 0) continue;
        ++sentences;
        words += n;
        if (n > longest) { longest = n; longest_at = (int)i; }
    }
    double average = sentences ? double(words) / sentences : 0;
    if (longest > band.longest || average > band.average) {
        Evidence ev;
        if (longest > band.longest && longest_at >= 0) {
            int first = -1, last = -1;
            for (int k = 0; k < r.n(); ++k)
                if (r.t.tokens[k].sentence == longest_at) { if (first < 0) first = k; last = k; }
            if (first >= 0) ev.spans.push_back(r.span(first, last));
            ev.words = "a sentence of " + std::to_string(longest) + " words";
        } else {
            char buf[64];
            std::snprintf(buf, sizeof buf, "sentences of %.0f words on average", average);
            ev.words = buf;
        }
        return w.make("WP-CHILD-WORDS", false, "long", ev.spans, ev.words);
    }

    // Hard words: listed ones and very long ones, never the family's names.
    Evidence hard;
    std::vector<bool> counted(r.n(), false);
    for (auto& m : wp::section(r, "hard-word")) {
        if (r.mention_at[m.first] >= 0 || counted[m.first]) continue;
        for (int k = m.first; k <= m.last; ++k) counted[k] = true;
        hard.add(r, m.first, m.last);
    }
    for (int k = 0; k < r.n(); ++k)
        if (!counted[k] && r.mention_at[k] < 0 && r.word(k).size() >= kLongWord) {
            counted[k] = true;
            hard.add(r, k, k);
        }
    if ((int)hard.spans.size() > band.hard) return w.make("WP-CHILD-WORDS", false, "hard", hard.spans, hard.words);
    return w.make("WP-CHILD-WORDS", true, "", {}, "");
}

}  // namespace sofs::rubric
