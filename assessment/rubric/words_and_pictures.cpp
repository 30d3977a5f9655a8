// Judging a Words and Pictures explanation: the text is read like a danger
// statement (text/, reading/) against the prepared case, whose child and age
// come from the expert key, and every WP criterion in the registry gives its
// verdict. Each criterion judges one thing only.
#include "rubric/criteria/criteria.hpp"

namespace sofs {

using namespace rubric;

std::vector<Verdict> assess_words_and_pictures(const std::string& text, const PreparedCase& c, const Guidance& g) {
    return judge_text(text, c, g, TextKind::WordsAndPictures);
}

std::vector<Verdict> assess_words_and_pictures(const std::string& text, const Scenario& s, const Guidance& g) {
    return assess_words_and_pictures(text, *prepare_case(s, g), g);
}

}  // namespace sofs
