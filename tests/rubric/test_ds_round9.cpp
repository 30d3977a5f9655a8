// The tenth round's DS-NON-BLAMING choices (assessment/CRITERIA.md,
// DS-NON-BLAMING): a verdict on someone as a mother or father, "disguised
// compliance", "refuses to engage" and everyone's honesty at once are labels;
// a label word done to a child ("could be bullied") and a kind of behaviour
// ("his controlling behaviour") are not; a negation cancels a label only when
// it stands right before it.
// Sentences written for this test, not taken from any labelled set.
#include "examples.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;

namespace {

bool met(const std::string& case_id, const std::string& text, const char* criterion) {
    return sofs::testing::danger_met(case_id, text, criterion);
}

constexpr const char* kBlame = "DS-NON-BLAMING";

}  // namespace

TEST_CASE("clause-words.txt has the tenth round's sections") {
    sofs::testing::check_lexicon_sections("clause-words", {"behaviour-kind", "behaviour-noun"});
}

TEST_CASE("DS-NON-BLAMING: a verdict on someone as a mother or father") {
    CHECK_FALSE(met("reference-case", "Jade not good mum, Kai could get hurt.", kBlame));
    CHECK_FALSE(met("reference-case", "Ryan is not a good dad and Mia could be dropped.", kBlame));
    CHECK_FALSE(met("reference-case", "Jade cannot be a good mother to two children.", kBlame));
    // a worry about what could happen stays met
    CHECK(met("reference-case", "We worry that Jade may not take Kai to Linda's when Ryan drinks.", kBlame));
}

TEST_CASE("DS-NON-BLAMING: compliance read as a pretence, refusal to engage, everyone's honesty") {
    CHECK_FALSE(met("reference-case", "Disguised compliance from mum; Ryan still drinking.", kBlame));
    CHECK_FALSE(met("reference-case", "Ryan refuses to engage and may push Jade again while she holds Mia.", kBlame));
    CHECK_FALSE(met("reference-case", "Nobody is being honest about how Jade fell.", kBlame));
}

TEST_CASE("DS-NON-BLAMING: a label word done to a child is no label") {
    CHECK(met("reference-case", "We worry that Kai could be bullied at nursery if Ryan shouts at the gate.", kBlame));
    CHECK(met("reference-case", "We worry that Kai gets bullied because of the shouting.", kBlame));
    CHECK_FALSE(met("reference-case", "Ryan is a bully and Kai could be hurt.", kBlame));
}

TEST_CASE("DS-NON-BLAMING: a kind of behaviour is what someone does") {
    CHECK(met("reference-case", "We worry that Ryan's controlling behaviour could get worse and Kai will be frightened.", kBlame));
    CHECK_FALSE(met("reference-case", "Ryan is controlling and Kai will be frightened.", kBlame));
}

TEST_CASE("DS-NON-BLAMING: a negation cancels only the label right after it") {
    CHECK(met("reference-case", "Jade is not a bad mother; we worry Ryan may push her while she holds Mia.", kBlame));
    CHECK(met("reference-case", "Ryan has never been violent before, but we worry he may push Jade again.", kBlame));
    CHECK_FALSE(met("reference-case", "Ryan doesn't have the brains to look after Mia when he drinks.", kBlame));
    CHECK_FALSE(met("reference-case", "I don't think Jade is being honest with herself about Ryan.", kBlame));
}

TEST_CASE("DS-CHILD-IMPACT: a deed that names what it breaks on the child is its effect") {
    const char* kImpact = "DS-CHILD-IMPACT";
    CHECK(sofs::testing::danger_met("unexplained-injury-baby",
                                     "We worry that the adult who broke Leo's rib could do it again.", kImpact));
    CHECK(sofs::testing::danger_met("unexplained-injury-baby",
                                     "Someone caring for Leo squeezed him and broke his ribs.", kImpact));
}

TEST_CASE("DS-CAREGIVER-BEHAVIOUR: 'forgets to' leaves the deed after it undone, whatever its object") {
    sofs::testing::check_lexicon_sections("clause-words", {"forget"});
    const char* kBehaviour = "DS-CAREGIVER-BEHAVIOUR";
    CHECK(sofs::testing::danger_met("reference-case",
                                     "We worry that Jade forgets to lock the door when Ryan has been drinking.", kBehaviour));
    // "forgets" alone is an inner slip, not yet a deed left undone
    CHECK_FALSE(sofs::testing::danger_met("reference-case", "We worry that Jade forgets things.",
                                           kBehaviour));
}

TEST_CASE("DS-NON-BLAMING: a label said of a thing, with 'is' in the label's own words") {
    CHECK(met("reference-case", "Kai was left in the car while Ryan drank, and this is neglectful.", kBlame));
    CHECK_FALSE(met("reference-case", "Jade is neglectful and Kai could be hurt.", kBlame));
}
