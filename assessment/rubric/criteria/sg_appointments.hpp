// criteria/: a caregiver taking a child to routine health appointments, for
// SG-NOT-SERVICE (assessment/CRITERIA.md; eighth round). Words:
// content/lexicons/appointments.txt.
#pragma once

#include "rubric/reading/clauses.hpp"

namespace sofs::rubric {

// "Cerys will take Ruby to all her health visitor checks": the clause `c` takes
// (brings, drives) a child of the case to a routine appointment, and the case's
// own danger is not missed appointments of that kind; nor is it care answering
// a harm named in the goal ("take Leo to the GP ... every time he seems in
// pain"). The appointment's last token in `*last`.
bool routine_appointment(const GoalReading& g, const Clause& c, int* last);

}  // namespace sofs::rubric
