// Tab order through every control, the focus ring, and Escape for "back".
#include "keyboard.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <map>

namespace sofs::ui {

namespace {
std::map<std::string, ImGuiID> g_targets;   // this frame's named controls
std::map<std::string, TargetRect> g_rects;  // where they were drawn
bool g_focus_alive = false;                 // the focused control was drawn in the last frame
bool g_screen_changed = false;              // another screen opened before this frame
}  // namespace

void note_target(const std::string& name) {
    g_targets[name] = ImGui::GetItemID();
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    const ImRect& clip = w->InnerClipRect;
    // The panels the wheel would scroll, from the control outwards (as ImGui
    // passes a turn on from a panel that cannot scroll, or not by the wheel).
    auto scrolling = [](ImGuiWindow* p) {
        while (p && p->ParentWindow && (p->Flags & ImGuiWindowFlags_ChildWindow) &&
               (p->ScrollMax.y <= 0 || (p->Flags & ImGuiWindowFlags_NoScrollWithMouse)))
            p = p->ParentWindow;
        return p;
    };
    ImGuiWindow* scroller = scrolling(w);
    ImGuiWindow* outer = (scroller->Flags & ImGuiWindowFlags_ChildWindow) ? scrolling(scroller->ParentWindow) : nullptr;
    if (outer && outer->ScrollMax.y <= 0) outer = nullptr;
    const ImRect& sc = scroller->InnerClipRect;
    TargetRect t{a.x, a.y, b.x, b.y, clip.Min.x, clip.Min.y, clip.Max.x, clip.Max.y,
                 sc.Min.x, sc.Min.y, sc.Max.x, sc.Max.y, scroller->ID, scroller->InnerRect.Min.y, scroller->InnerRect.Max.y};
    if (outer) {
        const ImRect& oc = outer->InnerClipRect;
        t.ox0 = oc.Min.x, t.oy0 = oc.Min.y, t.ox1 = oc.Max.x, t.oy1 = oc.Max.y;
        t.outer = outer->ID;
    }
    g_rects[name] = t;
}
unsigned wheel_panel() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* w = g.HoveredWindow;
    if (!w || w->Collapsed) return 0;
    // A control under the pointer (or one being typed in, under it) that takes the wheel itself.
    if (g.HoveredIdUsingMouseWheel || g.HoveredIdPreviousFrameUsingMouseWheel || (g.ActiveId != 0 && g.ActiveIdUsingMouseWheel)) return 0;
    // As ImGui does: a panel that cannot scroll, or will not by the wheel, passes the turn to its parent.
    while ((w->Flags & ImGuiWindowFlags_ChildWindow) &&
           (w->ScrollMax.y == 0.0f || ((w->Flags & ImGuiWindowFlags_NoScrollWithMouse) && !(w->Flags & ImGuiWindowFlags_NoMouseInputs))))
        w = w->ParentWindow;
    if (w->Flags & (ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMouseInputs)) return 0;
    return w->ID;
}
bool target_rect(const std::string& name, TargetRect* out) {
    auto it = g_rects.find(name);
    if (it == g_rects.end()) return false;
    *out = it->second;
    return true;
}
unsigned target_id(const std::string& name) {
    auto it = g_targets.find(name);
    return it == g_targets.end() ? 0 : it->second;
}
bool target_focused(const std::string& name) {
    ImGuiID id = target_id(name);
    return id != 0 && ImGui::GetCurrentContext()->NavId == id;
}
bool target_typing(const std::string& name) {
    ImGuiID id = target_id(name);
    return id != 0 && ImGui::GetCurrentContext()->ActiveId == id;
}

void keyboard_before_new_frame() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiIO& io = g.IO;
    int enter = io.KeyMap[ImGuiKey_Enter], pad = io.KeyMap[ImGuiKey_KeyPadEnter];
    bool down = (enter >= 0 && io.KeysDown[enter]) || (pad >= 0 && io.KeysDown[pad]);
    // The backend clears NavInputs every frame, so this lasts while Enter is held.
    if (down && !io.KeyCtrl && !io.KeyAlt && g.ActiveId == 0 && g.NavId != 0) io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
}

bool keyboard_new_frame() {
    g_targets.clear();
    g_rects.clear();
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiIO& io = g.IO;
    // A screen change leaves the focus in a window no longer drawn: give it
    // back to the application's window, so Tab starts from the top again.
    if (g_screen_changed) {
        g_screen_changed = false;
        if (ImGuiWindow* main = ImGui::FindWindowByName("Signs of Safety practice###main")) main->NavLastIds[0] = 0;
        if (g.NavWindow && g.NavWindow->WasActive) g.NavId = 0;
    }
    if (!g.NavWindow || !g.NavWindow->WasActive) {
        if (ImGuiWindow* main = ImGui::FindWindowByName("Signs of Safety practice###main"); main && main->WasActive) {
            // FocusWindow would put the focus back on the last top-bar button
            // Tab passed (often Sign out), where Enter on arriving at a new
            // screen would sign the trainee out: no control has it until Tab.
            main->NavLastIds[0] = 0;
            ImGui::FocusWindow(main);
            g.NavId = 0;
        }
    }
    int dir = take_tab_request();
    bool popup = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (dir == 0 && g.ActiveId == 0 && !io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab), true))
        dir = io.KeyShift ? -1 : +1;
    if (dir != 0 && g.NavWindow) {
        // Every item is a stop (FocusApi), not only text boxes; the order is the drawing order.
        g.NavTabbingDir = ((g.NavId == 0 || !g_focus_alive) && dir > 0) ? 0 : dir;
        ImGui::NavMoveRequestSubmit(ImGuiDir_None, dir < 0 ? ImGuiDir_Up : ImGuiDir_Down,
                                    ImGuiNavMoveFlags_Tabbing | ImGuiNavMoveFlags_FocusApi,
                                    ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleEdgeY);
        g.NavTabbingResultFirst.Clear();
        g.NavTabbingCounter = -1;
    }
    // Any key that moves the focus shows the ring (ImGui hides it after the mouse moves).
    static const ImGuiKey kMoves[] = {ImGuiKey_Tab, ImGuiKey_UpArrow, ImGuiKey_DownArrow, ImGuiKey_LeftArrow, ImGuiKey_RightArrow};
    for (ImGuiKey k : kMoves)
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true) && g.ActiveId == 0) {
            g.NavDisableHighlight = false;
            g.NavDisableMouseHover = true;
        }
    bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    return escape && !popup && g.ActiveId == 0 && !io.WantTextInput;
}

void keyboard_screen_changed() { g_screen_changed = true; }

void keyboard_end_frame() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    g_focus_alive = g.NavId != 0 && g.NavIdIsAlive;
}

const char* screen_reader_help() {
    return "Screen readers such as Orca and NVDA cannot read this window. The same cases can be practised in a terminal, "
           "where a screen reader reads every line: run  sofs play  with the case file, --db with your progress file and "
           "--user with your name. It wraps whole words at the terminal's width, numbers each choice, asks for every task "
           "in words, and saves to the same progress file. The README says more.";
}

std::optional<ScreenId> back_from(ScreenId s) {
    switch (s) {
        case ScreenId::Briefing: return ScreenId::Library;
        case ScreenId::Conversation: return ScreenId::Briefing;
        case ScreenId::Mapping:
        case ScreenId::Scaling:
        case ScreenId::ThreeHouses: return ScreenId::Conversation;
        case ScreenId::Debrief:
        case ScreenId::MyProgress: return ScreenId::Library;
        default: return std::nullopt;
    }
}

const char* keyboard_help() {
    return "Keys: Tab and Shift+Tab move to the next and previous control (the one with the focus has a thick outline); "
           "Enter or Space presses it; the arrow keys also move between controls; Escape goes back a screen or closes a box; "
           "Ctrl+Enter presses the main button of a screen (Continue, Hand in, Begin the visit). "
           "In a writing box: type as usual, Ctrl+Z undoes and Ctrl+Y redoes, Ctrl+C, Ctrl+X and Ctrl+V copy, cut and paste, "
           "Shift with the arrows selects, Tab or Escape leaves the box. In the conversation the keys 1 to 9 choose what to say. "
           "On the mapping board, press Enter on a fact card to choose where it goes. On the safety scale, Left and Right move "
           "the number. On the case briefing, when the family tree is bigger than its panel, Tab to it and the arrow keys "
           "scroll it. F1 shows help.";
}

}  // namespace sofs::ui
