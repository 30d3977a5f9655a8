// Keyboard-only use of the whole application. Dear ImGui 1.86 moves Tab
// between text boxes only; here Tab and Shift+Tab go through every control
// in the order it is drawn (buttons, choices, cards, boxes), the focus ring
// is shown whenever the keyboard moves, and Escape asks to go back a screen.
#pragma once

#include "screen.hpp"

#include <optional>

namespace sofs::ui {

// Call right after ImGui::NewFrame(), before anything is drawn: turns a Tab
// press (or a writing box giving up the keyboard on Tab) into a move to the
// next or previous control. Returns true when Escape was pressed with nothing
// else to close (no pop-up, no box being typed in): the caller goes back.
bool keyboard_new_frame();

// A pending Tab from a writing box (+1 forward, -1 backward, 0 none); taken once.
int take_tab_request();

// Where Escape goes back to from a screen; nothing on the first screens.
std::optional<ScreenId> back_from(ScreenId s);

// The keys, as Help lists them.
const char* keyboard_help();

}  // namespace sofs::ui
