// Safety goals, sixth round: what a caregiver makes sure of, a child's own
// ordinary deed, keeping a person away (SG-OBSERVABLE); "any more" as from now
// on (SG-OVER-TIME); the professionals' plans and an adult going to a
// professional as services (SG-NOT-SERVICE). Each check could fail: the "not
// met" ones guard the limits of the rule beside them.
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;
using sofs::testing::find;

namespace {

bool goal_met(const std::string& case_id, const std::string& text, const char* criterion) {
    auto g = sofs::testing::guidance();
    auto s = sofs::testing::bundled_case(case_id);
    REQUIRE(g);
    REQUIRE(s);
    auto vs = assess_safety_goal(text, *s, *g);
    auto* v = find(vs, criterion);
    REQUIRE(v);
    return v->met;
}

}  // namespace

TEST_CASE("SG-OBSERVABLE: what a caregiver makes sure of is judged by the deed or presence in it") {
    CHECK(goal_met("reference-case", "Jade and Ryan will make sure that Kai goes to nursery.", "SG-OBSERVABLE"));
    CHECK(goal_met("first-day-short-case", "Aga will make sure an adult minds Kacper.", "SG-OBSERVABLE"));
    CHECK(goal_met("teen-online-exploitation", "Karen will make sure an adult is with Josh.", "SG-OBSERVABLE"));
    CHECK(goal_met("low-mood-neglect", "Nia will make sure Cai and Mali have a hot meal.", "SG-OBSERVABLE"));
    // no deed in what is made sure of, or only the case's care task said as had
    CHECK_FALSE(goal_met("neglect-early-years", "Marcus will ensure Lily's needs are met.", "SG-OBSERVABLE"));
    CHECK_FALSE(goal_met("conference-scaling-differences", "Mererid and Iwan will make sure Osian has his insulin.",
                         "SG-OBSERVABLE"));
    // what is made sure of is ruled out, not seen
    CHECK_FALSE(goal_met("toddler-parent-drug-use", "Claire will make sure Finn is never left on his own.", "SG-OBSERVABLE"));
}

TEST_CASE("SG-OBSERVABLE: a child's own ordinary deed is seen; a part of the child, an absence or a quality only is not") {
    CHECK(goal_met("conference-scaling-differences", "Lowri and Osian will have their tea with Nain.", "SG-OBSERVABLE"));
    CHECK(goal_met("low-mood-neglect", "Cai will go back to football club.", "SG-OBSERVABLE"));
    CHECK_FALSE(goal_met("school-referral-three-questions", "Amir's hand will heal.", "SG-OBSERVABLE"));
    CHECK_FALSE(goal_met("unexplained-injury-baby", "Leo will have no more bruises.", "SG-OBSERVABLE"));
    CHECK_FALSE(goal_met("teen-missing-boyfriend", "Leah will have a safe adult.", "SG-OBSERVABLE"));
    CHECK_FALSE(goal_met("reference-case", "Mia and Kai will grow up in a loving home.", "SG-OBSERVABLE"));
}

TEST_CASE("SG-OBSERVABLE: keeping a person or a quarrel away is an absence, keeping a thing away a deed") {
    CHECK_FALSE(goal_met("months-of-reviews", "Sophie will keep Liam away from the children.", "SG-OBSERVABLE"));
    CHECK_FALSE(goal_met("reference-case", "Jade and Ryan will keep arguments away from the children.", "SG-OBSERVABLE"));
    CHECK(goal_met("toddler-parent-drug-use", "Claire will keep the tablets away from Finn.", "SG-OBSERVABLE"));
    // still the caregivers doing something
    CHECK(goal_met("months-of-reviews", "Sophie will keep Liam away from the children.", "SG-CAREGIVER-ACTION"));
}

TEST_CASE("SG-OVER-TIME: \"any more\" closing its clause means from now on") {
    CHECK(goal_met("first-day-short-case", "Ola will not babysit Kacper any more.", "SG-OVER-TIME"));
    CHECK(goal_met("low-mood-neglect", "Cai won't have to cook anymore, because Nain will.", "SG-OVER-TIME"));
    CHECK_FALSE(goal_met("toddler-parent-drug-use", "Claire will not take any more tablets than she is prescribed.",
                         "SG-OVER-TIME"));
    CHECK(goal_met("practice-lead-mapping", "Dad walks away. 6/12.", "SG-OVER-TIME"));
}

TEST_CASE("SG-NOT-SERVICE: the professionals' plans and an adult going to a professional are services") {
    CHECK_FALSE(goal_met("unexplained-injury-baby", "A CP plan will be in place.", "SG-NOT-SERVICE"));
    CHECK_FALSE(goal_met("months-of-reviews", "Sophie will keep seeing Kasia weekly.", "SG-NOT-SERVICE"));
    // a child going to nursery is the child's own life
    CHECK(goal_met("toddler-parent-drug-use", "Finn will go to nursery every day.", "SG-NOT-SERVICE"));
}

TEST_CASE("SG-CAREGIVER-ACTION: a caregiver being with a child, or driving the family to clinic, is a deed of care") {
    CHECK(goal_met("conference-scaling-differences", "Mam or Nain will be with Osian every evening.", "SG-CAREGIVER-ACTION"));
    CHECK(goal_met("conference-scaling-differences", "Elin will drive Osian to clinic.", "SG-CAREGIVER-ACTION"));
    // a person not named is no caregiver (the practice leads' labels)
    CHECK_FALSE(goal_met("school-referral-three-questions", "An adult will be with Sami at all times.", "SG-CAREGIVER-ACTION"));
    // a child going to a service: observable, but a service
    CHECK(goal_met("school-referral-three-questions", "Amir will attend breakfast club daily.", "SG-OBSERVABLE"));
    CHECK_FALSE(goal_met("school-referral-three-questions", "Amir will attend breakfast club daily.", "SG-NOT-SERVICE"));
}

TEST_CASE("SG-OVER-TIME: \"this week\" says when, once; \"weekly\" and \"each of ...'s trips\" say how often") {
    CHECK_FALSE(goal_met("low-mood-neglect", "Nia will see her GP next week.", "SG-OVER-TIME"));
    CHECK_FALSE(goal_met("first-day-short-case", "Aga will write a late-shift plan this week.", "SG-OVER-TIME"));
    CHECK(goal_met("first-day-short-case", "Jean will ring the school weekly.", "SG-OVER-TIME"));
    CHECK(goal_met("toddler-parent-drug-use", "For the first week of each of Sam's trips, Bernie will stay at the flat.",
                   "SG-OVER-TIME"));
}

TEST_CASE("SG-OBSERVABLE: a thing shown to someone is seen; showing that one can is a promise") {
    CHECK(goal_met("teen-missing-boyfriend", "Leah will show Kez any message she gets from Dean.", "SG-OBSERVABLE"));
    CHECK_FALSE(goal_met("teen-missing-boyfriend", "Tony and Mo will show Leah they care.", "SG-OBSERVABLE"));
    CHECK_FALSE(goal_met("practice-lead-mapping", "Gwŷn will show Ffion that he can change.", "SG-OBSERVABLE"));
}

TEST_CASE("SG-OBSERVABLE: what the family tells a professional can be checked, unless told only if it goes wrong") {
    CHECK(goal_met("school-referral-three-questions", "Leila will tell the school when she is unwell.", "SG-OBSERVABLE"));
    CHECK_FALSE(goal_met("reference-case", "Jade will tell the social worker if there are any more incidents.", "SG-OBSERVABLE"));
}
