// Opening a SQLite progress file: private modes before SQLite touches it,
// the cheap header and schema check, numbered migrations, the connection's
// settings; and closing it (letting go of attempts it was saving to).
#include "sqlite_store.hpp"

#include "private_files.hpp"
#include "progress_migrations.hpp"

#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

namespace fs = std::filesystem;

namespace sofs::progress {

namespace {

void migrate(sql::Database& db, bool read_only) {
    const std::string& path = db.path();
    std::int64_t app = 0, version = 0, objects = 0;
    {
        // One snapshot: another program may be creating the same file right now.
        sql::Transaction read(db, sql::Transaction::Mode::Deferred);
        app = db.scalar_int("PRAGMA application_id");
        version = db.scalar_int("PRAGMA user_version");
        objects = db.scalar_int("SELECT count(*) FROM sqlite_schema");
        read.commit();
    }
    if (app != kApplicationId) {
        if (app != 0 || objects > 0)
            throw StoreError(K::NotOurs, "'" + path + "' is a database of another program, not a progress file; "
                                                     "choose another file with --db");
    }
    if (version > Store::latest_schema_version())
        throw StoreError(K::TooNew, "'" + path + "' was written by a newer version of the simulator (schema " +
                                        std::to_string(version) + ", this one knows up to " +
                                        std::to_string(Store::latest_schema_version()) + "); update the simulator");
    std::vector<MigrationStep> steps;
    for (const auto& m : generated::kMigrations) steps.push_back({m.version, std::string(m.name), std::string(m.sql)});
    apply_migrations(db, steps, read_only);
}

// The names every schema this program knows has; a cheap check on open
// that finds a truncated or foreign schema without reading the whole file.
const char* kTables[] = {"people", "cohorts", "cohort_members", "cohort_scenarios", "scenario_versions",
                         "attempts", "events", "verdicts", "overrides"};

}  // namespace

void apply_migrations(sql::Database& db, const std::vector<MigrationStep>& steps, bool read_only) {
    const std::string& path = db.path();
    const std::int64_t version = db.scalar_int("PRAGMA user_version");
    for (const auto& m : steps) {
        if (m.version <= version) continue;
        if (read_only)
            throw StoreError(K::ReadOnly, "'" + path + "' needs updating to this version of the simulator, "
                                                      "but it is read-only");
        // Each migration and its version bump commit together, or not at all.
        sql::Transaction tx(db);
        // Another program may have migrated between our read and our lock.
        if (db.scalar_int("PRAGMA user_version") >= m.version) continue;
        try {
            db.exec(m.sql);
        } catch (const StoreError& e) {
            if (e.kind != K::Invalid && e.kind != K::Io) throw;
            throw StoreError(e.kind, "could not update '" + path + "' with " + m.name + ": " + e.what());
        }
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
    }
}


std::unique_ptr<Store> SqliteStore::open(const std::string& path, const OpenOptions& options) {
    auto impl = std::make_unique<SqliteState>();
    impl->options = options;
    impl->clock = options.clock ? options.clock : wall_clock();
    impl->memory = path == ":memory:" || path.empty();
    impl->holder = new_uuid();
    const std::string p = impl->memory ? ":memory:" : path;
    bool existed = !impl->memory && fs::exists(p);
    if (!impl->memory && !existed) {
        if (!options.create || options.read_only)
            throw StoreError(K::NotFound, "there is no progress file at '" + p + "'");
        auto parent = fs::path(p).parent_path();
        if (!parent.empty()) make_private_dirs(parent.string());
    }
    if (existed && fs::is_directory(p))
        throw StoreError(K::Io, "'" + p + "' is a folder, not a progress file");
    if (!impl->memory) {
        // Made private before SQLite opens it: SQLite gives the log (-wal) and
        // shared-memory (-shm) files the main file's mode.
        std::optional<std::string> n;
        if (options.read_only || (existed && ::access(p.c_str(), W_OK) != 0)) n = tighten(p);
        else n = ensure_private_file(p);
        if (n) impl->notices.push_back(*n);
        for (const std::string& extra : {p + "-wal", p + "-shm", backup_dir(p)})
            if (auto t = tighten(extra)) impl->notices.push_back(*t);
        // The program's own data folder is private too (a folder the person chose is theirs to set).
        auto parent = fs::path(p).parent_path();
        if (!parent.empty() && parent == fs::path(default_path()).parent_path())
            if (auto t = tighten(parent.string())) impl->notices.push_back(*t);
    }
    int flags = options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    std::string uri;
    if (existed && ::access(p.c_str(), W_OK) != 0) {
        // A file we cannot write: SQLite would need to make its shared-memory
        // file beside it to read it. With no log waiting to be copied back, the
        // file is all there is, so it is read as it stands (immutable).
        std::error_code ec;
        auto wal = fs::file_size(p + "-wal", ec);
        if (ec || wal == 0) {
            flags = SQLITE_OPEN_READONLY;
            uri = "file:";
            for (unsigned char c : fs::absolute(p).string()) {
                if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_') {
                    uri += static_cast<char>(c);
                } else {
                    char hex[4];
                    std::snprintf(hex, sizeof hex, "%%%02X", c);
                    uri += hex;
                }
            }
            uri += "?immutable=1";
        }
    }
    impl->db = std::make_unique<sql::Database>(p, flags, uri);
    sql::Database& db = *impl->db;
    db.exec("PRAGMA busy_timeout = " + std::to_string(options.busy_timeout_ms));
    db.exec("PRAGMA foreign_keys = ON");
    bool read_only = options.read_only || sqlite3_db_readonly(db.get(), "main") == 1;
    impl->read_only = read_only;
    if (read_only && !options.read_only)
        impl->notices.push_back("'" + p + "' is read-only: it can be read and reported on, but nothing can be saved to it");
    // Programs that open a new file at the same moment race to create and
    // convert it, and SQLite then answers "busy" at once instead of waiting:
    // the opening steps are safe to repeat, so try them again for a while.
    auto open_steps = [&] {
        try {
            // The first read of the file: garbage shows up here as SQLITE_NOTADB.
            db.scalar_int("PRAGMA application_id");
        } catch (const StoreError& e) {
            if (e.kind == K::Damaged) throw_damaged(p, "SQLite says: " + std::string(sqlite3_errmsg(db.get())));
            throw;
        }
        if (!impl->memory && !read_only) {
            // WAL persists in the file; FULL makes each commit durable on power loss.
            db.exec("PRAGMA journal_mode = WAL");
        }
        db.exec("PRAGMA synchronous = FULL");
        migrate(db, read_only);
        // The cheap check: the header was read above; every table must be there.
        if (db.scalar_int("PRAGMA user_version") > 0) {
            std::string missing;
            for (const char* t : kTables) {
                sql::Statement st(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
                st.bind(1, t);
                if (!st.step()) missing += (missing.empty() ? "" : ", ") + std::string(t);
            }
            if (!missing.empty()) throw_damaged(p, "its tables " + missing + " are missing");
        }
    };
    for (int attempt = 0;; ++attempt) {
        try {
            open_steps();
            break;
        } catch (const StoreError& e) {
            if (e.kind != K::Busy || attempt >= 40) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(5 + 10 * attempt));
        }
    }
    auto store = std::make_unique<SqliteStore>(std::move(impl));
    if (options.quick_check) store->check();
    if (!store->impl_->memory && !read_only && options.backup) store->maintain(false);
    return store;
}

SqliteStore::~SqliteStore() {
    // Lets another window take the attempts this one was saving to.
    if (!impl_ || !impl_->db || impl_->read_only) return;
    try {
        sql::Statement st(*impl_->db, "DELETE FROM attempt_holders WHERE holder = ?1");
        st.bind(1, impl_->holder);
        st.run();
    } catch (const StoreError&) {
        // The holder's process is gone once this one ends; the next opener takes over.
    }
}

const std::string& SqliteStore::path() const { return impl_->db->path(); }
int SqliteStore::schema_version() const { return static_cast<int>(impl_->db->scalar_int("PRAGMA user_version")); }
bool SqliteStore::read_only() const { return impl_->read_only; }
const std::vector<std::string>& SqliteStore::notices() const { return impl_->notices; }
WallClock SqliteStore::clock() const { return impl_->clock; }

}  // namespace sofs::progress
