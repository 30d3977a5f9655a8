// The trainer dashboard screen.
#include "trainer.hpp"

#include "app.hpp"
#include "attempt_view.hpp"
#include "my_progress.hpp"
#include "widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <cstdlib>
#include <ctime>
#include <set>

namespace sofs::ui {

// The case's title as the case list shows it; its id only if it is no longer there.
// A task in people's words: its prompt from the case file ("Write a danger
// statement for Kai and Mia."), or its kind in plain words.
static std::string task_words(const App& app, const std::string& scenario_id, const std::string& task_id) {
    if (task_id.empty()) return "";
    for (const auto& s : app.cases().scenarios)
        if (s->id == scenario_id)
            if (const Task* t = s->task(task_id)) return t->prompt;
    std::string plain = task_id;
    for (auto& c : plain) if (c == '-') c = ' ';
    return plain;
}

static std::string case_title(const App& app, const std::string& id) {
    for (const auto& sc : app.cases().scenarios)
        if (sc->id == id) return sc->title;
    return id;
}

namespace pg = sofs::progress;

static std::string day_of(std::int64_t ms) { return pg::format_time(ms, "%d %b %Y %H:%M", true); }

const char* TrainerScreen::help() const {
    return "Your groups at a glance. The table lists each trainee and case. The heat map shows which checks were missed "
           "most, trainee by trainee: a ring with a dash on a warm square is a missed check. The scale chart shows where "
           "trainees put the case on the safety scale beside the experts' number. Choose a trainee to see an attempt in "
           "detail; you can overrule the assessor on any check, and you must give a reason. Export writes the table as a "
           "spreadsheet file (CSV).";
}

void TrainerScreen::enter(App& app) {
    error_.clear();
    cohorts_.clear();
    cohorts_ = app.my_cohorts(&error_);
    if (cohort_ < 0 || cohort_ >= static_cast<int>(cohorts_.size())) cohort_ = cohorts_.empty() ? -1 : 0;
    if (cohort_ >= 0) select_cohort(app, cohort_);
}

void TrainerScreen::select_cohort(App& app, int index) {
    cohort_ = index;
    report_.reset();
    if (index < 0 || index >= static_cast<int>(cohorts_.size()) || !app.user) return;
    std::string err;
    report_ = app.cohort_report(cohorts_[index].name, &err);
    if (!report_) error_ = err;
    // Export goes to a folder chosen from a short list, never a typed path: the
    // Documents folder when there is one, then the folder of the progress file.
    if (export_dirs_.empty()) {
        namespace fs = std::filesystem;
        std::error_code ec;
        const char* home = std::getenv("HOME");
        if (!app.opt.tour_dir.empty()) export_dirs_.push_back({"The tour's folder", app.opt.tour_dir});
        if (home && fs::is_directory(fs::path(home) / "Documents", ec))
            export_dirs_.push_back({"Documents", (fs::path(home) / "Documents").string()});
        fs::path data = app.progress_folder();
        if (data.empty()) data = ".";
        export_dirs_.push_back({"The data folder", data.string()});
    }
    if (export_name_.empty() || export_message_.empty()) {
        std::string name = cohorts_[index].name;
        for (char& c : name) if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
        export_name_ = "cohort-" + name + ".csv";
    }
    export_path_ = export_dirs_[export_dir_].second + "/" + export_name_;
}

void TrainerScreen::select_trainee(App& app, const std::string& name) {
    trainee_name_ = name;
    trainee_.reset();
    attempt_ = 0;
    verdicts_.clear();
    transcript_.reset();
    picked_ = -1;
    if (!app.user) return;
    std::string err;
    trainee_ = app.trainee_report(name, &err);
    if (!trainee_) { error_ = err; return; }
    // The latest finished attempt is the one a trainer usually wants.
    for (auto it = trainee_->attempts.rbegin(); it != trainee_->attempts.rend(); ++it)
        if (it->attempt.status == pg::AttemptStatus::Finished) { select_attempt(app, it->attempt.id); break; }
}

void TrainerScreen::select_attempt(App& app, pg::Id attempt) {
    attempt_ = attempt;
    picked_ = -1;
    override_message_.clear();
    std::string err;
    verdicts_ = app.attempt_verdicts(attempt, &err);
    if (!err.empty()) error_ = err;
    transcript_ = app.attempt_transcript(attempt, &err);
}

bool TrainerScreen::override_verdict(App& app, std::size_t i, bool met, const std::string& reason) {
    override_ok_ = false;
    if (i >= verdicts_.size()) { override_message_ = "Choose a check first."; return false; }
    std::string r = reason;
    while (!r.empty() && std::isspace(static_cast<unsigned char>(r.back()))) r.pop_back();
    if (r.empty()) { override_message_ = "Please give a reason: the trainee and other trainers will see it."; return false; }
    std::string err;
    const auto& v = verdicts_[i];
    if (!app.override_verdict(attempt_, v.criterion, met, r, v.task, &err)) {
        override_message_ = "The change could not be saved: " + err;
        return false;
    }
    override_ok_ = true;
    override_message_ = std::string("Saved: \"") + criterion_title(v.criterion) + "\" is now " + (met ? "met" : "not met") + ".";
    reason_.clear();
    pg::Id keep = attempt_;
    int keep_pick = static_cast<int>(i);
    // Every count on screen is read again at once: the attempt list, the checks, the group.
    {
        std::string e;
        if (auto fresh = app.trainee_report(trainee_name_, &e)) trainee_ = std::move(fresh);
    }
    select_attempt(app, keep);
    picked_ = keep_pick;
    override_ok_ = true;
    override_message_ = std::string("Saved: \"") + criterion_title(verdicts_.size() > i ? verdicts_[i].criterion : "") + "\" changed, with your reason.";
    if (cohort_ >= 0) {
        std::string e;
        report_ = app.cohort_report(cohorts_[cohort_].name, &e);
    }
    return true;
}

bool TrainerScreen::export_csv(App& app, const std::string& path) {
    if (!report_) { export_message_ = "Choose a group first."; return false; }
    std::string err;
    if (!app.export_cohort_csv(*report_, path, &err)) { export_message_ = err; return false; }
    export_message_ = "Written to " + path;
    return true;
}

std::string TrainerScreen::read_aloud_text(App&) {
    std::string out = "Trainer dashboard. ";
    if (report_) {
        out += "Group " + report_->cohort.name + ". ";
        for (const auto& m : report_->most_missed)
            out += criterion_title_on_task(m.criterion) + ": missed " + std::to_string(m.missed) + " of " + std::to_string(m.judged) + ". ";
    } else {
        out += error_;
    }
    return out;
}

void TrainerScreen::draw_cohort(App& app) {
    float s = app.ui_scale();
    if (!report_) { muted_text(error_.empty() ? "Choose a group." : error_); return; }
    const auto& r = *report_;
    if (r.lines.empty()) {
        muted_text("Nobody in this group has started a case yet.");
        return;
    }
    subheading(app, "Trainees and cases");
    // Each column as wide as its widest entry (names and case titles whole, at
    // any text size); when they do not fit, the table scrolls sideways with
    // the trainee's name and the headers kept in view, and a long group
    // scrolls within the table.
    // Each row's cells as they are shown ("" for a dash), so the widths that
    // decide whether the table scrolls sideways are those of what it draws.
    static const char* const kHeads[6] = {"Trainee", "Case", "Finished", "Checks met", "Scale (experts)", "Last finished"};
    std::vector<std::array<std::string, 6>> cells;
    cells.reserve(r.lines.size());
    float widths[6];
    for (int c = 0; c < 6; ++c) widths[c] = ImGui::CalcTextSize(kHeads[c]).x;
    for (const auto& l : r.lines) {
        std::array<std::string, 6> row = {
            l.trainee.name, case_title(app, l.scenario),
            std::to_string(l.finished) + " of " + std::to_string(l.attempts),
            l.criteria_judged > 0 ? std::to_string(l.criteria_met) + " of " + std::to_string(l.criteria_judged) : "",
            l.scaling ? std::to_string(*l.scaling) + " (" + (l.expert_scaling ? std::to_string(*l.expert_scaling) : "-") + ")" : "",
            l.last_finished_ms ? day_of(*l.last_finished_ms) : ""};
        for (int c = 0; c < 6; ++c) widths[c] = std::max(widths[c], ImGui::CalcTextSize(row[c].c_str()).x);
        cells.push_back(std::move(row));
    }
    float total = 12 * ImGui::GetStyle().CellPadding.x;
    for (float w : widths) total += w;
    const bool sideways = total > ImGui::GetContentRegionAvail().x;
    const float row_h = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2 + 2;
    const float cohort_h = (r.lines.size() + 1) * row_h + (sideways ? ImGui::GetStyle().ScrollbarSize : 0) + 4 * s;
    const float cohort_max = std::max(ImGui::GetTextLineHeight() * 10, ImGui::GetContentRegionAvail().y * 0.6f);
    if (ImGui::BeginTable("###cohort", 6,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollX |
                              ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit,
                          ImVec2(0, std::min(cohort_h, cohort_max)))) {
        ImGui::TableSetupScrollFreeze(1, 1);
        for (const char* head : kHeads) ImGui::TableSetupColumn(head);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < r.lines.size(); ++i) {
            const auto& l = r.lines[i];
            const auto& row = cells[i];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID((l.trainee.name + l.scenario).c_str());
            if (ImGui::Selectable((row[0] + "###who").c_str(), trainee_name_ == l.trainee.name, ImGuiSelectableFlags_SpanAllColumns)) {
                select_trainee(app, l.trainee.name);
                want_tab_ = 1;
            }
            ImGui::PopID();
            for (int c = 1; c < 6; ++c) {
                ImGui::TableSetColumnIndex(c);
                if (!row[c].empty()) ImGui::TextUnformatted(row[c].c_str());
                else if (c == 5) ImGui::TextUnformatted("-");   // never finished
                else muted_text("-");                           // nothing judged or scaled yet
            }
        }
        ImGui::EndTable();
    }
    gap();

    subheading(app, "Which checks were missed (latest finished case of each trainee)");
    // Checks are rows in a fixed order with their names, trainees are columns; the names
    // and the trainees' header stay in view when the grid scrolls.
    std::vector<std::string> criteria;
    for (const auto& m : r.most_missed) criteria.push_back(m.criterion);
    std::sort(criteria.begin(), criteria.end(), [](const std::string& a, const std::string& b) {
        int ra = criterion_rank(a), rb = criterion_rank(b);
        return ra != rb ? ra < rb : a < b;
    });
    std::vector<const pg::CohortTraineeLine*> people;
    std::set<std::string> seen;
    for (const auto& l : r.lines)
        if (l.criteria_judged > 0 && seen.insert(l.trainee.name + "/" + l.scenario).second) people.push_back(&l);
    if (criteria.empty()) muted_text("No finished cases with checks yet.");
    else {
        float cell = ImGui::GetTextLineHeight() * 1.2f;
        int cols = static_cast<int>(people.size()) + 2;
        float rows_h = (criteria.size() + 1) * (cell + ImGui::GetStyle().CellPadding.y * 2 + 2) + 8 * s;
        float h = std::min(rows_h, std::max(ImGui::GetTextLineHeight() * 10, ImGui::GetContentRegionAvail().y * 0.8f));
        ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollX |
                             ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
        if (cols <= 64 && ImGui::BeginTable("###missed-grid", cols, tf, ImVec2(0, h))) {
            ImGui::TableSetupScrollFreeze(1, 1);
            ImGui::TableSetupColumn("Check", ImGuiTableColumnFlags_WidthFixed, 300 * s);
            for (const auto* l : people) {
                std::string head = l->trainee.name;
                bool many_cases = false;
                for (const auto* o : people) many_cases |= o != l && o->trainee.name == l->trainee.name;
                if (many_cases) head += " (" + case_title(app, l->scenario) + ")";
                ImGui::TableSetupColumn(head.c_str(), ImGuiTableColumnFlags_WidthFixed,
                                        std::max(cell * 1.5f, ImGui::CalcTextSize(head.c_str()).x));
            }
            ImGui::TableSetupColumn("Missed", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Missed 00 of 00").x);
            ImGui::TableHeadersRow();
            for (const auto& id : criteria) {
                ImGui::PushID(id.c_str());
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                // Some checks share a title across tasks: say which task each is on.
                std::string name = criterion_title_on_task(id);
                ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 300 * s);
                ImGui::TextUnformatted(name.c_str());
                ImGui::PopTextWrapPos();
                for (std::size_t c = 0; c < people.size(); ++c) {
                    ImGui::TableSetColumnIndex(static_cast<int>(c) + 1);
                    const auto& missed = people[c]->missed;
                    bool miss = std::find(missed.begin(), missed.end(), id) != missed.end();
                    ImVec2 a = ImGui::GetCursorScreenPos();
                    if (miss) ImGui::GetWindowDrawList()->AddRectFilled(a, ImVec2(a.x + cell * 1.2f, a.y + cell), mark_colour(), 4 * s);
                    ImGui::SetCursorScreenPos(ImVec2(a.x + cell * 0.2f, a.y + cell * 0.1f));
                    met_shape(!miss, cell * 0.8f);
                    if (ImGui::IsItemHovered())
                        ImGui::SetTooltip("%s, %s: %s", people[c]->trainee.name.c_str(), name.c_str(), miss ? "missed" : "met");
                }
                ImGui::TableSetColumnIndex(static_cast<int>(people.size()) + 1);
                for (const auto& m : r.most_missed)
                    if (m.criterion == id) ImGui::Text("%d of %d", m.missed, m.judged);
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
        muted_text("Filled tick: met.  Ring with a dash on a shaded square: missed.  Each check keeps its row whatever the results.");
    }
    gap();

    subheading(app, "Where trainees put each case on the safety scale");
    if (r.scaling.empty()) muted_text("No safety scale numbers yet.");
    for (const auto& sp : r.scaling) {
        ImGui::PushID(sp.scenario.c_str());
        wrapped(case_title(app, sp.scenario) + ": " + std::to_string(sp.in_range) + " within reason, " + std::to_string(sp.above) +
                " higher, " + std::to_string(sp.below) + " lower");
        draw_scale_compare(std::min(ImGui::GetContentRegionAvail().x, 640 * s), sp.low.value_or(0), sp.high.value_or(10),
                           sp.expert.value_or(-1), sp.numbers, s);
        ImGui::PopID();
    }
    muted_text("Discs: trainees' numbers.  Diamond: the experts' number.  Shaded: the range within reason.");
}

void TrainerScreen::draw_override_form(App& app, const std::string& scenario_id) {
    const auto& v = verdicts_[static_cast<std::size_t>(picked_)];
    float s = app.ui_scale();
    ImGui::Indent(24 * s);
    ImGui::PushID("override");
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    subheading(app, "Overrule the assessor");
    wrapped(std::string("Check: ") + criterion_title(v.criterion));
    if (!v.task.empty()) wrapped("Task: " + task_words(app, scenario_id, v.task));
    wrapped(std::string("The assessor said: ") + (v.met ? "met" : "not yet met") + ".");
    if (ImGui::RadioButton("Met###ov-met", override_met_)) override_met_ = true;
    ImGui::SameLine();
    if (ImGui::RadioButton("Not met###ov-not", !override_met_)) override_met_ = false;
    wrapped("Your reason (the trainee will see it; required):");
    ImGui::SetNextItemWidth(-24 * s);
    ImGui::InputText("###reason", &reason_);
    if (big_button("Save the change###save-override")) override_verdict(app, static_cast<std::size_t>(picked_), override_met_, reason_);
    ImGui::SameLine();
    if (ImGui::Button("Cancel###cancel-override")) { picked_ = -1; override_message_.clear(); }
    if (!override_message_.empty()) {
        // The outcome sits in the form itself, so a refused save cannot go unseen.
        if (!override_ok_) met_shape(false, ImGui::GetTextLineHeight()), ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(override_ok_ ? good_colour() : worry_colour()));
        wrapped(override_message_);
        ImGui::PopStyleColor();
    }
    ImGui::EndGroup();
    ImVec2 p1 = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(p0.x - 10 * s, p0.y - 6 * s), ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - 4 * s, p1.y + 6 * s),
                                        ImGui::GetColorU32(ImGuiCol_NavHighlight), 6 * s, 0, 2 * s);
    ImGui::PopID();
    ImGui::Unindent(24 * s);
    gap(0.5f);
}

void TrainerScreen::draw_detail(App& app) {
    if (!trainee_) {
        muted_text("Choose a trainee in the group table to see their work.");
        return;
    }
    subheading(app, ("Attempts by " + trainee_name_).c_str());
    if (trainee_->attempts.empty()) muted_text("No attempts yet.");
    for (const auto& a : trainee_->attempts) {
        ImGui::PushID(static_cast<int>(a.attempt.id));
        std::string label = case_title(app, a.attempt.scenario) + "   " + day_of(a.attempt.started_ms) + "   " + to_string(a.attempt.status) +
                            (a.criteria_judged ? "   " + std::to_string(a.criteria_met) + " of " + std::to_string(a.criteria_judged) + " checks met" : "");
        // A row that wraps at large text (a selectable's own label does not).
        float wrap_w = ImGui::GetContentRegionAvail().x;
        ImVec2 ts = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap_w);
        ImVec2 at = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("###attempt", attempt_ == a.attempt.id, 0, ImVec2(0, ts.y))) select_attempt(app, a.attempt.id);
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text), label.c_str(),
                                            nullptr, wrap_w);
        ImGui::PopID();
    }
    gap(0.5f);
    if (attempt_ == 0) return;
    // The whole attempt as the trainee rereads it, where a trainer can also comment without changing a result.
    if (big_button("Reread and comment###reread"))
        static_cast<AttemptViewScreen&>(app.screen(ScreenId::AttemptView)).open(app, attempt_, ScreenId::Trainer);
    gap(0.3f);
    if (!override_message_.empty() && picked_ < 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(override_ok_ ? good_colour() : worry_colour()));
        wrapped(override_message_);
        ImGui::PopStyleColor();
    }
    subheading(app, "Checks");
    {  // the mapping fact by fact: "placed right N of M", and which were not (from the deciding words)
        int right = 0, total = 0;
        std::string wrong;
        for (const auto& v : verdicts_)
            if (v.criterion == "MAP-PLACEMENT") {
                ++total;
                if (v.met) ++right;
                else wrong += (wrong.empty() ? "" : ", ") + v.evidence_words;
            }
        if (total > 0)
            wrapped("Mapping: " + std::to_string(right) + " of " + std::to_string(total) + " facts placed right" +
                    (wrong.empty() ? "." : "; not yet: " + wrong + "."));
    }
    std::string scenario_id;
    for (const auto& a : trainee_->attempts)
        if (a.attempt.id == attempt_) scenario_id = a.attempt.scenario;
    if (verdicts_.empty()) muted_text("No checks were recorded for this attempt.");
    // The table is split after the check being changed, so its form opens right
    // under it (never at the bottom of a long list).
    auto begin_checks = [](int part) {
        bool open = ImGui::BeginTable(("###checks-" + std::to_string(part)).c_str(), 4,
                                      ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp);
        if (open) {
            ImGui::TableSetupColumn("Check", 0, 1.8f);
            ImGui::TableSetupColumn("Result", 0, 1.2f);
            ImGui::TableSetupColumn("Deciding words", 0, 2.0f);
            ImGui::TableSetupColumn("", 0, 0.9f);
            if (part == 0) ImGui::TableHeadersRow();
        }
        return open;
    };
    bool table = !verdicts_.empty() && begin_checks(0);
    for (std::size_t i = 0; table && i < verdicts_.size(); ++i) {
        const auto& v = verdicts_[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        wrapped(criterion_title(v.criterion));
        if (!v.task.empty()) muted_text("On: " + task_words(app, scenario_id, v.task));
        ImGui::TableSetColumnIndex(1);
        met_badge(v.met);
        if (v.overruled()) muted_text("Changed by " + v.overrides.back().trainer + ": " + v.overrides.back().reason);
        ImGui::TableSetColumnIndex(2);
        wrapped(v.evidence_words.empty() ? "-" : v.evidence_words);
        ImGui::TableSetColumnIndex(3);
        if (ImGui::Button(picked_ == static_cast<int>(i) ? "Close###change" : "Change###change")) {
            picked_ = picked_ == static_cast<int>(i) ? -1 : static_cast<int>(i);
            override_met_ = !v.met;
            override_message_.clear();
        }
        ImGui::PopID();
        if (picked_ == static_cast<int>(i)) {
            ImGui::EndTable();
            draw_override_form(app, scenario_id);
            table = begin_checks(static_cast<int>(i) + 1);
        }
    }
    if (table) ImGui::EndTable();
    gap(0.4f);
    if (transcript_ && ImGui::CollapsingHeader("Their answers###answers")) {
        for (const auto& e : transcript_->events)
            if (e.kind == Event::Kind::Answer && !e.answer.text.empty()) {
                ImGui::PushID(e.step);
                if (app.bold) ImGui::PushFont(app.bold);
                wrapped(task_words(app, transcript_->scenario, e.answer.task) +
                        (e.answer.number >= 0 ? "  (number " + std::to_string(e.answer.number) + ")" : ""));
                if (app.bold) ImGui::PopFont();
                wrapped(e.answer.text);
                ImGui::PopID();
            }
        gap(0.4f);
    }
}

void TrainerScreen::draw(App& app) {
    float s = app.ui_scale();
    if (!error_.empty() && cohorts_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(worry_colour()));
        wrapped("The dashboard could not be shown: " + error_);
        ImGui::PopStyleColor();
        return;
    }
    bool admin = app.user && app.user->role == pg::Role::Admin;
    if (cohorts_.empty() && admin) {
        begin_card("###no-cohorts", "No groups yet", ImVec2(0, 150 * s), app);
        wrapped("Make a group, add trainees and give the group its cases.");
        if (big_button("Groups and trainees###admin")) app.go(ScreenId::Admin);
        end_card();
        return;
    }
    if (cohorts_.empty()) {
        begin_card("###no-cohorts", "No groups yet", ImVec2(0, 150 * s), app);
        wrapped("You are not a trainer of any group yet. An administrator adds groups and trainers with the sofs "
                "command (for example: sofs cohort add ...). Trainees' work appears here once they are in your group.");
        end_card();
        return;
    }
    if (admin) {
        if (ImGui::Button("Groups and trainees###admin")) app.go(ScreenId::Admin);
        ImGui::SameLine();
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Group");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(300 * s);
    if (ImGui::BeginCombo("###cohort-pick", cohort_ >= 0 ? cohorts_[cohort_].name.c_str() : "Choose")) {
        for (int i = 0; i < static_cast<int>(cohorts_.size()); ++i) {
            ImGui::PushID(i);
            if (ImGui::Selectable(cohorts_[i].name.c_str(), i == cohort_)) select_cohort(app, i);
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    float export_w = ImGui::CalcTextSize("Export as CSV").x + 420 * s;
    if (ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x > export_w + 120 * s) ImGui::SameLine(0, 30 * s);
    ImGui::TextUnformatted("Save in");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(220 * s);
    if (ImGui::BeginCombo("###export-dir", export_dirs_.empty() ? "" : export_dirs_[export_dir_].first.c_str())) {
        for (int i = 0; i < static_cast<int>(export_dirs_.size()); ++i) {
            if (ImGui::Selectable((export_dirs_[i].first + "###dir" + std::to_string(i)).c_str(), i == export_dir_)) export_dir_ = i;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", export_dirs_[i].second.c_str());
        }
        ImGui::EndCombo();
    }
    if (!export_dirs_.empty()) {
        export_path_ = export_dirs_[export_dir_].second + "/" + export_name_;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", export_dirs_[export_dir_].second.c_str());
    }
    ImGui::SameLine();
    if (ImGui::Button("Export as CSV###export") && !export_dirs_.empty()) export_csv(app, export_path_);
    if (!export_message_.empty()) muted_text(export_message_);
    gap(0.3f);
    if (ImGui::BeginTabBar("###trainer-tabs")) {
        ImGuiTabItemFlags f0 = want_tab_ == 0 ? ImGuiTabItemFlags_SetSelected : 0;
        ImGuiTabItemFlags f1 = want_tab_ == 1 ? ImGuiTabItemFlags_SetSelected : 0;
        want_tab_ = -1;
        if (ImGui::BeginTabItem("The group###tab-cohort", nullptr, f0)) {
            // The heat map may be wider than the window at large text: it scrolls sideways, with a bar.
            ImGui::BeginChild("###cohort-body", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened | ImGuiWindowFlags_HorizontalScrollbar);
            draw_cohort(app);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("One trainee###tab-detail", nullptr, f1)) {
            ImGui::BeginChild("###detail-body", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
            draw_detail(app);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

}  // namespace sofs::ui
