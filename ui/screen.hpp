// What every screen is: a stable id, a title, help text that explains it,
// and a draw() that reads and changes state held in members (never in
// function statics). Screens never switch screens themselves mid-frame: they
// ask App::go(), which applies the intent between frames.
#pragma once

#include <string>

namespace sofs::ui {

class App;

enum class ScreenId {
    SignIn, Library, Briefing, Conversation, Mapping, Scaling, ThreeHouses, Debrief, MyProgress, Trainer,
    Live,          // the room's live session (live.*)
    AttemptView,   // a finished case read again (attempt_view.*)
    Admin,         // groups, trainees and cases (admin.*)
    Account,       // one's own password (account.*)
    Network,       // a practice-lead network's shared board (network.*)
};
constexpr int kScreenCount = 15;

class Screen {
public:
    virtual ~Screen() = default;
    virtual ScreenId id() const = 0;
    virtual const char* stable_id() const = 0;   // "sign-in", used in ImGui ids and file names
    virtual const char* title() const = 0;       // as the top bar shows it
    virtual const char* help() const = 0;        // plain words: what this screen is for and how to use it
    virtual void enter(App&) {}                  // called between frames when the screen is shown
    virtual void leave(App&) {}                  // called between frames before another is shown
    virtual void draw(App&) = 0;
    // The words "Read aloud" reads on this screen.
    virtual std::string read_aloud_text(App&) { return help(); }
};

}  // namespace sofs::ui
