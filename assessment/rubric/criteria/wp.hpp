// Words and Pictures: what the five WP criteria share. The words come from
// content/lexicons/words-and-pictures.txt (its sections are listed there);
// what each criterion means: assessment/CRITERIA.md.
#pragma once

#include "rubric/criteria/criteria.hpp"

namespace sofs::rubric::wp {

inline constexpr const char* kLexicon = "words-and-pictures";

// Every match of one section of the Words and Pictures lexicon.
std::vector<Match> section(const Reading& r, const char* name);
// Tokens covered by a match of one section.
std::vector<bool> marks(const Reading& r, const char* name);
// The tokens that tell of the past: past forms ("was", "saw") and -ed words
// that are not listed as something else ("need", "bed").
std::vector<bool> past_forms(const Reading& r);
// Things that happen that a child can picture: the case's own danger ('does'
// and 'harm'), behaviours, harms and what a child sees, and [happened];
// categories ("domestic violence") are not among them.
std::vector<Match> events(const Reading& r);
// A "could", "might", "would", "will" within `window` tokens before `tok`, same sentence.
bool modal_before(const Reading& r, int tok, int window, bool will_counts);
// The first and last token of the sentence holding `tok`.
std::pair<int, int> sentence_of(const Reading& r, int tok);

}  // namespace sofs::rubric::wp
