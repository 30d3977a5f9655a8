// What a trainee chooses for comfort (text size, colours, sound, reading
// aloud), remembered between sessions in
// $XDG_CONFIG_HOME/sofs-simulator/settings.ini (~/.config when unset).
#pragma once

#include <string>

namespace sofs::ui {

enum class Theme { Light, Dark, HighContrast };
const char* to_string(Theme t);

struct Settings {
    int text_percent = 100;     // 100..200
    Theme theme = Theme::Light;
    int volume = 80;            // 0..100
    bool muted = false;
    int speech_rate = 160;      // words a minute for reading aloud, 80..300
    bool cues = true;           // quiet sounds after a move or a saved answer
    std::string last_user;      // the profile chosen last time

    // Clamp every number into its range (a hand-edited file never breaks the app).
    void clamp();
    bool operator==(const Settings&) const = default;
};

// The folder our settings live in; created on save.
std::string config_dir();
std::string settings_path();

// Parse and write the ini text (pure; tested). Unknown keys and bad lines are
// ignored so an old or hand-edited file still loads.
Settings parse_settings(const std::string& text);
std::string format_settings(const Settings& s);

// File versions: load returns defaults when the file is missing; save says
// what went wrong and where in `error`.
Settings load_settings(const std::string& path);
bool save_settings(const Settings& s, const std::string& path, std::string* error);

}  // namespace sofs::ui
