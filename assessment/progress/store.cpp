// The progress store: opening (checks, migrations, rolling backups), people
// and cohorts, recording attempts, reading with access checks, overrides and
// data protection. Reports live in report.cpp.
#include "store.hpp"

#include "progress_migrations.hpp"
#include "sqlite.hpp"
#include "store_impl.hpp"

#include "codec/transcript_json.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace sofs::progress {

std::string format_time(std::int64_t ms, const char* pattern, bool local) {
    std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    if (local) localtime_r(&t, &tm);
    else gmtime_r(&t, &tm);
    char buf[96];
    std::size_t n = std::strftime(buf, sizeof buf, pattern, &tm);
    return std::string(buf, n);
}

namespace {

constexpr std::int64_t kApplicationId = 0x536F4653;  // "SoFS"
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
using K = StoreError::Kind;

std::string utc_stamp(std::int64_t ms, bool for_file) {
    return format_time(ms, for_file ? "%Y%m%d-%H%M%S" : "%Y-%m-%d %H:%M UTC");
}

// Parses the stamp in a backup's file name back into milliseconds.
std::optional<std::int64_t> stamp_ms(const std::string& stamp) {
    std::tm tm{};
    if (stamp.size() != 15 || !strptime(stamp.c_str(), "%Y%m%d-%H%M%S", &tm)) return std::nullopt;
    return static_cast<std::int64_t>(timegm(&tm)) * 1000;
}

std::string backup_dir(const std::string& db_path) { return db_path + ".backups"; }

std::string backup_stem(const std::string& db_path) { return fs::path(db_path).stem().string(); }

// Answers are kept in the one codec's JSON (engine/codec), the same text `sofs play` prints.
std::string answer_json(const Answer& a) { return answer_to_json(a); }

// A row that does not read back (written by hand, or damaged) gives an empty
// answer rather than stopping the whole transcript from loading.
Answer answer_from(const std::string& s) { return answer_from_json(s, nullptr).value_or(Answer{}); }

void init_sodium() {
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] { ok = sodium_init() >= 0; });
    if (!ok) throw StoreError(K::Io, "could not start the password library (libsodium)");
}

AttemptStatus status_from(const std::string& s) {
    if (s == "finished") return AttemptStatus::Finished;
    if (s == "superseded") return AttemptStatus::Superseded;
    return AttemptStatus::Open;
}

// The columns read_attempt() expects, in order.
const char* kAttemptColumns =
    "a.id, a.person, p.name, a.scenario, a.content_hash, a.seed, a.started_ms, a.finished_ms, "
    "COALESCE(a.ending, ''), a.status, COALESCE(a.superseded_because, ''), "
    "(SELECT count(*) FROM events e WHERE e.attempt = a.id), "
    "COALESCE((SELECT max(e.at_ms) - min(e.at_ms) FROM events e WHERE e.attempt = a.id), 0) "
    "FROM attempts a JOIN people p ON p.id = a.person ";

Attempt read_attempt(const sql::Statement& st) {
    Attempt a;
    a.id = st.i64(0);
    a.person = st.i64(1);
    a.person_name = st.text(2);
    a.scenario = st.text(3);
    a.content_hash = st.text(4);
    a.seed = static_cast<std::uint64_t>(st.i64(5));
    a.started_ms = st.i64(6);
    a.finished_ms = st.opt_i64(7);
    a.ending = st.text(8);
    a.status = status_from(st.text(9));
    a.superseded_because = st.text(10);
    a.events = st.i32(11);
    a.time_spent_ms = st.i64(12);
    return a;
}

const char* kPersonColumns = "id, name, role, team, agency, password_hash IS NOT NULL, created_ms FROM people ";

Person read_person(const sql::Statement& st) {
    Person p;
    p.id = st.i64(0);
    p.name = st.text(1);
    p.role = role_from(st.text(2)).value_or(Role::Trainee);
    p.team = st.text(3);
    p.agency = st.i64(4) != 0;
    p.has_password = st.i64(5) != 0;
    p.created_ms = st.i64(6);
    return p;
}

// A random (version 4) UUID from libsodium's generator.
std::string new_uuid() {
    init_sodium();
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[b[i] >> 4];
        out += hex[b[i] & 15];
    }
    return out;
}

std::string iso8601(std::int64_t ms) {
    char milli[8];
    std::snprintf(milli, sizeof milli, ".%03dZ", static_cast<int>(ms % 1000));
    return format_time(ms, "%Y-%m-%dT%H:%M:%S") + milli;
}

// The xAPI statement for an event worth telling an LRS about, as (id, JSON).
// The actor is the person's number in this file, never their name.
std::optional<std::pair<std::string, std::string>> xapi_statement(Id person, Id attempt, const std::string& scenario,
                                                                  const std::string& hash, const Event& e,
                                                                  std::int64_t now) {
    const std::string base = "urn:sofs-simulator:scenario:" + scenario;
    json verb, object, result;
    switch (e.kind) {
    case Event::Kind::Start:
        verb = {{"id", "http://adlnet.gov/expapi/verbs/attempted"}, {"display", {{"en-GB", "attempted"}}}};
        object = {{"objectType", "Activity"}, {"id", base},
                  {"definition", {{"type", "http://adlnet.gov/expapi/activities/simulation"}}}};
        break;
    case Event::Kind::Answer:
        verb = {{"id", "http://adlnet.gov/expapi/verbs/answered"}, {"display", {{"en-GB", "answered"}}}};
        object = {{"objectType", "Activity"}, {"id", base + "/task/" + e.answer.task},
                  {"definition", {{"type", "http://adlnet.gov/expapi/activities/cmi.interaction"}}}};
        if (e.answer.number >= 0) result = {{"score", {{"raw", e.answer.number}, {"min", 0}, {"max", 10}}}};
        break;
    case Event::Kind::End:
        verb = {{"id", "http://adlnet.gov/expapi/verbs/completed"}, {"display", {{"en-GB", "completed"}}}};
        object = {{"objectType", "Activity"}, {"id", base},
                  {"definition", {{"type", "http://adlnet.gov/expapi/activities/simulation"}}}};
        result = {{"completion", true}};
        break;
    default:
        return std::nullopt;
    }
    std::string id = new_uuid();
    json st = {{"id", id},
               {"actor", {{"objectType", "Agent"},
                          {"account", {{"homePage", "urn:sofs-simulator"}, {"name", std::to_string(person)}}}}},
               {"verb", verb},
               {"object", object},
               {"timestamp", iso8601(now)},
               {"context", {{"extensions", {{"urn:sofs-simulator:attempt", attempt},
                                            {"urn:sofs-simulator:step", e.step},
                                            {"urn:sofs-simulator:scene", e.scene},
                                            {"urn:sofs-simulator:content-hash", hash},
                                            {"urn:sofs-simulator:ending", e.ending}}}}}};
    if (!result.is_null()) st["result"] = result;
    return std::make_pair(id, st.dump());
}

}  // namespace

// ---------------------------------------------------------------- names

WallClock wall_clock() {
    return [] {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    };
}

const char* to_string(Role r) {
    switch (r) {
    case Role::Trainee: return "trainee";
    case Role::Trainer: return "trainer";
    case Role::Admin: return "admin";
    }
    return "trainee";
}

std::optional<Role> role_from(const std::string& s) {
    if (s == "trainee") return Role::Trainee;
    if (s == "trainer") return Role::Trainer;
    if (s == "admin" || s == "administrator") return Role::Admin;
    return std::nullopt;
}

const char* to_string(AttemptStatus s) {
    switch (s) {
    case AttemptStatus::Open: return "open";
    case AttemptStatus::Finished: return "finished";
    case AttemptStatus::Superseded: return "superseded";
    }
    return "open";
}

// ---------------------------------------------------------------- opening

Person Store::Impl::person_by_name(const std::string& name) {
    sql::Statement st(*db, std::string("SELECT ") + kPersonColumns + "WHERE name = ?1");
    st.bind(1, name);
    if (!st.step()) throw StoreError(K::NotFound, "there is no one called '" + name + "' in '" + db->path() + "'");
    return read_person(st);
}

Attempt Store::Impl::attempt_by_id(Id id) {
    sql::Statement st(*db, std::string("SELECT ") + kAttemptColumns + "WHERE a.id = ?1");
    st.bind(1, id);
    if (!st.step()) throw StoreError(K::NotFound, "there is no attempt " + std::to_string(id) + " in '" + db->path() + "'");
    return read_attempt(st);
}

std::string Store::Impl::hash_password(const std::string& pw) const {
    if (pw.size() < 8) throw StoreError(K::Invalid, "a password needs at least 8 characters");
    init_sodium();
    char out[crypto_pwhash_STRBYTES];
    bool minimal = options.password_cost == OpenOptions::PasswordCost::Minimal;
    if (crypto_pwhash_str(out, pw.data(), pw.size(),
                          minimal ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          minimal ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw StoreError(K::Io, "not enough memory to protect the password");
    return out;
}

std::string Store::default_path() {
    std::string base;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x && fs::path(x).is_absolute())
        base = x;
    else if (const char* h = std::getenv("HOME"); h && *h)
        base = std::string(h) + "/.local/share";
    else
        base = ".";
    return base + "/sofs-simulator/progress.db";
}

int Store::latest_schema_version() {
    int v = 0;
    for (const auto& m : generated::kMigrations) v = std::max(v, m.version);
    return v;
}

namespace {

[[noreturn]] void throw_damaged(const std::string& path, const std::string& detail) {
    auto b = Store::backups(path);
    std::string msg = "the progress file '" + path + "' is damaged (" + detail + "); ";
    if (!b.empty())
        msg += "a backup from " + utc_stamp(b.front().taken_ms, false) + " is at '" + b.front().path +
               "'; run `sofs report restore --db " + path + "` to go back to it (work saved after it is lost)";
    else
        msg += "no backup of it exists yet; keep the file and ask your IT support to look at it";
    throw StoreError(K::Damaged, msg);
}

void migrate(sql::Database& db, bool read_only) {
    const std::string& path = db.path();
    std::int64_t app = 0, version = 0, objects = 0;
    {
        // One snapshot: another program may be creating the same file right now.
        sql::Transaction read(db, sql::Transaction::Mode::Deferred);
        app = db.scalar_int("PRAGMA application_id");
        version = db.scalar_int("PRAGMA user_version");
        objects = db.scalar_int("SELECT count(*) FROM sqlite_schema");
        read.commit();
    }
    if (app != kApplicationId) {
        if (app != 0 || objects > 0)
            throw StoreError(K::NotOurs, "'" + path + "' is a database of another program, not a progress file; "
                                                     "choose another file with --db");
    }
    if (version > Store::latest_schema_version())
        throw StoreError(K::TooNew, "'" + path + "' was written by a newer version of the simulator (schema " +
                                        std::to_string(version) + ", this one knows up to " +
                                        std::to_string(Store::latest_schema_version()) + "); update the simulator");
    std::vector<MigrationStep> steps;
    for (const auto& m : generated::kMigrations) steps.push_back({m.version, std::string(m.name), std::string(m.sql)});
    apply_migrations(db, steps, read_only);
}

}  // namespace

void apply_migrations(sql::Database& db, const std::vector<MigrationStep>& steps, bool read_only) {
    const std::string& path = db.path();
    const std::int64_t version = db.scalar_int("PRAGMA user_version");
    for (const auto& m : steps) {
        if (m.version <= version) continue;
        if (read_only)
            throw StoreError(K::ReadOnly, "'" + path + "' needs updating to this version of the simulator, "
                                                      "but it is read-only");
        // Each migration and its version bump commit together, or not at all.
        sql::Transaction tx(db);
        // Another program may have migrated between our read and our lock.
        if (db.scalar_int("PRAGMA user_version") >= m.version) continue;
        try {
            db.exec(m.sql);
        } catch (const StoreError& e) {
            if (e.kind != K::Invalid && e.kind != K::Io) throw;
            throw StoreError(e.kind, "could not update '" + path + "' with " + m.name + ": " + e.what());
        }
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
    }
}


std::unique_ptr<Store> Store::open(const std::string& path, const OpenOptions& options) {
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    impl->clock = options.clock ? options.clock : wall_clock();
    impl->memory = path == ":memory:" || path.empty();
    const std::string p = impl->memory ? ":memory:" : path;
    bool existed = !impl->memory && fs::exists(p);
    if (!impl->memory && !existed) {
        if (!options.create || options.read_only)
            throw StoreError(K::NotFound, "there is no progress file at '" + p + "'");
        std::error_code ec;
        auto parent = fs::path(p).parent_path();
        if (!parent.empty()) fs::create_directories(parent, ec);
        if (ec)
            throw StoreError(K::Io, "could not create the folder '" + parent.string() + "' for the progress file: " +
                                        ec.message());
    }
    if (existed && fs::is_directory(p))
        throw StoreError(K::Io, "'" + p + "' is a folder, not a progress file");
    int flags = options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    impl->db = std::make_unique<sql::Database>(p, flags);
    sql::Database& db = *impl->db;
    db.exec("PRAGMA busy_timeout = " + std::to_string(options.busy_timeout_ms));
    db.exec("PRAGMA foreign_keys = ON");
    bool read_only = options.read_only || sqlite3_db_readonly(db.get(), "main") == 1;
    // Programs that open a new file at the same moment race to create and
    // convert it, and SQLite then answers "busy" at once instead of waiting:
    // the opening steps are safe to repeat, so try them again for a while.
    auto open_steps = [&] {
        try {
            // The first read of the file: garbage shows up here as SQLITE_NOTADB.
            db.scalar_int("PRAGMA application_id");
            if (existed && options.quick_check) {
                sql::Statement st(db, "PRAGMA quick_check(3)");
                std::string problems;
                while (st.step()) {
                    std::string row = st.text(0);
                    if (row == "ok") break;
                    problems += (problems.empty() ? "" : "; ") + row;
                }
                if (!problems.empty()) throw_damaged(p, "quick_check found: " + problems);
            }
        } catch (const StoreError& e) {
            if (e.kind == K::Damaged && std::string(e.what()).find("backup") == std::string::npos)
                throw_damaged(p, "SQLite says: " + std::string(sqlite3_errmsg(db.get())));
            throw;
        }
        if (!impl->memory && !read_only) {
            // WAL persists in the file; FULL makes each commit durable on power loss.
            db.exec("PRAGMA journal_mode = WAL");
        }
        db.exec("PRAGMA synchronous = FULL");
        migrate(db, read_only);
    };
    for (int attempt = 0;; ++attempt) {
        try {
            open_steps();
            break;
        } catch (const StoreError& e) {
            if (e.kind != K::Busy || attempt >= 40) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(5 + 10 * attempt));
        }
    }
    auto store = std::unique_ptr<Store>(new Store(std::move(impl)));
    if (!store->impl_->memory && !read_only && options.backup) {
        auto b = backups(p);
        std::int64_t now = store->impl_->now();
        if (b.empty() || now - b.front().taken_ms >= kDayMs) {
            try {
                store->backup_now();
            } catch (const StoreError&) {
                // A failed backup (disk full) must not stop the trainee's work; the next open tries again.
            }
        }
    }
    return store;
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

const std::string& Store::path() const { return impl_->db->path(); }
int Store::schema_version() const { return static_cast<int>(impl_->db->scalar_int("PRAGMA user_version")); }
bool Store::read_only() const {
    return impl_->options.read_only || sqlite3_db_readonly(impl_->db->get(), "main") == 1;
}
sqlite3* Store::handle() { return impl_->db->get(); }
WallClock Store::clock() const { return impl_->clock; }

// ---------------------------------------------------------------- backups

std::vector<Backup> Store::backups(const std::string& db_path) {
    std::vector<Backup> out;
    std::error_code ec;
    const std::string prefix = backup_stem(db_path) + "-";
    for (const auto& entry : fs::directory_iterator(backup_dir(db_path), ec)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0 || entry.path().extension() != ".db") continue;
        auto ms = stamp_ms(name.substr(prefix.size(), 15));
        if (ms) out.push_back({entry.path().string(), *ms});
    }
    std::sort(out.begin(), out.end(), [](const Backup& a, const Backup& b) { return a.taken_ms > b.taken_ms; });
    return out;
}

std::string Store::backup_now() {
    if (impl_->memory) throw StoreError(K::Invalid, "an in-memory store has no file to back up");
    const std::string& p = path();
    std::error_code ec;
    fs::create_directories(backup_dir(p), ec);
    std::string target = backup_dir(p) + "/" + backup_stem(p) + "-" + utc_stamp(impl_->now(), true) + ".db";
    std::string tmp = target + "." + new_uuid() + ".partial";  // two programs may back up at once
    fs::remove(tmp, ec);
    {
        sql::Database dest(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        sqlite3_backup* b = sqlite3_backup_init(dest.get(), "main", impl_->db->get(), "main");
        if (!b) dest.fail(sqlite3_errcode(dest.get()), true);
        int rc = sqlite3_backup_step(b, -1);
        sqlite3_backup_finish(b);
        if (rc != SQLITE_DONE) {
            fs::remove(tmp, ec);
            dest.fail(rc, true);
        }
    }
    // Renamed only when complete, so a half-written backup is never offered.
    fs::rename(tmp, target, ec);
    if (ec) throw StoreError(K::Io, "could not write the backup '" + target + "': " + ec.message());
    auto all = backups(p);
    for (std::size_t i = static_cast<std::size_t>(std::max(1, impl_->options.keep_backups)); i < all.size(); ++i)
        fs::remove(all[i].path, ec);
    return target;
}

std::string Store::restore(const std::string& db_path, const std::string& backup) {
    std::string from = backup;
    if (from.empty()) {
        auto b = backups(db_path);
        if (b.empty()) throw StoreError(K::NotFound, "there is no backup of '" + db_path + "' to restore from");
        from = b.front().path;
    }
    if (!fs::exists(from)) throw StoreError(K::NotFound, "there is no backup at '" + from + "'");
    std::error_code ec;
    auto stamp = utc_stamp(wall_clock()(), true);
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::string f = db_path + suffix;
        if (fs::exists(f)) {
            fs::rename(f, db_path + ".damaged-" + stamp + suffix, ec);
            if (ec) throw StoreError(K::Io, "could not move the damaged file '" + f + "' aside: " + ec.message());
        }
    }
    fs::copy_file(from, db_path, fs::copy_options::overwrite_existing, ec);
    if (ec) throw StoreError(K::Io, "could not copy the backup '" + from + "' to '" + db_path + "': " + ec.message());
    return from;
}

// ---------------------------------------------------------------- people

Person Store::add_person(const Actor& who, const std::string& name, Role role, const std::string& team, bool agency,
                         const std::optional<std::string>& password) {
    impl_->require_admin(who, "add people");
    if (name.find_first_not_of(" \t") == std::string::npos) throw StoreError(K::Invalid, "a person needs a name");
    if (role != Role::Trainee && !password)
        throw StoreError(K::Invalid, std::string("a ") + to_string(role) + " needs a password");
    std::optional<std::string> hash;
    if (password) hash = impl_->hash_password(*password);
    sql::Transaction tx(*impl_->db);
    {
        sql::Statement check(*impl_->db, "SELECT 1 FROM people WHERE name = ?1");
        check.bind(1, name);
        if (check.step()) throw StoreError(K::Invalid, "there is already someone called '" + name + "'");
    }
    sql::Statement st(*impl_->db,
                      "INSERT INTO people(name, role, team, agency, password_hash, created_ms) VALUES (?1,?2,?3,?4,?5,?6)");
    st.bind(1, name).bind(2, to_string(role)).bind(3, team).bind(4, agency).bind(5, hash).bind(6, impl_->now());
    st.run();
    tx.commit();
    return impl_->person_by_name(name);
}

void Store::set_password(const Actor& who, const std::string& name, const std::string& password) {
    Person p = impl_->person_by_name(name);
    if (who.role != Role::Admin && who.id != p.id)
        throw StoreError(K::Denied, "only an administrator can change someone else's password");
    std::string hash = impl_->hash_password(password);
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db, "UPDATE people SET password_hash = ?1 WHERE id = ?2");
    st.bind(1, hash).bind(2, p.id);
    st.run();
    tx.commit();
}

std::vector<Person> Store::people(const Actor& who, std::optional<Role> role) {
    std::vector<Person> out;
    sql::Statement st(*impl_->db, std::string("SELECT ") + kPersonColumns +
                                      "WHERE (?1 IS NULL OR role = ?1) ORDER BY name COLLATE NOCASE");
    if (role) st.bind(1, to_string(*role));
    while (st.step()) {
        Person p = read_person(st);
        if (who.role == Role::Admin || p.id == who.id || may_see(who, p.id)) out.push_back(p);
    }
    return out;
}

std::optional<Person> Store::find_person(const std::string& name) {
    sql::Statement st(*impl_->db, std::string("SELECT ") + kPersonColumns + "WHERE name = ?1");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return read_person(st);
}

Actor Store::sign_in(const std::string& name, const std::string& password) {
    sql::Statement st(*impl_->db, "SELECT id, name, role, password_hash FROM people WHERE name = ?1");
    st.bind(1, name);
    const StoreError wrong(K::Denied, "wrong name or password");
    if (!st.step()) throw wrong;
    Actor a{st.i64(0), st.text(1), role_from(st.text(2)).value_or(Role::Trainee)};
    if (st.is_null(3)) {
        if (a.role == Role::Trainee) return a;  // trainees may sign in by name alone
        throw wrong;
    }
    init_sodium();
    std::string hash = st.text(3);
    if (crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) != 0) throw wrong;
    return a;
}

Actor Store::ensure_trainee(const std::string& name) {
    if (name.find_first_not_of(" \t") == std::string::npos) throw StoreError(K::Invalid, "a trainee needs a name");
    if (auto p = find_person(name)) return Actor{p->id, p->name, p->role};
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db,
                      "INSERT INTO people(name, role, created_ms) VALUES (?1, 'trainee', ?2) "
                      "ON CONFLICT(name) DO NOTHING");
    st.bind(1, name).bind(2, impl_->now());
    st.run();
    tx.commit();
    Person p = impl_->person_by_name(name);
    return Actor{p.id, p.name, p.role};
}

// ---------------------------------------------------------------- cohorts

Cohort Store::create_cohort(const Actor& who, const std::string& name, CohortKind kind) {
    impl_->require_admin(who, "create cohorts");
    if (name.find_first_not_of(" \t") == std::string::npos) throw StoreError(K::Invalid, "a cohort needs a name");
    sql::Transaction tx(*impl_->db);
    {
        sql::Statement check(*impl_->db, "SELECT 1 FROM cohorts WHERE name = ?1");
        check.bind(1, name);
        if (check.step()) throw StoreError(K::Invalid, "there is already a cohort called '" + name + "'");
    }
    sql::Statement st(*impl_->db, "INSERT INTO cohorts(name, kind, created_ms) VALUES (?1, ?2, ?3)");
    st.bind(1, name).bind(2, to_string(kind)).bind(3, impl_->now());
    st.run();
    tx.commit();
    return *find_cohort(who, name);
}

namespace {
Id cohort_id(sql::Database& db, const std::string& name) {
    sql::Statement st(db, "SELECT id FROM cohorts WHERE name = ?1");
    st.bind(1, name);
    if (!st.step()) throw StoreError(K::NotFound, "there is no cohort called '" + name + "' in '" + db.path() + "'");
    return st.i64(0);
}
}  // namespace

void Store::add_to_cohort(const Actor& who, const std::string& cohort, const std::string& person) {
    impl_->require_admin(who, "change cohorts");
    Id c = cohort_id(*impl_->db, cohort);
    Person p = impl_->person_by_name(person);
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db, "INSERT OR IGNORE INTO cohort_members(cohort, person) VALUES (?1, ?2)");
    st.bind(1, c).bind(2, p.id);
    st.run();
    tx.commit();
}

void Store::assign_scenario(const Actor& who, const std::string& cohort, const std::string& scenario_id) {
    impl_->require_admin(who, "assign scenarios");
    if (scenario_id.empty()) throw StoreError(K::Invalid, "which scenario? (its id, such as reference-case)");
    Id c = cohort_id(*impl_->db, cohort);
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db,
                      "INSERT OR IGNORE INTO cohort_scenarios(cohort, scenario, assigned_ms) VALUES (?1, ?2, ?3)");
    st.bind(1, c).bind(2, scenario_id).bind(3, impl_->now());
    st.run();
    tx.commit();
}

std::vector<Cohort> Store::cohorts(const Actor& who) {
    std::vector<Cohort> out;
    sql::Statement st(*impl_->db,
                      "SELECT id, name, kind FROM cohorts c WHERE ?1 OR EXISTS (SELECT 1 FROM cohort_members m "
                      "WHERE m.cohort = c.id AND m.person = ?2) ORDER BY name COLLATE NOCASE");
    st.bind(1, who.role == Role::Admin).bind(2, who.id);
    while (st.step()) {
        Cohort c;
        c.id = st.i64(0);
        c.name = st.text(1);
        c.kind = audience_from(st.text(2)).value_or(CohortKind::TwoDay);
        out.push_back(c);
    }
    sql::Statement sc(*impl_->db, "SELECT scenario FROM cohort_scenarios WHERE cohort = ?1 ORDER BY scenario");
    sql::Statement mem(*impl_->db,
                       "SELECT p.name, p.role FROM cohort_members m JOIN people p ON p.id = m.person "
                       "WHERE m.cohort = ?1 ORDER BY p.name COLLATE NOCASE");
    for (auto& c : out) {
        sc.reset();
        sc.bind(1, c.id);
        while (sc.step()) c.scenarios.push_back(sc.text(0));
        mem.reset();
        mem.bind(1, c.id);
        while (mem.step()) (mem.text(1) == "trainee" ? c.trainees : c.trainers).push_back(mem.text(0));
    }
    return out;
}

std::optional<Cohort> Store::find_cohort(const Actor& who, const std::string& name) {
    for (auto& c : cohorts(who))
        if (sqlite3_stricmp(c.name.c_str(), name.c_str()) == 0) return c;
    return std::nullopt;
}

bool Store::may_see(const Actor& who, Id person) {
    if (who.role == Role::Admin || who.id == person) return true;
    if (who.role != Role::Trainer) return false;
    sql::Statement st(*impl_->db,
                      "SELECT 1 FROM cohort_members mine JOIN cohort_members theirs ON theirs.cohort = mine.cohort "
                      "WHERE mine.person = ?1 AND theirs.person = ?2 LIMIT 1");
    st.bind(1, who.id).bind(2, person);
    return st.step();
}

// ---------------------------------------------------------------- recording

std::optional<Attempt> Store::open_attempt(Id person, const std::string& scenario) {
    sql::Statement st(*impl_->db, std::string("SELECT ") + kAttemptColumns +
                                      "WHERE a.person = ?1 AND a.scenario = ?2 AND a.status = 'open'");
    st.bind(1, person).bind(2, scenario);
    if (!st.step()) return std::nullopt;
    return read_attempt(st);
}

void Store::remember_scenario(const ScenarioFacts& f) {
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db,
                      "INSERT OR IGNORE INTO scenario_versions(scenario, content_hash, title, expert_scaling, "
                      "scaling_low, scaling_high, first_seen_ms) VALUES (?1,?2,?3,?4,?5,?6,?7)");
    st.bind(1, f.id).bind(2, f.content_hash).bind(3, f.title).bind(4, f.expert_scaling).bind(5, f.scaling_low);
    st.bind(6, f.scaling_high).bind(7, impl_->now());
    st.run();
    tx.commit();
}

Attempt Store::begin_attempt(Id person, const Transcript& header, const ScenarioFacts& facts,
                             const std::string& why_fresh) {
    sql::Database& db = *impl_->db;
    sql::Transaction tx(db);
    {
        sql::Statement st(db,
                          "INSERT OR IGNORE INTO scenario_versions(scenario, content_hash, title, expert_scaling, "
                          "scaling_low, scaling_high, first_seen_ms) VALUES (?1,?2,?3,?4,?5,?6,?7)");
        st.bind(1, header.scenario).bind(2, header.content_hash).bind(3, facts.title).bind(4, facts.expert_scaling);
        st.bind(5, facts.scaling_low).bind(6, facts.scaling_high).bind(7, impl_->now());
        st.run();
    }
    {
        // The superseded attempt takes no more answers: its drafts go with it.
        sql::Statement st(db,
                          "DELETE FROM drafts WHERE attempt IN (SELECT id FROM attempts "
                          "WHERE person = ?1 AND scenario = ?2 AND status = 'open')");
        st.bind(1, person).bind(2, header.scenario);
        st.run();
    }
    {
        sql::Statement st(db,
                          "UPDATE attempts SET status = 'superseded', superseded_because = ?3 "
                          "WHERE person = ?1 AND scenario = ?2 AND status = 'open'");
        st.bind(1, person).bind(2, header.scenario).bind(3, why_fresh);
        st.run();
    }
    sql::Statement st(db,
                      "INSERT INTO attempts(person, scenario, content_hash, seed, started_ms) VALUES (?1,?2,?3,?4,?5)");
    st.bind(1, person).bind(2, header.scenario).bind(3, header.content_hash);
    st.bind(4, static_cast<std::int64_t>(header.seed)).bind(5, impl_->now());
    st.run();
    Id id = sqlite3_last_insert_rowid(db.get());
    tx.commit();
    return impl_->attempt_by_id(id);
}

void Store::record_event(Id attempt, const Event& e, const std::string& content_hash) {
    sql::Database& db = *impl_->db;
    // Each event is its own transaction: committed (and synced) before the
    // caller shows the next prompt, so a crash loses nothing already given.
    sql::Transaction tx(db);
    std::string scenario, hash, status;
    Id person = 0;
    {
        sql::Statement st(db, "SELECT scenario, content_hash, status, person FROM attempts WHERE id = ?1");
        st.bind(1, attempt);
        if (!st.step()) throw StoreError(K::NotFound, "there is no attempt " + std::to_string(attempt) + " to save to");
        scenario = st.text(0);
        hash = content_hash.empty() ? st.text(1) : content_hash;
        status = st.text(2);
        person = st.i64(3);
    }
    if (status != "open")
        throw StoreError(K::Invalid, "attempt " + std::to_string(attempt) + " is " + status + ": nothing more can be added");
    std::optional<std::string> answer;
    if (e.kind == Event::Kind::Answer) answer = answer_json(e.answer);
    sql::Statement st(db,
                      "INSERT INTO events(attempt, step, kind, scenario, content_hash, scene, choice, task, answer, "
                      "ending, at_ms, recorded_ms) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12) "
                      "ON CONFLICT(attempt, step) DO NOTHING");
    st.bind(1, attempt).bind(2, e.step).bind(3, to_string(e.kind)).bind(4, scenario).bind(5, hash);
    st.bind(6, e.scene).bind(7, e.choice).bind(8, e.kind == Event::Kind::Answer ? e.answer.task : std::string());
    st.bind(9, answer).bind(10, e.ending).bind(11, e.at_ms).bind(12, impl_->now());
    st.run();
    if (sqlite3_changes(db.get()) > 0) {
        if (e.kind == Event::Kind::Answer) {
            // The answer replaces the draft, in the same transaction.
            sql::Statement gone(db, "DELETE FROM drafts WHERE attempt = ?1 AND task = ?2");
            gone.bind(1, attempt).bind(2, e.answer.task);
            gone.run();
        }
        if (auto statement = xapi_statement(person, attempt, scenario, hash, e, impl_->now())) {
            sql::Statement out(db, "INSERT INTO xapi_outbox(id, attempt, step, statement, created_ms) VALUES (?1,?2,?3,?4,?5)");
            out.bind(1, statement->first).bind(2, attempt).bind(3, e.step).bind(4, statement->second).bind(5, impl_->now());
            out.run();
        }
    } else {
        // Already recorded (a resumed player re-sending a step): fine if it is the same event.
        sql::Statement old(db, "SELECT kind, scene, choice, COALESCE(answer, ''), ending FROM events "
                               "WHERE attempt = ?1 AND step = ?2");
        old.bind(1, attempt).bind(2, e.step);
        old.step();
        bool same = old.text(0) == to_string(e.kind) && old.text(1) == e.scene && old.text(2) == e.choice &&
                    old.text(4) == e.ending &&
                    (e.kind != Event::Kind::Answer || answer_from(old.text(3)) == e.answer);
        if (!same)
            throw StoreError(K::Invalid, "step " + std::to_string(e.step) + " of attempt " + std::to_string(attempt) +
                                             " is already saved with a different action; saved events are never changed");
    }
    tx.commit();
}

namespace {
void insert_verdicts(sql::Database& db, Id attempt, const std::vector<NewVerdict>& verdicts, std::int64_t now) {
    sql::Statement st(db,
                      "INSERT OR IGNORE INTO verdicts(attempt, task, criterion, met, evidence_words, explanation, "
                      "guidance, source, created_ms) VALUES (?1,?2,?3,?4,?5,?6,?7,'assessor',?8)");
    for (const auto& v : verdicts) {
        st.reset();
        st.bind(1, attempt).bind(2, v.task).bind(3, v.criterion).bind(4, v.met).bind(5, v.evidence_words);
        st.bind(6, v.explanation).bind(7, v.guidance).bind(8, now);
        st.run();
    }
}
}  // namespace

void Store::finish_attempt(Id attempt, const std::string& ending, const std::vector<NewVerdict>& verdicts) {
    sql::Database& db = *impl_->db;
    sql::Transaction tx(db);
    sql::Statement st(db, "SELECT status, COALESCE(ending, '') FROM attempts WHERE id = ?1");
    st.bind(1, attempt);
    if (!st.step()) throw StoreError(K::NotFound, "there is no attempt " + std::to_string(attempt));
    std::string status = st.text(0);
    if (status == "superseded")
        throw StoreError(K::Invalid, "attempt " + std::to_string(attempt) + " was superseded and cannot be finished");
    if (status == "open") {
        sql::Statement up(db, "UPDATE attempts SET status = 'finished', finished_ms = ?2, ending = ?3 WHERE id = ?1");
        up.bind(1, attempt).bind(2, impl_->now()).bind(3, ending);
        up.run();
    }
    insert_verdicts(db, attempt, verdicts, impl_->now());
    {
        // A finished attempt takes no more answers, so its drafts are of no use.
        sql::Statement gone(db, "DELETE FROM drafts WHERE attempt = ?1");
        gone.bind(1, attempt);
        gone.run();
    }
    tx.commit();
}

void Store::add_verdicts(Id attempt, const std::vector<NewVerdict>& verdicts) {
    sql::Transaction tx(*impl_->db);
    impl_->attempt_by_id(attempt);
    insert_verdicts(*impl_->db, attempt, verdicts, impl_->now());
    tx.commit();
}

void Store::supersede(Id attempt, const std::string& because) {
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db,
                      "UPDATE attempts SET status = 'superseded', superseded_because = ?2 WHERE id = ?1 AND status = 'open'");
    st.bind(1, attempt).bind(2, because);
    st.run();
    if (sqlite3_changes(impl_->db->get()) == 0)
        throw StoreError(K::Invalid, "attempt " + std::to_string(attempt) + " is not open, so it cannot be superseded");
    sql::Statement gone(*impl_->db, "DELETE FROM drafts WHERE attempt = ?1");
    gone.bind(1, attempt);
    gone.run();
    tx.commit();
}

// ---------------------------------------------------------------- drafts

namespace {
std::string placements_json(const std::map<std::string, std::string>& placements) {
    return json(placements).dump();
}
std::map<std::string, std::string> placements_from(const std::string& s) {
    std::map<std::string, std::string> out;
    json j = json::parse(s, nullptr, false);
    if (j.is_object())
        for (auto& [k, v] : j.items())
            if (v.is_string()) out[k] = v.get<std::string>();
    return out;
}
Draft draft_from(const sql::Statement& st) {
    Draft d;
    d.attempt = st.i64(0);
    d.task = st.text(1);
    d.text = st.text(2);
    d.placements = placements_from(st.text(3));
    d.saved_ms = st.i64(4);
    return d;
}
}  // namespace

void Store::save_draft(Id attempt, const std::string& task, const std::string& text,
                       const std::map<std::string, std::string>& placements) {
    if (task.empty()) throw StoreError(K::Invalid, "a draft needs the id of the task it belongs to");
    sql::Database& db = *impl_->db;
    sql::Transaction tx(db);
    Attempt a = impl_->attempt_by_id(attempt);
    if (a.status != AttemptStatus::Open)
        throw StoreError(K::Invalid, "attempt " + std::to_string(attempt) + " is " + to_string(a.status) +
                                         ": a draft can only be kept for work still going on");
    sql::Statement st(db,
                      "INSERT INTO drafts(attempt, task, text, placements, saved_ms) VALUES (?1,?2,?3,?4,?5) "
                      "ON CONFLICT(attempt, task) DO UPDATE SET text = excluded.text, "
                      "placements = excluded.placements, saved_ms = excluded.saved_ms");
    st.bind(1, attempt).bind(2, task).bind(3, text).bind(4, placements_json(placements)).bind(5, impl_->now());
    st.run();
    tx.commit();
}

std::optional<Draft> Store::draft(Id attempt, const std::string& task) {
    sql::Statement st(*impl_->db,
                      "SELECT attempt, task, text, placements, saved_ms FROM drafts WHERE attempt = ?1 AND task = ?2");
    st.bind(1, attempt).bind(2, task);
    if (!st.step()) return std::nullopt;
    return draft_from(st);
}

std::vector<Draft> Store::drafts(Id attempt) {
    sql::Statement st(*impl_->db,
                      "SELECT attempt, task, text, placements, saved_ms FROM drafts WHERE attempt = ?1 ORDER BY task");
    st.bind(1, attempt);
    std::vector<Draft> out;
    while (st.step()) out.push_back(draft_from(st));
    return out;
}

void Store::clear_draft(Id attempt, const std::string& task) {
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db, "DELETE FROM drafts WHERE attempt = ?1 AND task = ?2");
    st.bind(1, attempt).bind(2, task);
    st.run();
    tx.commit();
}

Transcript Store::transcript(Id attempt) {
    Attempt a = impl_->attempt_by_id(attempt);
    Transcript t;
    t.scenario = a.scenario;
    t.content_hash = a.content_hash;
    t.seed = a.seed;
    sql::Statement st(*impl_->db,
                      "SELECT step, kind, scene, choice, COALESCE(answer, ''), ending, at_ms FROM events "
                      "WHERE attempt = ?1 ORDER BY step");
    st.bind(1, attempt);
    while (st.step()) {
        Event e;
        e.step = st.i32(0);
        e.kind = event_kind_from(st.text(1)).value_or(Event::Kind::Advance);
        e.scene = st.text(2);
        e.choice = st.text(3);
        if (e.kind == Event::Kind::Answer) e.answer = answer_from(st.text(4));
        e.ending = st.text(5);
        e.at_ms = st.i64(6);
        t.events.push_back(std::move(e));
    }
    return t;
}

std::vector<Attempt> Store::unassessed_attempts() {
    std::vector<Attempt> out;
    sql::Statement st(*impl_->db, std::string("SELECT ") + kAttemptColumns +
                                      "WHERE a.status = 'finished' AND NOT EXISTS "
                                      "(SELECT 1 FROM verdicts v WHERE v.attempt = a.id) ORDER BY a.id");
    while (st.step()) out.push_back(read_attempt(st));
    return out;
}

// ---------------------------------------------------------------- xAPI outbox

std::vector<Store::OutboxStatement> Store::unsent_statements(int limit) {
    std::vector<OutboxStatement> out;
    sql::Statement st(*impl_->db,
                      "SELECT id, attempt, step, statement, tries FROM xapi_outbox WHERE sent_ms IS NULL "
                      "ORDER BY created_ms, attempt, step LIMIT ?1");
    st.bind(1, limit);
    while (st.step()) out.push_back({st.text(0), st.i64(1), st.i32(2), st.text(3), st.i32(4)});
    return out;
}

void Store::mark_sent(const std::string& statement_id) {
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db, "UPDATE xapi_outbox SET sent_ms = ?2, tries = tries + 1 WHERE id = ?1");
    st.bind(1, statement_id).bind(2, impl_->now());
    st.run();
    tx.commit();
}

void Store::mark_send_failed(const std::string& statement_id, const std::string& error) {
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db, "UPDATE xapi_outbox SET tries = tries + 1, last_error = ?2 WHERE id = ?1");
    st.bind(1, statement_id).bind(2, error);
    st.run();
    tx.commit();
}

// ---------------------------------------------------------------- reading

namespace {
[[noreturn]] void deny_person(const Actor& who) {
    throw StoreError(K::Denied, who.name + " (a " + to_string(who.role) +
                                    ") may not see this person's work: trainees see their own, trainers their cohorts'");
}
}  // namespace

std::optional<Attempt> Store::attempt(const Actor& who, Id id) {
    sql::Statement st(*impl_->db, std::string("SELECT ") + kAttemptColumns + "WHERE a.id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    Attempt a = read_attempt(st);
    if (!may_see(who, a.person)) deny_person(who);
    return a;
}

std::vector<Attempt> Store::attempts(const Actor& who, Id person) {
    if (!may_see(who, person)) deny_person(who);
    std::vector<Attempt> out;
    sql::Statement st(*impl_->db, std::string("SELECT ") + kAttemptColumns +
                                      "WHERE a.person = ?1 ORDER BY a.started_ms, a.id");
    st.bind(1, person);
    while (st.step()) out.push_back(read_attempt(st));
    return out;
}

std::vector<ScenarioProgress> Store::scenario_progress(const Actor& who, Id person) {
    if (!may_see(who, person)) deny_person(who);
    std::map<std::string, ScenarioProgress> by;
    sql::Statement st(*impl_->db,
                      "SELECT a.scenario, count(*), sum(a.status = 'finished'), "
                      "max(CASE WHEN a.status = 'open' THEN a.id END), "
                      "max(COALESCE((SELECT max(e.recorded_ms) FROM events e WHERE e.attempt = a.id), a.started_ms)), "
                      "(SELECT b.ending FROM attempts b WHERE b.person = a.person AND b.scenario = a.scenario AND "
                      " b.status = 'finished' ORDER BY b.finished_ms DESC, b.id DESC LIMIT 1), "
                      "(SELECT v.title FROM scenario_versions v WHERE v.scenario = a.scenario "
                      " ORDER BY v.first_seen_ms DESC LIMIT 1) "
                      "FROM attempts a WHERE a.person = ?1 GROUP BY a.scenario");
    st.bind(1, person);
    while (st.step()) {
        ScenarioProgress p;
        p.scenario = st.text(0);
        p.attempts = st.i32(1);
        p.finished = st.i32(2);
        if (!st.is_null(3)) p.open_attempt = st.i64(3);
        p.last_played_ms = st.opt_i64(4);
        p.last_ending = st.text(5);
        p.title = st.text(6);
        by[p.scenario] = p;
    }
    sql::Statement as(*impl_->db,
                      "SELECT DISTINCT s.scenario FROM cohort_scenarios s JOIN cohort_members m ON m.cohort = s.cohort "
                      "WHERE m.person = ?1");
    as.bind(1, person);
    while (as.step()) {
        auto& p = by[as.text(0)];
        p.scenario = as.text(0);
        p.assigned = true;
    }
    std::vector<ScenarioProgress> out;
    for (auto& [k, v] : by) out.push_back(v);
    return out;
}

std::vector<StoredVerdict> Store::verdicts(const Actor& who, Id attempt_id) {
    auto a = attempt(who, attempt_id);
    if (!a) throw StoreError(K::NotFound, "there is no attempt " + std::to_string(attempt_id));
    std::vector<StoredVerdict> out;
    std::map<Id, std::size_t> index;
    sql::Statement st(*impl_->db,
                      "SELECT id, task, criterion, met, evidence_words, explanation, guidance, source FROM verdicts "
                      "WHERE attempt = ?1 ORDER BY id");
    st.bind(1, attempt_id);
    while (st.step()) {
        StoredVerdict v;
        v.id = st.i64(0);
        v.attempt = attempt_id;
        v.task = st.text(1);
        v.criterion = st.text(2);
        v.assessor_met = v.met = st.i64(3) != 0;
        v.evidence_words = st.text(4);
        v.explanation = st.text(5);
        v.guidance = st.text(6);
        v.source = st.text(7);
        index[v.id] = out.size();
        out.push_back(std::move(v));
    }
    sql::Statement ov(*impl_->db,
                      "SELECT o.id, o.verdict, p.name, o.met, o.reason, o.at_ms FROM overrides o "
                      "JOIN verdicts v ON v.id = o.verdict JOIN people p ON p.id = o.trainer "
                      "WHERE v.attempt = ?1 ORDER BY o.at_ms, o.id");
    ov.bind(1, attempt_id);
    while (ov.step()) {
        Override o{ov.i64(0), ov.i64(1), ov.text(2), ov.i64(3) != 0, ov.text(4), ov.i64(5)};
        auto& v = out[index.at(o.verdict)];
        v.met = o.met;  // the latest trainer's decision is what the trainee sees
        v.overrides.push_back(std::move(o));
    }
    return out;
}

// ---------------------------------------------------------------- overrides

Override Store::override_verdict(const Actor& trainer, Id attempt_id, const std::string& criterion, bool met,
                                 const std::string& reason, const std::string& task) {
    if (trainer.role == Role::Trainee) throw StoreError(K::Denied, "only a trainer can overrule the assessor");
    if (trainer.id == 0) throw StoreError(K::Invalid, "an override needs a named trainer (--trainer)");
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
        throw StoreError(K::Invalid, "an override needs a reason the trainee can read");
    auto a = attempt(trainer, attempt_id);
    if (!a) throw StoreError(K::NotFound, "there is no attempt " + std::to_string(attempt_id));
    sql::Database& db = *impl_->db;
    sql::Transaction tx(db);
    sql::Statement st(db, "SELECT id, task FROM verdicts WHERE attempt = ?1 AND criterion = ?2 AND (?3 = '' OR task = ?3)");
    st.bind(1, attempt_id).bind(2, criterion).bind(3, task);
    std::vector<std::pair<Id, std::string>> found;
    while (st.step()) found.emplace_back(st.i64(0), st.text(1));
    if (found.empty())
        throw StoreError(K::NotFound, "attempt " + std::to_string(attempt_id) + " has no verdict on '" + criterion + "'" +
                                          (task.empty() ? "" : " for task '" + task + "'"));
    if (found.size() > 1) {
        std::string tasks;
        for (auto& [id, t] : found) tasks += (tasks.empty() ? "" : ", ") + t;
        throw StoreError(K::Invalid, "'" + criterion + "' was judged on more than one task (" + tasks +
                                         "): say which with --task");
    }
    sql::Statement ins(db, "INSERT INTO overrides(verdict, trainer, met, reason, at_ms) VALUES (?1,?2,?3,?4,?5)");
    std::int64_t now = impl_->now();
    ins.bind(1, found[0].first).bind(2, trainer.id).bind(3, met).bind(4, reason).bind(5, now);
    ins.run();
    Id id = sqlite3_last_insert_rowid(db.get());
    tx.commit();
    return Override{id, found[0].first, trainer.name, met, reason, now};
}

// ---------------------------------------------------------------- data protection

std::string Store::export_person_json(const Actor& who, const std::string& name) {
    Person p = impl_->person_by_name(name);
    if (!may_see(who, p.id)) deny_person(who);
    sql::Database& db = *impl_->db;
    json out;
    out["exported_ms"] = impl_->now();
    out["file"] = path();
    out["person"] = {{"name", p.name}, {"role", to_string(p.role)}, {"team", p.team}, {"agency_staff", p.agency},
                     {"has_password", p.has_password}, {"created_ms", p.created_ms}};
    json cohorts = json::array();
    {
        sql::Statement st(db, "SELECT c.name, c.kind FROM cohorts c JOIN cohort_members m ON m.cohort = c.id "
                              "WHERE m.person = ?1 ORDER BY c.name");
        st.bind(1, p.id);
        while (st.step()) cohorts.push_back({{"name", st.text(0)}, {"kind", st.text(1)}});
    }
    out["cohorts"] = cohorts;
    json attempts = json::array();
    Actor admin = Actor::system();
    for (const auto& a : this->attempts(admin, p.id)) {
        json ja = {{"id", a.id}, {"scenario", a.scenario}, {"content_hash", a.content_hash},
                   {"seed", a.seed}, {"started_ms", a.started_ms}, {"status", to_string(a.status)},
                   {"ending", a.ending}, {"superseded_because", a.superseded_because}};
        ja["finished_ms"] = a.finished_ms ? json(*a.finished_ms) : json(nullptr);
        json events = json::array();
        for (const auto& e : transcript(a.id).events) {
            json je = {{"step", e.step}, {"kind", to_string(e.kind)}, {"scene", e.scene}, {"at_ms", e.at_ms}};
            if (!e.choice.empty()) je["choice"] = e.choice;
            if (!e.ending.empty()) je["ending"] = e.ending;
            if (e.kind == Event::Kind::Answer) je["answer"] = json::parse(answer_json(e.answer));
            events.push_back(je);
        }
        ja["events"] = events;
        json verdicts = json::array();
        for (const auto& v : this->verdicts(admin, a.id)) {
            json jv = {{"task", v.task}, {"criterion", v.criterion}, {"assessor_met", v.assessor_met},
                       {"met", v.met}, {"evidence_words", v.evidence_words}, {"explanation", v.explanation}};
            json ov = json::array();
            for (const auto& o : v.overrides)
                ov.push_back({{"trainer", o.trainer}, {"met", o.met}, {"reason", o.reason}, {"at_ms", o.at_ms}});
            jv["overrides"] = ov;
            verdicts.push_back(jv);
        }
        ja["verdicts"] = verdicts;
        json drafts = json::array();
        for (const auto& d : this->drafts(a.id))
            drafts.push_back({{"task", d.task}, {"text", d.text}, {"placements", d.placements},
                              {"saved_ms", d.saved_ms}});
        ja["drafts"] = drafts;
        attempts.push_back(ja);
    }
    out["attempts"] = attempts;
    json given = json::array();
    {
        sql::Statement st(db, "SELECT o.id, v.attempt, v.criterion, o.met, o.reason, o.at_ms FROM overrides o "
                              "JOIN verdicts v ON v.id = o.verdict WHERE o.trainer = ?1 ORDER BY o.id");
        st.bind(1, p.id);
        while (st.step())
            given.push_back({{"attempt", st.i64(1)}, {"criterion", st.text(2)}, {"met", st.i64(3) != 0},
                             {"reason", st.text(4)}, {"at_ms", st.i64(5)}});
    }
    out["overrides_given"] = given;
    json statements = json::array();
    {
        sql::Statement st(db, "SELECT x.id, x.statement, x.sent_ms FROM xapi_outbox x JOIN attempts a ON a.id = x.attempt "
                              "WHERE a.person = ?1 ORDER BY x.attempt, x.step");
        st.bind(1, p.id);
        while (st.step())
            statements.push_back({{"id", st.text(0)}, {"statement", json::parse(st.text(1))},
                                  {"sent_ms", st.is_null(2) ? json(nullptr) : json(st.i64(2))}});
    }
    out["xapi_statements"] = statements;
    return out.dump(2) + "\n";
}

void Store::erase_person(const Actor& who, const std::string& name) {
    impl_->require_admin(who, "erase a person's records");
    Person p = impl_->person_by_name(name);
    sql::Database& db = *impl_->db;
    {
        sql::Statement st(db, "SELECT count(*) FROM overrides WHERE trainer = ?1");
        st.bind(1, p.id);
        st.step();
        if (st.i64(0) > 0)
            throw StoreError(K::Invalid, "'" + name + "' has overruled " + std::to_string(st.i64(0)) +
                                             " verdicts as a trainer; those stay with the trainees' records, so '" +
                                             name + "' cannot be erased here");
    }
    // Overwrite deleted content rather than leaving it in free pages.
    db.exec("PRAGMA secure_delete = ON");
    {
        sql::Transaction tx(db);
        const char* steps[] = {
            "DELETE FROM overrides WHERE verdict IN (SELECT v.id FROM verdicts v JOIN attempts a ON a.id = v.attempt "
            "WHERE a.person = ?1)",
            "DELETE FROM verdicts WHERE attempt IN (SELECT id FROM attempts WHERE person = ?1)",
            "DELETE FROM events WHERE attempt IN (SELECT id FROM attempts WHERE person = ?1)",
            "DELETE FROM drafts WHERE attempt IN (SELECT id FROM attempts WHERE person = ?1)",
            "DELETE FROM xapi_outbox WHERE attempt IN (SELECT id FROM attempts WHERE person = ?1)",
            "DELETE FROM attempts WHERE person = ?1",
            "DELETE FROM cohort_members WHERE person = ?1",
            "DELETE FROM people WHERE id = ?1",
        };
        for (const char* s : steps) {
            sql::Statement st(db, s);
            st.bind(1, p.id);
            st.run();
        }
        tx.commit();
    }
    if (!impl_->memory) {
        // The log would still hold the erased pages until the next checkpoint.
        sqlite3_wal_checkpoint_v2(db.get(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
        // Older backups still hold the erased person: replace them with one taken now.
        auto old = backups(path());
        std::string fresh = backup_now();
        std::error_code ec;
        for (const auto& b : old)
            if (b.path != fresh) fs::remove(b.path, ec);
    }
}

}  // namespace sofs::progress
