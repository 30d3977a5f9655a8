// The loader's parse cache: a cached load gives exactly what parsing gives,
// and a damaged cache file is ignored, never trusted.
#include "runtime/stock_answer.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>

using namespace sofs;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> formatted(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& i : d.items) out.push_back(i.format());
    return out;
}

// A playthrough's transcript: equal scenarios play equally.
Transcript play(const Scenario& sc) {
    Session s(sc, 5, test::counter_clock());
    test::play_to_end(s, test::Pick::First);
    return s.transcript();
}

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("sofs-cache-test-" + std::to_string(::getpid()));
    TempDir() { fs::remove_all(path); }
    ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST_SUITE("parse cache") {

SCENARIO("a scenario read back from the cache is the one parsed") {
    GIVEN("an empty cache folder") {
        TempDir dir;
        LoadOptions opt;
        opt.cache_dir = dir.path.string();
        WHEN("the example is loaded twice through the cache") {
            auto parsed = load_scenario_file(test::example_path());
            auto first = load_scenario_file(test::example_path(), opt);
            auto second = load_scenario_file(test::example_path(), opt);
            THEN("a cache file was written and every result is the same") {
                CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) == 1);
                REQUIRE(second.scenario);
                CHECK(formatted(second.diagnostics) == formatted(parsed.diagnostics));
                CHECK(play(*second.scenario) == play(*parsed.scenario));
                CHECK(second.scenario->content_hash == parsed.scenario->content_hash);
                CHECK(second.scenario->choice("ask-exception")->when->source == "not blamed and trust >= 4");
                CHECK(second.scenario->expert.evidence == parsed.scenario->expert.evidence);
                CHECK(second.scenario->scene("doorstep")->pos.line == parsed.scenario->scene("doorstep")->pos.line);
            }
        }
        WHEN("a broken file is loaded twice through the cache") {
            const std::string file = test::tests_dir() + "/broken/unknown-scene/scenario.yaml";
            auto parsed = load_scenario_file(file);
            load_scenario_file(file, opt);
            auto cached = load_scenario_file(file, opt);
            THEN("the same diagnostics come back") {
                CHECK(formatted(cached.diagnostics) == formatted(parsed.diagnostics));
                CHECK(test::has_code(cached.diagnostics, "SCN010", 31));
            }
        }
        WHEN("the cache file is damaged") {
            load_scenario_file(test::example_path(), opt);
            for (const auto& f : fs::directory_iterator(dir.path)) fs::resize_file(f.path(), fs::file_size(f.path()) / 2);
            auto again = load_scenario_file(test::example_path(), opt);
            THEN("the file is parsed again, with the right result") {
                REQUIRE(again.scenario);
                CHECK(again.diagnostics.items.empty());
                CHECK(again.scenario->scenes.size() == 12);
            }
        }
    }
}

}  // TEST_SUITE
