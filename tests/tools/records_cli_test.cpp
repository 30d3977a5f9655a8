// The progress commands' answers to issue 10's reproducers: a database
// address refused, restore asking before it replaces a healthy file, cohort
// add all-or-none, cohort assign refusing a mistyped case with a suggestion,
// a read-only file reported on, private exports, CSV that cannot run, a
// trainee's password asked for by `sofs play`, and an erase that says what
// it removed.
#include "run_support.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <fstream>
#include <sstream>

using namespace tools_test;

namespace {
unsigned mode_of(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
    return st.st_mode & 0777;
}
std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
const std::string kScenario = std::string(SOFS_SOURCE_DIR) + "/scenarios/reference-case.yaml";
}  // namespace

TEST_SUITE("tools records safety") {

TEST_CASE("a --db that is a PostgreSQL address is connected to, not made as a file; an unreachable one is said plainly") {
    TempDir dir;
    Result r = run({"user", "list", "--db", "postgresql://db.example/sofs"});
    CHECK(r.rc == 1);
    CHECK(r.err.find("could not connect to the PostgreSQL store") != std::string::npos);
    CHECK(r.err.find("db.example") != std::string::npos);
    Result played = run({"play", kScenario, "--random", "--seed", "1", "--db", "postgresql://x/y", "--user", "alex"});
    CHECK(played.rc != 0);
    CHECK_FALSE(fs::exists("postgresql:"));
}

TEST_CASE("restore on a healthy file asks first; --force goes on") {
    TempDir dir;
    const std::string db = dir.file("progress.db");
    REQUIRE(run({"user", "add", "alex", "--db", db}).rc == 0);
    REQUIRE(run({"user", "add", "sam", "--db", db}).rc == 0);  // after the first backup
    Result asked = run({"report", "restore", "--db", db});
    CHECK(asked.rc == 1);
    CHECK(asked.err.find("passes the check") != std::string::npos);
    CHECK(asked.err.find("--force") != std::string::npos);
    Result kept = run({"user", "list", "--db", db});
    CHECK(kept.out.find("sam") != std::string::npos);
    Result forced = run({"report", "restore", "--db", db, "--force"});
    CHECK(forced.rc == 0);
}

TEST_CASE("cohort add adds everyone or no one; assign refuses an unknown case id with a suggestion") {
    TempDir dir;
    const std::string db = dir.file("progress.db");
    REQUIRE(run({"user", "add", "alex", "--db", db}).rc == 0);
    REQUIRE(run({"cohort", "create", "March", "--kind", "two-day", "--db", db}).rc == 0);
    Result add = run({"cohort", "add", "March", "alex", "nobdy", "--db", db});
    CHECK(add.rc == 1);
    CHECK(add.err.find("'nobdy'") != std::string::npos);
    Result typo = run({"cohort", "assign", "March", "reference-cas", "--db", db});
    CHECK(typo.rc == 1);
    CHECK(typo.err.find("did you mean 'reference-case'") != std::string::npos);
    Result list = run({"cohort", "list", "--db", db});
    CHECK(list.out.find("trainees:  -") != std::string::npos);   // alex was not added alone
    CHECK(list.out.find("scenarios: -") != std::string::npos);   // no phantom case
    CHECK(run({"cohort", "assign", "March", "reference-case", "--db", db}).rc == 0);
}

TEST_CASE("a read-only progress file is reported on and checked, and takes no backup") {
    TempDir dir;
    const std::string db = dir.file("progress.db");
    REQUIRE(run({"user", "add", "alex", "--db", db}).rc == 0);
    fs::remove_all(db + ".backups");
    ::chmod(db.c_str(), 0400);
    ::chmod(dir.path.c_str(), 0500);
    // (Run as root, the modes do not stop writing; the read-only path is then
    // covered by the progress tests' read_only option.)
    Result report = run({"report", "--db", db, "--user", "alex"});
    CHECK_FALSE(fs::exists(db + ".backups"));  // a report is a read-only command: no backup
    Result check = run({"report", "check", "--db", db});
    ::chmod(dir.path.c_str(), 0700);
    CHECK(check.rc == 0);
    CHECK(check.out.find("healthy") != std::string::npos);
    CHECK(report.rc == 0);
}

TEST_CASE("exports are private and a CSV cannot run a formula") {
    TempDir dir;
    const std::string db = dir.file("progress.db");
    REQUIRE(run({"user", "add", "=HYPERLINK(\"http://evil\",\"x\")", "--db", db}).rc == 0);
    REQUIRE(run({"cohort", "create", "March", "--kind", "two-day", "--db", db}).rc == 0);
    REQUIRE(run({"cohort", "add", "March", "=HYPERLINK(\"http://evil\",\"x\")", "--db", db}).rc == 0);
    REQUIRE(run({"cohort", "assign", "March", "reference-case", "--db", db}).rc == 0);
    Result csv = run({"report", "--db", db, "--cohort", "March", "--format", "csv", "--output", dir.file("out/c.csv")});
    REQUIRE(csv.rc == 0);
    std::string text = slurp(dir.file("out/c.csv"));
    CHECK(text.find("\"'=HYPERLINK(") != std::string::npos);
    CHECK(text.find(",=") == std::string::npos);
    CHECK(mode_of(dir.file("out/c.csv")) == 0600);
    CHECK(mode_of(db) == 0600);
}

TEST_CASE("sofs play asks for a trainee's password, and never plays as a trainer") {
    TempDir dir;
    const std::string db = dir.file("progress.db");
    REQUIRE(run({"user", "add", "Priya", "--role", "trainer", "--db", db}, {{"SOFS_PASSWORD", "trainer-pass-1"}}).rc == 0);
    REQUIRE(run({"user", "add", "Bea", "--db", db}).rc == 0);
    REQUIRE(run({"user", "passwd", "Bea", "--db", db}, {{"SOFS_PASSWORD", "bea-secret-1"}}).rc == 0);
    Result as_trainer = run({"play", kScenario, "--random", "--seed", "1", "--db", db, "--user", "Priya"});
    CHECK(as_trainer.rc != 0);
    CHECK(as_trainer.err.find("password") != std::string::npos);
    Result no_pw = run({"play", kScenario, "--random", "--seed", "1", "--db", db, "--user", "Bea"});
    CHECK(no_pw.rc != 0);
    Result with_pw = run({"play", kScenario, "--random", "--seed", "1", "--db", db, "--user", "Bea"},
                         {{"SOFS_PASSWORD", "bea-secret-1"}});
    CHECK(with_pw.rc == 0);
    Result required = run({"user", "trainee-passwords", "required", "--db", db});
    CHECK(required.rc == 0);
    Result newcomer = run({"play", kScenario, "--random", "--seed", "1", "--db", db, "--user", "New Person"});
    CHECK(newcomer.rc != 0);
    CHECK(newcomer.err.find("asks every trainee for a password") != std::string::npos);
}

TEST_CASE("erase says what it removed, and no file under the folder keeps the trainee's answers") {
    TempDir dir;
    const std::string db = dir.file("progress.db");
    Result played = run({"play", kScenario, "--random", "--seed", "3", "--db", db, "--user", "alex"});
    REQUIRE(played.rc == 0);
    REQUIRE(run({"report", "check", "--db", db}).rc == 0);
    Result erased = run({"trainee", "erase", "--db", db, "--user", "alex", "--yes"});
    CHECK(erased.rc == 0);
    CHECK(erased.out.find("removed:") != std::string::npos);
    CHECK(erased.out.find("no copy made by this program remains") != std::string::npos);
    // The seeded random answers include free text typed as alex; the name itself must be gone too.
    for (const auto& f : fs::recursive_directory_iterator(dir.path))
        if (f.is_regular_file()) CHECK_MESSAGE(slurp(f.path()).find("alex") == std::string::npos, f.path().string());
}

}  // TEST_SUITE
