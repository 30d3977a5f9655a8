// Reading and writing settings.ini: one `key = value` a line.
#include "settings.hpp"

#include "progress/private_files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sofs::ui {

const char* to_string(Theme t) {
    switch (t) {
        case Theme::Light: return "light";
        case Theme::Dark: return "dark";
        case Theme::HighContrast: return "high-contrast";
    }
    return "light";
}

void Settings::clamp() {
    text_percent = std::clamp(text_percent, 100, 200);
    volume = std::clamp(volume, 0, 100);
    speech_rate = std::clamp(speech_rate, 80, 300);
}

std::string config_dir() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    std::string base;
    if (xdg && *xdg) base = xdg;
    else {
        const char* home = std::getenv("HOME");
        base = std::string(home && *home ? home : ".") + "/.config";
    }
    return base + "/sofs-simulator";
}

std::string settings_path() { return config_dir() + "/settings.ini"; }

static std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r");
    auto e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

static bool to_int(const std::string& v, int* out) {
    char* end = nullptr;
    long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end) return false;
    *out = static_cast<int>(n);
    return true;
}

Settings parse_settings(const std::string& text) {
    Settings s;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#' || line[0] == ';' || line[0] == '[') continue;
        auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string key = trim(line.substr(0, eq)), value = trim(line.substr(eq + 1));
        int n = 0;
        if (key == "text_percent" && to_int(value, &n)) s.text_percent = n;
        else if (key == "volume" && to_int(value, &n)) s.volume = n;
        else if (key == "speech_rate" && to_int(value, &n)) s.speech_rate = n;
        else if (key == "muted") s.muted = value == "true" || value == "1";
        else if (key == "cues") s.cues = !(value == "false" || value == "0");
        else if (key == "last_user") s.last_user = value;
        else if (key == "theme") {
            if (value == "dark") s.theme = Theme::Dark;
            else if (value == "high-contrast") s.theme = Theme::HighContrast;
            else s.theme = Theme::Light;
        }
    }
    s.clamp();
    return s;
}

std::string format_settings(const Settings& s) {
    std::ostringstream out;
    out << "# sofs-sim settings: text size, colours, sound and reading aloud.\n"
        << "[sofs-sim]\n"
        << "text_percent = " << s.text_percent << "\n"
        << "theme = " << to_string(s.theme) << "\n"
        << "volume = " << s.volume << "\n"
        << "muted = " << (s.muted ? "true" : "false") << "\n"
        << "cues = " << (s.cues ? "true" : "false") << "\n"
        << "speech_rate = " << s.speech_rate << "\n"
        << "last_user = " << s.last_user << "\n";
    return out.str();
}

Settings load_settings(const std::string& path) {
    std::ifstream in(path);
    if (!in) return Settings{};
    std::stringstream buf;
    buf << in.rdbuf();
    return parse_settings(buf.str());
}

bool save_settings(const Settings& s, const std::string& path, std::string* error) {
    std::error_code ec;
    // Write beside, then rename: a crash never leaves half a settings file.
    // Readable by its owner only, in a private folder (progress/private_files).
    std::string tmp = path + ".tmp";
    if (!sofs::progress::write_private_file(tmp, format_settings(s), error)) return false;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        if (error) *error = "could not save '" + path + "': " + ec.message();
        return false;
    }
    return true;
}

}  // namespace sofs::ui
