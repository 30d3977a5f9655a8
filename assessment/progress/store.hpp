// The progress store: one SQLite file holding people, cohorts, attempts, the
// append-only record of every choice and answer, the assessor's verdicts and
// trainers' overrides. Used by `sofs play` (through the recorder), the other
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

struct sqlite3;

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
    bool quick_check = true;         // PRAGMA quick_check on open
    bool backup = true;              // rolling backup on open, at most once a day
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

class Store {
public:
    // $XDG_DATA_HOME/sofs-simulator/progress.db, else ~/.local/share/sofs-simulator/progress.db.
    static std::string default_path();

    // Opens (creating and migrating as needed) the file at `path` (":memory:"
    // for tests). Throws StoreError: Damaged (with the latest backup and the
    // restore command in the message), NotOurs, TooNew, ReadOnly, Io.
    static std::unique_ptr<Store> open(const std::string& path, const OpenOptions& options = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    const std::string& path() const;
    int schema_version() const;                       // PRAGMA user_version
    static int latest_schema_version();
    bool read_only() const;

    // ---------------------------------------------------------- backups
    // The rolling backups of `db_path`, newest first (folder <db>.backups/).
    static std::vector<Backup> backups(const std::string& db_path);
    // Take a backup now (sqlite3 backup API); returns its path.
    std::string backup_now();
    // Replace the (damaged) file at db_path with `backup` (newest when empty);
    // the damaged file is kept beside it as <db>.damaged-<time>. Returns the backup used.
    static std::string restore(const std::string& db_path, const std::string& backup = "");

    // ---------------------------------------------------------- people
    // Adds a person. Trainers and administrators need a password (Argon2id);
    // for trainees it is optional. Throws Invalid when the name is taken.
    Person add_person(const Actor& who, const std::string& name, Role role, const std::string& team,
                      bool agency, const std::optional<std::string>& password);
    void set_password(const Actor& who, const std::string& name, const std::string& password);
    std::vector<Person> people(const Actor& who, std::optional<Role> role = std::nullopt);
    std::optional<Person> find_person(const std::string& name);
    // Checks the password (Argon2id verify). A trainee without a password
    // signs in by name. Throws Denied ("wrong name or password") otherwise.
    Actor sign_in(const std::string& name, const std::string& password);
    // The trainee of this name, created if unknown (used by play and the app).
    Actor ensure_trainee(const std::string& name);

    // ---------------------------------------------------------- cohorts (administrators)
    Cohort create_cohort(const Actor& who, const std::string& name, CohortKind kind);
    void add_to_cohort(const Actor& who, const std::string& cohort, const std::string& person);
    void assign_scenario(const Actor& who, const std::string& cohort, const std::string& scenario_id);
    // Trainers: their cohorts; trainees: theirs; administrators: all.
    std::vector<Cohort> cohorts(const Actor& who);
    std::optional<Cohort> find_cohort(const Actor& who, const std::string& name);
    // True when `who` may see `person`'s work.
    bool may_see(const Actor& who, Id person);

    // ---------------------------------------------------------- recording (autosave)
    // The open attempt of (person, scenario id), if any.
    std::optional<Attempt> open_attempt(Id person, const std::string& scenario);
    // Starts an attempt. Any open attempt of the same (person, scenario) is
    // marked superseded with `why_fresh` first, in the same transaction.
    Attempt begin_attempt(Id person, const Transcript& header, const ScenarioFacts& facts,
                          const std::string& why_fresh = "a fresh start was chosen");
    // Keeps the title and expert key of a scenario version (done by begin_attempt too).
    void remember_scenario(const ScenarioFacts& facts);
    // Commits one event (append-only) before returning. Recording the same
    // event twice is harmless; a different event at a recorded step throws Invalid.
    // `content_hash` is the scenario version in force ("" = the attempt's own).
    void record_event(Id attempt, const Event& e, const std::string& content_hash = "");
    // Marks the attempt finished with its ending and stores the verdicts, in
    // one transaction. Verdicts may be empty (assessed later with add_verdicts).
    void finish_attempt(Id attempt, const std::string& ending, const std::vector<NewVerdict>& verdicts);
    void add_verdicts(Id attempt, const std::vector<NewVerdict>& verdicts);
    // Marks an open attempt superseded (kept, never deleted).
    void supersede(Id attempt, const std::string& because);
    // The attempt's events as a transcript (for resume, assessment, replay).
    Transcript transcript(Id attempt);
    // Finished attempts that have no verdicts yet (assessor unavailable then).
    std::vector<Attempt> unassessed_attempts();

    // ---------------------------------------------------------- drafts
    // Keeps (replaces) the draft of `task` in an open attempt, committed before
    // returning, so closing the window mid-sentence loses nothing. Throws
    // NotFound for no such attempt, Invalid when it is finished or superseded.
    // record_event() of the task's answer clears its draft in the same
    // transaction; finishing or superseding the attempt clears its other drafts.
    void save_draft(Id attempt, const std::string& task, const std::string& text,
                    const std::map<std::string, std::string>& placements = {});
    std::optional<Draft> draft(Id attempt, const std::string& task);
    std::vector<Draft> drafts(Id attempt);          // by task id
    void clear_draft(Id attempt, const std::string& task);

    // ---------------------------------------------------------- xAPI outbox
    // record_event() also writes an xAPI statement for starts ("attempted"),
    // answers ("answered"; scaling numbers as a score, never free text) and
    // endings ("completed"), in the same transaction. Sending them is left to
    // a sender that can reach a Learning Record Store; these keep its place.
    struct OutboxStatement {
        std::string id;          // statement UUID, the same on every retry
        Id attempt = 0;
        int step = 0;
        std::string statement;   // the xAPI statement, JSON
        int tries = 0;
    };
    std::vector<OutboxStatement> unsent_statements(int limit = 100);
    void mark_sent(const std::string& statement_id);
    void mark_send_failed(const std::string& statement_id, const std::string& error);

    // ---------------------------------------------------------- reading (access-checked)
    std::optional<Attempt> attempt(const Actor& who, Id attempt);
    std::vector<Attempt> attempts(const Actor& who, Id person);
    std::vector<ScenarioProgress> scenario_progress(const Actor& who, Id person);
    std::vector<StoredVerdict> verdicts(const Actor& who, Id attempt);

    // ---------------------------------------------------------- trainer overrides
    // Overrules the assessor's verdict on `criterion` (and `task` when the
    // criterion was judged on more than one task) in `attempt`; both are kept.
    // Trainers of the trainee's cohorts and administrators only; reason required.
    Override override_verdict(const Actor& trainer, Id attempt, const std::string& criterion, bool met,
                              const std::string& reason, const std::string& task = "");

    // ---------------------------------------------------------- data protection
    // Everything held about one trainee, as a JSON document.
    std::string export_person_json(const Actor& who, const std::string& name);
    // Deletes the person and all their rows in one transaction (administrators).
    void erase_person(const Actor& who, const std::string& name);

    // For reports and tests: the raw connection (owned by the store).
    sqlite3* handle();
    WallClock clock() const;

    struct Impl;  // store_impl.hpp, for the store's own sources
    Impl& impl() { return *impl_; }

private:
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// A time from the store's clock (milliseconds since 1970) as text, with a
// strftime pattern: in UTC for files and reports, in local time for screens.
std::string format_time(std::int64_t ms, const char* pattern, bool local = false);

}  // namespace sofs::progress
