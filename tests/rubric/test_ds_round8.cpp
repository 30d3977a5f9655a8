// The eighth round's danger-statement choices (assessment/CRITERIA.md,
// DS-CAREGIVER-BEHAVIOUR and DS-NON-BLAMING): a worry that someone "may not
// cope" is no verdict; a choice ranked above a child and a parent's learning
// disability are; a joined omission whose purpose is done to a child is
// behaviour; "too stupid to" says what someone cannot do.
// Sentences written for this test, not taken from any labelled set.
#include "examples.hpp"
#include "rubric/text/words.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;

namespace {

bool met(const std::string& case_id, const std::string& text, const char* criterion) {
    return sofs::testing::met_in_case(assess_danger_statement, case_id, text, criterion);
}

constexpr const char* kBehaviour = "DS-CAREGIVER-BEHAVIOUR";
constexpr const char* kBlame = "DS-NON-BLAMING";

}  // namespace

TEST_CASE("clause-words.txt has the eighth round's sections") {
    sofs::testing::check_lexicon_sections("clause-words", {"possibility", "ranking", "diagnosis-service", "capacity"});
}

TEST_CASE("DS-NON-BLAMING: 'may not cope' is a worry, 'is not coping' a verdict") {
    CHECK(met("reference-case", "We worry that Jade might not cope with Mia at night, and Mia could be hurt.", kBlame));
    CHECK_FALSE(met("reference-case", "Jade is not coping and Mia could be hurt.", kBlame));
}

TEST_CASE("DS-NON-BLAMING: a choice ranked above a child reads a motive into it") {
    CHECK_FALSE(met("reference-case", "We worry that Ryan puts his mates ahead of Kai and will go out drinking.", kBlame));
    CHECK_FALSE(met("reference-case", "We worry that Jade chooses her phone over the children.", kBlame));
    // not when what follows is no child: an order of events, not a ranking
    CHECK(met("reference-case", "We worry that Jade will put the plates before the pram and trip on them.", kBlame));
    // not ruled out
    CHECK(met("reference-case", "We worry that Ryan may push Jade, though he would never put drink before Kai.", kBlame));
}

TEST_CASE("DS-NON-BLAMING: a parent's learning disability is a label; a service for it is not") {
    CHECK_FALSE(met("reference-case", "We worry that as Ryan has a learning disability he may drop Mia.", kBlame));
    CHECK_FALSE(met("reference-case", "Drinking. Mum LD. Pushing.", kBlame));
    CHECK(met("reference-case", "We and the LD team worry that Ryan may drop Mia when he drinks.", kBlame));
}

TEST_CASE("DS-CAREGIVER-BEHAVIOUR: a joined omission whose purpose is done to a child") {
    CHECK(met("conference-scaling-differences",
              "We worry Mererid will be at the shop late and won't come back to check Osian's meter.", kBehaviour));
    // not a preposition's "to" with a child only in the next clause
    CHECK_FALSE(met("conference-scaling-differences",
                    "We worry Lowri is sad and won't talk to anyone, so Osian is lonely.", kBehaviour));
}

TEST_CASE("DS-CAREGIVER-BEHAVIOUR: an inner state before a comma is not made a deed by the child after it") {
    CHECK_FALSE(met("reference-case", "The nurse feels Jade won't cope, Mia may be at risk.", kBehaviour));
    CHECK(met("reference-case", "The nurse feels Jade may not change Mia when she is wet.", kBehaviour));
}

TEST_CASE("DS-CAREGIVER-BEHAVIOUR: 'too stupid to' is capacity, 'too tired to' an omission") {
    CHECK_FALSE(met("reference-case", "Jade is too stupid to read the forms from the school.", kBehaviour));
    CHECK(met("reference-case", "We worry that Jade may be too tired to get up for Mia.", kBehaviour));
}

TEST_CASE("DS-CAREGIVER-BEHAVIOUR: a deed done 'incorrectly' is done wrongly") {
    CHECK(met("father-learning-disability-baby", "We worry that Cerys may keep making up the bottles incorrectly.", kBehaviour));
}

TEST_CASE("DS-CAREGIVER-BEHAVIOUR: an unnamed adult known by caring for a child of the case") {
    CHECK(met("reference-case", "We worry that an adult looking after Mia might shake her when she cries.", kBehaviour));
    CHECK(met("reference-case", "We worry that whoever minds Kai, even on a good day, could smack him.", kBehaviour));
    // not someone known by nothing, nor a joined clause's words
    CHECK_FALSE(met("reference-case", "We worry someone will be cross. Kai could be scared.", kBehaviour));
    CHECK_FALSE(met("reference-case", "Mia will be hurt by somebody who looks after her because nobody explains how her arm broke.",
                    kBehaviour));
}

TEST_CASE("DS-NON-BLAMING: a verdict on someone as a parent or on their priorities") {
    CHECK_FALSE(met("reference-case", "Jade is not good parent, Mia could be hurt.", kBlame));
    CHECK_FALSE(met("reference-case", "We worry Ryan is unable to prioritise Kai and Mia.", kBlame));
    // a thing that is not good for a child is no verdict on a person
    CHECK(met("reference-case", "We worry Ryan could push Jade, and this is not good for Kai.", kBlame));
}

TEST_CASE("DS-CAREGIVER-BEHAVIOUR: the doer after 'by' may come later in the clause, not past a comma") {
    CHECK(met("reference-case", "We worry that Mia could be left on her own in the bath again by her mum.", kBehaviour));
    CHECK_FALSE(met("reference-case", "We worry that Mia could be left on her own, shocked by the noise.", kBehaviour));
}

TEST_CASE("DS-NON-BLAMING: blame put on the child for what is done to them") {
    CHECK_FALSE(met("teen-online-exploitation", "We worry Maya keeps putting herself in danger with Jay.", kBlame));
    CHECK_FALSE(met("teen-online-exploitation", "Maya makes risky choices online and Jay could hurt her.", kBlame));
    CHECK(met("teen-online-exploitation", "We worry that Jay could ask Maya for pictures and she could be scared.", kBlame));
}

TEST_CASE("DS-NON-BLAMING: a label word said of a thing is no verdict on a person") {
    CHECK(met("reference-case", "We worry Ryan will push Jade again. This is dangerous for Kai and Mia.", kBlame));
    CHECK_FALSE(met("reference-case", "Ryan is dangerous and Kai could be hurt.", kBlame));
}

TEST_CASE("DS-CAREGIVER-BEHAVIOUR: a deed by its '-ing' after 'is' and one word") {
    CHECK(met("reference-case", "Jade is careless leaving Mia in the bath on her own.", kBehaviour));
    CHECK_FALSE(met("reference-case", "Jade is careless and tired.", kBehaviour));
}

TEST_CASE("DS-CAREGIVER-BEHAVIOUR: a possessive further back is not the adult of the case's deed words") {
    CHECK_FALSE(met("teen-online-exploitation",
                    "We worry that if no grown-up is in on Karen's work nights, Josh could wake up on his own.", kBehaviour));
    CHECK(met("teen-online-exploitation", "We worry that Karen could leave Josh on his own on her work nights.", kBehaviour));
}
