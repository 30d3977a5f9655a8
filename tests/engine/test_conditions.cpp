// Conditions: the parser's grammar, its errors, and evaluation against a session.
#include "runtime/condition.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace sofs;

TEST_SUITE("conditions") {

TEST_CASE("a flag, a comparison and the two functions parse to their leaves") {
    std::string err;
    auto c = parse_condition("trust >= 6 and not blamed and revealed(push-saturday) or visited(first-visit)", &err);
    REQUIRE_MESSAGE(c, err);
    CHECK(c->op == Condition::Op::Or);
    REQUIRE(c->args.size() == 2);
    const Condition& both = c->args[0];
    CHECK(both.op == Condition::Op::And);
    REQUIRE(both.args.size() == 3);
    CHECK(both.args[0].op == Condition::Op::Compare);
    CHECK(both.args[0].name == "trust");
    CHECK(both.args[0].cmp == Condition::Cmp::Ge);
    CHECK(both.args[0].value == 6);
    CHECK(both.args[1].op == Condition::Op::Not);
    CHECK(both.args[1].args[0].name == "blamed");
    CHECK(both.args[2].op == Condition::Op::Revealed);
    CHECK(both.args[2].name == "push-saturday");
    CHECK(c->args[1].op == Condition::Op::Visited);
}

TEST_CASE("parentheses group, and negative numbers compare") {
    std::string err;
    auto c = parse_condition("not (a or b) and trust > -2", &err);
    REQUIRE_MESSAGE(c, err);
    CHECK(c->op == Condition::Op::And);
    CHECK(c->args[0].op == Condition::Op::Not);
    CHECK(c->args[0].args[0].op == Condition::Op::Or);
    CHECK(c->args[1].value == -2);
}

TEST_CASE("malformed conditions are refused with the place of the problem") {
    const char* bad[] = {"", "trust >=", "trust = 3", "a and", "(a or b", "revealed(x", "revealed()", "a b",
                         "trust > high", "a & b"};
    for (const char* text : bad) {
        std::string err;
        CAPTURE(text);
        CHECK_FALSE(parse_condition(text, &err));
        CHECK(err.find("character") != std::string::npos);
    }
}

TEST_CASE("every leaf is visited once") {
    std::string err;
    auto c = parse_condition("a and (b or not c) and n < 3", &err);
    REQUIRE(c);
    int leaves = 0;
    for_each_leaf(*c, [&](const Condition&) { ++leaves; });
    CHECK(leaves == 4);
}

SCENARIO("conditions are evaluated against the session's state") {
    GIVEN("the example scenario at its start (trust 4, nothing set)") {
        auto r = load_scenario_file(test::example_path());
        REQUIRE(r.scenario);
        Session s(*r.scenario, 1, test::counter_clock());
        auto eval = [&](const char* text) {
            std::string err;
            auto c = parse_condition(text, &err);
            REQUIRE_MESSAGE(c, err);
            return s.eval(*c);
        };
        THEN("comparisons, flags and functions give the expected truth") {
            CHECK(eval("trust == 4"));
            CHECK(eval("trust >= 4 and trust <= 4 and trust != 5"));
            CHECK_FALSE(eval("trust > 4"));
            CHECK_FALSE(eval("blamed"));
            CHECK(eval("not blamed"));
            CHECK(eval("visited(doorstep)"));
            CHECK_FALSE(eval("visited(kitchen)"));
            CHECK(eval("revealed(messy-flat)"));
            CHECK_FALSE(eval("revealed(gran-minded) or blamed"));
        }
        WHEN("the trainee threatens (trust -2, blamed set)") {
            REQUIRE_FALSE(s.choose("threaten"));
            THEN("the state has changed") {
                CHECK(eval("blamed and trust == 2"));
            }
        }
    }
}

}  // TEST_SUITE
