// The controller's services for rereading, comments, one's own password and
// administration (screens attempt_view, account, admin): as the signed-in
// person, through Records, never the store directly from a screen.
#include "app.hpp"

namespace sofs::ui {

std::optional<play::Reread> App::reread_attempt(pg::Id attempt, std::string* error) {
    if (!user) { *error = "Nobody is signed in."; return std::nullopt; }
    if (!progress_open(error)) return std::nullopt;
    // The case file, when it is still in the case list (a changed or missing one is explained by reread).
    std::shared_ptr<const Scenario> scenario;
    try {
        auto a = records->store()->attempt(*user, attempt);
        if (!a) { *error = "This case could not be found in the records."; return std::nullopt; }
        std::string problem;
        scenario = whole_case(a->scenario, &problem);
    } catch (const std::exception& e) {
        *error = e.what();
        return std::nullopt;
    }
    return records->reread(*user, attempt, scenario.get(), criterion_names(), error);
}

bool App::add_comment(pg::Id attempt, const std::string& text, const std::string& criterion, const std::string& task,
                      std::string* error) {
    if (!user) { *error = "Nobody is signed in."; return false; }
    if (!progress_open(error)) return false;
    return records->add_comment(*user, attempt, text, criterion, task, error);
}

std::optional<pg::Person> App::me() {
    if (!user || !progress_open()) return std::nullopt;
    try {
        return records->store()->find_person(user->name);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::vector<pg::Person> App::everyone(std::string* error) {
    if (!user) { *error = "Nobody is signed in."; return {}; }
    if (!progress_open(error)) return {};
    return records->people_as(*user, std::nullopt, error);
}

bool App::create_cohort(const std::string& name, pg::CohortKind kind, std::string* error) {
    if (!user) { *error = "Nobody is signed in."; return false; }
    return progress_open(error) && records->create_cohort_as(*user, name, kind, error);
}

bool App::add_trainee(const std::string& name, const std::string& first_password, std::string* error) {
    if (!user) { *error = "Nobody is signed in."; return false; }
    return progress_open(error) && records->add_trainee_as(*user, name, first_password, error);
}

bool App::add_to_cohort(const std::string& cohort, const std::vector<std::string>& people, std::string* error) {
    if (!user) { *error = "Nobody is signed in."; return false; }
    return progress_open(error) && records->add_to_cohort_as(*user, cohort, people, error);
}

bool App::assign_case(const std::string& cohort, const std::string& scenario_id, std::string* error) {
    if (!user) { *error = "Nobody is signed in."; return false; }
    return progress_open(error) && records->assign_scenario_as(*user, cohort, scenario_id, error);
}

}  // namespace sofs::ui
