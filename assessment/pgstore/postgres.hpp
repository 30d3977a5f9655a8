// The progress store on PostgreSQL (libpq), for a classroom sharing one
// database: `--db postgresql://…` (or any libpq connection string). Each
// person is a login role; row-level security in the schema decides what a
// connection sees (a trainee their own work, a trainer their cohorts', an
// administrator everything), so a program connected as a trainee cannot read
// another trainee's answers whatever it asks.
//
// Contracts: as the SQLite store's (progress/store.hpp). One connection per PgStore;
// use it from one thread. The schema is the same numbered migrations as the
// SQLite store's, translated (assessment/pgstore/migrations), applied in
// order by whoever owns the database, each in one transaction with its
// version bump. libpq's default sslmode=prefer uses the server's TLS when it
// offers it; passwords come from the connection string, PGPASSWORD or a
// 0600 ~/.pgpass, never from the program's settings.
#pragma once

#include "progress/store.hpp"

#include <array>
#include <memory>

namespace sofs::progress {

// True for strings that name a PostgreSQL database rather than a file:
// postgresql://…, postgres://…, or libpq "key=value" strings (host=…, service=…).
bool is_postgres_location(const std::string& db);

// PgStore implements three of the store's interfaces (progress/store.hpp):
// Accounts, Attempts and Outbox, so the store's shared tests and the sender
// (`sofs lrs`) take either engine. Cohorts, Drafts, Overrides, Reports,
// Backups and PersonalData are not implemented on PostgreSQL yet (the
// cohort calls below are the administrator's minimum for live sessions).
// Within the three, the members marked "not supported on PostgreSQL yet"
// throw StoreError(Unsupported) saying so; nothing pretends to work.
class PgStore : public Accounts, public Attempts, public Outbox {
public:
    // Connects and brings the schema up to date (when this role may).
    // Throws StoreError: Io (cannot connect: the server's words), TooNew,
    // Denied (the schema is old and this role may not migrate it).
    static std::unique_ptr<PgStore> open(const std::string& conninfo, WallClock clock = {});
    ~PgStore() override;
    PgStore(const PgStore&) = delete;
    PgStore& operator=(const PgStore&) = delete;

    int schema_version();
    static int latest_schema_version();
    // The person this connection signs in as, or Actor::system() for the
    // database's owner (an installer's role that is no person).
    Actor me();
    // The login role made for `name` by add_person, e.g. "sofs_course_sam_ellery".
    std::optional<std::string> login_role(const std::string& name);

    // Accounts. add_person also creates the login role (password sent to the
    // server already hashed with SCRAM-SHA-256) in the group sofs_trainees,
    // sofs_trainers or sofs_admins. Needs a role with CREATEROLE.
    Person add_person(const Actor& who, const std::string& name, Role role, const std::string& team, bool agency,
                      const std::optional<std::string>& password) override;
    std::optional<Person> find_person(const std::string& name) override;
    // Everyone this connection may see (row-level security decides, not `who`), by name.
    std::vector<Person> people(const Actor& who, std::optional<Role> role = std::nullopt) override;
    // Always true: on PostgreSQL everyone, trainees included, signs in with a password.
    bool trainee_passwords_required() override;
    // Not supported on PostgreSQL yet (signing in is connecting as one's own
    // login role; passwords are the server's): set_password, sign_in,
    // ensure_trainee (both), require_trainee_passwords, may_see.
    void set_password(const Actor& who, const std::string& name, const std::string& password) override;
    void require_password_change(const Actor& who, const std::string& name, bool required) override;
    Actor sign_in(const std::string& name, const std::string& password) override;
    Actor ensure_trainee(const std::string& name) override;
    Actor ensure_trainee(const std::string& name, const std::string& password) override;
    void require_trainee_passwords(const Actor& who, bool required) override;
    bool may_see(const Actor& who, Id person) override;
    Cohort create_cohort(const std::string& name, CohortKind kind);
    void add_to_cohort(const std::string& cohort, const std::string& person);

    // Attempts and events.
    std::optional<Attempt> open_attempt(Id person, const std::string& scenario) override;
    Attempt begin_attempt(Id person, const Transcript& header, const ScenarioFacts& facts,
                          const std::string& why_fresh = "a fresh start was chosen") override;
    void record_event(Id attempt, const Event& e, const std::string& content_hash = "") override;
    void finish_attempt(Id attempt, const std::string& ending, const std::vector<NewVerdict>& verdicts) override;
    Transcript transcript(Id attempt) override;
    void remember_scenario(const ScenarioFacts& facts) override;
    void add_verdicts(Id attempt, const std::vector<NewVerdict>& verdicts) override;
    void supersede(Id attempt, const std::string& because) override;
    std::vector<Attempt> unassessed_attempts() override;
    // Reading: row-level security decides what this connection sees; `who`
    // is not consulted (the connection's role is who asks).
    std::optional<Attempt> attempt(const Actor& who, Id attempt) override;
    std::vector<Attempt> attempts(const Actor& who, Id person) override;
    // Not supported on PostgreSQL yet: scenario_progress, verdicts (with overrides).
    std::vector<ScenarioProgress> scenario_progress(const Actor& who, Id person) override;
    std::vector<StoredVerdict> verdicts(const Actor& who, Id attempt) override;

    // The xAPI outbox.
    std::vector<OutboxStatement> unsent_statements(int limit = 100) override;
    void mark_sent(const std::string& statement_id) override;
    void mark_send_failed(const std::string& statement_id, const std::string& error) override;

    // ------------------------------------------------------ live sessions
    // (migration 0004). A trainer opens a session for one of their cohorts
    // and a case; trainees of that cohort join it with its six-character code.
    struct LiveSession {
        Id id = 0;
        std::string join_code;
    };
    // Where one member of a session is: their latest event in the session's case.
    struct Whereabouts {
        std::string name;
        std::string scene;      // "" before they start
        int step = -1;
        std::string kind;       // start, advance, choose, answer, end
        std::string task;       // the task of their latest answer
        std::string status;     // their attempt: open, finished, or "" before they start
    };
    LiveSession open_live_session(const std::string& cohort, const std::string& scenario);
    Id join_live_session(const std::string& code);
    // The trainer's screen: LISTEN on the session, then wait_for_changes()
    // returns as soon as something moved (what kind: "progress", "members",
    // "votes", "vote-opened", "revealed"), or empty after timeout_ms.
    void listen(Id session);
    std::vector<std::string> wait_for_changes(int timeout_ms);
    std::vector<Whereabouts> room(Id session);
    // Vote, then reveal. Rounds count from 1; a member may change their vote until the reveal.
    int open_vote(Id session, const std::string& task);
    int cast_vote(Id session, const std::string& task, int number);
    int votes_cast(Id session, const std::string& task);       // in the latest round
    int reveal_vote(Id session, const std::string& task);      // returns the round revealed
    // A revealed round's numbers, lowest first, without names; empty before the reveal.
    std::vector<int> revealed_votes(Id session, const std::string& task, int round);

    struct Impl;

private:
    explicit PgStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// How many chose each point of the 0-10 scale.
std::array<int, 11> histogram(const std::vector<int>& numbers);

}  // namespace sofs::progress
