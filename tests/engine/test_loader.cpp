// The loader: the example loads clean; every diagnostic code fires on its
// example page (scenarios/codes/) and on its broken file (tests/broken/), at
// the line given in the folder's expect.txt.
#include "runtime/hash.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

using namespace sofs;
namespace fs = std::filesystem;

TEST_SUITE("loader") {

TEST_CASE("the example scenario loads without a problem and fills the model") {
    auto r = load_scenario_file(test::example_path());
    REQUIRE(r.scenario);
    CHECK_MESSAGE(r.diagnostics.items.empty(), test::all_messages(r.diagnostics));
    const Scenario& s = *r.scenario;
    CHECK(s.id == "example");
    CHECK(s.people.size() == 4);
    CHECK(s.person("gran")->aliases == std::vector<std::string>{"Nana June"});
    CHECK(s.fact("gran-minded")->kind == FactKind::ExistingSafety);
    CHECK(s.numbers.size() == 2);
    CHECK(s.numbers[1].name == "openness");
    CHECK(s.numbers[1].initial == 3);
    CHECK(s.scene("doorstep")->shuffle);
    CHECK(s.choice("ask-exception")->when->source == "not blamed and trust >= 4");
    CHECK(s.choice("threaten")->effects.change.at("trust") == -2);
    CHECK(s.choice("threaten")->undermines == std::vector<int>{4, 5});
    CHECK(s.task("net")->people == std::vector<std::string>{"tess", "gran"});
    CHECK(s.expert.scaling.expert == 4);
    CHECK(s.expert.scaling.low == 3);
    CHECK(s.expert.scaling.high == 6);
    CHECK(s.expert.three_houses.dreams.size() == 1);
    CHECK(s.expert.evidence.at("DS-CHILD-IMPACT") == std::vector<std::string>{"alone-evenings"});
    CHECK(s.scene("doorstep")->pos.line > 0);
    CHECK(s.content_hash == content_hash(test::read_file(test::example_path())));
    CHECK(s.content_hash.size() == 16);
}

TEST_CASE("the content hash is FNV-1a 64 in hex") {
    CHECK(content_hash("") == "cbf29ce484222325");
    CHECK(content_hash("a") == "af63dc4c8601ec8c");
    CHECK(content_hash("ab") != content_hash("ba"));
}

TEST_CASE("every problem is reported, not only the first") {
    const std::string text = test::read_file(test::tests_dir() + "/broken/unknown-scene/scenario.yaml");
    std::string worse = std::regex_replace(text, std::regex("ending: done"), "ending: finished");
    worse = std::regex_replace(worse, std::regex("minutes: 5"), "minutes: five");
    auto r = load_scenario_text(worse, "scenario.yaml");
    CHECK(test::has_code(r.diagnostics, "SCN010"));
    CHECK(test::has_code(r.diagnostics, "SCN013"));
    CHECK(test::has_code(r.diagnostics, "SCN002"));
}

TEST_CASE("diagnostics print like a compiler's") {
    auto r = load_scenario_file(test::tests_dir() + "/broken/unknown-scene/scenario.yaml");
    REQUIRE_FALSE(r.diagnostics.items.empty());
    const std::string line = r.diagnostics.items[0].format();
    CHECK(std::regex_search(line, std::regex(R"(scenario\.yaml:31:15: error\[SCN010\]: 'next' of choice 'ask' names unknown scene 'closing'$)")));
}

TEST_CASE("an unknown key gets a suggestion and a duplicate key names the first") {
    auto r = load_scenario_file(test::tests_dir() + "/broken/unknown-key/scenario.yaml");
    CHECK(test::all_messages(r.diagnostics).find("did you mean 'title'?") != std::string::npos);
    auto d = load_scenario_file(test::tests_dir() + "/broken/duplicate-key/scenario.yaml");
    CHECK(test::all_messages(d.diagnostics).find("first at line 33") != std::string::npos);
}

TEST_CASE("a missing required key is reported at its parent map, naming the key") {
    auto r = load_scenario_file(test::tests_dir() + "/broken/missing-key/scenario.yaml");
    CHECK(test::all_messages(r.diagnostics).find("scene 'close' needs the key 'title'") != std::string::npos);
}

TEST_CASE("quoted yes is text without a warning; bare yes warns") {
    const std::string base = test::read_file(test::tests_dir() + "/broken/yaml11-boolean/scenario.yaml");
    auto quoted = load_scenario_text(std::regex_replace(base, std::regex("text: off"), "text: \"off\""), "scenario.yaml");
    CHECK_FALSE(test::has_code(quoted.diagnostics, "SCN024"));
    auto bare = load_scenario_text(base, "scenario.yaml");
    CHECK(test::has_code(bare.diagnostics, "SCN024"));
    REQUIRE(bare.scenario);
    CHECK(bare.scenario->scene("visit")->lines.back().text == "off");
}

TEST_CASE("a file that does not exist is an SCN009 error, not a crash") {
    auto r = load_scenario_file("/no/such/place.yaml");
    CHECK_FALSE(r.scenario);
    CHECK(test::has_code(r.diagnostics, "SCN009"));
    Diagnostics missing;
    auto files = find_scenario_files({"/no/such/folder"}, &missing);
    CHECK(files.empty());
    CHECK(test::has_code(missing, "SCN009"));
}

TEST_CASE("broken files produce their code at their line (tests/broken/<rule>/expect.txt)") {
    int folders = 0;
    for (const auto& dir : fs::directory_iterator(test::tests_dir() + "/broken")) {
        if (!dir.is_directory()) continue;
        ++folders;
        const std::string expect = test::read_file((dir.path() / "expect.txt").string());
        std::istringstream in(expect);
        std::string code;
        int line = 0;
        int expectations = 0;
        while (in >> code >> line) {
            ++expectations;
            for (const auto& f : fs::directory_iterator(dir.path())) {
                if (f.path().extension() != ".yaml") continue;
                auto r = load_scenario_file(f.path().string());
                CAPTURE(f.path().string());
                CAPTURE(test::all_messages(r.diagnostics));
                CHECK_MESSAGE(test::has_code(r.diagnostics, code, line), code << " expected at line " << line);
            }
        }
        CHECK_MESSAGE(expectations > 0, dir.path().string() << " has no expectation");
    }
    CHECK(folders >= 20);
}

TEST_CASE("every code page's example produces that code (scenarios/codes/)") {
    const std::regex example("```yaml\\n([\\s\\S]*?)```");
    const std::regex file_name("<!-- test: file ([^ ]+) -->");
    int pages = 0;
    for (const auto& f : fs::directory_iterator(test::source_dir() + "/scenarios/codes")) {
        const std::string name = f.path().stem().string();
        if (name.rfind("SCN", 0) != 0) continue;
        ++pages;
        const std::string page = test::read_file(f.path().string());
        // Codes the assessor reports (not the loader) are tested in tests/rubric.
        if (page.find("<!-- test: assessor -->") != std::string::npos) continue;
        std::smatch m;
        REQUIRE_MESSAGE(std::regex_search(page, m, example), name << " has no yaml example");
        std::string yaml = m[1];
        // A page whose example needs bytes that cannot stand in Markdown (SCN034)
        // names a placeholder and the byte the test writes in its place.
        const std::regex byte_for("<!-- test: byte ([0-9A-F]{2}) for \"([^\"]+)\" -->");
        if (std::smatch bm; std::regex_search(page, bm, byte_for)) {
            const std::string placeholder = bm[2];
            const char byte = static_cast<char>(std::stoi(bm[1].str(), nullptr, 16));
            for (auto at = yaml.find(placeholder); at != std::string::npos; at = yaml.find(placeholder))
                yaml.replace(at, placeholder.size(), 1, byte);
        }
        CAPTURE(name);
        Diagnostics d;
        if (page.find("<!-- test: library -->") != std::string::npos) {
            auto tmp = fs::temp_directory_path() / ("sofs-codes-" + name);
            fs::create_directories(tmp);
            test::write_file((tmp / "one.yaml").string(), yaml);
            test::write_file((tmp / "two.yaml").string(), yaml);
            d = load_library({tmp.string()}).diagnostics;
            fs::remove_all(tmp);
        } else {
            std::smatch fm;
            std::string display = std::regex_search(page, fm, file_name) ? fm[1].str() : "scenario.yaml";
            d = load_scenario_text(yaml, display, (fs::temp_directory_path() / "sofs-no-audio-here").string())
                    .diagnostics;
        }
        CAPTURE(test::all_messages(d));
        CHECK(test::has_code(d, name));
        // The page says which severity the code has; check it too.
        const bool warning_page = page.find("Severity: **warning**") != std::string::npos;
        for (const auto& i : d.items)
            if (i.code == name) CHECK((i.severity == Severity::Warning) == warning_page);
    }
    CHECK(pages >= 29);
}

TEST_CASE("a library keeps only scenarios without errors and reports the rest") {
    auto lib = load_library({test::tests_dir() + "/broken", test::tests_dir() + "/golden/example"});
    REQUIRE(lib.scenarios.size() >= 1);
    bool example_kept = false;
    for (const auto& s : lib.scenarios) example_kept = example_kept || s->id == "example";
    CHECK(example_kept);
    CHECK(lib.diagnostics.has_errors());
}

TEST_CASE("the scenarios shipped in scenarios/ load without errors") {
    auto files = find_scenario_files({test::source_dir() + "/scenarios"});
    for (const auto& f : files) {
        auto r = load_scenario_file(f);
        CAPTURE(f);
        CHECK_MESSAGE(!r.diagnostics.has_errors(), test::all_messages(r.diagnostics));
    }
}


TEST_CASE("FORMAT.md's complete example is the example scenario and loads without a problem") {
    const std::string page = test::read_file(test::source_dir() + "/scenarios/FORMAT.md");
    auto at = page.find("## A complete example");
    REQUIRE(at != std::string::npos);
    auto a = page.find("```yaml\n", at);
    REQUIRE(a != std::string::npos);
    a += 8;
    auto b = page.find("```", a);
    const std::string yaml = page.substr(a, b - a);
    auto r = load_scenario_text(yaml, "example.yaml", test::tests_dir() + "/golden/example");
    CHECK_MESSAGE(r.diagnostics.items.empty(), test::all_messages(r.diagnostics));
    REQUIRE(r.scenario);
    CHECK(test::read_file(test::example_path()).find(yaml) != std::string::npos);
}

}  // TEST_SUITE
