// The guidance data is extended by practice leads without touching code, so
// its mistakes must be reported like a compiler's: file and line.
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

fs::path copy_content(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("sofs-content-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(SOFS_CONTENT_DIR, dir, fs::copy_options::recursive);
    return dir;
}

}  // namespace

TEST_CASE("GIVEN a lexicon entry with nothing after '=>' THEN loading names the file and line") {
    auto dir = copy_content("arrow");
    std::ofstream(dir / "lexicons" / "jargon.txt", std::ios::app) << "\nsafeguarding plan =>\n";
    std::string err;
    auto g = sofs::Guidance::load(dir.string(), &err);
    CHECK(g == nullptr);
    CHECK(err.find("jargon.txt:") != std::string::npos);
    CHECK(err.find("nothing after '=>'") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("GIVEN criteria.yaml without a criterion's texts THEN loading says which criterion is missing") {
    auto dir = copy_content("criteria");
    std::ofstream(dir / "guidance" / "criteria.yaml") << "DS-WHO:\n  met: \"ok\"\n  not_met: \"no\"\n  guidance: \"g\"\n  colour: red\n";
    std::string err;
    auto g = sofs::Guidance::load(dir.string(), &err);
    CHECK(g == nullptr);
    CHECK(err.find("criteria.yaml:5: unknown key 'colour'") != std::string::npos);
    CHECK(err.find("no texts for DS-FUTURE") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("GIVEN a new jargon word added by a practice lead THEN the assessor uses it at once") {
    auto dir = copy_content("extend");
    std::ofstream(dir / "lexicons" / "jargon.txt", std::ios::app) << "\nhome conditions => say what you saw\n";
    std::string err;
    auto g = sofs::Guidance::load(dir.string(), &err);
    REQUIRE_MESSAGE(g != nullptr, err);
    auto s = sofs::testing::reference_case();
    REQUIRE(s);
    auto vs = sofs::assess_danger_statement("We are worried about the home conditions.", *s, *g);
    CHECK_FALSE(sofs::testing::find(vs, "DS-PLAIN")->met);
    fs::remove_all(dir);
}
