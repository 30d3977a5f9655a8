// The library index (load_library_index): the case list a program's first
// screen needs, remembered between starts by each file's size and change
// time. Unchanged files are not read again; changed ones are; the entries
// and diagnostics are those load_library gives; a damaged index is ignored;
// an entry's whole case is read when it is opened.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace sofs;
namespace fs = std::filesystem;

namespace {

struct Folder : test::TempFolder {
    Folder() : test::TempFolder("index-test") { fs::create_directories(path / "cases"); }
    std::string cases() const { return (path / "cases").string(); }
    std::string cache() const { return (path / "cache").string(); }
};

LoadOptions indexed(const Folder& f) {
    LoadOptions o;
    o.cache_dir = f.cache();
    o.index_only = true;
    return o;
}

std::vector<std::string> formatted(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& i : d.items) out.push_back(i.format());
    return out;
}

}  // namespace

TEST_SUITE("library index") {

TEST_CASE("GIVEN a folder of cases WHEN it is indexed THEN the entries and problems are load_library's, without bodies") {
    Folder f;
    fs::copy_file(test::example_path(), f.cases() + "/example.yaml");
    test::write_file(f.cases() + "/broken.yaml", "id: broken\ntitle: [never closed\n");
    Library whole = load_library({f.cases()});
    Library index = load_library_index({f.cases()}, indexed(f));
    REQUIRE(index.scenarios.size() == 1);
    REQUIRE(whole.scenarios.size() == 1);
    CHECK(index.scenarios[0]->id == whole.scenarios[0]->id);
    CHECK(index.scenarios[0]->title == whole.scenarios[0]->title);
    CHECK(index.scenarios[0]->content_hash == whole.scenarios[0]->content_hash);
    CHECK(is_index_entry(*index.scenarios[0]));
    CHECK(index.scenarios[0]->scenes.empty());
    CHECK(formatted(index.diagnostics) == formatted(whole.diagnostics));
    WHEN("it is indexed again from the index file") {
        Library again = load_library_index({f.cases()}, indexed(f));
        THEN("the same entries and problems come back") {
            REQUIRE(again.scenarios.size() == 1);
            CHECK(again.scenarios[0]->title == whole.scenarios[0]->title);
            CHECK(formatted(again.diagnostics) == formatted(whole.diagnostics));
        }
    }
    WHEN("an entry is opened") {
        auto body = load_case_body(*index.scenarios[0], LoadOptions{});
        THEN("the whole case is read from its file") {
            REQUIRE(body.scenario);
            CHECK_FALSE(body.scenario->scenes.empty());
            CHECK(body.scenario->content_hash == index.scenarios[0]->content_hash);
        }
    }
}

TEST_CASE("GIVEN an indexed case WHEN its file is unchanged in size and time THEN it is not read again, and WHEN it changes THEN it is") {
    Folder f;
    const std::string file = f.cases() + "/example.yaml";
    const std::string text = test::read_file(test::example_path());
    test::write_file(file, text);
    Library first = load_library_index({f.cases()}, indexed(f));
    REQUIRE(first.scenarios.size() == 1);
    const std::string title = first.scenarios[0]->title;
    REQUIRE(text.find(title) != std::string::npos);

    // Same size, same change time, different title: only a read would see it.
    std::string same_size = text;
    std::string other(title.size(), 'Z');
    same_size.replace(same_size.find(title), title.size(), other);
    auto when = fs::last_write_time(file);
    test::write_file(file, same_size);
    fs::last_write_time(file, when);
    CHECK(load_library_index({f.cases()}, indexed(f)).scenarios.at(0)->title == title);

    // A real edit: the time moves on.
    fs::last_write_time(file, when + std::chrono::seconds(5));
    CHECK(load_library_index({f.cases()}, indexed(f)).scenarios.at(0)->title == other);
}

TEST_CASE("GIVEN a damaged index file WHEN the library is indexed THEN the index is ignored and the cases are read") {
    Folder f;
    fs::copy_file(test::example_path(), f.cases() + "/example.yaml");
    REQUIRE(load_library_index({f.cases()}, indexed(f)).scenarios.size() == 1);
    int damaged = 0;
    for (const auto& e : fs::directory_iterator(f.cache()))
        if (e.path().extension() == ".index") {
            std::string bytes = test::read_file(e.path().string());
            test::write_file(e.path().string(), bytes.substr(0, bytes.size() / 2));
            ++damaged;
        }
    REQUIRE(damaged == 1);
    Library again = load_library_index({f.cases()}, indexed(f));
    REQUIRE(again.scenarios.size() == 1);
    CHECK(again.scenarios[0]->id == "example");
}

TEST_CASE("GIVEN two files with one scenario id WHEN indexed THEN the second is refused with SCN029, as load_library does") {
    Folder f;
    fs::copy_file(test::example_path(), f.cases() + "/a.yaml");
    fs::copy_file(test::example_path(), f.cases() + "/b.yaml");
    Library index = load_library_index({f.cases()}, indexed(f));
    CHECK(index.scenarios.size() == 1);
    CHECK(test::has_code(index.diagnostics, "SCN029"));
}

}  // TEST_SUITE
