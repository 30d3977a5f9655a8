// Live hints while a trainee writes a danger statement or a safety goal. They
// come from the assessor itself (rubric/writing_hints.hpp): the same word
// lists, the same thresholds and this case's own names as the checks and the
// feedback, so a hint never says one thing while a check says another. Pure
// logic (no ImGui) so it is tested on its own.
#pragma once

#include "model/scenario.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace sofs {
class Guidance;
}

namespace sofs::ui {

struct Hint {
    std::size_t begin = 0, end = 0;  // byte offsets into the text, end exclusive
    std::string words;               // the words as the trainee wrote them
    std::string plain;               // a plain alternative, or what to write instead
    enum class Kind { Jargon, Label, LongSentence } kind = Kind::Jargon;
};

// Every jargon term, unexplained acronym, label and over-long sentence in
// `text`, in order, as the assessor finds them for this scenario.
std::vector<Hint> find_hints(const std::string& text, const Scenario& s, const Guidance& g);

int word_count(const std::string& text);

// Text written in a YAML block keeps its line breaks; for wrapped display a
// single line break becomes a space, and a blank line stays a paragraph break.
std::string reflow(const std::string& text);

// Merge spans (sorted, overlaps joined), for highlighting.
struct ByteSpan {
    std::size_t begin = 0, end = 0;
};
std::vector<ByteSpan> merge_spans(std::vector<ByteSpan> spans);

}  // namespace sofs::ui
