// The progress commands end to end: people, cohorts, a played attempt,
// reports, an override with the trainer's password, export and erase with
// confirmation, and a damaged file restored from its backup.
#include "run_support.hpp"

#include "progress/store.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace tools_test;
using json = nlohmann::json;
namespace pg = sofs::progress;

TEST_SUITE("tools progress commands") {

TEST_CASE("every progress command answers --help") {
    for (const char* c : {"report", "user", "cohort", "trainee", "override"}) {
        Result r = run({c, "--help"});
        CHECK_MESSAGE(r.rc == 0, c);
        CHECK_MESSAGE(r.out.find("--db") != std::string::npos, c);
    }
}

TEST_CASE("from adding people to an override, a report, export and erase") {
    TempDir dir;
    const std::string db = dir.file("progress.db");
    const std::map<std::string, std::string> pw{{"SOFS_PASSWORD", "trainer-pass-1"}};

    // A trainer needs a password; with no terminal and none given, say how to give one.
    Result nopw = run({"user", "add", "Priya Shah", "--role", "trainer", "--db", db});
    CHECK(nopw.rc == 1);
    CHECK(nopw.err.find("--password-file") != std::string::npos);

    REQUIRE(run({"user", "add", "Priya Shah", "--role", "trainer", "--db", db}, pw).rc == 0);
    REQUIRE(run({"user", "add", "alex", "--team", "North", "--agency", "--db", db}).rc == 0);
    Result bad_role = run({"user", "add", "Jo", "--role", "boss", "--db", db});
    CHECK(bad_role.rc == 2);
    CHECK(bad_role.err.find("trainee, trainer or admin") != std::string::npos);
    REQUIRE(run({"cohort", "create", "March", "--kind", "two-day", "--db", db}).rc == 0);
    REQUIRE(run({"cohort", "add", "March", "Priya Shah", "alex", "--db", db}).rc == 0);
    REQUIRE(run({"cohort", "assign", "March", "reference-case", "--db", db}).rc == 0);
    Result list = run({"cohort", "list", "--format", "json", "--db", db});
    REQUIRE(list.rc == 0);
    CHECK(json::parse(list.out)[0]["trainees"][0] == "alex");

    Result played = run({"play", std::string(SOFS_SOURCE_DIR) + "/scenarios/reference-case.yaml", "--random", "--seed",
                         "7", "--db", db, "--user", "alex"});
    REQUIRE(played.rc == 0);

    // Give the attempt a verdict to overrule (whatever the assessor said is kept too).
    pg::Id attempt = 0;
    {
        pg::OpenOptions o;
        o.backup = false;
        auto store = pg::Store::open(db, o);
        auto a = store->attempts(pg::Actor::system(), store->find_person("alex")->id);
        REQUIRE(a.size() == 1);
        attempt = a[0].id;
        store->add_verdicts(attempt, {{"cli-test", "CLI-TEST", false, "", "judged by the test", ""}});
    }

    std::ofstream(dir.file("pw.txt")) << "trainer-pass-1\n";
    std::ofstream(dir.file("wrong.txt")) << "not the password\n";
    std::vector<std::string> ov{"override", "--db", db, "--trainer", "Priya Shah", "--attempt", std::to_string(attempt),
                                "--criterion", "CLI-TEST", "--met", "yes", "--reason", "Clear enough, \"really\""};
    auto with = [&](const char* file) {
        auto v = ov;
        v.push_back("--password-file");
        v.push_back(dir.file(file));
        return v;
    };
    Result wrong = run(with("wrong.txt"));
    CHECK(wrong.rc == 1);
    CHECK(wrong.err.find("wrong name or password") != std::string::npos);
    Result ok = run(with("pw.txt"));
    CHECK(ok.rc == 0);

    Result csv = run({"report", "--db", db, "--disagreements", "--format", "csv"});
    REQUIRE(csv.rc == 0);
    CHECK(csv.out.find("CLI-TEST") != std::string::npos);
    CHECK(csv.out.find("\"Clear enough, \"\"really\"\"\"") != std::string::npos);

    Result trainee = run({"report", "--db", db, "--user", "alex", "--format", "json"});
    REQUIRE(trainee.rc == 0);
    auto tj = json::parse(trainee.out);
    CHECK(tj["attempts"][0]["status"] == "finished");
    CHECK(tj["attempts"][0]["scaling"]["expert"] == 3);
    // Finishing ran the assessor: its verdicts were stored with the attempt.
    CHECK(tj["attempts"][0]["criteria_judged"].get<int>() > 1);

    Result cohort = run({"report", "--db", db, "--cohort", "March", "--format", "csv"});
    REQUIRE(cohort.rc == 0);
    CHECK(lines_of(cohort.out).size() == 2);
    CHECK(cohort.out.find("March,alex,North,yes,reference-case,yes,1,1,") != std::string::npos);

    Result exported = run({"trainee", "export", "--db", db, "--user", "alex"});
    REQUIRE(exported.rc == 0);
    auto ej = json::parse(exported.out);
    CHECK(ej["attempts"][0]["events"].size() == lines_of(played.out).size());

    Result refuse = run({"trainee", "erase", "--db", db, "--user", "alex"});
    CHECK(refuse.rc == 1);
    CHECK(refuse.err.find("--yes") != std::string::npos);
    CHECK(run({"report", "--db", db, "--user", "alex"}).rc == 0);  // still there

    Result erased = run({"trainee", "erase", "--db", db, "--user", "alex", "--yes"});
    CHECK(erased.rc == 0);
    Result gone = run({"report", "--db", db, "--user", "alex"});
    CHECK(gone.rc == 1);
    CHECK(gone.err.find("no one called 'alex'") != std::string::npos);
}

TEST_CASE("a damaged progress file names its backup, and restore brings it back") {
    TempDir dir;
    const std::string db = dir.file("progress.db");
    for (int i = 0; i < 40; ++i) REQUIRE(run({"user", "add", "trainee " + std::to_string(i), "--db", db}).rc == 0);
    // Take today's backup of the full file (the first open backed up an empty one).
    fs::remove_all(db + ".backups");
    REQUIRE(run({"report", "check", "--db", db}).rc == 0);
    {
        std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(0);
        f << std::string(100, 'x');
    }
    Result damaged = run({"user", "list", "--db", db});
    CHECK(damaged.rc == 1);
    CHECK(damaged.err.find("is damaged") != std::string::npos);
    CHECK(damaged.err.find("sofs report restore --db " + db) != std::string::npos);

    Result restored = run({"report", "restore", "--db", db});
    CHECK(restored.rc == 0);
    Result listed = run({"user", "list", "--db", db, "--format", "json"});
    REQUIRE(listed.rc == 0);
    CHECK(json::parse(listed.out).size() == 40);
}

}  // TEST_SUITE
