// Finding the data folders at run time; see data_dir.hpp.
#include "util/data_dir.hpp"

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace sofs::util {

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v && *v ? std::string(v) : std::string();
}

bool is_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

}  // namespace

std::string program_dir() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return "";
    return exe.parent_path().string();
}

std::string data_root() {
    if (std::string d = env("SOFS_DATA_DIR"); !d.empty()) return d;
    fs::path dir = program_dir();
    for (int up = 0; up < 4 && !dir.empty(); ++up) {
        fs::path candidate = dir / "share" / "sofs-simulator";
        if (is_dir(candidate)) return candidate.string();
        if (!dir.has_parent_path() || dir.parent_path() == dir) break;
        dir = dir.parent_path();
    }
    return "";
}

std::string data_dir(const std::string& folder) {
    const char* var = folder == "scenarios" ? "SOFS_SCENARIOS_DIR"
                    : folder == "content"   ? "SOFS_CONTENT_DIR"
                    : folder == "fonts"     ? "SOFS_FONT_DIR"
                                            : nullptr;
    if (var)
        if (std::string d = env(var); !d.empty()) return d;
    std::string root = data_root();
    fs::path found = root.empty() ? fs::path(folder) : fs::path(root) / folder;
    if (folder == "fonts" && !is_dir(found)) return "/usr/share/fonts/truetype/dejavu";
    return found.string();
}

}  // namespace sofs::util
