// SG-ADDRESSES-DANGER, twelfth round (ad13).
// - A word of an adult's manner ("calm") said of a place or a time of day ("a
//   calm home", "keep the house calm") is the place's state, not an adult
//   staying calm, and answers no danger through that word alone
//   (content/lexicons/grammar.txt [manner-of-adult], [setting]).
#include "examples.hpp"

#include <doctest/doctest.h>

using sofs::testing::goal_met;

TEST_CASE("a calm home is the place's state; an adult staying calm answers the danger") {
    const char* c = "months-of-reviews";
    CHECK_FALSE(goal_met(c, "Liam and Sophie will keep the house calm for the kids.", "SG-ADDRESSES-DANGER"));
    CHECK_FALSE(goal_met(c, "Sophie and Liam will give Maisie and Theo a happy, calm home every day.", "SG-ADDRESSES-DANGER"));
    CHECK(goal_met(c, "Liam will always stay calm around Sophie and the children.", "SG-ADDRESSES-DANGER"));
    CHECK(goal_met(c, "Liam and Sophie will sort out arguments calmly without raising voices around Maisie and Theo.", "SG-ADDRESSES-DANGER"));
    // the place's state with the adults' deed beside it still answers it
    CHECK(goal_met(c, "Maisie and Theo will live in a calm home where nobody is hit or shouted at.", "SG-ADDRESSES-DANGER"));
}

TEST_CASE("dental appointments are the dentist's kind where missing the dentist is the danger") {
    // content/lexicons/appointments.txt: "dental appointment(s)" beside "dentist"
    CHECK(goal_met("low-mood-neglect", "Nia will go to all of Mali's dental appointments.", "SG-ADDRESSES-DANGER"));
}
