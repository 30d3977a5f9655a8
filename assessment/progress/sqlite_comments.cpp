// Trainers' comments on SQLite: words beside an attempt or one of its checks,
// changing no verdict.
#include "sqlite_store.hpp"
#include "store_shared.hpp"

namespace sofs::progress {

Comment SqliteStore::add_comment(const Actor& trainer, Id attempt_id, const std::string& text,
                                 const std::string& criterion, const std::string& task) {
    check_comment_request(trainer, text, criterion, task);
    const Attempt a = existing_attempt(attempt(trainer, attempt_id), attempt_id);  // checks the trainer may see the trainee
    sql::Database& db = *impl_->db;
    sql::Transaction tx(db);
    std::string on_task = task;
    if (!criterion.empty()) {
        sql::Statement st(db, "SELECT task FROM verdicts WHERE attempt = ?1 AND criterion = ?2 AND (?3 = '' OR task = ?3)");
        st.bind(1, attempt_id).bind(2, criterion).bind(3, task);
        std::vector<std::string> found;
        while (st.step()) found.push_back(st.text(0));
        on_task = found[one_verdict(attempt_id, criterion, task, found)];
    }
    sql::Statement ins(db, "INSERT INTO comments(attempt, task, criterion, trainer, text, at_ms) VALUES (?1,?2,?3,?4,?5,?6)");
    std::int64_t now = impl_->now();
    ins.bind(1, attempt_id).bind(2, on_task).bind(3, criterion).bind(4, trainer.id).bind(5, text).bind(6, now);
    ins.run();
    Id id = sqlite3_last_insert_rowid(db.get());
    tx.commit();
    return Comment{id, attempt_id, on_task, criterion, trainer.name, text, now};
}

std::vector<Comment> SqliteStore::comments(const Actor& who, Id attempt_id) {
    const Attempt a = existing_attempt(attempt(who, attempt_id), attempt_id);  // a trainee their own, a trainer their cohorts'
    sql::Statement st(*impl_->db,
                      "SELECT c.id, c.task, c.criterion, p.name, c.text, c.at_ms FROM comments c "
                      "JOIN people p ON p.id = c.trainer WHERE c.attempt = ?1 ORDER BY c.at_ms, c.id");
    st.bind(1, attempt_id);
    std::vector<Comment> out;
    while (st.step()) out.push_back(Comment{st.i64(0), attempt_id, st.text(1), st.text(2), st.text(3), st.text(4), st.i64(5)});
    return out;
}

}  // namespace sofs::progress
