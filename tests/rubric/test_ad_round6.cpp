// SG-ADDRESSES-DANGER, sixth round: a pronoun in the expert key's `dangers`
// phrases stands for each of the danger's children by name, and a danger word the
// services list holds, said of one of the children ("Amir's attendance"), is the
// child's own life. Each check could fail: the "not met" ones guard the limits of
// the rule beside them.
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;
using sofs::testing::find;

namespace {

bool met(const Scenario& s, const std::string& text, const char* criterion = "SG-ADDRESSES-DANGER") {
    auto g = sofs::testing::guidance();
    REQUIRE(g);
    auto vs = assess_safety_goal(text, s, *g);
    auto* v = find(vs, criterion);
    REQUIRE(v);
    return v->met;
}

bool met(const std::string& case_id, const std::string& text) {
    auto s = sofs::testing::bundled_case(case_id);
    REQUIRE(s);
    return met(*s, text);
}

// A bundled case whose one danger has only the phrases given: nothing else of the
// expert key's dangers can link a goal to it.
Scenario with_safe(const std::string& case_id, std::vector<std::string> safe) {
    auto s = sofs::testing::bundled_case(case_id);
    REQUIRE(s);
    REQUIRE(!s->expert.dangers.empty());
    Scenario copy = *s;
    CaseDanger d = copy.expert.dangers.front();
    d.does.clear();
    d.harm.clear();
    d.safe = std::move(safe);
    copy.expert.dangers = {d};
    return copy;
}

}  // namespace

TEST_CASE("SG-ADDRESSES-DANGER: 'him' in a dangers phrase reads each of the danger's children by name") {
    Scenario s = with_safe("conference-scaling-differences", {"sit beside him"});
    CHECK(met(s, "Every evening Nain will sit beside Osian at the kitchen table."));
    CHECK(met(s, "Every evening Nain will sit beside him at the kitchen table while Osian eats."));
    // an adult by name is not one of the danger's children
    CHECK_FALSE(met(s, "Every evening Nain will sit beside Iwan at the kitchen table."));
}

TEST_CASE("SG-ADDRESSES-DANGER: the expert key's everyday words for the danger and its safety") {
    // "settee" is the family's word for the sofa of the case's second danger
    CHECK(met("father-learning-disability-baby", "Ruby will never be put down on the settee to sleep."));
    // a goal about something else in the same home is still not the danger
    CHECK_FALSE(met("father-learning-disability-baby", "Joel and Cerys will keep the flat tidy every day."));
    // keeping the adult who is the worry away from the children answers the violence
    CHECK(met("months-of-reviews", "Sophie will keep Liam away from Maisie and Theo every night he has been drinking."));
}

TEST_CASE("SG-ADDRESSES-DANGER: a child's own attendance is the danger of a case about missed school, not a service") {
    CHECK(met("school-referral-three-questions", "Leila and Karim will make sure Amir's attendance is back to every day this term."));
    // the parents' own course is still a service, not the danger answered
    CHECK_FALSE(met("school-referral-three-questions", "Leila will go to a parenting course every week."));
}

TEST_CASE("SG-ADDRESSES-DANGER: the case's own danger word naming a team or a course is the service, not the danger") {
    CHECK_FALSE(met("teen-missing-boyfriend", "Leah will go to all her sessions with the missing persons team every week."));
    // the same word said of what the family does is the danger answered
    CHECK(met("teen-missing-boyfriend", "If Leah goes missing, Mo will ring her and Tony will go and pick her up, every time."));
}

TEST_CASE("SG-ADDRESSES-DANGER: what a course or a professional is about is not the danger answered") {
    CHECK_FALSE(met("reference-case", "Ryan will do a course about alcohol."));
    CHECK_FALSE(met("reference-case", "Ryan will see his GP about his drinking by Friday."));
    // the same theme in what the family does still answers it
    CHECK(met("reference-case", "Ryan will stay at Dean's every time he has been drinking."));
}

TEST_CASE("SG-ADDRESSES-DANGER: a child a professional sees alone is a private talk, not a child left alone") {
    CHECK_FALSE(met("first-day-short-case", "The social worker will visit every four weeks and see Kacper alone."));
    // a child left alone is the danger of the same case
    CHECK(met("first-day-short-case", "Aga will never leave Kacper alone at night again."));
}
