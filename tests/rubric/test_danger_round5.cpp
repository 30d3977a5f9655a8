// The fifth round's rules for danger statements (DS-CAREGIVER-BEHAVIOUR and
// DS-CHILD-IMPACT), each checked both ways on sentences written for this test,
// not taken from any labelled set. assessment/CRITERIA.md says why.
#include "examples.hpp"

#include <doctest/doctest.h>

using namespace sofs;
using enum sofs::testing::Expect;
using sofs::testing::check_rules;

TEST_CASE("the fifth round's rules for danger statements, each checked both ways") {
    check_rules(assess_danger_statement, {
        {"DS-CAREGIVER-BEHAVIOUR: 'too ... to' is a deed left undone, unless what follows is no deed",
         {
             {met, "neglect-early-years",
              "We worry that on dark mornings Marcus is too tired to make Lily any breakfast.",
              "DS-CAREGIVER-BEHAVIOUR"},
             {met, "school-referral-three-questions",
              "We are worried that Leila could be too unwell to walk the boys to school.", "DS-CAREGIVER-BEHAVIOUR"},
             // being, an inner state and care said only in general are no deed
             {not_met, "neglect-early-years",
              "We worry that Marcus is too sad to be a good dad.", "DS-CAREGIVER-BEHAVIOUR"},
             {not_met, "neglect-early-years",
              "We worry that Marcus is too grief-stricken to understand.", "DS-CAREGIVER-BEHAVIOUR"},
             // the one too tired is a child: no adult's omission
             {not_met, "neglect-early-years",
              "We worry that Lily is too small to climb out of her cot.", "DS-CAREGIVER-BEHAVIOUR"},
         }},
        {"DS-CAREGIVER-BEHAVIOUR: 'is not' with a state, and care said only in general, are no omission",
         {
             {not_met, "unexplained-injury-baby",
              "We are worried that Tomasz is not careful enough.", "DS-CAREGIVER-BEHAVIOUR"},
             {not_met, "unexplained-injury-baby",
              "We are worried that Priya does not care about anyone.", "DS-CAREGIVER-BEHAVIOUR"},
             {not_met, "unexplained-injury-baby",
              "We are worried that Tomasz won't tell us the truth.", "DS-CAREGIVER-BEHAVIOUR"},
             // a deed after "care enough to" is still a deed left undone
             {met, "neglect-early-years",
              "We are worried Marcus doesn't care enough to warm the flat for Lily.", "DS-CAREGIVER-BEHAVIOUR"},
             // an adult not there when the child needs them
             {met, "neglect-early-years",
              "We worry that Lily cries in her cot because Marcus isn't up.", "DS-CAREGIVER-BEHAVIOUR"},
         }},
        {"DS-CAREGIVER-BEHAVIOUR: an omission joined to an earlier clause counts when a child follows it",
         {
             {met, "low-mood-neglect",
              "We worry that Nia goes back to bed after lunch and does not collect Mali from school.",
              "DS-CAREGIVER-BEHAVIOUR"},
             // joined, but about no child: no omission towards the child
             {not_met, "low-mood-neglect",
              "We worry that Nia feels low and has not phoned the doctor.", "DS-CAREGIVER-BEHAVIOUR"},
         }},
        {"DS-CAREGIVER-BEHAVIOUR: a relative clause's verb, a deed done wrongly, more of a drug than meant",
         {
             {met, "teen-missing-boyfriend",
              "We are worried that the men who took Leah to a party will do it again.", "DS-CAREGIVER-BEHAVIOUR"},
             {met, "father-learning-disability-baby",
              "We are worried that Joel could get the water wrong in the bottles.", "DS-CAREGIVER-BEHAVIOUR"},
             {met, "toddler-parent-drug-use",
              "We worry that Claire will take too many pills again.", "DS-CAREGIVER-BEHAVIOUR"},
         }},
        {"reading: a listed misspelling is read as the word meant",
         {
             // "mite" is "might": the adult before it is the subject of "not change"
             {met, "neglect-early-years",
              "We worry Marcus mite not change Lily when she is wet.", "DS-CAREGIVER-BEHAVIOUR"},
         }},
        {"DS-CHILD-IMPACT: a pronoun no one in the text is named for is the case's only child it fits",
         {
             {met, "teen-missing-boyfriend",
              "We worry that the man in the black car will hurt her again.", "DS-CHILD-IMPACT"},
             // two girls in the case: "her" could be either, so no child is identified
             {not_met, "father-learning-disability-baby", "We worry that someone will hurt her.", "DS-CHILD-IMPACT"},
         }},
        {"DS-CHILD-IMPACT: 'A or B ... they' is both; a bare 'baby' in notes is this family's",
         {
             {met, "practice-lead-mapping",
              "We worry Gwŷn could slap Elis or Mali, and they could be bruised.", "DS-CHILD-IMPACT"},
             {met, "father-learning-disability-baby",
              "Bottles made too weak. Baby could lose weight.", "DS-CHILD-IMPACT"},
             // "a baby" is any baby
             {not_met, "father-learning-disability-baby", "We worry a baby could lose weight.", "DS-CHILD-IMPACT"},
         }},
        {"DS-CHILD-IMPACT: the adult's deed is not yet its effect; a risk status is no effect",
         {
             {not_met, "practice-lead-mapping", "We worry that Gwŷn might slap Elis at bedtime.", "DS-CHILD-IMPACT"},
             {met, "practice-lead-mapping", "We worry that Elis might be hit at bedtime.", "DS-CHILD-IMPACT"},
             // hurt is an effect whoever does it
             {met, "practice-lead-mapping", "We worry that Gwŷn might hurt Elis at bedtime.", "DS-CHILD-IMPACT"},
             {not_met, "first-day-short-case",
              "We are worried that Kacper is at risk of being left alone.", "DS-CHILD-IMPACT"},
             {met, "first-day-short-case",
              "We are worried that Kacper could be left alone and be terrified.", "DS-CHILD-IMPACT"},
         }},
        {"DS-FUTURE: 'can' or 'maybe' before a harm or a deed looks forward; 'cannot' does not",
         {
             {met, "reference-case",
              "We worry Ryan when he drink can shout at Jade and Kai can be frightened.", "DS-FUTURE"},
             {met, "first-day-short-case", "Social worker worry Aga maybe leave Kacper alone at night.", "DS-FUTURE"},
             {not_met, "first-day-short-case", "Kacper cannot sleep when he is alone at night.", "DS-FUTURE"},
         }},
        {"DS-WHO: the writer or a professional who thinks something could happen holds the worry",
         {
             {met, "neglect-early-years", "We think Marcus might not warm the flat for Lily.", "DS-WHO"},
             {met, "practice-lead-mapping", "The headteacher is worried that Elis could be hit.", "DS-WHO"},
             // a view that nothing will happen, or a caregiver's view, holds no worry
             {not_met, "neglect-early-years", "We think it was a one-off and things are fine now.", "DS-WHO"},
             {not_met, "neglect-early-years", "Marcus thinks Lily might be cold.", "DS-WHO"},
         }},
    });
}
