// DS-CAREGIVER-BEHAVIOUR, tenth round: "can't be bothered to" is a motive, and
// the deed after it is left undone (assessment/CRITERIA.md). Each check could
// fail: the "not met" ones guard the limits of the rule beside them.
#include "examples.hpp"

#include <doctest/doctest.h>

using namespace sofs;
using enum sofs::testing::Expect;
using sofs::testing::check_rules;

TEST_CASE("the tenth round's omissions for DS-CAREGIVER-BEHAVIOUR, each checked both ways") {
    check_rules(assess_danger_statement, {
        {"\"can't be bothered to\" leaves the deed after it undone",
         {
             {met, "school-referral-three-questions", "We worry Leila can't be bothered to get up on school days.",
              "DS-CAREGIVER-BEHAVIOUR"},
             // in a relative clause, the adult named before "who"
             {met, "low-mood-neglect", "Nia is a mum who can't be bothered to get up for Cai and Mali.",
              "DS-CAREGIVER-BEHAVIOUR"},
             // joined to an earlier clause: a motive, not what a circumstance stops
             {met, "conference-scaling-differences",
              "Iwan is busy and can't be bothered to take Osian to clinic.", "DS-CAREGIVER-BEHAVIOUR"},
             // a joined "can't" with no motive still says what a circumstance stops
             {not_met, "school-referral-three-questions", "Leila is ill and can't walk Yusuf to school.",
              "DS-CAREGIVER-BEHAVIOUR"},
             // a relative "who can't" with no motive is a verdict on capacity, not an omission
             {not_met, "reference-case", "Jade is a mum who can't keep the children safe.",
              "DS-CAREGIVER-BEHAVIOUR"},
         }},
    });
}
