// A check that no text or control runs past the right edge of its panel:
// after a frame is drawn, every panel (window or child window) without a
// sideways scroll bar must have contents no wider than itself. The tour runs
// it on every picture, at 100 % and at 200 % text.
#pragma once

#include <string>
#include <vector>

namespace sofs::ui {

// Panels drawn in the last frame whose contents are wider than the panel,
// as "panel 'name': 37 px too wide". Call between frames (after Render).
std::vector<std::string> panels_running_over(float tolerance_px = 2.0f);

}  // namespace sofs::ui
