// The case list: every scenario that loaded, filtered by course and topic,
// with the trainee's progress on each, and every file that did not load
// listed with file:line and the problem in plain words.
#pragma once

#include "progress/store.hpp"
#include "screen.hpp"

#include <map>
#include <string>
#include <vector>

namespace sofs::ui {

// The notice shown at the top when case files could not be read: which files
// (by name), and what that leaves: the other cases, or none at all.
std::string unread_cases_notice(const std::vector<std::string>& files, std::size_t cases_loaded);
// The case list's words when it has no case to show: none found in `dir`, or
// (when `unread` files were found and none could be read) the problems above.
std::string no_cases_text(const std::string& dir, std::size_t unread);

class LibraryScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::Library; }
    const char* stable_id() const override { return "library"; }
    const char* title() const override { return "Cases to practise"; }
    const char* help() const override;
    void enter(App& app) override;
    void draw(App& app) override;
    std::string read_aloud_text(App& app) override;

    // Opens the scenario with this id (continuing unfinished work unless `fresh`).
    bool open(App& app, const std::string& scenario_id, bool fresh);

private:
    int audience_ = 0;      // 0 = every course, else Audience + 1
    int topic_ = 0;         // 0 = every topic, else index into topics_ + 1
    std::vector<std::string> topics_;
    std::map<std::string, sofs::progress::ScenarioProgress> progress_;
    std::string progress_error_;
    bool show_problems_ = false;
};

}  // namespace sofs::ui
