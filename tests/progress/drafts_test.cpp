// Drafts in the progress store: unsent words and card placements kept per
// (attempt, task), replaced on save, cleared by the answer, exported and
// erased with the person, and still there after the file is closed and opened.
#include "progress_fixture.hpp"
#include "progress/sqlite_store.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace progress_test;
using json = nlohmann::json;

namespace {
sofs::Event answer_event(int step, const std::string& task, const std::string& text) {
    sofs::Event e = event(step, sofs::Event::Kind::Answer, "write");
    e.answer.task = task;
    e.answer.text = text;
    return e;
}
}  // namespace

TEST_SUITE("progress drafts") {

TEST_CASE("a draft is kept, replaced by a newer one, and read back after the file is reopened") {
    TempDir dir;
    FixedClock clock;
    const std::string file = dir.file("progress.db");
    Id attempt = 0;
    GIVEN("a trainee part-way through a case in a real file, who saves a draft twice") {
        {
            auto s = open_store(file, fast(clock));
            Actor alex = s->ensure_trainee("Alex Hill");
            attempt = s->begin_attempt(alex.id, header(), facts()).id;
            s->record_event(attempt, event(0, sofs::Event::Kind::Start, "referral"));
            CHECK_FALSE(s->draft(attempt, "danger-1"));
            s->save_draft(attempt, "danger-1", "We are worried that");
            auto first = s->draft(attempt, "danger-1");
            REQUIRE(first);
            s->save_draft(attempt, "danger-1", "We are worried that Ryan\nshouts at Kai.");
            s->save_draft(attempt, "sort-1", "", {{"push-saturday", "past-harm"}, {"nan-visits", "strength"}});
            // The newer words replace the older, with a later time.
            auto d = s->draft(attempt, "danger-1");
            REQUIRE(d);
            CHECK(d->text == "We are worried that Ryan\nshouts at Kai.");
            CHECK(d->saved_ms > first->saved_ms);
            CHECK(s->drafts(attempt).size() == 2);
        }
        WHEN("the file is opened again") {
            auto again = open_store(file, fast(clock));
            THEN("both drafts come back as they were") {
                auto d = again->draft(attempt, "danger-1");
                REQUIRE(d);
                CHECK(d->text == "We are worried that Ryan\nshouts at Kai.");
                auto cards = again->draft(attempt, "sort-1");
                REQUIRE(cards);
                CHECK(cards->placements.at("push-saturday") == "past-harm");
                CHECK(cards->placements.at("nan-visits") == "strength");
                CHECK(sqlite_database(*again).scalar_int("SELECT count(*) FROM drafts") == 2);
            }
        }
    }
}

TEST_CASE("recording the task's answer clears its draft and only its draft") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    Actor alex = s->ensure_trainee("Alex Hill");
    Id a = s->begin_attempt(alex.id, header(), facts()).id;
    s->record_event(a, event(0, sofs::Event::Kind::Start, "referral"));
    s->save_draft(a, "danger-1", "We are worried that Ryan");
    s->save_draft(a, "goal-1", "Kai will be safe");
    WHEN("the danger statement is handed in") {
        s->record_event(a, answer_event(1, "danger-1", "We are worried that Ryan shouts at Kai."));
        THEN("its draft is gone and the other task's draft stays") {
            CHECK_FALSE(s->draft(a, "danger-1"));
            CHECK(s->draft(a, "goal-1"));
        }
    }
    WHEN("the draft is cleared by hand") {
        s->clear_draft(a, "goal-1");
        THEN("it is gone") { CHECK_FALSE(s->draft(a, "goal-1")); }
    }
    WHEN("the attempt is finished") {
        s->finish_attempt(a, "plan-agreed", {});
        THEN("no drafts are left and no new one is taken") {
            CHECK(s->drafts(a).empty());
            CHECK_THROWS_AS(s->save_draft(a, "goal-1", "more"), StoreError);
        }
    }
    WHEN("a fresh start supersedes the attempt") {
        s->begin_attempt(alex.id, header(), facts());
        THEN("the old attempt's drafts go with it") { CHECK(s->drafts(a).empty()); }
    }
}

TEST_CASE("a draft for no such attempt, or with no task, is refused in plain words") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    CHECK_THROWS_WITH_AS(s->save_draft(99, "danger-1", "x"), doctest::Contains("no attempt 99"), StoreError);
    Actor alex = s->ensure_trainee("Alex Hill");
    Id a = s->begin_attempt(alex.id, header(), facts()).id;
    CHECK_THROWS_WITH_AS(s->save_draft(a, "", "x"), doctest::Contains("task"), StoreError);
}

TEST_CASE("drafts are exported with the person and erased with them") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    Actor alex = s->ensure_trainee("Alex Hill");
    Actor sam = s->ensure_trainee("Sam Reid");
    Id a = s->begin_attempt(alex.id, header(), facts()).id;
    Id b = s->begin_attempt(sam.id, header(), facts()).id;
    s->save_draft(a, "danger-1", "We are worried that Ryan");
    s->save_draft(b, "danger-1", "Sam's own words");
    WHEN("Alex's records are exported") {
        json out = json::parse(s->export_person_json(Actor::system(), "Alex Hill"));
        THEN("the draft is in the attempt it belongs to") {
            REQUIRE(out["attempts"].size() == 1);
            REQUIRE(out["attempts"][0]["drafts"].size() == 1);
            CHECK(out["attempts"][0]["drafts"][0]["task"] == "danger-1");
            CHECK(out["attempts"][0]["drafts"][0]["text"] == "We are worried that Ryan");
        }
    }
    WHEN("Alex is erased") {
        s->erase_person(Actor::system(), "Alex Hill");
        THEN("Alex's draft is gone and Sam's stays") {
            CHECK(sqlite_database(*s).scalar_int("SELECT count(*) FROM drafts WHERE attempt = " + std::to_string(a)) == 0);
            auto d = s->draft(b, "danger-1");
            REQUIRE(d);
            CHECK(d->text == "Sam's own words");
        }
    }
}

}  // TEST_SUITE
