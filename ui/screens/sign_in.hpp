// Sign in: a trainee chooses or creates their profile; a trainer signs in
// with a password.
#pragma once

#include "progress/store.hpp"
#include "screen.hpp"

#include <string>
#include <vector>

namespace sofs::ui {

class SignInScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::SignIn; }
    const char* stable_id() const override { return "sign-in"; }
    const char* title() const override { return "Welcome"; }
    const char* help() const override;
    void enter(App& app) override;
    void draw(App& app) override;
    std::string read_aloud_text(App& app) override;

    // Actions (buttons and the tour).
    bool choose_trainee(App& app, const std::string& name);
    bool trainer_sign_in(App& app, const std::string& name, const std::string& password);
    void type_new_name(const std::string& s) { new_name_ = s; }
    void type_trainer(const std::string& name, const std::string& pw) { trainer_ = name; password_ = pw; }

private:
    std::vector<sofs::progress::Person> trainees_;
    std::string list_error_;
    std::string new_name_;
    bool focus_name_ = false;   // put the cursor in the name box when the screen opens
    std::string trainer_;
    std::string password_;
    std::string trainee_error_;
    std::string trainer_error_;
};

}  // namespace sofs::ui
