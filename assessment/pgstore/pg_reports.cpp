// Progress reports on PostgreSQL: the rows the reports are built from, read
// in this engine's SQL (through row-level security as well as the Actor's
// checks). What a report counts, its order and who may see it are in
// progress/report.cpp (build_*_report), shared with the SQLite store.
#include "pg_internal.hpp"

#include "progress/report.hpp"

namespace sofs::progress {

namespace {

std::optional<int> opt_int(const Result& r, int row, int col) {
    if (r.null(row, col)) return std::nullopt;
    return static_cast<int>(r.i64(row, col));
}

class PgReportRows final : public ReportRows {
public:
    explicit PgReportRows(PgStore::Impl& db) : db_(db) {}

    std::vector<JudgedRow> person_verdicts(Id person) override {
        Result r = db_.exec("SELECT v.attempt, v.task, v.criterion, v.effective_met, v.overruled FROM effective_verdicts v "
                            "JOIN attempts a ON a.id = v.attempt WHERE a.person = $1 ORDER BY v.attempt, v.id",
                            {s(person)});
        std::vector<JudgedRow> out;
        for (int i = 0; i < r.rows(); ++i)
            out.push_back({r.i64(i, 0), r.text(i, 1), r.text(i, 2), r.boolean(i, 3), r.boolean(i, 4)});
        return out;
    }

    std::vector<JudgedRow> attempt_verdicts(Id attempt) override {
        Result r = db_.exec("SELECT criterion, effective_met FROM effective_verdicts WHERE attempt = $1 ORDER BY id",
                            {s(attempt)});
        std::vector<JudgedRow> out;
        for (int i = 0; i < r.rows(); ++i) out.push_back({attempt, "", r.text(i, 0), r.boolean(i, 1), false});
        return out;
    }

    ExpertScale expert_scale(const std::string& scenario, const std::string& hash) override {
        // The version played, else the latest version known.
        Result r = db_.exec("SELECT expert_scaling, scaling_low, scaling_high FROM scenario_versions WHERE scenario = $1 "
                            "ORDER BY content_hash = $2 DESC, first_seen_ms DESC LIMIT 1",
                            {scenario, hash});
        if (r.rows() == 0) return {};
        return {opt_int(r, 0, 0), opt_int(r, 0, 1), opt_int(r, 0, 2)};
    }

    std::optional<int> latest_scaling(Id attempt) override {
        Result r = db_.exec("SELECT (answer->>'number')::int FROM events WHERE attempt = $1 AND kind = 'answer' "
                            "AND (answer->>'number')::int >= 0 ORDER BY step DESC LIMIT 1",
                            {s(attempt)});
        if (r.rows() == 0) return std::nullopt;
        return opt_int(r, 0, 0);
    }

    std::vector<Person> cohort_trainees(Id cohort) override {
        Result t = db_.exec("SELECT p.id, p.name, p.team, p.agency, p.created_ms FROM people p "
                            "JOIN cohort_members m ON m.person = p.id WHERE m.cohort = $1 AND p.role = 'trainee' "
                            "ORDER BY lower(p.name)",
                            {s(cohort)});
        std::vector<Person> out;
        for (int i = 0; i < t.rows(); ++i) {
            Person p;
            p.id = t.i64(i, 0);
            p.name = t.text(i, 1);
            p.role = Role::Trainee;
            p.team = t.text(i, 2);
            p.agency = t.boolean(i, 3);
            p.has_password = true;   // every PostgreSQL sign-in is a server role with a password
            p.created_ms = t.i64(i, 4);
            out.push_back(p);
        }
        return out;
    }

    std::vector<ScenarioTally> scenario_tallies(Id person) override {
        Result r = db_.exec("SELECT scenario, count(*), count(*) FILTER (WHERE status = 'finished'), max(finished_ms) "
                            "FROM attempts WHERE person = $1 GROUP BY scenario",
                            {s(person)});
        std::vector<ScenarioTally> out;
        for (int i = 0; i < r.rows(); ++i)
            out.push_back({r.text(i, 0), static_cast<int>(r.i64(i, 1)), static_cast<int>(r.i64(i, 2)), r.opt(i, 3)});
        return out;
    }

    std::optional<LatestFinished> latest_finished(Id person, const std::string& scenario) override {
        Result r = db_.exec("SELECT id, content_hash FROM attempts WHERE person = $1 AND scenario = $2 AND "
                            "status = 'finished' ORDER BY finished_ms DESC, id DESC LIMIT 1",
                            {s(person), scenario});
        if (r.rows() == 0) return std::nullopt;
        return LatestFinished{r.i64(0, 0), r.text(0, 1)};
    }

    std::vector<DifferingOverride> differing_overrides() override {
        Result r = db_.exec(
            "SELECT o.id, v.attempt, p.name, t.name, a.scenario, v.task, v.criterion, o.reason, v.met, o.met, o.at_ms, "
            "a.person FROM overrides o JOIN verdicts v ON v.id = o.verdict JOIN attempts a ON a.id = v.attempt "
            "JOIN people p ON p.id = a.person JOIN people t ON t.id = o.trainer "
            "WHERE o.id = (SELECT o2.id FROM overrides o2 WHERE o2.verdict = o.verdict ORDER BY o2.at_ms DESC, o2.id DESC "
            "LIMIT 1) AND o.met <> v.met ORDER BY v.criterion, o.at_ms, o.id");
        std::vector<DifferingOverride> out;
        for (int i = 0; i < r.rows(); ++i)
            out.push_back({Disagreement{r.i64(i, 0), r.i64(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5),
                                        r.text(i, 6), r.text(i, 7), r.boolean(i, 8), r.boolean(i, 9), r.i64(i, 10)},
                           r.i64(i, 11)});
        return out;
    }

private:
    PgStore::Impl& db_;
};

}  // namespace

TraineeReport PgStore::trainee_report(const Actor& who, const std::string& trainee) {
    PgReportRows rows(*impl_);
    return build_trainee_report(*this, rows, who, trainee);
}

CohortReport PgStore::cohort_report(const Actor& who, const std::string& cohort) {
    PgReportRows rows(*impl_);
    return build_cohort_report(*this, rows, who, cohort);
}

DisagreementReport PgStore::disagreement_report(const Actor& who) {
    PgReportRows rows(*impl_);
    return build_disagreement_report(*this, rows, who);
}

}  // namespace sofs::progress
