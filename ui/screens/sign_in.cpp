// The sign-in screen. A person is who their password says: trainers and
// administrators sign in only with theirs; a trainee profile with a
// password asks for it; the name box starts empty, so a shared computer
// does not offer the last person's work to the next.
#include "sign_in.hpp"

#include "app.hpp"
#include "keyboard.hpp"
#include "widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>

namespace sofs::ui {

namespace {
std::string trim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(s.begin());
    return s;
}
}  // namespace

const char* SignInScreen::help() const {
    return "Choose your name to carry on where you left off, or type your name to make a new profile. "
           "If your profile has a password, type it too; you can protect a new profile with a password, "
           "and set or change yours under 'Set or change my password'. "
           "Your answers are saved as you go, so you can close the window at any time. "
           "Trainers sign in on the right with their password to see their groups' progress.";
}

void SignInScreen::enter(App& app) {
    trainees_.clear();
    notices_.clear();
    list_error_.clear();
    trainee_error_.clear();
    trainer_error_.clear();
    password_.clear();
    trainee_password_.clear();
    new_name_.clear();
    ask_password_ = false;
    change_current_.clear();
    change_new_.clear();
    change_again_.clear();
    change_message_.clear();
    if (app.progress_open(&list_error_)) {
        list_error_.clear();
        trainees_ = app.trainees(&list_error_);
        passwords_required_ = app.trainee_passwords_required();
        notices_ = app.progress_notices();
    }
    focus_name_ = true;   // a new trainee can type their name at once
}

bool SignInScreen::choose_trainee(App& app, const std::string& name, const std::string& password) {
    trainee_error_.clear();
    std::string trimmed = trim(name);
    if (trimmed.empty()) {
        trainee_error_ = "Please type your name first.";
        return false;
    }
    if (std::string why; !app.progress_open(&why)) {
        trainee_error_ = "Your profile cannot be opened: " + why;
        return false;
    }
    bool needs = false;
    auto who = app.enter_as_trainee(trimmed, password, &trainee_error_, &needs);
    if (!who) {
        if (needs) {
            // Show the password box for this name and put the cursor in it.
            new_name_ = trimmed;
            if (!ask_password_ || password.empty()) focus_password_ = true;
            ask_password_ = true;
            if (password.empty()) trainee_error_ = "Type the password for this profile, then press Start.";
        }
        trainee_password_.clear();
        return false;
    }
    trainee_password_.clear();
    ask_password_ = false;
    app.sign_in(*who);
    return true;
}

bool SignInScreen::trainer_sign_in(App& app, const std::string& name, const std::string& password) {
    trainer_error_.clear();
    if (name.empty() || password.empty()) {
        trainer_error_ = "Please type your name and your password.";
        return false;
    }
    if (std::string why; !app.progress_open(&why)) {
        trainer_error_ = "Sign-in is not possible: " + why;
        return false;
    }
    auto who = app.check_password(trim(name), password, &trainer_error_);
    password_.clear();
    if (!who) return false;
    if (who->role == sofs::progress::Role::Trainee) {
        trainer_error_ = "This name belongs to a trainee. Trainees choose their name on the left.";
        return false;
    }
    app.sign_in(*who);
    return true;
}

bool SignInScreen::change_password(App& app, const std::string& name, const std::string& current,
                                   const std::string& fresh, const std::string& again) {
    change_ok_ = false;
    change_message_.clear();
    std::string who = trim(name);
    if (who.empty()) {
        change_message_ = "Please type your name.";
        return false;
    }
    if (fresh != again) {
        change_message_ = "The two new passwords are not the same; nothing was changed.";
        return false;
    }
    if (std::string why; !app.progress_open(&why)) {
        change_message_ = "Not possible now: " + why;
        return false;
    }
    if (!app.change_password(who, current, fresh, &change_message_)) return false;
    change_current_.clear();
    change_new_.clear();
    change_again_.clear();
    change_ok_ = true;
    change_message_ = "Your password is set. Type it with your name from now on.";
    // The list shows who has a password; read it again.
    trainees_ = app.trainees(&list_error_);
    return true;
}

std::string SignInScreen::read_aloud_text(App&) {
    return std::string("Welcome to the Signs of Safety practice simulator. ") + help();
}

void SignInScreen::draw(App& app) {
    float s = app.ui_scale();
    wrapped("Practise talking with families, mapping what you learn, and writing danger statements and "
            "safety goals in words a family understands. Nothing here is about real people.");
    for (const auto& n : notices_) muted_text(n);
    gap();
    float avail = ImGui::GetContentRegionAvail().x;
    float left_w = avail * 0.58f;
    float h = ImGui::GetContentRegionAvail().y;

    begin_card("###trainee-card", nullptr, ImVec2(left_w, h), app);
    subheading(app, "I am learning (trainee)");
    note_target("trainee-heading");
    ImGui::Separator();
    ImGui::Spacing();
    if (!list_error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(worry_colour()));
        wrapped("Profiles could not be listed: " + list_error_);
        ImGui::PopStyleColor();
    } else if (trainees_.empty()) {
        muted_text("No profiles yet. Type your name below to make one.");
    } else {
        wrapped("Choose your name:");
        ImGui::BeginChild("###trainee-list", ImVec2(0, std::min(h * 0.4f, (trainees_.size() + 1) * ImGui::GetFrameHeightWithSpacing() + 8)), false);
        for (const auto& p : trainees_) {
            ImGui::PushID(static_cast<int>(p.id));
            std::string label = p.name + (p.has_password ? "  (password)" : "") + "###person";
            if (ImGui::Selectable(label.c_str(), ask_password_ && p.name == new_name_)) {
                if (p.has_password || passwords_required_) {
                    new_name_ = p.name;
                    ask_password_ = true;
                    focus_password_ = true;
                    trainee_error_ = "Type the password for this profile, then press Start.";
                } else {
                    choose_trainee(app, p.name);
                }
            }
            ImGui::PopID();
        }
        ImGui::EndChild();
    }
    gap();
    wrapped(trainees_.empty() ? "Type your name:" : "New here, or not in the list? Type your name:");
    // Both boxes keep the width that leaves room for Start beside the second.
    ImGui::SetNextItemWidth(std::min(320 * s, ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("Start").x -
                                                  ImGui::GetStyle().FramePadding.x * 4 - ImGui::GetStyle().ItemSpacing.x * 2));
    if (focus_name_) {
        ImGui::SetKeyboardFocusHere();
        focus_name_ = false;
        keep_heading_frames_ = 4;
    }
    bool enter = ImGui::InputText("###new-name", &new_name_, ImGuiInputTextFlags_EnterReturnsTrue);
    note_target("field:new-name");
    // Bringing the focused box into view scrolls the card only as far as the
    // box; when the heading and the box fit together (200 % text on a small
    // window), the card stays at its top so the trainee sees whose card it is.
    if (keep_heading_frames_ > 0) {
        --keep_heading_frames_;
        float box_bottom = ImGui::GetItemRectMax().y - ImGui::GetWindowPos().y + ImGui::GetScrollY() + ImGui::GetStyle().WindowPadding.y;
        if (box_bottom <= ImGui::GetWindowHeight()) ImGui::SetScrollY(0.0f);
    }
    wrapped(passwords_required_ ? "Password (everyone here needs one; a new profile chooses one, 8 or more characters)"
                                               : "Password (if your profile has one, or to protect a new profile)");
    // The password box and the Start button share the line at every text size.
    ImGui::SetNextItemWidth(std::min(320 * s, ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("Start").x -
                                                  ImGui::GetStyle().FramePadding.x * 4 - ImGui::GetStyle().ItemSpacing.x * 2));
    if (focus_password_) {
        ImGui::SetKeyboardFocusHere();
        focus_password_ = false;
    }
    enter |= ImGui::InputText("###trainee-password", &trainee_password_,
                              ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    bool start = big_button("Start###start-trainee");
    note_target("start-trainee");
    if (start || enter) choose_trainee(app, new_name_, trainee_password_);
    if (!trainee_error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(worry_colour()));
        wrapped(trainee_error_);
        ImGui::PopStyleColor();
    }
    gap(0.3f);
    if (ImGui::Checkbox("Set or change my password###show-change", &show_change_)) change_message_.clear();
    if (show_change_) {
        wrapped("Your name");
        ImGui::SetNextItemWidth(std::min(320 * s, ImGui::GetContentRegionAvail().x));
        ImGui::InputText("###change-name", &change_name_);
        wrapped("Your password now (leave empty if you have none)");
        ImGui::SetNextItemWidth(std::min(320 * s, ImGui::GetContentRegionAvail().x));
        ImGui::InputText("###change-current", &change_current_, ImGuiInputTextFlags_Password);
        wrapped("New password (8 or more characters), twice");
        ImGui::SetNextItemWidth(std::min(320 * s, ImGui::GetContentRegionAvail().x));
        ImGui::InputText("###change-new", &change_new_, ImGuiInputTextFlags_Password);
        ImGui::SetNextItemWidth(std::min(320 * s, ImGui::GetContentRegionAvail().x));
        ImGui::InputText("###change-again", &change_again_, ImGuiInputTextFlags_Password);
        if (ImGui::Button("Save my new password###change-save"))
            change_password(app, change_name_, change_current_, change_new_, change_again_);
        if (!change_message_.empty()) {
            if (change_ok_) {
                wrapped(change_message_);
            } else {
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(worry_colour()));
                wrapped(change_message_);
                ImGui::PopStyleColor();
            }
        }
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
