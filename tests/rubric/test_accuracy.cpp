// The accuracy floor: on the hand-labelled sets in tests/labelled/, the
// assessor agrees with the practice lead's labels on at least 90% of
// statements for every criterion, so a regression fails CI. The benchmark
// (bench_assess) prints the exact figures and Cohen's kappa.
#include "fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>

namespace {

void check_floor(const std::string& file, bool goals, int at_least = 150) {
    auto g = sofs::testing::guidance();
    auto s = sofs::testing::reference_case();
    REQUIRE(g);
    REQUIRE(s);
    std::ifstream in(std::string(SOFS_TESTS_DIR) + "/labelled/" + file);
    REQUIRE(in);
    std::map<std::string, std::pair<int, int>> agree;  // criterion -> (agreed, total)
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line);
        ++n;
        std::string text = j["text"];
        auto vs = goals ? sofs::assess_safety_goal(text, *s, *g) : sofs::assess_danger_statement(text, *s, *g);
        for (auto& v : vs) {
            auto& a = agree[v.criterion];
            a.second++;
            if (j["labels"][v.criterion].get<bool>() == v.met) a.first++;
        }
    }
    CHECK(n >= at_least);
    for (auto& [id, a] : agree) {
        double rate = double(a.first) / a.second;
        INFO(id << " agreement " << rate);
        CHECK(rate >= 0.90);
    }
}

}  // namespace

TEST_CASE("danger statements: agreement with the labelled set is at least 0.90 on every criterion") {
    check_floor("danger-statements.jsonl", false);
}

TEST_CASE("safety goals: agreement with the labelled set is at least 0.90 on every criterion") {
    check_floor("safety-goals.jsonl", true);
}

TEST_CASE("held-out sets (written after the rules): agreement is at least 0.90 on every criterion") {
    check_floor("heldout-danger-statements.jsonl", false, 50);
    check_floor("heldout-safety-goals.jsonl", true, 50);
    check_floor("heldout2-danger-statements.jsonl", false, 30);
    check_floor("heldout2-safety-goals.jsonl", true, 30);
}

TEST_CASE("third held-out sets (a second labeller, other voices): agreement is at least 0.90 on every criterion") {
    check_floor("heldout3-danger.jsonl", false, 60);
    check_floor("heldout3-goals.jsonl", true, 60);
    check_floor("heldout4-danger.jsonl", false, 25);
    check_floor("heldout4-goals.jsonl", true, 25);
    check_floor("heldout5-danger.jsonl", false, 30);
    check_floor("heldout5-goals.jsonl", true, 30);
}
