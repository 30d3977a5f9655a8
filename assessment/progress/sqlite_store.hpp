// The SQLite implementation of the store's interfaces (store.hpp): its state
// on one connection and the helpers its sources (sqlite_*.cpp) share. Not for
// other layers: they see only the interfaces.
#pragma once

#include "report.hpp"
#include "sqlite.hpp"
#include "store.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sofs::progress {

class SqliteStore;

// What one open SQLite store holds.
struct SqliteState {
    std::unique_ptr<sql::Database> db;
    OpenOptions options;
    WallClock clock;
    bool memory = false;
    bool read_only = false;
    std::vector<std::string> notices;   // told to the person (see Store::notices)
    std::string holder;                 // this store's token in attempt_holders

    // The one place each of these statements is written.
    void insert_scenario_version(const ScenarioFacts& facts);
    // Deletes the drafts of `attempt` (of one task when `task` is given).
    void delete_drafts(Id attempt, const std::optional<std::string>& task = std::nullopt);
    // Marks an open attempt superseded and drops its drafts; false when it was not open.
    bool mark_superseded(Id attempt, const std::string& because);

    std::int64_t now() const { return clock(); }
    Person person_by_name(const std::string& name);
    Attempt attempt_by_id(Id id);
    void require_admin(const Actor& who, const char* what) const {
        if (who.role != Role::Admin)
            throw StoreError(StoreError::Kind::Denied, std::string("only an administrator can ") + what +
                                            " (signed in as " + who.name + ", a " + to_string(who.role) + ")");
    }
    std::string hash_password(const std::string& pw) const;
    // Sign-in bookkeeping (accounts): wrong tries per name, kept in the file.
    int failures(const std::string& name_hash, std::int64_t* last_ms);
    void note_failure(const std::string& name_hash);
    void clear_failures(const std::string& name_hash);
    // Refuses a second program saving to the same open attempt; takes it over
    // when the holder's process is gone.
    void hold(Id attempt, const std::string& person_name);
};

// Shared by the sqlite_*.cpp sources.
using K = StoreError::Kind;
constexpr std::int64_t kApplicationId = 0x536F4653;  // "SoFS"
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
std::string utc_stamp(std::int64_t ms, bool for_file);
// Parses the stamp in a backup's file name back into milliseconds.
std::optional<std::int64_t> stamp_ms(const std::string& stamp);
std::string backup_dir(const std::string& db_path);
std::string backup_stem(const std::string& db_path);
std::string answer_json(const Answer& a);
Answer answer_from(const std::string& s);
void init_sodium();
std::string new_uuid();
std::string host_name();
bool is_pid_alive(std::int64_t pid);
extern const char* kAttemptColumns;
Attempt read_attempt(const sql::Statement& st);
extern const char* kPersonColumns;
Person read_person(const sql::Statement& st);
[[noreturn]] void throw_damaged(const std::string& path, const std::string& detail);
[[noreturn]] void deny_person(const Actor& who);
// The xAPI statement for an event worth telling an LRS about, as (id, JSON).
std::optional<std::pair<std::string, std::string>> xapi_statement(Id person, Id attempt, const std::string& scenario,
                                                                  const std::string& hash, const Event& e,
                                                                  std::int64_t now);
// The 'scored' statement for a verdict stored (step -1: it belongs to no one step).
std::pair<std::string, std::string> xapi_verdict_statement(Id person, Id attempt, const std::string& scenario,
                                                           const std::string& hash, const NewVerdict& v,
                                                           std::int64_t now);

// BLAKE2b of the name in lower case, as hex: how sign-in failures are keyed.
std::string name_hash(const std::string& name);
// Throws Invalid for a name over 120 bytes or holding control characters.
void check_name(const std::string& name);

// The store on SQLite: one file (or ":memory:"), WAL, synchronous=FULL.
class SqliteStore final : public Store {
public:
    static std::unique_ptr<Store> open(const std::string& path, const OpenOptions& options);
    explicit SqliteStore(std::unique_ptr<SqliteState> state) : impl_(std::move(state)) {}
    ~SqliteStore() override;

    // Accounts (sqlite_accounts.cpp)
    Person add_person(const Actor& who, const std::string& name, Role role, const std::string& team, bool agency,
                      const std::optional<std::string>& password) override;
    void set_password(const Actor& who, const std::string& name, const std::string& password) override;
    void require_password_change(const Actor& who, const std::string& name, bool required) override;
    std::vector<Person> people(const Actor& who, std::optional<Role> role = std::nullopt) override;
    std::optional<Person> find_person(const std::string& name) override;
    Actor sign_in(const std::string& name, const std::string& password) override;
    Actor ensure_trainee(const std::string& name) override;
    Actor ensure_trainee(const std::string& name, const std::string& password) override;
    void require_trainee_passwords(const Actor& who, bool required) override;
    bool trainee_passwords_required() override;
    bool may_see(const Actor& who, Id person) override;

    // Cohorts (sqlite_cohorts.cpp)
    Cohort create_cohort(const Actor& who, const std::string& name, CohortKind kind) override;
    void add_to_cohort(const Actor& who, const std::string& cohort, const std::string& person) override;
    void add_to_cohort(const Actor& who, const std::string& cohort, const std::vector<std::string>& people) override;
    void assign_scenario(const Actor& who, const std::string& cohort, const std::string& scenario_id) override;
    std::vector<Cohort> cohorts(const Actor& who) override;
    std::optional<Cohort> find_cohort(const Actor& who, const std::string& name) override;

    // Attempts (sqlite_attempts.cpp)
    std::optional<Attempt> open_attempt(Id person, const std::string& scenario) override;
    Attempt begin_attempt(Id person, const Transcript& header, const ScenarioFacts& facts,
                          const std::string& why_fresh = "a fresh start was chosen") override;
    void remember_scenario(const ScenarioFacts& facts) override;
    void record_event(Id attempt, const Event& e, const std::string& content_hash = "") override;
    void finish_attempt(Id attempt, const std::string& ending, const std::vector<NewVerdict>& verdicts) override;
    void add_verdicts(Id attempt, const std::vector<NewVerdict>& verdicts) override;
    void supersede(Id attempt, const std::string& because) override;
    Transcript transcript(Id attempt) override;
    std::vector<Attempt> unassessed_attempts() override;
    std::optional<Attempt> attempt(const Actor& who, Id attempt) override;
    std::vector<Attempt> attempts(const Actor& who, Id person) override;
    std::vector<ScenarioProgress> scenario_progress(const Actor& who, Id person) override;
    std::vector<StoredVerdict> verdicts(const Actor& who, Id attempt) override;

    // Drafts (sqlite_drafts.cpp)
    void save_draft(Id attempt, const std::string& task, const std::string& text,
                    const std::map<std::string, std::string>& placements = {}) override;
    std::optional<Draft> draft(Id attempt, const std::string& task) override;
    std::vector<Draft> drafts(Id attempt) override;
    void clear_draft(Id attempt, const std::string& task) override;

    // Overrides (sqlite_overrides.cpp)
    Override override_verdict(const Actor& trainer, Id attempt, const std::string& criterion, bool met,
                              const std::string& reason, const std::string& task = "") override;

    // Comments (sqlite_comments.cpp)
    Comment add_comment(const Actor& trainer, Id attempt, const std::string& text, const std::string& criterion = "",
                        const std::string& task = "") override;
    std::vector<Comment> comments(const Actor& who, Id attempt) override;

    // Reports (sqlite_reports.cpp)
    TraineeReport trainee_report(const Actor& who, const std::string& trainee) override;
    CohortReport cohort_report(const Actor& who, const std::string& cohort) override;
    DisagreementReport disagreement_report(const Actor& who) override;

    // Backups (sqlite_backups.cpp)
    void check() override;
    Maintenance maintain(bool force = false) override;
    std::string backup_now() override;

    // Outbox (sqlite_outbox.cpp)
    std::vector<OutboxStatement> unsent_statements(int limit = 100) override;
    void mark_sent(const std::string& statement_id) override;
    void mark_send_failed(const std::string& statement_id, const std::string& error) override;

    // Personal data (sqlite_personal_data.cpp)
    std::string export_person_json(const Actor& who, const std::string& name) override;
    EraseReport erase_person(const Actor& who, const std::string& name) override;

    // The file (sqlite_open.cpp)
    const std::string& path() const override;
    int schema_version() const override;
    bool read_only() const override;
    const std::vector<std::string>& notices() const override;
    WallClock clock() const override;

    SqliteState& state() { return *impl_; }

private:
    std::unique_ptr<SqliteState> impl_;
};

// The SQLite connection under a store, for the SQLite implementation's own
// tests and benchmark (which look at tables directly). Throws Invalid for a
// store of another kind.
sql::Database& sqlite_database(Store& store);

// One numbered migration (migrations/NNNN_name.sql, compiled in).
struct MigrationStep {
    int version = 0;
    std::string name;
    std::string sql;
};

// Applies each step above the file's PRAGMA user_version in order, each in
// one transaction with its version bump: a failing step leaves the file as it was.
void apply_migrations(sql::Database& db, const std::vector<MigrationStep>& steps, bool read_only);

}  // namespace sofs::progress
