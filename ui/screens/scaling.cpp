// The safety scale screen.
#include "scaling.hpp"

#include "app.hpp"
#include "hints.hpp"
#include "widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>

namespace sofs::ui {

const char* const kScaleQuestion =
    "On a scale of 0 to 10, where 10 means everyone knows the children are safe enough for the authorities to "
    "close the case, and 0 means things are so bad the children can't live at home, where do you rate this situation?";

const char* ScalingScreen::help() const {
    return "Give your number on the safety scale and say why. A good reason names something that is working well and "
           "something you are worried about. Use the slider, the minus and plus buttons, or the arrow keys.";
}

void ScalingScreen::enter(App& app) {
    problem_.clear();
    auto it = app.board().texts.find("scaling-reason");
    if (it != app.board().texts.end() && reason_.empty()) reason_ = it->second;
}

std::string ScalingScreen::read_aloud_text(App&) {
    return std::string("Safety scale. ") + kScaleQuestion + " Your number is " + std::to_string(number_) + ". " + reason_;
}

bool ScalingScreen::hand_in(App& app) {
    problem_.clear();
    if (!app.session()) return false;
    View v = app.session()->view();
    if (v.kind != View::Kind::Task || !v.task || v.task->kind != TaskKind::Scaling) {
        problem_ = "The case is not asking for a number just now.";
        return false;
    }
    if (word_count(reason_) < 3) {
        problem_ = "Please say why you chose this number.";
        return false;
    }
    Answer a;
    a.task = v.task->id;
    a.number = number_;
    a.text = reason_;
    app.write_text("scaling-reason", reason_);
    return app.answer(a);
}

static void draw_scale(int number, float width, float s) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float pad = 20 * s;
    float y = p.y + 34 * s;
    float x0 = p.x + pad, x1 = p.x + width - pad;
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), ink, 2 * s);
    for (int i = 0; i <= 10; ++i) {
        float x = x0 + (x1 - x0) * i / 10.0f;
        dl->AddLine(ImVec2(x, y - 8 * s), ImVec2(x, y + 8 * s), ink, 1.5f * s);
        std::string n = std::to_string(i);
        ImVec2 ts = ImGui::CalcTextSize(n.c_str());
        dl->AddText(ImVec2(x - ts.x / 2, y + 12 * s), ink, n.c_str());
    }
    float x = x0 + (x1 - x0) * number / 10.0f;
    float r = 13 * s;
    dl->AddCircleFilled(ImVec2(x, y - 20 * s), r, ink, 24);
    dl->AddTriangleFilled(ImVec2(x - 7 * s, y - 10 * s), ImVec2(x + 7 * s, y - 10 * s), ImVec2(x, y - 1), ink);
    std::string n = std::to_string(number);
    ImVec2 ts = ImGui::CalcTextSize(n.c_str());
    dl->AddText(ImVec2(x - ts.x / 2, y - 20 * s - ts.y / 2), ImGui::GetColorU32(ImGuiCol_WindowBg), n.c_str());
    ImGui::Dummy(ImVec2(width, 34 * s + 12 * s + ImGui::GetTextLineHeight() + 6 * s));
}

void ScalingScreen::draw(App& app) {
    float s = app.ui_scale();
    bool asked = false;
    if (app.session()) {
        View v = app.session()->view();
        asked = v.kind == View::Kind::Task && v.task && v.task->kind == TaskKind::Scaling;
        if (asked) {
            subheading(app, "Your task");
            wrapped(v.task->prompt);
            if (!v.task->hint.empty()) muted_text(v.task->hint);
            gap(0.4f);
        }
    }
    if (!asked) {
        muted_text("The case is not asking for a safety scale just now. You can try the scale here; nothing is handed in.");
        gap(0.4f);
    }
    begin_card("###question", "The question", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 5.2f), app);
    wrapped(kScaleQuestion);
    end_card();
    gap(0.4f);

    float w = ImGui::GetContentRegionAvail().x;
    ImGui::Columns(3, "###ends", false);
    wrapped("0: the children can't live at home");
    ImGui::NextColumn();
    ImGui::NextColumn();
    {
        const char* right = "10: safe enough to close the case";
        float tw = ImGui::CalcTextSize(right).x;
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetColumnWidth() - tw - 20 * s));
        ImGui::TextUnformatted(right);
    }
    ImGui::Columns(1);
    draw_scale(number_, w, s);

    if (ImGui::Button(" - ###minus")) { number_ = std::max(0, number_ - 1); touched_ = true; }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w * 0.6f);
    if (ImGui::SliderInt("###number", &number_, 0, 10, "%d")) touched_ = true;
    ImGui::SameLine();
    if (ImGui::Button(" + ###plus")) { number_ = std::min(10, number_ + 1); touched_ = true; }
    ImGui::SameLine();
    ImGui::Text("Your number: %d", number_);
    gap(0.5f);

    subheading(app, "Why this number?");
    muted_text("Name something that is working well and something you are worried about.");
    if (ImGui::InputTextMultiline("###reason", &reason_, ImVec2(w * 0.6f, ImGui::GetTextLineHeight() * 4.5f))) {}
    if (ImGui::IsItemDeactivatedAfterEdit()) app.save_draft("scaling-reason", reason_);
    ImGui::SameLine();
    ImGui::BeginChild("###reason-preview", ImVec2(0, ImGui::GetTextLineHeight() * 4.5f + 8 * s), true);
    if (reason_.empty()) muted_text("Your reason appears here, wrapped, as you type.");
    else highlighted_text(reason_, {});
    ImGui::EndChild();
    gap(0.4f);
    if (hand_in_row(app, asked, problem_)) hand_in(app);
}

}  // namespace sofs::ui
