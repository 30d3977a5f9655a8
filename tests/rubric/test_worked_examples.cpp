// The worked examples feedback offers are taken from the experts' own words in
// each case; the one offered as "what the family will do" must itself be a
// family's deed, not a professional's checking or a prohibition.
#include "examples.hpp"

#include "rubric/case/prepared.hpp"
#include "rubric/verdict.hpp"

#include <doctest/doctest.h>

#include <string>

TEST_CASE("every bundled case's example of what the family will do meets SG-CAREGIVER-ACTION in that case") {
    auto g = sofs::testing::guidance();
    REQUIRE(g);
    int cases = 0;
    for (const auto& id : sofs::testing::bundled_case_ids()) {
        auto s = sofs::testing::bundled_case(id);
        REQUIRE(s);
        auto prepared = sofs::prepare_case(*s, *g);
        const std::string& example = prepared->goal_action_example;
        CAPTURE(id);
        CAPTURE(example);
        CHECK_FALSE(example.empty());
        // Judged as a trainee's goal is judged (the whole assessor, as
        // prepare_case chose it), not by the rules alone.
        bool met = false;
        for (const auto& v : sofs::assess_safety_goal(example, *prepared, *g))
            if (v.criterion == "SG-CAREGIVER-ACTION") met = v.met;
        CHECK(met);
        ++cases;
    }
    CHECK(cases >= 4);
}

TEST_CASE("a professional's checking is not offered as the family's deed") {
    auto g = sofs::testing::guidance();
    auto s = sofs::testing::bundled_case("conference-scaling-differences");
    REQUIRE(g);
    REQUIRE(s);
    auto prepared = sofs::prepare_case(*s, *g);
    // The experts' goal is two sentences: the family's evening routine, then
    // the diabetes nurse reading the meter; the example must be the first.
    CHECK(prepared->goal_action_example.find("Anil") == std::string::npos);
    CHECK(prepared->goal_action_example.find("Mererid") != std::string::npos);
}

TEST_CASE("the example of what happened in past-harm feedback is the case's own past harm, never an invented event") {
    auto g = sofs::testing::guidance();
    REQUIRE(g);
    for (const auto& id : sofs::testing::bundled_case_ids()) {
        auto s = sofs::testing::bundled_case(id);
        REQUIRE(s);
        auto prepared = sofs::prepare_case(*s, *g);
        CAPTURE(id);
        CHECK_FALSE(prepared->past_harm_example.empty());
        CHECK(s->expert.past_harm.rfind(prepared->past_harm_example, 0) == 0);
        auto v = sofs::rubric::make_verdict(*g->data, *prepared, "PH-WHAT-HAPPENED", false, "", {}, "", "");
        CHECK(v.improve.find(prepared->past_harm_example) != std::string::npos);
    }
    // The diabetes case's feedback once offered "Mererid pushed Iwan against a door": an
    // event that never happened in that family.
    auto s = sofs::testing::bundled_case("conference-scaling-differences");
    REQUIRE(s);
    auto v = sofs::rubric::make_verdict(*g->data, *sofs::prepare_case(*s, *g), "PH-WHAT-HAPPENED", false, "", {}, "", "");
    CHECK(v.improve.find("pushed") == std::string::npos);
    CHECK(v.improve.find("insulin") != std::string::npos);
}
