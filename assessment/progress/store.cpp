// The progress store's front door and the words it shares: names of roles
// and statuses, times, the sign-in wait, and Store::open, which picks the
// implementation (SQLite, for a file; a database address is refused until a
// server implementation exists).
#include "store.hpp"

#include "progress_migrations.hpp"
#include "sqlite_store.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace fs = std::filesystem;

namespace sofs::progress {

std::string format_time(std::int64_t ms, const char* pattern, bool local) {
    std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    if (local) localtime_r(&t, &tm);
    else gmtime_r(&t, &tm);
    char buf[96];
    std::size_t n = std::strftime(buf, sizeof buf, pattern, &tm);
    return std::string(buf, n);
}

// ---------------------------------------------------------------- names

WallClock wall_clock() {
    return [] {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    };
}

const char* to_string(Role r) {
    switch (r) {
    case Role::Trainee: return "trainee";
    case Role::Trainer: return "trainer";
    case Role::Admin: return "admin";
    }
    return "trainee";
}

std::optional<Role> role_from(const std::string& s) {
    if (s == "trainee") return Role::Trainee;
    if (s == "trainer") return Role::Trainer;
    if (s == "admin" || s == "administrator") return Role::Admin;
    return std::nullopt;
}

const char* to_string(AttemptStatus s) {
    switch (s) {
    case AttemptStatus::Open: return "open";
    case AttemptStatus::Finished: return "finished";
    case AttemptStatus::Superseded: return "superseded";
    }
    return "open";
}

std::string Store::default_path() {
    std::string base;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x && fs::path(x).is_absolute())
        base = x;
    else if (const char* h = std::getenv("HOME"); h && *h)
        base = std::string(h) + "/.local/share";
    else
        base = ".";
    return base + "/sofs-simulator/progress.db";
}

void check_override_request(const Actor& trainer, const std::string& reason) {
    using K = StoreError::Kind;
    if (trainer.role == Role::Trainee) throw StoreError(K::Denied, "only a trainer can overrule the assessor");
    if (trainer.id == 0) throw StoreError(K::Invalid, "an override needs a named trainer (--trainer)");
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
        throw StoreError(K::Invalid, "an override needs a reason the trainee can read");
}

void check_comment_request(const Actor& trainer, const std::string& text, const std::string& criterion,
                           const std::string& task) {
    using K = StoreError::Kind;
    if (trainer.role == Role::Trainee) throw StoreError(K::Denied, "only a trainer can leave a comment");
    if (trainer.id == 0) throw StoreError(K::Invalid, "a comment needs a named trainer (--trainer)");
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw StoreError(K::Invalid, "a comment needs some words for the trainee to read");
    if (text.size() > kMaxCommentBytes)
        throw StoreError(K::Invalid, "a comment can be at most " + std::to_string(kMaxCommentBytes) +
                                         " characters (this one has " + std::to_string(text.size()) + ")");
    if (criterion.empty() && !task.empty())
        throw StoreError(K::Invalid, "a comment on a task names the check too (--criterion)");
}

std::size_t one_verdict(Id attempt, const std::string& criterion, const std::string& task,
                        const std::vector<std::string>& found) {
    using K = StoreError::Kind;
    if (found.empty())
        throw StoreError(K::NotFound, "attempt " + std::to_string(attempt) + " has no verdict on '" + criterion + "'" +
                                          (task.empty() ? "" : " for task '" + task + "'"));
    if (found.size() > 1) {
        std::string tasks;
        for (const auto& t : found) tasks += (tasks.empty() ? "" : ", ") + t;
        throw StoreError(K::Invalid, "'" + criterion + "' was judged on more than one task (" + tasks +
                                         "): say which with --task");
    }
    return 0;
}

int Store::latest_schema_version() {
    int v = 0;
    for (const auto& m : generated::kMigrations) v = std::max(v, m.version);
    return v;
}

namespace {

// A --db value such as postgresql://host/db or sqlite:x is a database
// address, not a file: refuse it rather than create a file of that name.
void refuse_urls(const std::string& path) {
    auto colon = path.find(':');
    if (colon == std::string::npos || colon == 0 || path == ":memory:") return;
    std::string scheme = path.substr(0, colon);
    for (char c : scheme)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return;
    if (!std::isalpha(static_cast<unsigned char>(scheme[0]))) return;
    if (path.find('/') != std::string::npos && path.find('/') < colon) return;  // ./a:b is a file
    throw StoreError(K::Unsupported, "'" + path + "' is a database address, not a file; this version keeps progress "
                                     "in a file only (PostgreSQL and other servers are not supported yet): give "
                                     "--db a file path such as ~/progress.db");
}

}  // namespace

std::unique_ptr<Store> Store::open(const std::string& path, const OpenOptions& options) {
    refuse_urls(path);
    return SqliteStore::open(path, options);
}

std::int64_t sign_in_wait_ms(int failures) {
    if (failures < kFreeSignInTries) return 0;
    int doublings = std::min(failures - kFreeSignInTries, 20);
    return std::min<std::int64_t>(2000LL << doublings, 15LL * 60 * 1000);
}

}  // namespace sofs::progress
