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

TEST_CASE("SG-CAREGIVER-ACTION: a drug test had is given to professionals, not a deed of care") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK_FALSE(goal_met("toddler-parent-drug-use", "Claire will have a clean drug test every month for six months.", ca));
    CHECK_FALSE(goal_met("toddler-parent-drug-use", "Mum to have clean drug tests for the next 3 months.", ca));
    CHECK(goal_met("toddler-parent-drug-use", "Claire will have Finn's breakfast ready by eight every morning.", ca));
}

TEST_CASE("SG-CAREGIVER-ACTION and SG-OBSERVABLE: addressing one's own problem is an aim; attending as the means is attending") {
    const char* ca = "SG-CAREGIVER-ACTION";
    const char* ob = "SG-OBSERVABLE";
    CHECK_FALSE(goal_met("reference-case", "Ryan to address his substance misuse.", ca));
    CHECK_FALSE(goal_met("reference-case", "Ryan to address his substance misuse.", ob));
    CHECK_FALSE(goal_met("low-mood-neglect", "Nia must address her depression.", ob));
    // attending, said after "by" as the means, can be checked
    CHECK(goal_met("reference-case", "Ryan and Jade will address their arguments by attending couples counselling every week.", ob));
    // a deed beside the aim is still met
    CHECK(goal_met("reference-case", "Ryan will address his drinking and stay at Dean's on any night he has had a drink.", ca));
}
