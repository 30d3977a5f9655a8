// The progress store's schema, transactions, recording, people, access and
// data protection, on ":memory:" and on real files.
#include "progress_fixture.hpp"
#include "progress/sqlite_store.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

using namespace progress_test;
using sofs::Event;

TEST_SUITE("progress store") {

TEST_CASE("a new store is migrated to the latest schema and tagged as ours") {
    GIVEN("a new file") {
        TempDir dir;
        FixedClock clock;
        auto s = open_store(dir.file("sub/progress.db"), fast(clock));
        THEN("every migration ran and the file carries our application id, WAL and full sync") {
            CHECK(s->schema_version() == Store::latest_schema_version());
            CHECK(Store::latest_schema_version() >= 1);
            sql::Database& db = sqlite_database(*s);
            CHECK(db.scalar_int("PRAGMA application_id") == 0x536F4653);
            CHECK(db.scalar_text("PRAGMA journal_mode") == "wal");
            CHECK(db.scalar_int("PRAGMA synchronous") == 2);
            CHECK(db.scalar_int("PRAGMA foreign_keys") == 1);
            CHECK(db.scalar_int("PRAGMA busy_timeout") > 0);
        }
        THEN("opening it again changes nothing") {
            s.reset();
            auto again = open_store(dir.file("sub/progress.db"), fast(clock));
            CHECK(again->schema_version() == Store::latest_schema_version());
        }
    }
}

TEST_CASE("a file of another program, or of a newer simulator, is refused") {
    TempDir dir;
    FixedClock clock;
    {
        sql::Database other(dir.file("other.db"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        other.exec("CREATE TABLE recipes(name TEXT)");
        sql::Database newer(dir.file("newer.db"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        newer.exec("PRAGMA application_id = " + std::to_string(0x536F4653) + "; PRAGMA user_version = 999");
    }
    try {
        open_store(dir.file("other.db"), fast(clock));
        FAIL("opened a file that is not ours");
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreError::Kind::NotOurs);
        CHECK(std::string(e.what()).find("other.db") != std::string::npos);
    }
    try {
        open_store(dir.file("newer.db"), fast(clock));
        FAIL("opened a file from a newer version");
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreError::Kind::TooNew);
    }
}

TEST_CASE("a transaction rolls back unless committed") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    sql::Database& db = sqlite_database(*s);
    WHEN("a transaction is left without commit") {
        {
            sql::Transaction tx(db);
            db.exec("INSERT INTO people(name, role, created_ms) VALUES ('Ghost', 'trainee', 1)");
        }
        THEN("its rows are gone") { CHECK(db.scalar_int("SELECT count(*) FROM people") == 0); }
    }
    WHEN("an exception leaves the scope") {
        try {
            sql::Transaction tx(db);
            db.exec("INSERT INTO people(name, role, created_ms) VALUES ('Ghost', 'trainee', 1)");
            throw std::runtime_error("interrupted");
        } catch (const std::runtime_error&) {
        }
        THEN("nothing was kept") { CHECK(db.scalar_int("SELECT count(*) FROM people") == 0); }
    }
    WHEN("it is committed") {
        {
            sql::Transaction tx(db);
            db.exec("INSERT INTO people(name, role, created_ms) VALUES ('Kept', 'trainee', 1)");
            tx.commit();
        }
        THEN("the row stays") { CHECK(db.scalar_int("SELECT count(*) FROM people") == 1); }
    }
}

TEST_CASE("events are append-only and keyed by stable ids") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    Actor alex = s->ensure_trainee("alex");
    Attempt a = s->begin_attempt(alex.id, header(), facts());
    Event choose = event(1, Event::Kind::Choose, "kitchen");
    choose.choice = "ask-exception";
    s->record_event(a.id, event(0, Event::Kind::Start, "referral"));
    s->record_event(a.id, choose);
    Event ans = event(2, Event::Kind::Answer, "write-danger");
    ans.answer.task = "danger-1";
    ans.answer.text = "We are worried, \"Ryan\" may push Jade";
    ans.answer.placements = {{"push-saturday", "past-harm"}};
    ans.answer.picks = {"linda"};
    s->record_event(a.id, ans);

    THEN("the transcript reads back exactly") {
        auto t = s->transcript(a.id);
        REQUIRE(t.events.size() == 3);
        CHECK(t.scenario == "reference-case");
        CHECK(t.content_hash == "h1");
        CHECK(t.seed == 7);
        CHECK(t.events[1] == choose);
        CHECK(t.events[2] == ans);
    }
    THEN("recording the same step again is harmless") {
        CHECK_NOTHROW(s->record_event(a.id, choose));
        CHECK(s->transcript(a.id).events.size() == 3);
    }
    THEN("a different action at a recorded step is refused") {
        Event other = choose;
        other.choice = "blame-jade";
        CHECK_THROWS_AS(s->record_event(a.id, other), StoreError);
        CHECK(s->transcript(a.id).events[1].choice == "ask-exception");
    }
    THEN("SQL cannot update an event") {
        CHECK_THROWS_AS(sqlite_database(*s).exec("UPDATE events SET choice = 'x' WHERE step = 1"), StoreError);
    }
    THEN("a finished attempt takes no more events") {
        s->finish_attempt(a.id, "plan-agreed", {});
        CHECK_THROWS_AS(s->record_event(a.id, event(3, Event::Kind::Advance, "x")), StoreError);
    }
}

TEST_CASE("a fresh start supersedes the open attempt and keeps it") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    Actor alex = s->ensure_trainee("alex");
    Attempt first = s->begin_attempt(alex.id, header(), facts());
    s->record_event(first.id, event(0, Event::Kind::Start, "referral"));
    Attempt second = s->begin_attempt(alex.id, header("reference-case", "h2"), facts(), "the scenario changed");
    auto old = s->attempt(Actor::system(), first.id);
    REQUIRE(old);
    CHECK(old->status == AttemptStatus::Superseded);
    CHECK(old->superseded_because == "the scenario changed");
    CHECK(old->events == 1);
    CHECK(s->open_attempt(alex.id, "reference-case")->id == second.id);
}

TEST_CASE("people, passwords and sign-in") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    const Actor admin = Actor::system();
    s->add_person(admin, "Priya Shah", Role::Trainer, "North", false, std::string("correct horse"));
    s->add_person(admin, "Alex Hill", Role::Trainee, "East", true, std::nullopt);

    CHECK(s->sign_in("Priya Shah", "correct horse").role == Role::Trainer);
    CHECK(s->sign_in("priya shah", "correct horse").name == "Priya Shah");  // names ignore case
    CHECK_THROWS_AS(s->sign_in("Priya Shah", "wrong password"), StoreError);
    CHECK_THROWS_AS(s->sign_in("Nobody", "x"), StoreError);
    CHECK(s->sign_in("Alex Hill", "").role == Role::Trainee);  // trainees without a password sign in by name

    THEN("the password is stored as an Argon2id string, never as given") {
        auto hash = sqlite_database(*s).scalar_text("SELECT password_hash FROM people WHERE name = 'Priya Shah'");
        CHECK(hash.rfind("$argon2id$", 0) == 0);
        CHECK(hash.find("correct horse") == std::string::npos);
    }
    THEN("trainers need a password, names are unique, and only administrators add people") {
        CHECK_THROWS_AS(s->add_person(admin, "T2", Role::Trainer, "", false, std::nullopt), StoreError);
        CHECK_THROWS_AS(s->add_person(admin, "alex hill", Role::Trainee, "", false, std::nullopt), StoreError);
        Actor priya = s->sign_in("Priya Shah", "correct horse");
        CHECK_THROWS_AS(s->add_person(priya, "X", Role::Trainee, "", false, std::nullopt), StoreError);
    }
    THEN("a new password replaces the old") {
        s->set_password(admin, "Priya Shah", "new password here");
        CHECK_THROWS_AS(s->sign_in("Priya Shah", "correct horse"), StoreError);
        CHECK(s->sign_in("Priya Shah", "new password here").name == "Priya Shah");
    }
    auto agency = s->find_person("Alex Hill");
    REQUIRE(agency);
    CHECK(agency->agency);
    CHECK(agency->team == "East");
}

TEST_CASE("access: trainees see their own work, trainers their cohorts', administrators all") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    const Actor admin = Actor::system();
    s->add_person(admin, "Priya", Role::Trainer, "", false, std::string("password-1"));
    s->add_person(admin, "Omar", Role::Trainer, "", false, std::string("password-2"));
    Actor alex = s->ensure_trainee("Alex");
    Actor sam = s->ensure_trainee("Sam");
    s->create_cohort(admin, "March two-day", CohortKind::TwoDay);
    s->add_to_cohort(admin, "March two-day", "Priya");
    s->add_to_cohort(admin, "March two-day", "Alex");
    s->assign_scenario(admin, "March two-day", "reference-case");
    Attempt a = finished_attempt(*s, alex.id, 4, {{"danger-1", "DS-WHO", true, "we", "names who", ""}});
    Actor priya = s->sign_in("Priya", "password-1");
    Actor omar = s->sign_in("Omar", "password-2");

    CHECK(s->attempts(alex, alex.id).size() == 1);
    CHECK_THROWS_AS(s->attempts(sam, alex.id), StoreError);
    CHECK(s->attempts(priya, alex.id).size() == 1);
    CHECK_THROWS_AS(s->attempts(omar, alex.id), StoreError);
    CHECK(s->attempts(admin, alex.id).size() == 1);
    CHECK_THROWS_AS(s->verdicts(sam, a.id), StoreError);

    CHECK(s->cohorts(priya).size() == 1);
    CHECK(s->cohorts(omar).empty());
    CHECK(s->cohorts(alex).size() == 1);
    CHECK(s->cohorts(admin).front().scenarios == std::vector<std::string>{"reference-case"});
    CHECK_THROWS_AS(s->create_cohort(priya, "Mine", CohortKind::FiveDay), StoreError);
    CHECK_THROWS_AS(s->assign_scenario(priya, "March two-day", "other"), StoreError);

    THEN("the library shows the assigned scenario and what was done") {
        auto lib = s->scenario_progress(alex, alex.id);
        REQUIRE(lib.size() == 1);
        CHECK(lib[0].assigned);
        CHECK(lib[0].finished == 1);
        CHECK(lib[0].title == "Kai and Mia");
        CHECK(lib[0].last_ending == "plan-agreed");
        CHECK_FALSE(lib[0].open_attempt);
    }
}

TEST_CASE("a trainer's override is kept beside the assessor's verdict") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    const Actor admin = Actor::system();
    s->add_person(admin, "Priya", Role::Trainer, "", false, std::string("password-1"));
    Actor alex = s->ensure_trainee("Alex");
    s->create_cohort(admin, "C1", CohortKind::FiveDay);
    s->add_to_cohort(admin, "C1", "Priya");
    s->add_to_cohort(admin, "C1", "Alex");
    Attempt a = finished_attempt(*s, alex.id, 4,
                                 {{"danger-1", "DS-WHO", false, "", "no one named", ""},
                                  {"danger-1", "DS-PLAIN", true, "", "plain", ""}});
    Actor priya = s->sign_in("Priya", "password-1");

    WHEN("the trainer overrules DS-WHO with a reason") {
        Override o = s->override_verdict(priya, a.id, "DS-WHO", true, "'We' names the social workers here");
        auto v = s->verdicts(alex, a.id);
        REQUIRE(v.size() == 2);
        THEN("the trainee sees the trainer's decision and both are kept") {
            CHECK(v[0].criterion == "DS-WHO");
            CHECK(v[0].met);
            CHECK_FALSE(v[0].assessor_met);
            REQUIRE(v[0].overrides.size() == 1);
            CHECK(v[0].overrides[0].trainer == "Priya");
            CHECK(v[0].overrides[0].reason == o.reason);
            CHECK_FALSE(v[1].overruled());
        }
    }
    THEN("a reason is required, the criterion must exist, and trainees cannot override") {
        CHECK_THROWS_AS(s->override_verdict(priya, a.id, "DS-WHO", true, "  "), StoreError);
        CHECK_THROWS_AS(s->override_verdict(priya, a.id, "SG-NOPE", true, "x"), StoreError);
        CHECK_THROWS_AS(s->override_verdict(alex, a.id, "DS-WHO", true, "I think so"), StoreError);
    }
}

TEST_CASE("export and erase everything held about one trainee") {
    TempDir dir;
    FixedClock clock;
    auto s = open_store(dir.file("p.db"), fast(clock));
    const Actor admin = Actor::system();
    s->add_person(admin, "Priya", Role::Trainer, "", false, std::string("password-1"));
    Actor alex = s->ensure_trainee("Alex");
    Actor sam = s->ensure_trainee("Sam");
    s->create_cohort(admin, "C1", CohortKind::ELearning);
    s->add_to_cohort(admin, "C1", "Priya");
    s->add_to_cohort(admin, "C1", "Alex");
    Attempt a = finished_attempt(*s, alex.id, 6, {{"danger-1", "DS-WHO", false, "", "", ""}});
    finished_attempt(*s, sam.id, 3, {{"danger-1", "DS-WHO", true, "", "", ""}});
    s->override_verdict(s->sign_in("Priya", "password-1"), a.id, "DS-WHO", true, "fine");

    THEN("the export holds the person, cohorts, events, answers, verdicts and overrides") {
        auto j = nlohmann::json::parse(s->export_person_json(admin, "Alex"));
        CHECK(j["person"]["name"] == "Alex");
        CHECK(j["cohorts"][0]["name"] == "C1");
        REQUIRE(j["attempts"].size() == 1);
        CHECK(j["attempts"][0]["events"].size() == 3);
        CHECK(j["attempts"][0]["events"][1]["answer"]["number"] == 6);
        CHECK(j["attempts"][0]["verdicts"][0]["overrides"][0]["reason"] == "fine");
        CHECK(j.dump().find("argon2") == std::string::npos);
        CHECK_THROWS_AS(s->export_person_json(sam, "Alex"), StoreError);
    }
    WHEN("Alex is erased") {
        CHECK_THROWS_AS(s->erase_person(alex, "Alex"), StoreError);  // administrators only
        s->erase_person(admin, "Alex");
        sql::Database& db = sqlite_database(*s);
        THEN("none of Alex's rows remain and Sam's are untouched") {
            CHECK_FALSE(s->find_person("Alex"));
            CHECK(db.scalar_int("SELECT count(*) FROM attempts") == 1);
            CHECK(db.scalar_int("SELECT count(*) FROM events") == 3);
            CHECK(db.scalar_int("SELECT count(*) FROM verdicts") == 1);
            CHECK(db.scalar_int("SELECT count(*) FROM overrides") == 0);
            CHECK(db.scalar_int("SELECT count(*) FROM cohort_members") == 1);
            CHECK(db.scalar_int("PRAGMA foreign_key_check") == 0);
        }
        THEN("the only backup left was taken after the erasure") {
            auto b = Store::backups(dir.file("p.db"));
            REQUIRE(b.size() == 1);
            auto copy = open_store(b[0].path, [&] { auto o = fast(clock); o.backup = false; return o; }());
            CHECK_FALSE(copy->find_person("Alex"));
        }
    }
}

}  // TEST_SUITE
