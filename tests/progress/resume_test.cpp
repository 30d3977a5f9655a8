// Resuming an unfinished attempt, on the reference case: exactly where it
// stopped, across a harmless edit, and a plain account when the edit removed
// something the trainee had done (the old attempt kept, marked superseded).
#include "progress_fixture.hpp"
#include "progress/resume.hpp"

#include "load/loader.hpp"
#include "runtime/stock_answer.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace progress_test;
using namespace sofs;

namespace {

std::string reference_text() {
    std::ifstream in(std::string(SOFS_SOURCE_DIR) + "/scenarios/reference-case.yaml");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::shared_ptr<const Scenario> load(const std::string& text) {
    auto r = load_scenario_text(text, "reference-case.yaml", std::string(SOFS_SOURCE_DIR) + "/scenarios");
    REQUIRE(r.scenario);
    return r.scenario;
}

Clock counter() {
    auto t = std::make_shared<std::int64_t>(0);
    return [t] { return *t += 500; };
}

// Plays `steps` actions (first choice, stock answers), recording every event.
void play(Session& s, progress::Store& store, progress::Id attempt, std::size_t& recorded, int steps) {
    auto flush = [&] {
        for (; recorded < s.transcript().events.size(); ++recorded) store.record_event(attempt, s.transcript().events[recorded]);
    };
    flush();
    for (int i = 0; i < steps && !s.ended(); ++i) {
        View v = s.view();
        if (v.kind == View::Kind::Narration) REQUIRE_FALSE(s.advance());
        else if (v.kind == View::Kind::Choices) REQUIRE_FALSE(s.choose(v.choices.front()->id));
        else if (v.kind == View::Kind::Task) REQUIRE_FALSE(s.answer(stock_answer(s, *v.task)));
        flush();
    }
}

// The first choice id the transcript made.
std::string first_choice(const Transcript& t) {
    for (const auto& e : t.events)
        if (e.kind == Event::Kind::Choose) return e.choice;
    return "";
}

}  // namespace

TEST_SUITE("progress resume") {

TEST_CASE("an unfinished attempt resumes exactly where it stopped") {
    auto sc = load(reference_text());
    FixedClock clock;
    auto store = open_store(":memory:", fast(clock));
    Actor alex = store->ensure_trainee("alex");
    CHECK(plan_resume(*store, alex.id, *sc).kind == ResumePlan::Kind::Fresh);

    Session s(*sc, 7, counter());
    Attempt a = store->begin_attempt(alex.id, s.transcript(), facts_of(*sc));
    std::size_t recorded = 0;
    play(s, *store, a.id, recorded, 12);
    REQUIRE_FALSE(s.ended());

    WHEN("the program stops and the trainee comes back") {
        auto plan = plan_resume(*store, alex.id, *sc);
        THEN("the saved transcript rebuilds the same place in the story") {
            REQUIRE(plan.kind == ResumePlan::Kind::Resume);
            CHECK(plan.attempt->id == a.id);
            CHECK_FALSE(plan.content_changed);
            CHECK(plan.transcript == s.transcript());
            auto again = Session::restore(*sc, plan.transcript, nullptr, counter());
            REQUIRE(again);
            CHECK(again->view().scene->id == s.view().scene->id);
            CHECK(again->revealed_facts() == s.revealed_facts());
        }
    }
}

TEST_CASE("a changed scenario resumes when every saved id is still there") {
    const std::string text = reference_text();
    auto sc = load(text);
    FixedClock clock;
    auto store = open_store(":memory:", fast(clock));
    Actor alex = store->ensure_trainee("alex");
    Session s(*sc, 7, counter());
    Attempt a = store->begin_attempt(alex.id, s.transcript(), facts_of(*sc));
    std::size_t recorded = 0;
    play(s, *store, a.id, recorded, 8);

    GIVEN("an edit that only rewords the summary") {
        std::string edited = text;
        auto at = edited.find("summary: \"");
        REQUIRE(at != std::string::npos);
        edited.insert(at + 10, "Edited. ");
        auto sc2 = load(edited);
        REQUIRE(sc2->content_hash != sc->content_hash);
        auto plan = plan_resume(*store, alex.id, *sc2);
        CHECK(plan.kind == ResumePlan::Kind::Resume);
        CHECK(plan.content_changed);
    }
    GIVEN("an edit that renames a choice the trainee made") {
        std::string chosen = first_choice(s.transcript());
        REQUIRE_FALSE(chosen.empty());
        std::string edited = text;
        auto at = edited.find("id: " + chosen + "\n");
        REQUIRE(at != std::string::npos);
        edited.replace(at, 4 + chosen.size(), "id: " + chosen + "-reworded");
        auto sc2 = load(edited);
        auto plan = plan_resume(*store, alex.id, *sc2);
        THEN("the plan says plainly what changed and offers a fresh start") {
            REQUIRE(plan.kind == ResumePlan::Kind::Changed);
            CHECK(plan.why.find(chosen) != std::string::npos);
            CHECK(plan.why.find("kept") != std::string::npos);
        }
        WHEN("the fresh start is taken") {
            Session fresh(*sc2, 7, counter());
            Attempt b = store->begin_attempt(alex.id, fresh.transcript(), facts_of(*sc2), plan.why);
            THEN("the old attempt is kept, superseded, with its events") {
                auto old = store->attempt(Actor::system(), a.id);
                REQUIRE(old);
                CHECK(old->status == AttemptStatus::Superseded);
                CHECK(old->superseded_because == plan.why);
                CHECK(old->events == static_cast<int>(recorded));
                CHECK(store->open_attempt(alex.id, sc->id)->id == b.id);
            }
        }
    }
}

}  // TEST_SUITE
