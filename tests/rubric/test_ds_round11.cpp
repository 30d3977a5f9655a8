// The eleventh round's danger-statement choices (assessment/CRITERIA.md,
// DS-CHILD-IMPACT): an adult's deed done to a child of the case, in the
// passive with the child as its subject, is what happens to the child; a
// child found alone out of the home is left alone as the child lives it.
// Sentences written for this test, not taken from any labelled set.
#include "examples.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;

namespace {

bool met(const std::string& case_id, const std::string& text, const char* criterion) {
    return sofs::testing::danger_met(case_id, text, criterion);
}

constexpr const char* kImpact = "DS-CHILD-IMPACT";

}  // namespace

TEST_CASE("DS-CHILD-IMPACT: an adult's deed done to a child, in the passive") {
    CHECK(met("reference-case", "We worry that when Ryan drinks Kai could be pushed over again.", kImpact));
    CHECK(met("practice-lead-mapping", "If nothing changes at bedtime, Mali might get smacked.", kImpact));
    CHECK(met("teen-online-exploitation", "The police worry Maya could be assaulted at one of the parties.", kImpact));
    // the adult's deed in the active voice, or done to an adult, is not yet the child's harm
    CHECK_FALSE(met("practice-lead-mapping", "We worry that Gwŷn might smack Mali at bedtime.", kImpact));
    CHECK_FALSE(met("reference-case", "We worry that Jade could be pushed again when Ryan drinks.", kImpact));
    // nor a deed inside a risk status, nor one denied
    CHECK_FALSE(met("reference-case", "Kai is at risk of being pushed.", kImpact));
    CHECK_FALSE(met("reference-case", "Kai has never been pushed.", kImpact));
}

TEST_CASE("DS-CHILD-IMPACT: leaving said in the passive stays the adult's deed") {
    // "left ... alone" is judged as the case's experts judge leaving, not as a deed done to the child
    CHECK_FALSE(met("first-day-short-case", "Kacper was left home by himself in the summer.", kImpact));
}

TEST_CASE("DS-CHILD-IMPACT: a child found alone out of the home") {
    CHECK(met("toddler-parent-drug-use", "Last month a neighbour found Finn alone on the landing.", kImpact));
    CHECK(met("toddler-parent-drug-use", "Finn was found alone on the path outside the flats.", kImpact));
}

TEST_CASE("clause-words.txt has the eleventh round's section") {
    sofs::testing::check_lexicon_sections("clause-words", {"reported"});
}

TEST_CASE("DS-FUTURE: a future word in someone's reported words or a child's own fear") {
    constexpr const char* kFuture = "DS-FUTURE";
    CHECK_FALSE(met("teen-online-exploitation", "Jay told Maya he will post her picture online.", kFuture));
    CHECK_FALSE(met("teen-online-exploitation", "Jay threatened Maya that he'd tell her mum.", kFuture));
    CHECK_FALSE(met("school-referral-three-questions", "Amir is scared he won't hear his alarm.", kFuture));
    // the statement's own look forward, or a worry's content, still counts
    CHECK(met("teen-online-exploitation", "Jay told Maya he will post her picture online, and she could be bullied.", kFuture));
    CHECK(met("reference-case", "Linda has told us she worries Ryan will push Jade again.", kFuture));
    CHECK(met("reference-case", "Kai told his teacher that Ryan will shout at mum again, and we are worried he could be hurt.", kFuture));
}

TEST_CASE("DS-WHO: a name the case does not list, opening the sentence, holds the worry") {
    constexpr const char* kWho = "DS-WHO";
    CHECK(met("low-mood-neglect", "Ty Hafod is worried that Mali will miss school again.", kWho));
    CHECK(met("reference-case", "Sunny Days Nursery are worried that Kai could be frightened.", kWho));
    // capitalised words naming the worry itself hold none
    CHECK_FALSE(met("reference-case", "Ongoing DV concerns. Kai could be frightened.", kWho));
    CHECK_FALSE(met("reference-case", "Kai could be frightened.", kWho));
}

TEST_CASE("DS-FUTURE: a harm to come again under a condition, in the present") {
    constexpr const char* kFuture = "DS-FUTURE";
    CHECK(met("school-referral-three-questions", "if mum stay in bed Amir use the grill and he get burn again", kFuture));
    CHECK(met("school-referral-three-questions", "Amir gets burnt again if nobody is up in the morning.", kFuture));
    // the past, or a habit with no "again", looks back or at now
    CHECK_FALSE(met("school-referral-three-questions", "Amir was burnt again when mum stayed in bed.", kFuture));
    CHECK_FALSE(met("reference-case", "When Ryan drinks he shouts and Kai gets scared.", kFuture));
}
