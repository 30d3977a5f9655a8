// The live screens' pieces against the throw-away PostgreSQL cluster
// (SOFS_TEST_POSTGRES, tools/pg-test-cluster.sh): the listener thread wakes
// the window only when the store NOTIFYs (a trainee joins, answers, votes),
// the room rows become the trainer's anonymous table, the session and its
// vote rounds read as a trainee and as the trainer, and a revealed round
// becomes the histogram's bins.
#include "../pgstore/pg_fixture.hpp"

#include "live/live_link.hpp"
#include "live/live_model.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace pg_test;
namespace live = sofs::ui::live;

namespace {

// Counts wakes and lets the test wait for the next one (as the window's event wait does).
struct Waker {
    std::mutex m;
    std::condition_variable cv;
    int wakes = 0;
    void wake() {
        std::lock_guard<std::mutex> lock(m);
        ++wakes;
        cv.notify_all();
    }
    bool wait_for(int n, int ms) {
        std::unique_lock<std::mutex> lock(m);
        return cv.wait_for(lock, std::chrono::milliseconds(ms), [&] { return wakes >= n; });
    }
};

}  // namespace

TEST_CASE("the live screen's listener wakes the window on NOTIFY only; the room, rounds and bins read through it") {
    if (!postgres_available()) return;
    FreshDatabase db;
    auto admin = PgStore::open(db.uri(), counting_clock());
    Actor root = admin->me();
    admin->add_person(root, "Ana Lowe", Role::Trainee, "", false, std::string("ana-pw-77"));
    admin->add_person(root, "Ben Okafor", Role::Trainee, "", false, std::string("ben-pw-77"));
    admin->add_person(root, "Tess Marsh", Role::Trainer, "", false, std::string("tess-pw-77"));
    admin->create_cohort("Tuesday group", sofs::Audience::TwoDay);
    for (const char* who : {"Tess Marsh", "Ana Lowe", "Ben Okafor"}) admin->add_to_cohort("Tuesday group", who);
    auto uri = [&](const std::string& name, const std::string& pw) {
        return db.server.as(admin->login_role(name).value(), pw, db.name);
    };

    live::Link trainer;
    std::string err;
    REQUIRE_MESSAGE(trainer.connect(uri("Tess Marsh", "tess-pw-77"), &err), err);
    auto session = trainer.store().open_live_session("Tuesday group", "reference-case");
    auto mine = trainer.store().my_open_sessions();
    REQUIRE(mine.size() == 1);
    CHECK(mine[0].join_code == session.join_code);
    CHECK(mine[0].cohort == "Tuesday group");

    Waker waker;
    REQUIRE_MESSAGE(trainer.listen(session.id, [&] { waker.wake(); }, &err), err);
    // Nothing moves: no wake in a second (the thread sleeps in poll on the socket).
    CHECK_FALSE(waker.wait_for(1, 1000));
    CHECK(trainer.take_changes().empty());

    auto ana = PgStore::open(uri("Ana Lowe", "ana-pw-77"), counting_clock());
    auto ben = PgStore::open(uri("Ben Okafor", "ben-pw-77"), counting_clock());
    auto t0 = std::chrono::steady_clock::now();
    ana->join_live_session(session.join_code);
    REQUIRE(waker.wait_for(1, 3000));
    double join_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    CHECK(trainer.take_changes() == std::vector<std::string>{"members"});
    ben->join_live_session(session.join_code);
    REQUIRE(waker.wait_for(2, 3000));
    trainer.take_changes();

    // The trainee's view of the session: its case, for opening it.
    auto seen = ana->live_session(session.id);
    REQUIRE(seen);
    CHECK(seen->scenario == "reference-case");
    CHECK(ana->my_open_sessions().empty());

    // Ana plays: each event wakes the trainer; the room shows her, anonymously.
    Attempt a = ana->begin_attempt(ana->me().id, header(), facts());
    int before = waker.wakes;
    auto events = a_short_playthrough();
    for (const auto& e : events) ana->record_event(a.id, e);
    REQUIRE(waker.wait_for(before + 1, 3000));
    std::vector<live::Member> members;
    for (const auto& w : trainer.store().room(session.id)) members.push_back({w.name, w.scene, w.step, w.kind, w.task, w.status});
    auto lines = live::room_lines(members, false, {});
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].who == "Person 1");
    CHECK(lines[0].started);
    CHECK(lines[0].where == events.back().scene);
    CHECK_FALSE(lines[1].started);
    CHECK(live::room_summary(members) == "2 people have joined; 1 started.");

    // Vote, then reveal, twice; the rounds read the same for trainee and trainer.
    trainer.store().open_vote(session.id, "scale");
    ana->cast_vote(session.id, "scale", 3);
    ben->cast_vote(session.id, "scale", 6);
    CHECK(trainer.store().votes_cast(session.id, "scale") == 2);
    auto rounds = ana->vote_rounds(session.id);
    REQUIRE(rounds.size() == 1);
    CHECK_FALSE(rounds[0].revealed);
    trainer.store().reveal_vote(session.id, "scale");
    trainer.store().open_vote(session.id, "scale");
    ana->cast_vote(session.id, "scale", 4);
    ben->cast_vote(session.id, "scale", 4);
    trainer.store().reveal_vote(session.id, "scale");
    rounds = ben->vote_rounds(session.id);
    REQUIRE(rounds.size() == 2);
    CHECK(rounds[0].revealed);
    CHECK(rounds[1].round == 2);
    live::Bins first = live::bin_votes(trainer.store().revealed_votes(session.id, "scale", 1), 2, 4);
    live::Bins second = live::bin_votes(ana->revealed_votes(session.id, "scale", 2), 2, 4);
    CHECK(first.counts[3] == 1);
    CHECK(first.counts[6] == 1);
    CHECK(first.in_range == 1);
    CHECK(second.counts[4] == 2);
    CHECK(second.in_range == 2);
    // The kinds of change the listener heard, in order, every one of them.
    REQUIRE(waker.wait_for(before + 2, 3000));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto heard = trainer.take_changes();
    CHECK(std::count(heard.begin(), heard.end(), "revealed") == 2);
    CHECK(std::count(heard.begin(), heard.end(), "votes") == 4);
    CHECK(trainer.listener_problem().empty());
    MESSAGE("a trainee's join woke the trainer's window in " << join_ms << " ms; " << trainer.wakes() << " wakes in all");
    trainer.stop();
}
