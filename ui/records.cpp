// Records: the store calls wrapped so that no exception reaches a screen.
// When the file cannot be opened every call fails with that one plain
// message and the app runs without saving.
#include "records.hpp"

#include "cpd/cpd.hpp"
#include "postgres.hpp"
#include "progress/private_files.hpp"
#include "play/verdicts.hpp"

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
        o.backup = false;  // the upkeep below (or check_file) runs off the window's thread
        if (fast_passwords) o.password_cost = pg::OpenOptions::PasswordCost::Minimal;
        // The store factory: a PostgreSQL address (a classroom's shared store) or a SQLite file.
        store_ = pg::open_any_store(path, o);
        if (!fast_passwords && !defer_checks && !store_->read_only() && path != ":memory:" &&
            !pg::is_postgres_location(path)) {
            upkeep_ = std::thread([this, p = store_->path()] {
                try {
                    pg::Store::maintain_file(p);
                } catch (const std::exception& e) {
                    std::lock_guard<std::mutex> lock(upkeep_mutex_);
                    upkeep_problem_ = e.what();
                }
            });
        }
    } catch (const std::exception& e) {
        problem_ = e.what();
    }
}

Records::~Records() {
    if (upkeep_.joinable()) upkeep_.join();
}

std::vector<std::string> Records::notices() {
    std::vector<std::string> out;
    if (store_) out = store_->notices();
    std::lock_guard<std::mutex> lock(upkeep_mutex_);
    if (!upkeep_problem_.empty()) out.push_back(upkeep_problem_);
    return out;
}

std::optional<pg::Actor> Records::enter_as_trainee(const std::string& name, const std::string& password,
                                                   std::string* error, bool* needs_password) {
    if (needs_password) *needs_password = false;
    if (!store_) { if (error) *error = problem_; return std::nullopt; }
    try {
        return password.empty() ? store_->ensure_trainee(name) : store_->ensure_trainee(name, password);
    } catch (const pg::StoreError& e) {
        if (error) *error = e.what();
        if (needs_password) *needs_password = e.kind == pg::StoreError::Kind::NeedsPassword;
    } catch (const std::exception& e) {
        if (error) *error = e.what();
    }
    return std::nullopt;
}

bool Records::change_password(const std::string& name, const std::string& current, const std::string& fresh,
                              std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(auto who = store_->sign_in(name, current); store_->set_password(who, who.name, fresh); return true;)
    return false;
}

bool Records::trainee_passwords_required() {
    if (!store_) return false;
    try {
        return store_->trainee_passwords_required();
    } catch (const std::exception&) {
        return false;
    }
}

std::string Records::check_file(const std::string& path) {
    if (path == ":memory:" || pg::is_postgres_location(path)) return "";  // the server keeps itself
    try {
        pg::Store::maintain_file(path);
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

bool Records::add_comment(const pg::Actor& trainer, pg::Id attempt, const std::string& text,
                          const std::string& criterion, const std::string& task, std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->add_comment(trainer, attempt, text, criterion, task); return true;)
    return false;
}

std::optional<play::Reread> Records::reread(const pg::Actor& who, pg::Id attempt, const Scenario* scenario,
                                            const pg::CriterionNames& names, std::string* error) {
    if (!store_) { if (error) *error = problem_; return std::nullopt; }
    SOFS_TRY(return play::reread(*store_, who, attempt, scenario, names);)
    return std::nullopt;
}

std::vector<pg::Person> Records::people_as(const pg::Actor& who, std::optional<pg::Role> role, std::string* error) {
    if (!store_) { if (error) *error = problem_; return {}; }
    SOFS_TRY(return store_->people(who, role);)
    return {};
}

bool Records::create_cohort_as(const pg::Actor& who, const std::string& name, pg::CohortKind kind, std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->create_cohort(who, name, kind); return true;)
    return false;
}

bool Records::add_trainee_as(const pg::Actor& who, const std::string& name, const std::string& first_password,
                             std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->add_person(who, name, pg::Role::Trainee, "", false, first_password);
             store_->require_password_change(who, name, true); return true;)
    return false;
}

bool Records::add_to_cohort_as(const pg::Actor& who, const std::string& cohort, const std::vector<std::string>& people,
                               std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->add_to_cohort(who, cohort, people); return true;)
    return false;
}

bool Records::assign_scenario_as(const pg::Actor& who, const std::string& cohort, const std::string& scenario,
                                 std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->assign_scenario(who, cohort, scenario); return true;)
    return false;
}

bool Records::must_change_password(const std::string& name) {
    if (!store_) return false;
    try {
        auto p = store_->find_person(name);
        return p && p->must_change_password;
    } catch (const std::exception&) {
        return false;
    }
}

bool Records::export_cohort_csv(const pg::CohortReport& r, const pg::CriterionNames& names, const std::string& file,
                                std::string* error) {
    std::string text;
    try {
        text = pg::to_csv(r, names);
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return false;
    }
    return pg::write_private_file(file, text, error);
}

bool Records::export_cpd(const pg::Actor& who, const std::string& name, const pg::CriterionNames& names,
                         const std::string& file, std::string* error) {
    if (!store_) {
        if (error) *error = problem_;
        return false;
    }
    try {
        // Made in a child process: Cairo and fontconfig never load into the
        // application, whose peak memory they would raise until it exits.
        cpd::write_pdf_apart(cpd::build_record(*store_, who, name, names, store_->clock()()), file);
        return true;
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return false;
    }
}

}  // namespace sofs::ui
