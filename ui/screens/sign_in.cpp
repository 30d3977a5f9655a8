// The sign-in screen.
#include "sign_in.hpp"

#include "app.hpp"
#include "widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>

namespace sofs::ui {

const char* SignInScreen::help() const {
    return "Choose your name to carry on where you left off, or type your name to make a new profile. "
           "Your answers are saved as you go, so you can close the window at any time. "
           "Trainers sign in on the right with their password to see their groups' progress.";
}

void SignInScreen::enter(App& app) {
    trainees_.clear();
    list_error_.clear();
    trainee_error_.clear();
    trainer_error_.clear();
    password_.clear();
    if (app.records && app.records->ok())
        trainees_ = app.records->people(sofs::progress::Role::Trainee, &list_error_);
    else if (app.records)
        list_error_ = app.records->problem();
    if (new_name_.empty() && !app.settings.last_user.empty()) new_name_ = app.settings.last_user;
    focus_name_ = true;   // a new trainee can type their name at once
}

bool SignInScreen::choose_trainee(App& app, const std::string& name) {
    trainee_error_.clear();
    auto trimmed = name;
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
    while (!trimmed.empty() && trimmed.front() == ' ') trimmed.erase(trimmed.begin());
    if (trimmed.empty()) {
        trainee_error_ = "Please type your name first.";
        return false;
    }
    if (!app.records || !app.records->ok()) {
        trainee_error_ = "Your profile cannot be opened: " + (app.records ? app.records->problem() : std::string("no progress file"));
        return false;
    }
    auto who = app.records->ensure_trainee(trimmed, &trainee_error_);
    if (!who) return false;
    app.sign_in(*who);
    return true;
}

bool SignInScreen::trainer_sign_in(App& app, const std::string& name, const std::string& password) {
    trainer_error_.clear();
    if (name.empty() || password.empty()) {
        trainer_error_ = "Please type your name and your password.";
        return false;
    }
    if (!app.records || !app.records->ok()) {
        trainer_error_ = "Sign-in is not possible: " + (app.records ? app.records->problem() : std::string("no progress file"));
        return false;
    }
    auto who = app.records->sign_in(name, password, &trainer_error_);
    if (!who) return false;
    if (who->role == sofs::progress::Role::Trainee) {
        trainer_error_ = "This name belongs to a trainee. Trainees choose their name on the left.";
        return false;
    }
    password_.clear();
    app.sign_in(*who);
    return true;
}

std::string SignInScreen::read_aloud_text(App&) {
    return std::string("Welcome to the Signs of Safety practice simulator. ") + help();
}

void SignInScreen::draw(App& app) {
    float s = app.ui_scale();
    wrapped("Practise talking with families, mapping what you learn, and writing danger statements and "
            "safety goals in words a family understands. Nothing here is about real people.");
    gap();
    float avail = ImGui::GetContentRegionAvail().x;
    float left_w = avail * 0.58f;
    float h = ImGui::GetContentRegionAvail().y;

    begin_card("###trainee-card", "I am learning (trainee)", ImVec2(left_w, h), app);
    if (!list_error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(worry_colour()));
        wrapped("Profiles could not be listed: " + list_error_);
        ImGui::PopStyleColor();
    } else if (trainees_.empty()) {
        muted_text("No profiles yet. Type your name below to make one.");
    } else {
        wrapped("Choose your name:");
        ImGui::BeginChild("###trainee-list", ImVec2(0, std::min(h * 0.45f, (trainees_.size() + 1) * ImGui::GetFrameHeightWithSpacing() + 8)), false);
        for (const auto& p : trainees_) {
            ImGui::PushID(static_cast<int>(p.id));
            if (ImGui::Selectable((p.name + "###person").c_str(), p.name == app.settings.last_user))
                choose_trainee(app, p.name);
            ImGui::PopID();
        }
        ImGui::EndChild();
    }
    gap();
    wrapped("New here? Type your name:");
    // The box and the Start button share the line at every text size.
    ImGui::SetNextItemWidth(std::min(320 * s, ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("Start").x -
                                                  ImGui::GetStyle().FramePadding.x * 4 - ImGui::GetStyle().ItemSpacing.x * 2));
    if (focus_name_) {
        ImGui::SetKeyboardFocusHere();
        focus_name_ = false;
    }
    bool enter = ImGui::InputText("###new-name", &new_name_, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    ImGui::SameLine();
    if (big_button("Start###start-trainee") || enter) choose_trainee(app, new_name_);
    if (!trainee_error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(worry_colour()));
        wrapped(trainee_error_);
        ImGui::PopStyleColor();
    }
    end_card();

    ImGui::SameLine();
    begin_card("###trainer-card", "I am a trainer", ImVec2(0, h), app);
    wrapped("Sign in to see how your groups are doing.");
    gap(0.3f);
    ImGui::TextUnformatted("Name");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("###trainer-name", &trainer_);
    ImGui::TextUnformatted("Password");
    ImGui::SetNextItemWidth(-1);
    bool go = ImGui::InputText("###trainer-password", &password_,
                               ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    gap(0.3f);
    if (big_button("Sign in###trainer-sign-in") || go) trainer_sign_in(app, trainer_, password_);
    if (!trainer_error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(worry_colour()));
        wrapped(trainer_error_);
        ImGui::PopStyleColor();
    }
    end_card();
}

}  // namespace sofs::ui
