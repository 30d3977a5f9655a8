// Live hints: the assessor's own findings (rubric/writing_hints.hpp), in
// the shape the mapping screen draws.
#include "hints.hpp"

#include "rubric/writing_hints.hpp"

#include <algorithm>
#include <cctype>

namespace sofs::ui {

std::vector<Hint> find_hints(const std::string& text, const Scenario& s, const Guidance& g) {
    std::vector<Hint> out;
    for (auto& w : writing_hints(text, s, g)) {
        Hint h{w.begin, w.end, w.words, w.plain, Hint::Kind::Jargon};
        if (w.kind == WritingHint::Kind::Label) h.kind = Hint::Kind::Label;
        if (w.kind == WritingHint::Kind::LongSentence) h.kind = Hint::Kind::LongSentence;
        out.push_back(std::move(h));
    }
    return out;
}

int word_count(const std::string& text) {
    int n = 0;
    bool in_word = false;
    for (unsigned char c : text) {
        bool w = !std::isspace(c);
        if (w && !in_word) ++n;
        in_word = w;
    }
    return n;
}

std::string reflow(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c != '\n') { out += c; continue; }
        std::size_t j = i;
        int breaks = 0;
        while (j < text.size() && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) {
            if (text[j] == '\n') ++breaks;
            ++j;
        }
        if (j >= text.size()) break;                 // trailing breaks dropped
        // A line starting with a list mark keeps its own line.
        bool list = text[j] == '-' || text[j] == '*';
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += breaks >= 2 ? "\n\n" : list ? "\n" : " ";
        i = j - 1;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    return out;
}

std::vector<ByteSpan> merge_spans(std::vector<ByteSpan> spans) {
    std::sort(spans.begin(), spans.end(), [](auto& a, auto& b) { return a.begin < b.begin; });
    std::vector<ByteSpan> out;
    for (auto s : spans) {
        if (s.end <= s.begin) continue;
        if (!out.empty() && s.begin <= out.back().end) out.back().end = std::max(out.back().end, s.end);
        else out.push_back(s);
    }
    return out;
}

}  // namespace sofs::ui
