// Safety goals, fifth round: the case's own danger topic (SG-ADDRESSES-DANGER),
// the present tense of notes and plans (SG-CAREGIVER-ACTION, SG-OBSERVABLE), an
// attitude that a concrete verb does not make observable, and an adult's own
// antidepressants as treatment (SG-NOT-SERVICE). Each check could fail: the
// "not met" ones guard the limits of the rule beside them.
#include "examples.hpp"

#include <doctest/doctest.h>

using namespace sofs;
using enum sofs::testing::Expect;
using sofs::testing::check_rules;

namespace {

// Sentences judged by two criteria each.
constexpr const char* kNote = "Liam goes to Jen's whenever he's wound up. Jen tells Graham.";
constexpr const char* kSupported = "Joel will be supported by his network to parent Ruby.";

}  // namespace

TEST_CASE("the fifth round's rules for safety goals, each checked both ways") {
    check_rules(assess_safety_goal, {
        {"SG-ADDRESSES-DANGER: a word of the case's own danger, said of the child, links the goal to it",
         {
             // "diabetes" is in the case's expert danger statements, not in any lexicon of themes
             {met, "conference-scaling-differences",
              "Mererid and Iwan will always make sure Osian's diabetes is looked after properly.",
              "SG-ADDRESSES-DANGER"},
             // without a child the topic word alone is too loose a link
             {not_met, "reference-case", "Jade will keep the washing off the sofa every day.", "SG-ADDRESSES-DANGER"},
             // what professionals alone do is not the family answering the danger
             {not_met, "conference-scaling-differences",
              "The diabetes nurse will check Osian's diabetes every month.", "SG-ADDRESSES-DANGER"},
         }},
        {"the present tense of notes and plans is a deed: SG-CAREGIVER-ACTION and SG-OBSERVABLE",
         {
             {met, "months-of-reviews", kNote, "SG-CAREGIVER-ACTION"},
             {met, "months-of-reviews", kNote, "SG-OBSERVABLE"},
             // after "when" it is a condition, not a deed
             {not_met, "months-of-reviews", "When Liam gets home late.", "SG-CAREGIVER-ACTION"},
         }},
        {"SG-OBSERVABLE: an attitude is not made observable by the concrete verb inside it",
         {
             {not_met, "conference-scaling-differences",
              "Mererid and Iwan will take Osian's diabetes seriously every day.", "SG-OBSERVABLE"},
             {met, "conference-scaling-differences", "Nain will take Osian to clinic every month.", "SG-OBSERVABLE"},
         }},
        {"SG-NOT-SERVICE: an adult's own antidepressants are treatment, like medication",
         {
             {not_met, "low-mood-neglect", "Nia will take her antidepressants every day.", "SG-NOT-SERVICE"},
         }},
        {"help received is a service nobody sees: SG-NOT-SERVICE and SG-OBSERVABLE",
         {
             {not_met, "father-learning-disability-baby", kSupported, "SG-NOT-SERVICE"},
             {not_met, "father-learning-disability-baby", kSupported, "SG-OBSERVABLE"},
             // attending is still checkable
             {met, "father-learning-disability-baby",
              "Joel will go to every weighing appointment with Ruby.", "SG-OBSERVABLE"},
         }},
    });
}
