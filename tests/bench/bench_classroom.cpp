// A classroom on one PostgreSQL store: N trainees (default 40), each on their
// own connection as their own login role, record a playthrough at once while
// the trainer's connection waits on NOTIFY and refreshes the room after each
// wake; then everyone votes and the trainer reveals. Prints the room refresh
// time and the delay from an answer's commit to the trainer's screen showing
// it (median and 95th percentile), and checks every answer arrived exactly once.
//
// Needs SOFS_TEST_POSTGRES (tools/pg-test-cluster.sh start). Usage:
//   bench_classroom [TRAINEES] [EVENTS_PER_TRAINEE]
#include "pg_bench.hpp"
#include "postgres.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace sofs::progress;
using pg_bench::Clock;
using pg_bench::ms;
using pg_bench::percentile;

int main(int argc, char** argv) {
    const char* base = std::getenv("SOFS_TEST_POSTGRES");
    if (!base) {
        std::fprintf(stderr, "bench_classroom: set SOFS_TEST_POSTGRES (eval \"$(tools/pg-test-cluster.sh start)\")\n");
        return 2;
    }
    const int trainees = argc > 1 ? std::atoi(argv[1]) : 40;
    const int per_trainee = argc > 2 ? std::atoi(argv[2]) : 20;
    std::string uri = base;
    pg_bench::ScratchDb db("bench_classroom", uri, "sofs_bench_");
    const std::string db_uri = db.uri;
    auto as = [&](const std::string& role, const std::string& pw) { return db.as(role, pw); };

    std::vector<std::string> roles;
    std::string tess_role;
    PgStore::LiveSession session;
    {
        auto admin = PgStore::open(db_uri);
        Actor root = admin->me();
        admin->create_cohort("Bench course", sofs::Audience::TwoDay);
        admin->add_person(root, "Tess Marsh", Role::Trainer, "", false, std::string("trainer-pass-1"));
        admin->add_to_cohort("Bench course", "Tess Marsh");
        for (int i = 0; i < trainees; ++i) {
            std::string name = "Trainee " + std::to_string(i);
            admin->add_person(root, name, Role::Trainee, "", false, std::string("trainee-pass-") + std::to_string(i));
            admin->add_to_cohort("Bench course", name);
            roles.push_back(*admin->login_role(name));
        }
        tess_role = *admin->login_role("Tess Marsh");
    }
    auto tess = PgStore::open(as(tess_role, "trainer-pass-1"));
    session = tess->open_live_session("Bench course", "reference-case");
    tess->listen(session.id);

    // When each (trainee, step) was committed.
    std::mutex m;
    std::map<std::pair<std::string, int>, Clock::time_point> committed;
    std::atomic<int> done{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> players;
    auto start = Clock::now();
    for (int i = 0; i < trainees; ++i) {
        players.emplace_back([&, i] {
            try {
                auto me = PgStore::open(as(roles[i], "trainee-pass-" + std::to_string(i)));
                me->join_live_session(session.join_code);
                sofs::Transcript h;
                h.scenario = "reference-case";
                h.content_hash = "bench";
                Attempt a = me->begin_attempt(me->me().id, h, {"reference-case", "bench", "Bench", 3, 2, 5});
                for (int step = 0; step < per_trainee; ++step) {
                    sofs::Event e;
                    e.step = step;
                    e.kind = step == 0 ? sofs::Event::Kind::Start : sofs::Event::Kind::Answer;
                    e.scene = "scene-" + std::to_string(step);
                    if (step > 0) {
                        e.answer.task = "task-" + std::to_string(step);
                        e.answer.number = step % 11;
                    }
                    me->record_event(a.id, e);
                    std::lock_guard lock(m);
                    committed[{"Trainee " + std::to_string(i), step}] = Clock::now();
                }
            } catch (const std::exception& e) {
                std::fprintf(stderr, "trainee %d: %s\n", i, e.what());
                ++failures;
            }
            ++done;
        });
    }

    std::vector<double> refresh, delay;
    std::map<std::string, int> shown;  // the step the trainer's screen shows for each person
    int wakes = 0;
    for (;;) {
        auto woke = tess->wait_for_changes(200);
        bool finished = done.load() == trainees;
        if (woke.empty() && !finished) continue;
        ++wakes;
        auto t0 = Clock::now();
        auto room = tess->room(session.id);
        auto t1 = Clock::now();
        refresh.push_back(ms(t1 - t0));
        std::lock_guard lock(m);
        for (const auto& w : room) {
            int before = shown.count(w.name) ? shown[w.name] : -1;
            for (int s = before + 1; s <= w.step; ++s) {
                auto it = committed.find({w.name, s});
                if (it != committed.end()) delay.push_back(ms(t1 - it->second));
            }
            shown[w.name] = std::max(before, w.step);
        }
        if (finished && woke.empty()) break;
    }
    for (auto& t : players) t.join();
    double play_s = ms(Clock::now() - start) / 1000;

    // The same refresh with the room quiet (no one writing): the query's own cost.
    std::vector<double> quiet;
    for (int i = 0; i < 20; ++i) {
        auto t0 = Clock::now();
        tess->room(session.id);
        quiet.push_back(ms(Clock::now() - t0));
    }

    // Everyone votes on one scaling task; the trainer reveals.
    tess->open_vote(session.id, "task-1");
    std::vector<std::thread> voters;
    for (int i = 0; i < trainees; ++i)
        voters.emplace_back([&, i] {
            auto me = PgStore::open(as(roles[i], "trainee-pass-" + std::to_string(i)));
            me->cast_vote(session.id, "task-1", i % 11);
        });
    for (auto& t : voters) t.join();
    int counted = tess->votes_cast(session.id, "task-1");
    auto r0 = Clock::now();
    tess->reveal_vote(session.id, "task-1");
    auto numbers = tess->revealed_votes(session.id, "task-1", 1);
    double reveal_ms = ms(Clock::now() - r0);
    auto h = histogram(numbers);

    PGconn* c = PQconnectdb(db_uri.c_str());
    PGresult* r = PQexec(c, "SELECT count(*), count(DISTINCT (attempt, step)) FROM events");
    long events = std::atol(PQgetvalue(r, 0, 0)), distinct = std::atol(PQgetvalue(r, 0, 1));
    PQclear(r);
    PQfinish(c);
    tess.reset();
    roles.push_back(tess_role);
    db.drop(roles);

    std::printf("classroom: %d trainees x %d events on one PostgreSQL store, %.1f s to play, %d failures\n", trainees,
                per_trainee, play_s, failures.load());
    std::printf("  events stored: %ld (expected %d), distinct (attempt, step): %ld\n", events, trainees * per_trainee,
                distinct);
    std::printf("  trainer woken %d times; room refresh: median %.1f ms, p95 %.1f ms (aim < 200 ms)\n", wakes,
                percentile(refresh, 0.5), percentile(refresh, 0.95));
    std::printf("  room refresh with the room quiet: median %.1f ms, p95 %.1f ms\n", percentile(quiet, 0.5),
                percentile(quiet, 0.95));
    std::printf("  answer committed -> on the trainer's screen: median %.1f ms, p95 %.1f ms over %zu answers (aim < 250 ms)\n",
                percentile(delay, 0.5), percentile(delay, 0.95), delay.size());
    std::printf("  vote: %d of %d counted before the reveal; reveal + read %.1f ms; histogram 0..10:", counted, trainees,
                reveal_ms);
    for (int n : h) std::printf(" %d", n);
    std::printf("\n");
    return events == trainees * per_trainee && distinct == events && failures == 0 ? 0 : 1;
}
