// The "my progress" screen.
#include "my_progress.hpp"

#include "app.hpp"
#include "attempt_view.hpp"
#include "widgets.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>

namespace sofs::ui {

// The case's title as the case list shows it; its id only if it is no longer there.
static std::string case_title(const App& app, const std::string& id) {
    for (const auto& sc : app.cases().scenarios)
        if (sc->id == id) return sc->title;
    return id;
}

namespace pg = sofs::progress;

const char* MyProgressScreen::help() const {
    return "How your writing has gone over the cases you finished. Each row is one check; each column one finished case, "
           "oldest on the left. A filled tick means met, an open ring means not yet. Below, your safety scale numbers sit "
           "beside the experts', and the last panel suggests what to practise next.";
}

void MyProgressScreen::enter(App& app) {
    report_.reset();
    error_.clear();
    report_ = app.my_report(&error_);
}

bool MyProgressScreen::export_cpd(App& app, const std::string& folder) {
    namespace fs = std::filesystem;
    fs::path file = fs::path(folder) / ("cpd-record-" + pg::format_time(pg::wall_clock()(), "%Y-%m-%d", true) + ".pdf");
    std::string err;
    bool ok = app.export_my_cpd(file.string(), &err);
    cpd_message_ = ok ? "Your CPD record was saved as " + file.string() : "Your CPD record could not be saved: " + err;
    app.request_redraw();
    return ok;
}

std::string MyProgressScreen::read_aloud_text(App& app) {
    if (!report_) return "My progress. " + error_;
    std::string out = "My progress. You have played " + std::to_string(report_->attempts.size()) + " times. ";
    for (const auto& a : report_->attempts)
        out += case_title(app, a.attempt.scenario) + ": " + std::to_string(a.criteria_met) + " of " + std::to_string(a.criteria_judged) + " checks met. ";
    return out;
}

static std::string day_text(std::int64_t ms) { return sofs::progress::format_time(ms, "%d %b %Y", true); }

void draw_scale_compare(float width, int low, int high, int expert, const std::vector<int>& numbers, float s) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float pad = 14 * s, y = p.y + 22 * s;
    float x0 = p.x + pad, x1 = p.x + width - pad;
    auto X = [&](float n) { return x0 + (x1 - x0) * n / 10.0f; };
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    dl->AddRectFilled(ImVec2(X(static_cast<float>(low)) - 4 * s, y - 10 * s), ImVec2(X(static_cast<float>(high)) + 4 * s, y + 10 * s), mark_colour(), 4 * s);
    dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), ink, 1.5f * s);
    for (int i = 0; i <= 10; ++i) {
        dl->AddLine(ImVec2(X(static_cast<float>(i)), y - 4 * s), ImVec2(X(static_cast<float>(i)), y + 4 * s), ink, 1.0f);
        std::string t = std::to_string(i);
        ImVec2 ts = ImGui::CalcTextSize(t.c_str());
        dl->AddText(ImVec2(X(static_cast<float>(i)) - ts.x / 2, y + 12 * s), ink, t.c_str());
    }
    if (expert >= 0) {
        float ex = X(static_cast<float>(expert)), r = 9 * s;
        dl->AddQuadFilled(ImVec2(ex, y - r), ImVec2(ex + r, y), ImVec2(ex, y + r), ImVec2(ex - r, y), worry_colour());
    }
    std::map<int, int> stack;
    for (int n : numbers) {
        int k = stack[n]++;
        dl->AddCircleFilled(ImVec2(X(static_cast<float>(n)), y - 14 * s - k * 12 * s), 6 * s, good_colour(), 16);
    }
    ImGui::Dummy(ImVec2(width, 22 * s + 12 * s + ImGui::GetTextLineHeight() + 4 * s));
}

void MyProgressScreen::draw(App& app) {
    float s = app.ui_scale();
    if (ImGui::Button("Case list###to-library")) app.go(ScreenId::Library);
    if (report_ && app.user && app.progress_open()) {
        ImGui::SameLine();
        if (ImGui::Button("Export CPD record###export-cpd")) {
            // ~/Documents when there is one, else the folder of the progress file.
            namespace fs = std::filesystem;
            std::error_code ec;
            const char* home = std::getenv("HOME");
            fs::path folder = home ? fs::path(home) / "Documents" : fs::path();
            if (folder.empty() || !fs::is_directory(folder, ec)) folder = app.progress_folder();
            export_cpd(app, folder.string());
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("A PDF of the cases you practised, when, for how long, the checks met, your reflections\n"
                              "and your trainer's comments: the record you keep for your professional registration.");
    }
    if (!cpd_message_.empty()) wrapped(cpd_message_);
    gap(0.3f);
    if (!report_) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(worry_colour()));
        wrapped("Your progress could not be shown: " + error_);
        ImGui::PopStyleColor();
        return;
    }
    std::vector<const pg::AttemptLine*> finished;
    for (const auto& a : report_->attempts)
        if (a.attempt.status == pg::AttemptStatus::Finished) finished.push_back(&a);
    if (finished.empty()) {
        begin_card("###empty", "Nothing finished yet", ImVec2(0, 130 * s), app);
        wrapped("When you finish a case, your results appear here so you can see how you are getting on.");
        end_card();
        return;
    }
    float avail = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("###progress-checks", ImVec2(avail * 0.56f, 0), false, ImGuiWindowFlags_NavFlattened);
    subheading(app, "Each check, case by case");
    // Criterion rows in first-seen order; attempt columns oldest first (last eight).
    std::vector<std::string> criteria;
    std::map<std::pair<pg::Id, std::string>, bool> cell;
    for (const auto& c : report_->criteria_over_time) {
        if (std::find(criteria.begin(), criteria.end(), c.criterion) == criteria.end()) criteria.push_back(c.criterion);
        auto key = std::make_pair(c.attempt, c.criterion);
        auto it = cell.find(key);
        cell[key] = it == cell.end() ? c.met : (it->second && c.met);
    }
    // The checks in their fixed order (danger statement first), the same as the trainer's grid.
    std::stable_sort(criteria.begin(), criteria.end(),
                     [](const std::string& a, const std::string& b) { return criterion_rank(a) < criterion_rank(b); });
    std::size_t first = finished.size() > 8 ? finished.size() - 8 : 0;
    int cols = static_cast<int>(finished.size() - first) + 1;
    if (criteria.empty()) muted_text("No checks were recorded for your finished cases.");
    else if (ImGui::BeginTable("###criteria", cols, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
        float case_w = 64 * s;
        ImGui::TableSetupColumn("Check", ImGuiTableColumnFlags_WidthFixed,
                                std::max(200 * s, avail * 0.56f - case_w * (cols - 1) - 30 * s));
        for (std::size_t i = first; i < finished.size(); ++i)
            ImGui::TableSetupColumn(("Try " + std::to_string(i + 1)).c_str(), ImGuiTableColumnFlags_WidthFixed, case_w);
        ImGui::TableHeadersRow();
        for (const auto& c : criteria) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextWrapped("%s", criterion_title_on_task(c).c_str());   // with its task, long at 200 %
            for (std::size_t i = first; i < finished.size(); ++i) {
                ImGui::TableSetColumnIndex(static_cast<int>(i - first) + 1);
                auto it = cell.find({finished[i]->attempt.id, c});
                if (it == cell.end()) muted_text("-");
                else met_shape(it->second, ImGui::GetTextLineHeight());
            }
        }
        ImGui::EndTable();
    }
    // The mapping fact by fact, in the latest finished case that had one: "placed right N of M".
    for (auto it = finished.rbegin(); it != finished.rend(); ++it) {
        int right = 0, total = 0;
        for (const auto& c : report_->criteria_over_time)
            if (c.attempt == (*it)->attempt.id && c.criterion == "MAP-PLACEMENT") {
                ++total;
                right += c.met ? 1 : 0;
            }
        if (total == 0) continue;
        wrapped("Mapping in your latest case: " + std::to_string(right) + " of " + std::to_string(total) +
                " facts placed right" + (right == total ? "." : "; the debrief of that case says which were not."));
        break;
    }
    muted_text("Filled tick: met.  Open ring with a dash: not yet.  A dash alone: not judged in that case.");
    for (std::size_t i = first; i < finished.size(); ++i)
        muted_text("Try " + std::to_string(i + 1) + ": " + case_title(app, finished[i]->attempt.scenario) +
                   (finished[i]->attempt.finished_ms ? ", finished " + day_text(*finished[i]->attempt.finished_ms) : std::string()));
    ImGui::EndChild();
    ImGui::SameLine(0, 24 * s);
    ImGui::BeginChild("###progress-side", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);

    // Reread a finished case: the conversation, the answers, the feedback and the trainer's words.
    subheading(app, "Read a finished case again");
    for (auto it = finished.rbegin(); it != finished.rend(); ++it) {
        const auto& at = (*it)->attempt;
        ImGui::PushID(static_cast<int>(at.id));
        if (ImGui::Button("Reread###reread"))
            static_cast<AttemptViewScreen&>(app.screen(ScreenId::AttemptView)).open(app, at.id, ScreenId::MyProgress);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        wrapped(case_title(app, at.scenario) + (at.finished_ms ? ", " + day_text(*at.finished_ms) : std::string()));
        ImGui::PopID();
    }
    gap();

    subheading(app, "What to practise next");
    std::map<std::string, int> missed;
    for (const auto* a : finished)
        for (const auto& m : a->missed) ++missed[m];
    std::vector<std::pair<int, std::string>> order;
    for (auto& [c, n] : missed) order.push_back({-n, c});
    std::sort(order.begin(), order.end());
    if (order.empty()) wrapped("You met every check in your finished cases. Try a case you have not played yet.");
    // Every miss, most often missed first (ties in a fixed order, by check id), numbered so
    // the order reads as a priority and not as a sample.
    if (!order.empty())
        muted_text("Every check not yet met, the most often missed first, out of " + std::to_string(finished.size()) +
                   (finished.size() == 1 ? " finished case:" : " finished cases:"));
    for (std::size_t i = 0; i < order.size(); ++i) {
        int n = -order[i].first;
        wrapped(std::to_string(i + 1) + ". " + criterion_title_on_task(order[i].second) + " (not yet met in " + std::to_string(n) +
                (n == 1 ? " case)" : " cases)"));
    }
    gap();
    subheading(app, "Your safety scale numbers beside the experts'");
    bool any = false;
    for (const auto* a : finished) {
        if (!a->scaling) continue;
        any = true;
        ImGui::PushID(static_cast<int>(a->attempt.id));
        std::string line = case_title(app, a->attempt.scenario) + ": you said " + std::to_string(*a->scaling);
        if (a->expert_scaling) line += ", the experts " + std::to_string(*a->expert_scaling);
        if (a->scaling_low && a->scaling_high)
            line += " (" + std::to_string(*a->scaling_low) + " to " + std::to_string(*a->scaling_high) + " is within reason)";
        wrapped(line);
        draw_scale_compare(ImGui::GetContentRegionAvail().x, a->scaling_low.value_or(0), a->scaling_high.value_or(10),
                           a->expert_scaling.value_or(-1), {*a->scaling}, s);
        ImGui::PopID();
    }
    if (!any) muted_text("No safety scale numbers yet.");
    else muted_text("Disc: your number.  Diamond: the experts' number.  Shaded: the range within reason.");
    gap();

    ImGui::EndChild();
}

}  // namespace sofs::ui
