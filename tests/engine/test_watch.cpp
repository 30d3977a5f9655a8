// sofs-sim --watch: the poll notices a changed or new case file (and nothing
// else), a good edit replaces the case in the library, and a bad edit (a tab
// in the indentation) is reported at its line while the last good version stays.
#include "load/watch.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

using namespace sofs;
namespace fs = std::filesystem;

namespace {

struct Folder : test::TempFolder {
    Folder() : test::TempFolder("watch-test") {}
};

// Writes and moves the change time on, so that coarse file-system clocks see a change.
void write_later(const fs::path& p, const std::string& text) {
    auto before = fs::exists(p) ? fs::last_write_time(p) : fs::file_time_type::clock::now();
    test::write_file(p.string(), text);
    fs::last_write_time(p, before + std::chrono::seconds(2));
}

}  // namespace

TEST_SUITE("watch") {

TEST_CASE("a changed case file is reloaded; a bad edit keeps the last good version and says where") {
    Folder dir;
    const std::string original = test::read_file(test::example_path());
    const fs::path file = dir.path / "example.yaml";
    test::write_file(file.string(), original);
    test::write_file((dir.path / "notes.txt").string(), "not a case");

    Library lib = load_library({dir.path.string()});
    REQUIRE(lib.scenarios.size() == 1);
    const std::string old_title = lib.scenarios[0]->title;

    CaseFileWatch watch({dir.path.string()});
    CHECK(watch.changed().empty());   // the first look only takes note
    CHECK(watch.changed().empty());   // nothing changed

    // A good edit: a new title.
    std::string retitled = std::regex_replace(original, std::regex("\ntitle: [^\n]*"), "\ntitle: \"A new title\"", std::regex_constants::format_first_only);
    REQUIRE(retitled != original);
    write_later(file, retitled);
    write_later(dir.path / "notes.txt", "still not a case");
    auto changed = watch.changed();
    REQUIRE(changed.size() == 1);
    CHECK(fs::path(changed[0]).filename() == "example.yaml");
    Reload good = reload_case(lib, changed[0]);
    CHECK(good.replaced);
    CHECK_FALSE(good.diagnostics.has_errors());
    REQUIRE(lib.scenarios.size() == 1);
    CHECK(lib.scenarios[0]->title == "A new title");

    // A bad edit: a tab in the indentation. Reported as such at its own line; the good version stays.
    std::string tabbed = std::regex_replace(retitled, std::regex("\n  - id: "), "\n\t- id: ", std::regex_constants::format_first_only);
    REQUIRE(tabbed != retitled);
    write_later(file, tabbed);
    changed = watch.changed();
    REQUIRE(changed.size() == 1);
    Reload bad = reload_case(lib, changed[0]);
    CHECK_FALSE(bad.replaced);
    CHECK(bad.title == "A new title");
    REQUIRE(bad.diagnostics.has_errors());
    CHECK(test::has_code(bad.diagnostics, "SCN036"));
    CHECK(test::all_messages(bad.diagnostics).find("tab") != std::string::npos);
    REQUIRE(lib.scenarios.size() == 1);
    CHECK(lib.scenarios[0]->title == "A new title");
    CHECK(watch.changed().empty());

    // A new case file joins the library; the same id in a second file is refused.
    write_later(dir.path / "copy.yaml", original);
    changed = watch.changed();
    REQUIRE(changed.size() == 1);
    Reload twin = reload_case(lib, changed[0]);
    CHECK_FALSE(twin.replaced);
    CHECK(test::has_code(twin.diagnostics, "SCN029"));
    CHECK(lib.scenarios.size() == 1);
    (void)old_title;
}

}  // TEST_SUITE
