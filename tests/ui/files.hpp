// Temporary folders and whole files, for the screen tests that run sofs-sim
// and read back what it wrote.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace ui_test {

// A new folder under the system's temporary folder, named `prefix` and six random characters.
inline std::string temp_dir(const std::string& prefix) {
    std::string t = (std::filesystem::temp_directory_path() / (prefix + "XXXXXX")).string();
    REQUIRE(mkdtemp(t.data()) != nullptr);
    return t;
}

// A whole file's bytes ("" when it cannot be read).
inline std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace ui_test
