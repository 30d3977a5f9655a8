// Safety goals, seventh round: a manner or an inner state with no deed, and a
// home said only by what is not in it, are nothing anyone could see happening
// (SG-OBSERVABLE, content/lexicons/manner.txt). Each check could fail: the
// "met" ones guard the limits of the rule beside them.
#include "examples.hpp"

#include <doctest/doctest.h>

using namespace sofs;
using enum sofs::testing::Expect;
using sofs::testing::check_rules;

TEST_CASE("a manner alone, or a home without something, is not observable; a deed done in a manner is") {
    check_rules(assess_safety_goal, {
        {"SG-OBSERVABLE: a manner or an inner state with no deed is not seen",
         {
             {not_met, "reference-case", "Ryan will stay calm with Kai and Mia from now on.", "SG-OBSERVABLE"},
             {not_met, "practice-lead-mapping", "Gwŷn will be calmer with the children at bedtime.", "SG-OBSERVABLE"},
             {not_met, "teen-missing-boyfriend", "Tony and Mo will trust Leah more.", "SG-OBSERVABLE"},
             {not_met, "practice-lead-mapping", "Mealtimes will be calm.", "SG-OBSERVABLE"},
             {not_met, "reference-case", "Jade and Ryan will talk to each other respectfully.", "SG-OBSERVABLE"},
             {not_met, "teen-online-exploitation", "Paul will know where Maya is on Saturday nights.", "SG-OBSERVABLE"},
             // knowing joined to a deed: the deed is seen
             {met, "teen-online-exploitation",
              "Paul will know where Maya is on Saturday nights and will collect her by ten.", "SG-OBSERVABLE"},
             // a deed done in a manner is a deed
             {met, "practice-lead-mapping", "Gwŷn will read Elis a story calmly every bedtime.", "SG-OBSERVABLE"},
             {met, "reference-case", "Jade and Ryan will talk calmly at the kitchen table when they disagree.",
              "SG-OBSERVABLE"},
             // a manner someone in the goal is named to see is seen
             {met, "reference-case", "Ryan will stay calm at bath time, and Linda will see this each week.",
              "SG-OBSERVABLE"},
         }},
        {"SG-OBSERVABLE: a home said only by what is not in it is an absence",
         {
             {not_met, "reference-case", "Kai and Mia will live in a house with no shouting.", "SG-OBSERVABLE"},
             {not_met, "reference-case", "Kai and Mia will grow up in a home where no one is hit.", "SG-OBSERVABLE"},
             // a home with the family's deed in it is seen
             {met, "reference-case", "Kai and Mia will live in a home where Jade and Ryan sort out rows by talking.",
              "SG-OBSERVABLE"},
         }},
    });
}
