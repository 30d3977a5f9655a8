// Progress reports: a trainee over time, a cohort at a glance, and the
// criteria on which trainers overrule the assessor; as JSON and as CSV.
#include "report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

using json = nlohmann::json;

namespace sofs::progress {

namespace {

using K = StoreError::Kind;

json opt(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }
json opt(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

std::string num(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); }
std::string when(const std::optional<std::int64_t>& ms) { return ms ? iso_local(*ms) : std::string(); }
std::string name_of(const CriterionNames& names, const std::string& id) {
    auto it = names.find(id);
    return it == names.end() ? std::string() : it->second;
}
// "DS-WHO (Says who is worried); SG-OVER-TIME (...)"
std::string named_list(const std::vector<std::string>& ids, const CriterionNames& names) {
    std::string out;
    for (const auto& id : ids) {
        std::string n = name_of(names, id);
        out += (out.empty() ? "" : "; ") + id + (n.empty() ? "" : " (" + n + ")");
    }
    return out;
}

std::string row(std::initializer_list<std::string> fields) {
    std::string out;
    bool first = true;
    for (const auto& f : fields) {
        if (!first) out += ',';
        out += csv_field(f);
        first = false;
    }
    return out + "\n";
}

}  // namespace

namespace {
bool plain_number(const std::string& s) {
    std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    if (i >= s.size()) return false;
    bool digits = false, dot = false;
    for (; i < s.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(s[i]))) digits = true;
        else if (s[i] == '.' && !dot) dot = true;
        else return false;
    }
    return digits;
}
}  // namespace

std::string iso_local(std::int64_t ms) {
    std::string t = format_time(ms, "%Y-%m-%dT%H:%M:%S%z", true);  // ...+0100
    if (t.size() >= 5) t.insert(t.size() - 2, ":");                 // ...+01:00
    return t;
}

std::string csv_field(const std::string& raw) {
    std::string s = raw;
    if (!s.empty() && std::string("=+-@\t\r").find(s[0]) != std::string::npos && !plain_number(s)) s = "'" + s;
    if (s.find_first_of(",\"\r\n\t") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// ---------------------------------------------------------------- one trainee

TraineeReport trainee_report(Store& store, const Actor& who, const std::string& trainee) {
    return store.trainee_report(who, trainee);
}

TraineeReport build_trainee_report(Store& store, ReportRows& rows, const Actor& who, const std::string& trainee) {
    auto person = store.find_person(trainee);
    if (!person) throw StoreError(K::NotFound, "there is no one called '" + trainee + "' in '" + store.path() + "'");
    if (!store.may_see(who, person->id))
        throw StoreError(K::Denied, who.name + " may not see " + person->name + "'s work");
    TraineeReport r;
    r.trainee = *person;
    auto attempts = store.attempts(who, person->id);
    std::map<Id, std::vector<JudgedRow>> judged;
    for (auto& j : rows.person_verdicts(person->id)) judged[j.attempt].push_back(std::move(j));
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
        line.scaling = rows.latest_scaling(a.id);
        ExpertScale e = rows.expert_scale(a.scenario, a.content_hash);
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


std::string to_json(const TraineeReport& r) {
    json out;
    out["trainee"] = {{"name", r.trainee.name}, {"team", r.trainee.team}, {"agency_staff", r.trainee.agency}};
    out["time_spent_ms"] = r.time_spent_ms;
    json attempts = json::array();
    for (const auto& l : r.attempts) {
        const Attempt& a = l.attempt;
        json ja = {{"id", a.id}, {"scenario", a.scenario}, {"content_hash", a.content_hash},
                   {"started_ms", a.started_ms}, {"finished_ms", opt(a.finished_ms)},
                   {"status", to_string(a.status)}, {"ending", a.ending}, {"time_spent_ms", a.time_spent_ms},
                   {"criteria_met", l.criteria_met}, {"criteria_judged", l.criteria_judged}, {"missed", l.missed}};
        ja["scaling"] = {{"trainee", opt(l.scaling)}, {"expert", opt(l.expert_scaling)},
                         {"low", opt(l.scaling_low)}, {"high", opt(l.scaling_high)}};
        if (l.scaling && l.expert_scaling) ja["scaling"]["difference"] = *l.scaling - *l.expert_scaling;
        attempts.push_back(ja);
    }
    out["attempts"] = attempts;
    json points = json::array();
    for (const auto& p : r.criteria_over_time)
        points.push_back({{"attempt", p.attempt}, {"scenario", p.scenario}, {"finished_ms", p.finished_ms},
                          {"task", p.task}, {"criterion", p.criterion}, {"met", p.met}, {"overruled", p.overruled}});
    out["criteria_over_time"] = points;
    return out.dump(2) + "\n";
}

std::string to_csv(const TraineeReport& r, const CriterionNames& names) {
    std::string out = row({"trainee", "team", "agency_staff", "attempt", "scenario", "status", "started",
                           "finished", "ending", "time_spent_s", "task", "criterion", "criterion_name", "met",
                           "overruled", "scaling", "expert_scaling"});
    std::map<Id, std::vector<const CriterionPoint*>> points;
    for (const auto& p : r.criteria_over_time) points[p.attempt].push_back(&p);
    for (const auto& l : r.attempts) {
        const Attempt& a = l.attempt;
        auto base = [&](const std::string& task, const std::string& crit, const std::string& met,
                        const std::string& over) {
            return row({r.trainee.name, r.trainee.team, r.trainee.agency ? "yes" : "no", std::to_string(a.id),
                        a.scenario, to_string(a.status), iso_local(a.started_ms), when(a.finished_ms), a.ending,
                        std::to_string(a.time_spent_ms / 1000), task, crit, name_of(names, crit), met, over,
                        num(l.scaling), num(l.expert_scaling)});
        };
        auto it = points.find(a.id);
        if (it == points.end()) {
            out += base("", "", "", "");
            continue;
        }
        for (const CriterionPoint* p : it->second)
            out += base(p->task, p->criterion, p->met ? "yes" : "no", p->overruled ? "yes" : "no");
    }
    return out;
}

// ---------------------------------------------------------------- one cohort

CohortReport cohort_report(Store& store, const Actor& who, const std::string& cohort) {
    return store.cohort_report(who, cohort);
}

namespace {

// Counts one trainee's latest finished attempt at a scenario into their line,
// the cohort's misses and the scenario's spread of scaling numbers.
void count_latest(ReportRows& rows, Id person, CohortTraineeLine& l, std::map<std::string, CriterionMisses>& misses,
                  std::map<std::string, ScalingSpread>& spreads) {
    auto latest = rows.latest_finished(person, l.scenario);
    if (!latest) return;
    ExpertScale e = rows.expert_scale(l.scenario, latest->content_hash);
    l.expert_scaling = e.expert;
    for (const auto& j : rows.attempt_verdicts(latest->attempt)) {
        auto& m = misses[j.criterion];
        m.criterion = j.criterion;
        ++m.judged;
        ++l.criteria_judged;
        if (j.met) {
            ++l.criteria_met;
        } else {
            ++m.missed;
            l.missed.push_back(j.criterion);
        }
    }
    l.scaling = rows.latest_scaling(latest->attempt);
    auto& sp = spreads[l.scenario];
    sp.scenario = l.scenario;
    sp.expert = e.expert;
    sp.low = e.low;
    sp.high = e.high;
    if (!l.scaling) return;
    sp.numbers.push_back(*l.scaling);
    if (e.low && *l.scaling < *e.low)
        ++sp.below;
    else if (e.high && *l.scaling > *e.high)
        ++sp.above;
    else
        ++sp.in_range;
}

}  // namespace

CohortReport build_cohort_report(Store& store, ReportRows& rows, const Actor& who, const std::string& cohort) {
    if (who.role == Role::Trainee)
        throw StoreError(K::Denied, "a trainee sees only their own work, not a cohort's report");
    auto c = store.find_cohort(who, cohort);
    if (!c) {
        if (who.role != Role::Admin && store.find_cohort(Actor::system(), cohort))
            throw StoreError(K::Denied, who.name + " is not a trainer of the cohort '" + cohort + "'");
        throw StoreError(K::NotFound, "there is no cohort called '" + cohort + "' in '" + store.path() + "'");
    }
    CohortReport r;
    r.cohort = *c;
    std::set<std::string> assigned(c->scenarios.begin(), c->scenarios.end());
    std::map<std::string, CriterionMisses> misses;
    std::map<std::string, ScalingSpread> spreads;
    for (const auto& t : rows.cohort_trainees(c->id)) {
        std::map<std::string, CohortTraineeLine> lines;
        for (const auto& s : assigned) lines[s].scenario = s;
        for (const auto& tally : rows.scenario_tallies(t.id)) {
            auto& l = lines[tally.scenario];
            l.scenario = tally.scenario;
            l.attempts = tally.attempts;
            l.finished = tally.finished;
            l.last_finished_ms = tally.last_finished_ms;
        }
        for (auto& [scenario, l] : lines) {
            l.trainee = t;
            l.assigned = assigned.count(scenario) > 0;
            if (l.finished > 0) count_latest(rows, t.id, l, misses, spreads);
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


std::string to_json(const CohortReport& r) {
    json out;
    out["cohort"] = {{"name", r.cohort.name}, {"kind", to_string(r.cohort.kind)}, {"scenarios", r.cohort.scenarios},
                     {"trainers", r.cohort.trainers}};
    json trainees = json::array();
    std::map<std::string, std::size_t> at;
    for (const auto& l : r.lines) {
        if (!at.count(l.trainee.name)) {
            at[l.trainee.name] = trainees.size();
            trainees.push_back({{"name", l.trainee.name}, {"team", l.trainee.team},
                                {"agency_staff", l.trainee.agency}, {"scenarios", json::array()}});
        }
        json s = {{"scenario", l.scenario}, {"assigned", l.assigned}, {"attempts", l.attempts},
                  {"finished", l.finished}, {"last_finished_ms", opt(l.last_finished_ms)},
                  {"criteria_met", l.criteria_met}, {"criteria_judged", l.criteria_judged}, {"missed", l.missed},
                  {"scaling", opt(l.scaling)}, {"expert_scaling", opt(l.expert_scaling)}};
        trainees[at[l.trainee.name]]["scenarios"].push_back(s);
    }
    out["trainees"] = trainees;
    json missed = json::array();
    for (const auto& m : r.most_missed)
        missed.push_back({{"criterion", m.criterion}, {"missed", m.missed}, {"judged", m.judged},
                          {"share_missed", m.judged ? double(m.missed) / m.judged : 0.0}});
    out["most_missed"] = missed;
    json scaling = json::array();
    for (const auto& s : r.scaling) {
        json js = {{"scenario", s.scenario}, {"expert", opt(s.expert)}, {"low", opt(s.low)}, {"high", opt(s.high)},
                   {"numbers", s.numbers}, {"in_range", s.in_range}, {"above", s.above}, {"below", s.below}};
        if (!s.numbers.empty()) {
            js["min"] = s.numbers.front();
            js["max"] = s.numbers.back();
            std::size_t n = s.numbers.size();
            js["median"] = n % 2 ? double(s.numbers[n / 2]) : (s.numbers[n / 2 - 1] + s.numbers[n / 2]) / 2.0;
        }
        scaling.push_back(js);
    }
    out["scaling"] = scaling;
    return out.dump(2) + "\n";
}

std::string to_csv(const CohortReport& r, const CriterionNames& names) {
    std::string out = row({"cohort", "trainee", "team", "agency_staff", "scenario", "assigned", "attempts",
                           "finished", "last_finished", "criteria_met", "criteria_judged", "missed", "scaling",
                           "expert_scaling"});
    for (const auto& l : r.lines)
        out += row({r.cohort.name, l.trainee.name, l.trainee.team, l.trainee.agency ? "yes" : "no", l.scenario,
                    l.assigned ? "yes" : "no", std::to_string(l.attempts), std::to_string(l.finished),
                    when(l.last_finished_ms), std::to_string(l.criteria_met), std::to_string(l.criteria_judged),
                    named_list(l.missed, names), num(l.scaling), num(l.expert_scaling)});
    return out;
}

// ---------------------------------------------------------------- disagreements

DisagreementReport disagreement_report(Store& store, const Actor& who) {
    return store.disagreement_report(who);
}

DisagreementReport build_disagreement_report(Store& store, ReportRows& rows, const Actor& who) {
    if (who.role == Role::Trainee) throw StoreError(K::Denied, "only trainers and administrators see this report");
    std::map<Id, bool> visible;
    std::map<std::string, CriterionDisagreements> by;
    for (auto& o : rows.differing_overrides()) {
        if (!visible.count(o.trainee)) visible[o.trainee] = store.may_see(who, o.trainee);
        if (!visible[o.trainee]) continue;
        Disagreement& d = o.disagreement;
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


std::string to_json(const DisagreementReport& r) {
    json out = json::array();
    for (const auto& c : r.by_criterion) {
        json cases = json::array();
        for (const auto& d : c.cases)
            cases.push_back({{"attempt", d.attempt}, {"trainee", d.trainee}, {"trainer", d.trainer},
                             {"scenario", d.scenario}, {"task", d.task}, {"assessor_met", d.assessor_met},
                             {"trainer_met", d.trainer_met}, {"reason", d.reason}, {"at_ms", d.at_ms}});
        out.push_back({{"criterion", c.criterion}, {"overruled", c.overruled},
                       {"assessor_met_trainer_not", c.assessor_met_trainer_not},
                       {"assessor_not_met_trainer_met", c.assessor_not_trainer_met}, {"cases", cases}});
    }
    return json{{"disagreements", out}}.dump(2) + "\n";
}

std::string to_csv(const DisagreementReport& r, const CriterionNames& names) {
    std::string out = row({"criterion", "criterion_name", "attempt", "trainee", "trainer", "scenario", "task",
                           "assessor_met", "trainer_met", "reason", "at"});
    for (const auto& c : r.by_criterion)
        for (const auto& d : c.cases)
            out += row({c.criterion, name_of(names, c.criterion), std::to_string(d.attempt), d.trainee, d.trainer,
                        d.scenario, d.task, d.assessor_met ? "yes" : "no", d.trainer_met ? "yes" : "no", d.reason,
                        iso_local(d.at_ms)});
    return out;
}

}  // namespace sofs::progress
