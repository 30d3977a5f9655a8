// The twelfth round's danger-statement choices (assessment/CRITERIA.md,
// DS-NON-BLAMING and DS-PLAIN): telling lies said of a person is a verdict on
// their honesty, lying down is not; and the plain alternative offered for
// "DV" or "domestic incident" comes from the case's own past harm, so it
// invents no push in a case with no violence between partners.
// Sentences written for this test, not taken from any labelled set.
#include "examples.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;

namespace {

bool met(const std::string& case_id, const std::string& text, const char* criterion) {
    return sofs::testing::danger_met(case_id, text, criterion);
}

constexpr const char* kNonBlaming = "DS-NON-BLAMING";

// The DS-PLAIN advice given for `text` in the bundled case `case_id`.
std::string plain_advice(const std::string& case_id, const std::string& text) {
    auto g = sofs::testing::rules_guidance();
    auto s = sofs::testing::bundled_case(case_id);
    REQUIRE(g);
    REQUIRE(s);
    auto vs = assess_danger_statement(text, *s, *g);
    const Verdict* v = sofs::testing::find(vs, "DS-PLAIN");
    REQUIRE(v);
    CHECK_FALSE(v->met);
    return v->improve;
}

}  // namespace

TEST_CASE("DS-NON-BLAMING: telling lies, said of a person, is a verdict on their honesty") {
    CHECK_FALSE(met("reference-case", "I think Ryan is lying about the door and he could push Jade again.", kNonBlaming));
    CHECK_FALSE(met("teen-online-exploitation", "Maya keeps lying to her mum and could meet Jay.", kNonBlaming));
    CHECK_FALSE(met("unexplained-injury-baby", "We worry someone hurt Leo and was lying about it.", kNonBlaming));
    // lying down stays what a person does
    CHECK(met("months-of-reviews", "Maisie could keep lying awake listening for shouting.", kNonBlaming));
    CHECK(met("toddler-parent-drug-use", "Claire was lying on the sofa asleep when Finn got out.", kNonBlaming));
    CHECK(met("low-mood-neglect", "Nia might keep lying in bed and Cai could get burned.", kNonBlaming));
}

TEST_CASE("DS-PLAIN: the plain words offered for DV come from the case's own past harm") {
    // a case with no violence between partners: no invented push
    std::string advice = plain_advice("unexplained-injury-baby", "We are worried about DV in the home.");
    INFO(advice);
    CHECK(advice.find("pushed") == std::string::npos);
    CHECK(advice.find("bruises") != std::string::npos);
    CHECK(advice.find('{') == std::string::npos);
    advice = plain_advice("neglect-early-years", "There was a domestic incident.");
    INFO(advice);
    CHECK(advice.find("pushed") == std::string::npos);
    CHECK(advice.find("Lily") != std::string::npos);
    // the reference case's own past harm is a push, and the advice says so
    advice = plain_advice("reference-case", "We are worried about DV.");
    INFO(advice);
    CHECK(advice.find("Ryan, who had been drinking, pushed Jade") != std::string::npos);
}

TEST_CASE("DS-NON-BLAMING: 'abusive' said of a person, and turning nasty, are verdicts") {
    CHECK_FALSE(met("months-of-reviews", "Sophie could let her abusive ex back in and the children could be hurt.", kNonBlaming));
    CHECK_FALSE(met("reference-case", "Ryan gets nasty after a drink and Kai could be scared.", kNonBlaming));
    // a behaviour named, not the person
    CHECK(met("months-of-reviews", "Liam's abusive behaviour could start again and Maisie could be frightened.", kNonBlaming));
}
