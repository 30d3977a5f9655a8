// The controller's services for the screens: the progress file (as the
// signed-in person), the case list's folder and the sound. Screens call
// these, never Records, Library, Settings or Sound themselves, so there is
// one place that knows who is asking and what to say when the file is not open.
#include "app.hpp"

#include <filesystem>

namespace sofs::ui {

namespace {
const char* kNoFile = "no progress file is open";

// The problem when the file is not open: its own words, or that there is none.
std::string why_not(const std::unique_ptr<Records>& r) { return r ? r->problem() : std::string(kNoFile); }
}  // namespace

bool App::progress_open(std::string* problem) const {
    if (records && records->ok()) return true;
    if (problem) *problem = why_not(records);
    return false;
}

std::string App::progress_folder() const {
    std::string path = records ? records->path() : (opt.db_path.empty() ? Records::default_path() : opt.db_path);
    return std::filesystem::path(path).parent_path().string();
}

std::vector<pg::Person> App::trainees(std::string* error) {
    if (!progress_open(error)) return {};
    return records->people(pg::Role::Trainee, error);
}

bool App::trainee_passwords_required() { return progress_open() && records->trainee_passwords_required(); }

std::vector<std::string> App::progress_notices() { return progress_open() ? records->notices() : std::vector<std::string>{}; }

std::optional<pg::Actor> App::enter_as_trainee(const std::string& name, const std::string& password, std::string* error,
                                               bool* needs_password) {
    if (!progress_open(error)) return std::nullopt;
    return records->enter_as_trainee(name, password, error, needs_password);
}

std::optional<pg::Actor> App::check_password(const std::string& name, const std::string& password, std::string* error) {
    if (!progress_open(error)) return std::nullopt;
    return records->sign_in(name, password, error);
}

bool App::change_password(const std::string& name, const std::string& current, const std::string& fresh, std::string* error) {
    if (!progress_open(error)) return false;
    return records->change_password(name, current, fresh, error);
}

std::vector<pg::ScenarioProgress> App::my_case_progress(std::string* error) {
    if (!user || !progress_open(error)) return {};
    return records->scenario_progress(*user, error);
}

std::optional<pg::TraineeReport> App::my_report(std::string* error) {
    if (!user) { *error = "Nobody is signed in."; return std::nullopt; }
    if (!progress_open(error)) return std::nullopt;
    return records->trainee_report(*user, user->name, error);
}

bool App::export_my_cpd(const std::string& file, std::string* error) {
    if (!user) { *error = "Nobody is signed in."; return false; }
    if (!progress_open(error)) return false;
    return records->export_cpd(*user, user->name, criterion_names(), file, error);
}

std::vector<pg::Cohort> App::my_cohorts(std::string* error) {
    if (!user) { *error = "Nobody is signed in."; return {}; }
    if (!progress_open(error)) return {};
    return records->cohorts(*user, error);
}

std::optional<pg::CohortReport> App::cohort_report(const std::string& cohort, std::string* error) {
    if (!user || !progress_open(error)) return std::nullopt;
    return records->cohort_report(*user, cohort, error);
}

std::optional<pg::TraineeReport> App::trainee_report(const std::string& name, std::string* error) {
    if (!user || !progress_open(error)) return std::nullopt;
    return records->trainee_report(*user, name, error);
}

std::vector<pg::StoredVerdict> App::attempt_verdicts(pg::Id attempt, std::string* error) {
    if (!user || !progress_open(error)) return {};
    return records->verdicts(*user, attempt, error);
}

std::optional<Transcript> App::attempt_transcript(pg::Id attempt, std::string* error) {
    if (!progress_open(error)) return std::nullopt;
    return records->transcript(attempt, error);
}

bool App::override_verdict(pg::Id attempt, const std::string& criterion, bool met, const std::string& reason,
                           const std::string& task, std::string* error) {
    if (!user) { *error = "Nobody is signed in."; return false; }
    if (!progress_open(error)) return false;
    return records->override_verdict(*user, attempt, criterion, met, reason, task, error);
}

bool App::export_cohort_csv(const pg::CohortReport& r, const std::string& file, std::string* error) {
    if (!progress_open(error)) return false;
    return records->export_cohort_csv(r, criterion_names(), file, error);
}

// A voice-over takes the voice channel from any reading the person asked for.
bool App::play_voice_file(const std::string& path, std::string* error) {
    reading_asked_ = false;
    return sound.play_file(path, error);
}

bool App::speak_line(const std::string& text, std::string* error, const SpeakerVoice* voice,
                     const std::vector<LanguageRun>* runs) {
    reading_asked_ = false;
    return sound.read_aloud(text, settings.speech_rate, error, voice, runs);
}

std::shared_ptr<const Scenario> App::whole_case(const std::string& id, std::string* problem) {
    for (const auto& entry : library.scenarios)
        if (entry->id == id) return whole_case(entry, problem);
    *problem = "this computer has no case '" + id + "'";
    return nullptr;
}

}  // namespace sofs::ui
