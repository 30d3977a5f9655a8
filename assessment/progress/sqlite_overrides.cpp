// Trainers' overrides on SQLite: the assessor's verdict is kept beside each.
#include "sqlite_store.hpp"
#include "store_shared.hpp"


namespace sofs::progress {

// ---------------------------------------------------------------- overrides

Override SqliteStore::override_verdict(const Actor& trainer, Id attempt_id, const std::string& criterion, bool met,
                                 const std::string& reason, const std::string& task) {
    check_override_request(trainer, reason);
    const Attempt a = existing_attempt(attempt(trainer, attempt_id), attempt_id);
    sql::Database& db = *impl_->db;
    sql::Transaction tx(db);
    sql::Statement st(db, "SELECT id, task FROM verdicts WHERE attempt = ?1 AND criterion = ?2 AND (?3 = '' OR task = ?3)");
    st.bind(1, attempt_id).bind(2, criterion).bind(3, task);
    std::vector<Id> ids;
    std::vector<std::string> tasks;
    while (st.step()) { ids.push_back(st.i64(0)); tasks.push_back(st.text(1)); }
    const Id verdict = ids[one_verdict(attempt_id, criterion, task, tasks)];
    sql::Statement ins(db, "INSERT INTO overrides(verdict, trainer, met, reason, at_ms) VALUES (?1,?2,?3,?4,?5)");
    std::int64_t now = impl_->now();
    ins.bind(1, verdict).bind(2, trainer.id).bind(3, met).bind(4, reason).bind(5, now);
    ins.run();
    Id id = sqlite3_last_insert_rowid(db.get());
    tx.commit();
    return Override{id, verdict, trainer.name, met, reason, now};
}

}  // namespace sofs::progress
