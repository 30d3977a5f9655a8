// The case list screen.
#include "library.hpp"

#include "app.hpp"
#include "hints.hpp"
#include "widgets.hpp"
#include "keyboard.hpp"

#include <algorithm>
#include <set>

namespace sofs::ui {

std::string unread_cases_notice(const std::vector<std::string>& files, std::size_t cases_loaded) {
    std::string names;
    for (const auto& f : files) names += (names.empty() ? "'" : ", '") + f + "'";
    std::string out = files.size() == 1 ? "One case file could not be read (" + names + "), so that case is not in the list."
                                        : std::to_string(files.size()) + " case files could not be read (" + names +
                                              "), so those cases are not in the list.";
    if (cases_loaded > 0)
        out += " Every other case works. The case list shows where each file went wrong, for whoever looks after them.";
    else
        out += " There is no other case to practise yet. The case list shows where each file went wrong, for whoever looks after them.";
    return out;
}

std::string no_cases_text(const std::string& dir, std::size_t unread) {
    if (unread > 0)
        return "There are no cases to practise yet: " +
               std::string(unread == 1 ? "the one case file" : "none of the " + std::to_string(unread) + " case files") +
               " in the folder '" + dir + "' could be read (above: where each went wrong). "
               "Please ask whoever looks after the case files to fix them.";
    return "There are no cases to practise yet: none were found in the folder '" + dir + "'. "
           "Please ask whoever set up the simulator to add the case files. "
           "(For them: start sofs-sim with --scenarios and the folder that holds the .yaml files.)";
}


namespace {
// Not started: an empty ring; in progress: half filled; finished: a tick.
void progress_shape(int state, float size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    p.y += (ImGui::GetFrameHeight() - size) / 2;
    ImVec2 c(p.x + size / 2, p.y + size / 2);
    float r = size * 0.42f;
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    if (state == 2) {
        ImGui::SetCursorScreenPos(p);
        met_shape(true, size);
        return;
    }
    dl->AddCircle(c, r, ink, 24, std::max(1.5f, size / 10));
    if (state == 1) {
        dl->PathArcTo(c, r, 3.14159265f * 0.5f, 3.14159265f * 1.5f, 16);
        dl->PathFillConvex(ink);
    }
    ImGui::Dummy(ImVec2(size, ImGui::GetFrameHeight()));
}

const char* kAudienceNames[] = {"Every course", "Two-day course", "Five-day course", "E-learning", "Practice leads"};
}

const char* LibraryScreen::help() const {
    return "These are the cases you can practise. Each card says how long it takes and how far you have got. "
           "Use the two lists at the top to show only the cases for your course or a topic. "
           "Press Start to begin a case, or Continue to go back to where you stopped.";
}

void LibraryScreen::enter(App& app) {
    std::set<std::string> t;
    for (const auto& s : app.cases().scenarios)
        for (const auto& topic : s->topics) t.insert(topic);
    topics_.assign(t.begin(), t.end());
    if (topic_ > static_cast<int>(topics_.size())) topic_ = 0;
    progress_.clear();
    progress_error_.clear();
    if (app.user && app.progress_open())
        for (auto& p : app.my_case_progress(&progress_error_)) progress_[p.scenario] = p;
}

bool LibraryScreen::open(App& app, const std::string& scenario_id, bool fresh) {
    for (const auto& s : app.cases().scenarios)
        if (s->id == scenario_id) return app.open_scenario(s, fresh);
    app.notify("There is no case called '" + scenario_id + "' in the case list.", true);
    return false;
}

std::string LibraryScreen::read_aloud_text(App& app) {
    std::string out = "Cases to practise. ";
    for (const auto& s : app.cases().scenarios) out += s->title + ". " + s->summary + " About " + std::to_string(s->minutes) + " minutes. ";
    if (app.cases().scenarios.empty()) out += "There are no cases to show.";
    return out;
}

void LibraryScreen::draw(App& app) {
    float s = app.ui_scale();
    if (!app.library_ready()) {   // the index is read after the first frame
        wrapped("Reading the case list...");
        return;
    }
    // Filters.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Course");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(220 * s);
    ImGui::Combo("###audience", &audience_, kAudienceNames, 5);
    same_line_if_fits(ImGui::CalcTextSize("Topic").x + 270 * s, 30 * s);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Topic");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(260 * s);
    const char* topic_label = topic_ == 0 ? "Every topic" : topics_[topic_ - 1].c_str();
    if (ImGui::BeginCombo("###topic", topic_label)) {
        if (ImGui::Selectable("Every topic###topic-all", topic_ == 0)) topic_ = 0;
        for (std::size_t i = 0; i < topics_.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(topics_[i].c_str(), topic_ == static_cast<int>(i) + 1)) topic_ = static_cast<int>(i) + 1;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    if (app.user) {
        same_line_if_fits(ImGui::CalcTextSize("My progress").x + ImGui::GetStyle().FramePadding.x * 2, 30 * s);
        if (ImGui::Button("My progress###my-progress")) app.go(ScreenId::MyProgress);
    }
    gap(0.4f);

    const auto& diags = app.cases().diagnostics;
    std::size_t problems = diags.error_count();
    if (problems > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(worry_colour()));
        std::set<std::string> files;
        for (const auto& d : diags.items)
            if (d.severity == Severity::Error) files.insert(d.file);
        std::string label = (files.size() == 1 ? std::string("1 case file") : std::to_string(files.size()) + " case files") +
                            " could not be read (press to " + (show_problems_ ? "hide" : "see") + " where)###problems";
        bool pressed = ImGui::Button(label.c_str());   // in the worry colour (it was popped before the button was drawn)
        ImGui::PopStyleColor();
        if (pressed) show_problems_ = !show_problems_;
        if (show_problems_ || app.cases().scenarios.empty()) {
            begin_card("###problems-card", "Problems reading the case files", ImVec2(0, std::min(220 * s, 60 * s + problems * 30 * s)), app);
            for (const auto& d : diags.items) {
                if (d.severity != Severity::Error) continue;
                ImGui::Bullet();
                ImGui::SameLine();
                wrapped(d.format());
            }
            end_card();
        }
        gap(0.3f);
    }
    if (!progress_error_.empty()) muted_text("Your progress could not be shown: " + progress_error_);

    if (app.cases().scenarios.empty()) {
        std::set<std::string> unread;
        for (const auto& d : diags.items)
            if (d.severity == Severity::Error) unread.insert(d.file);
        begin_card("###empty", "No cases to show", ImVec2(0, 140 * s), app);
        wrapped(no_cases_text(app.scenarios_dir(), unread.size()));
        end_card();
        return;
    }

    ImGui::BeginChild("###cards", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    int shown = 0;
    float card_w = ImGui::GetContentRegionAvail().x;
    for (const auto& sc : app.cases().scenarios) {
        if (audience_ > 0) {
            auto want = static_cast<Audience>(audience_ - 1);
            if (std::find(sc->audiences.begin(), sc->audiences.end(), want) == sc->audiences.end()) continue;
        }
        if (topic_ > 0 && std::find(sc->topics.begin(), sc->topics.end(), topics_[topic_ - 1]) == sc->topics.end()) continue;
        ++shown;
        ImGui::PushID(sc->id.c_str());
        std::string summary = reflow(sc->summary);
        float h = 0;
        {
            const ImGuiStyle& st = ImGui::GetStyle();
            float wrap = card_w - 2 * 14 * s - st.ScrollbarSize;
            // Title and topics wrap too at large text sizes: measure all three.
            std::string meta = "About " + std::to_string(sc->minutes) + " minutes";
            for (std::size_t i = 0; i < sc->topics.size(); ++i) meta += (i == 0 ? "   ·   " : ", ") + sc->topics[i];
            if (app.bold) ImGui::PushFont(app.bold);
            float title_h = ImGui::CalcTextSize(sc->title.c_str(), nullptr, false, wrap).y;
            if (app.bold) ImGui::PopFont();
            h = 2 * 12 * s + title_h + ImGui::CalcTextSize(meta.c_str(), nullptr, false, wrap).y + st.ItemSpacing.y * 3 +
                ImGui::CalcTextSize(summary.c_str(), nullptr, false, wrap).y + st.ItemSpacing.y + ImGui::GetFrameHeight() +
                st.FramePadding.y * 1.2f;
        }
        begin_card("###card", nullptr, ImVec2(card_w, h), app);
        subheading(app, sc->title.c_str());
        std::string meta = "About " + std::to_string(sc->minutes) + " minutes";
        for (std::size_t i = 0; i < sc->topics.size(); ++i) meta += (i == 0 ? "   ·   " : ", ") + sc->topics[i];
        muted_text(meta);
        wrapped(summary);
        auto it = progress_.find(sc->id);
        bool unfinished = it != progress_.end() && it->second.open_attempt;
        int finished = it != progress_.end() ? it->second.finished : 0;
        std::string state = unfinished ? "In progress" : finished > 0 ? "Finished " + std::to_string(finished) + (finished == 1 ? " time" : " times") : "Not started";
        if (unfinished) {
            if (big_button("Continue###continue")) app.open_scenario(sc, false);
            ImGui::SameLine();
            if (ImGui::Button("Start again###again")) app.open_scenario(sc, true);
        } else {
            if (big_button(finished > 0 ? "Play again###start" : "Start###start")) app.open_scenario(sc, true);
            note_target("start:" + sc->id);
        }
        ImGui::SameLine(0, 20 * s);
        ImGui::AlignTextToFramePadding();
        progress_shape(unfinished ? 1 : finished > 0 ? 2 : 0, ImGui::GetTextLineHeight());
        ImGui::SameLine();
        ImGui::TextUnformatted(state.c_str());
        end_card();
        ImGui::PopID();
        gap(0.3f);
    }
    if (shown == 0) {
        wrapped("No case matches these choices.");
        if (ImGui::Button("Show every case###clear-filters")) { audience_ = 0; topic_ = 0; }
    }
    ImGui::EndChild();
}

}  // namespace sofs::ui
