// The command line: `sofs lint` exit codes and summary, `sofs play` JSON lines
// (deterministic per seed), golden playthroughs (tests/golden/), and random
// play to an ending for every scenario shipped in scenarios/.
// Regenerate the goldens with SOFS_UPDATE_GOLDEN=1.
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>

using namespace sofs;
namespace fs = std::filesystem;
using test::run;

namespace {

std::string q(const std::string& s) { return "'" + s + "'"; }
std::string sofs_cmd(const std::string& args) { return q(test::sofs_bin()) + " " + args; }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// tests/golden/<name>/: scenario.yaml, or scenario.ref naming a file under the repository root.
std::string golden_scenario(const fs::path& dir) {
    if (fs::exists(dir / "scenario.yaml")) return (dir / "scenario.yaml").string();
    std::string ref = test::read_file((dir / "scenario.ref").string());
    while (!ref.empty() && (ref.back() == '\n' || ref.back() == ' ')) ref.pop_back();
    return test::source_dir() + "/" + ref;
}

}  // namespace

TEST_SUITE("cli") {

TEST_CASE("sofs lint: exit 0 and a summary for a clean file") {
    auto r = run(sofs_cmd("lint " + q(test::example_path())));
    CHECK(r.status == 0);
    CHECK(r.out == "1 file, 0 errors, 0 warnings\n");
}

TEST_CASE("sofs lint: exit 1 with every diagnostic for a broken file") {
    auto r = run(sofs_cmd("lint " + q(test::tests_dir() + "/broken/unknown-scene/scenario.yaml")));
    CHECK(r.status == 1);
    CHECK(r.out.find("error[SCN010]") != std::string::npos);
    CHECK(r.out.find("1 file, 1 error, 1 warning") != std::string::npos);
}

TEST_CASE("sofs lint: warnings pass, unless --strict") {
    const std::string file = q(test::tests_dir() + "/broken/unreachable-scene/scenario.yaml");
    auto plain = run(sofs_cmd("lint " + file));
    CHECK(plain.status == 0);
    CHECK(plain.out.find("warning[SCN017]") != std::string::npos);
    auto strict = run(sofs_cmd("lint --strict " + file));
    CHECK(strict.status == 1);
    CHECK(strict.out.find("error[SCN017]") != std::string::npos);
    auto quiet = run(sofs_cmd("lint --quiet " + file));
    CHECK(quiet.status == 0);
    CHECK(quiet.out.empty());
}

TEST_CASE("sofs lint: a folder is searched, and bad usage exits 2") {
    auto folder = run(sofs_cmd("lint " + q(test::tests_dir() + "/broken")));
    CHECK(folder.status == 1);
    CHECK(folder.out.find("files, ") != std::string::npos);
    CHECK(run(sofs_cmd("lint 2>/dev/null")).status == 2);
    CHECK(run(sofs_cmd("lint --nonsense x.yaml 2>/dev/null")).status == 2);
    auto missing = run(sofs_cmd("lint /no/such/file.yaml"));
    CHECK(missing.status == 1);
    CHECK(missing.out.find("no such file") != std::string::npos);
    auto help = run(sofs_cmd("lint --help"));
    CHECK(help.status == 0);
    CHECK(help.out.find("Usage: sofs lint") != std::string::npos);
}

TEST_CASE("sofs play --random: the same seed gives the same lines") {
    const std::string cmd = sofs_cmd("play " + q(test::example_path()) + " --random --seed 11");
    auto a = run(cmd);
    auto b = run(cmd);
    REQUIRE(a.status == 0);
    CHECK(a.out == b.out);
    auto lines = lines_of(a.out);
    REQUIRE(lines.size() >= 2);
    auto first = nlohmann::json::parse(lines.front());
    CHECK(first["step"] == 0);
    CHECK(first["action"] == "start");
    CHECK(first["scene"] == "doorstep");
    auto last = nlohmann::json::parse(lines.back());
    CHECK(last["ending"] == "network-plan");
    CHECK(last["step"] == static_cast<int>(lines.size()) - 1);
    for (std::size_t i = 0; i < lines.size(); ++i) CHECK(nlohmann::json::parse(lines[i])["step"] == static_cast<int>(i));
}

TEST_CASE("sofs play: usage errors and unplayable files") {
    CHECK(run(sofs_cmd("play 2>/dev/null")).status == 2);
    CHECK(run(sofs_cmd("play " + q(test::example_path()) + " --random --script x 2>/dev/null")).status == 2);
    CHECK(run(sofs_cmd("play " + q(test::example_path()) + " --db x.db 2>/dev/null")).status == 2);
    // Not a terminal and nothing to follow: explain and stop.
    CHECK(run(sofs_cmd("play " + q(test::example_path()) + " </dev/null 2>/dev/null")).status == 2);
    CHECK(run(sofs_cmd("play " + q(test::tests_dir() + "/broken/dead-end/scenario.yaml") + " --random 2>/dev/null")).status == 1);
    CHECK(run(sofs_cmd("play --help")).out.find("--step-delay-ms") != std::string::npos);
}

TEST_CASE("sofs play --script: a wrong step names the line and what was expected") {
    auto dir = fs::temp_directory_path() / "sofs-script-test";
    fs::create_directories(dir);
    test::write_file((dir / "plan.yaml").string(), "- choose: say-worry\n- choose: move-on\n");
    auto r = run(sofs_cmd("play " + q(test::example_path()) + " --script " + q((dir / "plan.yaml").string()) + " 2>&1"));
    fs::remove_all(dir);
    CHECK(r.status == 1);
    CHECK(r.out.find("plan.yaml:2:") != std::string::npos);
    CHECK(r.out.find("waiting for advance") != std::string::npos);
}

TEST_CASE("golden playthroughs match their expected lines (tests/golden/)") {
    const bool update = std::getenv("SOFS_UPDATE_GOLDEN") && std::string(std::getenv("SOFS_UPDATE_GOLDEN")) == "1";
    int goldens = 0;
    for (const auto& entry : fs::directory_iterator(test::tests_dir() + "/golden")) {
        if (!entry.is_directory() || !fs::exists(entry.path() / "plan.yaml")) continue;
        ++goldens;
        const fs::path dir = entry.path();
        CAPTURE(dir.string());
        auto r = run(sofs_cmd("play " + q(golden_scenario(dir)) + " --seed 7 --script " + q((dir / "plan.yaml").string()) +
                              " 2>&1"));
        CHECK_MESSAGE(r.status == 0, r.out);
        const fs::path expected = dir / "expected.jsonl";
        if (update) {
            test::write_file(expected.string(), r.out);
            MESSAGE("updated " << expected.string());
            continue;
        }
        REQUIRE_MESSAGE(fs::exists(expected), "no expected.jsonl: run the tests with SOFS_UPDATE_GOLDEN=1");
        auto want = lines_of(test::read_file(expected.string()));
        auto got = lines_of(r.out);
        for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
            CAPTURE(i);
            CHECK((i < got.size() ? got[i] : "<missing>") == (i < want.size() ? want[i] : "<missing>"));
        }
    }
    CHECK(goldens >= 1);
}

TEST_CASE("every shipped scenario plays to an ending at random (seeds 1..5)") {
    auto files = find_scenario_files({test::source_dir() + "/scenarios"});
    for (const auto& f : files) {
        for (int seed = 1; seed <= 5; ++seed) {
            CAPTURE(f);
            CAPTURE(seed);
            auto r = run(sofs_cmd("play " + q(f) + " --random --seed " + std::to_string(seed) + " 2>&1"));
            CHECK_MESSAGE(r.status == 0, r.out);
            auto lines = lines_of(r.out);
            REQUIRE(!lines.empty());
            auto last = nlohmann::json::parse(lines.back(), nullptr, false);
            REQUIRE(last.is_object());
            CHECK(last.contains("ending"));
        }
    }
}

TEST_CASE("sofs graph prints a DOT graph with scenes, tasks and endings") {
    auto r = run(sofs_cmd("graph " + q(test::example_path())));
    CHECK(r.status == 0);
    CHECK(r.out.rfind("digraph \"example\" {", 0) == 0);
    CHECK(r.out.find("\"scene:doorstep\" -> \"scene:kitchen\" [label=\"honest-worry\"]") != std::string::npos);
    CHECK(r.out.find("shape=note") != std::string::npos);
    CHECK(r.out.find("shape=doubleoctagon") != std::string::npos);
    CHECK(r.out.find("cluster_child-voice") != std::string::npos);
    CHECK(run(sofs_cmd("graph 2>/dev/null")).status == 2);
}

}  // TEST_SUITE
