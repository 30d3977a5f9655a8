// Beyond the reference case: every bundled scenario's own expert examples
// meet every criterion, adults who are neither family nor professionals
// (a stranger met online, a neighbour) are people whose behaviour counts,
// and a few grammar cases that the labelled sets showed.
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;
using sofs::testing::find;

namespace {

std::shared_ptr<const Scenario> scenario(const std::string& id) { return sofs::testing::bundled_case(id); }

// The guidance and a bundled case; the test stops unless both load.
struct GuidanceAndCase {
    std::shared_ptr<const Guidance> g;
    std::shared_ptr<const Scenario> s;
};

GuidanceAndCase guidance_and_case(const std::string& id) {
    GuidanceAndCase out{sofs::testing::guidance(), scenario(id)};
    REQUIRE(out.g);
    REQUIRE(out.s);
    return out;
}

bool met(const std::vector<Verdict>& vs, const char* id) {
    auto* v = find(vs, id);
    REQUIRE(v);
    return v->met;
}

}  // namespace

TEST_CASE("every bundled scenario's expert danger statements and safety goals meet every criterion") {
    auto g = sofs::testing::guidance();
    REQUIRE(g);
    for (const char* id : {"reference-case", "neglect-early-years", "teen-online-exploitation", "practice-lead-mapping"}) {
        {
            INFO("scenario " << id);
            auto s = scenario(id);
            REQUIRE(s);
            REQUIRE(!s->expert.danger_statements.empty());
            for (const auto& text : s->expert.danger_statements)
                for (const auto& v : assess_danger_statement(text, *s, *g)) {
                    INFO(id << " " << v.criterion << ": " << text);
                    CHECK(v.met);
                }
            for (const auto& text : s->expert.safety_goals)
                for (const auto& v : assess_safety_goal(text, *s, *g)) {
                    INFO(id << " " << v.criterion << ": " << text);
                    CHECK(v.met);
                }
        }
    }
}

TEST_CASE("an adult who is neither family nor a professional: their behaviour counts, but they are not a caregiver") {
    auto [g, s] = guidance_and_case("teen-online-exploitation");
    WHEN("Jay, a man met online, may threaten Maya") {
        auto vs = assess_danger_statement("We are worried that Jay may threaten to send Maya's picture to her friends.", *s, *g);
        THEN("that is something an identified adult might do") { CHECK(met(vs, "DS-CAREGIVER-BEHAVIOUR")); }
    }
    WHEN("older men the child has met may do something ('older men Maya has met online may ask her ...')") {
        auto vs = assess_danger_statement(
            "We are worried that older men Maya has met online may ask her for more pictures, and Maya could be hurt.", *s, *g);
        THEN("the men, not Maya, are the ones acting") { CHECK(met(vs, "DS-CAREGIVER-BEHAVIOUR")); }
    }
    WHEN("only Jay is said to do something in a goal") {
        auto vs = assess_safety_goal("Jay will stay away from Maya every day for the next six months.", *s, *g);
        THEN("no caregiver acts") { CHECK_FALSE(met(vs, "SG-CAREGIVER-ACTION")); }
    }
    WHEN("a goal speaks of pictures and messages and names Maya") {
        auto vs = assess_safety_goal(
            "Karen will check who Maya is messaging every evening, and Maya will show her any picture a stranger asks for.",
            *s, *g);
        THEN("it addresses the case's danger") { CHECK(met(vs, "SG-ADDRESSES-DANGER")); }
    }
}

TEST_CASE("neglect: daily care left undone is a behaviour, being cold or sore is a harm") {
    auto [g, s] = guidance_and_case("neglect-early-years");
    auto vs = assess_danger_statement("Nadia is worried that Marcus may stay in bed and Lily could be cold and sore.", *s, *g);
    CHECK(met(vs, "DS-CAREGIVER-BEHAVIOUR"));
    CHECK(met(vs, "DS-CHILD-IMPACT"));
    auto up = assess_danger_statement("We are worried that Marcus may not get up to feed Lily and she could go hungry.", *s, *g);
    CHECK(met(up, "DS-CAREGIVER-BEHAVIOUR"));
    // Irene, a neighbour in the experts' safety network, cares like family
    CHECK(met(assess_safety_goal("Irene will come up every morning to feed Lily and keep her warm, for three months.", *s, *g),
              "SG-CAREGIVER-ACTION"));
    auto goal = assess_safety_goal("Marcus will keep the flat warm and change Lily's nappy every morning, as Irene will see.", *s, *g);
    CHECK(met(goal, "SG-ADDRESSES-DANGER"));
}

TEST_CASE("grammar the held-out sets showed") {
    auto [g, s] = guidance_and_case("reference-case");
    SUBCASE("a second verb shares the child's subject: 'Kai may try to protect her and get hurt'") {
        auto vs = assess_danger_statement("We are worried that Ryan might hit Jade and Kai may try to protect her and get hurt.", *s, *g);
        CHECK(met(vs, "DS-CHILD-IMPACT"));
    }
    SUBCASE("'Kai's dad' names whose dad, not a child who is harmed") {
        auto vs = assess_danger_statement("We are worried that Kai's dad might shout at Jade and break things.", *s, *g);
        CHECK_FALSE(met(vs, "DS-CHILD-IMPACT"));
    }
    SUBCASE("'the worry for the children's social worker' names who holds the worry") {
        auto vs = assess_danger_statement("The worry for the children's social worker is that Ryan may push Jade and Mia could fall.", *s, *g);
        CHECK(met(vs, "DS-WHO"));
    }
    SUBCASE("'could be violent towards Jade' describes behaviour; 'Ryan is violent' is a label") {
        CHECK(met(assess_danger_statement("We are worried that Ryan could be violent towards Jade.", *s, *g), "DS-NON-BLAMING"));
        CHECK_FALSE(met(assess_danger_statement("We are worried because Ryan is violent.", *s, *g), "DS-NON-BLAMING"));
    }
    SUBCASE("'go for a walk' is a positive action, not 'go for' someone") {
        CHECK(met(assess_safety_goal("Ryan will go for a walk when he and Jade disagree.", *s, *g), "SG-CAREGIVER-ACTION"));
    }
    SUBCASE("a home where the caregivers act; 'we want Jade and Ryan to ...'") {
        g = sofs::testing::rules_guidance();  // the rule itself (the second opinion reads the first otherwise)
        CHECK(met(assess_safety_goal("Kai and Mia will live in a home where Jade and Ryan sort out rows calmly.", *s, *g),
                  "SG-CAREGIVER-ACTION"));
        CHECK_FALSE(met(assess_safety_goal("Kai and Mia will live in a home where there is no shouting.", *s, *g),
                        "SG-CAREGIVER-ACTION"));
        CHECK(met(assess_safety_goal("We want Jade and Ryan to keep the children away from rows.", *s, *g), "SG-CAREGIVER-ACTION"));
    }
    SUBCASE("telling the social worker is keeping professionals informed, not care") {
        CHECK_FALSE(met(assess_safety_goal("Jade will tell the social worker if there are any more rows.", *s, *g),
                        "SG-CAREGIVER-ACTION"));
    }
    SUBCASE("'manage his drinking by staying at Dean's': the means is the action") {
        g = sofs::testing::rules_guidance();  // the rule itself (the second opinion reads this one otherwise)
        CHECK(met(assess_safety_goal("Ryan will manage his drinking by staying at Dean's.", *s, *g), "SG-CAREGIVER-ACTION"));
        CHECK_FALSE(met(assess_safety_goal("Ryan will manage his drinking.", *s, *g), "SG-CAREGIVER-ACTION"));
    }
}

TEST_CASE("next steps: every step says who does what; at least one brings in the family") {
    auto [g, s] = guidance_and_case("reference-case");
    GIVEN("the experts' next steps, one a line") {
        std::string steps;
        for (auto& st : s->expert.next_steps) steps += st + "\n";
        auto vs = assess_next_steps(steps, *s, *g);
        THEN("both criteria are met") {
            CHECK(met(vs, "NS-WHO-DOES-WHAT"));
            CHECK(met(vs, "NS-FAMILY-NETWORK"));
        }
    }
    GIVEN("steps for professionals only, one with no one named") {
        auto vs = assess_next_steps("The social worker to visit every week\nPolice to check the address\nReview in six weeks", *s, *g);
        THEN("neither is met, and the feedback quotes the unclear step and offers a rewrite with the family's names") {
            CHECK_FALSE(met(vs, "NS-WHO-DOES-WHAT"));
            CHECK_FALSE(met(vs, "NS-FAMILY-NETWORK"));
            CHECK(find(vs, "NS-WHO-DOES-WHAT")->explanation.find("'Review in six weeks'") != std::string::npos);
            for (auto* id : {"NS-WHO-DOES-WHAT", "NS-FAMILY-NETWORK"}) {
                CHECK(find(vs, id)->improve.find("Jade") != std::string::npos);
                CHECK(find(vs, id)->improve.find("Ryan") != std::string::npos);
            }
        }
    }
    GIVEN("nothing written") {
        auto vs = assess_next_steps("  \n ", *s, *g);
        THEN("neither is met") {
            CHECK_FALSE(met(vs, "NS-WHO-DOES-WHAT"));
            CHECK_FALSE(met(vs, "NS-FAMILY-NETWORK"));
        }
    }
}

TEST_CASE("rewrites in feedback come from the scenario's own people and expert examples") {
    auto [g, s] = guidance_and_case("neglect-early-years");
    auto vs = assess_danger_statement("We are worried about neglect.", *s, *g);
    auto* behaviour = find(vs, "DS-CAREGIVER-BEHAVIOUR");
    REQUIRE(behaviour);
    CHECK_FALSE(behaviour->met);
    CHECK(behaviour->improve.find("Marcus") != std::string::npos);
    CHECK(behaviour->improve.find("drinking") == std::string::npos);  // no other case's danger
    auto goal = assess_safety_goal("Marcus will attend a parenting course.", *s, *g);
    for (auto& v : goal) {
        INFO(v.criterion << ": " << v.improve);
        CHECK(v.improve.find("the other parent") == std::string::npos);
        CHECK(v.improve.find("sober") == std::string::npos);
        CHECK(v.improve.find('{') == std::string::npos);
    }
}
