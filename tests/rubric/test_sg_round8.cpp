// Safety goals, eighth round: what a caregiver will show (a thing or a deed
// shown to someone, against what they "can" do), a caregiver beside a child,
// "be there for" an event of the child's care, note forms with role words and
// lists ("Nain/Mam/Dad stand with Os", "Dad/Shell w/ kids"), and "X do this"
// (SG-CAREGIVER-ACTION, SG-OBSERVABLE). The "not met" checks guard the limits.
#include "examples.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;

namespace {

bool goal_met(const std::string& case_id, const std::string& text, const char* criterion) {
    return sofs::testing::met_in_case(assess_safety_goal, case_id, text, criterion);
}

}  // namespace

TEST_CASE("Safety goals: showing what one can do is a promise, whatever deed follows") {
    const char* ca = "SG-CAREGIVER-ACTION";
    const char* obs = "SG-OBSERVABLE";
    CHECK_FALSE(goal_met("low-mood-neglect", "Nia will show she can walk Cai and Mali to school every morning.", ca));
    CHECK_FALSE(goal_met("low-mood-neglect", "Nia will show she can walk Cai and Mali to school every morning.", obs));
    CHECK_FALSE(goal_met("neglect-early-years", "Marcus will show the health visitor that he can give Lily breakfast every day.", ca));
    CHECK_FALSE(goal_met("neglect-early-years", "Marcus will show the health visitor that he can give Lily breakfast every day.", obs));
    CHECK_FALSE(goal_met("father-learning-disability-baby", "Joel will show that he can make up Ruby's bottles every day.", obs));
    // shown by doing it where someone sees it
    CHECK(goal_met("reference-case", "Jade and Ryan will show they can talk through rows quietly in front of Linda every week.", obs));
    // a deed done as well as the promise still counts
    CHECK(goal_met("low-mood-neglect", "Nia will get Cai and Mali up every morning and show she can keep it going.", ca));
}

TEST_CASE("Safety goals: a thing or a deed shown to someone is seen, and is a deed") {
    const char* ca = "SG-CAREGIVER-ACTION";
    const char* obs = "SG-OBSERVABLE";
    CHECK(goal_met("conference-scaling-differences", "Iwan will show Eleri Osian's readings every Friday.", ca));
    CHECK(goal_met("conference-scaling-differences", "Iwan will show Eleri Osian's readings every Friday.", obs));
    CHECK(goal_met("father-learning-disability-baby", "Cerys will show Nadia how she puts Ruby down in her basket.", ca));
    CHECK(goal_met("father-learning-disability-baby", "Cerys will show Nadia how she puts Ruby down in her basket.", obs));
    // "how she can ...": what she is able to do, a promise
    CHECK_FALSE(goal_met("father-learning-disability-baby", "Cerys will show Nadia how she can keep Ruby safe.", ca));
}

TEST_CASE("SG-CAREGIVER-ACTION: beside a child, or there for the child's care") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK(goal_met("conference-scaling-differences", "Mam or Dad will be beside Osian for his blood test every evening.", ca));
    CHECK(goal_met("unexplained-injury-baby", "Lakshmi will be there for every bath until the review.", ca));
    // "be there for" a person is support said in general
    CHECK_FALSE(goal_met("unexplained-injury-baby", "Lakshmi will be there for Leo.", ca));
}

TEST_CASE("SG-CAREGIVER-ACTION: note forms with role words, lists and \"do this\"") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK(goal_met("conference-scaling-differences", "Mam/Dad sit with Os at 7pm. Every night.", ca));
    CHECK(goal_met("teen-online-exploitation", "Nights - Paul/Shelley w/ Josh every shift. 6 months.", ca));
    CHECK(goal_met("father-learning-disability-baby", "Ruby has her bottle made from the picture card. Every feed. Joel and Cerys do this.", ca));
    // ruled out, or a condition: no deed
    CHECK_FALSE(goal_met("teen-online-exploitation", "Paul/Shelley w/ Josh not needed.", ca));
    CHECK_FALSE(goal_met("father-learning-disability-baby", "Ruby sleeps on her back when Joel and Cerys do this.", ca));
}

TEST_CASE("SG-OBSERVABLE: a deed ending on how well it is done, and staying away, are not seen") {
    const char* obs = "SG-OBSERVABLE";
    CHECK_FALSE(goal_met("father-learning-disability-baby", "Cerys will make sure Ruby is changed and sleeps safely, every night.", obs));
    CHECK_FALSE(goal_met("low-mood-neglect", "Nia will make sure Cai and Mali are fed well every day.", obs));
    CHECK(goal_met("unexplained-injury-baby", "Priya will put Leo down safely in his cot and leave the room every time.", obs));
    CHECK_FALSE(goal_met("months-of-reviews", "Liam will stay away from the house every time he has been drinking.", obs));
    CHECK(goal_met("reference-case", "Ryan will stay at Dean's every time he has been drinking.", obs));
}

TEST_CASE("SG-CAREGIVER-ACTION: being home with the children, a deed with a child, a lift") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK(goal_met("first-day-short-case", "Aga will swap her late shifts so she is home with Kacper every evening.", ca));
    CHECK(goal_met("first-day-short-case", "Aga will swap her late shifts so she is home with Kacper every evening.", "SG-OBSERVABLE"));
    CHECK(goal_met("teen-online-exploitation", "Karen and Josh will walk to school together every morning.", ca));
    CHECK(goal_met("teen-missing-boyfriend", "Grandad will drop Leah at school every morning.", ca));
    // a child alone is not a caregiver
    CHECK_FALSE(goal_met("teen-online-exploitation", "Maya and Josh will walk to school together every morning.", ca));
}

TEST_CASE("SG-OBSERVABLE: supervision a caregiver sees to, with the children or an adult named") {
    const char* obs = "SG-OBSERVABLE";
    CHECK(goal_met("toddler-parent-drug-use", "Claire will ensure adult supervision of Finn every morning.", obs));
    CHECK(goal_met("first-day-short-case", "Aga will make sure there is supervision for Kacper on every late shift.", obs));
    CHECK_FALSE(goal_met("toddler-parent-drug-use", "The family will ensure supervision is in place.", obs));
    CHECK_FALSE(goal_met("toddler-parent-drug-use", "Claire will demonstrate protective capacity and ensure robust supervision of Finn.", obs));
    CHECK_FALSE(goal_met("toddler-parent-drug-use", "Claire will ensure supervision and a safe home for Finn.", obs));
}

TEST_CASE("SG-OBSERVABLE: someone with a child, named or not, is seen") {
    CHECK(goal_met("toddler-parent-drug-use", "An adult will be with Finn every morning.", "SG-OBSERVABLE"));
    CHECK(goal_met("toddler-parent-drug-use", "Bernie or Grace will be there with Finn every morning.", "SG-OBSERVABLE"));
    CHECK_FALSE(goal_met("toddler-parent-drug-use", "An adult will be with Finn every morning.", "SG-CAREGIVER-ACTION"));
    CHECK_FALSE(goal_met("toddler-parent-drug-use", "The social worker will be with Finn every week.", "SG-OBSERVABLE"));
}

TEST_CASE("SG-CAREGIVER-ACTION: a note's name with a presence word or a time; a deed after \"and\"") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK(goal_met("school-referral-three-questions", "Marta Mondays + Rania weekends. School to confirm.", ca));
    CHECK(goal_met("neglect-early-years", "Irene up by 9 + Lily fed daily.", ca));
    CHECK(goal_met("practice-lead-mapping", "Gwŷn will go for a walk when he is tired and Ffion does bedtime every night.", ca));
    CHECK_FALSE(goal_met("neglect-early-years", "Lily fed daily. Irene to check.", ca));
}

TEST_CASE("SG-CAREGIVER-ACTION: the family named as who does what a passive sentence says") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK(goal_met("low-mood-neglect", "Mali will be taken to school at 8.30 each day, with her teeth brushed, by Nain or Halina.", ca));
    CHECK_FALSE(goal_met("months-of-reviews", "A safety plan will be written by Sophie and Liam.", ca));
}
