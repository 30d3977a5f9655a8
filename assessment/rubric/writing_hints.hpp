// Hints while a trainee writes a danger statement or a safety goal, from the
// assessor itself: the same lexicons, the same thresholds and the case's own
// names as the checks and the feedback, so a hint never contradicts a check.
// A jargon, acronym or long-sentence hint appears exactly when the plain-words
// check (DS-PLAIN / SG-PLAIN) is not met; a label hint exactly when
// DS-NON-BLAMING is not met. Fast enough to run on every keystroke.
#pragma once

#include "rubric/assess.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace sofs {

struct WritingHint {
    enum class Kind { Jargon, Acronym, Label, LongSentence };
    std::size_t begin = 0, end = 0;  // bytes in the text, end exclusive
    std::string words;               // as the trainee wrote them
    std::string plain;               // what to write instead, in this case's names
    Kind kind = Kind::Jargon;
};

// In text order.
std::vector<WritingHint> writing_hints(const std::string& text, const PreparedCase& c, const Guidance& g);
std::vector<WritingHint> writing_hints(const std::string& text, const Scenario& s, const Guidance& g);

}  // namespace sofs
