// Where the programs find their data (scenarios, content, fonts) without any
// path compiled in, so a built program can be moved or installed:
//   1. the environment variable named for the folder, when set
//      (SOFS_SCENARIOS_DIR, SOFS_CONTENT_DIR, SOFS_FONT_DIR), else
//   2. $SOFS_DATA_DIR/<folder>, else
//   3. share/sofs-simulator/<folder> beside the program's own folder or up to
//      three folders above it (an installed prefix: bin/../share/...; a build
//      tree: the build writes share/sofs-simulator/ pointing at the sources).
// Fonts fall back to the system's DejaVu folder.
#pragma once

#include <string>

namespace sofs::util {

// The folder holding the running program (from /proc/self/exe); "" if unknown.
std::string program_dir();

// The installed or built data root (share/sofs-simulator), per the rules
// above; "" when none is found.
std::string data_root();

// A data folder: "scenarios", "content" or "fonts". Returns the best guess
// (which may not exist) so the caller's error can name it.
std::string data_dir(const std::string& folder);

}  // namespace sofs::util
