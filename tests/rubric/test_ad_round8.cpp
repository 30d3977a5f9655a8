// SG-ADDRESSES-DANGER, eighth round: a danger theme comes into a case only
// through words that mean the danger. In the diabetes case the experts write of
// "high" blood sugar and "missing" doses; those words, alone, no longer bring in
// the drugs theme (whose "clean" then answered "clean the kitchen") or the
// exploitation theme (grammar.txt [theme-needs-company]). Each check could fail:
// the "met" ones guard what the change must keep.
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
