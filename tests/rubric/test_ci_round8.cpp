// The eighth round's DS-CHILD-IMPACT, DS-FUTURE and SG-NOT-SERVICE choices
// (assessment/CRITERIA.md): a harm given as the cause of a risk status, the
// risk status read in the future word's own clause, an adult missing a child's
// appointments, and a caregiver taking a child to routine appointments.
// Sentences written for this test, not taken from any labelled set.
#include "examples.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;

namespace {

bool danger(const std::string& case_id, const std::string& text, const char* criterion) {
    return sofs::testing::met_in_case(assess_danger_statement, case_id, text, criterion);
}
bool goal(const std::string& case_id, const std::string& text, const char* criterion) {
    return sofs::testing::met_in_case(assess_safety_goal, case_id, text, criterion);
}

constexpr const char* kImpact = "DS-CHILD-IMPACT";
constexpr const char* kFuture = "DS-FUTURE";
constexpr const char* kService = "SG-NOT-SERVICE";

}  // namespace

TEST_CASE("DS-CHILD-IMPACT: a harm given as the cause of a risk status is part of the status") {
    CHECK_FALSE(danger("reference-case", "We worry that Mia is at risk of significant harm due to bruising.", kImpact));
    CHECK_FALSE(danger("reference-case", "Social care think Kai is at risk because of his injuries.", kImpact));
    // a second verb of its own after "and" is no longer the status
    CHECK(danger("reference-case", "We are worried that Ryan will push Jade and Kai will be exposed to it and be frightened.", kImpact));
    // the case's own harm words after "at risk of" are a status too
    CHECK_FALSE(danger("low-mood-neglect", "We worry that Cai and Mali are at risk of going hungry in the mornings.", kImpact));
    CHECK(danger("low-mood-neglect", "We worry that Nia will stay in bed and Cai and Mali will go hungry in the mornings.", kImpact));
}

TEST_CASE("DS-CHILD-IMPACT: a medical emergency in clinical words is still what happens to the child") {
    CHECK(danger("conference-scaling-differences", "We worry that Iwan may forget the evening check and Osian could have a DKA episode.", kImpact));
    CHECK(danger("conference-scaling-differences", "We worry that nobody will watch Osian's insulin and he could go into ketoacidosis.", kImpact));
    // a vague harm made concrete by the part of the body it reaches
    CHECK(danger("reference-case", "We worry that Ryan could throw a cup near Kai and damage his eye.", kImpact));
    CHECK_FALSE(danger("reference-case", "We worry that Ryan could shout at Jade and this will damage the children.", kImpact));
}

TEST_CASE("DS-CHILD-IMPACT: a child's ordinary state said alone is no harm") {
    CHECK_FALSE(danger("reference-case", "We worry that Jade might leave Mia asleep in the bath while she smokes outside.", kImpact));
    CHECK(danger("reference-case", "We worry that Jade might leave Mia asleep in the bath and she could not be able to breathe.", kImpact));
    CHECK(danger("reference-case", "We worry that Kai will keep hearing Ryan shout and he can't sleep.", kImpact));
}

TEST_CASE("DS-CHILD-IMPACT: an adult missing the child's appointments is the adult's deed; illness is an effect") {
    CHECK_FALSE(danger("low-mood-neglect", "We worry that Nia could keep missing Cai's dentist appointments.", kImpact));
    CHECK(danger("low-mood-neglect", "We worry that Cai could keep missing his dentist appointments and get sick.", kImpact));
    CHECK(danger("neglect-early-years", "We worry that Marcus may miss Lily's jabs and she could catch something serious.", kImpact));
    // a deed joined to another by "or" is still the adult's, past the child who is its object
    CHECK_FALSE(danger("reference-case", "We worry that Ryan or another adult caring for Kai could grab or hit him again.", kImpact));
    CHECK(danger("reference-case", "We worry that Ryan or another adult caring for Kai could grab or hit him again and he could be hurt.", kImpact));
}

TEST_CASE("DS-FUTURE: a risk status is judged in the future word's own clause") {
    CHECK(danger("reference-case", "We worry that Ryan will keep texting Jade at night and she is at risk.", kFuture));
    CHECK_FALSE(danger("reference-case", "We worry that Mia will be at risk.", kFuture));
    CHECK_FALSE(danger("reference-case", "There is a potential risk to Mia due to missed feeds.", kFuture));
}

TEST_CASE("SG-NOT-SERVICE: taking a child to routine appointments is attendance unless missed appointments are the danger") {
    // the case's danger is not missed appointments: attendance at a service
    CHECK_FALSE(goal("unexplained-injury-baby", "Priya will take Leo to every baby check for the next six months.", kService));
    CHECK_FALSE(goal("reference-case", "Jade will take Mia to all her health visitor appointments.", kService));
    // the case's danger is missed appointments: taking the child is care
    CHECK(goal("neglect-early-years", "Marcus will take Lily to every health check for the next six months.", kService));
    CHECK(goal("conference-scaling-differences", "Mererid will take Osian to every diabetes clinic this year.", kService));
    // taking a child to be seen when hurt, or with more care in the sentence, stays care
    CHECK(goal("unexplained-injury-baby", "Priya will take Leo to the GP whenever she sees a mark on him.", kService));
    CHECK(goal("reference-case", "Jade will take Mia to the dentist and make sure she has her milk in a cup at bedtime.", kService));
}

TEST_CASE("SG-NOT-SERVICE: honesty towards professionals asked as the goal is compliance") {
    CHECK_FALSE(goal("reference-case", "Jade and Ryan will be open and honest with the social worker.", kService));
    CHECK_FALSE(goal("reference-case", "Jade will always open up to professionals about who stays over.", kService));
    // the child's own nursery is the child's life
    CHECK(goal("reference-case", "Jade will be honest with the nursery.", kService));
}
