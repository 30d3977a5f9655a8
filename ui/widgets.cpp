// The screens' shared drawing helpers.
#include "widgets.hpp"

#include "keyboard.hpp"

#include "app.hpp"
#include "play/verdicts.hpp"   // criterion_title: one table for the screens and the live export

#include <imgui_internal.h>

#include <algorithm>
#include <cstring>

namespace sofs::ui {

void heading(App& app, const char* text) {
    if (app.large) ImGui::PushFont(app.large);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    if (app.large) ImGui::PopFont();
    ImGui::Spacing();
}

void subheading(App& app, const char* text, float wrap_width) {
    if (app.bold) ImGui::PushFont(app.bold);
    // Headings wrap rather than run past their panel (or their column) at large text sizes.
    ImGui::PushTextWrapPos(wrap_width > 0 ? ImGui::GetCursorPos().x + wrap_width : 0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    if (app.bold) ImGui::PopFont();
}

void gap(float lines) { ImGui::Dummy(ImVec2(1, ImGui::GetTextLineHeight() * lines)); }

std::string break_between_words(const std::string& text, float width, float (*measure)(const char* b, const char* e)) {
    std::string out = text;
    const char* s = out.c_str();
    const float space = measure(" ", " " + 1);
    float line = 0;           // width of the current line so far
    bool first = true;        // no word on this line yet
    std::size_t i = 0, n = out.size();
    while (i < n) {
        if (out[i] == '\n') { line = 0; first = true; ++i; continue; }
        if (out[i] == ' ') { ++i; continue; }
        std::size_t j = i;
        while (j < n && out[j] != ' ' && out[j] != '\n') ++j;
        float w = measure(s + i, s + j);
        if (!first && line + space + w > width) {
            // Break at the space before this word (the first of a run of spaces).
            std::size_t k = i;
            while (k > 0 && out[k - 1] == ' ') --k;
            if (k < i) out[k] = '\n';
            line = w;
        } else {
            line += (first ? 0 : space) + w;
        }
        first = false;
        i = j;
    }
    return out;
}

void wrapped(const std::string& text) {
    // Breaks chosen here, between words; ImGui's wrap stays on for a word wider than the panel.
    float width = ImGui::GetContentRegionAvail().x - 1.0f;
    std::string lines = width > 0 ? break_between_words(text, width, [](const char* b, const char* e) {
        return ImGui::CalcTextSize(b, e).x;
    }) : text;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(lines.c_str(), lines.c_str() + lines.size());
    ImGui::PopTextWrapPos();
}

void muted_text(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    wrapped(text);
    ImGui::PopStyleColor();
}

ImU32 good_colour() {
    ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    bool dark = bg.x + bg.y + bg.z < 1.5f;
    return dark ? IM_COL32(120, 220, 150, 255) : IM_COL32(20, 120, 60, 255);
}
ImU32 worry_colour() {
    ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    bool dark = bg.x + bg.y + bg.z < 1.5f;
    return dark ? IM_COL32(255, 190, 90, 255) : IM_COL32(170, 80, 0, 255);
}
ImU32 mark_colour() {
    ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    bool dark = bg.x + bg.y + bg.z < 1.5f;
    return dark ? IM_COL32(200, 150, 30, 110) : IM_COL32(255, 214, 90, 150);
}
void worry_text(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(worry_colour()));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
}

void highlighted_text(const std::string& text, const std::vector<Highlight>& highlights, float width) {
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 start = ImGui::GetCursorScreenPos();
    float line_h = ImGui::GetTextLineHeightWithSpacing();
    float space = ImGui::CalcTextSize(" ").x;
    float x = 0, y = 0;
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    std::size_t i = 0;
    const std::string* tip = nullptr;
    ImVec2 mouse = ImGui::GetIO().MousePos;
    bool hovered_window = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    while (i < text.size()) {
        if (text[i] == '\n') { x = 0; y += line_h; ++i; continue; }
        if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') { ++i; continue; }
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' && text[j] != '\r') ++j;
        const char* b = text.c_str() + i;
        const char* e = text.c_str() + j;
        float w = ImGui::CalcTextSize(b, e).x;
        if (x > 0 && x + w > width) { x = 0; y += line_h; }
        ImVec2 p(start.x + x, start.y + y);
        const Highlight* h = nullptr;
        for (const auto& hl : highlights)
            if (hl.begin < j && hl.end > i) { h = &hl; break; }
        if (h) {
            // Join the highlight across the space before a word in the same span.
            float lead = (x > 0 && h->begin < i) ? space : 0;
            ImVec2 a(p.x - lead, p.y - 1), z(p.x + w, p.y + ImGui::GetTextLineHeight() + 1);
            dl->AddRectFilled(a, z, mark_colour(), 3.0f);
            ImU32 line = h->style == 0 ? worry_colour() : good_colour();
            float th = std::max(1.5f, ImGui::GetTextLineHeight() / 10.0f);
            dl->AddLine(ImVec2(a.x, z.y), ImVec2(z.x, z.y), line, th);
            if (hovered_window && mouse.x >= a.x && mouse.x < z.x && mouse.y >= a.y && mouse.y < z.y && !h->tooltip.empty())
                tip = &h->tooltip;
        }
        dl->AddText(p, ink, b, e);
        x += w + space;
        i = j;
    }
    float h = text.empty() ? 0 : y + line_h;
    ImGui::Dummy(ImVec2(width, std::max(h, line_h)));
    if (tip) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(tip->c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void met_shape(bool met, float size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float r = size * 0.42f;
    ImVec2 c(p.x + size / 2, p.y + size / 2);
    float th = std::max(1.5f, size / 9.0f);
    if (met) {
        dl->AddCircleFilled(c, r, good_colour(), 24);
        ImU32 paper = ImGui::GetColorU32(ImGuiCol_WindowBg);
        dl->AddLine(ImVec2(c.x - r * 0.5f, c.y), ImVec2(c.x - r * 0.1f, c.y + r * 0.45f), paper, th * 1.2f);
        dl->AddLine(ImVec2(c.x - r * 0.1f, c.y + r * 0.45f), ImVec2(c.x + r * 0.55f, c.y - r * 0.45f), paper, th * 1.2f);
    } else {
        dl->AddCircle(c, r, worry_colour(), 24, th);
        dl->AddLine(ImVec2(c.x - r * 0.45f, c.y), ImVec2(c.x + r * 0.45f, c.y), worry_colour(), th);
    }
    ImGui::Dummy(ImVec2(size, size));
}

void met_badge(bool met, const char* met_word, const char* not_word) {
    float s = ImGui::GetTextLineHeight();
    met_shape(met, s);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(met ? good_colour() : worry_colour()));
    ImGui::TextUnformatted(met ? met_word : not_word);
    ImGui::PopStyleColor();
}

bool begin_card(const char* id, const char* title, ImVec2 size, App& app) { return begin_card(id, title, size, app, 0); }

bool begin_card(const char* id, const char* title, ImVec2 size, App& app, int extra_flags) {
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 8.0f * app.ui_scale());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14 * app.ui_scale(), 12 * app.ui_scale()));
    bool open = ImGui::BeginChild(id, size, true, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NavFlattened | extra_flags);
    ImGui::PopStyleVar(2);
    if (title && *title) {
        subheading(app, title);
        ImGui::Separator();
        ImGui::Spacing();
    }
    return open;
}

void end_card() { ImGui::EndChild(); }

void same_line_if_fits(float next_width, float spacing) {
    if (spacing < 0) spacing = ImGui::GetStyle().ItemSpacing.x;
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + spacing + next_width <= right) ImGui::SameLine(0, spacing);
}

void same_line_as_big_button() {
    ImGui::SameLine();
    // big_button's padding is 1.6 times the frame padding: 0.6 of it above and below more.
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetStyle().FramePadding.y * 0.6f);
}

bool big_button(const char* label) {
    ImVec2 pad = ImGui::GetStyle().FramePadding;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(pad.x * 2, pad.y * 1.6f));
    bool r = ImGui::Button(label);
    ImGui::PopStyleVar();
    return r;
}

bool primary_button(const char* label) {
    bool pressed = big_button(label);
    note_target("primary");   // the screen's main action, for the scripted playthroughs
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+Enter presses this button too");
    ImGuiIO& io = ImGui::GetIO();
    bool shortcut = io.KeyCtrl && !io.WantTextInput && ImGui::GetActiveID() == 0 &&
                    !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) &&
                    (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                     ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false));
    return pressed || shortcut;
}

const char* criterion_title(const std::string& id) { return play::criterion_title(id); }
std::string criterion_title_on_task(const std::string& id) { return play::criterion_title_on_task(id); }

int criterion_rank(const std::string& id) {
    // The checks' fixed order is the order of the title list above; it never depends on the data.
    static const char* const kOrder[] = {
        "DS-WHO", "DS-CAREGIVER-BEHAVIOUR", "DS-CHILD-IMPACT", "DS-FUTURE", "DS-PLAIN", "DS-NON-BLAMING",
        "SG-CAREGIVER-ACTION", "SG-ADDRESSES-DANGER", "SG-OBSERVABLE", "SG-OVER-TIME", "SG-NOT-SERVICE", "SG-PLAIN",
        "SC-IN-RANGE", "SC-DIRECTION", "SC-JUSTIFIED", "MAP-PLACEMENT", "PH-WHAT-HAPPENED", "TH-HEARD", "NET-PEOPLE",
        "BOOKENDS", "NS-WHO-DOES-WHAT", "NS-FAMILY-NETWORK",
    };
    for (std::size_t i = 0; i < sizeof kOrder / sizeof kOrder[0]; ++i)
        if (id == kOrder[i]) return static_cast<int>(i);
    return 1000;   // a check this list does not know goes last (ties: by id, at the caller)
}

const char* move_name(int m) {
    // In MoveType's order (engine/model/scenario.hpp).
    static const char* const kNames[] = {
        "a question about times it went well",   "a scaling question",         "a question about coping",
        "a question about the future they want", "bringing in the child's voice", "asking about the family's network",
        "saying the worry honestly",             "saying the bottom line",     "a blaming label",
        "professional words",                    "a leading or closed question", "reassurance that hides the worry",
        "a threat",                              "taking over",
    };
    if (m < 0 || m >= static_cast<int>(sizeof kNames / sizeof kNames[0])) return "a move";
    return kNames[m];
}

bool hand_in_row(App& app, bool asked, const std::string& problem) {
    if (!asked) {
        if (app.session()) {
            bool back = ImGui::Button("Back to the conversation###back");
            note_target("back-to-talk");
            if (back) app.go(app.screen_for_view());
        }
        return false;
    }
    bool pressed = primary_button("Hand in###hand-in");
    if (!problem.empty()) {
        ImGui::SameLine();
        worry_text(problem);
    }
    return pressed;
}

}  // namespace sofs::ui
