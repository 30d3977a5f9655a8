// Records: the store calls wrapped so that no exception reaches a screen.
// When the progress library has no code yet (SOFS_HAVE_PROGRESS=0) every call
// fails with one plain message and the app runs without saving.
#include "records.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sofs::ui {

namespace {
#if !SOFS_HAVE_PROGRESS
const char* kNotBuilt = "progress saving is not available in this build (the progress store has no code yet)";
#endif

// Drafts file format: "key\tescaped text" lines; \\ \n \t escaped.
std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else out += c;
    }
    return out;
}
std::string unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            char n = s[++i];
            out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
        } else out += s[i];
    }
    return out;
}
}  // namespace

#if SOFS_HAVE_PROGRESS
#define SOFS_TRY(...)                                   \
    try {                                               \
        __VA_ARGS__                                     \
    } catch (const std::exception& e) {                 \
        if (error) *error = e.what();                   \
    }
#else
#define SOFS_TRY(...) \
    if (error) *error = kNotBuilt;
#endif

std::vector<pg::NewVerdict> flatten(const Debrief& d) {
    std::vector<pg::NewVerdict> out;
    for (const auto& t : d.tasks)
        for (const auto& v : t.verdicts)
            out.push_back({t.task, v.criterion, v.met, v.evidence_words, v.explanation, v.guidance});
    for (const auto& v : d.overall)
        out.push_back({"", v.criterion, v.met, v.evidence_words, v.explanation, v.guidance});
    return out;
}

std::string Records::default_path() {
#if SOFS_HAVE_PROGRESS
    return pg::Store::default_path();
#else
    return "";
#endif
}

Records::Records(const std::string& path, bool fast_passwords) : path_(path) {
#if SOFS_HAVE_PROGRESS
    try {
        pg::OpenOptions o;
        if (fast_passwords) {
            o.password_cost = pg::OpenOptions::PasswordCost::Minimal;
            o.backup = false;
        }
        store_ = pg::Store::open(path, o);
    } catch (const std::exception& e) {
        problem_ = e.what();
    }
#else
    (void)fast_passwords;
    problem_ = kNotBuilt;
#endif
}

Records::~Records() = default;

std::vector<pg::Person> Records::people(std::optional<pg::Role> role, std::string* error) {
    if (!store_) { if (error) *error = problem_; return {}; }
    SOFS_TRY(return store_->people(pg::Actor::system(), role);)
    (void)role;
    return {};
}

std::optional<pg::Actor> Records::ensure_trainee(const std::string& name, std::string* error) {
    if (!store_) { if (error) *error = problem_; return std::nullopt; }
    SOFS_TRY(return store_->ensure_trainee(name);)
    (void)name;
    return std::nullopt;
}

std::optional<pg::Actor> Records::sign_in(const std::string& name, const std::string& password, std::string* error) {
    if (!store_) { if (error) *error = problem_; return std::nullopt; }
    SOFS_TRY(return store_->sign_in(name, password);)
    (void)name; (void)password;
    return std::nullopt;
}

bool Records::add_person(const std::string& name, pg::Role role, const std::optional<std::string>& password,
                         std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->add_person(pg::Actor::system(), name, role, "", false, password); return true;)
    (void)name; (void)role; (void)password;
    return false;
}

bool Records::create_cohort(const std::string& name, pg::CohortKind kind, std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->create_cohort(pg::Actor::system(), name, kind); return true;)
    (void)name; (void)kind;
    return false;
}

bool Records::add_to_cohort(const std::string& cohort, const std::string& person, std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->add_to_cohort(pg::Actor::system(), cohort, person); return true;)
    (void)cohort; (void)person;
    return false;
}

std::vector<pg::ScenarioProgress> Records::scenario_progress(const pg::Actor& who, std::string* error) {
    if (!store_) { if (error) *error = problem_; return {}; }
    SOFS_TRY(return store_->scenario_progress(who, who.id);)
    (void)who;
    return {};
}

std::optional<pg::ResumePlan> Records::plan_resume(const pg::Actor& who, const Scenario& s, std::string* error) {
    if (!store_) { if (error) *error = problem_; return std::nullopt; }
    SOFS_TRY(return pg::plan_resume(*store_, who.id, s);)
    (void)who; (void)s;
    return std::nullopt;
}

std::optional<pg::Attempt> Records::begin(const pg::Actor& who, const Transcript& header, const Scenario& s,
                                          std::string* error) {
    if (!store_) { if (error) *error = problem_; return std::nullopt; }
    SOFS_TRY(return store_->begin_attempt(who.id, header, pg::facts_of(s));)
    (void)who; (void)header; (void)s;
    return std::nullopt;
}

bool Records::record(pg::Id attempt, const Event& e, std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->record_event(attempt, e); return true;)
    (void)attempt; (void)e;
    return false;
}

bool Records::finish(pg::Id attempt, const std::string& ending, const Debrief* debrief, std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->finish_attempt(attempt, ending, debrief ? flatten(*debrief) : std::vector<pg::NewVerdict>{});
             return true;)
    (void)attempt; (void)ending; (void)debrief;
    return false;
}

std::optional<pg::TraineeReport> Records::trainee_report(const pg::Actor& who, const std::string& name,
                                                         std::string* error) {
    if (!store_) { if (error) *error = problem_; return std::nullopt; }
    SOFS_TRY(return pg::trainee_report(*store_, who, name);)
    (void)who; (void)name;
    return std::nullopt;
}

std::vector<pg::Cohort> Records::cohorts(const pg::Actor& who, std::string* error) {
    if (!store_) { if (error) *error = problem_; return {}; }
    SOFS_TRY(return store_->cohorts(who);)
    (void)who;
    return {};
}

std::optional<pg::CohortReport> Records::cohort_report(const pg::Actor& who, const std::string& cohort,
                                                       std::string* error) {
    if (!store_) { if (error) *error = problem_; return std::nullopt; }
    SOFS_TRY(return pg::cohort_report(*store_, who, cohort);)
    (void)who; (void)cohort;
    return std::nullopt;
}

std::vector<pg::StoredVerdict> Records::verdicts(const pg::Actor& who, pg::Id attempt, std::string* error) {
    if (!store_) { if (error) *error = problem_; return {}; }
    SOFS_TRY(return store_->verdicts(who, attempt);)
    (void)who; (void)attempt;
    return {};
}

std::optional<Transcript> Records::transcript(pg::Id attempt, std::string* error) {
    if (!store_) { if (error) *error = problem_; return std::nullopt; }
    SOFS_TRY(return store_->transcript(attempt);)
    (void)attempt;
    return std::nullopt;
}

bool Records::override_verdict(const pg::Actor& trainer, pg::Id attempt, const std::string& criterion, bool met,
                               const std::string& reason, const std::string& task, std::string* error) {
    if (!store_) { if (error) *error = problem_; return false; }
    SOFS_TRY(store_->override_verdict(trainer, attempt, criterion, met, reason, task); return true;)
    (void)trainer; (void)attempt; (void)criterion; (void)met; (void)reason; (void)task;
    return false;
}

bool Records::export_cohort_csv(const pg::CohortReport& r, const std::string& file, std::string* error) {
    std::string text;
#if SOFS_HAVE_PROGRESS
    try {
        text = pg::to_csv(r);
    } catch (const std::exception& e) {
        if (error) *error = e.what();
        return false;
    }
#else
    (void)r;
    if (error) *error = kNotBuilt;
    return false;
#endif
    std::ofstream out(file, std::ios::trunc);
    if (!out || !(out << text) || !out.flush()) {
        if (error) *error = "could not write '" + file + "'";
        return false;
    }
    return true;
}

std::string Records::drafts_file(pg::Id person, const std::string& scenario) const {
    std::string base = path_ == ":memory:" || path_.empty() ? std::string() : path_ + ".drafts";
    if (base.empty()) return "";
    return base + "/" + std::to_string(person) + "-" + scenario + ".txt";
}

bool Records::save_draft(pg::Id person, const std::string& scenario, const std::string& key, const std::string& text,
                         std::string* error) {
    std::string file = drafts_file(person, scenario);
    if (file.empty()) return true;
    auto all = drafts(person, scenario);
    all[key] = text;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(file).parent_path(), ec);
    std::string tmp = file + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        for (auto& [k, v] : all) out << escape(k) << '\t' << escape(v) << '\n';
        if (!out.flush()) {
            if (error) *error = "could not save your draft to '" + file + "'";
            return false;
        }
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        if (error) *error = "could not save your draft to '" + file + "': " + ec.message();
        return false;
    }
    return true;
}

std::map<std::string, std::string> Records::drafts(pg::Id person, const std::string& scenario) {
    std::map<std::string, std::string> out;
    std::string file = drafts_file(person, scenario);
    if (file.empty()) return out;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        out[unescape(line.substr(0, tab))] = unescape(line.substr(tab + 1));
    }
    return out;
}

void Records::clear_drafts(pg::Id person, const std::string& scenario) {
    std::string file = drafts_file(person, scenario);
    if (file.empty()) return;
    std::error_code ec;
    std::filesystem::remove(file, ec);
}

}  // namespace sofs::ui
