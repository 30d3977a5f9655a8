// Drafts on SQLite: unsent work on one task, replaced on every save.
#include "sqlite_store.hpp"
#include "store_shared.hpp"

namespace sofs::progress {

// ---------------------------------------------------------------- drafts

namespace {
Draft draft_from(const sql::Statement& st) {
    Draft d;
    d.attempt = st.i64(0);
    d.task = st.text(1);
    d.text = st.text(2);
    d.placements = placements_from_json(st.text(3));
    d.saved_ms = st.i64(4);
    return d;
}
}  // namespace

void SqliteState::delete_drafts(Id attempt, const std::optional<std::string>& task) {
    sql::Statement st(*db, "DELETE FROM drafts WHERE attempt = ?1 AND (?2 IS NULL OR task = ?2)");
    st.bind(1, attempt).bind(2, task);
    st.run();
}

void SqliteStore::save_draft(Id attempt, const std::string& task, const std::string& text,
                       const std::map<std::string, std::string>& placements) {
    if (task.empty()) throw StoreError(K::Invalid, "a draft needs the id of the task it belongs to");
    sql::Database& db = *impl_->db;
    sql::Transaction tx(db);
    Attempt a = impl_->attempt_by_id(attempt);
    if (a.status != AttemptStatus::Open)
        throw StoreError(K::Invalid, "attempt " + std::to_string(attempt) + " is " + to_string(a.status) +
                                         ": a draft can only be kept for work still going on");
    sql::Statement st(db,
                      "INSERT INTO drafts(attempt, task, text, placements, saved_ms) VALUES (?1,?2,?3,?4,?5) "
                      "ON CONFLICT(attempt, task) DO UPDATE SET text = excluded.text, "
                      "placements = excluded.placements, saved_ms = excluded.saved_ms");
    st.bind(1, attempt).bind(2, task).bind(3, text).bind(4, placements_to_json(placements)).bind(5, impl_->now());
    st.run();
    tx.commit();
}

std::optional<Draft> SqliteStore::draft(Id attempt, const std::string& task) {
    sql::Statement st(*impl_->db,
                      "SELECT attempt, task, text, placements, saved_ms FROM drafts WHERE attempt = ?1 AND task = ?2");
    st.bind(1, attempt).bind(2, task);
    if (!st.step()) return std::nullopt;
    return draft_from(st);
}

std::vector<Draft> SqliteStore::drafts(Id attempt) {
    sql::Statement st(*impl_->db,
                      "SELECT attempt, task, text, placements, saved_ms FROM drafts WHERE attempt = ?1 ORDER BY task");
    st.bind(1, attempt);
    std::vector<Draft> out;
    while (st.step()) out.push_back(draft_from(st));
    return out;
}

void SqliteStore::clear_draft(Id attempt, const std::string& task) {
    sql::Transaction tx(*impl_->db);
    impl_->delete_drafts(attempt, task);
    tx.commit();
}

}  // namespace sofs::progress
