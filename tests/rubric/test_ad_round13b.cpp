// SG-ADDRESSES-DANGER, thirteenth round (ad14).
// - A word of watching ("see") is what someone looks at, not the danger, even
//   where the case's harm phrases hold it (a child who could "see" the
//   violence): "the social worker will see Maisie" answers nothing by it.
// - months-of-reviews' expert key: a child rested and sleeping through is the
//   case's safety; letting the father in is the danger of him staying over.
#include "examples.hpp"

#include <doctest/doctest.h>

using sofs::testing::goal_met;

TEST_CASE("a word of watching is not the danger a child could see") {
    const char* c = "months-of-reviews";
    CHECK_FALSE(goal_met(c, "Ms Adebayo will see Maisie at the school gate every morning.", "SG-ADDRESSES-DANGER"));
    CHECK_FALSE(goal_met(c, "Sophie will go to see Kasia every week and the nursery will see Theo at drop-off.", "SG-ADDRESSES-DANGER"));
    // the danger itself said beside it still answers it
    CHECK(goal_met(c, "Graham will see that nobody is hit or shouted at in front of Maisie and Theo.", "SG-ADDRESSES-DANGER"));
}

TEST_CASE("a rested child and not letting him in are this case's own words") {
    const char* c = "months-of-reviews";
    CHECK(goal_met(c, "Maisie will be rested when she gets to school every morning this term.", "SG-ADDRESSES-DANGER"));
    CHECK(goal_met(c, "Maisie will sleep through every night until the review.", "SG-ADDRESSES-DANGER"));
    CHECK(goal_met(c, "Sophie will not let him in when Graham is not there.", "SG-ADDRESSES-DANGER"));
}
