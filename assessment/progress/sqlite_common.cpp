// What the SQLite store's sources share: file names of backups, the answer's
// JSON in the events table, reading rows into attempts and people, ids, the
// xAPI statement of an event, and the damaged-file message.
#include "sqlite_store.hpp"

#include "codec/transcript_json.hpp"
#include "xapi/statement.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <mutex>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace sofs::progress {

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
std::string answer_json(const Answer& a) { return stored_answer(a); }
Answer answer_from(const std::string& s) { return answer_from_stored(s); }

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

const char* kPersonColumns =
    "id, name, role, team, agency, password_hash IS NOT NULL, created_ms, must_change_password FROM people ";

Person read_person(const sql::Statement& st) {
    Person p;
    p.id = st.i64(0);
    p.name = st.text(1);
    p.role = role_from(st.text(2)).value_or(Role::Trainee);
    p.team = st.text(3);
    p.agency = st.i64(4) != 0;
    p.has_password = st.i64(5) != 0;
    p.created_ms = st.i64(6);
    p.must_change_password = st.i64(7) != 0;
    return p;
}

// A random (version 4) UUID: the one generator, which also names xAPI statements.
std::string new_uuid() { return xapi::new_statement_id(); }

// The xAPI statement for an event worth telling an LRS about, as (id, JSON):
// the one builder (assessment/xapi) every store uses. The actor is the
// person's number in this file, never their name.
std::optional<std::pair<std::string, std::string>> xapi_statement(Id person, Id attempt, const std::string& scenario,
                                                                  const std::string& hash, const Event& e,
                                                                  std::int64_t now) {
    auto st = xapi::for_event({"urn:sofs-simulator", std::to_string(person)}, {scenario, hash, attempt}, e, now,
                              xapi::new_statement_id());
    if (!st) return std::nullopt;
    return std::make_pair(st->id, st->json);
}

std::pair<std::string, std::string> xapi_verdict_statement(Id person, Id attempt, const std::string& scenario,
                                                           const std::string& hash, const NewVerdict& v,
                                                           std::int64_t now) {
    auto st = xapi::for_verdict({"urn:sofs-simulator", std::to_string(person)}, {scenario, hash, attempt},
                                {v.task, v.criterion, v.met}, now, xapi::new_statement_id());
    return std::make_pair(st.id, st.json);
}

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

[[noreturn]] void deny_person(const Actor& who) {
    throw StoreError(K::Denied, who.name + " (a " + to_string(who.role) +
                                    ") may not see this person's work: trainees see their own, trainers their cohorts'");
}

bool is_pid_alive(std::int64_t pid) {
    if (pid <= 0) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// This machine's name, letters and digits only (it is part of file names).
std::string host_name() {
    char buf[256] = {0};
    if (::gethostname(buf, sizeof buf - 1) != 0) return "host";
    std::string out;
    for (char* c = buf; *c; ++c) out += std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_';
    return out.empty() ? "host" : out;
}

Person SqliteState::person_by_name(const std::string& name) {
    sql::Statement st(*db, std::string("SELECT ") + kPersonColumns + "WHERE name = ?1");
    st.bind(1, name);
    if (!st.step()) throw StoreError(K::NotFound, "there is no one called '" + name + "' in '" + db->path() + "'");
    return read_person(st);
}

Attempt SqliteState::attempt_by_id(Id id) {
    sql::Statement st(*db, std::string("SELECT ") + kAttemptColumns + "WHERE a.id = ?1");
    st.bind(1, id);
    if (!st.step()) throw StoreError(K::NotFound, "there is no attempt " + std::to_string(id) + " in '" + db->path() + "'");
    return read_attempt(st);
}

std::string SqliteState::hash_password(const std::string& pw) const {
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


sql::Database& sqlite_database(Store& store) {
    auto* s = dynamic_cast<SqliteStore*>(&store);
    if (!s) throw StoreError(K::Invalid, "this store is not kept in SQLite");
    return *s->state().db;
}

}  // namespace sofs::progress
