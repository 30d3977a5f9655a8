// Safety goals, ninth round: "every" misspelt and "all" before the occasions
// counted (SG-OVER-TIME); a group or its sessions the adult goes to is
// attending, not a deed of care (SG-CAREGIVER-ACTION); an outcome promised
// ("make sure Lily's needs are met") is care said in general. The "not met"
// and "met" checks on each side guard the limits.
#include "examples.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;

using sofs::testing::goal_met;

TEST_CASE("SG-OVER-TIME: \"every\" misspelt still says how often") {
    const char* ot = "SG-OVER-TIME";
    CHECK(goal_met("low-mood-neglect", "Nain will walk Mali to school evry day.", ot));
    CHECK(goal_met("practice-lead-mapping", "Ffion or Nain does bedtime evry night after his shifts.", ot));
    CHECK(goal_met("unexplained-injury-baby", "Evrey evening Lakshmi will be at the flat when Leo has his bath.", ot));
    // "at night" says when, however it is spelt
    CHECK_FALSE(goal_met("low-mood-neglect", "Nain will walk Mali to school in the morning.", ot));
}

TEST_CASE("SG-OVER-TIME: \"all\" before the occasions counted is \"every\"") {
    const char* ot = "SG-OVER-TIME";
    CHECK(goal_met("first-day-short-case", "Aga will leave Kacper with Jean for all her late shifts.", ot));
    CHECK(goal_met("teen-online-exploitation", "Paul will have Maya and Josh at his flat during all Karen's night shifts.", ot));
    CHECK(goal_met("months-of-reviews", "Liam will go to all his Changing Patterns sessions.", ot));
    // until the review conference, as until the review
    CHECK(goal_met("low-mood-neglect", "Nain will do the school run until the RCPC.", ot));
    CHECK(goal_met("unexplained-injury-baby", "Leo will be with a second adult until the child protection conference.", ot));
    // "all" with nothing counted is no time
    CHECK_FALSE(goal_met("first-day-short-case", "Aga will tell Jean all about her shift.", ot));
}

TEST_CASE("SG-CAREGIVER-ACTION: going to a group or its sessions is attending") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK_FALSE(goal_met("teen-missing-boyfriend", "Tony and Mo will go to the carers' group every week.", ca));
    CHECK_FALSE(goal_met("unexplained-injury-baby", "Priya and Tomasz will go to the crying-baby group at the health centre.", ca));
    CHECK_FALSE(goal_met("months-of-reviews", "Liam will go to all his Changing Patterns sessions.", ca));
    // a nursery session is the child's time at nursery, and taking the child is a deed
    CHECK(goal_met("reference-case", "Jade will take Kai to nursery every session.", ca));
    // a deed beside the group still counts
    CHECK(goal_met("teen-missing-boyfriend", "Mo will go to the carers' group and collect Leah from boxing every Thursday.", ca));
}

TEST_CASE("SG-CAREGIVER-ACTION: an outcome promised is care said in general") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK_FALSE(goal_met("neglect-early-years", "Marcus will make sure Lily's needs are met every day.", ca));
    CHECK_FALSE(goal_met("school-referral-three-questions", "Leila will ensure the boys' basic care needs are met.", ca));
    CHECK_FALSE(goal_met("unexplained-injury-baby", "Priya and Tomasz will ensure Leo is not exposed to further harm.", ca));
    // met once the deed follows
    CHECK(goal_met("reference-case", "Jade and Ryan will make sure the children's needs are met by having a sober adult with Kai and Mia.", ca));
    CHECK(goal_met("neglect-early-years", "Marcus will make sure Lily's needs are met: he will give her breakfast every morning.", ca));
}

TEST_CASE("SG-OBSERVABLE: knowing where a child is sees nothing, even beside a safe state") {
    const char* obs = "SG-OBSERVABLE";
    CHECK_FALSE(goal_met("teen-online-exploitation", "Paul will always know where Maya is on the nights she stays with him.", obs));
    CHECK_FALSE(goal_met("teen-missing-boyfriend", "Grandad will trust Leah more and Nan will always know where she is.", obs));
    // someone named to see it still makes it seen
    CHECK(goal_met("teen-online-exploitation", "Maya will stay with Paul every Friday and Shelley will see this.", obs));
    // knowing with a deed is seen
    CHECK(goal_met("teen-online-exploitation", "Karen will know where Maya is and will collect her by ten.", obs));
}

TEST_CASE("SG-OBSERVABLE: a thing shown to two people named together is seen") {
    const char* obs = "SG-OBSERVABLE";
    CHECK(goal_met("teen-missing-boyfriend", "Leah will show Nan or Kez any message from Dean.", obs));
    CHECK(goal_met("teen-online-exploitation", "Maya will show her mum or Shelley any message asking for pictures.", obs));
    // showing what one can do stays a promise
    CHECK_FALSE(goal_met("teen-online-exploitation", "Karen will show Shelley and Paul that she can keep Maya safe.", obs));
}

TEST_CASE("SG-CAREGIVER-ACTION: an adult of the family telling a professional is a deed") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK(goal_met("first-day-short-case", "Aga will tell the school every Friday who is minding Kacper next week.", ca));
    CHECK(goal_met("school-referral-three-questions", "Karim will let the school know when Leila is unwell.", ca));
    // told only if it goes wrong
    CHECK_FALSE(goal_met("reference-case", "Jade will tell the social worker if there are any more incidents.", ca));
    // a child's telling names no caregiver
    CHECK_FALSE(goal_met("reference-case", "Kai will tell Miss Priya every time he feels scared.", ca));
}

TEST_CASE("SG-OBSERVABLE: helping a child at a task is seen") {
    const char* obs = "SG-OBSERVABLE";
    CHECK(goal_met("teen-missing-boyfriend", "Mo will help Leah with her maths every Sunday.", obs));
    CHECK(goal_met("teen-online-exploitation", "Shelley will help Maya to block anyone who asks for pictures.", obs));
    // a condition, or a feeling, is no task
    CHECK_FALSE(goal_met("teen-online-exploitation", "Shelley will help her if Jay gets in touch.", obs));
    CHECK_FALSE(goal_met("teen-missing-boyfriend", "Mo will help Leah feel safe.", obs));
}
