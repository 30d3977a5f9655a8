// DS-CAREGIVER-BEHAVIOUR, twelfth round: an unnamed carer known by their care,
// then a time clause, then the deed ("whoever is caring for Leo when he won't
// settle might handle him roughly"); and an adult sleeping when a child needs them,
// in note form ("mum was sleeping and Finn was on stairs alone"). The "not met"
// checks guard the limits (assessment/CRITERIA.md).
#include "examples.hpp"

#include <doctest/doctest.h>

using namespace sofs;
using enum sofs::testing::Expect;
using sofs::testing::check_rules;

TEST_CASE("the twelfth round's deeds for DS-CAREGIVER-BEHAVIOUR, each checked both ways") {
    check_rules(assess_danger_statement, {
        {"an unnamed carer, a time clause, then the deed",
         {
             {met, "unexplained-injury-baby",
              "We are worried that whoever is caring for Leo when he won't settle might handle him roughly again.",
              "DS-CAREGIVER-BEHAVIOUR"},
             {met, "unexplained-injury-baby",
              "We are worried that an adult looking after Leo when he cries for hours could squeeze him.",
              "DS-CAREGIVER-BEHAVIOUR"},
             // "someone" alone identifies no one, time clause or not
             {not_met, "unexplained-injury-baby", "We are worried that when he won't settle someone might squeeze him.",
              "DS-CAREGIVER-BEHAVIOUR"},
         }},
        {"an adult sleeping when a child needs them",
         {
             {met, "toddler-parent-drug-use", "Worried because mum was sleeping and Finn was on stairs alone.",
              "DS-CAREGIVER-BEHAVIOUR"},
             {met, "toddler-parent-drug-use", "Mum oversleeps after her tablets. Finn found alone on the stairs.",
              "DS-CAREGIVER-BEHAVIOUR"},
             // a child sleeping is no adult's deed
             {not_met, "toddler-parent-drug-use", "Finn was sleeping and could be hurt.", "DS-CAREGIVER-BEHAVIOUR"},
         }},
    });
}
