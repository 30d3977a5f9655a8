// SG-ADDRESSES-DANGER, eighth round: a danger theme comes into a case only
// through words that mean the danger. In the diabetes case the experts write of
// "high" blood sugar and "missing" doses; those words, alone, no longer bring in
// the drugs theme (whose "clean" then answered "clean the kitchen") or the
// exploitation theme (grammar.txt [theme-needs-company]). Each check could fail:
// the "met" ones guard what the change must keep. The second case: "they" in a
// danger statement after two adults of the family named apart.
#include "examples.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;

namespace {

bool met(const std::string& case_id, const std::string& text) {
    return sofs::testing::met_in_case(assess_safety_goal, case_id, text, "SG-ADDRESSES-DANGER");
}

}  // namespace

TEST_CASE("a word with an everyday sense does not bring its theme into a case alone") {
    // "high" blood sugar is not the drugs theme: a clean kitchen is not this case's danger
    CHECK_FALSE(met("conference-scaling-differences", "Iwan will clean the kitchen floor every day."));
    CHECK_FALSE(met("conference-scaling-differences", "Iwan will keep the kitchen clean every day for six months."));
    // the case's own danger still answers it
    CHECK(met("conference-scaling-differences", "Iwan will check Osian's blood sugar with him every evening at seven."));
    // where the experts name drugs in many words, the theme stands
    CHECK(met("teen-missing-boyfriend", "Leah will stay clean of drugs every weekend."));
}

namespace {

bool ds_met(const std::string& case_id, const std::string& text, const char* criterion) {
    return sofs::testing::met_in_case(assess_danger_statement, case_id, text, criterion);
}

}  // namespace

TEST_CASE("'they' after two of the family's adults named apart means those adults") {
    // reading/people.cpp: not the worriers named first ("Anil and I")
    CHECK(ds_met("conference-scaling-differences",
                 "Anil and I are worried that when Iwan is out on the farm and Mererid is on a late shift, they will "
                 "not check Osian's insulin, and Osian could become very ill.",
                 "DS-CAREGIVER-BEHAVIOUR"));
    // the children a "they" in object place may mean stay meant
    CHECK(ds_met("reference-case",
                 "We are worried that Ryan will shout at Jade in front of the children and they will be frightened.",
                 "DS-CHILD-IMPACT"));
}
