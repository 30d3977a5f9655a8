// Progress reports on SQLite: the rows the reports are built from, read in
// this engine's SQL. What a report counts, its order and who may see it are
// in report.cpp (build_*_report), shared by every implementation.
#include "sqlite_store.hpp"

namespace sofs::progress {

namespace {

class SqliteReportRows final : public ReportRows {
public:
    explicit SqliteReportRows(sql::Database& db) : db_(db) {}

    std::vector<JudgedRow> person_verdicts(Id person) override {
        sql::Statement st(db_,
                          "SELECT v.attempt, v.task, v.criterion, v.effective_met, v.overruled FROM effective_verdicts v "
                          "JOIN attempts a ON a.id = v.attempt WHERE a.person = ?1 ORDER BY v.attempt, v.id");
        st.bind(1, person);
        std::vector<JudgedRow> out;
        while (st.step()) out.push_back({st.i64(0), st.text(1), st.text(2), st.i64(3) != 0, st.i64(4) != 0});
        return out;
    }

    std::vector<JudgedRow> attempt_verdicts(Id attempt) override {
        judged_.reset();
        judged_.bind(1, attempt);
        std::vector<JudgedRow> out;
        while (judged_.step()) out.push_back({attempt, "", judged_.text(0), judged_.i64(1) != 0, false});
        return out;
    }

    ExpertScale expert_scale(const std::string& scenario, const std::string& hash) override {
        expert_.reset();
        expert_.bind(1, scenario).bind(2, hash);
        if (!expert_.step()) return {};
        return {expert_.opt_int(0), expert_.opt_int(1), expert_.opt_int(2)};
    }

    std::optional<int> latest_scaling(Id attempt) override {
        scaling_.reset();
        scaling_.bind(1, attempt);
        if (!scaling_.step() || scaling_.is_null(0)) return std::nullopt;
        return scaling_.i32(0);
    }

    std::vector<Person> cohort_trainees(Id cohort) override {
        sql::Statement st(db_,
                          "SELECT p.id, p.name, p.team, p.agency, p.password_hash IS NOT NULL, p.created_ms "
                          "FROM people p JOIN cohort_members m ON m.person = p.id WHERE m.cohort = ?1 "
                          "AND p.role = 'trainee' ORDER BY p.name COLLATE NOCASE");
        st.bind(1, cohort);
        std::vector<Person> out;
        while (st.step()) {
            Person p;
            p.id = st.i64(0);
            p.name = st.text(1);
            p.role = Role::Trainee;
            p.team = st.text(2);
            p.agency = st.i64(3) != 0;
            p.has_password = st.i64(4) != 0;
            p.created_ms = st.i64(5);
            out.push_back(p);
        }
        return out;
    }

    std::vector<ScenarioTally> scenario_tallies(Id person) override {
        tallies_.reset();
        tallies_.bind(1, person);
        std::vector<ScenarioTally> out;
        while (tallies_.step())
            out.push_back({tallies_.text(0), tallies_.i32(1), tallies_.i32(2), tallies_.opt_i64(3)});
        return out;
    }

    std::optional<LatestFinished> latest_finished(Id person, const std::string& scenario) override {
        latest_.reset();
        latest_.bind(1, person).bind(2, scenario);
        if (!latest_.step()) return std::nullopt;
        return LatestFinished{latest_.i64(0), latest_.text(1)};
    }

    std::vector<DifferingOverride> differing_overrides() override {
        sql::Statement st(db_,
                          "SELECT o.id, v.attempt, p.name, t.name, a.scenario, v.task, v.criterion, o.reason, v.met, "
                          "o.met, o.at_ms, a.person FROM overrides o JOIN verdicts v ON v.id = o.verdict "
                          "JOIN attempts a ON a.id = v.attempt JOIN people p ON p.id = a.person "
                          "JOIN people t ON t.id = o.trainer "
                          "WHERE o.id = (SELECT o2.id FROM overrides o2 WHERE o2.verdict = o.verdict "
                          "              ORDER BY o2.at_ms DESC, o2.id DESC LIMIT 1) AND o.met != v.met "
                          "ORDER BY v.criterion, o.at_ms, o.id");
        std::vector<DifferingOverride> out;
        while (st.step())
            out.push_back({Disagreement{st.i64(0), st.i64(1), st.text(2), st.text(3), st.text(4), st.text(5),
                                        st.text(6), st.text(7), st.i64(8) != 0, st.i64(9) != 0, st.i64(10)},
                           st.i64(11)});
        return out;
    }

private:
    sql::Database& db_;
    sql::Statement judged_{db_, "SELECT criterion, effective_met FROM effective_verdicts WHERE attempt = ?1 ORDER BY id"};
    // The version played, else the latest version known.
    sql::Statement expert_{db_,
                           "SELECT expert_scaling, scaling_low, scaling_high FROM scenario_versions WHERE scenario = ?1 "
                           "ORDER BY content_hash = ?2 DESC, first_seen_ms DESC LIMIT 1"};
    sql::Statement scaling_{db_,
                            "SELECT json_extract(answer, '$.number') FROM events WHERE attempt = ?1 AND kind = 'answer' "
                            "AND json_extract(answer, '$.number') >= 0 ORDER BY step DESC LIMIT 1"};
    sql::Statement tallies_{db_,
                            "SELECT scenario, count(*), sum(status = 'finished'), max(finished_ms) FROM attempts "
                            "WHERE person = ?1 GROUP BY scenario"};
    sql::Statement latest_{db_,
                           "SELECT id, content_hash FROM attempts WHERE person = ?1 AND scenario = ?2 AND "
                           "status = 'finished' ORDER BY finished_ms DESC, id DESC LIMIT 1"};
};

}  // namespace

TraineeReport SqliteStore::trainee_report(const Actor& who, const std::string& trainee) {
    SqliteReportRows rows(*impl_->db);
    return build_trainee_report(*this, rows, who, trainee);
}

CohortReport SqliteStore::cohort_report(const Actor& who, const std::string& cohort) {
    SqliteReportRows rows(*impl_->db);
    return build_cohort_report(*this, rows, who, cohort);
}

DisagreementReport SqliteStore::disagreement_report(const Actor& who) {
    SqliteReportRows rows(*impl_->db);
    return build_disagreement_report(*this, rows, who);
}

}  // namespace sofs::progress
