// Safety goals, seventh round: the family's deed given as the reason for the
// child's safe life ("because Mum and Dad keep things calm") is a deed of care
// (SG-CAREGIVER-ACTION). The "not met" checks guard the limits of the rule.
#include "examples.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;
using sofs::testing::find;

namespace {

bool goal_met(const std::string& case_id, const std::string& text, const char* criterion) {
    return sofs::testing::met_in_case(assess_safety_goal, case_id, text, criterion);
}

}  // namespace

TEST_CASE("SG-CAREGIVER-ACTION: the family's deed as the reason for the child's safe life") {
    CHECK(goal_met("months-of-reviews", "Maisie will come to school rested every day because Mum and Dad keep things calm at home.",
                   "SG-CAREGIVER-ACTION"));
    CHECK(goal_met("reference-case", "Kai will be able to tell his teacher that home is quiet, because Jade and Ryan sort out rows calmly.",
                   "SG-CAREGIVER-ACTION"));
    CHECK(goal_met("conference-scaling-differences",
                   "Osian will come to school well every day because Mam, Dad or Nain watches his insulin each evening.",
                   "SG-CAREGIVER-ACTION"));
    // the reason is something ruled out, or an inner state: no deed
    CHECK_FALSE(goal_met("months-of-reviews", "Maisie will come to school rested because Liam does not shout.",
                         "SG-CAREGIVER-ACTION"));
    // not a reason: a condition
    CHECK_FALSE(goal_met("months-of-reviews", "Maisie will be calm when Mum and Dad keep things calm.", "SG-CAREGIVER-ACTION"));
}

TEST_CASE("Safety goals: a plural noun whose stem is a modal (\"cans\") opens no clause") {
    // rationing the danger is no deed of care, and the "clause" after "cans" is none
    CHECK_FALSE(goal_met("reference-case", "Ryan will cut down to four cans on a Saturday.", "SG-CAREGIVER-ACTION"));
    CHECK(goal_met("reference-case", "Jade can take Kai and Mia to nursery every morning.", "SG-CAREGIVER-ACTION"));
}
