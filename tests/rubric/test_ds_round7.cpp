// The seventh round's danger-statement reading: who does what to whom, moved
// out of DS-CAREGIVER-BEHAVIOUR into assessment/rubric/reading/ (doers.hpp,
// deeds.hpp) with its small words in content/lexicons/clause-words.txt.
// Sentences written for this test, not taken from any labelled set.
#include "examples.hpp"
#include "rubric/reading/deeds.hpp"
#include "rubric/text/words.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;
using sofs::testing::find;

namespace {

bool met(const std::string& case_id, const std::string& text, const char* criterion) {
    return sofs::testing::met_in_case(assess_danger_statement, case_id, text, criterion);
}

constexpr const char* kBehaviour = "DS-CAREGIVER-BEHAVIOUR";

}  // namespace

TEST_CASE("clause-words.txt has every section the reading of who does what reads") {
    sofs::testing::check_lexicon_sections("clause-words", {"get-passive", "unable", "got-object", "away", "can", "joint",
                                                           "too-linking", "deed-lead", "not-deed", "keeper", "before-object",
                                                           "not-subject-before", "preposition-object", "joined-lead",
                                                           "ability"});
}

TEST_CASE("DS-CAREGIVER-BEHAVIOUR: the doer is read past objects of prepositions and possessives") {
    // a deed joined by "and" is the subject's, not the object's after "with"
    CHECK(met("reference-case", "We worry that Ryan will argue with Jade and leave Mia alone in the bath.", kBehaviour));
    // the possessive is whose thing it is, not who does it
    CHECK_FALSE(met("reference-case", "We worry about Ryan's friends and the noise at night.", kBehaviour));
}

TEST_CASE("DS-CAREGIVER-BEHAVIOUR: saying and loving are no deed done to a child") {
    CHECK_FALSE(met("reference-case", "We worry because Ryan says he loves Mia.", kBehaviour));
    CHECK(met("reference-case", "We worry that Ryan may shake Mia when she cries.", kBehaviour));
}

TEST_CASE("DS-CAREGIVER-BEHAVIOUR: omissions through 'unable to' and 'too ... to'") {
    CHECK(met("reference-case", "We worry that Jade may be too tired to feed Mia at night.", kBehaviour));
    CHECK(met("reference-case", "We worry that Ryan could be unable to feed Mia when Jade is out.", kBehaviour));
    CHECK_FALSE(met("reference-case", "We worry that Jade is not protective.", kBehaviour));
}

TEST_CASE("DS-FUTURE: 'can' with a person before it reaches a harm later in the clause") {
    CHECK(met("reference-case", "We worry that when Ryan drinks Mia can climb out of her cot and fall down the stairs.", "DS-FUTURE"));
    // no person before "can": the harm must follow closely
    CHECK_FALSE(met("reference-case", "Jade says it can be hard with two little ones at home and the stairs.", "DS-FUTURE"));
    // not "can't"
    CHECK_FALSE(met("reference-case", "Ryan can't remember the night Jade fell.", "DS-FUTURE"));
}

TEST_CASE("DS-CAREGIVER-BEHAVIOUR: a deed held to be right ('thinks smacking is fine') is an opinion, not the deed") {
    CHECK_FALSE(met("reference-case", "We worry that Ryan thinks shouting is normal.", kBehaviour));
    CHECK(met("reference-case", "We worry that Ryan thinks shouting is normal and will push Jade again.", kBehaviour));
}
