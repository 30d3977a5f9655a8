// The store's shared suite (people, attempts and events, the xAPI outbox) run
// against both engines, SQLite and PostgreSQL; then PostgreSQL's row-level
// security, seen from `psql` connected as a trainee.
//
// PostgreSQL tests need SOFS_TEST_POSTGRES (a libpq URI for a role that may
// create databases and roles, its password in PGPASSFILE), which
// tools/pg-test-cluster.sh exports; tools/quickstart.sh test starts that
// cluster. Without it they are skipped with a message, except under CI=true,
// where they fail. Each test case gets a fresh database, dropped afterwards.
#include "pg_fixture.hpp"
#include "xapi/lrs.hpp"

#include "../lrs/loopback_lrs.hpp"
#include "../tools/run_support.hpp"

#include <doctest/doctest.h>
#include <libpq-fe.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <cstdlib>
#include <memory>
#include <random>

using namespace sofs::progress;
using json = nlohmann::json;

using namespace pg_test;

// ---------------------------------------------------------------- the shared suite

TEST_CASE_TEMPLATE("the store keeps every event and gives the transcript back", E, SqliteEngine, PostgresEngine) {
    auto engine = E::make();
    if (!engine) return;
    INFO(E::kName);
    Person sam = add_sam(*engine, "North");
    CHECK(engine->accounts().find_person("sam ellery").value().id == sam.id);
    Attempt a = engine->attempts().begin_attempt(sam.id, header(), facts());
    CHECK(a.status == AttemptStatus::Open);
    for (const auto& e : a_short_playthrough()) engine->attempts().record_event(a.id, e);
    auto t = engine->attempts().transcript(a.id);
    CHECK(t.seed == 0xfedcba9876543210ULL);
    CHECK(t.events == a_short_playthrough());
    CHECK(engine->attempts().open_attempt(sam.id, "reference-case").value().events == 5);
}

TEST_CASE_TEMPLATE("an event saved twice is kept once; a different one at the same step is refused", E, SqliteEngine,
                   PostgresEngine) {
    auto engine = E::make();
    if (!engine) return;
    INFO(E::kName);
    Person sam = add_sam(*engine);
    Attempt a = played_attempt(*engine, sam.id);
    auto events = a_short_playthrough();
    const auto queued = engine->outbox().unsent_statements().size();
    engine->attempts().record_event(a.id, events[3]);  // a resumed player re-sends it
    CHECK(engine->attempts().transcript(a.id).events.size() == events.size());
    auto changed = events[3];
    changed.answer.number = 9;
    try {
        engine->attempts().record_event(a.id, changed);
        FAIL("a changed answer was accepted");
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreError::Kind::Invalid);
        CHECK(std::string(e.what()).find("never changed") != std::string::npos);
    }
    CHECK(engine->outbox().unsent_statements().size() == queued);  // no second statement for the repeat
}

TEST_CASE_TEMPLATE("the outbox holds one statement per counted event until it is marked sent", E, SqliteEngine,
                   PostgresEngine) {
    auto engine = E::make();
    if (!engine) return;
    INFO(E::kName);
    Person sam = add_sam(*engine);
    Attempt a = played_attempt(*engine, sam.id);
    auto unsent = engine->outbox().unsent_statements();
    std::vector<std::string> verbs;
    for (const auto& u : unsent) {
        json j = json::parse(u.statement);
        CHECK(j["id"] == u.id);
        CHECK(u.attempt == a.id);
        CHECK(u.statement.find("Kai's dad") == std::string::npos);
        verbs.push_back(j["verb"]["id"].get<std::string>().substr(31));
    }
    // Both engines write the one builder's statements (assessment/xapi).
    CHECK(verbs == std::vector<std::string>{"attempted", "responded", "answered", "answered", "answered"});
    engine->outbox().mark_sent(unsent[0].id);
    engine->outbox().mark_send_failed(unsent[1].id, "no answer from the LRS");
    auto left = engine->outbox().unsent_statements();
    REQUIRE(left.size() == unsent.size() - 1);
    CHECK(left[0].id == unsent[1].id);
    CHECK(left[0].tries == 1);
    CHECK(left[0].statement == unsent[1].statement);  // byte for byte: a resend is the same statement
}

TEST_CASE_TEMPLATE("a finished attempt takes no more answers; a fresh start supersedes the open one", E, SqliteEngine,
                   PostgresEngine) {
    auto engine = E::make();
    if (!engine) return;
    INFO(E::kName);
    Person sam = add_sam(*engine);
    Attempt first = engine->attempts().begin_attempt(sam.id, header(), facts());
    engine->attempts().record_event(first.id, a_short_playthrough()[0]);
    Attempt second = engine->attempts().begin_attempt(sam.id, header("h2"), facts(), "the case was rewritten");
    CHECK(engine->attempts().open_attempt(sam.id, "reference-case").value().id == second.id);
    CHECK_THROWS_AS(engine->attempts().record_event(first.id, a_short_playthrough()[1]), StoreError);
    engine->attempts().record_event(second.id, a_short_playthrough()[0]);
    engine->attempts().finish_attempt(second.id, "plan-agreed", {{"danger-1", "DS-WHO", true, "", "", ""}});
    CHECK_FALSE(engine->attempts().open_attempt(sam.id, "reference-case").has_value());
    if (std::string(E::kName) == "PostgreSQL") {
        // The verdict is a learning record too (scored, success = met); the SQLite store does not send verdicts yet.
        auto last = engine->outbox().unsent_statements().back();
        json j = json::parse(last.statement);
        CHECK(j["verb"]["id"] == "http://adlnet.gov/expapi/verbs/scored");
        CHECK(j["result"]["success"] == true);
        CHECK(j["object"]["id"] == "urn:sofs-simulator:scenario:reference-case/task/danger-1/criterion/DS-WHO");
    }
    try {
        engine->attempts().record_event(second.id, a_short_playthrough()[1]);
        FAIL("a finished attempt took an answer");
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreError::Kind::Invalid);
    }
}

TEST_CASE_TEMPLATE("supersede, unassessed attempts and later verdicts, people and attempts read back", E, SqliteEngine,
                   PostgresEngine) {
    auto engine = E::make();
    if (!engine) return;
    INFO(E::kName);
    auto& acc = engine->accounts();
    auto& att = engine->attempts();
    Person sam = add_sam(*engine);
    acc.add_person(engine->admin, "Tess Marlow", Role::Trainer, "", false, std::string("tess-password-1"));
    CHECK(acc.people(engine->admin).size() == 2);
    auto trainers = acc.people(engine->admin, Role::Trainer);
    REQUIRE(trainers.size() == 1);
    CHECK(trainers[0].name == "Tess Marlow");

    Attempt first = att.begin_attempt(sam.id, header(), facts());
    att.supersede(first.id, "the trainer restarted the room");
    CHECK(att.attempt(engine->admin, first.id).value().status == AttemptStatus::Superseded);
    CHECK(att.attempt(engine->admin, first.id).value().superseded_because == "the trainer restarted the room");
    CHECK_THROWS_AS(att.supersede(first.id, "again"), StoreError);
    CHECK_FALSE(att.attempt(engine->admin, 999999).has_value());

    Attempt second = att.begin_attempt(sam.id, header(), facts());
    att.record_event(second.id, a_short_playthrough()[0]);
    att.finish_attempt(second.id, "plan-agreed", {});
    auto waiting = att.unassessed_attempts();
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0].id == second.id);
    att.add_verdicts(second.id, {{"danger-1", "DS-WHO", true, "", "", ""}});
    CHECK(att.unassessed_attempts().empty());
    auto all = att.attempts(engine->admin, sam.id);
    REQUIRE(all.size() == 2);
    CHECK(all[0].id == first.id);
    CHECK(all[1].status == AttemptStatus::Finished);
    att.remember_scenario({"other-case", "h9", "Another case", std::nullopt, std::nullopt, std::nullopt});
}

TEST_CASE("PostgreSQL signs people in through the server: a wrong password is refused, a right one gives the person") {
    auto engine = PostgresEngine::make();
    if (!engine) return;
    auto& acc = engine->accounts();
    CHECK(acc.trainee_passwords_required());
    Person sam = add_sam(*engine);
    CHECK(acc.sign_in("sam ellery", "sam-password-1").id == sam.id);
    CHECK_THROWS_AS(acc.sign_in("Sam Ellery", "not-her-password"), StoreError);
    CHECK_THROWS_AS(acc.sign_in("Nobody Here", "whatever-1"), StoreError);
    acc.set_password(engine->admin, "Sam Ellery", "sam-password-2");
    CHECK(acc.sign_in("Sam Ellery", "sam-password-2").id == sam.id);
    CHECK_THROWS_AS(acc.sign_in("Sam Ellery", "sam-password-1"), StoreError);
    // The owner's connection plays as a known trainee; an unknown name needs a password.
    CHECK(acc.ensure_trainee("Sam Ellery").id == sam.id);
    try {
        acc.ensure_trainee("Dana Okoro");
        FAIL("an unknown trainee was made without a password");
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreError::Kind::NeedsPassword);
    }
    CHECK(acc.ensure_trainee("Dana Okoro", "dana-password-1").role == Role::Trainee);
    CHECK_THROWS_AS(acc.require_trainee_passwords(engine->admin, false), StoreError);
}

// ---------------------------------------------------------------- PostgreSQL only


TEST_CASE("row-level security: a trainee connected with psql sees their own answers and no one else's") {
    if (!postgres_available()) return;
    FreshDatabase db;
    auto admin = PgStore::open(db.uri(), counting_clock());
    CHECK(admin->schema_version() == PgStore::latest_schema_version());
    Actor root = admin->me();
    admin->add_person(root, "Ana Lowe", Role::Trainee, "", false, std::string("ana-pw-7"));
    admin->add_person(root, "Ben Okafor", Role::Trainee, "", false, std::string("ben-pw-7"));
    admin->add_person(root, "Tess Marsh", Role::Trainer, "", false, std::string("tess-pw-7"));
    admin->create_cohort("Tuesday group", sofs::Audience::TwoDay);
    admin->add_to_cohort("Tuesday group", "Tess Marsh");
    admin->add_to_cohort("Tuesday group", "Ben Okafor");
    const std::string ana_role = admin->login_role("Ana Lowe").value();
    const std::string ben_role = admin->login_role("Ben Okafor").value();
    const std::string tess_role = admin->login_role("Tess Marsh").value();
    CHECK(ana_role == db.name + "_ana_lowe");

    // Each trainee plays on their own connection, as their own role.
    auto answer = [](const std::string& words) {
        auto e = event(1, sofs::Event::Kind::Answer, "write-up");
        e.answer.task = "danger-1";
        e.answer.text = words;
        return e;
    };
    auto ana = PgStore::open(db.server.as(ana_role, "ana-pw-7", db.name), counting_clock());
    Actor ana_me = ana->me();
    CHECK(ana_me.name == "Ana Lowe");
    Attempt ana_attempt = ana->begin_attempt(ana_me.id, header(), facts());
    ana->record_event(ana_attempt.id, event(0, sofs::Event::Kind::Start, "referral"));
    ana->record_event(ana_attempt.id, answer("ANA-WORDS: worried Kai will be hurt"));
    auto ben = PgStore::open(db.server.as(ben_role, "ben-pw-7", db.name), counting_clock());
    Actor ben_me = ben->me();
    Attempt ben_attempt = ben->begin_attempt(ben_me.id, header(), facts());
    ben->record_event(ben_attempt.id, answer("BEN-WORDS: worried Mia will be left alone"));

    SUBCASE("psql as Ana: her answer, not Ben's") {
        auto mine = psql_as(db.server.as(ana_role, "", db.name), "ana-pw-7",
                            "SELECT answer->>'text' FROM events WHERE answer IS NOT NULL");
        INFO(mine.out);
        CHECK(mine.rc == 0);
        CHECK(mine.out.find("ANA-WORDS") != std::string::npos);
        CHECK(mine.out.find("BEN-WORDS") == std::string::npos);
        auto asked_by_id = psql_as(db.server.as(ana_role, "", db.name), "ana-pw-7",
                                   "SELECT count(*) FROM events WHERE attempt = " + std::to_string(ben_attempt.id));
        CHECK(asked_by_id.out == "0\n");
        auto people = psql_as(db.server.as(ana_role, "", db.name), "ana-pw-7", "SELECT name FROM people ORDER BY name");
        CHECK(people.out == "Ana Lowe\n");
        auto outbox = psql_as(db.server.as(ana_role, "", db.name), "ana-pw-7", "SELECT count(*) FROM xapi_outbox");
        CHECK(outbox.out == "2\n");
    }
    SUBCASE("psql as Ana cannot write into Ben's attempt") {
        auto forged = psql_as(db.server.as(ana_role, "", db.name), "ana-pw-7",
                              "INSERT INTO events(attempt, step, kind, scenario, content_hash, scene, at_ms, recorded_ms) "
                              "VALUES (" + std::to_string(ben_attempt.id) + ", 9, 'advance', 'reference-case', 'h1', 'x', 0, 0)");
        INFO(forged.out);
        CHECK(forged.rc != 0);
        CHECK(forged.out.find("row-level security") != std::string::npos);
        CHECK_THROWS_AS(ana->begin_attempt(ben_me.id, header(), facts()), StoreError);
    }
    SUBCASE("psql as Tess, Ben's trainer: Ben's answer, not Ana's (not in her cohort)") {
        auto seen = psql_as(db.server.as(tess_role, "", db.name), "tess-pw-7",
                            "SELECT answer->>'text' FROM events WHERE answer IS NOT NULL");
        INFO(seen.out);
        CHECK(seen.out.find("BEN-WORDS") != std::string::npos);
        CHECK(seen.out.find("ANA-WORDS") == std::string::npos);
    }
    SUBCASE("a wrong password is refused") {
        auto refused = psql_as(db.server.as(ana_role, "", db.name), "not-her-password", "SELECT 1");
        CHECK(refused.rc != 0);
        CHECK(refused.out.find("password authentication failed") != std::string::npos);
    }
}

TEST_CASE("a trainee's connection cannot bring an old schema up to date") {
    if (!postgres_available()) return;
    FreshDatabase db;
    auto admin = PgStore::open(db.uri(), counting_clock());
    admin->add_person(admin->me(), "Ana Lowe", Role::Trainee, "", false, std::string("ana-pw-7"));
    const std::string ana_role = admin->login_role("Ana Lowe").value();
    admin_exec(db.uri(), "DELETE FROM sofs_schema WHERE version = (SELECT max(version) FROM sofs_schema)");
    try {
        PgStore::open(db.server.as(ana_role, "ana-pw-7", db.name));
        FAIL("a trainee's connection opened an old schema");
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreError::Kind::Denied);
        CHECK(std::string(e.what()).find("an administrator must open it first") != std::string::npos);
    }
}

TEST_CASE("`sofs user add` on a PostgreSQL store makes a login role; `sofs lrs send` empties its outbox") {
    if (!postgres_available()) return;
    FreshDatabase db;
    tools_test::TempDir dir;
    std::ofstream(dir.file("pw")) << "cara-password-9\n";
    auto added = tools_test::run({"user", "add", "Cara Penn", "--role", "trainee", "--password-file", dir.file("pw"),
                                  "--db", db.uri()});
    INFO(added.out, added.err);
    REQUIRE(added.rc == 0);
    CHECK(added.out.find("sign in to PostgreSQL as '" + db.name + "_cara_penn'") != std::string::npos);
    auto hello = psql_as(db.server.as(db.name + "_cara_penn", "", db.name), "cara-password-9", "SELECT current_user");
    CHECK(hello.out == db.name + "_cara_penn\n");

    // Cara plays on her own connection; the administrator's sender sends her records.
    auto cara = PgStore::open(db.server.as(db.name + "_cara_penn", "cara-password-9", db.name), counting_clock());
    Attempt a = cara->begin_attempt(cara->me().id, header(), facts());
    for (const auto& e : a_short_playthrough()) cara->record_event(a.id, e);
    auto queued = cara->unsent_statements();
    REQUIRE(queued.size() == 5);
    lrs_test::LoopbackLrs lrs("sofs-test-key", "sofs-test-secret");
    sofs::xapi::save_settings(dir.file("lrs.conf"), {lrs.endpoint(), "sofs-test-key", "sofs-test-secret"});
    auto sent = tools_test::run({"lrs", "send", "--db", db.uri(), "--settings", dir.file("lrs.conf")});
    INFO(sent.out, sent.err);
    CHECK(sent.rc == 0);
    auto arrived = lrs.stored();
    REQUIRE(arrived.size() == queued.size());
    for (std::size_t i = 0; i < queued.size(); ++i) CHECK(arrived[i].body == queued[i].statement);
    CHECK(cara->unsent_statements().empty());
    auto status = tools_test::run({"lrs", "status", "--db", db.uri()});
    CHECK(status.out == "0 statement(s) waiting to be sent\n");
}
