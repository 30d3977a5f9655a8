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

    std::int64_t now() const { return clock(); }
    Person person_by_name(const std::string& name);
    Attempt attempt_by_id(Id id);
    void require_admin(const Actor& who, const char* what) const {
        if (who.role != Role::Admin)
            throw StoreError(StoreError::Kind::Denied, std::string("only an administrator can ") + what +
                                            " (signed in as " + who.name + ", a " + to_string(who.role) + ")");
    }
    std::string hash_password(const std::string& pw) const;
};

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
