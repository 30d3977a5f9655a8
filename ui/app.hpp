// The application: options, shared state (library, store, the playthrough),
// the screens, and the calm main loop (waits for events when nothing moves).
#pragma once

#include "records.hpp"
#include "screen.hpp"
#include "settings.hpp"
#include "sound.hpp"
#include "window.hpp"

#include "load/loader.hpp"
#include "play/playthrough.hpp"
#include "rubric/assess.hpp"
#include "runtime/session.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

struct GLFWwindow;
struct ImFont;

namespace sofs::ui {

struct Options {
    std::string scenarios_dir;
    std::string db_path;            // empty: the store's default
    std::string tour_dir;           // non-empty: run the scripted tour
    std::string tour_plans;         // the tour group's other trainees' plans (test data)
    std::string live_script;        // non-empty: drive a live session from this script (ui/live/live_script.hpp)
    std::string keys_dir;           // non-empty: play a case with key events only
    std::string keys_case;          // with keys_dir: the case's id ("" = the reference case)
    bool keys_mouse = false;        // with keys_dir: by mouse alone (--mouse-only DIR) instead
    std::string screenshot;         // with frames: write a PNG after N frames
    int frames = 0;
    bool benchmark_startup = false;
    bool watch = false;             // reload case files when they change (authors)
    int width = 1280, height = 800;
    int text_percent = 0;           // non-zero: this text size for this run (100 to 200), not saved
};

// Parses sofs-sim's command line; `error` non-empty on a bad option, `help` set for --help.
Options parse_options(int argc, char** argv, std::string* error, bool* help);
const char* usage();

struct Notice {
    std::string text;
    bool problem = false;
    int screens_seen = 0;   // news (not problems) goes after the next screen but one
};

class Tour;
class LiveScript;
class CaseWatcher;
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

    // The case list: index entries (no bodies; see whole_case), empty until
    // the index is read after the first frame (library_ready()).
    Library library;
    bool library_ready() const { return library_adopted_; }
    // The whole case behind a case-list entry (read again from its file).
    std::shared_ptr<const Scenario> whole_case(const std::shared_ptr<const Scenario>& entry, std::string* problem);
    // The whole case with this id in the case list; null with `problem` said when there is none.
    std::shared_ptr<const Scenario> whole_case(const std::string& id, std::string* problem);
    std::unique_ptr<Records> records;

    // Who is signed in.
    std::optional<pg::Actor> user;

    // The open case, read through the playthrough (assessment/play), which
    // owns resuming, saving every event, drafts, finishing and assessing.
    // Null when no case is open.
    const Scenario* scenario() const { return play_ ? &play_->scenario() : nullptr; }
    const Session* session() const { return play_ ? &play_->session() : nullptr; }
    const Debrief* debrief() const { return play_ ? play_->debrief() : nullptr; }
    const pg::Attempt* attempt() const { return play_ && play_->attempt() ? &*play_->attempt() : nullptr; }
    // What the trainee has placed or written and not yet handed in (empty when no case is open).
    const play::Board& board() const { return play_ ? play_->board() : no_board_; }
    // Changes to the board, each kept as a draft at once (problems become notices).
    void place_fact(const std::string& fact_id, std::optional<FactKind> place);   // nullopt takes it off
    void write_text(const std::string& key, const std::string& text, bool keep = true);   // keep: save the draft now
    const std::string& board_text(const std::string& key) const;   // "" when none
    void place_houses(const std::map<std::string, House>& houses);
    void pick_for_network(const std::string& person_id, bool chosen);

    // The assessor's guidance, loaded on first use (it is not needed to start)
    // and held only while a screen that judges writing is shown.
    const Guidance* guidance();
    static bool judges_writing(ScreenId s);
    bool holds_guidance() const { return guidance_ != nullptr; }
    std::string guidance_problem;
    // The same, for a playthrough to call when its case ends.
    play::GuidanceSource guidance_source();
    // The criteria's names in words, from the guidance's criteria file alone
    // (play::criterion_names: read once, no lexicons; none when it cannot be
    // read): the records, the exports and the screens name checks alike.
    std::map<std::string, std::string> criterion_names();

    // ------------------------------------------------------------ for the screens
    // Screens reach the case list, the progress file, the sound and the
    // settings only through these (app_services.cpp); each says in plain
    // words why it could not, and acts for whoever is signed in.
    const Library& cases() const { return library; }
    const std::string& scenarios_dir() const { return opt.scenarios_dir; }
    // True when the progress file is open; else `problem` says why.
    bool progress_open(std::string* problem = nullptr) const;
    std::string progress_folder() const;   // the folder the progress file is in
    std::vector<pg::Person> trainees(std::string* error);
    bool trainee_passwords_required();
    std::vector<std::string> progress_notices();
    // A trainee by name (never a trainer): see Records::enter_as_trainee.
    std::optional<pg::Actor> enter_as_trainee(const std::string& name, const std::string& password, std::string* error,
                                              bool* needs_password);
    // A trainer or administrator, by their password (does not sign in: sign_in does).
    std::optional<pg::Actor> check_password(const std::string& name, const std::string& password, std::string* error);
    bool change_password(const std::string& name, const std::string& current, const std::string& fresh, std::string* error);
    // The signed-in person's own record.
    std::vector<pg::ScenarioProgress> my_case_progress(std::string* error);
    std::optional<pg::TraineeReport> my_report(std::string* error);
    bool export_my_cpd(const std::string& file, std::string* error);
    // A trainer's view (as the signed-in trainer).
    std::vector<pg::Cohort> my_cohorts(std::string* error);
    // A finished attempt read again (play::reread) with the signed-in person's
    // access; trainers' comments; one's own record; administration as the
    // signed-in administrator (app_services_admin.cpp). The store checks the role on every call.
    std::optional<play::Reread> reread_attempt(pg::Id attempt, std::string* error);
    bool add_comment(pg::Id attempt, const std::string& text, const std::string& criterion, const std::string& task,
                     std::string* error);
    std::optional<pg::Person> me();
    std::vector<pg::Person> everyone(std::string* error);
    bool create_cohort(const std::string& name, pg::CohortKind kind, std::string* error);
    bool add_trainee(const std::string& name, const std::string& first_password, std::string* error);
    bool add_to_cohort(const std::string& cohort, const std::vector<std::string>& people, std::string* error);
    bool assign_case(const std::string& cohort, const std::string& scenario_id, std::string* error);
    std::optional<pg::CohortReport> cohort_report(const std::string& cohort, std::string* error);
    std::optional<pg::TraineeReport> trainee_report(const std::string& name, std::string* error);
    std::vector<pg::StoredVerdict> attempt_verdicts(pg::Id attempt, std::string* error);
    std::optional<Transcript> attempt_transcript(pg::Id attempt, std::string* error);
    bool override_verdict(pg::Id attempt, const std::string& criterion, bool met, const std::string& reason,
                          const std::string& task, std::string* error);
    bool export_cohort_csv(const pg::CohortReport& r, const std::string& file, std::string* error);
    // Sound: a line's recorded or generated voice, a line in a live voice,
    // and whether voices play by themselves (a device, not muted).
    bool play_voice_file(const std::string& path, std::string* error);
    bool speak_line(const std::string& text, std::string* error, const SpeakerVoice* voice,
                    const std::vector<LanguageRun>* runs);
    bool voices_play_by_themselves() { return !settings.muted && sound.has_device(); }

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
    // Opens the open case again (fresh: a new attempt). False when none is open.
    bool reopen_case(bool fresh);
    // Closes the open case (its work is already saved).
    void close_case();
    // The trainee's actions: false when refused or not saved (a notice says why).
    bool advance();
    bool choose(const std::string& choice_id);
    bool answer(const Answer& a);
    // Drafts go to the store under the task they belong to (draft_task), so
    // closing the window mid-task brings the same words and cards back.
    void save_draft(const std::string& key, const std::string& text);   // board text key
    // The task on screen when it is of this kind, else the first of this kind
    // not yet handed in; "" when there is none.
    std::string draft_task(TaskKind kind) const;
    ScreenId screen_for_view() const;
    std::string speaker_name(const std::string& id) const;

    // Comfort.
    void request_text_size(int percent);       // rebuilt between frames
    void request_theme(Theme t);
    void store_settings();
    float ui_scale() const { return win_.scale(); }  // text size x window content scale
    ImFont* bold = nullptr;
    ImFont* large = nullptr;

    void read_aloud(const std::string& text);
    void open_settings() { show_settings_ = true; request_redraw(); }
    void open_help() { show_help_ = true; request_redraw(); }
    void request_redraw(int frames = 3) { redraw_ = std::max(redraw_, frames); }
    void keep_animating() { animating_ = true; }
    // From any thread (the live session's listener): end the event wait and draw again.
    void wake_from_thread() { woken_ = true; Window::wake(); }
    GLFWwindow* window() { return win_.handle(); }

    // For the tour and --screenshot.
    bool write_screenshot(const std::string& path, std::string* error) { return win_.write_screenshot(path, error); }
    void request_screenshot(const std::string& path) { pending_shot_ = path; }
    int frame_number() const { return frame_; }
    void quit(int status) { quit_ = true; exit_status_ = status; }
    std::string last_screenshot_error;

private:
    void build_fonts();
    void between_frames();
    void draw_frame();
    void draw_top_bar();
    void draw_settings_popup();
    void draw_notices();
    // Shows the playthrough's notices; after an action, the screen its view needs.
    bool after_action(const play::Outcome& o);
    void show_play_notices();
    void adopt_library();
    void reload_watched(const std::string& file);
    std::unique_ptr<CaseWatcher> watcher_;

    Window win_;
    std::array<std::unique_ptr<Screen>, kScreenCount> screens_;
    ScreenId current_ = ScreenId::SignIn;
    std::optional<ScreenId> next_;
    // The sound on the voice channel is a reading the person asked for (Read
    // aloud), not a voice-over that played by itself: only then does the top
    // bar offer "Stop reading". (One sound device per process, so one flag.)
    bool reading_asked_ = false;
    int scroll_top_frames_ = 0;   // frames left in which a newly opened screen is held at its top
    bool fonts_dirty_ = false;
    bool style_dirty_ = false;
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
    void release_guidance();   // read again by the next guidance()
    std::unique_ptr<Tour> tour_;
    std::unique_ptr<LiveScript> live_script_;
    std::unique_ptr<play::Playthrough> play_;
    // The case index (made on indexer_) and the progress file's full check
    // and daily backup (on checker_), handed over between frames.
    std::thread indexer_;
    std::thread checker_;
    std::atomic<bool> checked_{false};
    std::atomic<bool> woken_{false};
    bool check_adopted_ = false;
    std::mutex pending_mutex_;
    Library pending_library_;
    std::string pending_check_;
    std::atomic<bool> indexed_{false};
    bool library_adopted_ = false;
    play::Board no_board_;
    std::unique_ptr<KeyPlay> keys_;
    std::chrono::steady_clock::time_point started_;
};

// Time when main() began, for --benchmark-startup.
void mark_process_start();

}  // namespace sofs::ui
