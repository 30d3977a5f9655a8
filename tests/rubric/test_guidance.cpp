// The guidance data is extended by practice leads without touching code, so
// its mistakes must be reported like a compiler's: file and line.
#include "fixture.hpp"
#include "play/verdicts.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
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

// A check has one name everywhere (the screens, the CPD record, the reports,
// the live session's export), read from criteria.yaml; said with its task, no
// two checks share a name, or a trainee's list of checks would show two
// lines alike.
TEST_CASE("GIVEN the criteria file THEN every check has its own name with its task, and the screens use it") {
    std::string err;
    auto names = sofs::Guidance::criterion_names(SOFS_CONTENT_DIR, &err);
    REQUIRE_MESSAGE(!names.empty(), err);
    std::set<std::string> seen;
    for (const auto& [id, name] : sofs::play::on_task(names)) {
        CHECK_MESSAGE(!names[id].empty(), id << " has no name");
        CHECK_MESSAGE(seen.insert(name).second, id << " has the name of another check: " << name);
    }
    CHECK(names.count("DS-PLAIN") == 1);
    CHECK(names.count("WP-CHILD-WORDS") == 1);
    CHECK(std::string(sofs::play::criterion_title("DS-PLAIN")) == names["DS-PLAIN"]);
    CHECK(sofs::play::criterion_title_on_task("SG-PLAIN") == "Safety goal: " + names["SG-PLAIN"]);
    CHECK(std::string(sofs::play::criterion_title("NO-SUCH-CHECK")) == "NO-SUCH-CHECK");
}

TEST_CASE("GIVEN a broken criteria file THEN reading the names says which file and line") {
    auto dir = copy_content("names");
    std::ofstream(dir / "guidance" / "criteria.yaml") << "DS-WHO:\n  name: [unclosed\n";
    std::string err;
    auto names = sofs::Guidance::criterion_names(dir.string(), &err);
    CHECK(names.empty());
    CHECK(err.find("criteria.yaml:") != std::string::npos);
    fs::remove_all(dir);
}
