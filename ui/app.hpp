// The application: options, shared state (library, store, the playthrough),
// the screens, and the calm main loop (waits for events when nothing moves).
#pragma once

#include "records.hpp"
#include "screen.hpp"
#include "settings.hpp"
#include "sound.hpp"

#include "load/loader.hpp"
#include "rubric/assess.hpp"
#include "runtime/session.hpp"

#include <array>
#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct GLFWwindow;
struct ImFont;

namespace sofs::ui {

struct Options {
    std::string scenarios_dir;
    std::string db_path;            // empty: the store's default
    std::string tour_dir;           // non-empty: run the scripted tour
    std::string keys_dir;           // non-empty: play the reference case with key events only
    std::string screenshot;         // with frames: write a PNG after N frames
    int frames = 0;
    bool benchmark_startup = false;
    int width = 1280, height = 800;
    int text_percent = 0;           // non-zero: this text size for this run (100 to 200), not saved
};

// Parses sofs-sim's command line; `error` non-empty on a bad option, `help` set for --help.
Options parse_options(int argc, char** argv, std::string* error, bool* help);
const char* usage();

// The trainee's own mapping board (kept while a scenario is played, saved as drafts).
struct MappingBoard {
    std::map<std::string, std::string> placements;  // fact id -> section ("past-harm", ...)
    std::map<std::string, std::string> texts;       // task kind name -> text
    std::vector<std::string> network;               // person ids chosen for the safety network
    std::map<std::string, std::string> houses;      // Three Houses: what the child said -> house, until handed in
};

struct Notice {
    std::string text;
    bool problem = false;
    int screens_seen = 0;   // news (not problems) goes after the next screen but one
};

class Tour;
class KeyPlay;

class App {
public:
    explicit App(Options o);
    ~App();
    int run();   // returns the exit status

    // ------------------------------------------------------------ shared state
    Options opt;
    Settings settings;
    bool remember_settings = true;   // false in the tour and screenshot runs
    Sound sound;

    Library library;
    std::unique_ptr<Records> records;

    // Who is signed in.
    std::optional<pg::Actor> user;

    // The playthrough.
    std::shared_ptr<const Scenario> scenario;
    std::optional<Session> session;
    std::optional<pg::Attempt> attempt;
    std::size_t committed = 0;      // transcript events already saved
    MappingBoard board;
    std::optional<Debrief> debrief;
    bool finished_saved = false;
    std::map<std::string, std::string> speaker_names_cache;

    // The assessor's guidance, loaded on first use (it is not needed to start).
    const Guidance* guidance();
    std::string guidance_problem;

    // ------------------------------------------------------------ actions (screens and the tour use these)
    void go(ScreenId s);                       // an intent, applied between frames
    ScreenId current() const { return current_; }
    Screen& screen(ScreenId s) { return *screens_[static_cast<int>(s)]; }
    void notify(const std::string& text, bool problem = false);
    std::deque<Notice> notices;

    void sign_in(const pg::Actor& who);
    void sign_out();
    // Open a scenario: resumes the unfinished attempt when there is one and
    // `fresh` is false; otherwise starts a new one. Goes to the briefing or
    // to where the trainee left off.
    bool open_scenario(std::shared_ptr<const Scenario> s, bool fresh);
    // After any session action: save every new event, then show the screen
    // the session's view needs. Returns false when saving failed.
    bool after_action();
    bool advance();
    bool choose(const std::string& choice_id);
    bool answer(const Answer& a);
    // Drafts go to the store under the task they belong to (draft_task), so
    // closing the window mid-task brings the same words and cards back.
    void save_draft(const std::string& key, const std::string& text);   // board text key
    void save_board_draft() { save_placements_draft(TaskKind::SortFacts, board.placements); }
    void save_placements_draft(TaskKind kind, const std::map<std::string, std::string>& placements);
    // The task on screen when it is of this kind, else the first of this kind
    // not yet handed in; "" when there is none.
    std::string draft_task(TaskKind kind) const;
    ScreenId screen_for_view() const;
    std::string speaker_name(const std::string& id) const;

    // Comfort.
    void request_text_size(int percent);       // rebuilt between frames
    void request_theme(Theme t);
    void store_settings();
    float ui_scale() const { return scale_; }  // text size x window content scale
    ImFont* bold = nullptr;
    ImFont* large = nullptr;

    void read_aloud(const std::string& text);
    void open_settings() { show_settings_ = true; request_redraw(); }
    void request_redraw(int frames = 3) { redraw_ = std::max(redraw_, frames); }
    void keep_animating() { animating_ = true; }
    GLFWwindow* window() { return window_; }

    // For the tour and --screenshot.
    bool write_screenshot(const std::string& path, std::string* error);
    void request_screenshot(const std::string& path) { pending_shot_ = path; }
    int frame_number() const { return frame_; }
    void quit(int status) { quit_ = true; exit_status_ = status; }
    std::string last_screenshot_error;

private:
    bool init_window(std::string* error);
    void build_fonts();
    void apply_style();
    void between_frames();
    void draw_frame();
    void draw_top_bar();
    void draw_settings_popup();
    void draw_notices();

    GLFWwindow* window_ = nullptr;
    std::array<std::unique_ptr<Screen>, kScreenCount> screens_;
    ScreenId current_ = ScreenId::SignIn;
    std::optional<ScreenId> next_;
    int scroll_top_frames_ = 0;   // frames left in which a newly opened screen is held at its top
    bool fonts_dirty_ = false;
    bool style_dirty_ = false;
    float content_scale_ = 1.0f;
    float scale_ = 1.0f;
    int redraw_ = 3;
    bool animating_ = false;
    bool quit_ = false;
    int exit_status_ = 0;
    int frame_ = 0;
    std::string pending_shot_;
    std::string read_problem_;
    bool show_help_ = false;
    bool show_settings_ = false;
    std::shared_ptr<const Guidance> guidance_;
    bool guidance_tried_ = false;
    std::unique_ptr<Tour> tour_;
    std::unique_ptr<KeyPlay> keys_;
    std::chrono::steady_clock::time_point started_;
};

// The assessor's debrief of a finished playthrough (answers: the latest per task).
Debrief debrief_for(const Transcript& t, const std::map<std::string, Answer>& answers, const Scenario& s, const Guidance& g);

// Time when main() began, for --benchmark-startup.
void mark_process_start();

}  // namespace sofs::ui
