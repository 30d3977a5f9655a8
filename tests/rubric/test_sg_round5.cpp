// Safety goals, fifth round: the case's own danger topic (SG-ADDRESSES-DANGER),
// the present tense of notes and plans (SG-CAREGIVER-ACTION, SG-OBSERVABLE), an
// attitude that a concrete verb does not make observable, and an adult's own
// antidepressants as treatment (SG-NOT-SERVICE). Each check could fail: the
// "not met" ones guard the limits of the rule beside them.
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;
using sofs::testing::find;

namespace {

std::shared_ptr<const Scenario> scenario(const std::string& id) { return sofs::testing::bundled_case(id); }

bool goal_met(const std::string& case_id, const std::string& text, const char* criterion) {
    auto g = sofs::testing::guidance();
    auto s = scenario(case_id);
    REQUIRE(g);
    REQUIRE(s);
    auto vs = assess_safety_goal(text, *s, *g);
    auto* v = find(vs, criterion);
    REQUIRE(v);
    return v->met;
}

}  // namespace

TEST_CASE("SG-ADDRESSES-DANGER: a word of the case's own danger, said of the child, links the goal to it") {
    // "diabetes" is in the case's expert danger statements, not in any lexicon of themes
    CHECK(goal_met("conference-scaling-differences", "Mererid and Iwan will always make sure Osian's diabetes is looked after properly.",
                   "SG-ADDRESSES-DANGER"));
    // without a child the topic word alone is too loose a link
    CHECK_FALSE(goal_met("reference-case", "Jade will keep the washing off the sofa every day.", "SG-ADDRESSES-DANGER"));
    // what professionals alone do is not the family answering the danger
    CHECK_FALSE(goal_met("conference-scaling-differences", "The diabetes nurse will check Osian's diabetes every month.",
                         "SG-ADDRESSES-DANGER"));
}

TEST_CASE("the present tense of notes and plans is a deed: SG-CAREGIVER-ACTION and SG-OBSERVABLE") {
    const char* note = "Liam goes to Jen's whenever he's wound up. Jen tells Graham.";
    CHECK(goal_met("months-of-reviews", note, "SG-CAREGIVER-ACTION"));
    CHECK(goal_met("months-of-reviews", note, "SG-OBSERVABLE"));
    // after "when" it is a condition, not a deed
    CHECK_FALSE(goal_met("months-of-reviews", "When Liam gets home late.", "SG-CAREGIVER-ACTION"));
}

TEST_CASE("SG-OBSERVABLE: an attitude is not made observable by the concrete verb inside it") {
    CHECK_FALSE(goal_met("conference-scaling-differences", "Mererid and Iwan will take Osian's diabetes seriously every day.",
                         "SG-OBSERVABLE"));
    CHECK(goal_met("conference-scaling-differences", "Nain will take Osian to clinic every month.", "SG-OBSERVABLE"));
}

TEST_CASE("SG-NOT-SERVICE: an adult's own antidepressants are treatment, like medication") {
    CHECK_FALSE(goal_met("low-mood-neglect", "Nia will take her antidepressants every day.", "SG-NOT-SERVICE"));
}

TEST_CASE("help received is a service nobody sees: SG-NOT-SERVICE and SG-OBSERVABLE") {
    const char* text = "Joel will be supported by his network to parent Ruby.";
    CHECK_FALSE(goal_met("father-learning-disability-baby", text, "SG-NOT-SERVICE"));
    CHECK_FALSE(goal_met("father-learning-disability-baby", text, "SG-OBSERVABLE"));
    // attending is still checkable
    CHECK(goal_met("father-learning-disability-baby", "Joel will go to every weighing appointment with Ruby.", "SG-OBSERVABLE"));
}
