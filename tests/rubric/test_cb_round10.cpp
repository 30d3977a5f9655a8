// DS-CAREGIVER-BEHAVIOUR, eleventh round: two verbs sharing one child, an
// unnamed carer known by "holding" or a pronoun, "left" with a child after it,
// a harm caused to a child, a child left while an adult was away, "not" opening
// a judgement, and the doer of a deed beside a relative clause with no "who"
// (assessment/CRITERIA.md). Each check could fail: the "not met" ones guard the
// limits of the rule beside them.
#include "examples.hpp"

#include <doctest/doctest.h>

using namespace sofs;
using enum sofs::testing::Expect;
using sofs::testing::check_rules;
using sofs::testing::danger_met;

TEST_CASE("the eleventh round's deeds for DS-CAREGIVER-BEHAVIOUR, each checked both ways") {
    check_rules(assess_danger_statement, {
        {"two verbs joined by \"or\" share the child after them",
         {
             {met, "unexplained-injury-baby", "We are worried that Priya could grip or squeeze Leo again.",
              "DS-CAREGIVER-BEHAVIOUR"},
             // a second clause with the child as its subject is no shared object
             {not_met, "unexplained-injury-baby", "We are worried that Priya is tired or Leo cries.",
              "DS-CAREGIVER-BEHAVIOUR"},
         }},
        {"an unnamed carer over \"is\", known by holding the child or by a pronoun",
         {
             {met, "unexplained-injury-baby", "I am worried that whoever is holding Leo may squeeze his chest.",
              "DS-CAREGIVER-BEHAVIOUR"},
             {met, "unexplained-injury-baby", "I am worried that an adult caring for him could grip or squeeze him.",
              "DS-CAREGIVER-BEHAVIOUR"},
             // "someone" alone still identifies no one
             {not_met, "unexplained-injury-baby", "I am worried that someone could squeeze him.",
              "DS-CAREGIVER-BEHAVIOUR"},
         }},
        {"\"left\" with a child after it is a deed; as a linking verb it is not",
         {
             {met, "father-learning-disability-baby", "Cerys left Ruby with someone who can't cope.",
              "DS-CAREGIVER-BEHAVIOUR"},
             {not_met, "father-learning-disability-baby", "Cerys left early and Ruby was upset.",
              "DS-CAREGIVER-BEHAVIOUR"},
         }},
        {"a harm caused or inflicted on a child of the case",
         {
             {met, "unexplained-injury-baby", "We worry Tomasz could cause a further injury to Leo.",
              "DS-CAREGIVER-BEHAVIOUR"},
             {met, "unexplained-injury-baby", "We worry Priya could inflict further injuries on Leo.",
              "DS-CAREGIVER-BEHAVIOUR"},
             // harm to no child of the case
             {not_met, "unexplained-injury-baby", "We worry the stress could cause problems for everyone.",
              "DS-CAREGIVER-BEHAVIOUR"},
         }},
        {"a child left while an adult of the case was away; not after \"if\"",
         {
             {met, "first-day-short-case", "Kacper was left at home in July while Aga worked.",
              "DS-CAREGIVER-BEHAVIOUR"},
             {not_met, "first-day-short-case", "If Kacper is left at home while Aga works, he could be scared.",
              "DS-CAREGIVER-BEHAVIOUR"},
         }},
        {"\"not\" opening a judgement is a label, no omission",
         {
             {not_met, "months-of-reviews", "DV case. Risk to children high. Mum not protective.",
              "DS-CAREGIVER-BEHAVIOUR"},
             // "not" before a deed by its "-ing" is still an omission
             {met, "practice-lead-mapping", "We are concerned that Ffion isn't protecting the children.",
              "DS-CAREGIVER-BEHAVIOUR"},
         }},
    });
}

TEST_CASE("the doer beside a relative clause with no \"who\" is the main clause's subject") {
    auto g = sofs::testing::rules_guidance();
    auto s = sofs::testing::bundled_case("teen-online-exploitation");
    REQUIRE(g);
    REQUIRE(s);
    auto vs = assess_danger_statement("Jay, and men he knows, may keep pushing Maya for more pictures.", *s, *g);
    const Verdict* v = sofs::testing::find(vs, "DS-CAREGIVER-BEHAVIOUR");
    REQUIRE(v);
    CHECK(v->met);
    CHECK(v->evidence_words.find("'Jay'") != std::string::npos);
    CHECK(v->evidence_words.find("'he'") == std::string::npos);
    // "men he knows" alone: the head the clause describes
    CHECK(danger_met("teen-online-exploitation", "Men he knows may keep pushing Maya for pictures.",
                     "DS-CAREGIVER-BEHAVIOUR"));
}
