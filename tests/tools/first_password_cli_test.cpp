// First passwords on the command line: someone given a first password by an
// administrator (sofs user add --first, or the application's admin screen)
// cannot play, comment or overrule under it until they choose their own with
// `sofs user passwd NAME --own`; the refusal says how, and nothing is recorded.
#include "run_support.hpp"

#include "progress/store.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace tools_test;

namespace pg = sofs::progress;

TEST_SUITE("tools first password") {

TEST_CASE("a trainee with a first password chooses their own before sofs play records anything") {
    TempDir dir;
    const std::string db = dir.file("progress.db");
    const std::string ref = std::string(SOFS_SOURCE_DIR) + "/scenarios/reference-case.yaml";
    Result added = run({"user", "add", "Noor Tindall", "--first", "--db", db}, {{"SOFS_PASSWORD", "first-pass-1"}});
    REQUIRE_MESSAGE(added.rc == 0, added.err);
    CHECK(added.out.find("choose their own password") != std::string::npos);
    // --first without a password is a usage error, said plainly.
    Result no_pw = run({"user", "add", "Ola Berg", "--first", "--db", db});
    CHECK(no_pw.rc == 2);
    CHECK(no_pw.err.find("--first needs a password") != std::string::npos);

    Result refused = run({"play", ref, "--random", "--seed", "3", "--db", db, "--user", "Noor Tindall"},
                         {{"SOFS_PASSWORD", "first-pass-1"}});
    CHECK(refused.rc == 1);
    INFO(refused.err);
    CHECK(refused.err.find("gave you a first password") != std::string::npos);
    CHECK(refused.err.find("sofs user passwd 'Noor Tindall' --own --db " + db) != std::string::npos);
    CHECK(refused.out.find("\"step\"") == std::string::npos);   // no step was played
    {
        auto store = pg::Store::open(db);
        CHECK(store->attempts(pg::Actor::system(), store->find_person("Noor Tindall")->id).empty());
    }

    // Choosing one's own: a wrong current password changes nothing; the same one again is refused.
    Result wrong = run({"user", "passwd", "Noor Tindall", "--own", "--db", db},
                       {{"SOFS_PASSWORD", "not-the-first"}, {"SOFS_NEW_PASSWORD", "noors-own-pass"}});
    CHECK(wrong.rc == 1);
    CHECK(wrong.err.find("nothing was changed") != std::string::npos);
    Result same = run({"user", "passwd", "Noor Tindall", "--own", "--db", db},
                      {{"SOFS_PASSWORD", "first-pass-1"}, {"SOFS_NEW_PASSWORD", "first-pass-1"}});
    CHECK(same.rc == 1);
    {
        auto store = pg::Store::open(db);
        CHECK(store->find_person("Noor Tindall")->must_change_password);
    }
    Result own = run({"user", "passwd", "Noor Tindall", "--own", "--db", db},
                     {{"SOFS_PASSWORD", "first-pass-1"}, {"SOFS_NEW_PASSWORD", "noors-own-pass"}});
    REQUIRE_MESSAGE(own.rc == 0, own.err);
    CHECK(own.out.find("your new password is set") != std::string::npos);
    {
        auto store = pg::Store::open(db);
        CHECK_FALSE(store->find_person("Noor Tindall")->must_change_password);
    }
    // The first password no longer opens the profile; the new one plays.
    CHECK(run({"play", ref, "--random", "--seed", "3", "--db", db, "--user", "Noor Tindall"},
              {{"SOFS_PASSWORD", "first-pass-1"}}).rc == 1);
    Result played = run({"play", ref, "--random", "--seed", "3", "--db", db, "--user", "Noor Tindall"},
                        {{"SOFS_PASSWORD", "noors-own-pass"}});
    CHECK_MESSAGE(played.rc == 0, played.err);
    CHECK(played.out.find("\"ending\"") != std::string::npos);
}

TEST_CASE("a trainer with a first password cannot comment until they choose their own") {
    TempDir dir;
    const std::string db = dir.file("progress.db");
    REQUIRE(run({"user", "add", "Rhian Evans", "--role", "trainer", "--first", "--db", db},
                {{"SOFS_PASSWORD", "first-pass-2"}}).rc == 0);
    REQUIRE(run({"user", "add", "sam", "--db", db}).rc == 0);
    REQUIRE(run({"cohort", "create", "June", "--kind", "two-day", "--db", db}).rc == 0);
    REQUIRE(run({"cohort", "add", "June", "Rhian Evans", "sam", "--db", db}).rc == 0);
    REQUIRE(run({"play", std::string(SOFS_SOURCE_DIR) + "/scenarios/reference-case.yaml", "--random", "--seed", "5",
                 "--db", db, "--user", "sam"}).rc == 0);
    std::string attempt;
    {
        auto store = pg::Store::open(db);
        attempt = std::to_string(store->attempts(pg::Actor::system(), store->find_person("sam")->id).at(0).id);
    }
    Result refused = run({"comment", "--db", db, "--trainer", "Rhian Evans", "--attempt", attempt, "--text", "Well done."},
                         {{"SOFS_PASSWORD", "first-pass-2"}});
    CHECK(refused.rc == 1);
    CHECK(refused.err.find("gave you a first password") != std::string::npos);
    REQUIRE(run({"user", "passwd", "Rhian Evans", "--own", "--db", db},
                {{"SOFS_PASSWORD", "first-pass-2"}, {"SOFS_NEW_PASSWORD", "rhians-own-pass"}}).rc == 0);
    Result ok = run({"comment", "--db", db, "--trainer", "Rhian Evans", "--attempt", attempt, "--text", "Well done."},
                    {{"SOFS_PASSWORD", "rhians-own-pass"}});
    CHECK_MESSAGE(ok.rc == 0, ok.err);
}

}
