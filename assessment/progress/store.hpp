// The progress store: one SQLite file holding people, cohorts, attempts, the
// append-only record of every choice and answer, the assessor's verdicts and
// trainers' overrides. Used by `sofs play` (through the playthrough, assessment/play), the other
// `sofs` progress commands and the application (sign-in, library progress,
// autosave, resume, my progress, the trainer's dashboard).
//
// Contracts:
// - Every write is its own committed transaction (synchronous=FULL, WAL):
//   when record_event() returns, the answer survives a crash or power cut.
// - Events are never updated; a changed scenario supersedes an attempt,
//   it never deletes one. Only erase_person() deletes a trainee's rows
//   (drafts, replaced on each save, are the one thing kept only until used).
// - Every failure throws StoreError with a message in plain words that names
//   the file ("could not save to '/x/progress.db': the disk is full").
// - A Store is one SQLite connection: use it from one thread at a time, and
//   open another Store for another thread or program (WAL and busy_timeout
//   let several share the file; writers queue rather than fail).
// - Functions taking an Actor check access: a trainee sees only their own
//   work, a trainer the people in their cohorts, an administrator everything.
#pragma once

#include "model/scenario.hpp"
#include "runtime/transcript.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sofs::progress {

using Id = std::int64_t;
// Wall-clock milliseconds since 1970; tests inject a counter.
using WallClock = std::function<std::int64_t()>;
WallClock wall_clock();

class StoreError : public std::runtime_error {
public:
    enum class Kind {
        Damaged,    // quick_check failed or the file is not a database
        NotOurs,    // a SQLite file belonging to another program
        Full,       // SQLITE_FULL: nothing of this write was kept, earlier work is safe
        ReadOnly,   // the file or its folder cannot be written
        Busy,       // another program held the file longer than busy_timeout
        TooNew,     // written by a newer version of the simulator
        NotFound,   // no such person, cohort, attempt or verdict
        Denied,     // the actor may not see or change this
        Invalid,    // a bad argument (unknown role, empty reason, ...)
        Io,         // anything else SQLite or the file system reported
        NeedsPassword,  // this person signs in with a password (ask for it, then sign_in)
        Unsupported,    // a --db value that is not a file given to the SQLite store (open_any_store takes either)
    };
    StoreError(Kind k, const std::string& message) : std::runtime_error(message), kind(k) {}
    Kind kind;
};

enum class Role { Trainee, Trainer, Admin };
const char* to_string(Role r);                      // "trainee" | "trainer" | "admin"
std::optional<Role> role_from(const std::string& s);

// A cohort is a group on one kind of course: the scenarios' own audiences
// (sofs::to_string and sofs::audience_from name them).
using CohortKind = Audience;

struct Person {
    Id id = 0;
    std::string name;         // unique, compared without regard to case
    Role role = Role::Trainee;
    std::string team;
    bool agency = false;      // agency staff
    bool has_password = false;
    bool must_change_password = false;  // a first password from an administrator, not yet changed
    std::int64_t created_ms = 0;
};

// Who is asking. Obtained from sign_in(), ensure_trainee() or system().
struct Actor {
    Id id = 0;
    std::string name;
    Role role = Role::Trainee;
    // The command line run by whoever holds the file: acts as an administrator.
    static Actor system() { return Actor{0, "(command line)", Role::Admin}; }
};

struct Cohort {
    Id id = 0;
    std::string name;
    CohortKind kind = CohortKind::TwoDay;
    std::vector<std::string> scenarios;  // assigned scenario ids
    std::vector<std::string> trainers;   // names
    std::vector<std::string> trainees;   // names
};

enum class AttemptStatus { Open, Finished, Superseded };
const char* to_string(AttemptStatus s);             // "open" | "finished" | "superseded"

struct Attempt {
    Id id = 0;
    Id person = 0;
    std::string person_name;
    std::string scenario;
    std::string content_hash;
    std::uint64_t seed = 0;
    std::int64_t started_ms = 0;                // wall clock when begun
    std::optional<std::int64_t> finished_ms;
    std::string ending;                         // ending id once finished
    AttemptStatus status = AttemptStatus::Open;
    std::string superseded_because;             // plain words, when superseded
    int events = 0;                             // events recorded so far
    std::int64_t time_spent_ms = 0;             // last event's at_ms minus the first's
};

// Facts about a scenario the reports need without loading it: recorded with
// each attempt's content hash.
struct ScenarioFacts {
    std::string id;
    std::string content_hash;
    std::string title;
    std::optional<int> expert_scaling, scaling_low, scaling_high;
};

// Unsent work on one task of an open attempt: the words typed so far, or how
// the cards are placed (sort-facts, three-houses), and when it was last saved.
struct Draft {
    Id attempt = 0;
    std::string task;                               // task id from the scenario
    std::string text;
    std::map<std::string, std::string> placements;  // item id -> place
    std::int64_t saved_ms = 0;                      // wall clock
};

// A verdict to store (from the assessor's Debrief, flattened).
struct NewVerdict {
    std::string task;           // task id; "" for verdicts across the whole attempt
    std::string criterion;
    bool met = false;
    std::string evidence_words;
    std::string explanation;
    std::string guidance;
};

struct Override {
    Id id = 0;
    Id verdict = 0;
    std::string trainer;
    bool met = false;
    std::string reason;
    std::int64_t at_ms = 0;
};

// One stored verdict with its overrides. `met` is what the trainee is shown:
// the latest trainer's decision when overruled, else the assessor's.
struct StoredVerdict {
    Id id = 0;
    Id attempt = 0;
    std::string task;
    std::string criterion;
    bool assessor_met = false;
    std::string evidence_words;
    std::string explanation;
    std::string guidance;
    std::string source = "assessor";
    std::vector<Override> overrides;  // oldest first
    bool met = false;                 // effective
    bool overruled() const { return !overrides.empty(); }
};

// One scenario's progress for one person, for the library screen.
struct ScenarioProgress {
    std::string scenario;
    std::string title;
    int attempts = 0;
    int finished = 0;
    std::optional<Id> open_attempt;       // there is something to resume
    std::optional<std::int64_t> last_played_ms;
    std::string last_ending;
    bool assigned = false;                // assigned through one of the person's cohorts
};

struct OpenOptions {
    bool create = true;              // create the file (and its folder) if missing
    bool read_only = false;
    // Opening reads the header and the schema only (constant time). The full
    // PRAGMA quick_check runs with the daily backup, with check(), or on open
    // when this is set.
    bool quick_check = false;
    // Daily upkeep on open: when the newest backup is a day old, a full check
    // and then a backup (a damaged file is never backed up). Read-only
    // commands and the application (which runs maintain() off the window's
    // thread) turn it off.
    bool backup = true;
    int keep_backups = 3;
    int busy_timeout_ms = 10000;
    // Argon2id cost: interactive for people, minimal for tests.
    enum class PasswordCost { Interactive, Minimal } password_cost = PasswordCost::Interactive;
    WallClock clock;                 // default wall_clock()
};

struct Backup {
    std::string path;
    std::int64_t taken_ms = 0;
};

// What an erase removed, and what it could not (never "done" while a copy remains).
struct EraseReport {
    std::string person;
    int attempts = 0;
    std::vector<std::string> removed;      // plain words, one thing each
    std::vector<std::string> could_not;    // plain words: what still holds a copy and why
    bool complete() const { return could_not.empty(); }
};

// What the daily upkeep did.
struct Maintenance {
    bool checked = false;                  // the full check ran (and passed)
    std::string backup;                    // the backup taken, when one was
    std::vector<std::string> cleaned;      // orphaned partial backups removed
};

// After this many wrong passwords in a row, each further try for the same
// name waits: 2 s, 4 s, 8 s ... up to 15 minutes, counted in the file so a
// restart does not reset it.
constexpr int kFreeSignInTries = 3;
std::int64_t sign_in_wait_ms(int failures);

// ====================================================================
// The store as small interfaces, one per kind of record. Store (below)
// joins them; Store::open gives the SQLite implementation (sqlite_*.cpp)
// today, and a server implementation (PostgreSQL, for classrooms) can
// implement the same interfaces without a caller changing. No caller sees
// a database handle.
// ====================================================================

// People, passwords and sign-in.
class Accounts {
public:
    virtual ~Accounts() = default;
    // Adds a person. Trainers and administrators need a password (Argon2id);
    // for trainees it is optional. Throws Invalid when the name is taken.
    virtual Person add_person(const Actor& who, const std::string& name, Role role, const std::string& team,
                              bool agency, const std::optional<std::string>& password) = 0;
    // One's own, or anyone's for an administrator. Setting one's own clears
    // a pending change (require_password_change).
    virtual void set_password(const Actor& who, const std::string& name, const std::string& password) = 0;
    // Administrators: the person's password is a first one that they must
    // change at their next sign-in in the application (Person::must_change_password).
    virtual void require_password_change(const Actor& who, const std::string& name, bool required) = 0;
    virtual std::vector<Person> people(const Actor& who, std::optional<Role> role = std::nullopt) = 0;
    virtual std::optional<Person> find_person(const std::string& name) = 0;
    // Checks the password (Argon2id verify). A trainee without a password
    // signs in by name unless the file requires trainee passwords. Throws
    // Denied ("wrong name or password") otherwise; an unknown name costs the
    // same time as a known one (it is checked against a dummy hash). Wrong
    // passwords are counted per name in the file: after kFreeSignInTries,
    // tries are refused (Denied, saying how long to wait) until the wait is over.
    virtual Actor sign_in(const std::string& name, const std::string& password) = 0;
    // The trainee of this name, created if unknown (used by play and the app).
    // Never a trainer or administrator: those names throw NeedsPassword, as
    // does a trainee with a password, and an unknown name when the file
    // requires trainee passwords (create them with ensure_trainee(name, pw)).
    virtual Actor ensure_trainee(const std::string& name) = 0;
    // The same with a password: a known trainee must give theirs (sign_in);
    // an unknown name becomes a trainee protected by `password` (8+ characters).
    virtual Actor ensure_trainee(const std::string& name, const std::string& password) = 0;
    // Administrators: every trainee must sign in with a password (shared rooms).
    virtual void require_trainee_passwords(const Actor& who, bool required) = 0;
    virtual bool trainee_passwords_required() = 0;
    // True when `who` may see `person`'s work: trainees their own, trainers
    // the people in their cohorts, administrators everyone.
    virtual bool may_see(const Actor& who, Id person) = 0;
};

// Cohorts (administrators change them).
class Cohorts {
public:
    virtual ~Cohorts() = default;
    virtual Cohort create_cohort(const Actor& who, const std::string& name, CohortKind kind) = 0;
    virtual void add_to_cohort(const Actor& who, const std::string& cohort, const std::string& person) = 0;
    // All or none: every name is checked before any is added, in one transaction.
    virtual void add_to_cohort(const Actor& who, const std::string& cohort, const std::vector<std::string>& people) = 0;
    // The caller checks the id against the scenario files (sofs cohort assign does).
    virtual void assign_scenario(const Actor& who, const std::string& cohort, const std::string& scenario_id) = 0;
    // Trainers: their cohorts; trainees: theirs; administrators: all.
    virtual std::vector<Cohort> cohorts(const Actor& who) = 0;
    virtual std::optional<Cohort> find_cohort(const Actor& who, const std::string& name) = 0;
};

// Attempts and their append-only events, verdicts, and reading them back.
class Attempts {
public:
    virtual ~Attempts() = default;
    // The open attempt of (person, scenario id), if any.
    virtual std::optional<Attempt> open_attempt(Id person, const std::string& scenario) = 0;
    // Starts an attempt. Any open attempt of the same (person, scenario) is
    // marked superseded with `why_fresh` first, in the same transaction.
    virtual Attempt begin_attempt(Id person, const Transcript& header, const ScenarioFacts& facts,
                                  const std::string& why_fresh = "a fresh start was chosen") = 0;
    // Keeps the title and expert key of a scenario version (done by begin_attempt too).
    virtual void remember_scenario(const ScenarioFacts& facts) = 0;
    // Commits one event (append-only) before returning. Recording the same
    // event twice is harmless; a different event at a recorded step throws
    // Invalid. Another program saving to the same attempt throws Busy, saying
    // so. `content_hash` is the scenario version in force ("" = the attempt's own).
    virtual void record_event(Id attempt, const Event& e, const std::string& content_hash = "") = 0;
    // Marks the attempt finished with its ending and stores the verdicts, in
    // one transaction. Verdicts may be empty (assessed later with add_verdicts).
    virtual void finish_attempt(Id attempt, const std::string& ending, const std::vector<NewVerdict>& verdicts) = 0;
    virtual void add_verdicts(Id attempt, const std::vector<NewVerdict>& verdicts) = 0;
    // Marks an open attempt superseded (kept, never deleted).
    virtual void supersede(Id attempt, const std::string& because) = 0;
    // The attempt's events as a transcript (for resume, assessment, replay).
    virtual Transcript transcript(Id attempt) = 0;
    // Finished attempts that have no verdicts yet (assessor unavailable then).
    virtual std::vector<Attempt> unassessed_attempts() = 0;
    // Reading, access-checked.
    virtual std::optional<Attempt> attempt(const Actor& who, Id attempt) = 0;
    virtual std::vector<Attempt> attempts(const Actor& who, Id person) = 0;
    virtual std::vector<ScenarioProgress> scenario_progress(const Actor& who, Id person) = 0;
    virtual std::vector<StoredVerdict> verdicts(const Actor& who, Id attempt) = 0;
};

// Unsent work on a task of an open attempt. Kept (replaced) committed before
// returning, so closing the window mid-sentence loses nothing. Throws
// NotFound for no such attempt, Invalid when it is finished or superseded.
// Recording the task's answer clears its draft in the same transaction;
// finishing or superseding the attempt clears its other drafts.
class Drafts {
public:
    virtual ~Drafts() = default;
    virtual void save_draft(Id attempt, const std::string& task, const std::string& text,
                            const std::map<std::string, std::string>& placements = {}) = 0;
    virtual std::optional<Draft> draft(Id attempt, const std::string& task) = 0;
    virtual std::vector<Draft> drafts(Id attempt) = 0;  // by task id
    virtual void clear_draft(Id attempt, const std::string& task) = 0;
};

// Trainers overruling the assessor, with the reason the trainee reads.
class Overrides {
public:
    virtual ~Overrides() = default;
    // Overrules the assessor's verdict on `criterion` (and `task` when the
    // criterion was judged on more than one task) in `attempt`; both are kept.
    // Trainers of the trainee's cohorts and administrators only; reason required.
    virtual Override override_verdict(const Actor& trainer, Id attempt, const std::string& criterion, bool met,
                                      const std::string& reason, const std::string& task = "") = 0;
};

// A trainer's words to a trainee about one attempt. It changes no verdict.
// `criterion` (and `task`, when the check was judged on several tasks) place
// it beside one check; both empty, it is about the attempt as a whole.
struct Comment {
    Id id = 0;
    Id attempt = 0;
    std::string task;
    std::string criterion;
    std::string trainer;      // name
    std::string text;
    std::int64_t at_ms = 0;
};

// The rules every store applies before it records a trainer's word (the
// SQLite and PostgreSQL stores both call these; StoreError when broken).
// An override: a trainer with a name and a reason the trainee can read.
void check_override_request(const Actor& trainer, const std::string& reason);
// A comment: a trainer with a name, some words (at most kMaxCommentBytes),
// and a task only together with the check it is on.
inline constexpr std::size_t kMaxCommentBytes = 8000;  // a long paragraph or two
void check_comment_request(const Actor& trainer, const std::string& text, const std::string& criterion,
                           const std::string& task);
// Which of an attempt's verdicts on `criterion` is meant, given the tasks they
// were judged on (`found`) and the task asked for: its index in `found`;
// NotFound when there is none, Invalid when several and no task chose one.
std::size_t one_verdict(Id attempt, const std::string& criterion, const std::string& task,
                        const std::vector<std::string>& found);

// Trainers' comments: private to the trainee and the trainers of their
// cohorts (and administrators, who hold the file). Kept, never edited.
class Comments {
public:
    virtual ~Comments() = default;
    // Trainers of the trainee's cohorts and administrators only (Denied
    // otherwise); the text must not be empty (Invalid). A criterion given
    // must be one the attempt was judged on (NotFound), and `task` picks
    // among several as for override_verdict.
    virtual Comment add_comment(const Actor& trainer, Id attempt, const std::string& text,
                                const std::string& criterion = "", const std::string& task = "") = 0;
    // Oldest first. The trainee whose attempt it is, their trainers, administrators.
    virtual std::vector<Comment> comments(const Actor& who, Id attempt) = 0;
};

struct TraineeReport;
struct CohortReport;
struct DisagreementReport;

// Progress reports (report.hpp has the report types and their JSON and CSV).
// Throws StoreError (Denied, NotFound).
class Reports {
public:
    virtual ~Reports() = default;
    virtual TraineeReport trainee_report(const Actor& who, const std::string& trainee) = 0;
    virtual CohortReport cohort_report(const Actor& who, const std::string& cohort) = 0;
    virtual DisagreementReport disagreement_report(const Actor& who) = 0;
};

// The file's health and its rolling backups.
class Backups {
public:
    virtual ~Backups() = default;
    // The full check (PRAGMA quick_check): throws Damaged with the restore hint.
    virtual void check() = 0;
    // The daily upkeep (see OpenOptions::backup): check, back up, clean
    // orphaned partial backups. `force` runs it even when a backup is recent.
    virtual Maintenance maintain(bool force = false) = 0;
    // Take a backup now; returns its path.
    virtual std::string backup_now() = 0;
};

// The xAPI outbox. record_event() also writes an xAPI statement for starts
// ("attempted"), answers ("answered"; scaling numbers as a score, never free
// text) and endings ("completed"), in the same transaction. Sending them is
// left to a sender that can reach a Learning Record Store; these keep its place.
struct OutboxStatement {
    std::string id;          // statement UUID, the same on every retry
    Id attempt = 0;
    int step = 0;
    std::string statement;   // the xAPI statement, JSON
    int tries = 0;
};

class Outbox {
public:
    virtual ~Outbox() = default;
    virtual std::vector<OutboxStatement> unsent_statements(int limit = 100) = 0;
    virtual void mark_sent(const std::string& statement_id) = 0;
    virtual void mark_send_failed(const std::string& statement_id, const std::string& error) = 0;
};

// Data protection: everything held about a person, out or gone.
class PersonalData {
public:
    virtual ~PersonalData() = default;
    // Everything held about one trainee, as a JSON document.
    virtual std::string export_person_json(const Actor& who, const std::string& name) = 0;
    // Deletes the person and all their rows in one transaction (administrators),
    // then every copy the program made: the log is checkpointed and emptied,
    // backups are replaced by one taken after the erasure, kept damaged files
    // and partial backups are deleted. The report says what was removed and
    // what could not be (another program holding the file open).
    virtual EraseReport erase_person(const Actor& who, const std::string& name) = 0;
};

// One open progress store: every interface above, on one connection.
class Store : public Accounts,
              public Cohorts,
              public Attempts,
              public Drafts,
              public Overrides,
              public Comments,
              public Reports,
              public Backups,
              public Outbox,
              public PersonalData {
public:
    using OutboxStatement = progress::OutboxStatement;

    // $XDG_DATA_HOME/sofs-simulator/progress.db, else ~/.local/share/sofs-simulator/progress.db.
    static std::string default_path();

    // Opens (creating and migrating as needed) the file at `path` (":memory:"
    // for tests), reading only its header and schema. Throws StoreError:
    // Damaged (with the latest backup and the restore command in the
    // message), NotOurs, TooNew, ReadOnly, Io; Unsupported for a database
    // address such as postgresql://... (open_any_store, in the pgstore
    // library, opens either: the PostgreSQL store is a Store too).
    static std::unique_ptr<Store> open(const std::string& path, const OpenOptions& options = {});
    ~Store() override = default;
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    virtual const std::string& path() const = 0;
    virtual int schema_version() const = 0;
    static int latest_schema_version();
    virtual bool read_only() const = 0;
    // Things the person should be told about the file (a file found readable
    // by others and made private, a read-only file opened for reading only).
    virtual const std::vector<std::string>& notices() const = 0;
    virtual WallClock clock() const = 0;

    // The progress file's own upkeep, by path (no store open).
    // Runs maintain() on its own connection to `db_path` (for a thread of its own).
    static Maintenance maintain_file(const std::string& db_path, const OpenOptions& options = {});
    // The rolling backups of `db_path`, newest first (folder <db>.backups/).
    static std::vector<Backup> backups(const std::string& db_path);
    // Replace the (damaged) file at db_path with `backup` (newest when empty);
    // the damaged file is kept beside it as <db>.damaged-<time>. Returns the backup used.
    static std::string restore(const std::string& db_path, const std::string& backup = "");
    // Why the file at db_path fails the full check, or nothing when it passes
    // (for `report restore`, which asks before replacing a healthy file).
    static std::optional<std::string> problem_with(const std::string& db_path);
    // Removes partial backups left by a program killed while backing up
    // (their program is gone, or they are over an hour old). Returns their paths.
    static std::vector<std::string> clean_partial_backups(const std::string& db_path);

protected:
    Store() = default;
};

// A time from the store's clock (milliseconds since 1970) as text, with a
// strftime pattern: in UTC for files and reports, in local time for screens.
std::string format_time(std::int64_t ms, const char* pattern, bool local = false);

}  // namespace sofs::progress
