// The xAPI outbox on SQLite: statements waiting for a Learning Record Store.
#include "sqlite_store.hpp"


namespace sofs::progress {

// ---------------------------------------------------------------- xAPI outbox

std::vector<OutboxStatement> SqliteStore::unsent_statements(int limit) {
    std::vector<OutboxStatement> out;
    sql::Statement st(*impl_->db,
                      "SELECT id, attempt, step, statement, tries FROM xapi_outbox WHERE sent_ms IS NULL "
                      "ORDER BY created_ms, attempt, step LIMIT ?1");
    st.bind(1, limit);
    while (st.step()) out.push_back({st.text(0), st.i64(1), st.i32(2), st.text(3), st.i32(4)});
    return out;
}

void SqliteStore::mark_sent(const std::string& statement_id) {
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db, "UPDATE xapi_outbox SET sent_ms = ?2, tries = tries + 1 WHERE id = ?1");
    st.bind(1, statement_id).bind(2, impl_->now());
    st.run();
    tx.commit();
}

void SqliteStore::mark_send_failed(const std::string& statement_id, const std::string& error) {
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db, "UPDATE xapi_outbox SET tries = tries + 1, last_error = ?2 WHERE id = ?1");
    st.bind(1, statement_id).bind(2, error);
    st.run();
    tx.commit();
}

}  // namespace sofs::progress
