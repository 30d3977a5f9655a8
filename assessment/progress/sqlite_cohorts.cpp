// Cohorts on SQLite: creating them, adding people (all or none), assigning scenarios.
#include "sqlite_store.hpp"
#include "store_shared.hpp"

#include <sqlite3.h>

namespace sofs::progress {

// ---------------------------------------------------------------- cohorts

Cohort SqliteStore::create_cohort(const Actor& who, const std::string& name, CohortKind kind) {
    impl_->require_admin(who, "create cohorts");
    if (name.find_first_not_of(" \t") == std::string::npos) throw StoreError(K::Invalid, "a cohort needs a name");
    check_name(name);
    sql::Transaction tx(*impl_->db);
    {
        sql::Statement check(*impl_->db, "SELECT 1 FROM cohorts WHERE name = ?1");
        check.bind(1, name);
        if (check.step()) throw StoreError(K::Invalid, "there is already a cohort called '" + name + "'");
    }
    sql::Statement st(*impl_->db, "INSERT INTO cohorts(name, kind, created_ms) VALUES (?1, ?2, ?3)");
    st.bind(1, name).bind(2, to_string(kind)).bind(3, impl_->now());
    st.run();
    tx.commit();
    return *find_cohort(who, name);
}

namespace {
Id cohort_id(sql::Database& db, const std::string& name) {
    sql::Statement st(db, "SELECT id FROM cohorts WHERE name = ?1");
    st.bind(1, name);
    if (!st.step()) throw StoreError(K::NotFound, "there is no cohort called '" + name + "' in '" + db.path() + "'");
    return st.i64(0);
}
}  // namespace

void SqliteStore::add_to_cohort(const Actor& who, const std::string& cohort, const std::string& person) {
    add_to_cohort(who, cohort, std::vector<std::string>{person});
}

void SqliteStore::add_to_cohort(const Actor& who, const std::string& cohort, const std::vector<std::string>& people) {
    impl_->require_admin(who, "change cohorts");
    sql::Transaction tx(*impl_->db);
    Id c = cohort_id(*impl_->db, cohort);
    std::vector<Id> ids = people_for_cohort(*this, people, impl_->db->path(), cohort);
    sql::Statement st(*impl_->db, "INSERT OR IGNORE INTO cohort_members(cohort, person) VALUES (?1, ?2)");
    for (Id id : ids) {
        st.reset();
        st.bind(1, c).bind(2, id);
        st.run();
    }
    tx.commit();
}

void SqliteStore::assign_scenario(const Actor& who, const std::string& cohort, const std::string& scenario_id) {
    impl_->require_admin(who, "assign scenarios");
    if (scenario_id.empty()) throw StoreError(K::Invalid, "which scenario? (its id, such as reference-case)");
    Id c = cohort_id(*impl_->db, cohort);
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db,
                      "INSERT OR IGNORE INTO cohort_scenarios(cohort, scenario, assigned_ms) VALUES (?1, ?2, ?3)");
    st.bind(1, c).bind(2, scenario_id).bind(3, impl_->now());
    st.run();
    tx.commit();
}

std::vector<Cohort> SqliteStore::cohorts(const Actor& who) {
    std::vector<Cohort> out;
    sql::Statement st(*impl_->db,
                      "SELECT id, name, kind FROM cohorts c WHERE ?1 OR EXISTS (SELECT 1 FROM cohort_members m "
                      "WHERE m.cohort = c.id AND m.person = ?2) ORDER BY name COLLATE NOCASE");
    st.bind(1, who.role == Role::Admin).bind(2, who.id);
    while (st.step()) {
        Cohort c;
        c.id = st.i64(0);
        c.name = st.text(1);
        c.kind = audience_from(st.text(2)).value_or(CohortKind::TwoDay);
        out.push_back(c);
    }
    sql::Statement sc(*impl_->db, "SELECT scenario FROM cohort_scenarios WHERE cohort = ?1 ORDER BY scenario");
    sql::Statement mem(*impl_->db,
                       "SELECT p.name, p.role FROM cohort_members m JOIN people p ON p.id = m.person "
                       "WHERE m.cohort = ?1 ORDER BY p.name COLLATE NOCASE");
    for (auto& c : out) {
        sc.reset();
        sc.bind(1, c.id);
        while (sc.step()) c.scenarios.push_back(sc.text(0));
        mem.reset();
        mem.bind(1, c.id);
        while (mem.step()) (mem.text(1) == "trainee" ? c.trainees : c.trainers).push_back(mem.text(0));
    }
    return out;
}

std::optional<Cohort> SqliteStore::find_cohort(const Actor& who, const std::string& name) {
    for (auto& c : cohorts(who))
        if (sqlite3_stricmp(c.name.c_str(), name.c_str()) == 0) return c;
    return std::nullopt;
}

}  // namespace sofs::progress
