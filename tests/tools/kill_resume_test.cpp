// KILL-AND-RESUME: `sofs play --db` killed with SIGKILL part-way, then run
// again, prints exactly the lines of one uninterrupted run, and the progress
// file ends with one finished attempt. Every step is committed before its
// line is printed, so nothing shown is ever lost.
#include "run_support.hpp"

#include "load/loader.hpp"
#include "progress/resume.hpp"
#include "progress/store.hpp"
#include "runtime/session.hpp"
#include "runtime/stock_answer.hpp"

#include <nlohmann/json.hpp>

#include <doctest/doctest.h>

using namespace tools_test;

namespace {

std::vector<std::string> play_args(const std::string& db) {
    return {"play", std::string(SOFS_SOURCE_DIR) + "/scenarios/reference-case.yaml", "--random", "--seed", "7",
            "--db", db, "--user", "alex", "--step-delay-ms", "30"};
}

// The file at `db`, opened without the daily backup.
std::unique_ptr<sofs::progress::Store> open_quietly(const std::string& db) {
    sofs::progress::OpenOptions o;
    o.backup = false;
    return sofs::progress::Store::open(db, o);
}

// The file holds one attempt of alex's, finished, with `events` events.
void check_one_finished_attempt(const std::string& db, std::size_t events) {
    auto store = open_quietly(db);
    auto alex = store->find_person("alex");
    REQUIRE(alex);
    auto attempts = store->attempts(sofs::progress::Actor::system(), alex->id);
    REQUIRE(attempts.size() == 1);
    CHECK(attempts[0].status == sofs::progress::AttemptStatus::Finished);
    CHECK(attempts[0].events == static_cast<int>(events));
}

}  // namespace

TEST_SUITE("tools kill and resume") {

TEST_CASE("a player killed mid-scenario resumes exactly where it stopped") {
    TempDir dir;
    const std::string db = dir.file("tmp.db");

    GIVEN("one uninterrupted run on a fresh file") {
        Result whole = run(play_args(dir.file("fresh.db")));
        REQUIRE(whole.rc == 0);
        auto expected = lines_of(whole.out);
        REQUIRE(expected.size() > 8);

        WHEN("the same run is killed after a few lines and started again") {
            Child first = start(play_args(db));
            REQUIRE(first.pid > 0);
            std::string seen;
            int lines = 0;
            char c;
            // Read line by line; kill at once after the fifth, while the player waits between steps.
            while (lines < 5 && read(first.out, &c, 1) == 1) {
                seen += c;
                if (c == '\n') ++lines;
            }
            REQUIRE(lines == 5);
            kill(first.pid, SIGKILL);
            seen += drain(first.out);  // anything printed before the kill landed
            drain(first.err);
            CHECK(wait_exit(first.pid) == 128 + SIGKILL);
            auto before = lines_of(seen);
            REQUIRE(before.size() < expected.size());

            Result second = run(play_args(db));
            CHECK(second.rc == 0);
            auto after = lines_of(second.out);

            THEN("the two runs' lines together are the uninterrupted run's") {
                std::vector<std::string> joined = before;
                joined.insert(joined.end(), after.begin(), after.end());
                CHECK(joined == expected);
            }
            THEN("the file holds one attempt, finished") { check_one_finished_attempt(db, expected.size()); }
        }
    }
}

TEST_CASE("a player killed after storing the ending, before printing it, prints the ending when run again") {
    TempDir dir;
    const std::string db = dir.file("ended.db");
    const std::string path = std::string(SOFS_SOURCE_DIR) + "/scenarios/reference-case.yaml";
    auto loaded = sofs::load_scenario_file(path);
    REQUIRE(loaded.scenario);
    const sofs::Scenario& sc = *loaded.scenario;

    // What the killed run left behind: every step of the attempt stored, the
    // ending too, but the attempt never marked finished.
    std::string ending;
    int last_step = 0;
    std::size_t stored = 0;
    {
        auto store = open_quietly(db);
        auto alex = store->ensure_trainee("alex");
        sofs::Session s(sc, 7);
        auto attempt = store->begin_attempt(alex.id, s.transcript(), sofs::progress::facts_of(sc));
        while (!s.ended() && s.transcript().events.size() < 10000) {
            sofs::View v = s.view();
            if (v.kind == sofs::View::Kind::Narration) REQUIRE_FALSE(s.advance());
            else if (v.kind == sofs::View::Kind::Choices) REQUIRE_FALSE(s.choose(v.choices.front()->id));
            else if (v.kind == sofs::View::Kind::Task) REQUIRE_FALSE(s.answer(sofs::stock_answer(s, *v.task)));
            else break;
        }
        REQUIRE(s.ended());
        for (const auto& e : s.transcript().events) store->record_event(attempt.id, e, sc.content_hash);
        const auto& end = s.transcript().events.back();
        REQUIRE(end.kind == sofs::Event::Kind::End);
        ending = end.ending;
        last_step = end.step;
        stored = s.transcript().events.size();
        auto before = store->attempts(sofs::progress::Actor::system(), alex.id);
        REQUIRE(before.size() == 1);
        REQUIRE(before[0].status == sofs::progress::AttemptStatus::Open);
    }

    Result again = run(play_args(db));
    CHECK(again.rc == 0);
    auto lines = lines_of(again.out);

    THEN("the one line printed is the ending, as the killed run would have printed it") {
        REQUIRE(lines.size() == 1);
        auto j = nlohmann::json::parse(lines[0]);
        CHECK(j["step"] == last_step);
        CHECK(j["ending"] == ending);
        const sofs::Ending* end = sc.ending(ending);
        REQUIRE(end);
        CHECK(j["title"] == end->title);
        CHECK(lines[0].find("\"step\"") < lines[0].find("\"ending\""));
    }
    THEN("the attempt is marked finished, with no new one begun") { check_one_finished_attempt(db, stored); }
    THEN("a third run starts a new attempt rather than printing the ending again") {
        Result third = run(play_args(db));
        CHECK(third.rc == 0);
        auto more = lines_of(third.out);
        REQUIRE_FALSE(more.empty());
        CHECK(nlohmann::json::parse(more.front()).contains("scene"));
    }
}

}  // TEST_SUITE
