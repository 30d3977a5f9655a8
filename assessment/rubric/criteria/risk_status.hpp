// criteria/: a risk status, shared by DS-CHILD-IMPACT and DS-FUTURE. "at risk of
// being left alone", "exposed to a cold home", "at risk of significant harm due
// to unexplained injuries": what is said there is a status or its cause, not
// yet what happens to the child (assessment/CRITERIA.md, DS-CHILD-IMPACT).
#pragma once

#include "rubric/reading/reading.hpp"

namespace sofs::rubric {

// A harm starting at `first` said inside a risk status: after "risk of",
// "risk to" or "exposed to" (up to four words before), or as the cause of a risk
// status ("due to", "because of", "owing to" or "from", with "risk" or "exposed"
// up to eight words before it in the same part of the sentence).
bool risk_status_before(const Reading& r, int first);

// "risk", "risks", "exposed": a word that makes the rest of its clause a status.
bool risk_word(const Reading& r, int tok);

}  // namespace sofs::rubric
