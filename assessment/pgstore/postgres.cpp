// The progress store on PostgreSQL (see postgres.hpp): a thin libpq layer
// (results, one transaction helper, errors in plain words), the migrations,
// and the store's operations, each one statement per step.
#include "pg_internal.hpp"

#include "pgstore_migrations.hpp"
#include "codec/transcript_json.hpp"
#include "progress/store_shared.hpp"
#include "xapi/statement.hpp"

#include <libpq-fe.h>
#include <nlohmann/json.hpp>

#include <poll.h>

#include <cctype>
#include <chrono>
#include <cstdlib>

namespace sofs::progress {

using json = nlohmann::json;

// Answers are kept in the one stored form every store shares (engine/codec:
// stored_answer, answer_from_stored).

const char* kPgAttemptColumns =
    "a.id, a.person, p.name, a.scenario, a.content_hash, a.seed, a.started_ms, a.finished_ms, COALESCE(a.ending, ''), "
    "a.status, COALESCE(a.superseded_because, ''), "
    "(SELECT count(*) FROM events e WHERE e.attempt = a.id), "
    "COALESCE((SELECT max(at_ms) - min(at_ms) FROM events e WHERE e.attempt = a.id), 0) "
    "FROM attempts a JOIN people p ON p.id = a.person ";

Attempt read_attempt(const Result& r, int row) {
    Attempt a;
    a.id = r.i64(row, 0);
    a.person = r.i64(row, 1);
    a.person_name = r.text(row, 2);
    a.scenario = r.text(row, 3);
    a.content_hash = r.text(row, 4);
    a.seed = static_cast<std::uint64_t>(r.i64(row, 5));
    a.started_ms = r.i64(row, 6);
    a.finished_ms = r.opt(row, 7);
    a.ending = r.text(row, 8);
    std::string st = r.text(row, 9);
    a.status = st == "finished" ? AttemptStatus::Finished : st == "superseded" ? AttemptStatus::Superseded : AttemptStatus::Open;
    a.superseded_because = r.text(row, 10);
    a.events = static_cast<int>(r.i64(row, 11));
    a.time_spent_ms = r.i64(row, 12);
    return a;
}

Person read_person(const Result& r, int row) {
    Person p;
    p.id = r.i64(row, 0);
    p.name = r.text(row, 1);
    p.role = role_from(r.text(row, 2)).value_or(Role::Trainee);
    p.team = r.text(row, 3);
    p.agency = r.boolean(row, 4);
    p.has_password = !r.null(row, 5);
    p.created_ms = r.i64(row, 6);
    return p;
}

namespace {

// The location as shown in messages: a URI's password and a password= pair left out.
std::string without_password(const std::string& conninfo) {
    std::string out = conninfo;
    if (out.rfind("postgres", 0) == 0) {
        auto scheme = out.find("://");
        auto at = out.find('@');
        if (scheme != std::string::npos && at != std::string::npos) {
            auto colon = out.find(':', scheme + 3);
            if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
        }
        auto q = out.find("password=");
        if (q != std::string::npos) out.erase(q, out.find('&', q) == std::string::npos ? std::string::npos : out.find('&', q) - q + 1);
        return out;
    }
    auto q = out.find("password=");
    if (q != std::string::npos) out.erase(q, out.find(' ', q) == std::string::npos ? std::string::npos : out.find(' ', q) - q + 1);
    return out;
}

// A role name from a person's name: lower-case letters, digits and '_'.
std::string slug(const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '_') out += '_';
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out.substr(0, 40);
}

void migrate(PgStore::Impl& db) {
    // Everyone may read the version (a trainee's program checks it on opening); only the owner writes it.
    db.script("CREATE TABLE IF NOT EXISTS sofs_schema (version integer NOT NULL); GRANT SELECT ON sofs_schema TO PUBLIC",
              "prepare the schema");
    int latest = PgStore::latest_schema_version();
    {
        Result r = db.exec("SELECT COALESCE(max(version), 0) FROM sofs_schema");
        int version = static_cast<int>(r.i64(0, 0));
        if (version > latest)
            throw StoreError(K::TooNew, "the PostgreSQL store was written by a newer version of the simulator (schema " +
                                            std::to_string(version) + ", this program knows " + std::to_string(latest) +
                                            "): update the program");
        if (version == latest) return;
    }
    for (const auto& m : pgstore::generated::kMigrations) {
        Tx tx(db);
        // One program migrates at a time; the others wait here, then find it done.
        db.exec("SELECT pg_advisory_xact_lock(7310)", {}, "wait for another program's migration");
        Result r = db.exec("SELECT COALESCE(max(version), 0) FROM sofs_schema");
        if (r.i64(0, 0) >= m.version) continue;
        db.script(std::string(m.sql), "apply migration " + std::string(m.name));
        db.exec("INSERT INTO sofs_schema(version) VALUES ($1)", {std::to_string(m.version)}, "record the schema version");
        tx.commit();
    }
}

}  // namespace

bool is_postgres_location(const std::string& db) {
    if (db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0) return true;
    for (const char* key : {"host=", "hostaddr=", "dbname=", "service=", "port="})
        if (db.rfind(key, 0) == 0 || db.find(std::string(" ") + key) != std::string::npos) return true;
    return false;
}

PgStore::PgStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PgStore::~PgStore() {
    if (impl_ && impl_->conn) pq().PQfinish(impl_->conn);
}

int PgStore::latest_schema_version() {
    int v = 0;
    for (const auto& m : pgstore::generated::kMigrations) v = std::max(v, m.version);
    return v;
}

std::unique_ptr<PgStore> PgStore::open(const std::string& conninfo, WallClock clock) {
    auto impl = std::make_unique<Impl>();
    impl->clock = clock ? clock : wall_clock();
    impl->conn = pq().PQconnectdb(conninfo.c_str());
    if (pq().PQstatus(impl->conn) != CONNECTION_OK) {
        std::string why = pq().PQerrorMessage(impl->conn);
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        pq().PQfinish(impl->conn);
        K kind = why.find("password authentication failed") != std::string::npos ? K::Denied : K::Io;
        throw StoreError(kind, "could not connect to the PostgreSQL store: " + why);
    }
    std::unique_ptr<PgStore> store(new PgStore(std::move(impl)));
    Impl& db = *store->impl_;
    db.exec("SET client_min_messages = warning", {}, "set up the connection");
    Result owner = db.exec("SELECT pg_catalog.pg_get_userbyid(datdba) = current_user OR "
                           "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) "
                           "FROM pg_database WHERE datname = current_database()");
    Result has = db.exec("SELECT to_regclass('sofs_schema') IS NOT NULL");
    int version = 0;
    if (has.boolean(0, 0)) version = static_cast<int>(db.exec("SELECT COALESCE(max(version), 0) FROM sofs_schema").i64(0, 0));
    if (owner.boolean(0, 0)) {
        migrate(db);
        version = latest_schema_version();
    } else if (version < latest_schema_version())
        throw StoreError(K::Denied, "the PostgreSQL store's schema is at version " + std::to_string(version) +
                                        " and this program needs " + std::to_string(latest_schema_version()) +
                                        ": an administrator must open it first (with the database owner's role)");
    db.version = version;
    db.conninfo = conninfo;
    db.location = without_password(conninfo);
    return store;
}

int PgStore::schema_version() const { return impl_->version; }

Actor PgStore::me() {
    Result r = impl_->exec("SELECT id, name, role FROM people WHERE login_role = session_user");
    if (r.rows() == 0) return Actor::system();
    return Actor{r.i64(0, 0), r.text(0, 1), role_from(r.text(0, 2)).value_or(Role::Trainee)};
}

std::optional<std::string> PgStore::login_role(const std::string& name) {
    Result r = impl_->exec("SELECT login_role FROM people WHERE lower(name) = lower($1)", {name});
    if (r.rows() == 0 || r.null(0, 0)) return std::nullopt;
    return r.text(0, 0);
}

// ---------------------------------------------------------------- accounts

Person PgStore::add_person(const Actor& who, const std::string& name, Role role, const std::string& team, bool agency,
                           const std::optional<std::string>& password) {
    if (who.role != Role::Admin) throw StoreError(K::Denied, "only an administrator may add people");
    if (!password || password->empty())
        throw StoreError(K::Invalid, "on a PostgreSQL store everyone signs in with a password: give one for " + name);
    std::string base = slug(name);
    if (base.empty()) throw StoreError(K::Invalid, "'" + name + "' has no letters or digits to make a sign-in name from");
    Impl& db = *impl_;
    Result dbname = db.exec("SELECT current_database()");
    std::string role_name = slug(dbname.text(0, 0)) + "_" + base;
    if (db.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", {role_name}).rows() > 0)
        throw StoreError(K::Invalid, "the sign-in name '" + role_name + "' for " + name +
                                         " is taken; choose a name that differs in its letters or digits");
    char* hashed = pq().PQencryptPasswordConn(db.conn, password->c_str(), role_name.c_str(), "scram-sha-256");
    if (!hashed) raise(db.conn, nullptr, "hash the password");
    std::string verifier(hashed);
    pq().PQfreemem(hashed);
    const char* group = role == Role::Admin ? "sofs_admins" : role == Role::Trainer ? "sofs_trainers" : "sofs_trainees";
    Tx tx(db);
    Result r = db.exec("INSERT INTO people(name, role, team, agency, login_role, created_ms) VALUES ($1,$2,$3,$4,$5,$6) "
                       "RETURNING id, name, role, team, agency, login_role, created_ms",
                       {name, to_string(role), team, agency ? "true" : "false", role_name, s(db.now())}, "add " + name);
    std::string ident = db.escape_identifier(role_name);
    db.exec("CREATE ROLE " + ident + " LOGIN PASSWORD " + db.escape_literal(verifier) + " IN ROLE " + group, {},
            "make the sign-in for " + name);
    if (role == Role::Admin) db.exec("ALTER ROLE " + ident + " CREATEROLE", {}, "let " + name + " add people");
    tx.commit();
    Person p = read_person(r, 0);
    p.has_password = true;
    return p;
}

std::optional<Person> PgStore::find_person(const std::string& name) {
    Result r = impl_->exec("SELECT id, name, role, team, agency, login_role, created_ms FROM people WHERE lower(name) = lower($1)",
                           {name});
    if (r.rows() == 0) return std::nullopt;
    return read_person(r, 0);
}

std::vector<Person> PgStore::people(const Actor&, std::optional<Role> role) {
    std::string sql = "SELECT id, name, role, team, agency, login_role, created_ms FROM people ";
    Params params;
    if (role) {
        sql += "WHERE role = $1 ";
        params.push_back(std::string(to_string(*role)));
    }
    Result r = impl_->exec(sql + "ORDER BY lower(name)", params);
    std::vector<Person> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(read_person(r, i));
    return out;
}

bool PgStore::trainee_passwords_required() { return true; }

void PgStore::require_password_change(const Actor&, const std::string&, bool) {
    unsupported("asking for a first password to be changed (on PostgreSQL the administrator sets it with the person)");
}

// ---------------------------------------------------------------- attempts and events

std::optional<Attempt> PgStore::Impl::read_one_attempt(const std::string& where, const Params& params) {
    Result r = exec(std::string("SELECT ") + kPgAttemptColumns + where, params);
    if (r.rows() == 0) return std::nullopt;
    return read_attempt(r, 0);
}

Attempt PgStore::Impl::attempt_by_id(Id id) {
    auto a = read_one_attempt("WHERE a.id = $1", {s(id)});
    if (!a) throw StoreError(K::NotFound, "there is no attempt " + s(id));
    return *a;
}

std::optional<Attempt> PgStore::open_attempt(Id person, const std::string& scenario) {
    return impl_->read_one_attempt("WHERE a.person = $1 AND a.scenario = $2 AND a.status = 'open'", {s(person), scenario});
}

Attempt PgStore::begin_attempt(Id person, const Transcript& header, const ScenarioFacts& facts,
                               const std::string& why_fresh) {
    Impl& db = *impl_;
    Tx tx(db);
    db.remember(header.scenario, header.content_hash, facts);
    db.exec("UPDATE attempts SET status = 'superseded', superseded_because = $3 "
            "WHERE person = $1 AND scenario = $2 AND status = 'open'",
            {s(person), header.scenario, why_fresh}, "close the earlier attempt");
    Result r = db.exec("INSERT INTO attempts(person, scenario, content_hash, seed, started_ms) VALUES ($1,$2,$3,$4,$5) "
                       "RETURNING id",
                       {s(person), header.scenario, header.content_hash, s(static_cast<std::int64_t>(header.seed)),
                        s(db.now())},
                       "begin an attempt");
    Id id = r.i64(0, 0);
    tx.commit();
    return db.attempt_by_id(id);
}

void PgStore::record_event(Id attempt, const Event& e, const std::string& content_hash) {
    Impl& db = *impl_;
    Tx tx(db);
    Result a = db.exec("SELECT scenario, content_hash, status, person FROM attempts WHERE id = $1", {s(attempt)});
    if (a.rows() == 0) throw StoreError(K::NotFound, "there is no attempt " + s(attempt) + " to save to");
    std::string scenario = a.text(0, 0), hash = content_hash.empty() ? a.text(0, 1) : content_hash, status = a.text(0, 2);
    Id person = a.i64(0, 3);
    if (status != "open")
        throw StoreError(K::Invalid, "attempt " + s(attempt) + " is " + status + ": nothing more can be added");
    std::optional<std::string> answer;
    if (e.kind == Event::Kind::Answer) answer = stored_answer(e.answer);
    Result ins = db.exec("INSERT INTO events(attempt, step, kind, scenario, content_hash, scene, choice, task, answer, "
                         "ending, at_ms, recorded_ms) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9::jsonb,$10,$11,$12) "
                         "ON CONFLICT (attempt, step) DO NOTHING",
                         {s(attempt), std::to_string(e.step), to_string(e.kind), scenario, hash, e.scene, e.choice,
                          e.kind == Event::Kind::Answer ? e.answer.task : std::string(), answer, e.ending, s(e.at_ms),
                          s(db.now())},
                         "save the answer");
    if (ins.changed() > 0) {
        if (e.kind == Event::Kind::Answer)
            db.exec("DELETE FROM drafts WHERE attempt = $1 AND task = $2", {s(attempt), e.answer.task}, "clear the draft");
        std::int64_t now = db.now();
        xapi::Learner who{"urn:sofs-simulator", std::to_string(person)};
        if (auto st = xapi::for_event(who, {scenario, hash, attempt}, e, now, xapi::new_statement_id()))
            db.exec("INSERT INTO xapi_outbox(id, attempt, step, statement, created_ms) VALUES ($1,$2,$3,$4,$5)",
                    {st->id, s(attempt), std::to_string(e.step), st->json, s(now)}, "queue the learning record");
    } else {
        Result old = db.exec("SELECT kind, scene, choice, COALESCE(answer::text, ''), ending FROM events "
                             "WHERE attempt = $1 AND step = $2",
                             {s(attempt), std::to_string(e.step)});
        bool same = old.rows() == 1 && old.text(0, 0) == to_string(e.kind) && old.text(0, 1) == e.scene &&
                    old.text(0, 2) == e.choice && old.text(0, 4) == e.ending &&
                    (e.kind != Event::Kind::Answer || answer_from_stored(old.text(0, 3)) == e.answer);
        if (!same)
            throw StoreError(K::Invalid, "step " + std::to_string(e.step) + " of attempt " + s(attempt) +
                                             " is already saved with a different action; saved events are never changed");
    }
    tx.commit();
}

void PgStore::finish_attempt(Id attempt, const std::string& ending, const std::vector<NewVerdict>& verdicts) {
    Impl& db = *impl_;
    Tx tx(db);
    Result a = db.exec("SELECT status, person, scenario, content_hash FROM attempts WHERE id = $1", {s(attempt)});
    if (a.rows() == 0) throw StoreError(K::NotFound, "there is no attempt " + s(attempt));
    if (a.text(0, 0) == "superseded")
        throw StoreError(K::Invalid, "attempt " + s(attempt) + " was superseded and cannot be finished");
    if (a.text(0, 0) == "open")
        db.exec("UPDATE attempts SET status = 'finished', finished_ms = $2, ending = $3 WHERE id = $1",
                {s(attempt), s(db.now()), ending}, "finish the attempt");
    db.insert_verdicts(attempt, verdicts);
    db.exec("DELETE FROM drafts WHERE attempt = $1", {s(attempt)}, "clear the drafts");
    tx.commit();
}

void PgStore::Impl::remember(const std::string& scenario, const std::string& hash, const ScenarioFacts& facts) {
    auto opt = [](const std::optional<int>& v) -> std::optional<std::string> {
        if (!v) return std::nullopt;
        return std::to_string(*v);
    };
    exec("INSERT INTO scenario_versions(scenario, content_hash, title, expert_scaling, scaling_low, scaling_high, "
         "first_seen_ms) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT DO NOTHING",
         {scenario, hash, facts.title, opt(facts.expert_scaling), opt(facts.scaling_low), opt(facts.scaling_high),
          s(now())},
         "remember the scenario");
}

void PgStore::Impl::insert_verdicts(Id attempt, const std::vector<NewVerdict>& verdicts) {
    Result a = exec("SELECT person, scenario, content_hash FROM attempts WHERE id = $1", {s(attempt)});
    if (a.rows() == 0) throw StoreError(K::NotFound, "there is no attempt " + s(attempt));
    const xapi::Learner who{"urn:sofs-simulator", a.text(0, 0)};
    const xapi::Place where{a.text(0, 1), a.text(0, 2), attempt};
    for (const auto& v : verdicts) {
        Result added = exec(
            "INSERT INTO verdicts(attempt, task, criterion, met, evidence_words, explanation, guidance, created_ms) "
            "VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT DO NOTHING",
            {s(attempt), v.task, v.criterion, v.met ? "true" : "false", v.evidence_words, v.explanation, v.guidance,
             s(now())},
            "store the verdicts");
        if (added.changed() == 0) continue;
        // Each new verdict is a learning record too (step -1: it belongs to no one step).
        std::int64_t at = now();
        auto st = xapi::for_verdict(who, where, {v.task, v.criterion, v.met}, at, xapi::new_statement_id());
        exec("INSERT INTO xapi_outbox(id, attempt, step, statement, created_ms) VALUES ($1,$2,-1,$3,$4)",
             {st.id, s(attempt), st.json, s(at)}, "queue the learning record");
    }
}

std::vector<Attempt> PgStore::Impl::read_attempts(const std::string& where, const Params& params) {
    Result r = exec(std::string("SELECT ") + kPgAttemptColumns + where, params);
    std::vector<Attempt> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(read_attempt(r, i));
    return out;
}

void PgStore::remember_scenario(const ScenarioFacts& facts) {
    Tx tx(*impl_);
    impl_->remember(facts.id, facts.content_hash, facts);
    tx.commit();
}

void PgStore::add_verdicts(Id attempt, const std::vector<NewVerdict>& verdicts) {
    Tx tx(*impl_);
    impl_->insert_verdicts(attempt, verdicts);
    tx.commit();
}

void PgStore::supersede(Id attempt, const std::string& because) {
    Impl& db = *impl_;
    Tx tx(db);
    Result r = db.exec("UPDATE attempts SET status = 'superseded', superseded_because = $2 WHERE id = $1 AND status = 'open'",
                       {s(attempt), because}, "supersede the attempt");
    if (r.changed() == 0) {
        db.attempt_by_id(attempt);  // NotFound when there is none
        throw StoreError(K::Invalid, "attempt " + s(attempt) + " is not open, so it cannot be superseded");
    }
    db.exec("DELETE FROM drafts WHERE attempt = $1", {s(attempt)}, "clear the drafts");
    tx.commit();
}

std::vector<Attempt> PgStore::unassessed_attempts() {
    return impl_->read_attempts("WHERE a.status = 'finished' AND NOT EXISTS "
                                "(SELECT 1 FROM verdicts v WHERE v.attempt = a.id) ORDER BY a.id",
                                {});
}

std::optional<Attempt> PgStore::attempt(const Actor&, Id attempt) {
    return impl_->read_one_attempt("WHERE a.id = $1", {s(attempt)});
}

std::vector<Attempt> PgStore::attempts(const Actor&, Id person) {
    return impl_->read_attempts("WHERE a.person = $1 ORDER BY a.started_ms, a.id", {s(person)});
}


Transcript PgStore::transcript(Id attempt) {
    Transcript t = transcript_header(impl_->attempt_by_id(attempt));
    Result r = impl_->exec("SELECT step, kind, scene, choice, COALESCE(answer::text, ''), ending, at_ms FROM events "
                           "WHERE attempt = $1 ORDER BY step",
                           {s(attempt)});
    for (int i = 0; i < r.rows(); ++i)
        t.events.push_back(stored_event(static_cast<int>(r.i64(i, 0)), r.text(i, 1), r.text(i, 2), r.text(i, 3),
                                        r.text(i, 4), r.text(i, 5), r.i64(i, 6)));
    return t;
}

// ---------------------------------------------------------------- xAPI outbox

std::vector<OutboxStatement> PgStore::unsent_statements(int limit) {
    Result r = impl_->exec("SELECT id, attempt, step, statement, tries FROM xapi_outbox WHERE sent_ms IS NULL "
                           "ORDER BY created_ms, attempt, step LIMIT $1",
                           {std::to_string(limit)});
    std::vector<OutboxStatement> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.text(i, 0), r.i64(i, 1), static_cast<int>(r.i64(i, 2)), r.text(i, 3), static_cast<int>(r.i64(i, 4))});
    return out;
}

void PgStore::mark_sent(const std::string& id) {
    impl_->exec("UPDATE xapi_outbox SET sent_ms = $2, tries = tries + 1 WHERE id = $1", {id, s(impl_->now())},
                "mark a learning record sent");
}

void PgStore::mark_send_failed(const std::string& id, const std::string& error) {
    impl_->exec("UPDATE xapi_outbox SET tries = tries + 1, last_error = $2 WHERE id = $1", {id, error},
                "note a failed send");
}

// ---------------------------------------------------------------- live sessions

PgStore::LiveSession PgStore::open_live_session(const std::string& cohort, const std::string& scenario) {
    Result r = impl_->exec("SELECT id, join_code FROM sofs_open_session($1, $2)", {cohort, scenario},
                           "open a live session");
    return {r.i64(0, 0), r.text(0, 1)};
}

Id PgStore::join_live_session(const std::string& code) {
    return impl_->exec("SELECT sofs_join_session($1)", {code}, "join the live session").i64(0, 0);
}

void PgStore::listen(Id session) { impl_->script("LISTEN sofs_live_" + s(session), "listen to the live session"); }

std::vector<std::string> PgStore::wait_for_changes(int timeout_ms) {
    std::vector<std::string> out;
    auto collect = [&] {
        if (!pq().PQconsumeInput(impl_->conn)) raise(impl_->conn, nullptr, "hear from the live session");
        while (PGnotify* n = pq().PQnotifies(impl_->conn)) {
            json j = json::parse(n->extra, nullptr, false);
            out.push_back(j.is_object() ? j.value("changed", "") : "");
            pq().PQfreemem(n);
        }
    };
    collect();
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (out.empty()) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
        if (left <= 0) break;
        pollfd fd{pq().PQsocket(impl_->conn), POLLIN, 0};
        if (::poll(&fd, 1, static_cast<int>(left)) < 0) break;
        collect();
    }
    return out;
}

std::vector<PgStore::Whereabouts> PgStore::room(Id session) {
    Result r = impl_->exec(
        "SELECT p.name, COALESCE(e.scene, ''), COALESCE(e.step, -1), COALESCE(e.kind, ''), COALESCE(e.task, ''), "
        "COALESCE(a.status, '') FROM live_members m JOIN live_sessions ls ON ls.id = m.session "
        "JOIN people p ON p.id = m.person "
        "LEFT JOIN LATERAL (SELECT id, status FROM attempts WHERE person = m.person AND scenario = ls.scenario "
        "                   ORDER BY id DESC LIMIT 1) a ON true "
        "LEFT JOIN LATERAL (SELECT scene, step, kind, task FROM events WHERE attempt = a.id "
        "                   ORDER BY step DESC LIMIT 1) e ON true "
        "WHERE m.session = $1 ORDER BY p.name",
        {s(session)}, "see the room");
    std::vector<Whereabouts> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.text(i, 0), r.text(i, 1), static_cast<int>(r.i64(i, 2)), r.text(i, 3), r.text(i, 4), r.text(i, 5)});
    return out;
}

int PgStore::open_vote(Id session, const std::string& task) {
    return static_cast<int>(impl_->exec("SELECT sofs_open_vote($1, $2)", {s(session), task}, "open a vote").i64(0, 0));
}

int PgStore::cast_vote(Id session, const std::string& task, int number) {
    if (number < 0 || number > 10) throw StoreError(K::Invalid, "a vote is a number from 0 to 10, not " + std::to_string(number));
    return static_cast<int>(
        impl_->exec("SELECT sofs_cast_vote($1, $2, $3)", {s(session), task, std::to_string(number)}, "vote").i64(0, 0));
}

int PgStore::votes_cast(Id session, const std::string& task) {
    return static_cast<int>(impl_->exec("SELECT COALESCE(sofs_votes_cast($1, $2), 0)", {s(session), task}).i64(0, 0));
}

int PgStore::reveal_vote(Id session, const std::string& task) {
    Result r = impl_->exec("SELECT sofs_reveal_vote($1, $2)", {s(session), task}, "reveal the vote");
    if (r.null(0, 0)) throw StoreError(K::Invalid, "there is no unrevealed vote on " + task + " to reveal");
    return static_cast<int>(r.i64(0, 0));
}

std::vector<int> PgStore::revealed_votes(Id session, const std::string& task, int round) {
    Result r = impl_->exec("SELECT n FROM sofs_revealed_votes($1, $2, $3) AS n", {s(session), task, std::to_string(round)});
    std::vector<int> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(static_cast<int>(r.i64(i, 0)));
    return out;
}

bool PgStore::pause_released(Id session, const std::string& scene) {
    return impl_->exec("SELECT sofs_pause_released($1, $2)", {s(session), scene}).boolean(0, 0);
}

int PgStore::waiting_at_pause(Id session, const std::string& scene) {
    return static_cast<int>(impl_->exec("SELECT COALESCE(sofs_waiting_at($1, $2), 0)", {s(session), scene}).i64(0, 0));
}

int PgStore::release_pause(Id session, const std::string& scene) {
    return static_cast<int>(
        impl_->exec("SELECT sofs_release_pause($1, $2)", {s(session), scene}, "release the pause").i64(0, 0));
}

bool PgStore::hold_at_pause(Id session, const std::string& scene, int timeout_ms) {
    // LISTEN first, then look: a release between the two is not missed.
    listen(session);
    if (impl_->exec("SELECT sofs_reach_pause($1, $2)", {s(session), scene}, "wait at the pause").boolean(0, 0)) return true;
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
        int left = 60000;
        if (timeout_ms > 0) {
            left = static_cast<int>(
                std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count());
            if (left <= 0) return pause_released(session, scene);
        }
        for (const auto& what : wait_for_changes(left))
            if (what == "pause-released" && pause_released(session, scene)) return true;
    }
}

std::array<int, 11> histogram(const std::vector<int>& numbers) {
    std::array<int, 11> h{};
    for (int n : numbers)
        if (n >= 0 && n <= 10) ++h[static_cast<std::size_t>(n)];
    return h;
}

}  // namespace sofs::progress
