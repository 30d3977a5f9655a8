// Live sessions on PostgreSQL: a trainer opens one, trainees join with its
// code, the trainer's connection is woken by NOTIFY when a trainee's play
// moves on (no polling), and a scaling vote stays private until revealed,
// then shows every number without names, round after round; `sofs live
// export` writes the same file as the application's Statement wall tab.
#include "pg_fixture.hpp"

#include "../tools/run_support.hpp"
#include "live/session_export.hpp"
#include "load/loader.hpp"
#include "rubric/assess.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <fstream>

using namespace pg_test;

namespace {

struct Room : Classroom {
    std::unique_ptr<PgStore> tess, ana, ben;
    Room() {
        add("Ana Lowe", Role::Trainee, "ana-pw-77");
        add("Ben Okafor", Role::Trainee, "ben-pw-77");
        add("Cal Reyes", Role::Trainee, "cal-pw-77");
        add("Tess Marsh", Role::Trainer, "tess-pw-77");
        cohort("Tuesday group", sofs::Audience::TwoDay, {"Tess Marsh", "Ana Lowe", "Ben Okafor"});
        cohort("Thursday group", sofs::Audience::TwoDay, {"Cal Reyes"});
        tess = as("Tess Marsh", "tess-pw-77");
        ana = as("Ana Lowe", "ana-pw-77");
        ben = as("Ben Okafor", "ben-pw-77");
    }
};

}  // namespace

TEST_CASE("a trainee's answer wakes the trainer's screen through NOTIFY, and the room shows where each person is") {
    if (!postgres_available()) return;
    Room room;
    auto session = room.tess->open_live_session("Tuesday group", "reference-case");
    CHECK(session.join_code.size() == 6);
    room.tess->listen(session.id);
    CHECK(room.ana->join_live_session(session.join_code) == session.id);
    CHECK(room.tess->wait_for_changes(2000) == std::vector<std::string>{"members"});
    room.ben->join_live_session(session.join_code);
    room.tess->wait_for_changes(2000);
    auto cal = room.as("Cal Reyes", "cal-pw-77");
    CHECK_THROWS_WITH_AS(cal->join_live_session(session.join_code), doctest::Contains("another cohort"), StoreError);

    CHECK(room.tess->wait_for_changes(0).empty());  // nothing moved: nothing to redraw
    Attempt a = room.ana->begin_attempt(room.ana->me().id, header(), facts());
    std::vector<double> delays_ms;
    std::vector<double> refresh_ms;
    int step = 0;
    for (const auto& e : a_short_playthrough()) {
        auto t0 = std::chrono::steady_clock::now();
        room.ana->record_event(a.id, e);
        auto woke = room.tess->wait_for_changes(2000);
        auto t1 = std::chrono::steady_clock::now();
        REQUIRE(woke == std::vector<std::string>{"progress"});
        delays_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        auto everyone = room.tess->room(session.id);
        refresh_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count());
        REQUIRE(everyone.size() == 2);
        CHECK(everyone[0].name == "Ana Lowe");
        CHECK(everyone[0].step == step);
        CHECK(everyone[0].scene == e.scene);
        CHECK(everyone[1].name == "Ben Okafor");
        CHECK(everyone[1].step == -1);  // not started
        ++step;
    }
    std::sort(delays_ms.begin(), delays_ms.end());
    std::sort(refresh_ms.begin(), refresh_ms.end());
    MESSAGE("answer committed -> trainer woken: median " << delays_ms[delays_ms.size() / 2] << " ms, worst "
                                                          << delays_ms.back() << " ms; room refresh: worst "
                                                          << refresh_ms.back() << " ms (2 members, loopback)");
    CHECK(delays_ms.back() < 1000);
    // A trainee sees only themself in the room.
    auto seen_by_ana = room.ana->room(session.id);
    REQUIRE(seen_by_ana.size() == 1);
    CHECK(seen_by_ana[0].name == "Ana Lowe");
}

TEST_CASE("vote, then reveal: private until the trainer reveals, then every number without names, round by round") {
    if (!postgres_available()) return;
    Room room;
    auto session = room.tess->open_live_session("Tuesday group", "reference-case");
    room.ana->join_live_session(session.join_code);
    room.ben->join_live_session(session.join_code);
    CHECK_THROWS_AS(room.ana->cast_vote(session.id, "scale-1", 3), StoreError);  // no vote open yet
    CHECK_THROWS_AS(room.ana->open_vote(session.id, "scale-1"), StoreError);     // only the trainer opens one
    CHECK(room.tess->open_vote(session.id, "scale-1") == 1);
    room.ana->cast_vote(session.id, "scale-1", 2);
    room.ana->cast_vote(session.id, "scale-1", 3);  // changed her mind before the reveal
    room.ben->cast_vote(session.id, "scale-1", 6);
    CHECK(room.tess->votes_cast(session.id, "scale-1") == 2);
    CHECK(room.tess->revealed_votes(session.id, "scale-1", 1).empty());  // hidden until revealed
    CHECK(room.ana->revealed_votes(session.id, "scale-1", 1).empty());
    auto bens_vote = psql_as(room.uri("Ana Lowe", ""), "ana-pw-77",
                             "SELECT count(*) FROM votes WHERE number = 6");
    CHECK(bens_vote.out == "0\n");  // Ana cannot read Ben's vote from the table either
    CHECK_THROWS_AS(room.ana->reveal_vote(session.id, "scale-1"), StoreError);

    CHECK(room.tess->reveal_vote(session.id, "scale-1") == 1);
    CHECK(room.tess->revealed_votes(session.id, "scale-1", 1) == std::vector<int>{3, 6});
    CHECK(room.ben->revealed_votes(session.id, "scale-1", 1) == std::vector<int>{3, 6});
    CHECK_THROWS_AS(room.ben->cast_vote(session.id, "scale-1", 9), StoreError);  // revealed: closed

    // After discussion, a second round; the first stays for side-by-side.
    CHECK(room.tess->open_vote(session.id, "scale-1") == 2);
    CHECK(room.tess->votes_cast(session.id, "scale-1") == 0);
    room.ana->cast_vote(session.id, "scale-1", 4);
    room.ben->cast_vote(session.id, "scale-1", 4);
    room.tess->reveal_vote(session.id, "scale-1");
    auto first = histogram(room.tess->revealed_votes(session.id, "scale-1", 1));
    auto second = histogram(room.tess->revealed_votes(session.id, "scale-1", 2));
    CHECK(first[3] == 1);
    CHECK(first[6] == 1);
    CHECK(second[4] == 2);
    CHECK_THROWS_AS(room.ana->cast_vote(session.id, "scale-1", 11), StoreError);
}

TEST_CASE("`sofs live` from separate processes: the trainer's watch is woken by a trainee's answer; a vote is revealed") {
    if (!postgres_available()) return;
    Room room;
    const std::string tess = room.uri("Tess Marsh", "tess-pw-77"), ana = room.uri("Ana Lowe", "ana-pw-77"),
                      ben = room.uri("Ben Okafor", "ben-pw-77");
    auto opened = tools_test::run({"live", "open", "--cohort", "Tuesday group", "--scenario", "reference-case", "--db", tess});
    INFO(opened.out, opened.err);
    REQUIRE(opened.rc == 0);
    const std::string code = opened.out.substr(opened.out.find("join code ") + 10, 6);
    const std::string session = opened.out.substr(8, opened.out.find(' ', 8) - 8);
    CHECK(tools_test::run({"live", "join", code, "--db", ana}).rc == 0);
    CHECK(tools_test::run({"live", "join", code, "--db", ben}).rc == 0);

    // The trainer watches from another process while Ana plays in this one.
    auto watch = tools_test::start({"live", "watch", session, "--for-ms", "4000", "--db", tess});
    auto ana_store = room.as("Ana Lowe", "ana-pw-77");
    Attempt a = ana_store->begin_attempt(ana_store->me().id, header(), facts());
    // The watcher may still be connecting: the start is recorded once it listens (its first room is printed).
    std::string seen;
    char buf[4096];
    while (seen.find("the room (session") == std::string::npos) {
        ssize_t n = read(watch.out, buf, sizeof buf);
        if (n <= 0) break;
        seen.append(buf, static_cast<std::size_t>(n));
    }
    ana_store->record_event(a.id, a_short_playthrough()[0]);
    seen += tools_test::drain(watch.out);
    tools_test::drain(watch.err);
    CHECK(tools_test::wait_exit(watch.pid) == 0);
    INFO(seen);
    CHECK(seen.find("changed: progress") != std::string::npos);
    CHECK(seen.find("Ana Lowe                 playing   scene referral, step 0") != std::string::npos);

    CHECK(tools_test::run({"live", "open-vote", session, "--task", "scale-1", "--db", tess}).rc == 0);
    CHECK(tools_test::run({"live", "vote", session, "--task", "scale-1", "--number", "3", "--db", ana}).rc == 0);
    CHECK(tools_test::run({"live", "vote", session, "--task", "scale-1", "--number", "6", "--db", ben}).rc == 0);
    auto revealed = tools_test::run({"live", "reveal", session, "--task", "scale-1", "--db", tess});
    INFO(revealed.out, revealed.err);
    CHECK(revealed.rc == 0);
    CHECK(revealed.out.find("round 1 on scale-1 revealed; 2 vote(s): 3 6") != std::string::npos);
    CHECK(revealed.out.find("   3 | #\n") != std::string::npos);
    CHECK(revealed.out.find("Ana") == std::string::npos);
    auto not_trainer = tools_test::run({"live", "reveal", session, "--task", "scale-1", "--db", ana});
    CHECK(not_trainer.rc == 1);
}

namespace {

// A tiny case whose visit is a pause point.
const char* kPausedCase = R"(id: tiny-pause
title: "A tiny vignette with a pause"
summary: "One visit, one pause, one ending."
audiences: [two-day]
topics: ["example"]
minutes: 5
version: 1
aims: [1]
referral: "The school rang about Sam."
people:
  - {id: sam, name: Sam, age: 5, role: child}
  - {id: ava, name: Ava, age: 30, role: caregiver}
facts:
  - {id: alone, kind: past-harm, text: "Sam was left alone one evening."}
start: visit
scenes:
  - id: visit
    title: "The visit"
    reveals: [alone]
    pause: "Who is worried about Sam, and about what?"
    lines:
      - {speaker: ava, text: "Come in."}
    next: end
  - id: end
    title: "End"
    ending: done
endings:
  - {id: done, title: "Done"}
expert:
  danger_statements: ["The school is worried Sam could be hurt if left alone again."]
)";

}  // namespace

TEST_CASE("a pause point holds `sofs play --live` until the trainer releases it; after the release play goes straight on") {
    if (!postgres_available()) return;
    Room room;
    tools_test::TempDir dir;
    const std::string file = dir.file("tiny-pause.yaml");
    {
        std::ofstream out(file);
        out << kPausedCase;
    }
    const std::string tess = room.uri("Tess Marsh", "tess-pw-77"), ana = room.uri("Ana Lowe", "ana-pw-77"),
                      ben = room.uri("Ben Okafor", "ben-pw-77");
    auto session = room.tess->open_live_session("Tuesday group", "tiny-pause");
    room.ana->join_live_session(session.join_code);
    room.ben->join_live_session(session.join_code);
    const std::string sid = std::to_string(session.id);

    auto ana_play = tools_test::start({"play", file, "--random", "--db", ana, "--user", "Ana Lowe", "--live", sid});
    std::string seen;
    char buf[4096];
    while (seen.find("\"pause\":\"visit\"") == std::string::npos) {
        ssize_t n = read(ana_play.out, buf, sizeof buf);
        if (n <= 0) break;
        seen.append(buf, static_cast<std::size_t>(n));
    }
    INFO(seen);
    CHECK(seen.find("Who is worried about Sam") != std::string::npos);
    // Held: the trainer sees her waiting, and nothing of the case goes on.
    int waiting = 0;
    for (int i = 0; i < 100 && waiting == 0; ++i) {
        waiting = room.tess->waiting_at_pause(session.id, "visit");
        if (!waiting) room.tess->wait_for_changes(50);
    }
    CHECK(waiting == 1);
    CHECK_FALSE(room.tess->pause_released(session.id, "visit"));
    CHECK(seen.find("\"ending\"") == std::string::npos);
    // Only the session's trainer may release it.
    CHECK(tools_test::run({"live", "release", sid, "--scene", "visit", "--db", ben}).rc == 1);
    auto released = tools_test::run({"live", "release", sid, "--scene", "visit", "--db", tess});
    INFO(released.out, released.err);
    CHECK(released.rc == 0);
    CHECK(released.out.find("1 waiting there go on") != std::string::npos);
    seen += tools_test::drain(ana_play.out);
    tools_test::drain(ana_play.err);
    CHECK(tools_test::wait_exit(ana_play.pid) == 0);
    CHECK(seen.find("{\"released\":\"visit\"}") != std::string::npos);
    CHECK(seen.find("\"ending\":\"done\"") != std::string::npos);
    // Ben arrives after the release: he is not held.
    auto ben_play = tools_test::run({"play", file, "--random", "--db", ben, "--user", "Ben Okafor", "--live", sid});
    INFO(ben_play.err);
    CHECK(ben_play.rc == 0);
    CHECK(ben_play.out.find("\"ending\":\"done\"") != std::string::npos);
    // Without a PostgreSQL store there is no live session to hold in.
    CHECK(tools_test::run({"play", file, "--random", "--db", dir.file("p.db"), "--user", "Ana Lowe", "--live", sid}).rc == 2);
}

TEST_CASE("`sofs live export`: the trainer writes the wall, the improved statements and the votes, as the application does") {
    if (!postgres_available()) return;
    Room room;
    const std::string tess = room.uri("Tess Marsh", "tess-pw-77"), ana = room.uri("Ana Lowe", "ana-pw-77");
    auto session = room.tess->open_live_session("Tuesday group", "reference-case");
    room.ana->join_live_session(session.join_code);
    room.ben->join_live_session(session.join_code);
    // Ana and Ben write their danger statements and safety goals in the case.
    auto answer = [](PgStore& store, const std::string& danger, const std::string& goal) {
        Attempt a = store.begin_attempt(store.me().id, header(), facts());
        using K = sofs::Event::Kind;
        auto d = event(1, K::Answer, "danger");
        d.answer.task = "danger-statement";
        d.answer.text = danger;
        auto g = event(2, K::Answer, "goal");
        g.answer.task = "safety-goal";
        g.answer.text = goal;
        for (const auto& e : {event(0, K::Start, "referral"), d, g}) store.record_event(a.id, e);
    };
    answer(*room.ana, "The police and social worker are worried that Ryan could hit Jade again when he has been drinking, and Kai could be hurt.",
           "Jade and Ryan will make sure that Kai and Mia are looked after by a sober adult every evening for the next six months.");
    answer(*room.ben, "=Worried about the family", "Ryan will not drink.");
    room.tess->set_wall_mark(session.id, "Ben Okafor\nsafety-goal", true, false);       // pinned
    room.tess->set_wall_mark(session.id, "Ben Okafor\ndanger-statement", false, true);  // hidden
    // A vote, revealed; a statement improved together.
    room.tess->open_vote(session.id, "scaling");
    room.ana->cast_vote(session.id, "scaling", 3);
    room.ben->cast_vote(session.id, "scaling", 6);
    room.tess->reveal_vote(session.id, "scaling");
    Id imp = room.tess->open_improvement(session.id, "danger", "Worried about the family");
    room.ana->propose_edit(imp, "The school is worried Kai could be hurt if Ryan hits Jade again.");
    room.tess->pick_proposal(imp, room.tess->proposals(imp).front().id);

    const std::string id = std::to_string(session.id);
    tools_test::TempDir dir;
    auto help = tools_test::run({"live", "--help"});
    CHECK(help.out.find("sofs live export SESSION --out FOLDER [--format md|csv]") != std::string::npos);
    CHECK(tools_test::run({"live", "export", id, "--db", tess}).rc == 2);                                       // no --out
    CHECK(tools_test::run({"live", "export", id, "--out", dir.path.string(), "--format", "pdf", "--db", tess}).rc == 2);
    CHECK(tools_test::run({"live", "export", "--out", dir.path.string(), "--db", tess}).rc == 2);               // no session
    auto missing = tools_test::run({"live", "export", id, "--out", (dir.path / "nowhere").string(), "--db", tess});
    CHECK(missing.rc == 1);
    CHECK(missing.err.find("does not exist") != std::string::npos);
    auto trainee = tools_test::run({"live", "export", id, "--out", dir.path.string(), "--db", ana});
    CHECK(trainee.rc == 1);
    CHECK(trainee.err.find("only the session's trainer") != std::string::npos);
    CHECK(tools_test::run({"live", "export", "99999", "--out", dir.path.string(), "--db", tess}).rc == 1);
    CHECK_FALSE(std::filesystem::exists(dir.path / ("live-session-" + session.join_code + "-wall.md")));

    // What the application's wall tab writes: the same reader, the same marks.
    auto library = sofs::load_library({std::string(SOFS_SOURCE_DIR) + "/scenarios"});
    std::shared_ptr<const sofs::Scenario> ref;
    for (const auto& s : library.scenarios)
        if (s->id == "reference-case") ref = s;
    REQUIRE(ref);
    std::string err;
    std::shared_ptr<const sofs::Guidance> guidance = sofs::Guidance::load(SOFS_CONTENT_DIR, &err);
    REQUIRE(guidance);
    auto info = room.tess->live_session(session.id);
    REQUIRE(info);
    auto expected = sofs::live::read_session(*room.tess, *info, ref, sofs::live::assessor_marks(ref, guidance));

    for (const char* format : {"md", "csv"}) {
        auto out = tools_test::run({"live", "export", id, "--out", dir.path.string(), "--format", format, "--db", tess,
                                    "--scenarios", std::string(SOFS_SOURCE_DIR) + "/scenarios", "--content", SOFS_CONTENT_DIR});
        INFO(out.out, out.err);
        REQUIRE(out.rc == 0);
        std::filesystem::path file = dir.path / ("live-session-" + session.join_code + "-wall." + format);
        CHECK(out.out.find(file.string()) != std::string::npos);
        struct stat st {};
        REQUIRE(stat(file.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        std::ifstream in(file);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK(text == (std::string(format) == "md" ? sofs::live::export_markdown(expected) : sofs::live::export_csv(expected)));
        CHECK(text.find("Ana") == std::string::npos);
        CHECK(text.find("Ben") == std::string::npos);
        CHECK(text.find("Ryan could hit Jade again") != std::string::npos);
        CHECK(text.find("Ryan will not drink.") != std::string::npos);
        CHECK(text.find("=Worried about the family") == std::string::npos);   // hidden (and never a formula)
        CHECK(text.find("The school is worried Kai could be hurt if Ryan hits Jade again.") != std::string::npos);
        CHECK(text.find("Says who is worried") != std::string::npos);           // the assessor's marks
        if (std::string(format) == "md") {
            CHECK(text.find("# Statement wall, live session " + session.join_code) == 0);
            CHECK(text.find("(pinned)") != std::string::npos);
            CHECK(text.find("**(picked)**") != std::string::npos);
            CHECK(text.find("| The numbers | 3 6 |") != std::string::npos);
        } else {
            CHECK(text.rfind("section,label,kind,status,text,details\n", 0) == 0);
            CHECK(text.find("wall,Safety goal 1,safety goal,pinned,Ryan will not drink.,") != std::string::npos);
            CHECK(text.find(",picked,The school is worried") != std::string::npos);
            CHECK(text.find(",scaling,Round 1: before discussion,3 6,") != std::string::npos);
        }
    }
}
