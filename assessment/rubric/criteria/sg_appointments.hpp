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

// SG-ADDRESSES-DANGER (tenth round): the case's danger is missed appointments
// of a kind ("miss ... clinic") and the goal speaks of going to one of that
// kind ("attend all diabetes clinic appointments", "to every clinic"): the
// child's own care, the danger answered, even inside a service. Not an adult's
// own appointment ("his GP appointment"), not one a professional keeps, not the
// clinic as someone spoken to ("ring the clinic"). The appointment in `*where`.
bool missed_care_answered(const GoalReading& g, Match* where);

}  // namespace sofs::rubric
