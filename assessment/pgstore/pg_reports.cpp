// Progress reports on PostgreSQL: the same three reports as the SQLite
// store's (report.hpp has their types, JSON and CSV, shared), read through
// row-level security as well as the Actor's checks.
#include "pg_internal.hpp"

#include "progress/report.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace sofs::progress {

namespace {

struct ExpertScale {
    std::optional<int> expert, low, high;
};

std::optional<int> opt_int(const Result& r, int row, int col) {
    if (r.null(row, col)) return std::nullopt;
    return static_cast<int>(r.i64(row, col));
}

ExpertScale expert_of(PgStore::Impl& db, const std::string& scenario, const std::string& hash) {
    // The version played, else the latest version known.
    Result r = db.exec("SELECT expert_scaling, scaling_low, scaling_high FROM scenario_versions WHERE scenario = $1 "
                       "ORDER BY content_hash = $2 DESC, first_seen_ms DESC LIMIT 1",
                       {scenario, hash});
    if (r.rows() == 0) return {};
    return {opt_int(r, 0, 0), opt_int(r, 0, 1), opt_int(r, 0, 2)};
}

// The latest scaling number given in an attempt (only scaling answers carry one).
std::optional<int> scaling_of(PgStore::Impl& db, Id attempt) {
    Result r = db.exec("SELECT (answer->>'number')::int FROM events WHERE attempt = $1 AND kind = 'answer' "
                       "AND (answer->>'number')::int >= 0 ORDER BY step DESC LIMIT 1",
                       {s(attempt)});
    if (r.rows() == 0) return std::nullopt;
    return opt_int(r, 0, 0);
}

}  // namespace

TraineeReport PgStore::trainee_report(const Actor& who, const std::string& trainee) {
    auto person = find_person(trainee);
    if (!person) throw StoreError(K::NotFound, "there is no one called '" + trainee + "' in " + path());
    if (!may_see(who, person->id)) throw StoreError(K::Denied, who.name + " may not see " + person->name + "'s work");
    TraineeReport r;
    r.trainee = *person;
    auto attempts = this->attempts(who, person->id);
    Impl& db = *impl_;
    struct Judged {
        std::string task, criterion;
        bool met, overruled;
    };
    std::map<Id, std::vector<Judged>> judged;
    Result j = db.exec("SELECT v.attempt, v.task, v.criterion, v.effective_met, v.overruled FROM effective_verdicts v "
                       "JOIN attempts a ON a.id = v.attempt WHERE a.person = $1 ORDER BY v.attempt, v.id",
                       {s(person->id)});
    for (int i = 0; i < j.rows(); ++i)
        judged[j.i64(i, 0)].push_back({j.text(i, 1), j.text(i, 2), j.boolean(i, 3), j.boolean(i, 4)});
    for (const auto& a : attempts) {
        AttemptLine line;
        line.attempt = a;
        for (const auto& v : judged[a.id]) {
            ++line.criteria_judged;
            if (v.met) ++line.criteria_met;
            else line.missed.push_back(v.criterion);
        }
        line.scaling = scaling_of(db, a.id);
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
        for (const auto& v : judged[a->id])
            r.criteria_over_time.push_back({a->id, a->scenario, *a->finished_ms, v.task, v.criterion, v.met, v.overruled});
    return r;
}

CohortReport PgStore::cohort_report(const Actor& who, const std::string& cohort) {
    if (who.role == Role::Trainee) throw StoreError(K::Denied, "a trainee sees only their own work, not a cohort's report");
    auto c = find_cohort(who, cohort);
    if (!c) {
        if (who.role != Role::Admin && find_cohort(Actor::system(), cohort))
            throw StoreError(K::Denied, who.name + " is not a trainer of the cohort '" + cohort + "'");
        throw StoreError(K::NotFound, "there is no cohort called '" + cohort + "' in " + path());
    }
    Impl& db = *impl_;
    CohortReport r;
    r.cohort = *c;
    Result t = db.exec("SELECT p.id, p.name, p.team, p.agency, p.created_ms FROM people p "
                       "JOIN cohort_members m ON m.person = p.id WHERE m.cohort = $1 AND p.role = 'trainee' "
                       "ORDER BY lower(p.name)",
                       {s(c->id)});
    std::vector<Person> trainees;
    for (int i = 0; i < t.rows(); ++i) {
        Person p;
        p.id = t.i64(i, 0);
        p.name = t.text(i, 1);
        p.team = t.text(i, 2);
        p.agency = t.boolean(i, 3);
        p.has_password = true;
        p.created_ms = t.i64(i, 4);
        trainees.push_back(p);
    }
    std::set<std::string> assigned(c->scenarios.begin(), c->scenarios.end());
    std::map<std::string, CriterionMisses> misses;
    std::map<std::string, ScalingSpread> spreads;
    for (const auto& trainee : trainees) {
        std::map<std::string, CohortTraineeLine> lines;
        for (const auto& sc : assigned) lines[sc].scenario = sc;
        Result per = db.exec("SELECT scenario, count(*), count(*) FILTER (WHERE status = 'finished'), max(finished_ms) "
                             "FROM attempts WHERE person = $1 GROUP BY scenario",
                             {s(trainee.id)});
        for (int i = 0; i < per.rows(); ++i) {
            auto& l = lines[per.text(i, 0)];
            l.scenario = per.text(i, 0);
            l.attempts = static_cast<int>(per.i64(i, 1));
            l.finished = static_cast<int>(per.i64(i, 2));
            l.last_finished_ms = per.opt(i, 3);
        }
        for (auto& [scenario, l] : lines) {
            l.trainee = trainee;
            l.assigned = assigned.count(scenario) > 0;
            if (l.finished > 0) {
                Result latest = db.exec("SELECT id, content_hash FROM attempts WHERE person = $1 AND scenario = $2 AND "
                                        "status = 'finished' ORDER BY finished_ms DESC, id DESC LIMIT 1",
                                        {s(trainee.id), scenario});
                if (latest.rows() > 0) {
                    Id a = latest.i64(0, 0);
                    auto e = expert_of(db, scenario, latest.text(0, 1));
                    l.expert_scaling = e.expert;
                    Result judged = db.exec("SELECT criterion, effective_met FROM effective_verdicts WHERE attempt = $1 "
                                            "ORDER BY id",
                                            {s(a)});
                    for (int i = 0; i < judged.rows(); ++i) {
                        auto& m = misses[judged.text(i, 0)];
                        m.criterion = judged.text(i, 0);
                        ++m.judged;
                        ++l.criteria_judged;
                        if (judged.boolean(i, 1)) {
                            ++l.criteria_met;
                        } else {
                            ++m.missed;
                            l.missed.push_back(judged.text(i, 0));
                        }
                    }
                    l.scaling = scaling_of(db, a);
                    auto& sp = spreads[scenario];
                    sp.scenario = scenario;
                    sp.expert = e.expert;
                    sp.low = e.low;
                    sp.high = e.high;
                    if (l.scaling) {
                        sp.numbers.push_back(*l.scaling);
                        if (e.low && *l.scaling < *e.low) ++sp.below;
                        else if (e.high && *l.scaling > *e.high) ++sp.above;
                        else ++sp.in_range;
                    }
                }
            }
            r.lines.push_back(l);
        }
    }
    for (auto& [k, m] : misses) r.most_missed.push_back(m);
    std::stable_sort(r.most_missed.begin(), r.most_missed.end(), [](const CriterionMisses& a, const CriterionMisses& b) {
        if (a.missed != b.missed) return a.missed > b.missed;
        return a.missed * b.judged > b.missed * a.judged;
    });
    for (auto& [k, sp] : spreads) {
        std::sort(sp.numbers.begin(), sp.numbers.end());
        r.scaling.push_back(sp);
    }
    return r;
}

DisagreementReport PgStore::disagreement_report(const Actor& who) {
    if (who.role == Role::Trainee) throw StoreError(K::Denied, "only trainers and administrators see this report");
    // The latest override of each verdict, where it differs from the assessor.
    Result r = impl_->exec(
        "SELECT o.id, v.attempt, p.name, t.name, a.scenario, v.task, v.criterion, o.reason, v.met, o.met, o.at_ms, "
        "a.person FROM overrides o JOIN verdicts v ON v.id = o.verdict JOIN attempts a ON a.id = v.attempt "
        "JOIN people p ON p.id = a.person JOIN people t ON t.id = o.trainer "
        "WHERE o.id = (SELECT o2.id FROM overrides o2 WHERE o2.verdict = o.verdict ORDER BY o2.at_ms DESC, o2.id DESC "
        "LIMIT 1) AND o.met <> v.met ORDER BY v.criterion, o.at_ms, o.id");
    std::map<Id, bool> visible;
    std::map<std::string, CriterionDisagreements> by;
    for (int i = 0; i < r.rows(); ++i) {
        Id person = r.i64(i, 11);
        if (!visible.count(person)) visible[person] = may_see(who, person);
        if (!visible[person]) continue;
        Disagreement d{r.i64(i, 0),  r.i64(i, 1),  r.text(i, 2),    r.text(i, 3),    r.text(i, 4), r.text(i, 5),
                       r.text(i, 6), r.text(i, 7), r.boolean(i, 8), r.boolean(i, 9), r.i64(i, 10)};
        auto& c = by[d.criterion];
        c.criterion = d.criterion;
        ++c.overruled;
        if (d.assessor_met) ++c.assessor_met_trainer_not;
        else ++c.assessor_not_trainer_met;
        c.cases.push_back(std::move(d));
    }
    DisagreementReport out;
    for (auto& [k, c] : by) out.by_criterion.push_back(std::move(c));
    std::stable_sort(out.by_criterion.begin(), out.by_criterion.end(),
                     [](const auto& a, const auto& b) { return a.overruled > b.overruled; });
    return out;
}

}  // namespace sofs::progress
