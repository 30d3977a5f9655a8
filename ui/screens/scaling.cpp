// The safety scale screen.
#include "scaling.hpp"

#include "app.hpp"
#include "hints.hpp"
#include "keyboard.hpp"
#include "widgets.hpp"

#include <imgui_internal.h>

#include <cmath>

#include <algorithm>

namespace sofs::ui {

const char* const kScaleQuestion =
    "On a scale of 0 to 10, where 10 means everyone knows the children are safe enough for the authorities to "
    "close the case, and 0 means things are so bad the children can't live at home, where do you rate this situation?";

const char* ScalingScreen::help() const {
    return "Choose your number on the safety scale and say why. Click or drag on the line from 0 to 10, or move to the line "
           "with Tab and use the Left and Right arrow keys (or type a number key). No number is chosen for you. A good reason "
           "names something that is working well and something you are worried about.";
}

void ScalingScreen::enter(App& app) {
    problem_.clear();
    auto it = app.board().texts.find("scaling-reason");
    if (it != app.board().texts.end() && reason_.empty()) reason_ = it->second;
}

std::string ScalingScreen::read_aloud_text(App&) {
    return std::string("Safety scale. ") + kScaleQuestion +
           (number_ < 0 ? std::string(" You have not chosen a number yet. ") : " Your number is " + std::to_string(number_) + ". ") + reason_;
}

namespace {
const char* const kNoNumber = "Choose a number on the line first.";
const char* const kNoReason = "Please say why you chose this number.";
}  // namespace

std::string ScalingScreen::problem() const {
    // A problem that has been put right is no longer shown.
    if (problem_ == kNoNumber && number_ >= 0) return "";
    if (problem_ == kNoReason && word_count(reason_) >= 3) return "";
    return problem_;
}

bool ScalingScreen::hand_in(App& app) {
    problem_.clear();
    if (!app.session()) return false;
    View v = app.session()->view();
    if (v.kind != View::Kind::Task || !v.task || v.task->kind != TaskKind::Scaling) {
        problem_ = "The case is not asking for a number just now.";
        return false;
    }
    if (number_ < 0 || number_ > 10) {
        problem_ = kNoNumber;
        return false;
    }
    if (word_count(reason_) < 3) {
        problem_ = kNoReason;
        return false;
    }
    Answer a;
    a.task = v.task->id;
    a.number = number_;
    a.text = reason_;
    app.write_text("scaling-reason", reason_);
    return app.answer(a);
}

// The 0 to 10 line is the control itself: click or drag anywhere on it, or
// give it the keyboard focus and use Left / Right, Home / End or a number key.
// Returns true when the number changed.
static bool scale_line(int* number, float width, float s) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    float line_h = ImGui::GetTextLineHeight();
    float height = 34 * s + 12 * s + line_h + 10 * s;
    ImVec2 p = window->DC.CursorPos;
    ImRect bb(p, ImVec2(p.x + width, p.y + height));
    ImGuiID id = window->GetID("###scale-line");
    ImGui::ItemSize(bb);
    if (!ImGui::ItemAdd(bb, id)) return false;
    bool hovered = false, held = false;
    ImGui::ButtonBehavior(bb, id, &hovered, &held, ImGuiButtonFlags_PressedOnClick);
    float pad = 24 * s;
    float x0 = bb.Min.x + pad, x1 = bb.Max.x - pad;
    float y = bb.Min.y + 34 * s;
    int before = *number;
    if (held) {
        float t = (ImGui::GetIO().MousePos.x - x0) / (x1 - x0);
        *number = std::clamp(static_cast<int>(std::lround(t * 10)), 0, 10);
    }
    bool focused = g.NavId == id && !g.NavDisableHighlight;
    if (g.NavId == id) {
        // Left and Right change the number instead of moving away from the line.
        if (g.NavMoveSubmitted && (g.NavMoveDir == ImGuiDir_Left || g.NavMoveDir == ImGuiDir_Right)) ImGui::NavMoveRequestCancel();
        auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); };
        if (pressed(ImGuiKey_LeftArrow)) *number = *number < 0 ? 5 : std::max(0, *number - 1);
        if (pressed(ImGuiKey_RightArrow)) *number = *number < 0 ? 5 : std::min(10, *number + 1);
        if (pressed(ImGuiKey_Home)) *number = 0;
        if (pressed(ImGuiKey_End)) *number = 10;
        for (int k = 0; k <= 9; ++k)
            if (ImGui::IsKeyPressed('0' + k, false)) *number = k;   // GLFW's key codes for 0-9 are their ASCII codes
    }
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    ImDrawList* dl = window->DrawList;
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    if (hovered || focused)
        dl->AddRectFilled(bb.Min, bb.Max, ImGui::GetColorU32(ImGuiCol_FrameBgHovered), 6 * s);
    dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), ink, 2 * s);
    for (int i = 0; i <= 10; ++i) {
        float x = x0 + (x1 - x0) * i / 10.0f;
        dl->AddLine(ImVec2(x, y - 8 * s), ImVec2(x, y + 8 * s), ink, 1.5f * s);
        std::string n = std::to_string(i);
        ImVec2 ts = ImGui::CalcTextSize(n.c_str());
        dl->AddText(ImVec2(x - ts.x / 2, y + 12 * s), ink, n.c_str());
    }
    if (*number >= 0) {
        float x = x0 + (x1 - x0) * *number / 10.0f;
        float r = 13 * s;
        dl->AddCircleFilled(ImVec2(x, y - 20 * s), r, ink, 24);
        dl->AddTriangleFilled(ImVec2(x - 7 * s, y - 10 * s), ImVec2(x + 7 * s, y - 10 * s), ImVec2(x, y - 1), ink);
        std::string n = std::to_string(*number);
        ImVec2 ts = ImGui::CalcTextSize(n.c_str());
        dl->AddText(ImVec2(x - ts.x / 2, y - 20 * s - ts.y / 2), ImGui::GetColorU32(ImGuiCol_WindowBg), n.c_str());
    } else if (hovered) {
        // Where a click would land.
        float t = (ImGui::GetIO().MousePos.x - x0) / (x1 - x0);
        int n = std::clamp(static_cast<int>(std::lround(t * 10)), 0, 10);
        float x = x0 + (x1 - x0) * n / 10.0f;
        dl->AddCircle(ImVec2(x, y - 20 * s), 13 * s, ink, 24, 1.5f * s);
    }
    if (focused) dl->AddRect(bb.Min, bb.Max, ImGui::GetColorU32(ImGuiCol_NavHighlight), 6 * s, 0, 3 * s);
    return *number != before;
}

void ScalingScreen::draw(App& app) {
    float s = app.ui_scale();
    bool asked = false;
    std::string hint;
    if (app.session()) {
        View v = app.session()->view();
        asked = v.kind == View::Kind::Task && v.task && v.task->kind == TaskKind::Scaling;
        if (asked) hint = v.task->hint;
    }
    if (!asked) {
        muted_text("The case is not asking for a safety scale just now. You can try the scale here; nothing is handed in.");
        gap(0.4f);
    }
    // One question, in the practice's words (the task's own prompt asks the same).
    subheading(app, asked ? "Your task" : "The question");
    wrapped(kScaleQuestion);
    if (!hint.empty()) muted_text(hint);
    gap(0.5f);
    float w = ImGui::GetContentRegionAvail().x;
    {
        const char* left = "0: the children can't live at home";
        const char* right = "10: safe enough to close the case";
        float lw = ImGui::CalcTextSize(left).x, rw = ImGui::CalcTextSize(right).x;
        if (lw + rw + 40 * s < w) {
            ImGui::TextUnformatted(left);
            ImGui::SameLine(w - rw);
            ImGui::TextUnformatted(right);
        } else {   // large text: one end a line
            ImGui::TextUnformatted(left);
            ImGui::TextUnformatted(right);
        }
    }
    scale_line(&number_, w, s);
    note_target("scale-line");
    if (number_ < 0) muted_text("Your number: not chosen yet. Click the line, or Tab to it and use the arrow keys.");
    else {
        if (app.bold) ImGui::PushFont(app.bold);
        ImGui::Text("Your number: %d", number_);
        if (app.bold) ImGui::PopFont();
    }
    gap(0.5f);
    subheading(app, "Why this number?");
    muted_text("Name something that is working well and something you are worried about.");
    float box_h = std::max(ImGui::GetTextLineHeight() * 4.5f,
                           ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 1.8f - 8 * s);
    box_h = std::min(box_h, ImGui::GetTextLineHeight() * 9);
    reason_box_.draw("###reason", reason_, ImVec2(w, box_h), {}, "Write your reason here.");
    note_target("box:scaling-reason");
    if (reason_box_.left_after_edit()) app.save_draft("scaling-reason", reason_);
    gap(0.4f);
    if (hand_in_row(app, asked, problem())) hand_in(app);
}

}  // namespace sofs::ui
