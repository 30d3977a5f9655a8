// Safety goals in English as a second language: a present-tense deed with the
// verb in its plain form ("Rania or Marta come to house", "Bernie she come ...
// she give breakfast") is read as "Jen tells Graham" is (SG-CAREGIVER-ACTION,
// SG-OBSERVABLE; assessment/CRITERIA.md, "Where the guidance is silent"). The
// "not met" checks guard the limits of the rule.
#include "examples.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;
using sofs::testing::find;

namespace {

bool goal_met(const std::string& case_id, const std::string& text, const char* criterion) {
    return sofs::testing::met_in_case(assess_safety_goal, case_id, text, criterion);
}

bool both(const std::string& case_id, const std::string& text) {
    return goal_met(case_id, text, "SG-CAREGIVER-ACTION") && goal_met(case_id, text, "SG-OBSERVABLE");
}

}  // namespace

TEST_CASE("SG-CAREGIVER-ACTION, SG-OBSERVABLE: a present-tense deed with the verb's plain form") {
    // a plural subject: plain English
    CHECK(both("reference-case", "Jade and Ryan put Kai and Mia to bed together every night."));
    // English as a second language: the name taken up again by a pronoun, the verb without -s
    CHECK(both("toddler-parent-drug-use", "Auntie Bernie she come every evening when Sam is out, she make tea for Finn and Rory."));
    CHECK(both("school-referral-three-questions", "When Leila is unwell, Rania or Marta bring Amir to school every morning."));
}

TEST_CASE("A plain present verb: the limits") {
    // a word for a group is no person of the case; a possessive names whose, not who
    CHECK_FALSE(goal_met("toddler-parent-drug-use", "Family network to keep Finn and Rory safe.", "SG-OBSERVABLE"));
    CHECK_FALSE(goal_met("reference-case", "Jade and her family will keep Kai and Mia safe.", "SG-CAREGIVER-ACTION"));
    // a condition, not a deed
    CHECK_FALSE(goal_met("reference-case", "When Ryan come home the children will be safe.", "SG-CAREGIVER-ACTION"));
    // a deed ruled out is still no deed
    CHECK_FALSE(goal_met("reference-case", "Ryan never drink at home again.", "SG-CAREGIVER-ACTION"));
}

TEST_CASE("SG-CAREGIVER-ACTION, SG-OBSERVABLE: in note form, who will be there when") {
    CHECK(both("school-referral-three-questions", "Rania 7.15 school days. Marta at 8 Fridays."));
    CHECK(both("reference-case", "Kai and Mia to nursery daily. Linda in at 8 when Jade on shift."));
    // the time of something ruled out, or a name not opening the note, is no presence
    CHECK_FALSE(goal_met("reference-case", "Ryan 9pm, no drinking at home.", "SG-CAREGIVER-ACTION"));
    CHECK_FALSE(goal_met("reference-case", "Review with Linda 9am.", "SG-CAREGIVER-ACTION"));
}
