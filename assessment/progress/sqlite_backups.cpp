// The SQLite file's health and backups: the full check, the daily upkeep,
// rolling backups (written privately, renamed only when complete), restoring,
// and cleaning partial backups whose program is gone.
#include "sqlite_store.hpp"

#include "private_files.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace sofs::progress {

void SqliteStore::check() {
    sql::Database& db = *impl_->db;
    std::string problems;
    try {
        sql::Statement st(db, "PRAGMA quick_check(3)");
        while (st.step()) {
            std::string row = st.text(0);
            if (row == "ok") break;
            problems += (problems.empty() ? "" : "; ") + row;
        }
    } catch (const StoreError& e) {
        if (e.kind != K::Damaged) throw;
        problems = e.what();
    }
    if (!problems.empty()) throw_damaged(path(), "quick_check found: " + problems);
}

Maintenance SqliteStore::maintain(bool force) {
    Maintenance m;
    if (impl_->memory || read_only()) return m;
    const std::string& p = path();
    m.cleaned = clean_partial_backups(p);
    auto b = backups(p);
    if (!force && !b.empty() && impl_->now() - b.front().taken_ms < kDayMs) return m;
    check();  // a damaged file is never backed up over the good backups
    m.checked = true;
    try {
        m.backup = backup_now();
    } catch (const StoreError&) {
        // A failed backup (disk full) must not stop the trainee's work; the next open tries again.
    }
    return m;
}

Maintenance Store::maintain_file(const std::string& db_path, const OpenOptions& options) {
    OpenOptions o = options;
    o.backup = false;
    o.create = false;
    auto s = open(db_path, o);
    return s->maintain(false);
}

std::optional<std::string> Store::problem_with(const std::string& db_path) {
    try {
        OpenOptions o;
        o.create = false;
        o.backup = false;
        o.read_only = true;
        auto s = open(db_path, o);
        s->check();
        return std::nullopt;
    } catch (const StoreError& e) {
        return std::string(e.what());
    }
}

std::vector<std::string> Store::clean_partial_backups(const std::string& db_path) {
    std::vector<std::string> out;
    std::error_code ec;
    const auto now = fs::file_time_type::clock::now();
    const std::string host = host_name();
    for (const auto& entry : fs::directory_iterator(backup_dir(db_path), ec)) {
        std::string name = entry.path().filename().string();
        if (name.size() < 8 || name.compare(name.size() - 8, 8, ".partial") != 0) continue;
        // <backup>.db.<host>.<pid>.<uuid>.partial: gone when its program is.
        bool orphan = false;
        auto t = fs::last_write_time(entry.path(), ec);
        if (!ec && now - t > std::chrono::hours(1)) orphan = true;
        std::string mid = name.substr(0, name.size() - 8);
        auto dot_uuid = mid.rfind('.');
        auto dot_pid = dot_uuid == std::string::npos ? std::string::npos : mid.rfind('.', dot_uuid - 1);
        auto dot_host = dot_pid == std::string::npos ? std::string::npos : mid.rfind('.', dot_pid - 1);
        if (dot_host != std::string::npos && dot_host > 0) {
            std::string h = mid.substr(dot_host + 1, dot_pid - dot_host - 1);
            std::string pid = mid.substr(dot_pid + 1, dot_uuid - dot_pid - 1);
            char* endp = nullptr;
            long long n = std::strtoll(pid.c_str(), &endp, 10);
            if (endp && *endp == '\0' && h == host && !is_pid_alive(n)) orphan = true;
        } else {
            orphan = true;  // an older program's name: no owner to wait for
        }
        if (orphan && fs::remove(entry.path(), ec)) out.push_back(entry.path().string());
    }
    return out;
}

// ---------------------------------------------------------------- backups

std::vector<Backup> Store::backups(const std::string& db_path) {
    std::vector<Backup> out;
    std::error_code ec;
    const std::string prefix = backup_stem(db_path) + "-";
    for (const auto& entry : fs::directory_iterator(backup_dir(db_path), ec)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0 || entry.path().extension() != ".db") continue;
        auto ms = stamp_ms(name.substr(prefix.size(), 15));
        if (ms) out.push_back({entry.path().string(), *ms});
    }
    std::sort(out.begin(), out.end(), [](const Backup& a, const Backup& b) { return a.taken_ms > b.taken_ms; });
    return out;
}

std::string SqliteStore::backup_now() {
    if (impl_->memory) throw StoreError(K::Invalid, "an in-memory store has no file to back up");
    const std::string& p = path();
    std::error_code ec;
    make_private_dirs(backup_dir(p));
    std::string target = backup_dir(p) + "/" + backup_stem(p) + "-" + utc_stamp(impl_->now(), true) + ".db";
    // Two programs may back up at once; the host and process name the owner,
    // so a partial file left by a killed program can be recognised and removed.
    std::string tmp = target + "." + host_name() + "." + std::to_string(::getpid()) + "." + new_uuid() + ".partial";
    fs::remove(tmp, ec);
    ensure_private_file(tmp);
    {
        sql::Database dest(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        sqlite3_backup* b = sqlite3_backup_init(dest.get(), "main", impl_->db->get(), "main");
        if (!b) dest.fail(sqlite3_errcode(dest.get()), true);
        int rc = sqlite3_backup_step(b, -1);
        sqlite3_backup_finish(b);
        if (rc != SQLITE_DONE) {
            fs::remove(tmp, ec);
            dest.fail(rc, true);
        }
    }
    // Renamed only when complete, so a half-written backup is never offered.
    fs::rename(tmp, target, ec);
    if (ec) throw StoreError(K::Io, "could not write the backup '" + target + "': " + ec.message());
    auto all = backups(p);
    for (std::size_t i = static_cast<std::size_t>(std::max(1, impl_->options.keep_backups)); i < all.size(); ++i)
        fs::remove(all[i].path, ec);
    return target;
}

std::string Store::restore(const std::string& db_path, const std::string& backup) {
    std::string from = backup;
    if (from.empty()) {
        auto b = backups(db_path);
        if (b.empty()) throw StoreError(K::NotFound, "there is no backup of '" + db_path + "' to restore from");
        from = b.front().path;
    }
    if (!fs::exists(from)) throw StoreError(K::NotFound, "there is no backup at '" + from + "'");
    std::error_code ec;
    auto stamp = utc_stamp(wall_clock()(), true);
    for (const char* suffix : {"", "-wal", "-shm"}) {
        std::string f = db_path + suffix;
        if (fs::exists(f)) {
            fs::rename(f, db_path + ".damaged-" + stamp + suffix, ec);
            if (ec) throw StoreError(K::Io, "could not move the damaged file '" + f + "' aside: " + ec.message());
        }
    }
    fs::copy_file(from, db_path, fs::copy_options::overwrite_existing, ec);
    if (ec) throw StoreError(K::Io, "could not copy the backup '" + from + "' to '" + db_path + "': " + ec.message());
    tighten(db_path);
    for (const char* suffix : {"", "-wal", "-shm"}) tighten(db_path + ".damaged-" + stamp + suffix);
    return from;
}

}  // namespace sofs::progress
