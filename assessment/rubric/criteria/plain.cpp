// DS-PLAIN and SG-PLAIN: words the family would understand (no jargon, no
// unexplained acronym, no sentence over 40 words). judge_plain is also what the
// live hints show while the trainee writes.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"

namespace sofs::rubric {

PlainResult judge_plain(const Reading& r) {
    PlainResult out;
    for (auto& m : r.longest("jargon")) {
        const Phrase& p = r.phrase("jargon", m);
        out.ev.add(r, m.first, m.last);
        if (out.met) {
            out.plain = p.note;
            out.reason = "jargon";
        }
        out.met = false;
    }
    if (!r.t.shouting) {
        const auto& allowed = r.d.lex("allowed-acronyms");
        std::unordered_set<int> ok;
        for (auto& p : allowed.phrases)
            if (p.words.size() == 1) ok.insert(p.words[0]);
        for (int k = 0; k < r.n(); ++k) {
            const Token& tk = r.t.tokens[k];
            if (!tk.acronym || r.mention_at[k] >= 0) continue;
            if (tk.word != kUnknownWord && ok.count(tk.word)) continue;
            if (tk.lower == "i") continue;
            bool already = false;
            for (auto& s : out.ev.spans)
                if (s.begin <= tk.begin && tk.end <= s.end) already = true;
            if (already) continue;
            out.ev.add(r, k, k);
            if (out.met) out.reason = "acronym";
            out.met = false;
        }
    }
    for (int first = 0; first < r.n();) {
        int last = first;
        while (last + 1 < r.n() && r.same_sentence(last + 1, first)) ++last;
        int words = r.t.sentence_words[r.t.tokens[first].sentence];
        if (words > 40) {
            if (out.met) out.reason = "long";
            out.met = false;
            out.ev.spans.push_back(r.span(first, last));
            if (out.ev.words.empty()) out.ev.words = "a sentence of " + std::to_string(words) + " words";
            else out.ev.words += ", and a sentence of " + std::to_string(words) + " words";
        }
        first = last + 1;
    }
    return out;
}

Verdict plain_verdict(const Reading& r, const Wording& w, const char* id) {
    auto p = judge_plain(r);
    if (p.met) return w.make(id, true, "", {}, "");
    std::string plain = w.fill(p.plain, "");
    return w.make(id, false, p.reason, p.ev.spans, p.ev.words, plain);
}

}  // namespace sofs::rubric
