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
#include <map>
#include <memory>

namespace sofs::progress {

// True for strings that name a PostgreSQL database rather than a file:
// postgresql://…, postgres://…, or libpq "key=value" strings (host=…, service=…).
bool is_postgres_location(const std::string& db);

// The store named by --db: a PostgreSQL database (is_postgres_location) or
// a SQLite file. The one place both programs choose the engine.
std::unique_ptr<Store> open_any_store(const std::string& db, const OpenOptions& options = {});

// PgStore is a Store (progress/store.hpp): every interface the SQLite store
// implements, on one libpq connection, so every caller that takes a Store
// (the `sofs` progress commands, the playthrough, the application) works on
// either engine. open_any_store() below chooses the engine from --db.
//
// Where PostgreSQL differs, by design:
// - Signing in is the server's: each person is a login role with a password
//   checked by the server (SCRAM). sign_in(name, password) connects once as
//   that role to check it; everyone, trainees too, needs a password.
// - Reading is decided by row-level security for the connection's role; the
//   Actor given is checked as well, so a command's --trainer still matters.
// - Backups are pg_dump files (custom format) in a folder beside the user's
//   data (backup_folder()); the server's own backups are its administrator's.
class PgStore : public Store {
public:
    // Connects and brings the schema up to date (when this role may).
    // Throws StoreError: Io (cannot connect: the server's words), TooNew,
    // Denied (the schema is old and this role may not migrate it).
    static std::unique_ptr<PgStore> open(const std::string& conninfo, WallClock clock = {});
    ~PgStore() override;
    PgStore(const PgStore&) = delete;
    PgStore& operator=(const PgStore&) = delete;

    // Store: the location without its password, the schema's version, ...
    const std::string& path() const override;
    int schema_version() const override;
    static int latest_schema_version();
    bool read_only() const override { return false; }
    const std::vector<std::string>& notices() const override;
    WallClock clock() const override;
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
    // Everyone this connection may see (row-level security decides), by name.
    std::vector<Person> people(const Actor& who, std::optional<Role> role = std::nullopt) override;
    // Always true: on PostgreSQL everyone, trainees included, signs in with a password.
    bool trainee_passwords_required() override;
    // One's own (ALTER ROLE), or anyone's for an administrator with CREATEROLE.
    void set_password(const Actor& who, const std::string& name, const std::string& password) override;
    // Connects once as the person's login role with `password`: the server checks it.
    void require_password_change(const Actor& who, const std::string& name, bool required) override;
    Actor sign_in(const std::string& name, const std::string& password) override;
    // The person this connection is (a trainee of that name), or, for an
    // administrator's connection, that trainee (made when unknown only by the
    // form with a password). NeedsPassword otherwise.
    Actor ensure_trainee(const std::string& name) override;
    Actor ensure_trainee(const std::string& name, const std::string& password) override;
    // Turning trainee passwords off throws Invalid: the server always asks for one.
    void require_trainee_passwords(const Actor& who, bool required) override;
    bool may_see(const Actor& who, Id person) override;

    // Cohorts (administrators change them).
    Cohort create_cohort(const Actor& who, const std::string& name, CohortKind kind) override;
    void add_to_cohort(const Actor& who, const std::string& cohort, const std::string& person) override;
    void add_to_cohort(const Actor& who, const std::string& cohort, const std::vector<std::string>& people) override;
    void assign_scenario(const Actor& who, const std::string& cohort, const std::string& scenario_id) override;
    std::vector<Cohort> cohorts(const Actor& who) override;
    std::optional<Cohort> find_cohort(const Actor& who, const std::string& name) override;
    // The same as this connection's own person (tests, the classroom bench).
    Cohort create_cohort(const std::string& name, CohortKind kind) { return create_cohort(me(), name, kind); }
    void add_to_cohort(const std::string& cohort, const std::string& person) { add_to_cohort(me(), cohort, person); }

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
    std::vector<ScenarioProgress> scenario_progress(const Actor& who, Id person) override;
    std::vector<StoredVerdict> verdicts(const Actor& who, Id attempt) override;

    // Drafts: only their author reads or writes them (row-level security).
    void save_draft(Id attempt, const std::string& task, const std::string& text,
                    const std::map<std::string, std::string>& placements = {}) override;
    std::optional<Draft> draft(Id attempt, const std::string& task) override;
    std::vector<Draft> drafts(Id attempt) override;
    void clear_draft(Id attempt, const std::string& task) override;

    // Overrides, reports (the same report types as SQLite's, report.hpp).
    Override override_verdict(const Actor& trainer, Id attempt, const std::string& criterion, bool met,
                              const std::string& reason, const std::string& task = "") override;

    // Trainers' comments (Comments): the same rules as on SQLite, and row-level security.
    Comment add_comment(const Actor& trainer, Id attempt, const std::string& text, const std::string& criterion = "",
                        const std::string& task = "") override;
    std::vector<Comment> comments(const Actor& who, Id attempt) override;
    TraineeReport trainee_report(const Actor& who, const std::string& trainee) override;
    CohortReport cohort_report(const Actor& who, const std::string& cohort) override;
    DisagreementReport disagreement_report(const Actor& who) override;

    // Backups: check() asks the server for the schema; maintain() checks and,
    // when the newest dump is a day old (or `force`), takes one; backup_now()
    // runs pg_dump into backup_folder() and keeps the newest three.
    void check() override;
    Maintenance maintain(bool force = false) override;
    std::string backup_now() override;
    std::string backup_folder() const;

    // Personal data: the same JSON document as SQLite's; an erase deletes the
    // rows in one transaction, drops the person's login role, and replaces
    // this program's dumps with one taken after.
    std::string export_person_json(const Actor& who, const std::string& name) override;
    EraseReport erase_person(const Actor& who, const std::string& name) override;

    // The xAPI outbox.
    std::vector<OutboxStatement> unsent_statements(int limit = 100) override;
    void mark_sent(const std::string& statement_id) override;
    void mark_send_failed(const std::string& statement_id, const std::string& error) override;

    // ------------------------------------------------------ live sessions
    // (migration 0005). A trainer opens a session for one of their cohorts
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
    // Pause points (migration 0006). A member reaching a scene marked `pause`
    // calls hold_at_pause, which returns once the session's trainer has
    // released that scene's pause (at once when already released), woken by
    // NOTIFY; false after timeout_ms (0: wait as long as it takes).
    bool hold_at_pause(Id session, const std::string& scene, int timeout_ms = 0);
    bool pause_released(Id session, const std::string& scene);
    int waiting_at_pause(Id session, const std::string& scene);
    // The trainer releases it; returns how many were waiting.
    int release_pause(Id session, const std::string& scene);
    // A revealed round's numbers, lowest first, without names; empty before the reveal.
    std::vector<int> revealed_votes(Id session, const std::string& task, int round);
    // For the application's live screens (pg_live_views.cpp): the session as
    // a member or its trainer sees it (nullopt when this connection may not),
    // every vote round of the session oldest first, and the sessions this
    // connection's person opened and has not closed, newest first.
    struct LiveSessionInfo {
        Id id = 0;
        std::string join_code, scenario, cohort;
        bool closed = false;
    };
    struct VoteRoundState {
        std::string task;
        int round = 0;
        bool revealed = false;
    };
    std::optional<LiveSessionInfo> live_session(Id session);
    std::vector<VoteRoundState> vote_rounds(Id session);
    std::vector<LiveSessionInfo> my_open_sessions();

    // Vote, then reveal, on a sorting task (the fact mapping, the Three Houses;
    // migration 0008): open_vote() and reveal_vote() open and reveal the round
    // as for a number; each member sends their whole sorting (fact or item ->
    // place), changeable until the reveal.
    struct PlacementCount {
        std::string fact, place;
        int count = 0;
    };
    int cast_placements(Id session, const std::string& task, const std::map<std::string, std::string>& placements);
    int placements_cast(Id session, const std::string& task);   // in the latest round
    // A revealed round: per fact, how many put it in each place (most first); empty before the reveal.
    std::vector<PlacementCount> revealed_placements(Id session, const std::string& task, int round);

    // The statement wall's pins and hides (migration 0008), by the wall's
    // private item key; only the session's trainer reads or writes them.
    struct WallMark {
        bool pinned = false, hidden = false;
    };
    void set_wall_mark(Id session, const std::string& item, bool pinned, bool hidden);
    std::map<std::string, WallMark> wall_marks(Id session);

    // Improve together (migration 0008): the trainer opens one wall statement
    // ("danger" or "goal") for the room; each member proposes one edit
    // (changeable until the pick); the trainer reads every proposal without
    // names and picks one, which everyone in the session then sees.
    struct Improvement {
        Id id = 0;
        std::string kind, original;
        std::optional<Id> picked;
        std::string picked_text;
    };
    struct Proposal {
        Id id = 0;
        std::string text;
        bool mine = false;
    };
    Id open_improvement(Id session, const std::string& kind, const std::string& original);
    std::optional<Improvement> latest_improvement(Id session);
    std::vector<Improvement> improvements(Id session);        // oldest first (for the export)
    void propose_edit(Id improvement, const std::string& text);
    // The trainer's: every proposal, oldest first; a member's: their own.
    std::vector<Proposal> proposals(Id improvement);
    void pick_proposal(Id improvement, Id proposal);

    // ------------------------------------------------------ practice-lead networks
    // (migration 0008; network_board.hpp says how a board is shown and
    // exported). A practice lead (a trainer or administrator in the cohort)
    // makes a board for a bundled case or a real one (a title, scenario "");
    // every member of the cohort reads it and adds to it from their own
    // machine; only the lead, a trainer of the cohort or an administrator
    // removes. Row-level security decides; a non-member sees no board.
    struct NetworkInfo {
        Id id = 0;
        std::string title, scenario, cohort;   // scenario "" for a real case
        bool i_lead = false;                   // this connection's person made it
        bool i_may_remove = false;             // lead, trainer of the cohort, administrator
    };
    struct NetworkItem {
        Id id = 0;
        std::string kind;     // a column (harm, danger, ...) or danger-statement, safety-goal, next-step
        std::string text;
        std::string source;   // the bundled case's fact id, or ""
        std::int64_t added_ms = 0;
    };
    struct PerspectiveScale {
        std::string perspective;   // "The social worker", "Jade (mum)", "School"
        int number = 0;            // 0-10
        std::string reason;
        std::int64_t at_ms = 0;
    };
    struct NetworkBoard {
        NetworkInfo info;
        std::vector<NetworkItem> items;            // oldest first
        std::vector<PerspectiveScale> scales;      // by perspective's first scaling
    };
    Id create_network(const std::string& cohort, const std::string& title, const std::string& scenario = "");
    std::vector<NetworkInfo> networks();                     // the boards this connection sees, newest first
    std::optional<NetworkBoard> network_board(Id network);   // nullopt: no such board, or not a member
    // Throws Invalid for an unknown kind or empty text (the server's check), Denied for a non-member.
    Id add_network_item(Id network, const std::string& kind, const std::string& text, const std::string& source = "");
    // Denied when this connection may not remove from the board; false when there is no such item.
    bool remove_network_item(Id network, Id item);
    // One number per perspective: scaling again replaces it (whoever gives it).
    void scale_network(Id network, const std::string& perspective, int number, const std::string& reason);
    bool remove_network_scale(Id network, const std::string& perspective);
    // LISTEN on the board: wait_for_changes() then returns "board" after each change.
    void listen_network(Id network);

    struct Impl;

private:
    explicit PgStore(std::unique_ptr<Impl> impl);
    // Who asks: `who`, or for Actor::system() (the command line) the
    // connection's own person, so a trainer's connection is never an administrator.
    Actor asking(const Actor& who);
    std::unique_ptr<Impl> impl_;
};

// How many chose each point of the 0-10 scale.
std::array<int, 11> histogram(const std::vector<int>& numbers);

}  // namespace sofs::progress
