// criteria/: where a word of the case's danger, found in a safety goal, is not
// the danger the goal answers (SG-ADDRESSES-DANGER; assessment/CRITERIA.md).
#pragma once

#include "rubric/reading/clauses.hpp"

namespace sofs::rubric {

// "a baby-crying course", "a course about alcohol": the word names a service or
// what one is about
bool names_a_service(const GoalReading& g, const Match& m);
// "Amir's attendance": a services word said of one of the children, the child's own life
bool childs_own(const GoalReading& g, const Match& m);
// "the social worker will see Maisie alone": a private talk, not a child left alone
bool seen_privately(const GoalReading& g, const Match& m);
// "how Leo got hurt": the harm told as what happened
bool told_as_past(const GoalReading& g, const Match& m);
// "a calm home", "keep the house calm", "bedtimes will be calm" (twelfth
// round): a word of an adult's manner said of a place or a time of day, not of
// an adult staying calm (content/lexicons/grammar.txt [manner-of-adult], [setting])
bool said_of_a_setting(const GoalReading& g, const Match& m);
// "the social worker will see Maisie" (thirteenth round): a word of watching
// alone, though the case's harm phrases hold it ("see" the violence)
bool only_watching(const GoalReading& g, const Match& m);

}  // namespace sofs::rubric
