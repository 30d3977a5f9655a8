// Words and Pictures: each WP criterion with met and not-met examples (for
// Kai, three, in the reference case, and for an older child in a family built
// here), every bundled expert example meeting all five, and the blind
// labelled sets (tests/labelled/<id>/*words-pictures*.jsonl) scored.
#include "examples.hpp"
#include "labelled.hpp"
#include "rubric/catalogue.hpp"

#include <doctest/doctest.h>

#include <cstdio>

using namespace sofs;
using enum sofs::testing::Expect;
using sofs::testing::check_criterion;
using sofs::testing::find;

namespace {

struct Fixture {
    std::shared_ptr<const Guidance> g = testing::guidance();
    std::shared_ptr<const Scenario> s = testing::reference_case();
};

// An older child: Zara, twelve, and her mum; the key is written to Zara at twelve.
Scenario older_child() {
    Scenario s;
    s.id = "older-child";
    s.content_hash = "wp-test";
    Person zara;
    zara.id = "zara";
    zara.name = "Zara Quinn";
    zara.role = PersonRole::Child;
    zara.gender = "female";
    zara.age = 12;
    Person mum;
    mum.id = "beth";
    mum.name = "Beth Quinn";
    mum.role = PersonRole::Caregiver;
    mum.gender = "female";
    mum.aliases = {"Mum"};
    s.people = {zara, mum};
    s.expert.danger_statements = {"The school is worried that Beth may leave Zara alone at night and Zara could be scared."};
    WordsAndPicturesKey k;
    k.child = "zara";
    k.example = "Your teacher was worried because you were alone at night. Now Mum stays with you every night.";
    s.expert.words_and_pictures = k;
    s.build_index();
    return s;
}

}  // namespace

TEST_CASE_FIXTURE(Fixture, "WP criteria are registered, in order, for the words-and-pictures kind") {
    const auto& ids = words_and_pictures_criteria();
    REQUIRE(ids.size() == 5);
    CHECK(ids[0] == "WP-WHO-WORRIED");
    CHECK(ids[4] == "WP-CHILD-WORDS");
    auto vs = assess_words_and_pictures("You were scared.", *s, *g);
    CHECK(vs.size() == 5);
    for (auto& v : vs) CHECK_FALSE(v.explanation.empty());
}

TEST_CASE_FIXTURE(Fixture, "WP-WHO-WORRIED: someone named and a reason; no one, or no reason, is not met") {
    check_criterion(assess_words_and_pictures, *s, "WP-WHO-WORRIED", {
        {met, "The police were worried that you and Mia could get hurt."},
        {met, "Nanny Linda was worried because she heard shouting."},
        {met, "Your teacher was worried when you told her you were hungry."},
        {not_met, "Lots of people were worried about you."},
        {not_met, "The police were worried about you."},
        {not_met, "Daddy Ryan shouted. Now he sleeps at Uncle Dean's."},
        // the child's own fear is what happened, not someone holding a worry
        {not_met, "You were scared because Daddy Ryan shouted."},
    });
}

TEST_CASE_FIXTURE(Fixture, "WP-WHAT-HAPPENED: something the child could picture, in the past; vague words or categories are not") {
    check_criterion(assess_words_and_pictures, *s, "WP-WHAT-HAPPENED", {
        {met, "One night Daddy Ryan shouted and pushed Mummy. You hid behind the sofa."},
        {met, "Daddy Ryan drank lots of beer and got cross."},
        {not_met, "There was an incident at home and the police came round."},
        {not_met, "The grown-ups were having some difficulties."},
        {not_met, "There was domestic abuse in your home."},
        // a worry for the future is not what happened
        {not_met, "We were worried that someone could get hurt."},
    });
}

TEST_CASE_FIXTURE(Fixture, "WP-NON-BLAMING: no blame on the child and no labels; saying what an adult did is not blame") {
    check_criterion(assess_words_and_pictures, *s, "WP-NON-BLAMING", {
        {met, "Daddy Ryan pushed Mummy. It was not your fault."},
        {met, "Daddy Ryan drank beer and shouted at Mummy."},
        {not_met, "Daddy Ryan is a bad man who drinks too much."},
        {not_met, "It was your fault for being naughty."},
        {not_met, "If you had told Mummy sooner this would not have happened."},
        {not_met, "Ryan is an alcoholic."},
    });
}

TEST_CASE_FIXTURE(Fixture, "WP-WHAT-IS-DONE: a concrete thing a named person does now; vague promises, services and the past are not") {
    check_criterion(assess_words_and_pictures, *s, "WP-WHAT-IS-DONE", {
        {met, "Now Daddy Ryan sleeps at Uncle Dean's house when he has had beer."},
        {met, "Nanny Linda comes to see you every week."},
        {met, "Now Mummy is home with you every night."},
        {met, "If Mummy feels scared, she takes you and Mia to Nanny Linda's."},
        {not_met, "All the grown-ups are working together to keep you safe."},
        {not_met, "Daddy Ryan is going to a course about his drinking."},
        {not_met, "That night Mummy took you to Nanny Linda's."},
        {not_met, "Daddy Ryan pushed Mummy and you hid."},
    });
}

TEST_CASE_FIXTURE(Fixture, "WP-CHILD-WORDS: spoken to the child, no jargon, short sentences and few hard words for three") {
    check_criterion(assess_words_and_pictures, *s, "WP-CHILD-WORDS", {
        {met, "Daddy Ryan was shouting. He pushed Mummy. You were scared and you hid."},
        // not spoken to Kai
        {not_met, "Kai was frightened when Ryan pushed Jade."},
        // professional words
        {not_met, "You saw an incident of domestic abuse."},
        // one sentence of 31 words is too long for a three-year-old
        {not_met, "When Daddy Ryan had been drinking beer on Saturday night he got very cross with Mummy and shouted and "
                  "pushed her against the kitchen door while she was holding Mia and you saw it."},
        // two hard words
        {not_met, "The grown-ups were concerned about your situation. You are safe now."},
    });
}

TEST_CASE("WP-CHILD-WORDS: what is too long for three fits twelve; the age comes from the key") {
    auto g = testing::guidance();
    Scenario s = older_child();
    const std::string text =
        "Your teacher was worried because you told her you were on your own at night, and you were scared. "
        "Now Mum is home every night.";
    auto vs = assess_words_and_pictures(text, s, *g);
    CHECK(find(vs, "WP-CHILD-WORDS")->met);
    s.expert.words_and_pictures->age = 3;
    s.content_hash = "wp-test-three";  // a different case to the assessor's cache
    vs = assess_words_and_pictures(text, s, *g);
    CHECK_FALSE(find(vs, "WP-CHILD-WORDS")->met);
    CHECK(find(vs, "WP-CHILD-WORDS")->explanation.find("3") != std::string::npos);
}

TEST_CASE("every bundled case with a words-and-pictures task has an expert example meeting all five criteria") {
    auto g = testing::guidance();
    int cases = 0;
    for (const char* id : {"reference-case", "neglect-early-years", "teen-online-exploitation"}) {
        auto s = testing::scenario_by_id(id);
        REQUIRE_MESSAGE(s, id);
        REQUIRE_MESSAGE(s->expert.words_and_pictures, id << " has no words_and_pictures key");
        bool has_task = false;
        for (auto& sc : s->scenes) has_task = has_task || (sc.task && sc.task->kind == TaskKind::WordsAndPictures);
        CHECK_MESSAGE(has_task, id << " has no words-and-pictures task");
        for (auto& v : assess_words_and_pictures(s->expert.words_and_pictures->example, *s, *g)) {
            CAPTURE(id);
            CAPTURE(v.criterion);
            CAPTURE(v.explanation);
            CHECK(v.met);
        }
        ++cases;
    }
    CHECK(cases == 3);
}

// The blind sets are scored, never printed line by line, and never tuned on:
// the figures are reported (and recorded in tests/labelled/README.md).
TEST_CASE("the blind Words and Pictures sets are well formed and scored") {
    auto g = testing::guidance();
    int sets = 0;
    testing::Tally all;
    std::map<std::string, testing::Tally> by_criterion;
    for (auto& c : testing::labelled_cases()) {
        for (auto& set : c.wp_sets) {
            REQUIRE_MESSAGE(c.scenario, c.id << " has no scenario");
            ++sets;
            for (auto& l : set.items) {
                CAPTURE(set.name);
                CAPTURE(l.id);
                for (auto& id : words_and_pictures_criteria()) CHECK_MESSAGE(l.labels.count(id), "no label for " << id);
            }
            auto prepared = prepare_case(*c.scenario, *g);
            testing::Tally one;
            for (auto& [crit, t] : testing::score_wp_set(set, *prepared, *g)) {
                by_criterion[crit] += t;
                one += t;
            }
            all += one;
            std::printf("words and pictures, %s/%s: %d texts, agreement %.3f, kappa %.3f\n", c.id.c_str(),
                        set.name.c_str(), (int)set.items.size(), one.agreement(), one.kappa());
        }
    }
    for (auto& [crit, t] : by_criterion)
        std::printf("words and pictures, %s: agreement %.3f, kappa %.3f (n=%d)\n", crit.c_str(), t.agreement(), t.kappa(), t.n());
    if (sets) std::printf("words and pictures, all sets: agreement %.3f, kappa %.3f (n=%d)\n", all.agreement(), all.kappa(), all.n());
    MESSAGE(sets << " Words and Pictures sets scored");
}

TEST_CASE("the expert-key check reports an expert Words and Pictures that fails a WP criterion (SCN040)") {
    auto g = testing::guidance();
    Scenario s = older_child();
    for (auto& d : check_expert_key(s, *g)) CHECK_MESSAGE(d.message.find("words and pictures") == std::string::npos, d.message);
    s.expert.words_and_pictures->example = "Zara was left on her own. There were problems at home.";
    s.content_hash = "wp-test-bad-example";
    auto ds = check_expert_key(s, *g);
    bool who = false;
    for (auto& d : ds) {
        CHECK(d.code == "SCN040");
        who = who || d.message.find("words and pictures does not meet WP-WHO-WORRIED") != std::string::npos;
    }
    CHECK(who);
}
