// SG-ADDRESSES-DANGER and the second opinion, eleventh round (ad11). A lexicon
// section whose heading is marked "!rules-only" (content/lexicons/README.md)
// is read by the rules by its name as before, but is never a feature of the
// second opinion: no section name is listed in C++ (FeatureMaker). A mark
// other than "!rules-only" after a heading is a mistake named by file and line.
#include "examples.hpp"
#include "second_opinion_training.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <unistd.h>

using namespace sofs;
namespace fs = std::filesystem;

namespace {

// The names of the lexicon features a text gives the model, in the case given.
std::set<std::string> lexicon_features(const std::string& case_id, const std::string& text) {
    std::set<std::string> out;
    for (auto& n : sofs::testing::feature_names(case_id, text, false))
        if (n.rfind("L:", 0) == 0) out.insert(n);
    return out;
}

}  // namespace

TEST_CASE("a section marked !rules-only is read by the rules and is no feature of the second opinion") {
    auto g = sofs::testing::rules_guidance();
    REQUIRE(g);
    std::set<std::string> marked, unmarked;
    for (auto& p : g->data->lex("grammar").phrases) (p.rules_only ? marked : unmarked).insert(p.section);
    CHECK(marked == std::set<std::string>{"attended", "missed", "any-appointment"});
    CHECK(unmarked.count("past-account"));
    // the rules still read the marked sections by name (tenth round's missed-appointment rule)
    CHECK(sofs::testing::goal_met("conference-scaling-differences",
                                  "The parents will go to all of Osian's clinic appointments.", "SG-ADDRESSES-DANGER"));
    auto f = lexicon_features("conference-scaling-differences", "The parents will go to all of Osian's clinic appointments.");
    CHECK_FALSE(f.count("L:grammar:attended"));
    CHECK_FALSE(f.count("L:grammar:any-appointment"));
    CHECK_FALSE(f.count("L:grammar:missed"));
    CHECK(f.count("L:grammar"));  // the file itself, through its other sections ("the", "will" ...)
}

TEST_CASE("a heading with another mark after it is named by file and line") {
    fs::path dir = fs::temp_directory_path() / ("sofs-content-mark-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(SOFS_CONTENT_DIR, dir, fs::copy_options::recursive);
    std::ofstream(dir / "lexicons" / "grammar.txt", std::ios::app) << "\n[test-section] !rules-onyl\nword\n";
    std::string err;
    auto g = sofs::Guidance::load(dir.string(), &err);
    CHECK(g == nullptr);
    CHECK(err.find("grammar.txt:") != std::string::npos);
    CHECK(err.find("!rules-only") != std::string::npos);
    fs::remove_all(dir);
}
