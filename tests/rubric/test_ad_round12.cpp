// SG-ADDRESSES-DANGER and SG-NOT-SERVICE, twelfth round (ad12).
// - The safe sleep of a baby said as a deed ("sleeps safely", "safe when she
//   sleeps", "sleeping arrangements") is the case's own safety, written in the
//   case's expert key (scenarios/FORMAT.md); the noun "safe sleep" is not, so
//   "comply with safe sleep advice" still answers no danger.
// - An adult taking their own tablets ("take his tablets") is treatment, as
//   medication is (content/lexicons/services.txt), while tablets put away or
//   handed over in a case whose danger they are stay the family's deeds.
#include "examples.hpp"

#include <doctest/doctest.h>

using sofs::testing::goal_met;

TEST_CASE("a baby's safe sleep said as a deed answers the case's danger; the noun alone does not") {
    const char* c = "father-learning-disability-baby";
    CHECK(goal_met(c, "Cerys will make sure Ruby sleeps safely every night.", "SG-ADDRESSES-DANGER"));
    CHECK(goal_met(c, "Joel will put Ruby to sleep safely, day and night.", "SG-ADDRESSES-DANGER"));
    CHECK(goal_met(c, "Joel and Cerys will keep Ruby safe when she sleeps.", "SG-ADDRESSES-DANGER"));
    CHECK_FALSE(goal_met(c, "The family will comply with safe sleep advice.", "SG-ADDRESSES-DANGER"));
}

TEST_CASE("an adult taking their own tablets is treatment, not the child's safe life") {
    CHECK_FALSE(goal_met("neglect-early-years", "Marcus will see his GP each month and take his tablets.", "SG-NOT-SERVICE"));
    CHECK_FALSE(goal_met("low-mood-neglect", "Nia will take her tablets every day and go to the group.", "SG-NOT-SERVICE"));
    // the tablets handed over or locked away where they are the danger stay deeds
    CHECK(goal_met("toddler-parent-drug-use", "Claire will hand her tablets to Sam every night to lock away.", "SG-NOT-SERVICE"));
}

TEST_CASE("the household's washing is the home's state, not a child washed") {
    // "wash" alone is care ([care]); inside "the washing" it takes that phrase's sense ([home-conditions])
    CHECK_FALSE(goal_met("low-mood-neglect", "Nia will do the washing up and put the laundry away every evening.", "SG-ADDRESSES-DANGER"));
    CHECK_FALSE(goal_met("father-learning-disability-baby", "Cerys will fold the washing every day.", "SG-ADDRESSES-DANGER"));
}

TEST_CASE("a drug test had, as one given, is compliance with the service") {
    CHECK_FALSE(goal_met("toddler-parent-drug-use", "Claire will have a negative drug test every fortnight.", "SG-NOT-SERVICE"));
}
