// DS-CAREGIVER-BEHAVIOUR, twelfth round: "nobody" doing a deed to a child of the
// case after the case's caregivers are named as subjects is those caregivers'
// deed left undone (assessment/CRITERIA.md). The "not met" checks guard the
// limits: after "if", a helper away, and "no one to" (no helper there). And a
// deed whose object is another adult of the case ("will keep taking Ryan back").
#include "examples.hpp"

#include <doctest/doctest.h>

using namespace sofs;
using enum sofs::testing::Expect;
using sofs::testing::check_rules;

TEST_CASE("the twelfth round's deeds for DS-CAREGIVER-BEHAVIOUR, each checked both ways") {
    check_rules(assess_danger_statement, {
        {"\"nobody\" doing a deed to a child, after the caregivers are named away",
         {
             {met, "conference-scaling-differences",
              "The social worker is worried because Mam is working and Dad is in the shed, so nobody checks Osian at night.",
              "DS-CAREGIVER-BEHAVIOUR"},
             {met, "conference-scaling-differences",
              "We are worried that Iwan will be in the shed and Mererid at work and nobody will check Osian.",
              "DS-CAREGIVER-BEHAVIOUR"},
             // a condition is what could happen
             {not_met, "conference-scaling-differences",
              "We are worried that if Mererid is at work, nobody will check Osian.", "DS-CAREGIVER-BEHAVIOUR"},
             // a grandparent away is not the caregivers' omission
             {not_met, "conference-scaling-differences",
              "We are worried that when Nain is ill or away, nobody else will stand with Osian.",
              "DS-CAREGIVER-BEHAVIOUR"},
             // "no one to help him": no helper there, not a deed
             {not_met, "father-learning-disability-baby",
              "We are worried because Joel is on his own with Ruby all day and there is no one to check her bottles.",
              "DS-CAREGIVER-BEHAVIOUR"},
         }},
        {"a deed whose object is another adult of the case",
         {
             {met, "reference-case", "I feel Jade will keep taking Ryan back, and the kids will suffer.",
              "DS-CAREGIVER-BEHAVIOUR"},
             {met, "months-of-reviews", "Graham and I worry that Sophie may keep letting Liam stay over without telling anyone.",
              "DS-CAREGIVER-BEHAVIOUR"},
             // a possessive is no doer ("Jade's relationship with Ryan")
             {not_met, "reference-case", "We are worried that Jade's relationship with Ryan could mean the children get hurt.",
              "DS-CAREGIVER-BEHAVIOUR"},
         }},
    });
}
