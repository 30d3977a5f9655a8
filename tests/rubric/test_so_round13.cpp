// The thirteenth round's second opinion (assessment/CRITERIA.md, "The second
// opinion"): DS-CAREGIVER-BEHAVIOUR's model reads the case-relative features
// (whether the adult named is one whose deeds are the danger, the case's own
// "does" phrases) and has its own, smaller L2.
#include "second_opinion_training.hpp"

#include <doctest/doctest.h>

namespace rubric = sofs::rubric;

TEST_CASE("DS-CAREGIVER-BEHAVIOUR's model reads the case, in training and in the assessor alike") {
    CHECK(rubric::FeatureMaker::reads_case("DS-CAREGIVER-BEHAVIOUR"));
    CHECK_FALSE(rubric::FeatureMaker::reads_case("DS-CHILD-IMPACT"));
    auto g = sofs::testing::guidance();
    REQUIRE(g);
    std::string bad;
    auto crits = rubric::SecondOpinion::read_criteria(sofs::testing::criteria_file(), &bad);
    REQUIRE(std::find(crits.begin(), crits.end(), "DS-CAREGIVER-BEHAVIOUR") != crits.end());
    auto one = sofs::testing::labelled_case("reference-case");
    REQUIRE(one.size() == 1);
    auto td = sofs::testing::read_training(one, *g, crits);
    auto cb = sofs::testing::rows_for(td, "DS-CAREGIVER-BEHAVIOUR");
    auto ci = sofs::testing::rows_for(td, "DS-CHILD-IMPACT");
    REQUIRE(!cb.empty());
    REQUIRE(!ci.empty());
    for (auto& row : cb) CHECK(sofs::testing::has_case_topic(row));
    for (auto& row : ci) CHECK_FALSE(sofs::testing::has_case_topic(row));
    // its own L2; the others keep the default
    sofs::testing::TrainOptions o;
    CHECK(sofs::testing::options_for("DS-CAREGIVER-BEHAVIOUR", o).l2 == doctest::Approx(3e-5));
    CHECK(sofs::testing::options_for("SG-ADDRESSES-DANGER", o).l2 == doctest::Approx(o.l2));
    // the committed weights for it weigh some of them
    int weighed = sofs::testing::case_feature_weights("DS-CAREGIVER-BEHAVIOUR");
    CHECK(weighed > 0);
}
