// Each criterion with clear met and not-met examples, negation, misspellings,
// and a family built here in C++ (not the reference case) to show that the
// assessor takes people's names and roles from the scenario.
#include "fixture.hpp"

#include <doctest/doctest.h>

using namespace sofs;
using sofs::testing::find;

namespace {

// A small invented case: Tom (stepdad) and Sara (mum), with Ella (4) and Finn (baby).
Scenario other_family() {
    Scenario s;
    s.id = "other-family";
    s.content_hash = "test";
    auto person = [](std::string id, std::string name, PersonRole role, std::string gender,
                     std::vector<std::string> aliases, std::optional<int> months = std::nullopt) {
        Person p;
        p.id = id;
        p.name = name;
        p.role = role;
        p.gender = gender;
        p.aliases = aliases;
        p.age_months = months;
        return p;
    };
    s.people = {person("ella", "Ella Brook", PersonRole::Child, "female", {}, 50),
                person("finn", "Finn Brook", PersonRole::Child, "male", {"the baby"}, 5),
                person("sara", "Sara Brook", PersonRole::Caregiver, "female", {"Mum"}),
                person("tom", "Tom Hale", PersonRole::Caregiver, "male", {"Dad"}),
                person("gwen", "Gwen Brook", PersonRole::Family, "female", {"Nana"})};
    s.expert.danger_statements = {
        "Social workers are worried that when Tom has been drinking he may hit Sara, and Finn could be dropped."};
    s.build_index();
    return s;
}

bool met(const std::vector<Verdict>& vs, const char* id) {
    const Verdict* v = find(vs, id);
    REQUIRE(v != nullptr);
    return v->met;
}

struct Fixture {
    std::shared_ptr<const Guidance> g = sofs::testing::guidance();
    std::shared_ptr<const Scenario> ref = sofs::testing::reference_case();
    std::vector<Verdict> ds(const std::string& t) { return assess_danger_statement(t, *ref, *g); }
    std::vector<Verdict> sg(const std::string& t) { return assess_safety_goal(t, *ref, *g); }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "DS-WHO: a named holder of the worry is met; no one, or a bare 'there are concerns', is not") {
    REQUIRE(g);
    REQUIRE(ref);
    CHECK(met(ds("The nursery is worried that Ryan may shout at Jade."), "DS-WHO"));
    CHECK(met(ds("Linda worries that Ryan will drink again."), "DS-WHO"));
    CHECK_FALSE(met(ds("There are concerns that Ryan may shout at Jade."), "DS-WHO"));
    CHECK_FALSE(met(ds("No one is worried that Ryan may shout at Jade."), "DS-WHO"));
    CHECK_FALSE(met(ds("We are not worried that Ryan may shout at Jade."), "DS-WHO"));
    CHECK_FALSE(met(ds("Kai was scared when Ryan shouted."), "DS-WHO"));
}

TEST_CASE_FIXTURE(Fixture, "DS-WHO quotes every holder of a list, not the last one alone") {
    auto quoted = [&](const std::string& text) {
        auto vs = ds(text);
        const Verdict* v = find(vs, "DS-WHO");
        REQUIRE(v);
        REQUIRE(v->met);
        REQUIRE_FALSE(v->evidence.empty());
        return text.substr(v->evidence[0].begin, v->evidence[0].end - v->evidence[0].begin);
    };
    CHECK(quoted("Linda, the nursery and the social worker are worried that Ryan may push Jade while she holds Mia.") ==
          "Linda, the nursery and the social worker are worried");
    CHECK(quoted("The nursery is worried that Ryan may shout at Jade.") == "The nursery is worried");
    // a list ends at the sentence: the last sentence's holder alone
    CHECK(quoted("Ryan drinks. The nursery is worried that he may shout at Jade.") == "The nursery is worried");
}

TEST_CASE_FIXTURE(Fixture, "DS-CAREGIVER-BEHAVIOUR: what an adult does, not a category or a label") {
    CHECK(met(ds("We are worried Ryan may push Jade."), "DS-CAREGIVER-BEHAVIOUR"));
    CHECK(met(ds("We are worried Mum may leave the baby alone."), "DS-CAREGIVER-BEHAVIOUR"));
    CHECK_FALSE(met(ds("We are worried about domestic violence."), "DS-CAREGIVER-BEHAVIOUR"));
    CHECK_FALSE(met(ds("We are worried that Ryan is aggressive."), "DS-CAREGIVER-BEHAVIOUR"));
    CHECK_FALSE(met(ds("We are worried Kai may be pushed."), "DS-CAREGIVER-BEHAVIOUR"));
}

TEST_CASE_FIXTURE(Fixture, "DS-CHILD-IMPACT: a concrete harm to a named child, not 'at risk' or children in general") {
    CHECK(met(ds("We are worried that Mia could be dropped."), "DS-CHILD-IMPACT"));
    CHECK(met(ds("We are worried that the children could be frightened and unable to sleep."), "DS-CHILD-IMPACT"));
    CHECK_FALSE(met(ds("We are worried that the children are at risk of significant harm."), "DS-CHILD-IMPACT"));
    CHECK_FALSE(met(ds("We are worried Ryan could hurt Jade."), "DS-CHILD-IMPACT"));
    CHECK_FALSE(met(ds("Children who see fighting can be frightened."), "DS-CHILD-IMPACT"));
}

TEST_CASE_FIXTURE(Fixture, "DS-FUTURE: looking forward is met; an account of the past, or 'may have', is not") {
    CHECK(met(ds("If nothing changes Mia could be hurt."), "DS-FUTURE"));
    CHECK_FALSE(met(ds("On Saturday Ryan pushed Jade and Kai cried."), "DS-FUTURE"));
    CHECK_FALSE(met(ds("Ryan may have pushed Jade on Saturday."), "DS-FUTURE"));
}

TEST_CASE_FIXTURE(Fixture, "DS-PLAIN: jargon, acronyms and very long sentences are not plain") {
    CHECK(met(ds("We are worried Ryan may push Jade."), "DS-PLAIN"));
    CHECK_FALSE(met(ds("We are worried about DV."), "DS-PLAIN"));
    CHECK_FALSE(met(ds("There are safeguarding concerns."), "DS-PLAIN"));
    CHECK_FALSE(met(ds("The ICPC said so."), "DS-PLAIN"));
    std::string long_one = "We are worried that";
    for (int i = 0; i < 45; ++i) long_one += " and";
    CHECK_FALSE(met(ds(long_one + "."), "DS-PLAIN"));
}

TEST_CASE_FIXTURE(Fixture, "DS-PLAIN feedback offers a plain alternative built from the case's own people") {
    auto vs = ds("We are worried about DV in the home.");
    const Verdict* v = find(vs, "DS-PLAIN");
    REQUIRE(v);
    // the case's own past harm ("On Saturday night Ryan, who had been drinking, pushed Jade ..."), twelfth round
    CHECK(v->improve.find("Ryan") != std::string::npos);
    CHECK(v->improve.find("pushed Jade") != std::string::npos);
    REQUIRE_FALSE(v->evidence.empty());
    std::string text = "We are worried about DV in the home.";
    CHECK(text.substr(v->evidence[0].begin, v->evidence[0].end - v->evidence[0].begin) == "DV");
}

TEST_CASE_FIXTURE(Fixture, "DS-NON-BLAMING: labels are not met, 'not a bad mother' and 'alcohol' are fine") {
    CHECK_FALSE(met(ds("Ryan is an alcoholic."), "DS-NON-BLAMING"));
    CHECK_FALSE(met(ds("Jade is a bad mother."), "DS-NON-BLAMING"));
    CHECK(met(ds("Jade is not a bad mother."), "DS-NON-BLAMING"));
    CHECK(met(ds("Ryan drinks alcohol in the afternoon."), "DS-NON-BLAMING"));
}

TEST_CASE_FIXTURE(Fixture, "misspellings still count: worryed, mite, hitt, drinkin") {
    auto vs = ds("We are worryed that Ryan mite hitt Jade when he has been drinkin and Mia could be droped.");
    for (auto* id : {"DS-WHO", "DS-CAREGIVER-BEHAVIOUR", "DS-CHILD-IMPACT", "DS-FUTURE"}) {
        INFO(id);
        CHECK(met(vs, id));
    }
}

TEST_CASE_FIXTURE(Fixture, "curly and straight apostrophes read the same") {
    auto a = ds("We\xE2\x80\x99re worried Ryan\xE2\x80\x99ll push Jade and Mia\xE2\x80\x99ll be hurt.");
    auto b = ds("We're worried Ryan'll push Jade and Mia'll be hurt.");
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].met == b[i].met);
    CHECK(met(a, "DS-WHO"));
}

TEST_CASE_FIXTURE(Fixture, "SG-CAREGIVER-ACTION: positive actions, not prohibitions, services or professionals") {
    CHECK(met(sg("When Ryan has been drinking he will stay at his brother's."), "SG-CAREGIVER-ACTION"));
    CHECK(met(sg("Ryan will make sure he does not drink instead of going out."), "SG-CAREGIVER-ACTION"));
    CHECK_FALSE(met(sg("Ryan will not drink."), "SG-CAREGIVER-ACTION"));
    CHECK_FALSE(met(sg("Ryan will attend an alcohol service."), "SG-CAREGIVER-ACTION"));
    CHECK_FALSE(met(sg("The social worker will visit every week."), "SG-CAREGIVER-ACTION"));
    CHECK_FALSE(met(sg("Ryan will understand the impact."), "SG-CAREGIVER-ACTION"));
}

TEST_CASE_FIXTURE(Fixture, "SG-ADDRESSES-DANGER: the case's behaviour and children; not tidiness, not 'safe'") {
    CHECK(met(sg("Kai and Mia will always be looked after by a sober adult."), "SG-ADDRESSES-DANGER"));
    CHECK_FALSE(met(sg("Jade will keep the house tidy for Kai and Mia."), "SG-ADDRESSES-DANGER"));
    CHECK_FALSE(met(sg("The children will be safe."), "SG-ADDRESSES-DANGER"));
}

TEST_CASE_FIXTURE(Fixture, "SG-OBSERVABLE, SG-OVER-TIME, SG-NOT-SERVICE") {
    // a presence others can see; not an absence, a vague promise, a service or professionals acting
    CHECK(met(sg("Linda will see that Jade takes the children to her flat when Ryan has been drinking."), "SG-OBSERVABLE"));
    CHECK(met(sg("Kai and Mia will always be cared for by a sober adult."), "SG-OBSERVABLE"));
    CHECK_FALSE(met(sg("Linda will see that Jade keeps the children safe."), "SG-OBSERVABLE"));
    CHECK_FALSE(met(sg("Ryan will not drink."), "SG-OBSERVABLE"));
    CHECK_FALSE(met(sg("There will be no more shouting in front of Kai and Mia."), "SG-OBSERVABLE"));
    CHECK_FALSE(met(sg("Jade and Ryan will demonstrate protective behaviours."), "SG-OBSERVABLE"));
    CHECK_FALSE(met(sg("Jade and Ryan will comply with the plan."), "SG-OBSERVABLE"));
    CHECK_FALSE(met(sg("The social worker will monitor the family every week."), "SG-OBSERVABLE"));
    CHECK_FALSE(met(sg("Jade will be a better parent."), "SG-OBSERVABLE"));
    CHECK(met(sg("Ryan will stay sober for the next six months."), "SG-OVER-TIME"));
    CHECK(met(sg("Ryan will always stay sober."), "SG-OVER-TIME"));
    CHECK_FALSE(met(sg("Ryan will stay sober."), "SG-OVER-TIME"));
    CHECK_FALSE(met(sg("Jade will attend a parenting course."), "SG-NOT-SERVICE"));
    CHECK(met(sg("Ryan will go to AA and will stay at Dean's when he has been drinking."), "SG-NOT-SERVICE"));
    CHECK(met(sg("The health visitor will see that Mia is with a sober adult."), "SG-NOT-SERVICE"));
}

TEST_CASE("names and roles come from the scenario, not from the code") {
    auto g = sofs::testing::guidance();
    REQUIRE(g);
    Scenario s = other_family();
    auto vs = assess_danger_statement(
        "Social workers are worried that Tom might hit Sara and Finn could be dropped.", s, *g);
    for (auto& v : vs) {
        INFO(v.criterion << ": " << v.explanation);
        CHECK(v.met);
    }
    // Kai and Jade mean nothing in this family.
    auto other = assess_danger_statement("We are worried Ryan might hit Jade and Kai could be frightened.", s, *g);
    CHECK_FALSE(met(other, "DS-CAREGIVER-BEHAVIOUR"));
    CHECK_FALSE(met(other, "DS-CHILD-IMPACT"));
    // Feedback examples use this family's names.
    const Verdict* v = find(other, "DS-CHILD-IMPACT");
    REQUIRE(v);
    CHECK(v->improve.find("Finn") != std::string::npos);
    auto goal = assess_safety_goal("Sara and Tom will make sure Ella and Finn are always with a sober adult.", s, *g);
    CHECK(met(goal, "SG-ADDRESSES-DANGER"));
    CHECK(met(goal, "SG-CAREGIVER-ACTION"));
}

TEST_CASE_FIXTURE(Fixture, "feedback is complete: every verdict explains itself and quotes guidance") {
    for (auto& v : ds("Ryan is aggressive.")) {
        INFO(v.criterion);
        CHECK_FALSE(v.explanation.empty());
        CHECK_FALSE(v.guidance.empty());
        if (!v.met) CHECK_FALSE(v.improve.empty());
        CHECK(v.explanation.find('{') == std::string::npos);
    }
}
