// The sixth round's rules for danger statements (DS-WHO, DS-CAREGIVER-BEHAVIOUR,
// DS-CHILD-IMPACT, DS-NON-BLAMING), each checked both ways on sentences written
// for this test, not taken from any labelled set. assessment/CRITERIA.md says why.
#include "examples.hpp"

#include <doctest/doctest.h>

using namespace sofs;
using enum sofs::testing::Expect;
using sofs::testing::check_rules;

namespace {

constexpr const char* kBehaviour = "DS-CAREGIVER-BEHAVIOUR";

}  // namespace

TEST_CASE("the sixth round's rules for danger statements, each checked both ways") {
    check_rules(assess_danger_statement, {
        {"DS-CAREGIVER-BEHAVIOUR: a deed joined by 'and' is the earlier clause's adult's when a child is its object",
         {
             {met, "first-day-short-case",
              "We worry that Aga will finish late at the factory and leave Kacper at home by himself.", kBehaviour},
             // joined "can't" says what a circumstance stops (left to the omission rules)
             {not_met, "teen-missing-boyfriend",
              "We worry that Tony works long hours and can't drive Leah to boxing.", kBehaviour},
         }},
        {"DS-CAREGIVER-BEHAVIOUR: the doer is read past a second subject and past a 'who' clause between commas",
         {
             {met, "teen-missing-boyfriend",
              "We are worried that Dean or his mates could drive Leah to a flat in another town.", kBehaviour},
             {met, "conference-scaling-differences",
              "We worry that Iwan, who works long days on the farm, could leave Osian to check his own sugar.",
              kBehaviour},
             {not_met, "conference-scaling-differences",
              "We worry that Iwan, who loves Osian very much, is tired.", kBehaviour},
         }},
        {"DS-CAREGIVER-BEHAVIOUR: 'unable to' a deed with no object or done to a child is an omission",
         {
             {met, "neglect-early-years",
              "We are worried that on bad days Marcus may be unable to get up.", kBehaviour},
             {not_met, "unexplained-injury-baby",
              "Priya and Tomasz have been unable to give a clear account of the injuries.", kBehaviour},
             // the one unable is a child
             {not_met, "toddler-parent-drug-use", "We worry that Rory is unable to wake his mum.", kBehaviour},
         }},
        {"DS-CAREGIVER-BEHAVIOUR: 'change' with a child after it is a deed, alone an inner change",
         {
             {met, "reference-case", "We worry that Ryan may not change Mia's nappy when Jade is out.", kBehaviour},
             {not_met, "reference-case", "We worry that Ryan may not change.", kBehaviour},
         }},
        {"DS-CAREGIVER-BEHAVIOUR: a harm said in the passive of the child is not the adult's deed",
         {
             {not_met, "teen-missing-boyfriend",
              "Kez is worried that if Dean carries on, Leah could end up badly hurt.", kBehaviour},
             // the doer after "by" still counts
             {met, "practice-lead-mapping",
              "We worry that Elis could be hurt again by his dad at bedtime.", kBehaviour},
         }},
        {"DS-CAREGIVER-BEHAVIOUR: in notes a sentence opening with a deed done to someone is the last adult's",
         {
             {met, "reference-case", "Ryan came home late. Grabbed Kai by the arm on Sunday.", kBehaviour},
             {not_met, "reference-case", "Ryan came home late. Missed school twice.", kBehaviour},
         }},
        {"Reading people: a child named by age is the case's only child of that age",
         {
             {met, "teen-online-exploitation",
              "We worry that Karen will be on shift and will leave a 14 year old to mind her brother.", kBehaviour},
             {met, "toddler-parent-drug-use",
              "We are worried that a 2 year old could fall down the stairs.", "DS-CHILD-IMPACT"},
             // no child of the case is five
             {not_met, "toddler-parent-drug-use",
              "We are worried that a 5 year old could fall down the stairs.", "DS-CHILD-IMPACT"},
         }},
        {"DS-WHO: 'me', a conference and a gut feeling hold a worry; a view that nothing will happen does not",
         {
             {met, "reference-case", "What worries me most is that Ryan could push Jade.", "DS-WHO"},
             {met, "reference-case", "Worried (me + police): Ryan could push Jade again.", "DS-WHO"},
             {met, "reference-case", "The conference is worried that Ryan could push Jade.", "DS-WHO"},
             {met, "school-referral-three-questions",
              "Mr Brennan has a gut feeling that Amir is not safe at home.", "DS-WHO"},
             {met, "reference-case", "I feel Kai is frightened of Ryan.", "DS-WHO"},
             {not_met, "reference-case", "We don't think Ryan will push Jade again.", "DS-WHO"},
             {not_met, "reference-case", "We think it was a one-off.", "DS-WHO"},
         }},
        {"DS-NON-BLAMING: verdicts on honesty and demeanour are labels; a child too frightened to tell is not",
         {
             {not_met, "reference-case", "We worry that Jade seemed too calm at the hospital.", "DS-NON-BLAMING"},
             {not_met, "reference-case",
              "We worry that Ryan is not telling the truth about the drinking.", "DS-NON-BLAMING"},
             {met, "reference-case", "We worry that Kai could be too frightened to tell anyone.", "DS-NON-BLAMING"},
         }},
    });
}
