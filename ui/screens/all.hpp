// Every screen of the application, made once at start-up in ScreenId order.
#pragma once

#include "screen.hpp"

#include <array>
#include <memory>

namespace sofs::ui {

std::array<std::unique_ptr<Screen>, kScreenCount> make_screens();

}  // namespace sofs::ui
