// The application's door to the progress store (assessment/progress) for
// sign-in, people, reports and overrides. Every call catches the store's
// errors and returns them as plain words, so a screen can show "could not
// save to '/x/progress.db': the disk is full" and go on. Playing a case
// (every event, drafts, resume, finishing) goes through play::Playthrough,
// which is given the store itself.
#pragma once

#include "model/scenario.hpp"
#include "play/reread.hpp"
#include "progress/report.hpp"
#include "progress/store.hpp"
#include "runtime/transcript.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <optional>
#include <string>
#include <vector>

namespace sofs::ui {

namespace pg = sofs::progress;

class Records {
public:
    // The store's own default (XDG data folder).
    static std::string default_path();

    // Opens the file (header and schema only, so it takes the same time
    // however big the file is); on failure `ok()` is false and `problem()`
    // says why. The daily full check and backup run on a thread of their
    // own, off the window's thread (not with fast_passwords, for tests; not
    // with `defer_checks`, whose caller runs check_file when it chooses).
    explicit Records(const std::string& path, bool fast_passwords = false, bool defer_checks = false);
    // The daily upkeep of an existing file (the full check, PRAGMA
    // quick_check, and the backup, when the newest backup is a day old), on a
    // connection of its own (any thread): "" when all is well, else the
    // problem in plain words.
    static std::string check_file(const std::string& path);
    ~Records();
    bool ok() const { return store_ != nullptr; }
    const std::string& problem() const { return problem_; }
    const std::string& path() const { return path_; }
    // What the person should be told about the file (made private, read-only,
    // or damaged as found by the daily check).
    std::vector<std::string> notices();

    // People.
    std::vector<pg::Person> people(std::optional<pg::Role> role, std::string* error);
    std::optional<pg::Actor> ensure_trainee(const std::string& name, std::string* error);
    std::optional<pg::Actor> sign_in(const std::string& name, const std::string& password, std::string* error);
    // A trainee by name, with their password when they have one (or to protect
    // a new profile). Never a trainer or administrator. `needs_password` is
    // set when this name must be signed in with a password.
    std::optional<pg::Actor> enter_as_trainee(const std::string& name, const std::string& password, std::string* error,
                                              bool* needs_password);
    // Sets or changes one's own password, after checking the current one.
    bool change_password(const std::string& name, const std::string& current, const std::string& fresh,
                         std::string* error);
    bool trainee_passwords_required();
    bool add_person(const std::string& name, pg::Role role, const std::optional<std::string>& password,
                    std::string* error);
    bool create_cohort(const std::string& name, pg::CohortKind kind, std::string* error);
    bool add_to_cohort(const std::string& cohort, const std::string& person, std::string* error);

    // The store a playthrough records into; null when the file could not be opened.
    pg::Store* store() { return store_.get(); }
    std::vector<pg::ScenarioProgress> scenario_progress(const pg::Actor& who, std::string* error);

    // Reading.
    std::optional<pg::TraineeReport> trainee_report(const pg::Actor& who, const std::string& name, std::string* error);
    std::vector<pg::Cohort> cohorts(const pg::Actor& who, std::string* error);
    std::optional<pg::CohortReport> cohort_report(const pg::Actor& who, const std::string& cohort, std::string* error);
    std::vector<pg::StoredVerdict> verdicts(const pg::Actor& who, pg::Id attempt, std::string* error);
    std::optional<Transcript> transcript(pg::Id attempt, std::string* error);
    bool override_verdict(const pg::Actor& trainer, pg::Id attempt, const std::string& criterion, bool met,
                          const std::string& reason, const std::string& task, std::string* error);
    // A trainer's comment (no verdict changes); `criterion` "" for the whole case.
    bool add_comment(const pg::Actor& trainer, pg::Id attempt, const std::string& text, const std::string& criterion,
                     const std::string& task, std::string* error);
    // A finished attempt read again in words (play::reread); `names` names the
    // checks (from the guidance the application already holds).
    std::optional<play::Reread> reread(const pg::Actor& who, pg::Id attempt, const Scenario* scenario,
                                       const pg::CriterionNames& names, std::string* error);

    // Administrators in the application, as `who` (checked by the store on every call).
    std::vector<pg::Person> people_as(const pg::Actor& who, std::optional<pg::Role> role, std::string* error);
    bool create_cohort_as(const pg::Actor& who, const std::string& name, pg::CohortKind kind, std::string* error);
    // A new trainee with a first password they must change at their first sign-in.
    bool add_trainee_as(const pg::Actor& who, const std::string& name, const std::string& first_password,
                        std::string* error);
    bool add_to_cohort_as(const pg::Actor& who, const std::string& cohort, const std::vector<std::string>& people,
                          std::string* error);
    bool assign_scenario_as(const pg::Actor& who, const std::string& cohort, const std::string& scenario,
                            std::string* error);
    // Whether `name` must change a first password before going on.
    bool must_change_password(const std::string& name);

    // Writes the cohort report as CSV to `file` (readable by its owner only),
    // with the same writer as `sofs report --format csv`; criteria are named
    // by `names` beside their ids.
    bool export_cohort_csv(const pg::CohortReport& r, const pg::CriterionNames& names, const std::string& file,
                           std::string* error);
    // Writes `name`'s CPD record as a PDF to `file` (0600), with the same
    // writer as `sofs report cpd`.
    bool export_cpd(const pg::Actor& who, const std::string& name, const pg::CriterionNames& names,
                    const std::string& file, std::string* error);

private:
    std::string path_;
    std::string problem_;
    std::unique_ptr<pg::Store> store_;
    std::thread upkeep_;
    std::mutex upkeep_mutex_;
    std::string upkeep_problem_;
};

}  // namespace sofs::ui
