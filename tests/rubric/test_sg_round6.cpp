// Safety goals, sixth round: what a caregiver makes sure of, a child's own
// ordinary deed, keeping a person away (SG-OBSERVABLE); "any more" as from now
// on (SG-OVER-TIME); the professionals' plans and an adult going to a
// professional as services (SG-NOT-SERVICE). Each check could fail: the "not
// met" ones guard the limits of the rule beside them.
#include "examples.hpp"

#include <doctest/doctest.h>

using namespace sofs;
using enum sofs::testing::Expect;
using sofs::testing::check_rules;

TEST_CASE("the sixth round's rules for safety goals, each checked both ways") {
    check_rules(assess_safety_goal, {
        {"SG-OBSERVABLE: what a caregiver makes sure of is judged by the deed or presence in it",
         {
             {met, "reference-case", "Jade and Ryan will make sure that Kai goes to nursery.", "SG-OBSERVABLE"},
             {met, "first-day-short-case", "Aga will make sure an adult minds Kacper.", "SG-OBSERVABLE"},
             {met, "teen-online-exploitation", "Karen will make sure an adult is with Josh.", "SG-OBSERVABLE"},
             {met, "low-mood-neglect", "Nia will make sure Cai and Mali have a hot meal.", "SG-OBSERVABLE"},
             // no deed in what is made sure of, or only the case's care task said as had
             {not_met, "neglect-early-years", "Marcus will ensure Lily's needs are met.", "SG-OBSERVABLE"},
             {not_met, "conference-scaling-differences",
              "Mererid and Iwan will make sure Osian has his insulin.", "SG-OBSERVABLE"},
             // what is made sure of is ruled out, not seen
             {not_met, "toddler-parent-drug-use",
              "Claire will make sure Finn is never left on his own.", "SG-OBSERVABLE"},
         }},
        {"SG-OBSERVABLE: a child's own ordinary deed is seen; a part of the child, an absence or a quality only is not",
         {
             {met, "conference-scaling-differences", "Lowri and Osian will have their tea with Nain.", "SG-OBSERVABLE"},
             {met, "low-mood-neglect", "Cai will go back to football club.", "SG-OBSERVABLE"},
             {not_met, "school-referral-three-questions", "Amir's hand will heal.", "SG-OBSERVABLE"},
             {not_met, "unexplained-injury-baby", "Leo will have no more bruises.", "SG-OBSERVABLE"},
             {not_met, "teen-missing-boyfriend", "Leah will have a safe adult.", "SG-OBSERVABLE"},
             {not_met, "reference-case", "Mia and Kai will grow up in a loving home.", "SG-OBSERVABLE"},
         }},
        {"SG-OBSERVABLE: keeping a person or a quarrel away is an absence, keeping a thing away a deed",
         {
             {not_met, "months-of-reviews", "Sophie will keep Liam away from the children.", "SG-OBSERVABLE"},
             {not_met, "reference-case", "Jade and Ryan will keep arguments away from the children.", "SG-OBSERVABLE"},
             {met, "toddler-parent-drug-use", "Claire will keep the tablets away from Finn.", "SG-OBSERVABLE"},
             // still the caregivers doing something
             {met, "months-of-reviews", "Sophie will keep Liam away from the children.", "SG-CAREGIVER-ACTION"},
         }},
        {"SG-OVER-TIME: \"any more\" closing its clause means from now on",
         {
             {met, "first-day-short-case", "Ola will not babysit Kacper any more.", "SG-OVER-TIME"},
             {met, "low-mood-neglect", "Cai won't have to cook anymore, because Nain will.", "SG-OVER-TIME"},
             {not_met, "toddler-parent-drug-use",
              "Claire will not take any more tablets than she is prescribed.", "SG-OVER-TIME"},
             {met, "practice-lead-mapping", "Dad walks away. 6/12.", "SG-OVER-TIME"},
         }},
        {"SG-NOT-SERVICE: the professionals' plans and an adult going to a professional are services",
         {
             {not_met, "unexplained-injury-baby", "A CP plan will be in place.", "SG-NOT-SERVICE"},
             {not_met, "months-of-reviews", "Sophie will keep seeing Kasia weekly.", "SG-NOT-SERVICE"},
             // a child going to nursery is the child's own life
             {met, "toddler-parent-drug-use", "Finn will go to nursery every day.", "SG-NOT-SERVICE"},
         }},
        {"SG-CAREGIVER-ACTION: a caregiver being with a child, or driving the family to clinic, is a deed of care",
         {
             {met, "conference-scaling-differences",
              "Mam or Nain will be with Osian every evening.", "SG-CAREGIVER-ACTION"},
             {met, "conference-scaling-differences", "Elin will drive Osian to clinic.", "SG-CAREGIVER-ACTION"},
             // a person not named is no caregiver (the practice leads' labels)
             {not_met, "school-referral-three-questions",
              "An adult will be with Sami at all times.", "SG-CAREGIVER-ACTION"},
             // a child going to a service: observable, but a service
             {met, "school-referral-three-questions", "Amir will attend breakfast club daily.", "SG-OBSERVABLE"},
             {not_met, "school-referral-three-questions", "Amir will attend breakfast club daily.", "SG-NOT-SERVICE"},
         }},
        {"SG-OVER-TIME: \"this week\" says when, once; \"weekly\" and \"each of ...'s trips\" say how often",
         {
             {not_met, "low-mood-neglect", "Nia will see her GP next week.", "SG-OVER-TIME"},
             {not_met, "first-day-short-case", "Aga will write a late-shift plan this week.", "SG-OVER-TIME"},
             {met, "first-day-short-case", "Jean will ring the school weekly.", "SG-OVER-TIME"},
             {met, "toddler-parent-drug-use",
              "For the first week of each of Sam's trips, Bernie will stay at the flat.", "SG-OVER-TIME"},
         }},
        {"SG-OBSERVABLE: a thing shown to someone is seen; showing that one can is a promise",
         {
             {met, "teen-missing-boyfriend", "Leah will show Kez any message she gets from Dean.", "SG-OBSERVABLE"},
             {not_met, "teen-missing-boyfriend", "Tony and Mo will show Leah they care.", "SG-OBSERVABLE"},
             {not_met, "practice-lead-mapping", "Gwŷn will show Ffion that he can change.", "SG-OBSERVABLE"},
         }},
        {"SG-OBSERVABLE: what the family tells a professional can be checked, unless told only if it goes wrong",
         {
             {met, "school-referral-three-questions",
              "Leila will tell the school when she is unwell.", "SG-OBSERVABLE"},
             {not_met, "reference-case",
              "Jade will tell the social worker if there are any more incidents.", "SG-OBSERVABLE"},
         }},
    });
}
