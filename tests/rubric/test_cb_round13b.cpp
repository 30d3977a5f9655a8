// DS-CAREGIVER-BEHAVIOUR, thirteenth round: a child of the case found alone while an
// adult of the family was away is that adult out of reach; a deed named as what an
// inner state is about ("may not cope with her late shifts") is no deed said to be
// done; a deed as the kind of a record ("a drink-driving conviction") is the record.
// The "not met" checks guard the limits (assessment/CRITERIA.md).
#include "examples.hpp"

#include <doctest/doctest.h>

using sofs::testing::danger_met;

TEST_CASE("a child alone while an adult of the family was away") {
    const char* c = "DS-CAREGIVER-BEHAVIOUR";
    CHECK(danger_met("first-day-short-case",
                     "Neighbours found Kacper alone in the flat late at night while Aga was at work.", c));
    CHECK(danger_met("first-day-short-case",
                     "Kacper was found on his own at home at night while his mum was working.", c));
    CHECK(danger_met("first-day-short-case", "Kacper was by himself in the flat whilst Aga was on shift.", c));
    // what could happen, after "if", is no deed said of the adult
    CHECK_FALSE(danger_met("first-day-short-case", "If Kacper is alone while Aga works, he could be scared.", c));
    // alone with no adult away
    CHECK_FALSE(danger_met("first-day-short-case", "Kacper was found alone and crying at the window.", c));
}

TEST_CASE("a deed named as what an inner state is about") {
    const char* c = "DS-CAREGIVER-BEHAVIOUR";
    CHECK_FALSE(danger_met("first-day-short-case",
                           "We worry Aga may not cope with her late shifts, and Kacper could be frightened.", c));
    CHECK_FALSE(danger_met("reference-case", "We worry Jade may not cope with Ryan's drinking and Kai could be scared.", c));
    // the deed itself, said of the adult, still meets it
    CHECK(danger_met("reference-case", "We worry Ryan may keep drinking and hit Jade in front of Kai.", c));
}

TEST_CASE("a deed as the kind of a record held") {
    const char* c = "DS-CAREGIVER-BEHAVIOUR";
    CHECK_FALSE(danger_met("practice-lead-mapping", "Gwyn has a drink-driving conviction and the children are scared.", c));
    // the deed itself still meets it
    CHECK(danger_met("practice-lead-mapping", "Gwyn might drink and drive with Elis in the car.", c));
}
