// Progress reports on SQLite: one trainee over time, one cohort at a glance,
// and where trainers disagree with the assessor (the types, JSON and CSV are
// in report.cpp, shared by every implementation).
#include "sqlite_store.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace sofs::progress {

namespace {

struct ExpertScale {
    std::optional<int> expert, low, high;
};

ExpertScale expert_of(sql::Database& db, const std::string& scenario, const std::string& hash) {
    // The version played, else the latest version known.
    sql::Statement st(db,
                      "SELECT expert_scaling, scaling_low, scaling_high FROM scenario_versions WHERE scenario = ?1 "
                      "ORDER BY content_hash = ?2 DESC, first_seen_ms DESC LIMIT 1");
    st.bind(1, scenario).bind(2, hash);
    if (!st.step()) return {};
    return {st.opt_int(0), st.opt_int(1), st.opt_int(2)};
}

// The latest scaling number given in an attempt (only scaling answers carry a number).
std::optional<int> scaling_of(sql::Statement& st, Id attempt) {
    st.reset();
    st.bind(1, attempt);
    if (!st.step() || st.is_null(0)) return std::nullopt;
    return st.i32(0);
}

const char* kScalingSql =
    "SELECT json_extract(answer, '$.number') FROM events WHERE attempt = ?1 AND kind = 'answer' "
    "AND json_extract(answer, '$.number') >= 0 ORDER BY step DESC LIMIT 1";

}  // namespace

// ---------------------------------------------------------------- one trainee

TraineeReport SqliteStore::trainee_report(const Actor& who, const std::string& trainee) {
    auto person = this->find_person(trainee);
    if (!person) throw StoreError(K::NotFound, "there is no one called '" + trainee + "' in '" + this->path() + "'");
    TraineeReport r;
    r.trainee = *person;
    auto attempts = this->attempts(who, person->id);  // checks access
    sql::Database& db = *impl_->db;

    struct Judged {
        std::string task, criterion;
        bool met, overruled;
    };
    std::map<Id, std::vector<Judged>> judged;
    {
        sql::Statement st(db,
                          "SELECT v.attempt, v.task, v.criterion, v.effective_met, v.overruled FROM effective_verdicts v "
                          "JOIN attempts a ON a.id = v.attempt WHERE a.person = ?1 ORDER BY v.attempt, v.id");
        st.bind(1, person->id);
        while (st.step()) judged[st.i64(0)].push_back({st.text(1), st.text(2), st.i64(3) != 0, st.i64(4) != 0});
    }
    sql::Statement scaling(db, kScalingSql);
    for (const auto& a : attempts) {
        AttemptLine line;
        line.attempt = a;
        for (const auto& j : judged[a.id]) {
            ++line.criteria_judged;
            if (j.met)
                ++line.criteria_met;
            else
                line.missed.push_back(j.criterion);
        }
        line.scaling = scaling_of(scaling, a.id);
        auto e = expert_of(db, a.scenario, a.content_hash);
        line.expert_scaling = e.expert;
        line.scaling_low = e.low;
        line.scaling_high = e.high;
        r.time_spent_ms += a.time_spent_ms;
        r.attempts.push_back(std::move(line));
    }
    std::vector<const Attempt*> finished;
    for (const auto& a : attempts)
        if (a.status == AttemptStatus::Finished) finished.push_back(&a);
    std::stable_sort(finished.begin(), finished.end(),
                     [](const Attempt* x, const Attempt* y) { return *x->finished_ms < *y->finished_ms; });
    for (const Attempt* a : finished)
        for (const auto& j : judged[a->id])
            r.criteria_over_time.push_back({a->id, a->scenario, *a->finished_ms, j.task, j.criterion, j.met, j.overruled});
    return r;
}

// ---------------------------------------------------------------- one cohort

CohortReport SqliteStore::cohort_report(const Actor& who, const std::string& cohort) {
    if (who.role == Role::Trainee)
        throw StoreError(K::Denied, "a trainee sees only their own work, not a cohort's report");
    auto c = this->find_cohort(who, cohort);
    if (!c) {
        if (who.role != Role::Admin && this->find_cohort(Actor::system(), cohort))
            throw StoreError(K::Denied, who.name + " is not a trainer of the cohort '" + cohort + "'");
        throw StoreError(K::NotFound, "there is no cohort called '" + cohort + "' in '" + this->path() + "'");
    }
    sql::Database& db = *impl_->db;
    CohortReport r;
    r.cohort = *c;
    std::vector<Person> trainees;
    {
        sql::Statement st(db,
                          "SELECT p.id, p.name, p.role, p.team, p.agency, p.password_hash IS NOT NULL, p.created_ms "
                          "FROM people p JOIN cohort_members m ON m.person = p.id WHERE m.cohort = ?1 "
                          "AND p.role = 'trainee' ORDER BY p.name COLLATE NOCASE");
        st.bind(1, c->id);
        while (st.step()) {
            Person p;
            p.id = st.i64(0);
            p.name = st.text(1);
            p.role = Role::Trainee;
            p.team = st.text(3);
            p.agency = st.i64(4) != 0;
            p.has_password = st.i64(5) != 0;
            p.created_ms = st.i64(6);
            trainees.push_back(p);
        }
    }
    std::set<std::string> assigned(c->scenarios.begin(), c->scenarios.end());
    sql::Statement per(db,
                       "SELECT scenario, count(*), sum(status = 'finished'), max(finished_ms) FROM attempts "
                       "WHERE person = ?1 GROUP BY scenario");
    sql::Statement latest(db,
                          "SELECT id, content_hash FROM attempts WHERE person = ?1 AND scenario = ?2 AND "
                          "status = 'finished' ORDER BY finished_ms DESC, id DESC LIMIT 1");
    sql::Statement judged(db, "SELECT criterion, effective_met FROM effective_verdicts WHERE attempt = ?1 ORDER BY id");
    sql::Statement scaling(db, kScalingSql);
    std::map<std::string, CriterionMisses> misses;
    std::map<std::string, ScalingSpread> spreads;
    for (const auto& t : trainees) {
        std::map<std::string, CohortTraineeLine> lines;
        for (const auto& s : assigned) lines[s].scenario = s;
        per.reset();
        per.bind(1, t.id);
        while (per.step()) {
            auto& l = lines[per.text(0)];
            l.scenario = per.text(0);
            l.attempts = per.i32(1);
            l.finished = per.i32(2);
            l.last_finished_ms = per.opt_i64(3);
        }
        for (auto& [scenario, l] : lines) {
            l.trainee = t;
            l.assigned = assigned.count(scenario) > 0;
            if (l.finished > 0) {
                latest.reset();
                latest.bind(1, t.id).bind(2, scenario);
                if (latest.step()) {
                    Id a = latest.i64(0);
                    auto e = expert_of(db, scenario, latest.text(1));
                    l.expert_scaling = e.expert;
                    judged.reset();
                    judged.bind(1, a);
                    while (judged.step()) {
                        auto& m = misses[judged.text(0)];
                        m.criterion = judged.text(0);
                        ++m.judged;
                        ++l.criteria_judged;
                        if (judged.i64(1)) {
                            ++l.criteria_met;
                        } else {
                            ++m.missed;
                            l.missed.push_back(judged.text(0));
                        }
                    }
                    l.scaling = scaling_of(scaling, a);
                    auto& sp = spreads[scenario];
                    sp.scenario = scenario;
                    sp.expert = e.expert;
                    sp.low = e.low;
                    sp.high = e.high;
                    if (l.scaling) {
                        sp.numbers.push_back(*l.scaling);
                        if (e.low && *l.scaling < *e.low)
                            ++sp.below;
                        else if (e.high && *l.scaling > *e.high)
                            ++sp.above;
                        else
                            ++sp.in_range;
                    }
                }
            }
            r.lines.push_back(l);
        }
    }
    for (auto& [k, m] : misses) r.most_missed.push_back(m);
    std::stable_sort(r.most_missed.begin(), r.most_missed.end(), [](const CriterionMisses& a, const CriterionMisses& b) {
        // Most missed first; ties by the larger share missed.
        if (a.missed != b.missed) return a.missed > b.missed;
        return a.missed * b.judged > b.missed * a.judged;
    });
    for (auto& [k, s] : spreads) {
        std::sort(s.numbers.begin(), s.numbers.end());
        r.scaling.push_back(s);
    }
    return r;
}

// ---------------------------------------------------------------- disagreements

DisagreementReport SqliteStore::disagreement_report(const Actor& who) {
    if (who.role == Role::Trainee) throw StoreError(K::Denied, "only trainers and administrators see this report");
    sql::Database& db = *impl_->db;
    // The latest override of each verdict, where it differs from the assessor.
    sql::Statement st(db,
                      "SELECT o.id, v.attempt, p.name, t.name, a.scenario, v.task, v.criterion, o.reason, v.met, "
                      "o.met, o.at_ms, a.person FROM overrides o JOIN verdicts v ON v.id = o.verdict "
                      "JOIN attempts a ON a.id = v.attempt JOIN people p ON p.id = a.person "
                      "JOIN people t ON t.id = o.trainer "
                      "WHERE o.id = (SELECT o2.id FROM overrides o2 WHERE o2.verdict = o.verdict "
                      "              ORDER BY o2.at_ms DESC, o2.id DESC LIMIT 1) AND o.met != v.met "
                      "ORDER BY v.criterion, o.at_ms, o.id");
    std::map<Id, bool> visible;
    std::map<std::string, CriterionDisagreements> by;
    while (st.step()) {
        Id person = st.i64(11);
        if (!visible.count(person)) visible[person] = this->may_see(who, person);
        if (!visible[person]) continue;
        Disagreement d{st.i64(0), st.i64(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6),
                       st.text(7), st.i64(8) != 0, st.i64(9) != 0, st.i64(10)};
        auto& c = by[d.criterion];
        c.criterion = d.criterion;
        ++c.overruled;
        if (d.assessor_met)
            ++c.assessor_met_trainer_not;
        else
            ++c.assessor_not_trainer_met;
        c.cases.push_back(std::move(d));
    }
    DisagreementReport r;
    for (auto& [k, c] : by) r.by_criterion.push_back(std::move(c));
    std::stable_sort(r.by_criterion.begin(), r.by_criterion.end(),
                     [](const auto& a, const auto& b) { return a.overruled > b.overruled; });
    return r;
}

}  // namespace sofs::progress
