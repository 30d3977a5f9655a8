// Safety goals, twelfth round: a "they" the people-reader leaves unknown means the
// family named just before it ("Maya will show Auntie Shell or her mum ..., and they
// will help her block it": the caregivers' deed, and "her" is the child they help);
// a caregiver's own medicine, or tablets taken as prescribed or kept taking, is
// treatment, not a deed of care. The "not met" checks guard the limits.
#include "examples.hpp"

#include <doctest/doctest.h>

using namespace sofs;

using sofs::testing::goal_met;

TEST_CASE("SG-CAREGIVER-ACTION and SG-OBSERVABLE: \"they\" after the family named before it") {
    const char* ca = "SG-CAREGIVER-ACTION";
    const char* ob = "SG-OBSERVABLE";
    const char* g = "Maya will show Auntie Shell or her mum any message from Jay, and they will help her block and report it, every time.";
    CHECK(goal_met("teen-online-exploitation", g, ca));
    CHECK(goal_met("teen-online-exploitation", g, ob));
    CHECK(goal_met("teen-online-exploitation",
                   "Maya will tell Shelley or her mum straight away if anyone online asks her for pictures, and they will help her "
                   "report it, every time.",
                   ca));
    // one person before "they" is no list, and a list of children names no caregiver
    CHECK_FALSE(goal_met("teen-online-exploitation", "Maya will show Jay's messages to no one, and they will help her block it.", ca));
    CHECK_FALSE(goal_met("low-mood-neglect", "Cai and Mali will tell Aled, and they will help him.", ca));
}

TEST_CASE("SG-CAREGIVER-ACTION: a caregiver's own medicine is treatment, not a deed") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK_FALSE(goal_met("low-mood-neglect", "Nia will go to her GP every month for her low mood and take her tablets as prescribed.", ca));
    CHECK_FALSE(goal_met("neglect-early-years", "Marcus will go to his GP every month and keep taking his tablets.", ca));
    CHECK_FALSE(goal_met("school-referral-three-questions", "Leila will take her medicine every day.", ca));
    // giving a child their medicine is care, and a deed beside the treatment is still met
    CHECK(goal_met("low-mood-neglect", "Nia will give Mali the medicine for her tooth every morning and evening.", ca));
    CHECK(goal_met("school-referral-three-questions",
                   "Leila will take her medicine every day and Rania will walk Amir and Yusuf to school on her bad mornings.", ca));
}
