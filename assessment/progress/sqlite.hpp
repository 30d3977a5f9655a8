// Small RAII wrappers over the sqlite3 C API for the progress store: a
// connection, a prepared statement, and a transaction that rolls back unless
// committed. Every SQLite failure becomes a StoreError in plain words that
// names the file.
#pragma once

#include "store.hpp"

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sofs::progress::sql {

class Database {
public:
    // Opens with sqlite3_open_v2 flags; throws StoreError on failure. `uri`,
    // when given, is what SQLite opens (with SQLITE_OPEN_URI); `path` names
    // the file in messages.
    Database(const std::string& path, int flags, const std::string& uri = "");
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    sqlite3* get() const { return db_; }
    const std::string& path() const { return path_; }
    void exec(const std::string& sql);
    // The first column of the first row of a one-value query.
    std::int64_t scalar_int(const std::string& sql);
    std::string scalar_text(const std::string& sql);

    // Throws the StoreError that fits SQLite's result code `rc`.
    [[noreturn]] void fail(int rc, bool writing, const char* sqlite_message = nullptr) const;

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Binding is 1-based, as in SQLite.
    Statement& bind(int i, std::int64_t v);
    Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, bool v) { return bind(i, static_cast<std::int64_t>(v ? 1 : 0)); }
    Statement& bind(int i, std::string_view v);
    Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
    Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
    Statement& bind_null(int i);
    template <class T>
    Statement& bind(int i, const std::optional<T>& v) { return v ? bind(i, *v) : bind_null(i); }

    // True while there is a row to read; false when done.
    bool step();
    // Steps to the end (for writes).
    void run();
    void reset();

    std::int64_t i64(int col) const { return sqlite3_column_int64(st_, col); }
    int i32(int col) const { return sqlite3_column_int(st_, col); }
    bool is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
    std::string text(int col) const;
    std::optional<std::int64_t> opt_i64(int col) const {
        return is_null(col) ? std::nullopt : std::optional<std::int64_t>(i64(col));
    }
    std::optional<int> opt_int(int col) const {
        return is_null(col) ? std::nullopt : std::optional<int>(i32(col));
    }

private:
    Database* db_;
    sqlite3_stmt* st_ = nullptr;
};

// BEGIN IMMEDIATE (takes the write lock at once, so two writers queue on
// busy_timeout instead of failing to upgrade); rolls back unless commit() ran.
class Transaction {
public:
    enum class Mode { Deferred, Immediate };
    explicit Transaction(Database& db, Mode mode = Mode::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database* db_;
    bool done_ = false;
};

}  // namespace sofs::progress::sql
