// `sofs comment`: a trainer's comment with their password, beside a check or
// on the whole case, read back by `sofs comment list`, changing no verdict;
// refused for a trainer of another cohort and for empty words.
#include "run_support.hpp"

#include "progress/store.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace tools_test;

namespace pg = sofs::progress;

TEST_SUITE("tools comment") {

TEST_CASE("sofs comment --help says how, and that no decision changes") {
    Result r = run({"comment", "--help"});
    CHECK(r.rc == 0);
    CHECK(r.out.find("--attempt") != std::string::npos);
    CHECK(r.out.find("--criterion") != std::string::npos);
    CHECK(r.out.find("--db") != std::string::npos);
    CHECK(r.out.find("sofs override") != std::string::npos);
    Result top = run({"--help"});
    CHECK(top.out.find("comment") != std::string::npos);
}

TEST_CASE("a trainer comments; the verdict stays; list reads it back") {
    TempDir dir;
    const std::string db = dir.file("progress.db");
    const std::map<std::string, std::string> pw{{"SOFS_PASSWORD", "trainer-pass-1"}};
    REQUIRE(run({"user", "add", "Priya Shah", "--role", "trainer", "--db", db}, pw).rc == 0);
    REQUIRE(run({"user", "add", "Omar Reed", "--role", "trainer", "--db", db}, pw).rc == 0);
    REQUIRE(run({"user", "add", "alex", "--db", db}).rc == 0);
    REQUIRE(run({"cohort", "create", "March", "--kind", "two-day", "--db", db}).rc == 0);
    REQUIRE(run({"cohort", "add", "March", "Priya Shah", "alex", "--db", db}).rc == 0);
    REQUIRE(run({"play", std::string(SOFS_SOURCE_DIR) + "/scenarios/reference-case.yaml", "--random", "--seed", "7",
                 "--db", db, "--user", "alex"})
                .rc == 0);
    pg::Id attempt = 0;
    {
        pg::OpenOptions o;
        o.backup = false;
        auto store = pg::Store::open(db, o);
        attempt = store->attempts(pg::Actor::system(), store->find_person("alex")->id).at(0).id;
        store->add_verdicts(attempt, {{"cli-test", "CLI-TEST", false, "", "judged by the test", ""}});
    }
    const std::string id = std::to_string(attempt);
    std::ofstream(dir.file("pw.txt")) << "trainer-pass-1\n";

    Result whole = run({"comment", "--db", db, "--trainer", "Priya Shah", "--attempt", id, "--text",
                        "Kind and clear with Linda.", "--password-file", dir.file("pw.txt")});
    CHECK_MESSAGE(whole.rc == 0, whole.err);
    CHECK(whole.out.find("no decision changed") != std::string::npos);
    Result beside = run({"comment", "--db", db, "--trainer", "Priya Shah", "--attempt", id, "--criterion", "CLI-TEST",
                         "--text", "Nearly there: say what could happen next.", "--password-file", dir.file("pw.txt")});
    CHECK_MESSAGE(beside.rc == 0, beside.err);

    Result empty = run({"comment", "--db", db, "--trainer", "Priya Shah", "--attempt", id, "--text", "   ",
                        "--password-file", dir.file("pw.txt")});
    CHECK(empty.rc == 1);
    CHECK(empty.err.find("needs some words") != std::string::npos);
    Result other = run({"comment", "--db", db, "--trainer", "Omar Reed", "--attempt", id, "--text", "Hello",
                        "--password-file", dir.file("pw.txt")});
    CHECK(other.rc == 1);
    Result wrong_pw = run({"comment", "--db", db, "--trainer", "Priya Shah", "--attempt", id, "--text", "Hi"},
                          {{"SOFS_PASSWORD", "not the password"}});
    CHECK(wrong_pw.rc == 1);
    CHECK(wrong_pw.err.find("wrong name or password") != std::string::npos);
    Result missing = run({"comment", "--db", db, "--trainer", "Priya Shah", "--attempt", id});
    CHECK(missing.rc == 2);
    CHECK(missing.err.find("--text") != std::string::npos);

    Result listed = run({"comment", "list", "--attempt", id, "--db", db});
    REQUIRE(listed.rc == 0);
    CHECK(listed.out.find("Priya Shah on the case: Kind and clear with Linda.") != std::string::npos);
    CHECK(listed.out.find("Priya Shah on CLI-TEST (cli-test): Nearly there") != std::string::npos);
    CHECK(listed.out.find("Hello") == std::string::npos);

    // The verdict is still the assessor's.
    pg::OpenOptions o;
    o.backup = false;
    auto store = pg::Store::open(db, o);
    for (const auto& v : store->verdicts(pg::Actor::system(), attempt))
        if (v.criterion == "CLI-TEST") {
            CHECK_FALSE(v.met);
            CHECK_FALSE(v.overruled());
        }
}

}  // TEST_SUITE
