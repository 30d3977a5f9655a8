// The PostgreSQL store's private layer over libpq, shared by its sources
// (postgres.cpp, pg_*.cpp): results, errors in plain words, the connection's
// state and the one transaction helper. Not for other layers.
#pragma once

#include "postgres.hpp"
#include "util/shared_library.hpp"

#include <libpq-fe.h>

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace sofs::progress {

using K = StoreError::Kind;

// ---------------------------------------------------------------- libpq

// The libpq functions the store calls, from libpq opened when the first
// PostgreSQL store is (util/shared_library): libpq brings Kerberos, LDAP,
// OpenSSL and GnuTLS, which every program run on a SQLite progress file
// would otherwise load and relocate at start.
struct PqApi {
    util::SharedLibrary lib{"libpq.so.5"};
    decltype(&::PQclear) PQclear = nullptr;
    decltype(&::PQcmdTuples) PQcmdTuples = nullptr;
    decltype(&::PQconnectdb) PQconnectdb = nullptr;
    decltype(&::PQconnectdbParams) PQconnectdbParams = nullptr;
    decltype(&::PQconsumeInput) PQconsumeInput = nullptr;
    decltype(&::PQencryptPasswordConn) PQencryptPasswordConn = nullptr;
    decltype(&::PQerrorMessage) PQerrorMessage = nullptr;
    decltype(&::PQescapeIdentifier) PQescapeIdentifier = nullptr;
    decltype(&::PQescapeLiteral) PQescapeLiteral = nullptr;
    decltype(&::PQexec) PQexec = nullptr;
    decltype(&::PQexecParams) PQexecParams = nullptr;
    decltype(&::PQfinish) PQfinish = nullptr;
    decltype(&::PQfreemem) PQfreemem = nullptr;
    decltype(&::PQgetisnull) PQgetisnull = nullptr;
    decltype(&::PQgetvalue) PQgetvalue = nullptr;
    decltype(&::PQnotifies) PQnotifies = nullptr;
    decltype(&::PQntuples) PQntuples = nullptr;
    decltype(&::PQresultErrorField) PQresultErrorField = nullptr;
    decltype(&::PQresultStatus) PQresultStatus = nullptr;
    decltype(&::PQsocket) PQsocket = nullptr;
    decltype(&::PQstatus) PQstatus = nullptr;

    PqApi() {
        lib.bind(PQclear, "PQclear");
        lib.bind(PQcmdTuples, "PQcmdTuples");
        lib.bind(PQconnectdb, "PQconnectdb");
        lib.bind(PQconnectdbParams, "PQconnectdbParams");
        lib.bind(PQconsumeInput, "PQconsumeInput");
        lib.bind(PQencryptPasswordConn, "PQencryptPasswordConn");
        lib.bind(PQerrorMessage, "PQerrorMessage");
        lib.bind(PQescapeIdentifier, "PQescapeIdentifier");
        lib.bind(PQescapeLiteral, "PQescapeLiteral");
        lib.bind(PQexec, "PQexec");
        lib.bind(PQexecParams, "PQexecParams");
        lib.bind(PQfinish, "PQfinish");
        lib.bind(PQfreemem, "PQfreemem");
        lib.bind(PQgetisnull, "PQgetisnull");
        lib.bind(PQgetvalue, "PQgetvalue");
        lib.bind(PQnotifies, "PQnotifies");
        lib.bind(PQntuples, "PQntuples");
        lib.bind(PQresultErrorField, "PQresultErrorField");
        lib.bind(PQresultStatus, "PQresultStatus");
        lib.bind(PQsocket, "PQsocket");
        lib.bind(PQstatus, "PQstatus");
    }
};

// libpq, opened once and kept; a StoreError when it is not installed.
inline const PqApi& pq() {
    static const PqApi* api = new PqApi;
    if (!api->lib.ok()) throw StoreError(K::Io, "the PostgreSQL store is not available: " + api->lib.problem());
    return *api;
}

using Params = std::vector<std::optional<std::string>>;

class Result {
public:
    explicit Result(PGresult* r) : r_(r) {}
    ~Result() { pq().PQclear(r_); }
    Result(Result&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
    Result(const Result&) = delete;
    int rows() const { return pq().PQntuples(r_); }
    bool null(int row, int col) const { return pq().PQgetisnull(r_, row, col); }
    std::string text(int row, int col) const { return pq().PQgetvalue(r_, row, col); }
    std::int64_t i64(int row, int col) const { return null(row, col) ? 0 : std::strtoll(pq().PQgetvalue(r_, row, col), nullptr, 10); }
    std::optional<std::int64_t> opt(int row, int col) const {
        if (null(row, col)) return std::nullopt;
        return i64(row, col);
    }
    bool boolean(int row, int col) const { return text(row, col) == "t"; }
    int changed() const { return std::atoi(pq().PQcmdTuples(r_)); }

private:
    PGresult* r_;
};

// The server's message, the reason first: "permission denied for table events".
[[noreturn]] inline void raise(PGconn* c, PGresult* r, const std::string& doing) {
    std::string state = r ? (pq().PQresultErrorField(r, PG_DIAG_SQLSTATE) ? pq().PQresultErrorField(r, PG_DIAG_SQLSTATE) : "") : "";
    std::string message = r && pq().PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) ? pq().PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY)
                                                                             : pq().PQerrorMessage(c);
    if (r) pq().PQclear(r);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    K kind = K::Io;
    if (state == "42501" || state == "28000" || state == "28P01") kind = K::Denied;
    else if (state.rfind("23", 0) == 0 || state.rfind("22", 0) == 0) kind = K::Invalid;
    else if (state == "40001" || state == "40P01" || state == "55P03") kind = K::Busy;
    else if (state == "53100") kind = K::Full;
    throw StoreError(kind, "could not " + doing + " in the PostgreSQL store: " + message);
}

// A member of the store's interfaces that PostgreSQL does not have yet.
[[noreturn]] inline void unsupported(const std::string& what) {
    throw StoreError(K::Unsupported, what + " is not supported on PostgreSQL yet (use a SQLite progress file for it)");
}

struct PgStore::Impl {
    PGconn* conn = nullptr;
    WallClock clock;
    std::string conninfo;               // as given: sign_in and pg_dump reuse it
    std::string location;               // shown to people: without a password
    int version = 0;                    // the schema's, after opening
    std::vector<std::string> notices;
    std::int64_t now() const { return clock(); }

    Result exec(const std::string& sql, const Params& params = {}, const std::string& doing = "read") {
        std::vector<const char*> values;
        for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
        PGresult* r = pq().PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                                   nullptr, 0);
        auto status = pq().PQresultStatus(r);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) raise(conn, r, doing);
        return Result(r);
    }
    // Several statements at once (a migration, DDL): the simple query protocol, no parameters.
    void script(const std::string& sql, const std::string& doing) {
        PGresult* r = pq().PQexec(conn, sql.c_str());
        auto status = pq().PQresultStatus(r);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) raise(conn, r, doing);
        pq().PQclear(r);
    }
    std::string escape_identifier(const std::string& s) { return escaped(pq().PQescapeIdentifier, s, "quote a name"); }
    std::string escape_literal(const std::string& s) { return escaped(pq().PQescapeLiteral, s, "quote a value"); }
    // `s` quoted by libpq's `escape` (PQescapeIdentifier or PQescapeLiteral).
    std::string escaped(decltype(&::PQescapeLiteral) escape, const std::string& s, const char* doing) {
        char* e = escape(conn, s.c_str(), s.size());
        if (!e) raise(conn, nullptr, doing);
        std::string out(e);
        pq().PQfreemem(e);
        return out;
    }
    Attempt attempt_by_id(Id id);
    std::optional<Attempt> read_one_attempt(const std::string& where, const Params& params);
    std::vector<Attempt> read_attempts(const std::string& where, const Params& params);
    void remember(const std::string& scenario, const std::string& hash, const ScenarioFacts& facts);
    // Inside a transaction: stores the verdicts not stored yet, each with its 'scored' statement.
    void insert_verdicts(Id attempt, const std::vector<NewVerdict>& verdicts);
};

// Rolls back unless committed (the store's one transaction helper).
class Tx {
public:
    explicit Tx(PgStore::Impl& db) : db_(db) { db_.exec("BEGIN", {}, "start a transaction"); }
    ~Tx() {
        if (!done_) pq().PQclear(pq().PQexec(db_.conn, "ROLLBACK"));
    }
    void commit() {
        db_.exec("COMMIT", {}, "commit");
        done_ = true;
    }

private:
    PgStore::Impl& db_;
    bool done_ = false;
};

inline std::string s(std::int64_t v) { return std::to_string(v); }

// `t` without the spaces, tabs and line breaks around it.
inline std::string trimmed(const std::string& t) {
    auto b = t.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return t.substr(b, t.find_last_not_of(" \t\r\n") - b + 1);
}

// Shared row readers (postgres.cpp).
extern const char* kPgAttemptColumns;
Attempt read_attempt(const Result& r, int row);
Person read_person(const Result& r, int row);

}  // namespace sofs::progress
