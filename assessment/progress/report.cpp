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

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string num(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); }
std::string num(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); }
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
