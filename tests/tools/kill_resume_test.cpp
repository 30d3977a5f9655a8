// KILL-AND-RESUME: `sofs play --db` killed with SIGKILL part-way, then run
// again, prints exactly the lines of one uninterrupted run, and the progress
// file ends with one finished attempt. Every step is committed before its
// line is printed, so nothing shown is ever lost.
#include "run_support.hpp"

#include "progress/store.hpp"

#include <doctest/doctest.h>

using namespace tools_test;

namespace {

std::vector<std::string> play_args(const std::string& db) {
    return {"play", std::string(SOFS_SOURCE_DIR) + "/scenarios/reference-case.yaml", "--random", "--seed", "7",
            "--db", db, "--user", "alex", "--step-delay-ms", "30"};
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
            THEN("the file holds one attempt, finished") {
                sofs::progress::OpenOptions o;
                o.backup = false;
                auto store = sofs::progress::Store::open(db, o);
                auto alex = store->find_person("alex");
                REQUIRE(alex);
                auto attempts = store->attempts(sofs::progress::Actor::system(), alex->id);
                REQUIRE(attempts.size() == 1);
                CHECK(attempts[0].status == sofs::progress::AttemptStatus::Finished);
                CHECK(attempts[0].events == static_cast<int>(expected.size()));
            }
        }
    }
}

}  // TEST_SUITE
