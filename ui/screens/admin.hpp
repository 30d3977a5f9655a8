// Administration in the application: create a group (cohort), add trainees
// with a first password they must change, put people in a group, and assign
// cases to a group. Every action goes through the store as the signed-in
// administrator, which checks their role each time. The command line
// (sofs user, sofs cohort) does the same and stays.
#pragma once

#include "progress/store.hpp"
#include "screen.hpp"

#include <string>
#include <vector>

namespace sofs::ui {

class AdminScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::Admin; }
    const char* stable_id() const override { return "admin"; }
    const char* title() const override { return "Groups and trainees"; }
    const char* help() const override;
    void enter(App& app) override;
    void draw(App& app) override;

    // Actions (buttons and tests). Each returns false with a message on screen.
    bool create_group(App& app, const std::string& name, sofs::progress::CohortKind kind);
    bool add_trainee(App& app, const std::string& name, const std::string& first_password, const std::string& group);
    bool add_to_group(App& app, const std::string& person, const std::string& group);
    bool assign_case(App& app, const std::string& group, const std::string& scenario_id);
    const std::string& message() const { return message_; }
    const std::vector<sofs::progress::Cohort>& groups() const { return cohorts_; }

private:
    std::vector<sofs::progress::Cohort> cohorts_;
    std::vector<sofs::progress::Person> people_;
    std::string error_;
    std::string message_;
    bool ok_ = false;
    // Form state.
    std::string group_name_;
    int group_kind_ = 0;
    std::string trainee_name_, trainee_password_;
    int trainee_group_ = -1;
    int member_ = -1, member_group_ = -1;
    int case_ = -1, case_group_ = -1;

    void refresh(App& app);
    void said(bool ok, const std::string& text);
};

}  // namespace sofs::ui
