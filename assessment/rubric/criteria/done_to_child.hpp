// criteria/: an adult's deed done to a child, said in the passive with the child as its
// subject ("Elis could be slapped again", "Maya could be assaulted in a car", "the kids
// will get battered"): what happens to the child, not the adult's deed alone
// (assessment/CRITERIA.md, DS-CHILD-IMPACT, eleventh round).
#pragma once

#include "rubric/reading/reading.hpp"
#include "rubric/verdict.hpp"

namespace sofs::rubric {

// A deed of `behaviours.txt [action]` written as a participle right after "be" or
// "get" (grammar.txt [be], adverbs and modals passed over), not negated and not
// inside a risk status, whose subject is a child of the case. Adds the child and
// the deed to `ev`.
bool deed_done_to_child(const Reading& r, Evidence* ev);

}  // namespace sofs::rubric
