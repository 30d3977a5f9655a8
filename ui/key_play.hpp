// The scripted playthroughs by keyboard alone (`sofs-sim --keys-only DIR
// [--case ID]`) and by mouse alone (`--mouse-only DIR`): a trainee signs in,
// opens a case (the reference case unless --case names another) and plays it
// to the feedback page. By keyboard it uses
// key events alone (Tab, Shift+Tab, Enter, Space, Escape, number keys, typed
// text, Ctrl+Enter). Like a person watching the focus ring, it looks at which
// control has the focus and at what the screen asks for, but it acts only by
// pressing keys: no mouse, no calls into the screens. By mouse it moves the
// pointer to where each control was drawn and clicks (turning the wheel over
// a panel first when the control is out of sight) through ImGui's input, and
// types only the words of the answers, into a box it has clicked. It uses a temporary
// progress file (or the one --db names, so a test can read it afterwards),
// writes a picture of each screen it reaches into DIR, and at the end reads
// the store back: the attempt must be recorded as finished.
#pragma once

#include "screen.hpp"

#include <deque>
#include <optional>
#include <set>
#include <string>

namespace sofs {
struct Answer;
struct Choice;
struct Task;
struct View;
}  // namespace sofs

namespace sofs::ui {

class App;

// The move a scripted player makes: the first choice on offer whose move
// fits the practice, else the first (the keyboard, the mouse, the tour and
// the live demo's script all choose so). Null when nothing is on offer.
const Choice* practice_choice(const View& v);

class KeyPlay {
public:
    KeyPlay(std::string dir, std::string case_id, bool mouse = false);
    ~KeyPlay();
    bool prepare(App& app, std::string* error);
    void before_frame(App& app);   // decides the next keys when the last have settled
    void inject(App& app);         // between the backend's new frame and ImGui's: this frame's key
    void after_render(App& app);   // the layout check, on each settled screen
    int finish(App& app);          // the exit status; prints what happened

private:
    struct Key {
        int key = -1;          // GLFW key code, -1 for text only
        bool ctrl = false, shift = false;
        std::string text;      // characters typed this frame
        bool mouse = false;    // a pointer step instead: where it is, the left button, the wheel
        float x = 0, y = 0;
        bool down = false;
        float wheel = 0;
    };
    bool mouse_ = false;       // the mouse-only playthrough
    float mx_ = -1, my_ = -1;  // where the pointer is (kept from frame to frame)
    bool mdown_ = false;
    float mwheel_ = 0;
    int scrolls_ = 0;          // wheel turns since a control was last in sight
    int wheel_spot_ = 0;       // the next place over a panel to try the wheel from
    std::string mouse_typed_;  // the writing box the words went into
    std::string dir_, case_, tmp_;
    double started_ = 0;       // seconds (steady clock) when the run began
    std::deque<Key> keys_;
    int held_ = -1;            // the key down in the last frame, released in this one
    int settle_ = 0;
    int tabs_ = 0;             // Tab presses since the focus last reached what was wanted
    int steps_ = 0;
    std::string last_sig_;     // what the screen showed at the last step, to notice being stuck
    int same_steps_ = 0;
    bool done_ = false;
    std::string failure_;
    std::set<std::string> typed_;     // tasks whose words were typed
    std::set<std::string> pictured_;  // screens pictured
    std::set<std::string> overruns_;  // "screen: panel '...' runs N px past its right edge"
    std::set<std::string> cut_;       // "screen (task ...): its main button is cut off by its panel's edge"
    std::string last_where_;          // the screen, scene and task of the last settled step
    std::string shot_;
    int presses_ = 0;

    void press(int key, bool ctrl = false, bool shift = false) { keys_.push_back({key, ctrl, shift, ""}); }
    void type(const std::string& s) { keys_.push_back({-1, false, false, s}); }
    // Tab until the named control has the focus; true when it has it.
    bool tab_to(const std::string& target);
    // By mouse: click the named control (after scrolling it into sight); true
    // when the click is on its way. `fx`: where across it to click (0..1).
    bool click(const std::string& target, float fx = 0.5f);
    // Presses the control: Tab to it and Enter by keyboard, a click by mouse.
    bool activate(const std::string& target, int key = -1);
    // The next thing to place for the expert key's answer at a sorting or
    // Three Houses task: the card or words to pick up and the menu entry for
    // its place (targets); empty when it is time to hand in.
    struct Placing {
        std::string item, to;
    };
    Placing next_placing(App& app, const Task& t, const Answer& want);
    void end(App& app);   // the feedback is reached: the run is over
    // What the open case shows on a playing screen; nullopt (and the run failed) when no case is open.
    std::optional<View> view_of_case(App& app, ScreenId here);
    void decide_mouse(App& app);
    void decide(App& app);
    void fail(App& app, const std::string& why);
};

}  // namespace sofs::ui
