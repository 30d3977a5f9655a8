// First checks that the assessor loads its guidance and judges the expert's own examples as met.
#include "fixture.hpp"

#include <doctest/doctest.h>

using namespace sofs;
using sofs::testing::find;

TEST_CASE("the guidance data in content/ loads without errors") {
    REQUIRE(sofs::testing::guidance() != nullptr);
}

TEST_CASE("the expert's own danger statements meet every criterion") {
    auto g = sofs::testing::guidance();
    auto s = sofs::testing::reference_case();
    REQUIRE(g);
    REQUIRE(s);
    for (const auto& ds : s->expert.danger_statements) {
        auto vs = assess_danger_statement(ds, *s, *g);
        REQUIRE(vs.size() == danger_statement_criteria().size());
        for (auto& v : vs) {
            INFO(ds << "\n" << v.criterion << ": " << v.explanation);
            CHECK(v.met);
        }
    }
}

TEST_CASE("the expert's own safety goals meet every criterion") {
    auto g = sofs::testing::guidance();
    auto s = sofs::testing::reference_case();
    REQUIRE(g);
    REQUIRE(s);
    for (const auto& sg : s->expert.safety_goals) {
        auto vs = assess_safety_goal(sg, *s, *g);
        REQUIRE(vs.size() == safety_goal_criteria().size());
        for (auto& v : vs) {
            INFO(sg << "\n" << v.criterion << ": " << v.explanation);
            CHECK(v.met);
        }
    }
}
