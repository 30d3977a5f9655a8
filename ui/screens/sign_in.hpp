// Sign in: a trainee chooses or creates their profile (with their password
// when it has one, or when the progress file asks every trainee for one);
// a trainer or administrator signs in with their password, always. A trainee
// can set or change their own password here.
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

    // Actions (buttons and the tour). choose_trainee signs in a trainee by
    // name, with `password` when their profile has one (or to protect a new
    // profile); without one where it is needed it asks for it and returns false.
    bool choose_trainee(App& app, const std::string& name, const std::string& password = "");
    bool trainer_sign_in(App& app, const std::string& name, const std::string& password);
    bool change_password(App& app, const std::string& name, const std::string& current, const std::string& fresh,
                         const std::string& again);
    void type_new_name(const std::string& s) { new_name_ = s; }
    void type_trainee_password(const std::string& s) { trainee_password_ = s; }
    void type_trainer(const std::string& name, const std::string& pw) { trainer_ = name; password_ = pw; }
    bool asking_for_password() const { return ask_password_; }
    const std::string& trainee_error() const { return trainee_error_; }
    const std::string& trainer_error() const { return trainer_error_; }
    const std::string& new_name() const { return new_name_; }

private:
    std::vector<sofs::progress::Person> trainees_;
    std::vector<std::string> notices_;
    std::string list_error_;
    std::string new_name_;
    std::string trainee_password_;
    bool ask_password_ = false;     // this name signs in with a password: the box is shown and focused
    bool passwords_required_ = false;
    bool focus_name_ = false;       // put the cursor in the name box when the screen opens
    bool focus_password_ = false;
    int keep_heading_frames_ = 0;   // frames left in which the card is kept at its top after the name box took the keyboard
    std::string trainer_;
    std::string password_;
    std::string trainee_error_;
    std::string trainer_error_;
    // Set or change my password.
    bool show_change_ = false;
    std::string change_name_, change_current_, change_new_, change_again_;
    std::string change_message_;
    bool change_ok_ = false;
};

}  // namespace sofs::ui
