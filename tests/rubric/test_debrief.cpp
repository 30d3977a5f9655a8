// The debrief for a whole playthrough, built from transcripts made here:
// sorting facts explained with the expert's reasons, past harm as what
// happened, scaling with the case's own reasons, bookends and moves.
#include "fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sofs;

namespace {

Event answer(int step, const std::string& scene, Answer a) {
    Event e;
    e.kind = Event::Kind::Answer;
    e.step = step;
    e.scene = scene;
    e.answer = std::move(a);
    return e;
}

Event choose(int step, const std::string& scene, const std::string& choice) {
    Event e;
    e.kind = Event::Kind::Choose;
    e.step = step;
    e.scene = scene;
    e.choice = choice;
    return e;
}

const TaskAssessment* task(const Debrief& d, const std::string& id) {
    for (auto& t : d.tasks)
        if (t.task == id) return &t;
    return nullptr;
}

Answer text_answer(const std::string& task, const std::string& text) {
    Answer a;
    a.task = task;
    a.text = text;
    return a;
}

}  // namespace

TEST_CASE("GIVEN a misplaced fact WHEN the sorting is judged THEN the explanation uses the expert's reason") {
    auto g = sofs::testing::guidance();
    auto s = sofs::testing::reference_case();
    REQUIRE(g);
    REQUIRE(s);
    const Fact* untidy = s->fact("flat-untidy");
    REQUIRE(untidy);
    Answer a;
    a.task = "sort-facts";
    a.placements = {{"flat-untidy", "past-harm"}, {"push-saturday", "past-harm"}};
    Transcript t;
    t.events = {answer(0, "review-sort", a)};
    Debrief d = assess(t, *s, *g);
    auto* ta = task(d, "sort-facts");
    REQUIRE(ta);
    REQUIRE(ta->verdicts.size() == 3);  // two facts, then the mapping as a whole
    const Verdict& whole = ta->verdicts.back();
    CHECK(whole.criterion == "MAP-WHOLE");
    CHECK_FALSE(whole.met);  // one misplaced fact: the mapping is not met anywhere
    CHECK(whole.explanation.find(untidy->text) != std::string::npos);
    CHECK(whole.evidence_words.find(" of ") != std::string::npos);
    int wrong = 0;
    for (auto& v : ta->verdicts) {
        if (v.criterion == "MAP-WHOLE") continue;
        CHECK(v.criterion == "MAP-PLACEMENT");
        if (!v.met) {
            ++wrong;
            CHECK(v.explanation.find(untidy->why) != std::string::npos);
        }
    }
    CHECK(wrong == 1);
}

TEST_CASE("past harm: guesses are not what happened; who did what and when is") {
    auto g = sofs::testing::guidance();
    auto s = sofs::testing::reference_case();
    REQUIRE(s);
    Transcript guess, fact;
    guess.events = {answer(0, "review-past-harm", text_answer("past-harm", "Ryan may have pushed Jade."))};
    fact.events = {answer(0, "review-past-harm",
                          text_answer("past-harm", "On Saturday night Ryan pushed Jade against a door while she held Mia."))};
    CHECK_FALSE(task(assess(guess, *s, *g), "past-harm")->verdicts.at(0).met);
    CHECK(task(assess(fact, *s, *g), "past-harm")->verdicts.at(0).met);
}

TEST_CASE("scaling: an over-optimistic number is told why, from the case's own reasons") {
    auto g = sofs::testing::guidance();
    auto s = sofs::testing::reference_case();
    REQUIRE(s);
    Answer a = text_answer("scaling", "Jade loves the children but Ryan's drinking still worries me.");
    a.number = 8;
    Transcript t;
    t.events = {answer(0, "review-scale", a)};
    Debrief d = assess(t, *s, *g);
    auto* ta = task(d, "scaling");
    REQUIRE(ta);
    REQUIRE(ta->verdicts.size() == 3);
    CHECK_FALSE(ta->verdicts[0].met);                 // SC-IN-RANGE
    CHECK(ta->verdicts[1].criterion == "SC-DIRECTION");
    CHECK(ta->verdicts[1].explanation.find("over-optimistic") != std::string::npos);
    CHECK(ta->verdicts[1].explanation.find(s->expert.scaling.over_optimistic.substr(0, 20)) != std::string::npos);
    CHECK(ta->verdicts[2].met);                       // SC-JUSTIFIED: both sides weighed
    a.number = 3;
    a.text = "Jade loves the children.";
    t.events = {answer(0, "review-scale", a)};
    d = assess(t, *s, *g);
    ta = task(d, "scaling");
    REQUIRE(ta);
    CHECK(ta->verdicts[0].met);
    CHECK_FALSE(ta->verdicts[2].met);
}

TEST_CASE("scaling over months: each review is judged against that review's own experts' number") {
    auto g = sofs::testing::guidance();
    auto r = load_scenario_file(std::string(SOFS_SOURCE_DIR) + "/scenarios/months-of-reviews.yaml");
    REQUIRE(r.scenario);
    const Scenario& s = *r.scenario;
    // week 0: 3 (2..4); six weeks: 5 (4..6); six months: 4 (3..5), the case's own key
    CHECK(s.scaling_key("scale-week0").expert == 3);
    CHECK(s.scaling_key("scale-six-weeks").low == 4);
    CHECK(s.scaling_key("scale-six-months").expert == s.expert.scaling.expert);
    CHECK(s.scaling_key("no-such-task").expert == s.expert.scaling.expert);
    auto in_range = [&](const char* task_id, const char* scene, int n) {
        Answer a = text_answer(task_id, "Graham came at once, but Liam punched Sophie in front of Maisie.");
        a.number = n;
        Transcript t;
        t.events = {answer(0, scene, a)};
        Debrief d = assess(t, s, *g);
        auto* ta = task(d, task_id);
        REQUIRE(ta);
        REQUIRE(!ta->verdicts.empty());
        return ta->verdicts[0].met;
    };
    // The same 5 is too hopeful the night of the network meeting and right at six weeks.
    CHECK_FALSE(in_range("scale-week0", "w0-scale", 5));
    CHECK(in_range("scale-six-weeks", "w6-scale", 5));
    CHECK(in_range("scale-week0", "w0-scale", 3));
    CHECK_FALSE(in_range("scale-six-weeks", "w6-scale", 3));
}

TEST_CASE("bookends: a goal about the same behaviour and children answers the danger statement") {
    auto g = sofs::testing::guidance();
    auto s = sofs::testing::reference_case();
    REQUIRE(s);
    Transcript t;
    t.events = {answer(0, "review-danger", text_answer("danger-statement",
                                                       "We are worried Ryan may push Jade when drunk and Mia could be dropped.")),
                answer(1, "review-goal", text_answer("safety-goal",
                                                     "Jade and Ryan will make sure Mia is always with a sober adult."))};
    Debrief d = assess(t, *s, *g);
    REQUIRE(d.overall.size() == 1);
    CHECK(d.overall[0].criterion == "BOOKENDS");
    CHECK(d.overall[0].met);
}

TEST_CASE("moves: counts, fit, aims and a reflective prompt for a move not tried") {
    auto g = sofs::testing::guidance();
    auto s = sofs::testing::reference_case();
    REQUIRE(s);
    Transcript t;
    t.events = {choose(0, "first-visit", "fv-blame"), choose(1, "first-visit", "fv-coping")};
    Debrief d = assess(t, *s, *g);
    CHECK(d.moves.fitting == 1);
    CHECK(d.moves.not_fitting == 1);
    CHECK(d.moves.count_by_move["blaming"] == 1);
    const Choice* blame = s->choice("fv-blame");
    REQUIRE(blame);
    for (int aim : blame->undermines)
        CHECK(std::find(d.moves.aims_undermined.begin(), d.moves.aims_undermined.end(), aim) != d.moves.aims_undermined.end());
    bool exception_prompt = false;
    for (auto& r : d.moves.reflections)
        if (r.find("exception question") != std::string::npos) exception_prompt = true;
    CHECK(exception_prompt);
}

TEST_CASE("past harm with labels or jargon is not met, however well it says when") {
    auto g = sofs::testing::guidance();
    auto s = sofs::testing::reference_case();
    REQUIRE(g);
    REQUIRE(s);
    auto judge = [&](const std::string& text) {
        Transcript t;
        t.events = {answer(0, "review-past-harm", text_answer("past-harm", text))};
        Debrief d = assess(t, *s, *g);
        auto* ta = task(d, "past-harm");
        REQUIRE(ta);
        REQUIRE(ta->verdicts.size() == 1);
        return ta->verdicts[0];
    };
    auto v = judge("Ryan is an alcoholic and there is domestic violence in the home. On Saturday he pushed Jade.");
    CHECK_FALSE(v.met);
    CHECK(v.evidence_words.find("alcoholic") != std::string::npos);
    CHECK_FALSE(judge("On Saturday there was DV and Ryan pushed Jade against a door.").met);
    CHECK(judge("On Saturday night Ryan pushed Jade against a door while she held Mia.").met);
    // the month is no guess ("May" inside a sentence); "may" and a sentence opening "May" are
    CHECK(judge("On Saturday night Ryan pushed Jade against a door while she held Mia, as he did twice before May.").met);
    CHECK_FALSE(judge("May have been Ryan who pushed Jade on Saturday.").met);
}

TEST_CASE("every bundled case's own expert past harm is judged what happened") {
    auto g = sofs::testing::guidance();
    REQUIRE(g);
    int judged = 0;
    for (const auto& id : sofs::testing::bundled_case_ids()) {
        auto s = sofs::testing::bundled_case(id);
        REQUIRE(s);
        for (const auto& scene : s->scenes) {
            if (!scene.task || scene.task->kind != TaskKind::PastHarm) continue;
            Transcript t;
            t.events = {answer(0, scene.id, text_answer(scene.task->id, s->expert.past_harm))};
            Debrief d = assess(t, *s, *g);
            auto* ta = task(d, scene.task->id);
            REQUIRE(ta);
            REQUIRE(ta->verdicts.size() == 1);
            CAPTURE(id);
            CAPTURE(ta->verdicts[0].explanation);
            CHECK(ta->verdicts[0].met);
            ++judged;
        }
    }
    CHECK(judged >= 4);
}
