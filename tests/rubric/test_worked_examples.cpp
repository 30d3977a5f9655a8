// The worked examples feedback offers are taken from the experts' own words in
// each case; the one offered as "what the family will do" must itself be a
// family's deed, not a professional's checking or a prohibition.
#include "examples.hpp"

#include "rubric/case/prepared.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;

TEST_CASE("every bundled case's example of what the family will do meets SG-CAREGIVER-ACTION in that case") {
    auto g = sofs::testing::guidance();
    REQUIRE(g);
    int cases = 0;
    for (const auto& e : fs::directory_iterator(fs::path(SOFS_SOURCE_DIR) / "scenarios")) {
        if (e.path().extension() != ".yaml") continue;
        std::string id = e.path().stem().string();
        auto s = sofs::testing::bundled_case(id);
        REQUIRE(s);
        auto prepared = sofs::prepare_case(*s, *g);
        const std::string& example = prepared->goal_action_example;
        CAPTURE(id);
        CAPTURE(example);
        CHECK_FALSE(example.empty());
        CHECK(sofs::testing::goal_met(id, example, "SG-CAREGIVER-ACTION"));
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
