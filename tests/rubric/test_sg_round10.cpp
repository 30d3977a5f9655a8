// Safety goals, tenth round: an outcome promised ("make sure Lily's needs are
// met") stays care said in general unless the deeds of care follow it, after
// "with" or in brackets (SG-CAREGIVER-ACTION). The "not met" checks guard the
// limits.
#include "examples.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;

using sofs::testing::goal_met;

TEST_CASE("SG-CAREGIVER-ACTION: the deeds of care listed after \"needs are met\" are deeds") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK(goal_met("neglect-early-years", "Marcus will ensure Lily's needs are met with three meals a day.", ca));
    CHECK(goal_met("neglect-early-years", "Marcus will make sure Lily's needs are met (warm flat, clean nappies).", ca));
    // the outcome alone, or followed by something that is no deed of care, is still care in general
    CHECK_FALSE(goal_met("neglect-early-years", "Marcus will ensure Lily's needs are met.", ca));
    CHECK_FALSE(goal_met("neglect-early-years", "Marcus will ensure Lily's needs are met, with reviews at core group.", ca));
}
