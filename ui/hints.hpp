// Live hints while a trainee writes a danger statement or a safety goal:
// professional jargon and labels found in the text, each with a plain
// alternative the family would understand, and the word count. Pure logic
// (no ImGui) so it is tested on its own; the assessor's DS-PLAIN / SG-PLAIN
// evidence spans are merged in by the mapping screen when the rubric is built.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace sofs::ui {

struct Hint {
    std::size_t begin = 0, end = 0;  // byte offsets into the text, end exclusive
    std::string words;               // the words as the trainee wrote them
    std::string plain;               // a plain alternative, or what to write instead
    enum class Kind { Jargon, Label, LongSentence } kind = Kind::Jargon;
};

// Every jargon term or label in `text`, in order, not overlapping. Matching
// ignores case and only takes whole words ("CP" in "CPU" is not a hit).
std::vector<Hint> find_hints(const std::string& text);

// Sentences longer than `max_words` words (hard for a family to follow).
std::vector<Hint> long_sentences(const std::string& text, int max_words = 35);

int word_count(const std::string& text);

// Text written in a YAML block keeps its line breaks; for wrapped display a
// single line break becomes a space, and a blank line stays a paragraph break.
std::string reflow(const std::string& text);

// A hint for a span the assessor marked, with our plain alternative when we
// know the words (empty `plain` otherwise).
std::string plain_alternative(const std::string& words);

// Merge spans (sorted, overlaps joined), for highlighting.
struct ByteSpan {
    std::size_t begin = 0, end = 0;
};
std::vector<ByteSpan> merge_spans(std::vector<ByteSpan> spans);

}  // namespace sofs::ui
