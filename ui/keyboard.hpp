// Keyboard-only use of the whole application. Dear ImGui 1.86 moves Tab
// between text boxes only; here Tab and Shift+Tab go through every control
// in the order it is drawn (buttons, choices, cards, boxes), the focus ring
// is shown whenever the keyboard moves, and Escape asks to go back a screen.
#pragma once

#include "screen.hpp"

#include <optional>
#include <string>

namespace sofs::ui {

// Call after the platform backend's new frame and before ImGui::NewFrame():
// Enter presses the focused button (ImGui 1.86 only gives that to Space).
void keyboard_before_new_frame();

// Call right after ImGui::NewFrame(), before anything is drawn: turns a Tab
// press (or a writing box giving up the keyboard on Tab) into a move to the
// next or previous control. Returns true when Escape was pressed with nothing
// else to close (no pop-up, no box being typed in): the caller goes back.
bool keyboard_new_frame();

// Call when another screen opens: no control keeps the focus (a top-bar
// button such as Sign out must not be pressed by an Enter meant for the new
// screen); the next Tab starts from the top.
void keyboard_screen_changed();

// Call after the frame is drawn (before rendering): remembers whether the
// focused control was still there, so the next Tab starts again from the top
// when it has gone (a card moved to another column, a screen changed).
void keyboard_end_frame();

// A pending Tab from a writing box (+1 forward, -1 backward, 0 none); taken once.
int take_tab_request();

// Where Escape goes back to from a screen; nothing on the first screens.
std::optional<ScreenId> back_from(ScreenId s);

// Named controls, for the keyboard-only playthrough to see where the focus is
// (the way a person sees the focus ring): a screen names a control right after
// drawing it; the names are forgotten at the start of each frame.
void note_target(const std::string& name);
unsigned target_id(const std::string& name);   // ImGuiID, 0 when not drawn this frame
bool target_focused(const std::string& name);   // the focus ring is on it
bool target_typing(const std::string& name);    // it has the keyboard (a writing box being typed in)
// Where a named control was drawn this frame (screen pixels) and the part of
// its panel that shows (the mouse-only playthrough clicks there, scrolling the
// panel first when the control is out of sight). False when not drawn.
struct TargetRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;        // the control
    float cx0 = 0, cy0 = 0, cx1 = 0, cy1 = 0;    // its panel's visible inside
    float sx0 = 0, sy0 = 0, sx1 = 0, sy1 = 0;    // the nearest panel round it that the wheel scrolls
    unsigned scroller = 0;                       // that panel (its ImGuiID)
    float iy0 = 0, iy1 = 0;                      // that panel's own view, before panels round it cut it
    float ox0 = 0, oy0 = 0, ox1 = 0, oy1 = 0;    // the next panel out that the wheel scrolls (when there is one)
    unsigned outer = 0;
};
// The panel a turn of the wheel would scroll with the pointer where it is now
// (ImGuiID; 0 when none would move, e.g. over a writing box that takes the
// wheel for its own lines): the rule ImGui follows, read from the last frame.
unsigned wheel_panel();
bool target_rect(const std::string& name, TargetRect* out);

// The keys, as Help lists them.
const char* keyboard_help();
// How screen-reader users practise (the terminal route), as Help says it.
const char* screen_reader_help();

}  // namespace sofs::ui
