// Accounts on SQLite: people, Argon2id passwords, sign-in with the growing
// per-name wait kept in the file and a dummy hash for unknown names, and who
// may see whose work.
#include "sqlite_store.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

namespace sofs::progress {

// ---------------------------------------------------------------- people

namespace {
constexpr std::size_t kMaxName = 120;  // bytes; a person's or a cohort's name
}  // namespace

void check_name(const std::string& name) {
    if (name.size() > kMaxName)
        throw StoreError(K::Invalid, "a name can be at most " + std::to_string(kMaxName) + " characters (this one has " +
                                         std::to_string(name.size()) + ")");
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f) throw StoreError(K::Invalid, "a name cannot hold control characters or line breaks");
}

Person SqliteStore::add_person(const Actor& who, const std::string& name, Role role, const std::string& team, bool agency,
                         const std::optional<std::string>& password) {
    impl_->require_admin(who, "add people");
    if (name.find_first_not_of(" \t") == std::string::npos) throw StoreError(K::Invalid, "a person needs a name");
    check_name(name);
    if (role != Role::Trainee && !password)
        throw StoreError(K::Invalid, std::string("a ") + to_string(role) + " needs a password");
    std::optional<std::string> hash;
    if (password) hash = impl_->hash_password(*password);
    sql::Transaction tx(*impl_->db);
    {
        sql::Statement check(*impl_->db, "SELECT 1 FROM people WHERE name = ?1");
        check.bind(1, name);
        if (check.step()) throw StoreError(K::Invalid, "there is already someone called '" + name + "'");
    }
    sql::Statement st(*impl_->db,
                      "INSERT INTO people(name, role, team, agency, password_hash, created_ms) VALUES (?1,?2,?3,?4,?5,?6)");
    st.bind(1, name).bind(2, to_string(role)).bind(3, team).bind(4, agency).bind(5, hash).bind(6, impl_->now());
    st.run();
    tx.commit();
    return impl_->person_by_name(name);
}

void SqliteStore::set_password(const Actor& who, const std::string& name, const std::string& password) {
    Person p = impl_->person_by_name(name);
    if (who.role != Role::Admin && who.id != p.id)
        throw StoreError(K::Denied, "only an administrator can change someone else's password");
    std::string hash = impl_->hash_password(password);
    sql::Transaction tx(*impl_->db);
    // One's own new password is no longer a first one; an administrator's
    // setting leaves a pending change as it was.
    sql::Statement st(*impl_->db, "UPDATE people SET password_hash = ?1, "
                                  "must_change_password = CASE WHEN ?3 THEN 0 ELSE must_change_password END WHERE id = ?2");
    st.bind(1, hash).bind(2, p.id).bind(3, who.id == p.id);
    st.run();
    tx.commit();
}

void SqliteStore::require_password_change(const Actor& who, const std::string& name, bool required) {
    impl_->require_admin(who, "ask for a password to be changed");
    Person p = impl_->person_by_name(name);
    if (required && !p.has_password)
        throw StoreError(K::Invalid, "'" + name + "' has no password to change; set a first password first");
    sql::Statement st(*impl_->db, "UPDATE people SET must_change_password = ?1 WHERE id = ?2");
    st.bind(1, required).bind(2, p.id);
    st.run();
}

std::vector<Person> SqliteStore::people(const Actor& who, std::optional<Role> role) {
    std::vector<Person> out;
    sql::Statement st(*impl_->db, std::string("SELECT ") + kPersonColumns +
                                      "WHERE (?1 IS NULL OR role = ?1) ORDER BY name COLLATE NOCASE");
    if (role) st.bind(1, to_string(*role));
    while (st.step()) {
        Person p = read_person(st);
        if (who.role == Role::Admin || p.id == who.id || may_see(who, p.id)) out.push_back(p);
    }
    return out;
}

std::optional<Person> SqliteStore::find_person(const std::string& name) {
    sql::Statement st(*impl_->db, std::string("SELECT ") + kPersonColumns + "WHERE name = ?1");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return read_person(st);
}

namespace {

// Hashes of a password nobody has, one per cost: an unknown name is checked
// against one of these so that it takes as long as a known name does.
const char* kDummyInteractive =
    "$argon2id$v=19$m=65536,t=2,p=1$8cCjSRrzKPkPZXBfXBMdqQ$XIDGhlYIdrvKlcUMjO4DPObw6NXsf/ZkbUbopV8SoF0";
const char* kDummyMinimal = "$argon2id$v=19$m=8,t=1,p=1$TIiuoATL2aTNt2Th8zBm9Q$yHOjeoFmm4yDBJjjZKj+z7aMqc0gTeLPLxEiEBvuRIA";

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string plural_seconds(std::int64_t ms) {
    std::int64_t s = (ms + 999) / 1000;
    if (s >= 120) return std::to_string((s + 59) / 60) + " minutes";
    return std::to_string(s) + (s == 1 ? " second" : " seconds");
}

}  // namespace

std::string name_hash(const std::string& name) {
    init_sodium();
    std::string key = lower(name);
    unsigned char out[32];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr, 0);
    static const char* hex = "0123456789abcdef";
    std::string h;
    for (unsigned char c : out) {
        h += hex[c >> 4];
        h += hex[c & 15];
    }
    return h;
}


int SqliteState::failures(const std::string& key, std::int64_t* last_ms) {
    sql::Statement st(*db, "SELECT failures, last_failure_ms FROM sign_in_failures WHERE name_hash = ?1");
    st.bind(1, key);
    if (!st.step()) return 0;
    if (last_ms) *last_ms = st.i64(1);
    return st.i32(0);
}

void SqliteState::note_failure(const std::string& key) {
    if (read_only) return;  // nothing can be kept in a read-only file
    try {
        sql::Transaction tx(*db);
        sql::Statement st(*db,
                          "INSERT INTO sign_in_failures(name_hash, failures, last_failure_ms) VALUES (?1, 1, ?2) "
                          "ON CONFLICT(name_hash) DO UPDATE SET failures = failures + 1, last_failure_ms = ?2");
        st.bind(1, key).bind(2, now());
        st.run();
        tx.commit();
    } catch (const StoreError&) {
        // A full disk must not turn a wrong password into a different answer.
    }
}

void SqliteState::clear_failures(const std::string& key) {
    if (read_only) return;
    sql::Transaction tx(*db);
    sql::Statement st(*db, "DELETE FROM sign_in_failures WHERE name_hash = ?1");
    st.bind(1, key);
    st.run();
    tx.commit();
}

Actor SqliteStore::sign_in(const std::string& name, const std::string& password) {
    const StoreError wrong(K::Denied, "wrong name or password");
    const std::string key = name_hash(name);
    // Refused while the wait after wrong tries lasts, for known and unknown names alike.
    std::int64_t last = 0;
    int failed = impl_->failures(key, &last);
    std::int64_t wait = sign_in_wait_ms(failed);
    if (wait > 0 && impl_->now() < last + wait)
        throw StoreError(K::Denied, "too many wrong passwords for this name: try again in " +
                                        plural_seconds(last + wait - impl_->now()));
    sql::Statement st(*impl_->db, "SELECT id, name, role, password_hash FROM people WHERE name = ?1");
    st.bind(1, name);
    std::optional<Actor> a;
    std::string hash;
    if (st.step()) {
        a = Actor{st.i64(0), st.text(1), role_from(st.text(2)).value_or(Role::Trainee)};
        if (!st.is_null(3)) hash = st.text(3);
    }
    if (a && hash.empty() && a->role == Role::Trainee) {
        if (trainee_passwords_required())
            throw StoreError(K::NeedsPassword, "this progress file asks every trainee for a password, and '" + a->name +
                                                   "' has none yet: ask a trainer or administrator to set one "
                                                   "(sofs user passwd)");
        return *a;  // trainees without a password sign in by name
    }
    init_sodium();
    bool minimal = impl_->options.password_cost == OpenOptions::PasswordCost::Minimal;
    // Unknown names (and trainers without a hash, which add_person never makes)
    // are checked against a dummy hash so they cost the same time.
    const std::string& against = hash.empty() ? std::string(minimal ? kDummyMinimal : kDummyInteractive) : hash;
    bool ok = crypto_pwhash_str_verify(against.c_str(), password.data(), password.size()) == 0;
    if (!a || hash.empty() || !ok) {
        impl_->note_failure(key);
        throw wrong;
    }
    if (failed > 0) impl_->clear_failures(key);
    return *a;
}

Actor SqliteStore::ensure_trainee(const std::string& name) {
    if (name.find_first_not_of(" \t") == std::string::npos) throw StoreError(K::Invalid, "a trainee needs a name");
    if (auto p = find_person(name)) {
        if (p->role != Role::Trainee || p->has_password)
            throw StoreError(K::NeedsPassword, "'" + p->name + "' signs in with a password");
        if (trainee_passwords_required())
            throw StoreError(K::NeedsPassword, "this progress file asks every trainee for a password, and '" + p->name +
                                                   "' has none yet: ask a trainer or administrator to set one "
                                                   "(sofs user passwd)");
        return Actor{p->id, p->name, p->role};
    }
    if (trainee_passwords_required())
        throw StoreError(K::NeedsPassword, "this progress file asks every trainee for a password: choose one "
                                           "(at least 8 characters) to make the profile '" + name + "'");
    check_name(name);
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db,
                      "INSERT INTO people(name, role, created_ms) VALUES (?1, 'trainee', ?2) "
                      "ON CONFLICT(name) DO NOTHING");
    st.bind(1, name).bind(2, impl_->now());
    st.run();
    tx.commit();
    Person p = impl_->person_by_name(name);
    if (p.role != Role::Trainee || p.has_password)  // made by another program meanwhile
        throw StoreError(K::NeedsPassword, "'" + p.name + "' signs in with a password");
    return Actor{p.id, p.name, p.role};
}

Actor SqliteStore::ensure_trainee(const std::string& name, const std::string& password) {
    if (name.find_first_not_of(" \t") == std::string::npos) throw StoreError(K::Invalid, "a trainee needs a name");
    if (find_person(name)) {
        Actor a = sign_in(name, password);
        if (a.role != Role::Trainee) throw StoreError(K::Denied, "wrong name or password");
        return a;
    }
    check_name(name);
    std::string hash = impl_->hash_password(password);
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db,
                      "INSERT INTO people(name, role, password_hash, created_ms) VALUES (?1, 'trainee', ?2, ?3)");
    st.bind(1, name).bind(2, hash).bind(3, impl_->now());
    st.run();
    tx.commit();
    Person p = impl_->person_by_name(name);
    return Actor{p.id, p.name, p.role};
}

void SqliteStore::require_trainee_passwords(const Actor& who, bool required) {
    impl_->require_admin(who, "require passwords for trainees");
    sql::Transaction tx(*impl_->db);
    sql::Statement st(*impl_->db,
                      "INSERT INTO file_settings(key, value) VALUES ('trainee_passwords', ?1) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, required ? "required" : "optional");
    st.run();
    tx.commit();
}

bool SqliteStore::trainee_passwords_required() {
    sql::Statement st(*impl_->db, "SELECT value FROM file_settings WHERE key = 'trainee_passwords'");
    return st.step() && st.text(0) == "required";
}


bool SqliteStore::may_see(const Actor& who, Id person) {
    if (who.role == Role::Admin || who.id == person) return true;
    if (who.role != Role::Trainer) return false;
    sql::Statement st(*impl_->db,
                      "SELECT 1 FROM cohort_members mine JOIN cohort_members theirs ON theirs.cohort = mine.cohort "
                      "WHERE mine.person = ?1 AND theirs.person = ?2 LIMIT 1");
    st.bind(1, who.id).bind(2, person);
    return st.step();
}

}  // namespace sofs::progress
