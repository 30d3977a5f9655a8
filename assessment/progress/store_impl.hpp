// The store's inside, shared by store.cpp and report.cpp; not for other layers.
#pragma once

#include "sqlite.hpp"
#include "store.hpp"

#include <memory>
#include <string>
#include <vector>

namespace sofs::progress {

struct Store::Impl {
    std::unique_ptr<sql::Database> db;
    OpenOptions options;
    WallClock clock;
    bool memory = false;
    bool read_only = false;
    std::vector<std::string> notices;   // told to the person (see Store::notices)
    std::string holder;                 // this store's token in attempt_holders

    std::int64_t now() const { return clock(); }
    Person person_by_name(const std::string& name);
    Attempt attempt_by_id(Id id);
    void require_admin(const Actor& who, const char* what) const {
        if (who.role != Role::Admin)
            throw StoreError(StoreError::Kind::Denied, std::string("only an administrator can ") + what +
                                            " (signed in as " + who.name + ", a " + to_string(who.role) + ")");
    }
    std::string hash_password(const std::string& pw) const;
    // Sign-in bookkeeping (accounts): wrong tries per name, kept in the file.
    int failures(const std::string& name_hash, std::int64_t* last_ms);
    void note_failure(const std::string& name_hash);
    void clear_failures(const std::string& name_hash);
    // Refuses a second program saving to the same open attempt; takes it over
    // when the holder's process is gone.
    void hold(Id attempt, const std::string& person_name);
};

// BLAKE2b of the name in lower case, as hex: how sign-in failures are keyed.
std::string name_hash(const std::string& name);
// Throws Invalid for a name over 120 bytes or holding control characters.
void check_name(const std::string& name);

// One numbered migration (migrations/NNNN_name.sql, compiled in).
struct MigrationStep {
    int version = 0;
    std::string name;
    std::string sql;
};

// Applies each step above the file's PRAGMA user_version in order, each in
// one transaction with its version bump: a failing step leaves the file as it was.
void apply_migrations(sql::Database& db, const std::vector<MigrationStep>& steps, bool read_only);

}  // namespace sofs::progress
