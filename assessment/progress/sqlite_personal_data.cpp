// Data protection on SQLite: exporting everything held about a person, and
// an erase that removes every copy the program made and says what it could not.
#include "sqlite_store.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace sofs::progress {

// ---------------------------------------------------------------- data protection

std::string SqliteStore::export_person_json(const Actor& who, const std::string& name) {
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
        json comments = json::array();
        for (const auto& c : this->comments(admin, a.id))
            comments.push_back({{"trainer", c.trainer}, {"criterion", c.criterion}, {"task", c.task},
                                {"text", c.text}, {"at_ms", c.at_ms}});
        ja["comments"] = comments;
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
    json comments_given = json::array();
    {
        sql::Statement st(db, "SELECT attempt, criterion, text, at_ms FROM comments WHERE trainer = ?1 ORDER BY id");
        st.bind(1, p.id);
        while (st.step())
            comments_given.push_back({{"attempt", st.i64(0)}, {"criterion", st.text(1)}, {"text", st.text(2)},
                                      {"at_ms", st.i64(3)}});
    }
    out["comments_given"] = comments_given;
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

EraseReport SqliteStore::erase_person(const Actor& who, const std::string& name) {
    impl_->require_admin(who, "erase a person's records");
    Person p = impl_->person_by_name(name);
    sql::Database& db = *impl_->db;
    EraseReport report;
    report.person = p.name;
    {
        sql::Statement st(db, "SELECT count(*) FROM overrides WHERE trainer = ?1");
        st.bind(1, p.id);
        st.step();
        if (st.i64(0) > 0)
            throw StoreError(K::Invalid, "'" + name + "' has overruled " + std::to_string(st.i64(0)) +
                                             " verdicts as a trainer; those stay with the trainees' records, so '" +
                                             name + "' cannot be erased here");
    }
    {
        sql::Statement st(db, "SELECT count(*) FROM comments WHERE trainer = ?1");
        st.bind(1, p.id);
        st.step();
        if (st.i64(0) > 0)
            throw StoreError(K::Invalid, "'" + name + "' has left " + std::to_string(st.i64(0)) +
                                             " comments as a trainer; those stay with the trainees' records, so '" +
                                             name + "' cannot be erased here");
    }
    {
        sql::Statement st(db, "SELECT count(*) FROM attempts WHERE person = ?1");
        st.bind(1, p.id);
        st.step();
        report.attempts = st.i32(0);
    }
    // Overwrite deleted content rather than leaving it in free pages.
    db.exec("PRAGMA secure_delete = ON");
    {
        sql::Transaction tx(db);
        for (const auto& a : attempts(Actor::system(), p.id)) impl_->delete_drafts(a.id);
        const char* steps[] = {
            "DELETE FROM overrides WHERE verdict IN (SELECT v.id FROM verdicts v JOIN attempts a ON a.id = v.attempt "
            "WHERE a.person = ?1)",
            "DELETE FROM verdicts WHERE attempt IN (SELECT id FROM attempts WHERE person = ?1)",
            "DELETE FROM comments WHERE attempt IN (SELECT id FROM attempts WHERE person = ?1)",
            "DELETE FROM events WHERE attempt IN (SELECT id FROM attempts WHERE person = ?1)",
            "DELETE FROM xapi_outbox WHERE attempt IN (SELECT id FROM attempts WHERE person = ?1)",
            "DELETE FROM attempt_holders WHERE attempt IN (SELECT id FROM attempts WHERE person = ?1)",
            "DELETE FROM attempts WHERE person = ?1",
            "DELETE FROM cohort_members WHERE person = ?1",
            "DELETE FROM people WHERE id = ?1",
        };
        for (const char* s : steps) {
            sql::Statement st(db, s);
            st.bind(1, p.id);
            st.run();
        }
        sql::Statement f(db, "DELETE FROM sign_in_failures WHERE name_hash = ?1");
        f.bind(1, name_hash(p.name));
        f.run();
        tx.commit();
    }
    report.removed.push_back("'" + p.name + "' and " + std::to_string(report.attempts) +
                             " attempt(s) with every answer, draft, verdict, override and comment, from '" + path() + "'");
    if (impl_->memory) return report;
    // The log still holds the erased pages until it is copied back and emptied;
    // a program reading the file at the same time keeps it from being emptied.
    int log = -1, copied = -1;
    int rc = sqlite3_wal_checkpoint_v2(db.get(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &copied);
    std::error_code ec;
    auto wal_size = fs::file_size(path() + "-wal", ec);
    if (rc == SQLITE_OK && (ec || wal_size == 0))
        report.removed.push_back("the old copies in the file's log ('" + path() + "-wal')");
    else
        report.could_not.push_back("the file's log ('" + path() + "-wal') still holds the erased records: another "
                                   "program (the simulator or a sofs command) has the file open. Close it and run "
                                   "the erase again");
    // Older backups still hold the erased person: replace them with one taken now.
    const std::string dir = backup_dir(path());
    for (const auto& f : clean_partial_backups(path())) report.removed.push_back("the unfinished backup '" + f + "'");
    // Partial backups still being written by another program hold the person too.
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string n = entry.path().filename().string();
        if (n.size() > 8 && n.compare(n.size() - 8, 8, ".partial") == 0) {
            if (fs::remove(entry.path(), ec)) report.removed.push_back("the unfinished backup '" + entry.path().string() + "'");
            else report.could_not.push_back("the unfinished backup '" + entry.path().string() + "': " + ec.message());
        }
    }
    auto old = backups(path());
    std::string fresh;
    if (report.complete()) {
        try {
            fresh = backup_now();
        } catch (const StoreError& e) {
            report.could_not.push_back(std::string("a new backup could not be taken (") + e.what() +
                                       "), so the old ones were deleted without one to replace them");
        }
    }
    for (const auto& b : old) {
        if (b.path == fresh) continue;
        // The new backup's rotation may have removed it already.
        if (!fs::exists(b.path, ec) || fs::remove(b.path, ec)) report.removed.push_back("the backup '" + b.path + "'");
        else report.could_not.push_back("the backup '" + b.path + "': " + (ec ? ec.message() : "could not be deleted"));
    }
    if (!fresh.empty()) report.removed.push_back("(a new backup without them was taken: '" + fresh + "')");
    // Damaged files kept aside by `report restore` are copies too.
    const std::string base = fs::path(path()).filename().string() + ".damaged-";
    auto folder = fs::path(path()).parent_path();
    for (const auto& entry : fs::directory_iterator(folder.empty() ? fs::path(".") : folder, ec)) {
        std::string n = entry.path().filename().string();
        if (n.rfind(base, 0) != 0) continue;
        if (fs::remove(entry.path(), ec)) report.removed.push_back("the damaged copy '" + entry.path().string() + "'");
        else report.could_not.push_back("the damaged copy '" + entry.path().string() + "': " + ec.message());
    }
    return report;
}

}  // namespace sofs::progress
