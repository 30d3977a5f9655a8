// My account: a signed-in person changes their own password from inside the
// application. After an administrator gave them a first password, this is
// where sign-in brings them, and they go on only once they have chosen their own.
#pragma once

#include "screen.hpp"

#include <string>

namespace sofs::ui {

class AccountScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::Account; }
    const char* stable_id() const override { return "account"; }
    const char* title() const override { return "My password"; }
    const char* help() const override;
    void enter(App& app) override;
    void draw(App& app) override;

    // Changes the signed-in person's password after checking the current one;
    // false with a message on screen saying why not.
    bool change(App& app, const std::string& current, const std::string& fresh, const std::string& again);
    bool must_change() const { return must_change_; }
    const std::string& message() const { return message_; }

private:
    bool must_change_ = false;   // a first password from an administrator
    bool has_password_ = false;
    std::string current_, fresh_, again_;
    std::string message_;
    bool ok_ = false;
    bool focus_ = false;
};

// Where a signed-in person starts: trainees the case list, others the dashboard.
ScreenId home_screen(const App& app);

}  // namespace sofs::ui
