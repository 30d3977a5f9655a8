// The assessor's debrief as stored verdicts, and attempts left unassessed.
#include "../progress/progress_fixture.hpp"
#include "play/verdicts.hpp"

#include <doctest/doctest.h>

using namespace progress_test;
using sofs::play::verdict_rows;
using sofs::play::assess_pending;

TEST_SUITE("play verdicts") {

TEST_CASE("a debrief becomes one row per task and criterion, overall ones under no task") {
    sofs::Debrief d;
    sofs::TaskAssessment ds;
    ds.task = "danger-1";
    sofs::Verdict who;
    who.criterion = "DS-WHO";
    who.met = true;
    who.evidence_words = "\"social workers\"";
    who.explanation = "says who is worried";
    ds.verdicts.push_back(who);
    d.tasks.push_back(ds);
    sofs::Verdict overall;
    overall.criterion = "BOOKENDS";
    d.overall.push_back(overall);
    auto rows = verdict_rows(d);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].task == "danger-1");
    CHECK(rows[0].criterion == "DS-WHO");
    CHECK(rows[0].met);
    CHECK(rows[0].evidence_words == "\"social workers\"");
    CHECK(rows[1].task == "");
    CHECK_FALSE(rows[1].met);
}

TEST_CASE("an attempt finished without verdicts is found and, with no scenario for it, skipped with a reason") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    Actor alex = s->ensure_trainee("alex");
    Attempt a = finished_attempt(*s, alex.id, 3, {});
    Attempt b = finished_attempt(*s, alex.id, 3, {{"danger-1", "DS-WHO", true, "", "", ""}});
    auto pending = s->unassessed_attempts();
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].id == a.id);
    CHECK(pending[0].id != b.id);
    sofs::Guidance g;
    auto r = assess_pending(*s, {}, g);
    CHECK(r.assessed == 0);
    REQUIRE(r.skipped.size() == 1);
    CHECK(r.skipped[0].find("no scenario") != std::string::npos);
    WHEN("verdicts are added later") {
        s->add_verdicts(a.id, {{"danger-1", "DS-WHO", false, "", "", ""}});
        THEN("nothing is pending") { CHECK(s->unassessed_attempts().empty()); }
    }
}

}  // TEST_SUITE
