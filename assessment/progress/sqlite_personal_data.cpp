// Data protection on SQLite: exporting everything held about a person, and
// an erase that removes every copy the program made and says what it could not.
#include "sqlite_store.hpp"

#include "personal_data.hpp"


#include <filesystem>

namespace fs = std::filesystem;

namespace sofs::progress {

// ---------------------------------------------------------------- data protection

std::string SqliteStore::export_person_json(const Actor& who, const std::string& name) {
    Person p = impl_->person_by_name(name);
    if (!may_see(who, p.id)) deny_person(who);
    sql::Database& db = *impl_->db;
    PersonalRows rows;
    {
        sql::Statement st(db, "SELECT c.name, c.kind FROM cohorts c JOIN cohort_members m ON m.cohort = c.id "
                              "WHERE m.person = ?1 ORDER BY c.name");
        st.bind(1, p.id);
        while (st.step()) rows.cohorts.push_back({st.text(0), st.text(1)});
    }
    {
        sql::Statement st(db, "SELECT v.attempt, v.criterion, o.met, o.reason, o.at_ms FROM overrides o "
                              "JOIN verdicts v ON v.id = o.verdict WHERE o.trainer = ?1 ORDER BY o.id");
        st.bind(1, p.id);
        while (st.step()) rows.overrides_given.push_back({st.i64(0), st.text(1), st.i64(2) != 0, st.text(3), st.i64(4)});
    }
    {
        sql::Statement st(db, "SELECT attempt, criterion, text, at_ms FROM comments WHERE trainer = ?1 ORDER BY id");
        st.bind(1, p.id);
        while (st.step()) rows.comments_given.push_back({st.i64(0), st.text(1), st.text(2), st.i64(3)});
    }
    {
        sql::Statement st(db, "SELECT x.id, x.statement, x.sent_ms FROM xapi_outbox x JOIN attempts a ON a.id = x.attempt "
                              "WHERE a.person = ?1 ORDER BY x.attempt, x.step");
        st.bind(1, p.id);
        while (st.step()) rows.statements.push_back({st.text(0), st.text(1), st.opt_i64(2)});
    }
    // Access was checked above: the rest is read as the system.
    return personal_data_json(*this, Actor::system(), p, impl_->now(), rows);
}

EraseReport SqliteStore::erase_person(const Actor& who, const std::string& name) {
    impl_->require_admin(who, "erase a person's records");
    Person p = impl_->person_by_name(name);
    sql::Database& db = *impl_->db;
    EraseReport report;
    report.person = p.name;
    // A trainer's overrides and comments belong to the trainees' records.
    auto count_of = [&](const char* sql) {
        sql::Statement st(db, sql);
        st.bind(1, p.id);
        st.step();
        return st.i64(0);
    };
    struct Kept { const char* sql; const char* did; const char* one; const char* many; };
    for (const Kept& k : {Kept{"SELECT count(*) FROM overrides WHERE trainer = ?1", "overruled", "verdict", "verdicts"},
                          Kept{"SELECT count(*) FROM comments WHERE trainer = ?1", "left", "comment", "comments"}}) {
        if (std::int64_t n = count_of(k.sql); n > 0)
            throw StoreError(K::Invalid, "'" + name + "' has " + k.did + " " + std::to_string(n) + " " + (n == 1 ? k.one : k.many) +
                                             " as a trainer; those stay with the trainees' records, so '" + name +
                                             "' cannot be erased here");
    }
    report.attempts = static_cast<int>(count_of("SELECT count(*) FROM attempts WHERE person = ?1"));
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
