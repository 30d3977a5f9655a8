// Live hints from the plain-words and non-blaming checks (writing_hints.hpp).
#include "rubric/writing_hints.hpp"

#include "rubric/criteria/criteria.hpp"

#include <algorithm>

namespace sofs {

using namespace rubric;

std::vector<WritingHint> writing_hints(const std::string& text, const PreparedCase& c, const Guidance& g) {
    const auto& d = *g.data;
    Text t = tokenise(text, d.words);
    Reading r(t, d, c);
    std::vector<WritingHint> out;
    auto words = [&](Span s) { return text.substr(s.begin, s.end - s.begin); };
    for (auto& item : judge_plain(r).items) {
        WritingHint h;
        h.begin = item.span.begin;
        h.end = item.span.end;
        h.words = words(item.span);
        if (item.kind == "jargon") {
            h.kind = WritingHint::Kind::Jargon;
            h.plain = fill_wording(item.note, c, h.words);
        } else if (item.kind == "acronym") {
            h.kind = WritingHint::Kind::Acronym;
            h.plain = "write it out in words the family uses";
        } else {
            h.kind = WritingHint::Kind::LongSentence;
            h.plain = "split this sentence in two: it has " + item.note + " words";
        }
        out.push_back(std::move(h));
    }
    const auto& labels = d.lex("labels");
    for (auto& m : blaming_labels(r)) {
        WritingHint h;
        Span s = r.span(m.first, m.last);
        h.begin = s.begin;
        h.end = s.end;
        h.words = words(s);
        h.kind = WritingHint::Kind::Label;
        const std::string& note = labels.phrases[m.phrase].note;
        h.plain = note.empty() ? "say what the person did, not what they are" : fill_wording(note, c, h.words);
        out.push_back(std::move(h));
    }
    std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.begin < b.begin; });
    return out;
}

std::vector<WritingHint> writing_hints(const std::string& text, const Scenario& s, const Guidance& g) {
    return writing_hints(text, *prepare_case(s, g), g);
}

}  // namespace sofs
