// The wrapping writing box: editing rules, line breaking, and the widget.
#include "writing_box.hpp"

#include "keyboard.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace sofs::ui {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }
// Letters, digits, apostrophes inside words and every non-ASCII byte (accented
// and Welsh letters) count as word characters for word-wise moves.
bool is_word(char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || c == '\'' || c == '-';
}
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Makes pasted or typed text safe for one answer: CR LF and CR become LF,
// tabs and other control characters become spaces.
std::string clean(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\r') {
            out += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else if (c == '\n') {
            out += '\n';
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

void append_utf8(std::string& out, unsigned c) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3F)); }
    else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

int g_tab_request = 0;

}  // namespace

void request_tab_focus(int direction) { g_tab_request = direction; }
int take_tab_request() {
    int r = g_tab_request;
    g_tab_request = 0;
    return r;
}

// ------------------------------------------------------------------ line breaking

std::vector<WrappedLine> wrap_lines(const std::string& text, float width, const MeasureText& measure) {
    std::vector<WrappedLine> lines;
    const char* s = text.c_str();
    std::size_t n = text.size();
    std::size_t begin = 0;
    while (true) {
        // One paragraph: up to the next newline.
        std::size_t para_end = text.find('\n', begin);
        if (para_end == std::string::npos) para_end = n;
        std::size_t line_begin = begin;
        while (true) {
            // Take whole words while they fit.
            std::size_t i = line_begin, last_fit = line_begin;
            bool broke = false;
            while (i < para_end) {
                std::size_t w_end = i;
                while (w_end < para_end && is_space(s[w_end])) ++w_end;   // leading spaces stay with the line
                while (w_end < para_end && !is_space(s[w_end])) ++w_end;
                float w = measure(s + line_begin, s + w_end);
                if (w > width && last_fit > line_begin) { broke = true; break; }
                if (w > width) {
                    // A single word wider than the line: break it between characters.
                    std::size_t j = line_begin;
                    std::size_t fit = line_begin;
                    while (j < w_end) {
                        std::size_t k = j + 1;
                        while (k < w_end && is_continuation(s[k])) ++k;
                        if (measure(s + line_begin, s + k) > width && fit > line_begin) break;
                        fit = k;
                        j = k;
                    }
                    last_fit = fit;
                    broke = fit < para_end;
                    break;
                }
                last_fit = w_end;
                i = w_end;
            }
            if (!broke) {
                lines.push_back({line_begin, para_end});
                break;
            }
            // Trailing spaces stay on this line, so the next starts with a word.
            std::size_t end = last_fit;
            while (end < para_end && is_space(s[end])) ++end;
            lines.push_back({line_begin, end});
            line_begin = end;
            if (line_begin >= para_end) {   // only spaces were left
                break;
            }
        }
        if (para_end >= n) break;
        begin = para_end + 1;
        if (begin == n) {   // a newline at the very end opens an empty last line
            lines.push_back({n, n});
            break;
        }
    }
    if (lines.empty()) lines.push_back({0, 0});
    return lines;
}

std::size_t line_of(const std::vector<WrappedLine>& lines, std::size_t pos) {
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        if (pos < lines[i + 1].begin) return i;
    return lines.empty() ? 0 : lines.size() - 1;
}

// ------------------------------------------------------------------ editing

void TextEdit::reset(const std::string& t) {
    text = t;
    caret = anchor = text.size();
    undo_.clear();
    redo_.clear();
    typing_run_ = false;
}

std::size_t TextEdit::prev_char(std::size_t pos) const {
    if (pos == 0) return 0;
    --pos;
    while (pos > 0 && is_continuation(text[pos])) --pos;
    return pos;
}
std::size_t TextEdit::next_char(std::size_t pos) const {
    if (pos >= text.size()) return text.size();
    ++pos;
    while (pos < text.size() && is_continuation(text[pos])) ++pos;
    return pos;
}
std::size_t TextEdit::prev_word(std::size_t pos) const {
    while (pos > 0 && !is_word(text[pos - 1])) pos = prev_char(pos);
    while (pos > 0 && is_word(text[pos - 1])) pos = prev_char(pos);
    return pos;
}
std::size_t TextEdit::next_word(std::size_t pos) const {
    while (pos < text.size() && is_word(text[pos])) pos = next_char(pos);
    while (pos < text.size() && !is_word(text[pos])) pos = next_char(pos);
    return pos;
}

void TextEdit::select_word_at(std::size_t pos) {
    pos = std::min(pos, text.size());
    std::size_t b = pos, e = pos;
    while (b > 0 && is_word(text[b - 1])) b = prev_char(b);
    while (e < text.size() && is_word(text[e])) e = next_char(e);
    anchor = b;
    caret = e;
}

void TextEdit::remember(bool coalesce) {
    if (!(coalesce && typing_run_)) {
        undo_.push_back({text, caret, anchor});
        if (undo_.size() > 300) undo_.erase(undo_.begin());
    }
    redo_.clear();
}

void TextEdit::replace_selection(const std::string& s) {
    std::size_t b = sel_begin();
    text.replace(b, sel_end() - b, s);
    caret = anchor = b + s.size();
}

void TextEdit::type(const std::string& raw) {
    std::string s = clean(raw);
    if (s.empty()) return;
    bool word = !has_selection() && s.size() <= 4 && is_word(s[0]);
    remember(word);
    replace_selection(s);
    typing_run_ = word;
}

void TextEdit::paste(const std::string& raw) {
    std::string s = clean(raw);
    if (s.empty() && !has_selection()) return;
    remember(false);
    replace_selection(s);
    typing_run_ = false;
}

void TextEdit::backspace(bool word) {
    if (!has_selection()) {
        if (caret == 0) return;
        anchor = word ? prev_word(caret) : prev_char(caret);
    }
    remember(false);
    replace_selection("");
    typing_run_ = false;
}

void TextEdit::del(bool word) {
    if (!has_selection()) {
        if (caret >= text.size()) return;
        anchor = word ? next_word(caret) : next_char(caret);
    }
    remember(false);
    replace_selection("");
    typing_run_ = false;
}

std::string TextEdit::cut() {
    if (!has_selection()) return "";
    std::string s = selected();
    remember(false);
    replace_selection("");
    typing_run_ = false;
    return s;
}

void TextEdit::move_to(std::size_t pos, bool select) {
    caret = std::min(pos, text.size());
    while (caret > 0 && caret < text.size() && is_continuation(text[caret])) --caret;
    if (!select) anchor = caret;
    typing_run_ = false;
}

void TextEdit::left(bool word, bool select) {
    if (has_selection() && !select) { move_to(sel_begin(), false); return; }
    move_to(word ? prev_word(caret) : prev_char(caret), select);
}

void TextEdit::right(bool word, bool select) {
    if (has_selection() && !select) { move_to(sel_end(), false); return; }
    move_to(word ? next_word(caret) : next_char(caret), select);
}

bool TextEdit::undo() {
    if (undo_.empty()) return false;
    redo_.push_back({text, caret, anchor});
    State st = undo_.back();
    undo_.pop_back();
    text = st.text;
    caret = std::min(st.caret, text.size());
    anchor = std::min(st.anchor, text.size());
    typing_run_ = false;
    return true;
}

bool TextEdit::redo() {
    if (redo_.empty()) return false;
    undo_.push_back({text, caret, anchor});
    State st = redo_.back();
    redo_.pop_back();
    text = st.text;
    caret = std::min(st.caret, text.size());
    anchor = std::min(st.anchor, text.size());
    typing_run_ = false;
    return true;
}

// ------------------------------------------------------------------ the widget

namespace {

bool key_pressed(ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); }

// The byte in line [b, e) nearest to x (a caret position).
std::size_t hit_column(const std::string& text, const WrappedLine& l, float x) {
    const char* s = text.c_str();
    std::size_t end = l.end;
    // A caret never sits after a wrapped line's trailing spaces on that line,
    // except at the paragraph's end.
    if (end > l.begin && end < text.size() && text[end] != '\n')
        while (end > l.begin && is_space(s[end - 1])) --end;
    float prev = 0;
    std::size_t i = l.begin;
    while (i < end) {
        std::size_t k = i + 1;
        while (k < end && is_continuation(s[k])) ++k;
        float w = ImGui::CalcTextSize(s + l.begin, s + k).x;
        if (x < (prev + w) / 2) return i;
        prev = w;
        i = k;
    }
    return end;
}

}  // namespace

bool WritingBox::draw(const char* id_label, std::string& text, ImVec2 size, const std::vector<Highlight>& marks,
                      const char* placeholder) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiStyle& st = ImGui::GetStyle();
    left_after_edit_ = false;
    if (window->SkipItems) return false;

    if (edit_.text != text) edit_.reset(text);   // changed from outside (a draft came back, the tour wrote it)

    ImGuiID id = window->GetID(id_label);
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    float line_h = ImGui::GetTextLineHeight();
    if (size.y <= 0) size.y = line_h * 5 + st.FramePadding.y * 2;
    ImVec2 pos = window->DC.CursorPos;
    ImRect frame(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::ItemSize(frame, st.FramePadding.y);
    if (!ImGui::ItemAdd(frame, id, nullptr, ImGuiItemFlags_Inputable)) {
        active_ = g.ActiveId == id;
        return false;
    }
    bool hovered = ImGui::ItemHoverable(frame, id);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);

    float pad_x = st.FramePadding.x, pad_y = st.FramePadding.y;
    float bar_w = st.ScrollbarSize * 0.6f;
    float inner_w = std::max(line_h * 2, size.x - pad_x * 2 - bar_w);
    float inner_h = size.y - pad_y * 2;
    ImVec2 origin(frame.Min.x + pad_x, frame.Min.y + pad_y);

    const std::string& t = edit_.text;
    lines_ = wrap_lines(t, inner_w, [](const char* b, const char* e) { return ImGui::CalcTextSize(b, e).x; });
    float content_h = lines_.size() * line_h;

    // Taking the keyboard: a click, Enter or Space on the focused box, or Tab arriving at it.
    bool was_active = g.ActiveId == id;
    bool tabbed_in = (g.LastItemData.StatusFlags & ImGuiItemStatusFlags_FocusedByTabbing) != 0;
    bool nav_activated = g.NavActivateId == id || g.NavActivateInputId == id || tabbed_in;
    bool clicked = hovered && ImGui::IsMouseClicked(0);
    if ((clicked || nav_activated) && !was_active) {
        ImGui::SetActiveID(id, window);
        ImGui::SetFocusID(id, window);
        ImGui::FocusWindow(window);
        if (nav_activated && !clicked) edit_.move_to(t.size(), false);
        scroll_to_caret_ = true;
        edited_while_active_ = false;
    } else if (was_active && io.MouseClicked[0] && !hovered) {
        ImGui::ClearActiveID();
    }
    bool active = g.ActiveId == id;
    if (active) {
        ImGui::KeepAliveID(id);
        g.ActiveIdUsingNavDirMask |= (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right) | (1 << ImGuiDir_Up) | (1 << ImGuiDir_Down);
        g.ActiveIdUsingNavInputMask |= (1 << ImGuiNavInput_Cancel);
        g.ActiveIdUsingKeyInputMask |= (static_cast<ImU64>(1) << ImGuiKey_Home) | (static_cast<ImU64>(1) << ImGuiKey_End) |
                                       (static_cast<ImU64>(1) << ImGuiKey_Tab);
        // The wheel is the box's only when its text is longer than the box;
        // otherwise it turns the page the box sits on.
        g.ActiveIdUsingMouseWheel = hovered && content_h > inner_h;
        g.WantTextInputNextFrame = 1;
    }

    bool changed = false;
    auto at_mouse = [&]() -> std::size_t {
        float y = io.MousePos.y - origin.y + scroll_;
        long li = static_cast<long>(std::floor(y / line_h));
        li = std::clamp(li, 0L, static_cast<long>(lines_.size()) - 1);
        return hit_column(t, lines_[static_cast<std::size_t>(li)], io.MousePos.x - origin.x);
    };

    if (active) {
        // Mouse: click places the caret, Shift+click extends, double-click takes a word, drag selects.
        if (clicked) {
            std::size_t p = at_mouse();
            if (io.MouseDoubleClicked[0]) edit_.select_word_at(p);
            else edit_.move_to(p, io.KeyShift);
            dragging_ = !io.MouseDoubleClicked[0];
            want_x_ = -1;
        } else if (dragging_ && io.MouseDown[0]) {
            edit_.move_to(at_mouse(), true);
            scroll_to_caret_ = true;
        }
        if (!io.MouseDown[0]) dragging_ = false;
        if (hovered && io.MouseWheel != 0 && content_h > inner_h) scroll_ -= io.MouseWheel * line_h * 3;

        bool ctrl = io.KeyCtrl, shift = io.KeyShift;
        std::string before = t;
        auto caret_line = [&] { return line_of(lines_, edit_.caret); };
        auto caret_x = [&] {
            const WrappedLine& l = lines_[caret_line()];
            return ImGui::CalcTextSize(t.c_str() + l.begin, t.c_str() + std::min(edit_.caret, l.end)).x;
        };
        auto vertical = [&](long delta) {
            if (want_x_ < 0) want_x_ = caret_x();
            long li = static_cast<long>(caret_line()) + delta;
            if (li < 0) edit_.move_to(0, shift);
            else if (li >= static_cast<long>(lines_.size())) edit_.move_to(t.size(), shift);
            else edit_.move_to(hit_column(t, lines_[static_cast<std::size_t>(li)], want_x_), shift);
        };
        bool keep_x = false;
        if (key_pressed(ImGuiKey_LeftArrow)) edit_.left(ctrl, shift);
        else if (key_pressed(ImGuiKey_RightArrow)) edit_.right(ctrl, shift);
        else if (key_pressed(ImGuiKey_UpArrow)) { vertical(-1); keep_x = true; }
        else if (key_pressed(ImGuiKey_DownArrow)) { vertical(1); keep_x = true; }
        else if (key_pressed(ImGuiKey_PageUp)) { vertical(-std::max(1L, static_cast<long>(inner_h / line_h) - 1)); keep_x = true; }
        else if (key_pressed(ImGuiKey_PageDown)) { vertical(std::max(1L, static_cast<long>(inner_h / line_h) - 1)); keep_x = true; }
        else if (key_pressed(ImGuiKey_Home)) edit_.move_to(ctrl ? 0 : lines_[caret_line()].begin, shift);
        else if (key_pressed(ImGuiKey_End)) {
            if (ctrl) edit_.move_to(t.size(), shift);
            else {
                const WrappedLine& l = lines_[caret_line()];
                std::size_t e = l.end;
                if (e < t.size() && t[e] != '\n')
                    while (e > l.begin && is_space(t[e - 1])) --e;
                edit_.move_to(e, shift);
            }
        } else if (key_pressed(ImGuiKey_Backspace)) edit_.backspace(ctrl);
        else if (key_pressed(ImGuiKey_Delete)) edit_.del(ctrl);
        else if (key_pressed(ImGuiKey_Enter) || key_pressed(ImGuiKey_KeyPadEnter)) {
            if (ctrl) ImGui::ClearActiveID();   // Ctrl+Enter leaves the box, like Escape
            else edit_.type("\n");
        } else if (key_pressed(ImGuiKey_Escape)) {
            ImGui::ClearActiveID();
            g.NavDisableHighlight = false;
        } else if (key_pressed(ImGuiKey_Tab)) {
            ImGui::ClearActiveID();
            request_tab_focus(shift ? -1 : +1);
        } else if (ctrl && key_pressed(ImGuiKey_A)) edit_.select_all();
        else if (ctrl && key_pressed(ImGuiKey_C)) { if (edit_.has_selection()) ImGui::SetClipboardText(edit_.selected().c_str()); }
        else if (ctrl && key_pressed(ImGuiKey_X)) { std::string c = edit_.cut(); if (!c.empty()) ImGui::SetClipboardText(c.c_str()); }
        else if (ctrl && key_pressed(ImGuiKey_V)) { if (const char* c = ImGui::GetClipboardText()) edit_.paste(c); }
        else if (ctrl && key_pressed(ImGuiKey_Z)) { if (shift) edit_.redo(); else edit_.undo(); }
        else if (ctrl && key_pressed(ImGuiKey_Y)) edit_.redo();
        // Characters typed this frame (Ctrl and Alt combinations are shortcuts, not text).
        if (!(ctrl && !io.KeyAlt)) {
            std::string typed;
            for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
                unsigned c = io.InputQueueCharacters[i];
                if (c == '\t' || c == '\r' || c == '\n' || c < 0x20 || c == 0x7F) continue;
                append_utf8(typed, c);
            }
            if (!typed.empty()) edit_.type(typed);
        }
        io.InputQueueCharacters.resize(0);
        if (!keep_x) want_x_ = -1;
        if (t != before) {
            changed = true;
            edited_while_active_ = true;
            lines_ = wrap_lines(t, inner_w, [](const char* b, const char* e) { return ImGui::CalcTextSize(b, e).x; });
            content_h = lines_.size() * line_h;
        }
        if (edit_.caret != edit_.anchor || t != before || key_pressed(ImGuiKey_LeftArrow) || key_pressed(ImGuiKey_RightArrow) || keep_x ||
            key_pressed(ImGuiKey_Home) || key_pressed(ImGuiKey_End))
            scroll_to_caret_ = true;
    } else {
        dragging_ = false;
    }
    if (was_active && g.ActiveId != id) {
        if (edited_while_active_) left_after_edit_ = true;
        edited_while_active_ = false;
    }
    active = g.ActiveId == id;
    active_ = active;

    // Keep the caret in view, and the scroll within the text.
    if (scroll_to_caret_ && active) {
        float cy = line_of(lines_, edit_.caret) * line_h;
        if (cy < scroll_) scroll_ = cy;
        if (cy + line_h > scroll_ + inner_h) scroll_ = cy + line_h - inner_h;
        scroll_to_caret_ = false;
    }
    scroll_ = std::clamp(scroll_, 0.0f, std::max(0.0f, content_h - inner_h));

    // ---- drawing
    ImDrawList* dl = window->DrawList;
    ImU32 frame_col = ImGui::GetColorU32(active ? ImGuiCol_FrameBgActive : hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
    dl->AddRectFilled(frame.Min, frame.Max, frame_col, st.FrameRounding);
    // A border always (the box's edge must be visible), thick and in the focus colour while typing.
    float th = std::max(1.0f, std::round(line_h / 12.0f));
    if (active) dl->AddRect(frame.Min, frame.Max, ImGui::GetColorU32(ImGuiCol_NavHighlight), st.FrameRounding, 0, th * 2);
    else dl->AddRect(frame.Min, frame.Max, ImGui::GetColorU32(ImGuiCol_Border), st.FrameRounding, 0, th);

    ImVec4 clip(frame.Min.x + 1, frame.Min.y + 1, frame.Max.x - 1, frame.Max.y - 1);
    dl->PushClipRect(ImVec2(clip.x, clip.y), ImVec2(clip.z, clip.w), true);
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 sel_col = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
    const std::string* tip = nullptr;
    const char* s = t.c_str();
    // The placeholder is clipped by the draw list's rectangle above. (Not ImGui::Push/PopClipRect:
    // its pop would leave the window clipped to this box, hiding every control drawn after it.)
    if (t.empty() && placeholder && *placeholder)
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), origin, ImGui::GetColorU32(ImGuiCol_TextDisabled), placeholder, nullptr, inner_w);
    for (std::size_t li = 0; li < lines_.size(); ++li) {
        const WrappedLine& l = lines_[li];
        float y = origin.y + li * line_h - scroll_;
        if (y + line_h < frame.Min.y || y > frame.Max.y) continue;
        auto x_at = [&](std::size_t p) { return origin.x + ImGui::CalcTextSize(s + l.begin, s + std::clamp(p, l.begin, l.end)).x; };
        // Highlights under the words they cover, with an underline (not colour alone).
        for (const auto& m : marks) {
            std::size_t b = std::max(m.begin, l.begin), e = std::min(m.end, l.end);
            if (b >= e) continue;
            while (e > b && is_space(s[e - 1])) --e;
            if (b >= e) continue;
            ImVec2 a(x_at(b), y), z(x_at(e), y + line_h);
            dl->AddRectFilled(a, z, mark_colour(), 3.0f);
            dl->AddLine(ImVec2(a.x, z.y - 1), ImVec2(z.x, z.y - 1), m.style == 0 ? worry_colour() : good_colour(), std::max(1.5f, line_h / 10.0f));
            if (hovered && io.MousePos.x >= a.x && io.MousePos.x < z.x && io.MousePos.y >= a.y && io.MousePos.y < z.y && !m.tooltip.empty())
                tip = &m.tooltip;
        }
        // The selection.
        if (active && edit_.has_selection()) {
            std::size_t b = std::max(edit_.sel_begin(), l.begin), e = std::min(edit_.sel_end(), l.end);
            bool through_newline = edit_.sel_end() > l.end && l.end < t.size() && t[l.end] == '\n';
            if (b < e || (through_newline && edit_.sel_begin() <= l.end)) {
                float x1 = x_at(e) + (through_newline ? ImGui::CalcTextSize(" ").x : 0);
                dl->AddRectFilled(ImVec2(x_at(b), y), ImVec2(x1, y + line_h), sel_col);
            }
        }
        std::size_t e = l.end;
        if (e > l.begin && s[e - 1] == '\n') --e;
        if (e > l.begin) dl->AddText(ImVec2(origin.x, y), ink, s + l.begin, s + e);
    }
    // The caret: a steady bar (no blinking, so an idle window need not redraw).
    if (active) {
        std::size_t li = line_of(lines_, edit_.caret);
        const WrappedLine& l = lines_[li];
        float x = origin.x + ImGui::CalcTextSize(s + l.begin, s + std::clamp(edit_.caret, l.begin, l.end)).x;
        float y = origin.y + li * line_h - scroll_;
        dl->AddLine(ImVec2(x, y), ImVec2(x, y + line_h), ink, std::max(1.5f, line_h / 12.0f));
        // Tell the operating system where typing happens (input methods).
        io.WantSetMousePos = false;
        g.PlatformImePos = ImVec2(x, y);
    }
    dl->PopClipRect();
    // A thin scroll bar when the text is longer than the box.
    if (content_h > inner_h) {
        float track_x = frame.Max.x - bar_w - 2;
        float frac = inner_h / content_h;
        float gh = std::max(line_h, (frame.GetHeight() - 4) * frac);
        float gy = frame.Min.y + 2 + (frame.GetHeight() - 4 - gh) * (scroll_ / std::max(1.0f, content_h - inner_h));
        dl->AddRectFilled(ImVec2(track_x, gy), ImVec2(track_x + bar_w, gy + gh), ImGui::GetColorU32(ImGuiCol_ScrollbarGrab), bar_w / 2);
    }
    if (tip && !dragging_) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(tip->c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (changed) text = edit_.text;
    return changed;
}

}  // namespace sofs::ui
