// SG-ADDRESSES-DANGER, sixth round: a pronoun in the expert key's `dangers`
// phrases stands for each of the danger's children by name, and a danger word the
// services list holds, said of one of the children ("Amir's attendance"), is the
// child's own life. Each check could fail: the "not met" ones guard the limits of
// the rule beside them.
#include "examples.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;
using enum sofs::testing::Expect;
using sofs::testing::check_criterion;
using sofs::testing::check_rules;

namespace {

constexpr const char* kAddresses = "SG-ADDRESSES-DANGER";

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
    check_criterion(assess_safety_goal, s, kAddresses, {
        {met, "Every evening Nain will sit beside Osian at the kitchen table."},
        {met, "Every evening Nain will sit beside him at the kitchen table while Osian eats."},
        // an adult by name is not one of the danger's children
        {not_met, "Every evening Nain will sit beside Iwan at the kitchen table."},
    });
}

TEST_CASE("SG-ADDRESSES-DANGER, sixth round: what links a goal to a bundled case's danger, each checked both ways") {
    check_rules(assess_safety_goal, {
        {"SG-ADDRESSES-DANGER: the expert key's everyday words for the danger and its safety",
         {
             // "settee" is the family's word for the sofa of the case's second danger
             {met, "father-learning-disability-baby",
              "Ruby will never be put down on the settee to sleep.", kAddresses},
             // a goal about something else in the same home is still not the danger
             {not_met, "father-learning-disability-baby",
              "Joel and Cerys will keep the flat tidy every day.", kAddresses},
             // keeping the adult who is the worry away from the children answers the violence
             {met, "months-of-reviews",
              "Sophie will keep Liam away from Maisie and Theo every night he has been drinking.", kAddresses},
         }},
        {"SG-ADDRESSES-DANGER: a child's own attendance is the danger of a case about missed school, not a service",
         {
             {met, "school-referral-three-questions",
              "Leila and Karim will make sure Amir's attendance is back to every day this term.", kAddresses},
             // the parents' own course is still a service, not the danger answered
             {not_met, "school-referral-three-questions",
              "Leila will go to a parenting course every week.", kAddresses},
         }},
        {"SG-ADDRESSES-DANGER: the case's own danger word naming a team or a course is the service, not the danger",
         {
             {not_met, "teen-missing-boyfriend",
              "Leah will go to all her sessions with the missing persons team every week.", kAddresses},
             // the same word said of what the family does is the danger answered
             {met, "teen-missing-boyfriend",
              "If Leah goes missing, Mo will ring her and Tony will go and pick her up, every time.", kAddresses},
         }},
        {"SG-ADDRESSES-DANGER: what a course or a professional is about is not the danger answered",
         {
             {not_met, "reference-case", "Ryan will do a course about alcohol.", kAddresses},
             {not_met, "reference-case", "Ryan will see his GP about his drinking by Friday.", kAddresses},
             // the same theme in what the family does still answers it
             {met, "reference-case", "Ryan will stay at Dean's every time he has been drinking.", kAddresses},
         }},
        {"SG-ADDRESSES-DANGER: a child a professional sees alone is a private talk, not a child left alone",
         {
             {not_met, "first-day-short-case",
              "The social worker will visit every four weeks and see Kacper alone.", kAddresses},
             // a child left alone is the danger of the same case
             {met, "first-day-short-case", "Aga will never leave Kacper alone at night again.", kAddresses},
         }},
    });
}
