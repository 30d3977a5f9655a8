// `sofs assess` in batch: the JSON-lines interface (README, "The assessor in batch"),
// malformed lines answered with an error and the run going on, unusable
// arguments refused with a clear message; and the transcript debrief.
#include "fixture.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Run {
    int status = -1;
    std::string out, err;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs `sofs assess ARGS < input` in a fresh temporary folder.
Run assess(const std::string& args, const std::string& input) {
    static int counter = 0;
    fs::path dir = fs::temp_directory_path() / ("sofs-assess-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(dir);
    std::ofstream(dir / "in.jsonl") << input;
    std::string cmd = std::string("'") + SOFS_BIN + "' assess " + args + " < '" + (dir / "in.jsonl").string() +
                      "' > '" + (dir / "out").string() + "' 2> '" + (dir / "err").string() + "'";
    Run r;
    int rc = std::system(cmd.c_str());
    r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    r.out = slurp(dir / "out");
    r.err = slurp(dir / "err");
    fs::remove_all(dir);
    return r;
}

std::vector<nlohmann::json> lines(const std::string& out) {
    std::vector<nlohmann::json> v;
    std::istringstream in(out);
    std::string l;
    while (std::getline(in, l))
        if (!l.empty()) v.push_back(nlohmann::json::parse(l));
    return v;
}

const std::string kScenario = std::string("--scenario '") + SOFS_SOURCE_DIR + "/scenarios/reference-case.yaml'";

}  // namespace

TEST_CASE("GIVEN danger statements as JSON lines WHEN judged in batch THEN each line gets every criterion, in order") {
    auto r = assess(kScenario + " --kind danger-statement",
                    "{\"id\":\"a\",\"text\":\"We are worried that Ryan may push Jade and Mia could be dropped.\"}\n"
                    "{\"id\":\"b\",\"text\":\"Ryan is an alcoholic.\"}\n");
    REQUIRE(r.status == 0);
    auto out = lines(r.out);
    REQUIRE(out.size() == 2);
    CHECK(out[0]["id"] == "a");
    CHECK(out[1]["id"] == "b");
    for (auto& id : sofs::danger_statement_criteria()) {
        CHECK(out[0]["criteria"][id].is_boolean());
        CHECK(out[0]["feedback"][id].is_string());
        CHECK(out[0]["criteria"][id] == true);
    }
    CHECK(out[1]["criteria"]["DS-NON-BLAMING"] == false);
    // keys in the documented order
    CHECK(r.out.rfind("{\"id\":\"a\",\"criteria\":{\"DS-WHO\":", 0) == 0);
}

TEST_CASE("GIVEN safety goals WHEN judged in batch THEN the safety goal criteria are used") {
    auto r = assess(kScenario + " --kind safety-goal", "{\"id\":\"g1\",\"text\":\"Jade will attend a parenting course.\"}\n");
    REQUIRE(r.status == 0);
    auto out = lines(r.out);
    REQUIRE(out.size() == 1);
    CHECK(out[0]["criteria"].size() == sofs::safety_goal_criteria().size());
    CHECK(out[0]["criteria"]["SG-NOT-SERVICE"] == false);
}

TEST_CASE("GIVEN malformed lines WHEN judged THEN each gets an error naming its line and the run goes on") {
    auto r = assess(kScenario + " --kind danger-statement",
                    "not json at all\n"
                    "{\"id\":\"x\"}\n"
                    "[1,2]\n"
                    "\n"
                    "{\"id\":\"ok\",\"text\":\"We are worried.\"}\n"
                    "{\"id\":\"t\",\"text\":42}\n");
    CHECK(r.status == 0);
    auto out = lines(r.out);
    REQUIRE(out.size() == 5);
    CHECK(out[0]["error"].get<std::string>().rfind("line 1:", 0) == 0);
    CHECK(out[1]["id"] == "x");
    CHECK(out[1]["error"].get<std::string>().find("text") != std::string::npos);
    CHECK(out[2]["error"].get<std::string>().rfind("line 3:", 0) == 0);
    CHECK(out[3]["id"] == "ok");
    CHECK(out[3].contains("criteria"));
    CHECK(out[4]["error"].get<std::string>().rfind("line 6:", 0) == 0);
}

TEST_CASE("GIVEN an unusable scenario or arguments THEN the exit status is 2 and stderr says what and where") {
    auto missing = assess("--scenario /no/such/case.yaml --kind danger-statement", "");
    CHECK(missing.status == 2);
    CHECK(missing.err.find("/no/such/case.yaml") != std::string::npos);

    auto kind = assess(kScenario + " --kind poem", "");
    CHECK(kind.status == 2);
    CHECK(kind.err.find("poem") != std::string::npos);

    auto none = assess("--kind danger-statement", "");
    CHECK(none.status == 2);
    CHECK(none.err.find("--scenario") != std::string::npos);

    auto content = assess(kScenario + " --kind danger-statement --content /no/such/content", "");
    CHECK(content.status == 2);
    CHECK(content.err.find("/no/such/content") != std::string::npos);
}

TEST_CASE("--help explains the command") {
    auto r = assess("--help", "");
    CHECK(r.status == 0);
    CHECK(r.out.find("--kind") != std::string::npos);
}

TEST_CASE("GIVEN a transcript WHEN assessed THEN the debrief covers every answered task, bookends and moves") {
    auto r = assess(kScenario + " --transcript '" + SOFS_TESTS_DIR + "/rubric/data/transcript-mixed.json'", "");
    REQUIRE(r.status == 0);
    auto d = nlohmann::json::parse(r.out);
    std::set<std::string> tasks;
    for (auto& t : d["tasks"]) tasks.insert(t["task"].get<std::string>());
    CHECK(tasks.count("danger-statement"));
    CHECK(tasks.count("sort-facts"));
    CHECK(tasks.count("scaling"));
    CHECK(d["moves"]["not_fitting"] == 2);
    REQUIRE(d["overall"].size() == 1);
    CHECK(d["overall"][0]["criterion"] == "BOOKENDS");
    CHECK(d["overall"][0]["met"] == false);  // a goal about tidiness does not answer the danger
}
