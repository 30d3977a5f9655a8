// The playthrough (assessment/play): the one road from an action to a stored
// verdict. A golden plan played through it on a real file ends finished and
// assessed; a playthrough dropped mid-way (as a killed program would leave
// it) resumes exactly where it stopped; drafts come back; a missing guidance
// leaves the attempt for `sofs report assess-pending`.
#include "../progress/progress_fixture.hpp"
#include "../rubric/fixture.hpp"

#include "play/plan.hpp"
#include "play/playthrough.hpp"
#include "play/verdicts.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace progress_test;
using namespace sofs;

namespace {

// Milliseconds that only move when asked: two runs see the same times.
Clock counter() {
    auto t = std::make_shared<std::int64_t>(0);
    return [t] { return *t += 250; };
}

play::GuidanceSource the_guidance() {
    return [](std::string*) -> const Guidance* { return sofs::testing::guidance().get(); };
}

std::vector<play::PlanStep> golden_plan() {
    std::string err;
    auto plan = play::read_plan(std::string(SOFS_TESTS_DIR) + "/golden/reference-case/plan.yaml", &err);
    INFO(err);
    REQUIRE(plan);
    return *plan;
}

play::Setup saving_to(Store& store, const Actor& who) {
    play::Setup s;
    s.store = &store;
    s.trainee = who;
    s.seed = 7;
    s.clock = counter();
    s.guidance = the_guidance();
    return s;
}

// Follows `plan` from step `from` for at most `count` steps; returns the next step.
std::size_t follow(play::Playthrough& p, const std::vector<play::PlanStep>& plan, std::size_t from, std::size_t count) {
    std::size_t i = from;
    for (; i < plan.size() && i < from + count && !p.session().ended(); ++i) {
        auto o = play::take_step(p, plan[i], "plan.yaml");
        INFO(o.problem);
        REQUIRE(o);
    }
    return i;
}

std::size_t actions_in(const Transcript& t) {
    std::size_t n = 0;
    for (const auto& e : t.events)
        if (e.kind == Event::Kind::Advance || e.kind == Event::Kind::Choose || e.kind == Event::Kind::Answer) ++n;
    return n;
}

}  // namespace

TEST_SUITE("play") {

TEST_CASE("GIVEN the golden plan WHEN it is played through on a file THEN the attempt is finished with the assessor's verdicts") {
    TempDir dir;
    FixedClock clock;
    auto store = Store::open(dir.file("p.db"), fast(clock));
    Actor alex = store->ensure_trainee("alex");
    auto plan = golden_plan();
    std::vector<Event> printed;
    auto setup = saving_to(*store, alex);
    setup.on_saved = [&](const Event& e) { printed.push_back(e); };
    play::Playthrough p(sofs::testing::reference_case(), setup);
    REQUIRE(p.saving());
    follow(p, plan, 0, plan.size());
    REQUIRE(p.session().ended());
    CHECK(p.finished());
    CHECK(p.finish_saved());
    REQUIRE(p.debrief());
    CHECK(printed == p.session().transcript().events);
    CHECK(store->transcript(p.attempt()->id).events == p.session().transcript().events);
    auto a = store->attempt(Actor::system(), p.attempt()->id);
    REQUIRE(a);
    CHECK(a->status == AttemptStatus::Finished);
    auto stored = store->verdicts(Actor::system(), a->id);
    // One stored verdict per (task, criterion): the store keeps the first of a repeated pair.
    std::set<std::pair<std::string, std::string>> judged;
    for (const auto& r : play::verdict_rows(*p.debrief())) judged.insert({r.task, r.criterion});
    CHECK(stored.size() == judged.size());
    CHECK_FALSE(stored.empty());
    CHECK(store->unassessed_attempts().empty());
}

TEST_CASE("GIVEN a playthrough dropped mid-way WHEN the case is opened again THEN it resumes where it stopped and ends as an uninterrupted one") {
    auto plan = golden_plan();
    // The uninterrupted run.
    TempDir dir;
    FixedClock clock;
    Transcript whole;
    {
        auto store = Store::open(dir.file("whole.db"), fast(clock));
        play::Playthrough p(sofs::testing::reference_case(), saving_to(*store, store->ensure_trainee("alex")));
        follow(p, plan, 0, plan.size());
        whole = p.session().transcript();
    }
    // Twelve steps, then the program "dies": nothing is finished or closed politely.
    const std::string db = dir.file("killed.db");
    {
        auto store = Store::open(db, fast(clock));
        // Never destroyed, as after SIGKILL; held in a static so the leak
        // checker sees it as kept on purpose, not lost.
        static play::Playthrough* abandoned = nullptr;
        abandoned = new play::Playthrough(sofs::testing::reference_case(), saving_to(*store, store->ensure_trainee("alex")));
        follow(*abandoned, plan, 0, 12);
    }
    auto store = Store::open(db, fast(clock));
    Actor alex = store->ensure_trainee("alex");
    play::Playthrough again(sofs::testing::reference_case(), saving_to(*store, alex));
    CHECK(again.resumed());
    auto notices = again.take_notices();
    REQUIRE_FALSE(notices.empty());
    CHECK(notices.front().text.find("Welcome back") != std::string::npos);
    std::size_t done = actions_in(again.session().transcript());
    CHECK(done == 12);
    follow(again, plan, done, plan.size());
    REQUIRE(again.session().ended());
    auto key = [](const Transcript& t) {
        std::vector<std::string> out;
        for (const auto& e : t.events) out.push_back(std::to_string(e.step) + to_string(e.kind) + e.scene + e.choice + e.ending + e.answer.task);
        return out;
    };
    CHECK(key(again.session().transcript()) == key(whole));
    auto attempts = store->attempts(Actor::system(), alex.id);
    REQUIRE(attempts.size() == 1);
    CHECK(attempts[0].status == AttemptStatus::Finished);
}

TEST_CASE("GIVEN words written on a task WHEN the case is closed and opened again THEN the draft is on the board") {
    FixedClock clock;
    auto store = Store::open(":memory:", fast(clock));
    Actor alex = store->ensure_trainee("alex");
    auto plan = golden_plan();
    std::string task;
    {
        play::Playthrough p(sofs::testing::reference_case(), saving_to(*store, alex));
        task = p.draft_task(TaskKind::DangerStatement);
        REQUIRE_FALSE(task.empty());
        CHECK(p.save_text_draft("danger-statement", "Ryan may push Jade again"));
        CHECK(p.save_placements_draft(TaskKind::ThreeHouses, {{"the shouting", "worries"}}));
        follow(p, plan, 0, 3);
    }
    play::Playthrough again(sofs::testing::reference_case(), saving_to(*store, alex));
    REQUIRE(again.resumed());
    CHECK(again.board().texts.at("danger-statement") == "Ryan may push Jade again");
    CHECK(again.board().houses.at("the shouting") == House::Worries);
    WHEN("the case is started afresh instead") {
        auto setup = saving_to(*store, alex);
        setup.resume = false;
        play::Playthrough fresh(sofs::testing::reference_case(), setup);
        THEN("the board is empty and the old attempt is kept, superseded") {
            CHECK_FALSE(fresh.resumed());
            CHECK(fresh.board().texts.empty());
            auto attempts = store->attempts(Actor::system(), alex.id);
            REQUIRE(attempts.size() == 2);
        }
    }
}

TEST_CASE("GIVEN no guidance WHEN the case ends THEN the attempt is finished without verdicts and waits for assess-pending") {
    FixedClock clock;
    auto store = Store::open(":memory:", fast(clock));
    auto setup = saving_to(*store, store->ensure_trainee("alex"));
    setup.guidance = [](std::string* problem) -> const Guidance* {
        *problem = "no content folder";
        return nullptr;
    };
    play::Playthrough p(sofs::testing::reference_case(), setup);
    auto plan = golden_plan();
    follow(p, plan, 0, plan.size());
    CHECK(p.finish_saved());
    CHECK(p.debrief() == nullptr);
    bool told = false;
    for (const auto& n : p.take_notices()) told |= n.problem && n.text.find("no content folder") != std::string::npos;
    CHECK(told);
    REQUIRE(store->unassessed_attempts().size() == 1);
    auto r = play::assess_pending(*store, {sofs::testing::reference_case()}, *sofs::testing::guidance());
    CHECK(r.assessed == 1);
}

TEST_CASE("GIVEN no store WHEN an action is refused THEN nothing is saved and the refusal is in plain words") {
    play::Setup setup;
    setup.clock = counter();
    play::Playthrough p(sofs::testing::reference_case(), setup);
    CHECK_FALSE(p.saving());
    auto o = p.choose("no-such-choice");
    CHECK_FALSE(o.taken);
    CHECK_FALSE(o.problem.empty());
}

}  // TEST_SUITE
