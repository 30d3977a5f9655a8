// Trainers' overrides on SQLite: the assessor's verdict is kept beside each.
#include "sqlite_store.hpp"


namespace sofs::progress {

// ---------------------------------------------------------------- overrides

Override SqliteStore::override_verdict(const Actor& trainer, Id attempt_id, const std::string& criterion, bool met,
                                 const std::string& reason, const std::string& task) {
    if (trainer.role == Role::Trainee) throw StoreError(K::Denied, "only a trainer can overrule the assessor");
    if (trainer.id == 0) throw StoreError(K::Invalid, "an override needs a named trainer (--trainer)");
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
        throw StoreError(K::Invalid, "an override needs a reason the trainee can read");
    auto a = attempt(trainer, attempt_id);
    if (!a) throw StoreError(K::NotFound, "there is no attempt " + std::to_string(attempt_id));
    sql::Database& db = *impl_->db;
    sql::Transaction tx(db);
    sql::Statement st(db, "SELECT id, task FROM verdicts WHERE attempt = ?1 AND criterion = ?2 AND (?3 = '' OR task = ?3)");
    st.bind(1, attempt_id).bind(2, criterion).bind(3, task);
    std::vector<std::pair<Id, std::string>> found;
    while (st.step()) found.emplace_back(st.i64(0), st.text(1));
    if (found.empty())
        throw StoreError(K::NotFound, "attempt " + std::to_string(attempt_id) + " has no verdict on '" + criterion + "'" +
                                          (task.empty() ? "" : " for task '" + task + "'"));
    if (found.size() > 1) {
        std::string tasks;
        for (auto& [id, t] : found) tasks += (tasks.empty() ? "" : ", ") + t;
        throw StoreError(K::Invalid, "'" + criterion + "' was judged on more than one task (" + tasks +
                                         "): say which with --task");
    }
    sql::Statement ins(db, "INSERT INTO overrides(verdict, trainer, met, reason, at_ms) VALUES (?1,?2,?3,?4,?5)");
    std::int64_t now = impl_->now();
    ins.bind(1, found[0].first).bind(2, trainer.id).bind(3, met).bind(4, reason).bind(5, now);
    ins.run();
    Id id = sqlite3_last_insert_rowid(db.get());
    tx.commit();
    return Override{id, found[0].first, trainer.name, met, reason, now};
}

}  // namespace sofs::progress
