// The feedback and debrief screen.
#include "debrief.hpp"

#include "app.hpp"
#include "model/places.hpp"
#include "hints.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace sofs::ui {

const char* DebriefScreen::help() const {
    return "This is your feedback. For each piece of writing you see every check, whether it was met, the words that "
           "decided it (hover over a check to mark them in your text) and what the practice guidance says. Your mapping "
           "is shown beside the experts'. It is a prompt to reflect, not a score. Press Try again to play the case afresh.";
}

void DebriefScreen::enter(App&) { focus_.clear(); }

bool DebriefScreen::try_again(App& app) {
    if (!app.scenario()) return false;
    return app.reopen_case(true);
}

std::string DebriefScreen::read_aloud_text(App& app) {
    std::string out = "Feedback. ";
    if (app.session()) {
        View v = app.session()->view();
        if (v.ending) out += v.ending->title + ". " + v.ending->debrief + " ";
    }
    if (app.debrief())
        for (const auto& t : app.debrief()->tasks)
            for (const auto& v : t.verdicts)
                out += std::string(criterion_title(v.criterion)) + ": " + (v.met ? "met. " : "not yet met. ") + v.explanation + " ";
    return out;
}

// The guidance as a quote for people: the content's sources carry an authoring tag
// "(seeds)" that means nothing to a trainee, so it is left out.
static std::string guidance_quote(const std::string& g) {
    std::string out = g;
    for (std::size_t at; (at = out.find(" (seeds)")) != std::string::npos;) out.erase(at, 8);
    return "The guidance says: \u201C" + out + "\u201D";
}

static const std::string* answer_text(App& app, const std::string& task) {
    if (!app.session()) return nullptr;
    auto it = app.session()->answers().find(task);
    return it == app.session()->answers().end() ? nullptr : &it->second.text;
}

void DebriefScreen::draw_text_task(App& app, const void* p) {
    const auto& ta = *static_cast<const TaskAssessment*>(p);
    const Task* task = app.scenario()->task(ta.task);
    const std::string* text = answer_text(app, ta.task);
    std::string kind = to_string(ta.kind);
    ImGui::PushID(ta.task.c_str());
    subheading(app, (ta.kind == TaskKind::DangerStatement ? "Your danger statement" : ta.kind == TaskKind::SafetyGoal ? "Your safety goal"
                     : ta.kind == TaskKind::WordsAndPictures ? "Your Words and Pictures" : task ? task->prompt.c_str() : kind.c_str()));
    std::vector<Highlight> marks;
    for (const auto& v : ta.verdicts) {
        std::string key = ta.task + "/" + v.criterion;
        if (!focus_.empty() && focus_ != key) continue;
        for (auto sp : v.evidence) marks.push_back({sp.begin, sp.end, std::string(criterion_title(v.criterion)) + (v.met ? ": met" : ": not yet"), v.met ? 1 : 0});
    }
    float w = ImGui::GetContentRegionAvail().x;
    bool has_example = ta.kind == TaskKind::DangerStatement ? !app.scenario()->expert.danger_statements.empty()
                     : ta.kind == TaskKind::SafetyGoal ? !app.scenario()->expert.safety_goals.empty()
                     : ta.kind == TaskKind::WordsAndPictures ? app.scenario()->expert.words_and_pictures.has_value() : false;
    float col = has_example ? w * 0.5f - 10 : w;
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + col);
    if (text && !text->empty()) highlighted_text(*text, marks, col);
    else muted_text("(no text was handed in)");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    if (has_example) {
        ImGui::SameLine(0, 20);
        ImGui::BeginGroup();
        muted_text("An example from experienced practitioners:");
        const std::string& ex = ta.kind == TaskKind::DangerStatement ? app.scenario()->expert.danger_statements.front()
                              : ta.kind == TaskKind::WordsAndPictures ? app.scenario()->expert.words_and_pictures->example
                                                                      : app.scenario()->expert.safety_goals.front();
        ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + col);
        ImGui::TextUnformatted(ex.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
    }
    gap(0.4f);
    bool any_hover = false;
    if (ImGui::BeginTable("###verdicts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("check", ImGuiTableColumnFlags_WidthFixed, w * 0.32f);
        ImGui::TableSetupColumn("why");
        for (const auto& v : ta.verdicts) {
            ImGui::PushID(v.criterion.c_str());
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::BeginGroup();
            if (app.bold) ImGui::PushFont(app.bold);
            wrapped(criterion_title(v.criterion));
            if (app.bold) ImGui::PopFont();
            met_badge(v.met);
            ImGui::EndGroup();
            bool hovered = ImGui::IsItemHovered();
            ImGui::TableSetColumnIndex(1);
            ImGui::BeginGroup();
            wrapped(v.explanation);
            if (!v.evidence_words.empty()) muted_text("Deciding words: " + v.evidence_words);
            if (!v.met && !v.improve.empty()) wrapped("To improve: " + v.improve);
            if (!v.guidance.empty()) muted_text(guidance_quote(v.guidance));
            ImGui::EndGroup();
            if (hovered || ImGui::IsItemHovered()) {
                focus_ = ta.task + "/" + v.criterion;
                any_hover = true;
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (!any_hover && focus_.rfind(ta.task + "/", 0) == 0) focus_.clear();
    gap();
    ImGui::PopID();
}

void DebriefScreen::draw_mapping(App& app, const std::string& task_id) {
    auto it = app.session()->answers().find(task_id);
    if (it == app.session()->answers().end()) return;
    subheading(app, "Your mapping beside the experts'");
    // The transcript's names, read into places once (the session accepted only known ones).
    const std::map<std::string, FactKind> placed = play::fact_places(it->second.placements);
    // The guidance behind every placement is the same: quote it once, above the groups.
    int same = 0, total = 0;
    for (const auto& [fact_id, place] : placed) {
        const Fact* f = app.scenario()->fact(fact_id);
        if (!f) continue;
        ++total;
        if (place == f->kind) ++same;
    }
    wrapped(std::to_string(same) + " of " + std::to_string(total) + " facts are where the experts put them.");
    const std::string* quote = nullptr;
    if (app.debrief())
        for (const auto& ta : app.debrief()->tasks)
            for (const auto& v : ta.verdicts)
                if (ta.task == task_id && !quote && !v.guidance.empty()) quote = &v.guidance;
    if (quote) muted_text(guidance_quote(*quote));
    gap(0.3f);
    // One group for each place a fact belongs, in the order of the mapping's columns.
    for (FactKind kind : kFactKindsInOrder) {
        std::vector<std::pair<const Fact*, FactKind>> rows;
        for (const auto& [fact_id, place] : placed) {
            const Fact* f = app.scenario()->fact(fact_id);
            if (f && f->kind == kind) rows.push_back({f, place});
        }
        if (rows.empty()) continue;
        int here = 0;
        for (auto& r : rows) here += r.second == kind;
        ImGui::PushID(to_string(kind));
        if (app.bold) ImGui::PushFont(app.bold);
        wrapped(std::string(kind == FactKind::Distractor ? "Best set aside" : "Belongs under " + std::string(display_name(kind))) +
                ": you placed " + std::to_string(here) + " of " + std::to_string(rows.size()) + " here");
        if (app.bold) ImGui::PopFont();
        if (ImGui::BeginTable("###map-group", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("Fact", ImGuiTableColumnFlags_WidthStretch, 3.0f);
            ImGui::TableSetupColumn("Where you put it", ImGuiTableColumnFlags_WidthStretch, 1.3f);
            ImGui::TableSetupColumn("Same?", ImGuiTableColumnFlags_WidthStretch, 0.9f);
            ImGui::TableHeadersRow();
            // Differences first: they are what there is to learn from.
            std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
                return (a.second != kind) > (b.second != kind);
            });
            for (const auto& [f, place] : rows) {
                ImGui::PushID(f);
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                wrapped(f->text);
                if (place != kind && !f->why.empty()) muted_text("Why: " + f->why);
                ImGui::TableSetColumnIndex(1);
                wrapped(display_name(place));
                ImGui::TableSetColumnIndex(2);
                met_badge(place == kind, "Same", "Different");
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
        gap(0.3f);
        ImGui::PopID();
    }
    gap();
}

void DebriefScreen::draw_scaling(App& app, const std::string& task_id) {
    auto it = app.session()->answers().find(task_id);
    if (it == app.session()->answers().end()) return;
    const auto& key = app.scenario()->scaling_key(task_id);
    int n = it->second.number;
    subheading(app, "Your safety scale beside the experts'");
    bool in = n >= key.low && n <= key.high;
    ImGui::Text("You said %d. The experts said %d; from %d to %d is within reason.", n, key.expert, key.low, key.high);
    met_badge(in, "Within reason", "Outside the range");
    if (n > key.high && !key.over_optimistic.empty()) wrapped(key.over_optimistic);
    if (n < key.low && !key.over_pessimistic.empty()) wrapped(key.over_pessimistic);
    if (!it->second.text.empty()) muted_text("Your reason: " + it->second.text);
    gap();
}

void DebriefScreen::draw_moves(App& app) {
    if (!app.debrief()) return;
    const auto& m = app.debrief()->moves;
    subheading(app, "Your conversation");
    ImGui::Text("%d of your moves fitted the practice; %d did not.", m.fitting, m.not_fitting);
    auto has = [](const std::vector<int>& v, int a) { return std::find(v.begin(), v.end(), a) != v.end(); };
    // Praise and aims worked against stay apart: an aim some choices served and others
    // worked against is listed once, under the aims to work on, and says so.
    std::vector<int> praised;
    for (int a : m.aims_served)
        if (!has(m.aims_undermined, a)) praised.push_back(a);
    if (!praised.empty()) {
        if (app.bold) ImGui::PushFont(app.bold);
        wrapped("What went well: aims your choices served");
        if (app.bold) ImGui::PopFont();
        for (int a : praised) { ImGui::Bullet(); ImGui::SameLine(); wrapped(std::to_string(a) + ". " + aim_title(a)); }
        gap(0.3f);
    }
    if (!m.aims_undermined.empty()) {
        if (app.bold) ImGui::PushFont(app.bold);
        wrapped("To work on: aims some of your choices worked against");
        if (app.bold) ImGui::PopFont();
        for (int a : m.aims_undermined) {
            ImGui::Bullet();
            ImGui::SameLine();
            wrapped(std::to_string(a) + ". " + aim_title(a) +
                    (has(m.aims_served, a) ? " (other choices of yours served it)" : ""));
        }
        gap(0.3f);
    }
    if (!m.reflections.empty()) {
        if (app.bold) ImGui::PushFont(app.bold);
        wrapped("Thinking about your moves");
        if (app.bold) ImGui::PopFont();
        for (const auto& r : m.reflections) { ImGui::Bullet(); ImGui::SameLine(); wrapped(r); }
    }
    gap();
}

void DebriefScreen::draw(App& app) {
    if (!app.session() || !app.scenario()) {
        wrapped("No case is open. Choose one from the case list.");
        if (ImGui::Button("Case list###to-library")) app.go(ScreenId::Library);
        return;
    }
    View v = app.session()->view();
    if (v.kind != View::Kind::Ending) {
        wrapped("Feedback comes when the case is finished. Carry on where you were.");
        if (ImGui::Button("Back to the case###back")) app.go(app.screen_for_view());
        return;
    }
    if (big_button("Try again###try-again")) try_again(app);
    same_line_as_big_button();
    if (ImGui::Button("My progress###my-progress")) app.go(ScreenId::MyProgress);
    ImGui::SameLine();
    if (ImGui::Button("Case list###to-library")) app.go(ScreenId::Library);
    gap(0.3f);
    ImGui::BeginChild("###debrief-body", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    if (v.ending) {
        std::string text = reflow(v.ending->debrief);
        begin_card("###ending", nullptr, ImVec2(0, ImGui::CalcTextSize(text.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x - 60).y +
                                                      ImGui::GetTextLineHeightWithSpacing() * 3.2f), app);
        heading(app, v.ending->title.c_str());
        wrapped(text);
        end_card();
        gap(0.4f);
    }
    if (!app.debrief()) {
        muted_text(app.guidance_problem.empty() ? "Feedback on writing could not be worked out." : app.guidance_problem);
    } else {
        for (const auto& ta : app.debrief()->tasks) {
            if (ta.kind == TaskKind::DangerStatement || ta.kind == TaskKind::SafetyGoal || ta.kind == TaskKind::PastHarm ||
                ta.kind == TaskKind::NextSteps || ta.kind == TaskKind::WordsAndPictures)
                draw_text_task(app, &ta);
        }
        // The other tasks' checks (sorting, scale, houses, network): a badge and the reason each.
        for (const auto& ta : app.debrief()->tasks) {
            if (ta.kind == TaskKind::DangerStatement || ta.kind == TaskKind::SafetyGoal || ta.kind == TaskKind::PastHarm ||
                ta.kind == TaskKind::NextSteps || ta.kind == TaskKind::WordsAndPictures || ta.kind == TaskKind::SortFacts ||
                ta.verdicts.empty())
                continue;
            const Task* t = app.scenario()->task(ta.task);
            ImGui::PushID(ta.task.c_str());
            subheading(app, t ? reflow(t->prompt).c_str() : ta.task.c_str());
            std::vector<std::string> quoted;   // each guidance quote once per task, after its checks
            for (const auto& v : ta.verdicts) {
                ImGui::PushID(v.criterion.c_str());
                ImGui::BeginGroup();
                met_badge(v.met);
                ImGui::SameLine();
                if (app.bold) ImGui::PushFont(app.bold);
                ImGui::TextUnformatted(criterion_title(v.criterion));
                if (app.bold) ImGui::PopFont();
                ImGui::Indent(ImGui::GetTextLineHeight() * 1.5f);
                wrapped(v.explanation);
                if (!v.met && !v.improve.empty()) wrapped("To improve: " + v.improve);
                if (!v.guidance.empty() && std::find(quoted.begin(), quoted.end(), v.guidance) == quoted.end()) {
                    quoted.push_back(v.guidance);
                    muted_text(guidance_quote(v.guidance));
                }
                ImGui::Unindent(ImGui::GetTextLineHeight() * 1.5f);
                ImGui::EndGroup();
                ImGui::PopID();
            }
            gap();
            ImGui::PopID();
        }
        if (!app.debrief()->overall.empty()) {
            subheading(app, "Across the case");
            for (const auto& ov : app.debrief()->overall) {
                ImGui::PushID(ov.criterion.c_str());
                met_badge(ov.met);
                ImGui::SameLine();
                wrapped(std::string(criterion_title(ov.criterion)) + ": " + ov.explanation);
                ImGui::PopID();
            }
            gap();
        }
    }
    for (const auto& [task_id, ans] : app.session()->answers()) {
        const Task* t = app.scenario()->task(task_id);
        if (!t) continue;
        if (t->kind == TaskKind::SortFacts) draw_mapping(app, task_id);
        if (t->kind == TaskKind::Scaling) draw_scaling(app, task_id);
    }
    draw_moves(app);
    ImGui::EndChild();
}

}  // namespace sofs::ui
