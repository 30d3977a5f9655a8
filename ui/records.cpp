// Records: the store calls wrapped so that no exception reaches a screen.
// When the file cannot be opened every call fails with that one plain
// message and the app runs without saving.
#include "records.hpp"

#include <fstream>

namespace sofs::ui {


#define SOFS_TRY(...)                                   \
    try {                                               \
        __VA_ARGS__                                     \
    } catch (const std::exception& e) {                 \
        if (error) *error = e.what();                   \
    }

std::string Records::default_path() {
    return pg::Store::default_path();
}

Records::Records(const std::string& path, bool fast_passwords, bool defer_checks) : path_(path) {
    try {
        pg::OpenOptions o;
        if (fast_passwords) {
            o.password_cost = pg::OpenOptions::PasswordCost::Minimal;
            o.backup = false;
        }
        if (defer_checks) {
            o.quick_check = false;
            o.backup = false;
        }
        store_ = pg::Store::open(path, o);
    } catch (const std::exception& e) {
        problem_ = e.what();
    }
}

Records::~Records() = default;

std::string Records::check_file(const std::string& path) {
    if (path == ":memory:") return "";
    try {
        pg::OpenOptions o;
        o.create = false;
        pg::Store::open(path, o);
        return "";
    } catch (const std::exception& e) {
        return e.what();
    }
}

std::vector<pg::Person> Records::people(std::optional<pg::Role> role, std::string* error) {
    if (!store_) { if (error) *error = problem_; return {}; }
    SOFS_TRY(return store_->people(pg::Actor::system(), role);)
    return {};
}

std::optional<pg::Actor> Records::ensure_trainee(const std::string& name, std::string* error) {
    if (!store_) { if (error) *error = problem_; return std::nullopt; }
    SOFS_TRY(return store_->ensure_trainee(name);)
    return std::nullopt;
}

std::optional<pg::Actor> Records::sign_in(const std::string& name, const std::string& password, std::string* error) {
    if (!store_) { if (error) *error = problem_; return std::nullopt; }
    SOFS_TRY(return store_->sign_in(name, password);)
    return std::nullopt;
}

bool Records::add_person(const std::string& name, pg::Role role, const std::optional<std::string>& password,
                         std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->add_person(pg::Actor::system(), name, role, "", false, password); return true;)
    return false;
}

bool Records::create_cohort(const std::string& name, pg::CohortKind kind, std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->create_cohort(pg::Actor::system(), name, kind); return true;)
    return false;
}

bool Records::add_to_cohort(const std::string& cohort, const std::string& person, std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->add_to_cohort(pg::Actor::system(), cohort, person); return true;)
    return false;
}

std::vector<pg::ScenarioProgress> Records::scenario_progress(const pg::Actor& who, std::string* error) {
    if (!store_) { if (error) *error = problem_; return {}; }
    SOFS_TRY(return store_->scenario_progress(who, who.id);)
    return {};
}

std::optional<pg::TraineeReport> Records::trainee_report(const pg::Actor& who, const std::string& name,
                                                         std::string* error) {
    if (!store_) { if (error) *error = problem_; return std::nullopt; }
    SOFS_TRY(return pg::trainee_report(*store_, who, name);)
    return std::nullopt;
}

std::vector<pg::Cohort> Records::cohorts(const pg::Actor& who, std::string* error) {
    if (!store_) { if (error) *error = problem_; return {}; }
    SOFS_TRY(return store_->cohorts(who);)
    return {};
}

std::optional<pg::CohortReport> Records::cohort_report(const pg::Actor& who, const std::string& cohort,
                                                       std::string* error) {
    if (!store_) { if (error) *error = problem_; return std::nullopt; }
    SOFS_TRY(return pg::cohort_report(*store_, who, cohort);)
    return std::nullopt;
}

std::vector<pg::StoredVerdict> Records::verdicts(const pg::Actor& who, pg::Id attempt, std::string* error) {
    if (!store_) { if (error) *error = problem_; return {}; }
    SOFS_TRY(return store_->verdicts(who, attempt);)
    return {};
}

std::optional<Transcript> Records::transcript(pg::Id attempt, std::string* error) {
    if (!store_) { if (error) *error = problem_; return std::nullopt; }
    SOFS_TRY(return store_->transcript(attempt);)
    return std::nullopt;
}

bool Records::override_verdict(const pg::Actor& trainer, pg::Id attempt, const std::string& criterion, bool met,
                               const std::string& reason, const std::string& task, std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->override_verdict(trainer, attempt, criterion, met, reason, task); return true;)
    return false;
}

bool Records::export_cohort_csv(const pg::CohortReport& r, const std::string& file, std::string* error) {
    std::string text;
    try {
        text = pg::to_csv(r);
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return false;
    }
    std::ofstream out(file, std::ios::trunc);
    if (!out || !(out << text) || !out.flush()) {
        if (error) *error = "could not write '" + file + "'";
        return false;
    }
    return true;
}

}  // namespace sofs::ui
