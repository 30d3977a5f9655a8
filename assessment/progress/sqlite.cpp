// The sqlite3 RAII wrappers and the translation of SQLite's result codes into
// errors a social worker can act on.
#include "sqlite.hpp"

#include <string>

namespace sofs::progress::sql {

Database::Database(const std::string& path, int flags, const std::string& uri) : path_(path) {
    int rc = uri.empty() ? sqlite3_open_v2(path.c_str(), &db_, flags, nullptr)
                         : sqlite3_open_v2(uri.c_str(), &db_, flags | SQLITE_OPEN_URI, nullptr);
    if (rc != SQLITE_OK) {
        std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close_v2(db_);
        db_ = nullptr;
        int primary = rc & 0xff;
        if (primary == SQLITE_CANTOPEN)
            throw StoreError(StoreError::Kind::Io, "could not open the progress file '" + path +
                                                       "': " + detail + " (check the folder exists and can be written)");
        if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
            throw StoreError(StoreError::Kind::Damaged, "the progress file '" + path + "' is damaged: " + detail);
        throw StoreError(StoreError::Kind::Io, "could not open the progress file '" + path + "': " + detail);
    }
    sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() {
    if (db_) sqlite3_close_v2(db_);
}

void Database::fail(int rc, bool writing, const char* sqlite_message) const {
    std::string detail = sqlite_message ? sqlite_message : (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    const std::string where = "'" + path_ + "'";
    using K = StoreError::Kind;
    switch (rc & 0xff) {
    case SQLITE_FULL:
        throw StoreError(K::Full, "could not save to " + where +
                                      ": the disk is full. Nothing of this change was kept; everything saved "
                                      "before it is safe. Free some space and try again.");
    case SQLITE_READONLY:
        throw StoreError(K::ReadOnly, "could not save to " + where +
                                          ": the file is read-only (or its folder cannot be written). Everything "
                                          "saved before is safe; ask for write access to the file and its folder.");
    case SQLITE_PERM:
    case SQLITE_AUTH:
        throw StoreError(K::ReadOnly, "could not " + std::string(writing ? "save to " : "read ") + where +
                                          ": permission denied");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw StoreError(K::Busy, where + " is busy: another program kept it locked too long. Nothing of this "
                                          "change was kept; try again in a moment.");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        throw StoreError(K::Damaged, "the progress file " + where + " is damaged: " + detail);
    case SQLITE_CONSTRAINT:
        throw StoreError(K::Invalid, "could not save to " + where + ": " + detail);
    case SQLITE_CANTOPEN:
        throw StoreError(K::Io, "could not open " + where + " (or its journal beside it): " + detail);
    case SQLITE_IOERR:
        throw StoreError(K::Io, "could not " + std::string(writing ? "save to " : "read ") + where +
                                    ": the disk reported an error (" + detail + ")");
    default:
        throw StoreError(K::Io, "could not " + std::string(writing ? "save to " : "read ") + where + ": " + detail);
    }
}

void Database::exec(const std::string& sql) {
    char* msg = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK) {
        std::string m = msg ? msg : "";
        sqlite3_free(msg);
        fail(rc, true, m.empty() ? nullptr : m.c_str());
    }
}

std::int64_t Database::scalar_int(const std::string& sql) {
    Statement st(*this, sql);
    return st.step() ? st.i64(0) : 0;
}

std::string Database::scalar_text(const std::string& sql) {
    Statement st(*this, sql);
    return st.step() ? st.text(0) : std::string();
}

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
    int rc = sqlite3_prepare_v2(db.get(), sql.data(), static_cast<int>(sql.size()), &st_, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, false);
}

Statement::~Statement() {
    if (st_) sqlite3_finalize(st_);
}

Statement& Statement::bind(int i, std::int64_t v) {
    sqlite3_bind_int64(st_, i, v);
    return *this;
}

Statement& Statement::bind(int i, std::string_view v) {
    sqlite3_bind_text(st_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int i) {
    sqlite3_bind_null(st_, i);
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    bool writing = !sqlite3_stmt_readonly(st_);
    std::string msg = sqlite3_errmsg(db_->get());
    sqlite3_reset(st_);
    db_->fail(rc, writing, msg.c_str());
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
}

std::string Statement::text(int col) const {
    const unsigned char* p = sqlite3_column_text(st_, col);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st_, col)));
}

Transaction::Transaction(Database& db, Mode mode) : db_(&db) {
    db.exec(mode == Mode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction() {
    // Rolls back unless committed. A failed statement may already have ended
    // the transaction (SQLITE_FULL can): only roll back while one is open.
    if (!done_ && !sqlite3_get_autocommit(db_->get())) sqlite3_exec(db_->get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_->exec("COMMIT");
    done_ = true;
}

}  // namespace sofs::progress::sql
