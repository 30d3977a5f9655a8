// Shared by the PostgreSQL store's tests: the test server (SOFS_TEST_POSTGRES,
// skipped with a message when absent except under CI=true), a fresh database
// per test case, both engines behind the store's interfaces, a short
// playthrough, and psql run as a given role.
#pragma once

#include "postgres.hpp"
#include "../event_support.hpp"

#include <doctest/doctest.h>
#include <libpq-fe.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace pg_test {

using namespace sofs::progress;


inline bool under_ci() {
    const char* ci = std::getenv("CI");
    return ci && std::string(ci) == "true";
}

inline const char* test_server() {
    const char* uri = std::getenv("SOFS_TEST_POSTGRES");
    return uri && *uri ? uri : nullptr;
}

// True when the PostgreSQL tests can run; otherwise says why (fails under CI).
inline bool postgres_available() {
    if (test_server()) return true;
    if (under_ci()) {
        FAIL("SOFS_TEST_POSTGRES is not set under CI: tools/quickstart.sh test starts the test cluster");
        return false;
    }
    MESSAGE("SKIPPED (PostgreSQL): SOFS_TEST_POSTGRES is not set; run "
            "`eval \"$(tools/pg-test-cluster.sh start)\"` first, or tools/quickstart.sh test");
    return false;
}

// The test server's URI with another role, password and database.
struct ServerUri {
    std::string base, host_port, db;
    explicit ServerUri(const std::string& uri) : base(uri) {
        auto at = uri.find('@');
        auto slash = uri.rfind('/');
        host_port = uri.substr(at + 1, slash - at - 1);
        db = uri.substr(slash + 1);
    }
    std::string with_db(const std::string& name) const { return base.substr(0, base.rfind('/') + 1) + name; }
    std::string as(const std::string& role, const std::string& password, const std::string& name) const {
        return "postgresql://" + role + ":" + password + "@" + host_port + "/" + name;
    }
};

inline void admin_exec(const std::string& uri, const std::string& sql) {
    PGconn* c = PQconnectdb(uri.c_str());
    REQUIRE_MESSAGE(PQstatus(c) == CONNECTION_OK, PQerrorMessage(c));
    PGresult* r = PQexec(c, sql.c_str());
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    std::string err = PQerrorMessage(c);
    PQclear(r);
    PQfinish(c);
    REQUIRE_MESSAGE(ok, sql << ": " << err);
}

// A fresh database on the test server, with the roles made in it dropped after.
struct FreshDatabase {
    ServerUri server;
    std::string name;
    FreshDatabase() : server(test_server()) {
        std::random_device rd;
        name = "sofs_t_" + std::to_string(rd() % 100000000);
        admin_exec(server.base, "CREATE DATABASE " + name);
    }
    ~FreshDatabase() {
        PGconn* c = PQconnectdb(server.base.c_str());
        PQclear(PQexec(c, ("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").c_str()));
        PGresult* r = PQexec(c, ("SELECT rolname FROM pg_roles WHERE rolname LIKE '" + name + "\\_%'").c_str());
        for (int i = 0; i < PQntuples(r); ++i)
            PQclear(PQexec(c, ("DROP ROLE IF EXISTS \"" + std::string(PQgetvalue(r, i, 0)) + "\"").c_str()));
        PQclear(r);
        PQfinish(c);
    }
    std::string uri() const { return server.with_db(name); }
};

// One engine's store for a test case, seen through the store's interfaces
// (PgStore is a Store, as the SQLite store is): no adapter between.
struct Engine {
    virtual ~Engine() = default;
    virtual Store& store_() = 0;  // every interface: both engines are a Store
    virtual Accounts& accounts() = 0;
    virtual Attempts& attempts() = 0;
    virtual Outbox& outbox() = 0;
    Actor admin = Actor::system();
};

inline WallClock counting_clock() {
    auto ms = std::make_shared<std::int64_t>(1795428000000LL);
    return [ms] { return *ms += 1000; };
}

struct SqliteEngine : Engine {
    std::unique_ptr<Store> store;
    static constexpr const char* kName = "SQLite";
    static std::unique_ptr<Engine> make() {
        auto e = std::make_unique<SqliteEngine>();
        OpenOptions o;
        o.password_cost = OpenOptions::PasswordCost::Minimal;
        o.clock = counting_clock();
        e->store = Store::open(":memory:", o);
        return e;
    }
    Store& store_() override { return *store; }
    Accounts& accounts() override { return *store; }
    Attempts& attempts() override { return *store; }
    Outbox& outbox() override { return *store; }
};

struct PostgresEngine : Engine {
    std::unique_ptr<FreshDatabase> db;
    std::unique_ptr<PgStore> store;
    static constexpr const char* kName = "PostgreSQL";
    static std::unique_ptr<Engine> make() {
        if (!postgres_available()) return nullptr;
        auto e = std::make_unique<PostgresEngine>();
        e->db = std::make_unique<FreshDatabase>();
        e->store = PgStore::open(e->db->uri(), counting_clock());
        return e;
    }
    ~PostgresEngine() override { store.reset(); }
    Store& store_() override { return *store; }
    Accounts& accounts() override { return *store; }
    Attempts& attempts() override { return *store; }
    Outbox& outbox() override { return *store; }
};

// A fresh database with its administrator's connection, for the tests of a
// room of people: add them, put them in cohorts, connect as any of them.
struct Classroom {
    FreshDatabase db;
    std::unique_ptr<PgStore> admin = PgStore::open(db.uri(), counting_clock());
    void add(const std::string& name, Role role, const std::string& password) {
        admin->add_person(admin->me(), name, role, "", false, std::string(password));
    }
    void cohort(const std::string& name, sofs::Audience kind, std::initializer_list<const char*> members) {
        admin->create_cohort(name, kind);
        for (const char* who : members) admin->add_to_cohort(name, who);
    }
    // The URI that signs in as `name`'s login role (the password may be left for psql to send).
    std::string uri(const std::string& name, const std::string& password) const {
        return db.server.as(admin->login_role(name).value(), password, db.name);
    }
    std::unique_ptr<PgStore> as(const std::string& name, const std::string& password) const {
        return PgStore::open(uri(name, password), counting_clock());
    }
};

inline sofs::Transcript header(const std::string& hash = "h1") {
    sofs::Transcript t;
    t.scenario = "reference-case";
    t.content_hash = hash;
    t.seed = 0xfedcba9876543210ULL;  // all 64 bits survive
    return t;
}

inline ScenarioFacts facts() { return {"reference-case", "h1", "Kai and Mia", 3, 2, 5}; }

// Five seconds a step.
inline sofs::Event event(int step, sofs::Event::Kind kind, const std::string& scene) {
    return test_events::event(step, kind, scene, 5000LL * step);
}

inline std::vector<sofs::Event> a_short_playthrough() {
    using K = sofs::Event::Kind;
    auto choose = event(1, K::Choose, "home-visit");
    choose.choice = "ask-about-school";
    auto danger = event(2, K::Answer, "write-up");
    danger.answer.task = "danger-1";
    danger.answer.text = "Worried that Kai's dad will hit his mum again while Kai is in the room";
    auto scale = event(3, K::Answer, "scale");
    scale.answer.task = "scale-1";
    scale.answer.number = 4;
    scale.answer.text = "Nan is there most days";
    auto sort = event(4, K::Answer, "sort");
    sort.answer.task = "sort-1";
    sort.answer.placements = {{"fact-bruise", "past-harm"}, {"fact-nan", "existing-safety"}};
    sort.answer.picks = {"nan"};
    return {event(0, K::Start, "referral"), choose, danger, scale, sort};
}


// Sam Ellery, a trainee (of `team`) whose password is sam-password-1.
inline Person add_sam(Engine& engine, const std::string& team = "") {
    return engine.accounts().add_person(engine.admin, "Sam Ellery", Role::Trainee, team, false,
                                        std::string("sam-password-1"));
}

// An open attempt of `person` that holds a_short_playthrough().
inline Attempt played_attempt(Engine& engine, Id person) {
    Attempt a = engine.attempts().begin_attempt(person, header(), facts());
    for (const auto& e : a_short_playthrough()) engine.attempts().record_event(a.id, e);
    return a;
}

struct Psql {
    int rc = -1;
    std::string out;
};

// Runs psql as `role` (password in PGPASSWORD, no password file) and returns its output.
inline Psql psql_as(const std::string& uri, const std::string& password, const std::string& sql) {
    std::string cmd = "env -u PGPASSFILE PGPASSWORD='" + password + "' psql '" + uri +
                      "' -X -A -t -v ON_ERROR_STOP=1 -c \"" + sql + "\" 2>&1";
    Psql r;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int status = pclose(p);
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}


}  // namespace pg_test
