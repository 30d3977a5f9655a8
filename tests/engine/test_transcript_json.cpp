// The transcript JSON codec (engine/codec, shared by the `sofs` tool and the
// progress store): every value reads back equal, and bad input is refused
// without a throw.
#include "codec/transcript_json.hpp"

#include "test_support.hpp"
#include "runtime/stock_answer.hpp"

#include <doctest/doctest.h>

using namespace sofs;

TEST_SUITE("transcript json") {

TEST_CASE("a whole played transcript survives encode and decode") {
    Session s(*test::example(), 77, test::counter_clock());
    REQUIRE_FALSE(test::play_to_end(s, test::Pick::Last, {}, 100));
    REQUIRE(s.ended());
    std::string text = transcript_to_json(s.transcript());
    std::string err;
    auto back = transcript_from_json(text, &err);
    REQUIRE_MESSAGE(back, err);
    CHECK(*back == s.transcript());
}

TEST_CASE("answers of every shape read back equal") {
    Answer a;
    a.task = "sort";
    a.placements = {{"f1", "strength"}, {"f2", "past-harm"}};
    Answer b;
    b.task = "scale";
    b.number = 0;
    b.text = "Zero: \"quoted\" and\nnew line";
    Answer c;
    c.task = "net";
    c.picks = {"linda", "sam"};
    for (const Answer& x : {a, b, c}) {
        std::string err;
        auto y = answer_from_json(answer_to_json(x), &err);
        REQUIRE_MESSAGE(y, err);
        CHECK(*y == x);
    }
}

TEST_CASE("events carry their kind by name") {
    Event e;
    e.kind = Event::Kind::End;
    e.step = 12;
    e.scene = "close";
    e.ending = "plan-agreed";
    e.at_ms = 123456789012;
    auto j = nlohmann::json::parse(event_to_json(e));
    CHECK(j["kind"] == "end");
    CHECK(j["ending"] == "plan-agreed");
    std::string err;
    CHECK(*event_from_json(event_to_json(e), &err) == e);
}

TEST_CASE("bad input is refused with a reason, never thrown") {
    std::string err;
    CHECK_FALSE(transcript_from_json("not json", &err));
    CHECK_FALSE(err.empty());
    CHECK_FALSE(event_from_json(R"({"step":1,"kind":"dance","scene":"x"})", &err));
    CHECK(err.find("dance") != std::string::npos);
    CHECK_FALSE(answer_from_json(R"({"task":3})", &err));
    CHECK_FALSE(transcript_from_json(R"({"events":[]})", &err));
}

}  // TEST_SUITE
