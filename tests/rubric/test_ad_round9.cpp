// SG-ADDRESSES-DANGER, tenth round. The rules: the harm told of one of the
// children as what happened ("tell us how Leo got hurt") is an account of the
// past, not the danger the goal answers (grammar.txt [past-account]). The
// second opinion: its model for this criterion also reads how the goal relates
// to THIS case's danger (FeatureMaker::case_relative), made the same way for
// the trainer and the assessor (assessment/CRITERIA.md, "The second opinion").
#include "examples.hpp"
#include "second_opinion_training.hpp"

#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <string>

using namespace sofs;

namespace {

bool met(const std::string& case_id, const std::string& text) {
    return sofs::testing::goal_met(case_id, text, "SG-ADDRESSES-DANGER");
}

// The names of the case-relative features of a goal in a case.
std::set<std::string> case_features(const std::string& case_id, const std::string& text) {
    auto out = sofs::testing::feature_names(case_id, text, true);
    std::string all;
    for (auto& n : out) all += n + " ";
    MESSAGE(text << ": " << all);
    return out;
}

}  // namespace

TEST_CASE("the harm told of a child as what happened is an account, not the danger answered") {
    CHECK_FALSE(met("unexplained-injury-baby", "Priya and Tomasz will explain how Leo got hurt."));
    CHECK_FALSE(met("unexplained-injury-baby", "Parents to give an honest account of how Leo was injured."));
    // a goal that answers the danger in the same case still does
    CHECK(met("unexplained-injury-baby",
              "Whenever Leo is crying and can't be settled, Priya or Tomasz will put him safely in his cot and ring Nani."));
    // "how" itself is not the account: what the family will do about the danger stands
    CHECK(met("reference-case", "Ryan will understand how his drinking affects Kai and Mia."));
}

TEST_CASE("the case-relative features say how a goal relates to this case's danger") {
    auto on = case_features("conference-scaling-differences",
                            "Iwan will check Osian's blood sugar with him every evening at seven.");
    CHECK(on.count("C:DANGER_CHILD"));
    CHECK_FALSE(on.count("C:TOPIC=0"));
    // fewer of the experts' words for the danger ("shed" is one: the lambing shed)
    auto off = case_features("conference-scaling-differences", "Iwan will paint the shed every Saturday.");
    CHECK(on.count("C:TOPIC=2"));
    CHECK(off.count("C:TOPIC=1"));
    CHECK_FALSE(off.count("C:DANGER_CHILD"));
    CHECK_FALSE(off.count("C:OWN"));
    // only SG-ADDRESSES-DANGER reads them
    CHECK(rubric::FeatureMaker::reads_case("SG-ADDRESSES-DANGER"));
    CHECK_FALSE(rubric::FeatureMaker::reads_case("SG-OBSERVABLE"));
}

TEST_CASE("the trainer gives the case-relative features to SG-ADDRESSES-DANGER's rows only, and the model weighs them") {
    auto g = sofs::testing::guidance();
    REQUIRE(g);
    std::string bad;
    auto crits = rubric::SecondOpinion::read_criteria(sofs::testing::criteria_file(), &bad);
    REQUIRE(std::find(crits.begin(), crits.end(), "SG-ADDRESSES-DANGER") != crits.end());
    auto one = sofs::testing::labelled_case("conference-scaling-differences");
    REQUIRE(one.size() == 1);
    auto td = sofs::testing::read_training(one, *g, crits);
    auto ad = sofs::testing::rows_for(td, "SG-ADDRESSES-DANGER");
    auto obs = sofs::testing::rows_for(td, "SG-OBSERVABLE");
    REQUIRE(!ad.empty());
    REQUIRE(!obs.empty());
    for (auto& row : ad) CHECK(sofs::testing::has_case_topic(row));
    for (auto& row : obs) CHECK_FALSE(sofs::testing::has_case_topic(row));
    // the committed weights for this criterion weigh some of them
    int weighed = sofs::testing::case_feature_weights("SG-ADDRESSES-DANGER");
    CHECK(weighed > 0);
}
