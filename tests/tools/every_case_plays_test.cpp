// EVERY BUNDLED CASE PLAYS TO AN END: `sofs play --random` walks each
// scenario in scenarios/ with several seeds (different choices, stock answers
// from the expert key) and must reach one of the case's endings, exit 0 and
// print no error.
#include "run_support.hpp"

#include <nlohmann/json.hpp>

#include <doctest/doctest.h>

#include <algorithm>

using namespace tools_test;

TEST_SUITE("tools every case") {

TEST_CASE("every bundled scenario plays from its first scene to an ending") {
    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(std::string(SOFS_SOURCE_DIR) + "/scenarios"))
        if (e.path().extension() == ".yaml") cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 13);

    for (const auto& file : cases) {
        for (int seed = 1; seed <= 4; ++seed) {
            CAPTURE(file.filename().string());
            CAPTURE(seed);
            Result r = run({"play", file.string(), "--random", "--seed", std::to_string(seed)});
            CHECK(r.rc == 0);
            CHECK(r.err.empty());
            auto lines = lines_of(r.out);
            REQUIRE(lines.size() > 4);
            auto last = nlohmann::json::parse(lines.back(), nullptr, false);
            REQUIRE(last.is_object());
            REQUIRE(last.contains("ending"));
            CHECK(!last["title"].get<std::string>().empty());
        }
    }
}

}
