// Typed answers (engine/codec/typed_answer.hpp): every task kind's answer in
// a played case turns into its typed value and back unchanged, through JSON
// too; wrong places, numbers and fields are refused with the task named.
#include "codec/transcript_json.hpp"
#include "codec/typed_answer.hpp"

#include "test_support.hpp"
#include "runtime/stock_answer.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace sofs;

TEST_SUITE("typed answers") {

TEST_CASE("every answer of a played case is typed and reads back the same") {
    Session s(*test::example(), 77, test::counter_clock());
    std::set<TaskKind> kinds;
    auto refused = test::play_to_end(
        s, test::Pick::Last,
        [&](const Task& task) {
            Answer a = stock_answer(s, task);
            std::string err;
            auto t = typed_answer(a, task.kind, &err);
            REQUIRE_MESSAGE(t, err);
            CHECK(t->kind == task.kind);
            CHECK(loose_answer(*t) == a);
            auto back = typed_answer_from_json(typed_answer_to_json(*t), &err);
            REQUIRE_MESSAGE(back, err);
            CHECK(*back == *t);
            kinds.insert(task.kind);
            return a;
        },
        100);
    REQUIRE_FALSE(refused);
    CHECK(s.ended());
    CHECK(kinds.size() >= 3);
}

TEST_CASE("each kind has its own type, with enums for places") {
    Answer sort{"sort-1", "", {{"f1", "strength"}, {"f2", "complicating-factor"}}, -1, {}};
    auto t = typed_answer(sort, TaskKind::SortFacts, nullptr);
    REQUIRE(t);
    const auto& facts = std::get<SortedFacts>(t->value);
    CHECK(facts.placements.at("f1") == FactKind::Strength);
    CHECK(facts.placements.at("f2") == FactKind::ComplicatingFactor);

    Answer houses{"houses", "", {{"Dad shouts", "worries"}, {"Nan's cake", "good-things"}}, -1, {}};
    t = typed_answer(houses, TaskKind::ThreeHouses, nullptr);
    REQUIRE(t);
    CHECK(std::get<HousesAnswer>(t->value).placements.at("Nan's cake") == House::GoodThings);

    t = typed_answer(Answer{"scale", "Some safety is there.", {}, 4, {}}, TaskKind::Scaling, nullptr);
    REQUIRE(t);
    CHECK(std::get<ScalingAnswer>(t->value) == ScalingAnswer{4, "Some safety is there."});

    t = typed_answer(Answer{"net", "", {}, -1, {"linda", "omar"}}, TaskKind::SafetyNetwork, nullptr);
    REQUIRE(t);
    CHECK(std::get<NetworkAnswer>(t->value).picks == std::vector<std::string>{"linda", "omar"});

    t = typed_answer(Answer{"ds", "Words.", {}, -1, {}}, TaskKind::DangerStatement, nullptr);
    REQUIRE(t);
    CHECK(std::get<WrittenAnswer>(t->value).text == "Words.");
    CHECK(typed_answer_to_json(*t) == R"({"kind":"danger-statement","task":"ds","text":"Words."})");
}

TEST_CASE("wrong places, numbers and unused fields are refused, naming the task") {
    std::string err;
    CHECK_FALSE(typed_answer(Answer{"sort-1", "", {{"f1", "worries"}}, -1, {}}, TaskKind::SortFacts, &err));
    CHECK(err.find("sort-1") != std::string::npos);
    CHECK(err.find("'worries'") != std::string::npos);
    CHECK_FALSE(typed_answer(Answer{"h", "", {{"x", "strength"}}, -1, {}}, TaskKind::ThreeHouses, &err));
    CHECK(err.find("not one of the houses") != std::string::npos);
    CHECK_FALSE(typed_answer(Answer{"s", "", {}, 11, {}}, TaskKind::Scaling, &err));
    CHECK(err.find("outside 0 to 10") != std::string::npos);
    CHECK_FALSE(typed_answer(Answer{"ds", "x", {}, -1, {"kai"}}, TaskKind::DangerStatement, &err));
    CHECK(err.find("picks") != std::string::npos);
    CHECK_FALSE(typed_answer_from_json(R"({"task":"x","kind":"juggling"})", &err));
    CHECK(err.find("juggling") != std::string::npos);
    CHECK_FALSE(typed_answer_from_json(R"({"task":"x"})", &err));
    CHECK_FALSE(typed_answer_from_json("not json", &err));
}

TEST_CASE("the stores' form of an answer is the codec's, and a damaged row reads as empty") {
    Answer a{"sort-1", "", {{"f1", "strength"}}, -1, {}};
    CHECK(answer_from_stored(stored_answer(a)) == a);
    // The PostgreSQL store's older rows wrote every field.
    CHECK(answer_from_stored(R"({"task":"sort-1","text":"","placements":{"f1":"strength"},"number":-1,"picks":[]})") == a);
    CHECK(answer_from_stored("{broken") == Answer{});
    CHECK(answer_from_stored(R"({"task":7})") == Answer{});
}

}  // TEST_SUITE
