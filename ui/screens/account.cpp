// The "My password" screen.
#include "account.hpp"

#include "app.hpp"
#include "widgets.hpp"

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>

namespace sofs::ui {

namespace pg = sofs::progress;

ScreenId home_screen(const App& app) {
    return app.user && app.user->role != pg::Role::Trainee ? ScreenId::Trainer : ScreenId::Library;
}

const char* AccountScreen::help() const {
    return "Change your password. Type the one you use now, then your new one twice; it needs at least 8 characters. "
           "If an administrator gave you a first password, choose your own here before you go on: nobody else then "
           "knows it. Sign out is at the top right.";
}

void AccountScreen::enter(App& app) {
    current_.clear();
    fresh_.clear();
    again_.clear();
    message_.clear();
    ok_ = false;
    focus_ = true;
    must_change_ = false;
    has_password_ = false;
    if (auto p = app.me()) {
        must_change_ = p->must_change_password;
        has_password_ = p->has_password;
    }
}

bool AccountScreen::change(App& app, const std::string& current, const std::string& fresh, const std::string& again) {
    ok_ = false;
    if (!app.user) { message_ = "Nobody is signed in."; return false; }
    if (has_password_ && current.empty()) { message_ = "Please type the password you use now."; return false; }
    if (fresh.size() < 8) { message_ = "The new password needs at least 8 characters."; return false; }
    if (fresh != again) { message_ = "The two new passwords are not the same; nothing was changed."; return false; }
    if (has_password_ && fresh == current) { message_ = "Please choose a password different from the one you have."; return false; }
    std::string err;
    if (!app.change_password(app.user->name, current, fresh, &err)) {
        message_ = "Your password was not changed: " + err;
        return false;
    }
    current_.clear();
    fresh_.clear();
    again_.clear();
    bool was_first = must_change_;
    must_change_ = false;
    has_password_ = true;
    ok_ = true;
    message_ = "Your new password is set. Use it with your name from now on.";
    if (was_first) {
        app.notify("Your own password is set. Welcome!");
        app.go(home_screen(app));
    }
    return true;
}

void AccountScreen::draw(App& app) {
    float s = app.ui_scale();
    if (!app.user) { muted_text("Nobody is signed in."); return; }
    if (!must_change_) {
        if (ImGui::Button("Back###back") || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) app.go(home_screen(app));
        gap(0.3f);
    }
    float w = std::min(ImGui::GetContentRegionAvail().x, 560 * s);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
    if (must_change_) {
        subheading(app, "Choose your own password");
        wrapped("Welcome, " + app.user->name + ". Your administrator gave you a first password. Choose your own now, "
                "so that only you know it; then you can start.");
    } else {
        subheading(app, ("Change the password of " + app.user->name).c_str());
        if (!has_password_) wrapped("You have no password yet. Set one so nobody else can open your work on this computer.");
    }
    gap(0.3f);
    auto field = [&](const char* label, const char* id, std::string* text) {
        ImGui::TextUnformatted(label);
        ImGui::SetNextItemWidth(w);
        if (focus_) { ImGui::SetKeyboardFocusHere(); focus_ = false; }
        return ImGui::InputText(id, text, ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    };
    bool enter = false;
    if (has_password_) enter |= field(must_change_ ? "The first password you were given" : "Your password now",
                                      "###account-current", &current_);
    enter |= field("New password (at least 8 characters)", "###account-new", &fresh_);
    enter |= field("The new password again", "###account-again", &again_);
    gap(0.3f);
    if (big_button("Save my new password###account-save") || enter) change(app, current_, fresh_, again_);
    if (!message_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ok_ ? good_colour() : worry_colour()));
        wrapped(message_);
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

}  // namespace sofs::ui
