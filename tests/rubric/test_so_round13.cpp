// The thirteenth round's second opinion (assessment/CRITERIA.md, "The second
// opinion"): DS-CAREGIVER-BEHAVIOUR's model reads the case-relative features
// (whether the adult named is one whose deeds are the danger, the case's own
// "does" phrases) and has its own, smaller L2.
#include "second_opinion_training.hpp"

#include <doctest/doctest.h>

#include <fstream>

namespace rubric = sofs::rubric;

TEST_CASE("DS-CAREGIVER-BEHAVIOUR's model reads the case, in training and in the assessor alike") {
    CHECK(rubric::FeatureMaker::reads_case("DS-CAREGIVER-BEHAVIOUR"));
    CHECK_FALSE(rubric::FeatureMaker::reads_case("DS-CHILD-IMPACT"));
    auto g = sofs::testing::guidance();
    REQUIRE(g);
    std::string bad;
    auto crits = rubric::SecondOpinion::read_criteria(sofs::testing::criteria_file(), &bad);
    REQUIRE(std::find(crits.begin(), crits.end(), "DS-CAREGIVER-BEHAVIOUR") != crits.end());
    std::vector<sofs::testing::LabelledCase> one;
    for (auto& c : sofs::testing::labelled_cases())
        if (c.id == "reference-case") one.push_back(c);
    REQUIRE(one.size() == 1);
    auto td = sofs::testing::read_training(one, *g, crits);
    const std::uint32_t topic[] = {rubric::FeatureMaker::hash("C:TOPIC=0"), rubric::FeatureMaker::hash("C:TOPIC=1"),
                                   rubric::FeatureMaker::hash("C:TOPIC=2"), rubric::FeatureMaker::hash("C:TOPIC=3+")};
    auto has_topic = [&](const sofs::testing::Row& row) {
        for (auto& [h, v] : row.x)
            for (auto t : topic)
                if (h == t) return true;
        return false;
    };
    auto cb = sofs::testing::rows_for(td, "DS-CAREGIVER-BEHAVIOUR");
    auto ci = sofs::testing::rows_for(td, "DS-CHILD-IMPACT");
    REQUIRE(!cb.empty());
    REQUIRE(!ci.empty());
    for (auto& row : cb) CHECK(has_topic(row));
    for (auto& row : ci) CHECK_FALSE(has_topic(row));
    // its own L2; the others keep the default
    sofs::testing::TrainOptions o;
    CHECK(sofs::testing::options_for("DS-CAREGIVER-BEHAVIOUR", o).l2 == doctest::Approx(3e-5));
    CHECK(sofs::testing::options_for("SG-ADDRESSES-DANGER", o).l2 == doctest::Approx(o.l2));
    // the committed weights for it weigh some of them
    std::ifstream f(sofs::testing::weights_path());
    std::string line;
    bool in = false;
    int weighed = 0;
    while (std::getline(f, line)) {
        if (!line.empty() && line[0] == '[') in = line == "[DS-CAREGIVER-BEHAVIOUR]";
        else if (in && line.find(" C:") != std::string::npos) ++weighed;
    }
    CHECK(weighed > 0);
}
