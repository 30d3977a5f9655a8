// Attempts on SQLite: beginning (superseding an open one), recording each
// event in its own transaction with its xAPI statement, finishing with
// verdicts, the transcript for resume, and access-checked reading.
#include "sqlite_store.hpp"
#include "store_shared.hpp"

#include <unistd.h>

#include <map>

namespace sofs::progress {

// ---------------------------------------------------------------- recording

std::optional<Attempt> SqliteStore::open_attempt(Id person, const std::string& scenario) {
    sql::Statement st(*impl_->db, std::string("SELECT ") + kAttemptColumns +
                                      "WHERE a.person = ?1 AND a.scenario = ?2 AND a.status = 'open'");
    st.bind(1, person).bind(2, scenario);
    if (!st.step()) return std::nullopt;
    return read_attempt(st);
}

void SqliteState::hold(Id attempt, const std::string& person_name) {
    // Called inside the caller's write transaction.
    sql::Statement st(*db, "SELECT holder, host, pid, since_ms FROM attempt_holders WHERE attempt = ?1");
    st.bind(1, attempt);
    if (st.step()) {
        if (st.text(0) == holder) return;
        bool here = st.text(1) == host_name();
        bool gone = here && !is_pid_alive(st.i64(2));
        // Another machine's program cannot be asked; a day without a word from it is taken as gone.
        if (!here && now() - st.i64(3) > kDayMs) gone = true;
        if (!gone)
            throw StoreError(K::Busy, "'" + person_name + "' has this case open in another window or program as well "
                                      "(since " + format_time(st.i64(3), "%H:%M", true) + "), and both cannot save to the "
                                      "same attempt: carry on there, or close it and open the case here again. "
                                      "Everything saved so far is kept.");
    }
    sql::Statement up(*db,
                      "INSERT INTO attempt_holders(attempt, holder, host, pid, since_ms) VALUES (?1,?2,?3,?4,?5) "
                      "ON CONFLICT(attempt) DO UPDATE SET holder = excluded.holder, host = excluded.host, "
                      "pid = excluded.pid, since_ms = excluded.since_ms");
    up.bind(1, attempt).bind(2, holder).bind(3, host_name()).bind(4, static_cast<std::int64_t>(::getpid())).bind(5, now());
    up.run();
}

void SqliteState::insert_scenario_version(const ScenarioFacts& f) {
    sql::Statement st(*db,
                      "INSERT OR IGNORE INTO scenario_versions(scenario, content_hash, title, expert_scaling, "
                      "scaling_low, scaling_high, first_seen_ms) VALUES (?1,?2,?3,?4,?5,?6,?7)");
    st.bind(1, f.id).bind(2, f.content_hash).bind(3, f.title).bind(4, f.expert_scaling).bind(5, f.scaling_low);
    st.bind(6, f.scaling_high).bind(7, now());
    st.run();
}

bool SqliteState::mark_superseded(Id attempt, const std::string& because) {
    sql::Statement st(*db,
                      "UPDATE attempts SET status = 'superseded', superseded_because = ?2 WHERE id = ?1 AND status = 'open'");
    st.bind(1, attempt).bind(2, because);
    st.run();
    if (sqlite3_changes(db->get()) == 0) return false;
    // A superseded attempt takes no more answers: its drafts go with it.
    delete_drafts(attempt);
    return true;
}

void SqliteStore::remember_scenario(const ScenarioFacts& f) {
    sql::Transaction tx(*impl_->db);
    impl_->insert_scenario_version(f);
    tx.commit();
}

Attempt SqliteStore::begin_attempt(Id person, const Transcript& header, const ScenarioFacts& facts,
                             const std::string& why_fresh) {
    sql::Database& db = *impl_->db;
    sql::Transaction tx(db);
    ScenarioFacts version = facts;
    version.id = header.scenario;
    version.content_hash = header.content_hash;
    impl_->insert_scenario_version(version);
    if (auto open = open_attempt(person, header.scenario)) impl_->mark_superseded(open->id, why_fresh);
    sql::Statement st(db,
                      "INSERT INTO attempts(person, scenario, content_hash, seed, started_ms) VALUES (?1,?2,?3,?4,?5)");
    st.bind(1, person).bind(2, header.scenario).bind(3, header.content_hash);
    st.bind(4, static_cast<std::int64_t>(header.seed)).bind(5, impl_->now());
    st.run();
    Id id = sqlite3_last_insert_rowid(db.get());
    impl_->hold(id, "");
    tx.commit();
    return impl_->attempt_by_id(id);
}

void SqliteStore::record_event(Id attempt, const Event& e, const std::string& content_hash) {
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
    if (status != "open") {
        std::string why;
        sql::Statement w(db, "SELECT COALESCE(superseded_because, '') FROM attempts WHERE id = ?1");
        w.bind(1, attempt);
        if (w.step()) why = w.text(0);
        throw StoreError(K::Invalid, "attempt " + std::to_string(attempt) + " is " + status +
                                         (why.empty() ? std::string() : " (" + why + ")") + ": nothing more can be added");
    }
    {
        sql::Statement who(db, "SELECT name FROM people WHERE id = ?1");
        who.bind(1, person);
        impl_->hold(attempt, who.step() ? who.text(0) : std::string());
    }
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
            impl_->delete_drafts(attempt, e.answer.task);
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
    sql::Statement who(db, "SELECT person, scenario, content_hash FROM attempts WHERE id = ?1");
    who.bind(1, attempt);
    if (!who.step()) return;
    const Id person = who.i64(0);
    const std::string scenario = who.text(1), hash = who.text(2);
    sql::Statement out(db, "INSERT INTO xapi_outbox(id, attempt, step, statement, created_ms) VALUES (?1,?2,-1,?3,?4)");
    for (const auto& v : verdicts) {
        st.reset();
        st.bind(1, attempt).bind(2, v.task).bind(3, v.criterion).bind(4, v.met).bind(5, v.evidence_words);
        st.bind(6, v.explanation).bind(7, v.guidance).bind(8, now);
        st.run();
        if (sqlite3_changes(db.get()) == 0) continue;
        // Each new verdict is a learning record too, written in the same transaction.
        auto [id, text] = xapi_verdict_statement(person, attempt, scenario, hash, v, now);
        out.reset();
        out.bind(1, id).bind(2, attempt).bind(3, text).bind(4, now);
        out.run();
    }
}
}  // namespace

void SqliteStore::finish_attempt(Id attempt, const std::string& ending, const std::vector<NewVerdict>& verdicts) {
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
    // A finished attempt takes no more answers, so its drafts are of no use.
    impl_->delete_drafts(attempt);
    tx.commit();
}

void SqliteStore::add_verdicts(Id attempt, const std::vector<NewVerdict>& verdicts) {
    sql::Transaction tx(*impl_->db);
    impl_->attempt_by_id(attempt);
    insert_verdicts(*impl_->db, attempt, verdicts, impl_->now());
    tx.commit();
}

void SqliteStore::supersede(Id attempt, const std::string& because) {
    sql::Transaction tx(*impl_->db);
    if (!impl_->mark_superseded(attempt, because))
        throw StoreError(K::Invalid, "attempt " + std::to_string(attempt) + " is not open, so it cannot be superseded");
    tx.commit();
}


Transcript SqliteStore::transcript(Id attempt) {
    Transcript t = transcript_header(impl_->attempt_by_id(attempt));
    sql::Statement st(*impl_->db,
                      "SELECT step, kind, scene, choice, COALESCE(answer, ''), ending, at_ms FROM events "
                      "WHERE attempt = ?1 ORDER BY step");
    st.bind(1, attempt);
    while (st.step())
        t.events.push_back(stored_event(st.i32(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.i64(6)));
    return t;
}

std::vector<Attempt> SqliteStore::unassessed_attempts() {
    std::vector<Attempt> out;
    sql::Statement st(*impl_->db, std::string("SELECT ") + kAttemptColumns +
                                      "WHERE a.status = 'finished' AND NOT EXISTS "
                                      "(SELECT 1 FROM verdicts v WHERE v.attempt = a.id) ORDER BY a.id");
    while (st.step()) out.push_back(read_attempt(st));
    return out;
}


// ---------------------------------------------------------------- reading

std::optional<Attempt> SqliteStore::attempt(const Actor& who, Id id) {
    sql::Statement st(*impl_->db, std::string("SELECT ") + kAttemptColumns + "WHERE a.id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    Attempt a = read_attempt(st);
    if (!may_see(who, a.person)) deny_person(who);
    return a;
}

std::vector<Attempt> SqliteStore::attempts(const Actor& who, Id person) {
    if (!may_see(who, person)) deny_person(who);
    std::vector<Attempt> out;
    sql::Statement st(*impl_->db, std::string("SELECT ") + kAttemptColumns +
                                      "WHERE a.person = ?1 ORDER BY a.started_ms, a.id");
    st.bind(1, person);
    while (st.step()) out.push_back(read_attempt(st));
    return out;
}

std::vector<ScenarioProgress> SqliteStore::scenario_progress(const Actor& who, Id person) {
    if (!may_see(who, person)) deny_person(who);
    std::vector<ScenarioProgress> played;
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
        played.push_back(std::move(p));
    }
    sql::Statement as(*impl_->db,
                      "SELECT DISTINCT s.scenario FROM cohort_scenarios s JOIN cohort_members m ON m.cohort = s.cohort "
                      "WHERE m.person = ?1");
    as.bind(1, person);
    std::vector<std::string> assigned;
    while (as.step()) assigned.push_back(as.text(0));
    return with_assigned(std::move(played), assigned);
}

std::vector<StoredVerdict> SqliteStore::verdicts(const Actor& who, Id attempt_id) {
    const Attempt a = existing_attempt(attempt(who, attempt_id), attempt_id);
    std::vector<StoredVerdict> out;
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
        out.push_back(std::move(v));
    }
    sql::Statement ov(*impl_->db,
                      "SELECT o.id, o.verdict, p.name, o.met, o.reason, o.at_ms FROM overrides o "
                      "JOIN verdicts v ON v.id = o.verdict JOIN people p ON p.id = o.trainer "
                      "WHERE v.attempt = ?1 ORDER BY o.at_ms, o.id");
    ov.bind(1, attempt_id);
    std::vector<Override> overrides;
    while (ov.step()) overrides.push_back(Override{ov.i64(0), ov.i64(1), ov.text(2), ov.i64(3) != 0, ov.text(4), ov.i64(5)});
    join_overrides(out, std::move(overrides));
    return out;
}

}  // namespace sofs::progress
