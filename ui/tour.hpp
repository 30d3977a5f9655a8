// The scripted tour (`sofs-sim --tour DIR`): a trainee plays the reference
// case through every screen, then a trainer opens the dashboard and
// overrules one check. One PNG per screen goes into DIR. It drives the app
// from inside, calling the screens' own actions at a fixed frame cadence,
// against a temporary progress file (never the user's).
#pragma once

#include "model/scenario.hpp"
#include "runtime/transcript.hpp"

#include <deque>
#include <functional>
#include <string>
#include <vector>

namespace sofs {
struct Scenario;
struct Task;
}

namespace sofs::ui {

class App;

class Tour {
public:
    // `plans_dir`: plans (*.yaml, test data) for the group's other trainees; "" for none.
    Tour(std::string dir, std::string plans_dir);
    ~Tour();
    bool prepare(App& app, std::string* error);
    void before_frame(App& app);
    void after_render(App& app);
    int finish(App& app);
    // Called between the backend's new frame and ImGui's: plays the scripted mouse.
    void inject(App& app);   // the exit status; prints what was written and what failed

private:
    using Fn = std::function<bool(App&, std::string*)>;
    struct Action {
        std::string what;
        Fn fn;
        std::string shot;   // PNG file name to write after the action settles ("" = none)
    };
    std::string dir_;
    std::string plans_dir_;
    std::string tmp_;
    std::deque<Action> queue_;
    std::string shot_;          // set by an action to name its screenshot
    std::string requested_;     // PNG requested for this frame
    int wait_ = 0;
    bool done_ = false;
    int play_steps_ = 0;
    bool talked_ = false;
    int choices_made_ = 0;
    std::string dragged_;                // the card moved with the mouse
    FactKind dragged_to_ = FactKind::PastHarm;   // and where to
    std::vector<std::string> kinds_seen_;
    std::vector<std::string> written_;
    std::vector<std::string> failures_;
    std::vector<std::string> overruns_;   // panels whose contents ran past their right edge, per picture

    struct Mouse {
        float x = 0, y = 0;
        bool down = false;
    };
    std::deque<Mouse> mouse_;   // one entry a frame
    bool play(App& app, std::string* error);
    bool drag_a_card(App& app, std::string* error);
    void push_front(Action a) { queue_.push_front(std::move(a)); }
};

}  // namespace sofs::ui
