// The "Groups and trainees" screen (administrators).
#include "admin.hpp"

#include "account.hpp"
#include "app.hpp"
#include "widgets.hpp"

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>

namespace sofs::ui {

namespace pg = sofs::progress;

namespace {

struct Kind {
    pg::CohortKind kind;
    const char* words;
};
const Kind kKinds[] = {{pg::CohortKind::TwoDay, "Two-day course"},
                       {pg::CohortKind::FiveDay, "Five-day course"},
                       {pg::CohortKind::ELearning, "E-learning"},
                       {pg::CohortKind::PracticeLead, "Practice leads"}};

const char* kind_words(pg::CohortKind k) {
    for (const auto& x : kKinds)
        if (x.kind == k) return x.words;
    return "A course";
}

std::string trim(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(i);
}

// A combo over `names`; `index` -1 shows `none`.
void pick(const char* id, const std::vector<std::string>& names, int* index, const char* none, float width) {
    ImGui::SetNextItemWidth(width);
    const char* shown = *index >= 0 && *index < static_cast<int>(names.size()) ? names[*index].c_str() : none;
    if (ImGui::BeginCombo(id, shown)) {
        for (int i = 0; i < static_cast<int>(names.size()); ++i) {
            ImGui::PushID(i);
            if (ImGui::Selectable(names[i].c_str(), i == *index)) *index = i;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
}

}  // namespace

const char* AdminScreen::help() const {
    return "For administrators. Make a group for a course, add trainees with a first password (they choose their own "
           "the first time they sign in), put trainees and trainers in a group, and give a group the cases to practise. "
           "Every change is saved at once. The sofs command does the same from a terminal.";
}

void AdminScreen::enter(App& app) {
    message_.clear();
    refresh(app);
}

void AdminScreen::refresh(App& app) {
    error_.clear();
    cohorts_.clear();
    people_.clear();
    if (!app.user || app.user->role != pg::Role::Admin) { error_ = "Only an administrator can change groups."; return; }
    cohorts_ = app.my_cohorts(&error_);
    people_ = app.everyone(&error_);
}

void AdminScreen::said(bool ok, const std::string& text) {
    ok_ = ok;
    message_ = text;
}

bool AdminScreen::create_group(App& app, const std::string& name, pg::CohortKind kind) {
    std::string n = trim(name);
    if (n.empty()) { said(false, "Please give the group a name."); return false; }
    std::string err;
    if (!app.user || !app.create_cohort(n, kind, &err)) {
        said(false, "The group was not made: " + err);
        return false;
    }
    refresh(app);
    said(true, "The group \u201c" + n + "\u201d is made. Now add trainees and cases to it.");
    group_name_.clear();
    return true;
}

bool AdminScreen::add_trainee(App& app, const std::string& name, const std::string& first_password,
                              const std::string& group) {
    std::string n = trim(name);
    if (n.empty()) { said(false, "Please type the trainee's name."); return false; }
    if (first_password.size() < 8) {
        said(false, "The first password needs at least 8 characters (the trainee changes it when they first sign in).");
        return false;
    }
    std::string err;
    if (!app.user || !app.add_trainee(n, first_password, &err)) {
        said(false, "The trainee was not added: " + err);
        return false;
    }
    std::string where;
    if (!group.empty()) {
        if (!app.add_to_cohort(group, {n}, &err)) {
            refresh(app);
            said(false, n + " was added, but not to the group: " + err);
            return false;
        }
        where = " and is in \u201c" + group + "\u201d";
    }
    refresh(app);
    trainee_name_.clear();
    trainee_password_.clear();
    said(true, n + " is added" + where + ". Give them their first password in person; they choose their own when they "
                   "first sign in.");
    return true;
}

bool AdminScreen::add_to_group(App& app, const std::string& person, const std::string& group) {
    if (person.empty() || group.empty()) { said(false, "Choose a person and a group first."); return false; }
    std::string err;
    if (!app.user || !app.add_to_cohort(group, {person}, &err)) {
        said(false, person + " was not added to the group: " + err);
        return false;
    }
    refresh(app);
    said(true, person + " is now in \u201c" + group + "\u201d.");
    return true;
}

bool AdminScreen::assign_case(App& app, const std::string& group, const std::string& scenario_id) {
    if (group.empty() || scenario_id.empty()) { said(false, "Choose a group and a case first."); return false; }
    std::string title;
    for (const auto& sc : app.cases().scenarios)
        if (sc->id == scenario_id) title = sc->title;
    if (title.empty()) { said(false, "That case is not in the case list."); return false; }
    std::string err;
    if (!app.user || !app.assign_case(group, scenario_id, &err)) {
        said(false, "The case was not given to the group: " + err);
        return false;
    }
    refresh(app);
    said(true, "\u201c" + title + "\u201d is now a case for \u201c" + group + "\u201d.");
    return true;
}

void AdminScreen::draw(App& app) {
    float s = app.ui_scale();
    if (ImGui::Button("Back to the dashboard###back") || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) app.go(home_screen(app));
    if (!error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(worry_colour()));
        wrapped(error_);
        ImGui::PopStyleColor();
        if (!app.user || app.user->role != pg::Role::Admin) return;
    }
    if (!message_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ok_ ? good_colour() : worry_colour()));
        wrapped(message_);
        ImGui::PopStyleColor();
    }
    gap(0.3f);

    std::vector<std::string> groups;
    for (const auto& c : cohorts_) groups.push_back(c.name);
    std::vector<std::string> names, cases, case_ids;
    for (const auto& p : people_)
        names.push_back(p.name + (p.role == pg::Role::Trainer ? " (trainer)" : p.role == pg::Role::Admin ? " (administrator)" : ""));
    for (const auto& sc : app.cases().scenarios) {
        cases.push_back(sc->title);
        case_ids.push_back(sc->id);
    }
    auto group_at = [&](int i) { return i >= 0 && i < static_cast<int>(groups.size()) ? groups[i] : std::string(); };

    // Two columns when there is room (the forms left, the groups right), else one under the other.
    float avail = ImGui::GetContentRegionAvail().x;
    bool two = avail > 900 * s;
    float field = std::min(two ? avail * 0.5f - 40 * s : avail, 420 * s);
    if (two) ImGui::BeginChild("###admin-forms", ImVec2(avail * 0.5f, 0), false);
    ImGui::PushTextWrapPos(0.0f);

    subheading(app, "Make a group");
    ImGui::TextUnformatted("Name of the group");
    ImGui::SetNextItemWidth(field);
    ImGui::InputText("###group-name", &group_name_);
    ImGui::TextUnformatted("Kind of course");
    std::vector<std::string> kinds;
    for (const auto& k : kKinds) kinds.push_back(k.words);
    pick("###group-kind", kinds, &group_kind_, "Choose", field);
    if (big_button("Make the group###make-group")) create_group(app, group_name_, kKinds[group_kind_ < 0 ? 0 : group_kind_].kind);
    gap();

    subheading(app, "Add a trainee");
    ImGui::TextUnformatted("Their name");
    ImGui::SetNextItemWidth(field);
    ImGui::InputText("###trainee-name", &trainee_name_);
    ImGui::TextUnformatted("A first password (at least 8 characters)");
    ImGui::SetNextItemWidth(field);
    ImGui::InputText("###trainee-password", &trainee_password_, ImGuiInputTextFlags_Password);
    muted_text("They are asked to choose their own the first time they sign in.");
    ImGui::TextUnformatted("Their group");
    pick("###trainee-group", groups, &trainee_group_, "No group yet", field);
    if (big_button("Add the trainee###add-trainee")) add_trainee(app, trainee_name_, trainee_password_, group_at(trainee_group_));
    gap();

    subheading(app, "Put someone in a group");
    muted_text("Trainees see the group's cases; trainers see the group's work.");
    pick("###member-person", names, &member_, "Choose a person", field);
    pick("###member-group", groups, &member_group_, "Choose a group", field);
    if (big_button("Put them in the group###add-member"))
        add_to_group(app, member_ >= 0 && member_ < static_cast<int>(people_.size()) ? people_[member_].name : "",
                     group_at(member_group_));
    gap();

    subheading(app, "Give a group a case");
    if (cases.empty()) muted_text("The case list is still being read, or is empty.");
    pick("###case-case", cases, &case_, "Choose a case", field);
    pick("###case-group", groups, &case_group_, "Choose a group", field);
    if (big_button("Give the group this case###assign-case"))
        assign_case(app, group_at(case_group_), case_ >= 0 && case_ < static_cast<int>(case_ids.size()) ? case_ids[case_] : "");
    ImGui::PopTextWrapPos();
    if (two) {
        ImGui::EndChild();
        ImGui::SameLine(0, 24 * s);
        ImGui::BeginChild("###admin-groups", ImVec2(0, 0), false);
    } else {
        gap();
    }
    ImGui::PushTextWrapPos(0.0f);
    subheading(app, "The groups");
    if (cohorts_.empty()) muted_text("No groups yet. Make one on the left.");
    for (std::size_t i = 0; i < cohorts_.size(); ++i) {
        const auto& c = cohorts_[i];
        ImGui::PushID(static_cast<int>(i));
        gap(0.3f);
        if (app.bold) ImGui::PushFont(app.bold);
        wrapped(c.name + " \u2014 " + kind_words(c.kind));
        if (app.bold) ImGui::PopFont();
        auto list = [](const std::vector<std::string>& v) {
            std::string out;
            for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
            return out;
        };
        std::vector<std::string> titles;
        for (const auto& id : c.scenarios) {
            std::string t = "a case no longer in the list";
            for (const auto& sc : app.cases().scenarios)
                if (sc->id == id) t = sc->title;
            titles.push_back(t);
        }
        wrapped("Trainers: " + (c.trainers.empty() ? std::string("none yet") : list(c.trainers)));
        wrapped("Trainees: " + (c.trainees.empty() ? std::string("none yet") : list(c.trainees)));
        wrapped("Cases: " + (titles.empty() ? std::string("none yet") : list(titles)));
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    if (two) ImGui::EndChild();
}

}  // namespace sofs::ui
