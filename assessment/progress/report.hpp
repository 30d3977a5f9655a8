// Progress reports for trainers and administrators: one trainee over time,
// one cohort at a glance, and where trainers disagree with the assessor.
// Built from the store (access-checked) and written as JSON or CSV.
#pragma once

#include "store.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sofs::progress {

// One attempt in a trainee's report.
struct AttemptLine {
    Attempt attempt;
    int criteria_met = 0, criteria_judged = 0;      // effective (overrides applied)
    std::vector<std::string> missed;                 // criterion ids not met
    std::optional<int> scaling;                      // the trainee's latest scaling number
    std::optional<int> expert_scaling, scaling_low, scaling_high;
};

// One criterion's result in one finished attempt, in time order.
struct CriterionPoint {
    Id attempt = 0;
    std::string scenario;
    std::int64_t finished_ms = 0;
    std::string task;
    std::string criterion;
    bool met = false;
    bool overruled = false;
};

struct TraineeReport {
    Person trainee;
    std::vector<AttemptLine> attempts;               // oldest first
    std::vector<CriterionPoint> criteria_over_time;  // oldest first
    std::int64_t time_spent_ms = 0;                  // all attempts
};

struct CohortTraineeLine {
    Person trainee;
    std::string scenario;
    int attempts = 0, finished = 0;
    std::optional<std::int64_t> last_finished_ms;
    int criteria_met = 0, criteria_judged = 0;       // latest finished attempt
    std::vector<std::string> missed;                 // latest finished attempt
    std::optional<int> scaling;                      // latest finished attempt
    std::optional<int> expert_scaling;
    bool assigned = false;
};

struct CriterionMisses {
    std::string criterion;
    int missed = 0, judged = 0;                      // over the latest finished attempt of each trainee and scenario
};

struct ScalingSpread {
    std::string scenario;
    std::optional<int> expert, low, high;
    std::vector<int> numbers;                        // latest per trainee, sorted
    int in_range = 0, above = 0, below = 0;
};

struct CohortReport {
    Cohort cohort;
    std::vector<CohortTraineeLine> lines;            // trainee name, then scenario
    std::vector<CriterionMisses> most_missed;        // most missed first
    std::vector<ScalingSpread> scaling;              // by scenario
};

struct Disagreement {
    Id override_id = 0;
    Id attempt = 0;
    std::string trainee, trainer, scenario, task, criterion, reason;
    bool assessor_met = false, trainer_met = false;
    std::int64_t at_ms = 0;
};

struct CriterionDisagreements {
    std::string criterion;
    int overruled = 0;
    int assessor_met_trainer_not = 0;                // assessor too lenient
    int assessor_not_trainer_met = 0;                // assessor too strict
    std::vector<Disagreement> cases;
};

struct DisagreementReport {
    std::vector<CriterionDisagreements> by_criterion;  // most overruled first
};

// ---------------------------------------------------------------- for store implementations
// Each storage engine reads these rows in its own SQL; the reports are
// assembled from them once (report.cpp), so the rules of a report (what is
// counted, in what order, who may see it) are written in one place.

struct JudgedRow {                                   // one effective verdict (overrides applied)
    Id attempt = 0;
    std::string task, criterion;
    bool met = false, overruled = false;
};

struct ExpertScale {
    std::optional<int> expert, low, high;
};

struct ScenarioTally {                               // one person's attempts at one scenario
    std::string scenario;
    int attempts = 0, finished = 0;
    std::optional<std::int64_t> last_finished_ms;
};

struct LatestFinished {
    Id attempt = 0;
    std::string content_hash;
};

struct DifferingOverride {
    Disagreement disagreement;
    Id trainee = 0;                                  // whose attempt (for the reader's access)
};

class ReportRows {
public:
    virtual ~ReportRows() = default;
    // The effective verdicts of every attempt of `person`, by attempt, then verdict id.
    virtual std::vector<JudgedRow> person_verdicts(Id person) = 0;
    // The effective verdicts of one attempt, in verdict order (criterion and met only).
    virtual std::vector<JudgedRow> attempt_verdicts(Id attempt) = 0;
    // The expert scaling of the version played, else of the latest version known.
    virtual ExpertScale expert_scale(const std::string& scenario, const std::string& content_hash) = 0;
    // The latest scaling number answered in an attempt (only scaling answers carry one).
    virtual std::optional<int> latest_scaling(Id attempt) = 0;
    // The cohort's trainees, by name (case-insensitive).
    virtual std::vector<Person> cohort_trainees(Id cohort) = 0;
    // The person's attempts counted per scenario.
    virtual std::vector<ScenarioTally> scenario_tallies(Id person) = 0;
    // The latest finished attempt of (person, scenario).
    virtual std::optional<LatestFinished> latest_finished(Id person, const std::string& scenario) = 0;
    // The latest override of each verdict, where it differs from the assessor;
    // by criterion, then time, then override id.
    virtual std::vector<DifferingOverride> differing_overrides() = 0;
};

// The three reports, access-checked through `store` and built from `rows`.
TraineeReport build_trainee_report(Store& store, ReportRows& rows, const Actor& who, const std::string& trainee);
CohortReport build_cohort_report(Store& store, ReportRows& rows, const Actor& who, const std::string& cohort);
DisagreementReport build_disagreement_report(Store& store, ReportRows& rows, const Actor& who);

// Throws StoreError (Denied, NotFound) like the store.
TraineeReport trainee_report(Store& store, const Actor& who, const std::string& trainee);
CohortReport cohort_report(Store& store, const Actor& who, const std::string& cohort);
DisagreementReport disagreement_report(Store& store, const Actor& who);

// Criterion ids to their names in words ("DS-WHO" -> "Says who is worried"),
// from the practice guidance (play/verdicts.hpp: criterion_names).
using CriterionNames = std::map<std::string, std::string>;

// JSON (pretty, 2-space indent) and CSV (RFC 4180: comma, CRLF-free "\n"
// lines, fields quoted when they hold a comma, quote or line break).
// The CSV is for spreadsheets: times are ISO 8601 in the local time zone,
// each criterion id has its name beside it, and no cell can be read as a
// formula (see csv_field). The command line and the dashboard both write it.
std::string to_json(const TraineeReport& r);
std::string to_json(const CohortReport& r);
std::string to_json(const DisagreementReport& r);
std::string to_csv(const TraineeReport& r, const CriterionNames& names = {});    // one row per attempt and criterion
std::string to_csv(const CohortReport& r, const CriterionNames& names = {});     // one row per trainee and scenario
std::string to_csv(const DisagreementReport& r, const CriterionNames& names = {});  // one row per override

// One CSV field, quoted when needed. A cell that begins with = + - @ tab or
// carriage return (which a spreadsheet may run as a formula) is given a
// leading apostrophe, unless it is a plain number such as -2.
std::string csv_field(const std::string& s);

// "2026-11-23T10:00:01+00:00": a store time in ISO 8601, local time zone.
std::string iso_local(std::int64_t ms);

}  // namespace sofs::progress
