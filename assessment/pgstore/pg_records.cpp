// The PostgreSQL store's other interfaces (postgres.hpp): signing in through
// the server, cohorts, drafts, overrides, reading verdicts and progress back,
// backups as pg_dump files, personal data out or gone; and open_any_store,
// where both programs choose the engine from --db.
#include "pg_internal.hpp"

#include "progress/personal_data.hpp"
#include "progress/store_shared.hpp"

#include "codec/transcript_json.hpp"

#include <nlohmann/json.hpp>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

extern char** environ;

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace sofs::progress {

namespace {

std::string hashed_password(PGconn* conn, const std::string& role, const std::string& password) {
    char* hashed = pq().PQencryptPasswordConn(conn, password.c_str(), role.c_str(), "scram-sha-256");
    if (!hashed) raise(conn, nullptr, "hash the password");
    std::string verifier(hashed);
    pq().PQfreemem(hashed);
    return verifier;
}

void require_admin(const Actor& who, const char* what) {
    if (who.role != Role::Admin)
        throw StoreError(K::Denied, std::string("only an administrator can ") + what + " (signed in as " + who.name +
                                        ", a " + to_string(who.role) + ")");
}

}  // namespace

const std::string& PgStore::path() const { return impl_->location; }
const std::vector<std::string>& PgStore::notices() const { return impl_->notices; }
WallClock PgStore::clock() const { return impl_->clock; }

// ---------------------------------------------------------------- signing in

void PgStore::set_password(const Actor& who, const std::string& name, const std::string& password) {
    if (password.size() < 8) throw StoreError(K::Invalid, "a password needs at least 8 characters");
    auto p = find_person(name);
    if (!p) throw StoreError(K::NotFound, "there is no one called '" + name + "' in " + path());
    if (who.role != Role::Admin && who.id != p->id)
        throw StoreError(K::Denied, who.name + " may change only their own password");
    auto role = login_role(p->name);
    if (!role) throw StoreError(K::NotFound, "'" + name + "' has no sign-in on this server");
    impl_->exec("ALTER ROLE " + impl_->escape_identifier(*role) + " PASSWORD " +
                    impl_->escape_literal(hashed_password(impl_->conn, *role, password)),
                {}, "change the password of " + name);
}

Actor PgStore::sign_in(const std::string& name, const std::string& password) {
    auto p = find_person(name);
    auto role = p ? login_role(p->name) : std::nullopt;
    // The server checks the password: connect once as the person's role.
    bool ok = false;
    if (role) {
        const char* keys[] = {"dbname", "user", "password", "connect_timeout", nullptr};
        const char* values[] = {impl_->conninfo.c_str(), role->c_str(), password.c_str(), "10", nullptr};
        PGconn* c = pq().PQconnectdbParams(keys, values, 1);
        ok = pq().PQstatus(c) == CONNECTION_OK;
        pq().PQfinish(c);
    }
    if (!ok) throw StoreError(K::Denied, "wrong name or password");
    return Actor{p->id, p->name, p->role};
}

Actor PgStore::ensure_trainee(const std::string& name) {
    Actor self = me();
    auto p = find_person(name);
    if (p && (p->id == self.id || self.role == Role::Admin)) {
        if (p->role != Role::Trainee && p->id != self.id)
            throw StoreError(K::NeedsPassword, "'" + p->name + "' is a " + to_string(p->role) + ": they sign in themselves");
        return Actor{p->id, p->name, p->role};
    }
    if (!p && self.role == Role::Admin)
        throw StoreError(K::NeedsPassword, "there is no one called '" + name +
                                               "' yet; on a PostgreSQL store everyone has a password (sofs user add)");
    throw StoreError(K::NeedsPassword, "this connection signs in as " + (self.id ? self.name : std::string("the owner")) +
                                           ", not '" + name + "': connect as their own sign-in (user=...) to play as them");
}

Actor PgStore::ensure_trainee(const std::string& name, const std::string& password) {
    if (find_person(name)) return sign_in(name, password);
    if (password.size() < 8) throw StoreError(K::Invalid, "a password needs at least 8 characters");
    Person p = add_person(me(), name, Role::Trainee, "", false, password);
    return Actor{p.id, p.name, p.role};
}

void PgStore::require_trainee_passwords(const Actor& who, bool required) {
    require_admin(asking(who), "change how trainees sign in");
    if (!required)
        throw StoreError(K::Invalid, "on a PostgreSQL store everyone signs in to the server with a password; "
                                     "that cannot be turned off");
}

Actor PgStore::asking(const Actor& asked) {
    if (asked.id != 0) return asked;
    return me();
}

bool PgStore::may_see(const Actor& asked, Id person) {
    const Actor who = asking(asked);
    if (who.role == Role::Admin || who.id == person) return true;
    if (who.role != Role::Trainer) return false;
    // Row-level security already hides people this connection may not see; ask about `who` as well.
    return impl_
               ->exec("SELECT 1 FROM cohort_members mine JOIN cohort_members theirs ON theirs.cohort = mine.cohort "
                      "WHERE mine.person = $1 AND theirs.person = $2",
                      {s(who.id), s(person)})
               .rows() > 0;
}

// ---------------------------------------------------------------- cohorts

Cohort PgStore::create_cohort(const Actor& who, const std::string& name, CohortKind kind) {
    require_admin(asking(who), "create cohorts");
    if (name.find_first_not_of(" \t") == std::string::npos) throw StoreError(K::Invalid, "a cohort needs a name");
    Tx tx(*impl_);
    if (impl_->exec("SELECT 1 FROM cohorts WHERE lower(name) = lower($1)", {name}).rows() > 0)
        throw StoreError(K::Invalid, "there is already a cohort called '" + name + "'");
    impl_->exec("INSERT INTO cohorts(name, kind, created_ms) VALUES ($1,$2,$3)",
                {name, sofs::to_string(kind), s(impl_->now())}, "create cohort " + name);
    tx.commit();
    return *find_cohort(who, name);
}

void PgStore::add_to_cohort(const Actor& who, const std::string& cohort, const std::string& person) {
    add_to_cohort(who, cohort, std::vector<std::string>{person});
}

void PgStore::add_to_cohort(const Actor& who, const std::string& cohort, const std::vector<std::string>& people) {
    require_admin(asking(who), "change cohorts");
    Tx tx(*impl_);
    Result c = impl_->exec("SELECT id FROM cohorts WHERE lower(name) = lower($1)", {cohort});
    if (c.rows() == 0) throw StoreError(K::NotFound, "there is no cohort called '" + cohort + "' in " + path());
    std::vector<Id> ids = people_for_cohort(*this, people, path(), cohort);
    for (Id id : ids)
        impl_->exec("INSERT INTO cohort_members(cohort, person) VALUES ($1,$2) ON CONFLICT DO NOTHING",
                    {s(c.i64(0, 0)), s(id)}, "add to cohort " + cohort);
    tx.commit();
}

void PgStore::assign_scenario(const Actor& who, const std::string& cohort, const std::string& scenario_id) {
    require_admin(asking(who), "assign scenarios");
    if (scenario_id.empty()) throw StoreError(K::Invalid, "which scenario? (its id, such as reference-case)");
    Result r = impl_->exec("INSERT INTO cohort_scenarios(cohort, scenario, assigned_ms) "
                           "SELECT id, $2, $3 FROM cohorts WHERE lower(name) = lower($1) ON CONFLICT DO NOTHING",
                           {cohort, scenario_id, s(impl_->now())}, "assign " + scenario_id);
    if (r.changed() == 0 && impl_->exec("SELECT 1 FROM cohorts WHERE lower(name) = lower($1)", {cohort}).rows() == 0)
        throw StoreError(K::NotFound, "there is no cohort called '" + cohort + "' in " + path());
}

std::vector<Cohort> PgStore::cohorts(const Actor& who) {
    Result r = impl_->exec("SELECT id, name, kind FROM cohorts c WHERE $1 OR EXISTS (SELECT 1 FROM cohort_members m "
                           "WHERE m.cohort = c.id AND m.person = $2) ORDER BY lower(name)",
                           {who.role == Role::Admin ? "true" : "false", s(who.id)});
    std::vector<Cohort> out;
    for (int i = 0; i < r.rows(); ++i) {
        Cohort c;
        c.id = r.i64(i, 0);
        c.name = r.text(i, 1);
        c.kind = audience_from(r.text(i, 2)).value_or(CohortKind::TwoDay);
        Result sc = impl_->exec("SELECT scenario FROM cohort_scenarios WHERE cohort = $1 ORDER BY scenario", {s(c.id)});
        for (int j = 0; j < sc.rows(); ++j) c.scenarios.push_back(sc.text(j, 0));
        Result mem = impl_->exec("SELECT p.name, p.role FROM cohort_members m JOIN people p ON p.id = m.person "
                                 "WHERE m.cohort = $1 ORDER BY lower(p.name)",
                                 {s(c.id)});
        for (int j = 0; j < mem.rows(); ++j) (mem.text(j, 1) == "trainee" ? c.trainees : c.trainers).push_back(mem.text(j, 0));
        out.push_back(std::move(c));
    }
    return out;
}

std::optional<Cohort> PgStore::find_cohort(const Actor& who, const std::string& name) {
    std::string lower;
    for (unsigned char ch : name) lower += static_cast<char>(std::tolower(ch));
    for (auto& c : cohorts(who)) {
        std::string l;
        for (unsigned char ch : c.name) l += static_cast<char>(std::tolower(ch));
        if (l == lower) return c;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------- drafts

void PgStore::save_draft(Id attempt, const std::string& task, const std::string& text,
                         const std::map<std::string, std::string>& placements) {
    if (task.empty()) throw StoreError(K::Invalid, "a draft needs the id of the task it belongs to");
    Tx tx(*impl_);
    Attempt a = impl_->attempt_by_id(attempt);
    if (a.status != AttemptStatus::Open)
        throw StoreError(K::Invalid, "attempt " + s(attempt) + " is " + to_string(a.status) +
                                         ": a draft can only be kept for work still going on");
    impl_->exec("INSERT INTO drafts(attempt, task, text, placements, saved_ms) VALUES ($1,$2,$3,$4::jsonb,$5) "
                "ON CONFLICT (attempt, task) DO UPDATE SET text = excluded.text, placements = excluded.placements, "
                "saved_ms = excluded.saved_ms",
                {s(attempt), task, text, placements_to_json(placements), s(impl_->now())}, "keep the draft");
    tx.commit();
}

std::optional<Draft> PgStore::draft(Id attempt, const std::string& task) {
    for (auto& d : drafts(attempt))
        if (d.task == task) return d;
    return std::nullopt;
}

std::vector<Draft> PgStore::drafts(Id attempt) {
    Result r = impl_->exec("SELECT task, text, placements::text, saved_ms FROM drafts WHERE attempt = $1 ORDER BY task",
                           {s(attempt)});
    std::vector<Draft> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(Draft{attempt, r.text(i, 0), r.text(i, 1), placements_from_json(r.text(i, 2)), r.i64(i, 3)});
    return out;
}

void PgStore::clear_draft(Id attempt, const std::string& task) {
    impl_->exec("DELETE FROM drafts WHERE attempt = $1 AND task = $2", {s(attempt), task}, "clear the draft");
}

// ---------------------------------------------------------------- verdicts, progress, overrides

std::vector<ScenarioProgress> PgStore::scenario_progress(const Actor& who, Id person) {
    if (!may_see(who, person)) throw StoreError(K::Denied, who.name + " may not see this person's work");
    std::vector<ScenarioProgress> played;
    Result r = impl_->exec(
        "SELECT a.scenario, count(*), count(*) FILTER (WHERE a.status = 'finished'), "
        "max(CASE WHEN a.status = 'open' THEN a.id END), "
        "max(COALESCE((SELECT max(e.recorded_ms) FROM events e WHERE e.attempt = a.id), a.started_ms)), "
        "(SELECT b.ending FROM attempts b WHERE b.person = a.person AND b.scenario = a.scenario AND "
        " b.status = 'finished' ORDER BY b.finished_ms DESC, b.id DESC LIMIT 1), "
        "(SELECT v.title FROM scenario_versions v WHERE v.scenario = a.scenario ORDER BY v.first_seen_ms DESC LIMIT 1) "
        "FROM attempts a WHERE a.person = $1 GROUP BY a.scenario, a.person",
        {s(person)});
    for (int i = 0; i < r.rows(); ++i) {
        ScenarioProgress p;
        p.scenario = r.text(i, 0);
        p.attempts = static_cast<int>(r.i64(i, 1));
        p.finished = static_cast<int>(r.i64(i, 2));
        if (!r.null(i, 3)) p.open_attempt = r.i64(i, 3);
        p.last_played_ms = r.opt(i, 4);
        p.last_ending = r.text(i, 5);
        p.title = r.text(i, 6);
        played.push_back(std::move(p));
    }
    Result as = impl_->exec("SELECT DISTINCT s.scenario FROM cohort_scenarios s JOIN cohort_members m ON m.cohort = s.cohort "
                            "WHERE m.person = $1",
                            {s(person)});
    std::vector<std::string> assigned;
    for (int i = 0; i < as.rows(); ++i) assigned.push_back(as.text(i, 0));
    return with_assigned(std::move(played), assigned);
}

std::vector<StoredVerdict> PgStore::verdicts(const Actor& who, Id attempt_id) {
    const Attempt a = existing_attempt(attempt(who, attempt_id), attempt_id);
    Result r = impl_->exec("SELECT id, task, criterion, met, evidence_words, explanation, guidance, source FROM verdicts "
                           "WHERE attempt = $1 ORDER BY id",
                           {s(attempt_id)});
    std::vector<StoredVerdict> out;
    for (int i = 0; i < r.rows(); ++i) {
        StoredVerdict v;
        v.id = r.i64(i, 0);
        v.attempt = attempt_id;
        v.task = r.text(i, 1);
        v.criterion = r.text(i, 2);
        v.assessor_met = v.met = r.boolean(i, 3);
        v.evidence_words = r.text(i, 4);
        v.explanation = r.text(i, 5);
        v.guidance = r.text(i, 6);
        v.source = r.text(i, 7);
        out.push_back(std::move(v));
    }
    // A trainee may not read their trainer's row in people (row-level
    // security): the override is still theirs to see, under "your trainer".
    Result ov = impl_->exec("SELECT o.id, o.verdict, COALESCE(p.name, 'your trainer'), o.met, o.reason, o.at_ms FROM overrides o "
                            "JOIN verdicts v ON v.id = o.verdict LEFT JOIN people p ON p.id = o.trainer "
                            "WHERE v.attempt = $1 ORDER BY o.at_ms, o.id",
                            {s(attempt_id)});
    std::vector<Override> overrides;
    for (int i = 0; i < ov.rows(); ++i)
        overrides.push_back(Override{ov.i64(i, 0), ov.i64(i, 1), ov.text(i, 2), ov.boolean(i, 3), ov.text(i, 4), ov.i64(i, 5)});
    join_overrides(out, std::move(overrides));
    return out;
}

Override PgStore::override_verdict(const Actor& trainer, Id attempt_id, const std::string& criterion, bool met,
                                   const std::string& reason, const std::string& task) {
    check_override_request(trainer, reason);
    const Attempt a = existing_attempt(attempt(trainer, attempt_id), attempt_id);
    if (!may_see(trainer, a.person))
        throw StoreError(K::Denied, trainer.name + " is not a trainer of " + a.person_name + "'s cohorts");
    Tx tx(*impl_);
    Result found = impl_->exec("SELECT id, task FROM verdicts WHERE attempt = $1 AND criterion = $2 AND ($3 = '' OR task = $3)",
                               {s(attempt_id), criterion, task});
    std::vector<std::string> tasks;
    for (int i = 0; i < found.rows(); ++i) tasks.push_back(found.text(i, 1));
    const int row = static_cast<int>(one_verdict(attempt_id, criterion, task, tasks));
    std::int64_t now = impl_->now();
    Result ins = impl_->exec("INSERT INTO overrides(verdict, trainer, met, reason, at_ms) VALUES ($1,$2,$3,$4,$5) RETURNING id",
                             {s(found.i64(row, 0)), s(trainer.id), met ? "true" : "false", reason, s(now)},
                             "overrule the verdict");
    tx.commit();
    return Override{ins.i64(0, 0), found.i64(row, 0), trainer.name, met, reason, now};
}

// ---------------------------------------------------------------- backups (pg_dump)

namespace {

std::string data_home() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/sofs-simulator";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/share/sofs-simulator";
    return "sofs-simulator";
}

std::string safe_file_part(const std::string& s) {
    std::string out;
    for (unsigned char c : s) out += std::isalnum(c) ? static_cast<char>(c) : '_';
    return out.substr(0, 60);
}

constexpr int kKeepDumps = 3;
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

std::vector<fs::path> dumps_in(const std::string& folder) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder, ec))
        if (e.path().extension() == ".dump") out.push_back(e.path());
    std::sort(out.begin(), out.end(), std::greater<>());  // names carry the UTC time: newest first
    return out;
}

}  // namespace

std::string PgStore::backup_folder() const {
    Result r = impl_->exec("SELECT current_database()");
    return data_home() + "/pg-backups/" + safe_file_part(r.text(0, 0));
}

void PgStore::check() {
    Result r = impl_->exec("SELECT COALESCE(max(version), 0) FROM sofs_schema", {}, "check the store");
    if (r.i64(0, 0) != latest_schema_version())
        throw StoreError(K::Damaged, "the PostgreSQL store's schema is at version " + s(r.i64(0, 0)) + ", not " +
                                         std::to_string(latest_schema_version()));
    impl_->exec("SELECT count(*) FROM people", {}, "check the store");
}

Maintenance PgStore::maintain(bool force) {
    Maintenance m;
    check();
    m.checked = true;
    auto dumps = dumps_in(backup_folder());
    std::error_code ec;
    bool recent = false;
    if (!dumps.empty()) {
        auto age = fs::file_time_type::clock::now() - fs::last_write_time(dumps.front(), ec);
        recent = !ec && std::chrono::duration_cast<std::chrono::milliseconds>(age).count() < kDayMs;
    }
    if (force || !recent) m.backup = backup_now();
    return m;
}

std::string PgStore::backup_now() {
    const std::string folder = backup_folder();
    std::error_code ec;
    fs::create_directories(folder, ec);
    fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, ec);
    const std::string file = folder + "/" + format_time(impl_->now(), "%Y%m%dT%H%M%SZ") + ".dump";
    const std::string partial = file + ".partial";
    // pg_dump reads the same connection string (its password from the same
    // place libpq finds it); no shell is involved.
    std::string dbname = "--dbname=" + impl_->conninfo;
    std::string out = "--file=" + partial;
    char* argv[] = {const_cast<char*>("pg_dump"), const_cast<char*>("--format=custom"), const_cast<char*>("--no-owner"),
                    dbname.data(), out.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawnp(&pid, "pg_dump", nullptr, nullptr, argv, environ) != 0)
        throw StoreError(K::Io, "could not back up the PostgreSQL store: pg_dump was not found (install postgresql-client-15)");
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fs::remove(partial, ec);
        throw StoreError(K::Io, "could not back up the PostgreSQL store: pg_dump failed (its message is above)");
    }
    fs::permissions(partial, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
    fs::rename(partial, file, ec);
    if (ec) throw StoreError(K::Io, "could not back up the PostgreSQL store: " + ec.message());
    auto dumps = dumps_in(folder);
    for (std::size_t i = kKeepDumps; i < dumps.size(); ++i) fs::remove(dumps[i], ec);
    return file;
}

// ---------------------------------------------------------------- personal data

std::string PgStore::export_person_json(const Actor& who, const std::string& name) {
    auto p = find_person(name);
    if (!p) throw StoreError(K::NotFound, "there is no one called '" + name + "' in " + path());
    if (!may_see(who, p->id)) throw StoreError(K::Denied, who.name + " may not see " + p->name + "'s records");
    p->has_password = true;   // every PostgreSQL sign-in is a server role with a password
    PersonalRows rows;
    Result c = impl_->exec("SELECT c.name, c.kind FROM cohorts c JOIN cohort_members m ON m.cohort = c.id "
                           "WHERE m.person = $1 ORDER BY c.name",
                           {s(p->id)});
    for (int i = 0; i < c.rows(); ++i) rows.cohorts.push_back({c.text(i, 0), c.text(i, 1)});
    Result g = impl_->exec("SELECT v.attempt, v.criterion, o.met, o.reason, o.at_ms FROM overrides o "
                           "JOIN verdicts v ON v.id = o.verdict WHERE o.trainer = $1 ORDER BY o.id",
                           {s(p->id)});
    for (int i = 0; i < g.rows(); ++i)
        rows.overrides_given.push_back({g.i64(i, 0), g.text(i, 1), g.boolean(i, 2), g.text(i, 3), g.i64(i, 4)});
    Result k = impl_->exec("SELECT attempt, criterion, text, at_ms FROM comments WHERE trainer = $1 ORDER BY id", {s(p->id)});
    for (int i = 0; i < k.rows(); ++i) rows.comments_given.push_back({k.i64(i, 0), k.text(i, 1), k.text(i, 2), k.i64(i, 3)});
    Result x = impl_->exec("SELECT x.id, x.statement, x.sent_ms FROM xapi_outbox x JOIN attempts a ON a.id = x.attempt "
                           "WHERE a.person = $1 ORDER BY x.attempt, x.step",
                           {s(p->id)});
    for (int i = 0; i < x.rows(); ++i) rows.statements.push_back({x.text(i, 0), x.text(i, 1), x.opt(i, 2)});
    // Read as the one asking: row-level security applies as well.
    return personal_data_json(*this, who, *p, impl_->now(), rows);
}

EraseReport PgStore::erase_person(const Actor& who, const std::string& name) {
    require_admin(asking(who), "erase a person's records");
    auto p = find_person(name);
    if (!p) throw StoreError(K::NotFound, "there is no one called '" + name + "' in " + path());
    EraseReport report;
    report.person = p->name;
    Result given = impl_->exec("SELECT count(*) FROM overrides WHERE trainer = $1", {s(p->id)});
    if (given.i64(0, 0) > 0)
        throw StoreError(K::Invalid, "'" + name + "' has overruled " + s(given.i64(0, 0)) +
                                         " verdicts as a trainer; those stay with the trainees' records, so '" + name +
                                         "' cannot be erased here");
    report.attempts = static_cast<int>(impl_->exec("SELECT count(*) FROM attempts WHERE person = $1", {s(p->id)}).i64(0, 0));
    auto role = login_role(p->name);
    {
        Tx tx(*impl_);
        // Rows hanging off the person go with them (ON DELETE CASCADE): attempts,
        // events, verdicts, overrides of their verdicts, drafts, outbox, live sessions.
        impl_->exec("DELETE FROM people WHERE id = $1", {s(p->id)}, "erase " + p->name);
        if (role) impl_->exec("DROP ROLE IF EXISTS " + impl_->escape_identifier(*role), {}, "remove the sign-in of " + p->name);
        tx.commit();
    }
    report.removed.push_back("'" + p->name + "' and " + std::to_string(report.attempts) +
                             " attempt(s) with every answer, draft, verdict and override, from " + path());
    if (role) report.removed.push_back("their sign-in '" + *role + "' on the server");
    // This program's dumps still hold them: replace them with one taken now.
    auto old = dumps_in(backup_folder());
    std::string fresh;
    if (!old.empty()) {
        try {
            fresh = backup_now();
        } catch (const StoreError& e) {
            report.could_not.push_back(std::string("a new backup could not be taken (") + e.what() +
                                       "), so the old ones were deleted without one to replace them");
        }
    }
    std::error_code ec;
    for (const auto& b : old) {
        if (b.string() == fresh) continue;
        if (!fs::exists(b, ec) || fs::remove(b, ec)) report.removed.push_back("the backup '" + b.string() + "'");
        else report.could_not.push_back("the backup '" + b.string() + "': " + ec.message());
    }
    if (!fresh.empty()) report.removed.push_back("(a new backup without them was taken: '" + fresh + "')");
    return report;
}

// ---------------------------------------------------------------- choosing the engine

std::unique_ptr<Store> open_any_store(const std::string& db, const OpenOptions& options) {
    if (is_postgres_location(db)) return PgStore::open(db, options.clock);
    return Store::open(db, options);
}

}  // namespace sofs::progress

// ---------------------------------------------------------------- comments

namespace sofs::progress {

Comment PgStore::add_comment(const Actor& trainer, Id attempt_id, const std::string& text, const std::string& criterion,
                             const std::string& task) {
    check_comment_request(trainer, text, criterion, task);
    const Attempt a = existing_attempt(attempt(trainer, attempt_id), attempt_id);
    if (!may_see(trainer, a.person))
        throw StoreError(K::Denied, trainer.name + " is not a trainer of " + a.person_name + "'s cohorts");
    Tx tx(*impl_);
    std::string on_task = task;
    if (!criterion.empty()) {
        Result found = impl_->exec("SELECT task FROM verdicts WHERE attempt = $1 AND criterion = $2 AND ($3 = '' OR task = $3)",
                                   {s(attempt_id), criterion, task});
        std::vector<std::string> tasks;
        for (int i = 0; i < found.rows(); ++i) tasks.push_back(found.text(i, 0));
        on_task = tasks[one_verdict(attempt_id, criterion, task, tasks)];
    }
    std::int64_t now = impl_->now();
    Result ins = impl_->exec("INSERT INTO comments(attempt, task, criterion, trainer, text, at_ms) VALUES ($1,$2,$3,$4,$5,$6) "
                             "RETURNING id",
                             {s(attempt_id), on_task, criterion, s(trainer.id), text, s(now)}, "leave a comment");
    tx.commit();
    return Comment{ins.i64(0, 0), attempt_id, on_task, criterion, trainer.name, text, now};
}

std::vector<Comment> PgStore::comments(const Actor& who, Id attempt_id) {
    const Attempt a = existing_attempt(attempt(who, attempt_id), attempt_id);
    // As for overrides: a trainee cannot read the trainer's row in people, and
    // an inner join dropped every comment they were meant to read.
    Result r = impl_->exec("SELECT c.id, c.task, c.criterion, COALESCE(p.name, 'your trainer'), c.text, c.at_ms FROM comments c "
                           "LEFT JOIN people p ON p.id = c.trainer WHERE c.attempt = $1 ORDER BY c.at_ms, c.id",
                           {s(attempt_id)});
    std::vector<Comment> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(Comment{r.i64(i, 0), attempt_id, r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.i64(i, 5)});
    return out;
}

}  // namespace sofs::progress
