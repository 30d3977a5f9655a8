// The application's controller: command line, the signed-in person, the open
// case (a play::Playthrough, which saves every event, keeps drafts, and
// finishes and assesses the attempt), navigation between frames, notices,
// the top bar (read aloud, help, settings) and the calm main loop. The
// window, fonts, themes and screenshots are the Window's (window.hpp).
#include "app.hpp"

#include "case_watch.hpp"

#include <imgui_internal.h>
#include <string_view>

#include "util/args.hpp"
#include "util/data_dir.hpp"
#include "keyboard.hpp"
#include "screens/all.hpp"
#include "screens/library.hpp"
#include "screens/mapping.hpp"
#include "key_play.hpp"
#include "tour.hpp"
#include "live/live_script.hpp"
#include "play/verdicts.hpp"
#include "widgets.hpp"

#include <GLFW/glfw3.h>   // key codes for ImGui::IsKeyPressed
#include <imgui.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <future>
#include <mutex>
#include <thread>
#include <cstdlib>
#include <malloc.h>   // malloc_trim

namespace sofs::ui {

namespace {

std::chrono::steady_clock::time_point g_process_start = std::chrono::steady_clock::now();

}  // namespace

void mark_process_start() { g_process_start = std::chrono::steady_clock::now(); }

const char* usage() {
    return "sofs-sim: practise Signs of Safety conversations, mapping and safety planning.\n"
           "\n"
           "usage: sofs-sim [--scenarios DIR] [--db PATH] [--tour DIR [--tour-plans DIR]] [--keys-only|--mouse-only DIR [--case ID]]\n"
           "                [--live-script FILE] [--text-size PCT] [--watch]\n"
           "                [--frames N --screenshot FILE] [--benchmark-startup] [--help]\n"
           "\n"
           "  --scenarios DIR      where the case scenarios are (default: $SOFS_SCENARIOS_DIR, else the\n"
           "                       scenarios/ installed with the program)\n"
           "  --db PATH            the progress file (default: ~/.local/share/sofs-simulator/progress.db)\n"
           "  --tour DIR           run a scripted trainee and trainer through every screen of the\n"
           "                       reference case, writing one PNG per screen into DIR; uses a\n"
           "                       temporary progress file; exits 0 when every step worked\n"
           "  --tour-plans DIR     with --tour: one more trainee in the tour's group for each plan\n"
           "                       (*.yaml, the format of sofs play --script) in DIR, named by its file\n"
           "  --keys-only DIR      play the reference case from sign-in to feedback with key events\n"
           "                       only (Tab, Enter, Space, Escape, typing), one PNG per screen into\n"
           "                       DIR; uses a temporary progress file unless --db names one; exits 0\n"
           "                       when feedback is reached and the attempt is stored as finished\n"
           "  --mouse-only DIR     the same by mouse alone: clicks where each control is drawn, turns\n"
           "                       the wheel to bring it into sight, and types only the answers' words\n"
           "  --case ID            with --keys-only or --mouse-only: play this case instead (its id)\n"
           "  --frames N           draw N frames and exit (with --screenshot: then save a PNG);\n"
           "                       exits 3 when problems were shown (scenarios that did not load)\n"
           "  --screenshot FILE    the PNG to write after --frames N\n"
           "  --live-script FILE   drive a live session from a script of steps (the two-window\n"
           "                       demonstration; see ui/live/live_script.hpp)\n"
           "  --text-size PCT      text size for this run only, 100 to 200 (the tour's 200 % pictures)\n"
           "  --watch              for authors: reload a case file when it changes (a bad edit shows\n"
           "                       its problem and the last good version stays)\n"
           "  --benchmark-startup  print the time from start to the first frame on screen, in ms\n"
           "  --help               show this help\n"
           "\n"
           "Settings are kept in $XDG_CONFIG_HOME/sofs-simulator/settings.ini.\n";
}

Options parse_options(int argc, char** argv, std::string* error, bool* help) {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto p = cli::parse_args(args, {"scenarios", "db", "tour", "tour-plans", "keys-only", "mouse-only", "case", "live-script", "frames", "screenshot", "width", "height", "text-size"},
                             {"help", "benchmark-startup", "watch"});
    Options o;
    *help = false;
    if (!p.error.empty()) { *error = p.error; return o; }
    if (p.has("help")) { *help = true; return o; }
    if (!p.positional.empty()) { *error = "unexpected argument '" + p.positional[0] + "' (see --help)"; return o; }
    o.scenarios_dir = p.get("scenarios").value_or(util::data_dir("scenarios"));
    o.db_path = p.get("db").value_or("");
    o.tour_dir = p.get("tour").value_or("");
    o.tour_plans = p.get("tour-plans").value_or("");
    o.live_script = p.get("live-script").value_or("");
    o.keys_dir = p.get("keys-only").value_or("");
    if (auto m = p.get("mouse-only")) {
        if (!o.keys_dir.empty()) { *error = "choose --keys-only or --mouse-only, not both"; return o; }
        o.keys_dir = *m;
        o.keys_mouse = true;
    }
    o.keys_case = p.get("case").value_or("");
    if (!o.keys_case.empty() && o.keys_dir.empty()) { *error = "option --case goes with --keys-only DIR or --mouse-only DIR"; return o; }
    o.screenshot = p.get("screenshot").value_or("");
    o.benchmark_startup = p.has("benchmark-startup");
    o.watch = p.has("watch");
    std::string e;
    if (auto n = p.get_int("frames", &e)) o.frames = static_cast<int>(*n);
    if (auto n = p.get_int("width", &e)) o.width = static_cast<int>(*n);
    if (auto n = p.get_int("height", &e)) o.height = static_cast<int>(*n);
    if (auto n = p.get_int("text-size", &e)) {
        o.text_percent = static_cast<int>(*n);
        if (e.empty() && (o.text_percent < 100 || o.text_percent > 200)) e = "option --text-size takes a percentage from 100 to 200";
    }
    if (!e.empty()) { *error = e; return o; }
    if (!o.screenshot.empty() && o.frames <= 0 && o.live_script.empty()) o.frames = 5;
    if (o.frames < 0) *error = "option --frames takes a number of frames of 1 or more";
    return o;
}

App::App(Options o) : opt(std::move(o)), started_(g_process_start) {
    screens_ = make_screens();
    remember_settings = opt.tour_dir.empty() && opt.keys_dir.empty() && opt.live_script.empty() && opt.frames == 0 && !opt.benchmark_startup;
    settings = remember_settings ? load_settings(settings_path()) : Settings{};
    if (opt.text_percent > 0) settings.text_percent = opt.text_percent;
}

App::~App() = default;

// ------------------------------------------------------------------ state actions

void App::go(ScreenId s) { next_ = s; request_redraw(); }

void App::notify(const std::string& text, bool problem) {
    for (auto& n : notices)
        if (n.text == text) return;
    notices.push_back({text, problem, 0});
    while (notices.size() > 4) notices.pop_front();
    request_redraw();
}

const Guidance* App::guidance() {
    if (!guidance_tried_) {
        guidance_tried_ = true;
        guidance_problem.clear();
        std::string err;
        try {
            guidance_ = Guidance::load(Guidance::default_dir(), &err);
        } catch (const std::exception& e) {
            err = e.what();
        }
        if (!guidance_)
            guidance_problem = "Feedback on writing is not available: " +
                               (err.empty() ? std::string("the practice guidance could not be loaded") : err);
    }
    return guidance_.get();
}

bool App::judges_writing(ScreenId s) {
    switch (s) {
        case ScreenId::Briefing: case ScreenId::Conversation: case ScreenId::Mapping: case ScreenId::Scaling:
        case ScreenId::ThreeHouses: case ScreenId::Live: case ScreenId::Network:
            return true;
        default:   // the sign-in, the library, the debrief (its verdicts are kept), progress, trainers', admin
            return false;
    }
}

void App::release_guidance() {
    guidance_.reset();
    guidance_tried_ = false;   // guidance_problem stays: the debrief may still show it
}

std::map<std::string, std::string> App::criterion_names() { return play::on_task(play::criterion_names()); }

void App::sign_in(const pg::Actor& who) {
    // `who` comes from the store's sign_in or ensure_trainee: a trainer or
    // administrator only by their password. The name is not remembered, so
    // the next person at a shared computer is not offered it.
    user = who;
    // A first password from an administrator is changed before anything else.
    if (records && records->must_change_password(who.name)) go(ScreenId::Account);
    else go(who.role == pg::Role::Trainee ? ScreenId::Library : ScreenId::Trainer);
}

play::GuidanceSource App::guidance_source() {
    return [this](std::string* problem) -> const Guidance* {
        const Guidance* g = guidance();
        if (!g && problem) *problem = guidance_problem;
        return g;
    };
}

void App::sign_out() {
    user.reset();
    close_case();
    go(ScreenId::SignIn);
}

std::string App::speaker_name(const std::string& id) const {
    if (id == "narrator" || id.empty() || !play_) return "";
    if (const Person* p = play_->scenario().person(id)) return p->name;
    return id;
}

std::string App::draft_task(TaskKind kind) const { return play_ ? play_->draft_task(kind) : ""; }

bool App::open_scenario(std::shared_ptr<const Scenario> s, bool fresh) {
    // The case list holds index entries: the whole case is read when opened.
    std::string problem;
    s = whole_case(s, &problem);
    if (!s) {
        notify("This case cannot be opened: " + problem, true);
        return false;
    }
    play_.reset();
    play::Setup setup;
    if (records && records->ok() && user) {
        setup.store = records->store();
        setup.trainee = *user;
    } else if (records && !records->ok()) {
        notify("Your work is not being saved: " + records->problem(), true);
    }
    setup.resume = !fresh;
    setup.seed = opt.tour_dir.empty() && opt.keys_dir.empty() ? std::random_device{}() : 1;
    setup.guidance = guidance_source();
    play_ = std::make_unique<play::Playthrough>(std::move(s), std::move(setup));
    show_play_notices();
    go(play_->resumed() ? screen_for_view() : ScreenId::Briefing);
    return true;
}

bool App::reopen_case(bool fresh) {
    if (!play_) return false;
    auto s = play_->scenario_ptr();
    return open_scenario(std::move(s), fresh);
}

void App::close_case() { play_.reset(); }

void App::show_play_notices() {
    if (!play_) return;
    for (const auto& n : play_->take_notices()) notify(n.text, n.problem);
}

ScreenId App::screen_for_view() const {
    if (!play_) return ScreenId::Library;
    View v = play_->view();
    switch (v.kind) {
        case View::Kind::Narration:
        case View::Kind::Choices: return ScreenId::Conversation;
        case View::Kind::Ending: return ScreenId::Debrief;
        case View::Kind::Task:
            if (!v.task) return ScreenId::Conversation;
            switch (v.task->kind) {
                case TaskKind::Scaling: return ScreenId::Scaling;
                case TaskKind::ThreeHouses: return ScreenId::ThreeHouses;
                default: return ScreenId::Mapping;
            }
    }
    return ScreenId::Conversation;
}

bool App::after_action(const play::Outcome& o) {
    if (!o.taken) {
        notify(o.problem, true);
        return false;
    }
    show_play_notices();
    go(screen_for_view());
    return o.saved;
}

bool App::advance() {
    if (!play_) return false;
    return after_action(play_->advance());
}

bool App::choose(const std::string& choice_id) {
    if (!play_) return false;
    play::Outcome o = play_->choose(choice_id);
    if (o.taken) sound.cue(Cue::Step);
    return after_action(o);
}

bool App::answer(const Answer& a) {
    if (!play_) return false;
    play::Outcome o = play_->answer(a);
    if (o.taken) sound.cue(Cue::Saved);
    return after_action(o);
}

// Drafts go to the store under the task they belong to, so closing the window
// mid-task brings the same words and cards back.
void App::save_draft(const std::string& key, const std::string& text) {
    if (play_ && !play_->save_text_draft(key, text)) show_play_notices();
}

void App::place_fact(const std::string& fact_id, std::optional<FactKind> place) {
    if (play_ && !play_->place_fact(fact_id, place)) show_play_notices();
}

void App::write_text(const std::string& key, const std::string& text, bool keep) {
    if (play_ && !play_->write(key, text, keep)) show_play_notices();
}

const std::string& App::board_text(const std::string& key) const {
    static const std::string none;
    return play_ ? play_->text(key) : none;
}

void App::place_houses(const std::map<std::string, House>& houses) {
    if (play_ && !play_->place_houses(houses)) show_play_notices();
}

void App::pick_for_network(const std::string& person_id, bool chosen) {
    if (play_) play_->pick_for_network(person_id, chosen);
}

void App::read_aloud(const std::string& text) {
    std::string err;
    reading_asked_ = sound.read_aloud(text, settings.speech_rate, &err);
    if (!reading_asked_) notify(err, !sound.has_device() ? false : true);
    request_redraw();
}

void App::request_text_size(int percent) {
    settings.text_percent = std::clamp(percent, 100, 200);
    fonts_dirty_ = true;
    store_settings();
    request_redraw();
}

void App::request_theme(Theme t) {
    settings.theme = t;
    style_dirty_ = true;
    store_settings();
    request_redraw();
}

void App::store_settings() {
    if (!remember_settings) return;
    std::string err;
    if (!save_settings(settings, settings_path(), &err)) notify("Your settings could not be saved: " + err, true);
}

// ------------------------------------------------------------------ window, fonts, style

// Font and style changes and navigation happen here, never inside a frame.
void App::build_fonts() {
    if (std::string problem = win_.build_fonts(settings.text_percent); !problem.empty()) notify(problem, true);
    bold = win_.bold;
    large = win_.large;
}

void App::between_frames() {
    if (win_.take_scale_change()) fonts_dirty_ = true;
    if (fonts_dirty_) {
        fonts_dirty_ = false;
        if (std::string problem = win_.rebuild_fonts(settings.text_percent); !problem.empty()) notify(problem, true);
        bold = win_.bold;
        large = win_.large;
        style_dirty_ = true;
        malloc_trim(0);   // the atlas's building space (a few MiB) goes back
    }
    if (style_dirty_) {
        style_dirty_ = false;
        win_.apply_style(settings.theme);
    }
    if (next_) {
        ScreenId to = *next_;
        next_.reset();
        // Someone with a first password from an administrator chooses their
        // own before going anywhere else (the top bar's buttons included).
        if (user && to != ScreenId::Account && to != ScreenId::SignIn && records && records->must_change_password(user->name))
            to = ScreenId::Account;
        if (to != current_) {
            keyboard_screen_changed();
            screen(current_).leave(*this);
            // The practice guidance (lexicons, weights: about 2.5 MiB) is held
            // only on the screens that judge writing; it is read here, between
            // frames, on the way to one (not inside the frame of the first
            // judged answer), and let go on the way to any other. An attempt
            // finished and assessed: the spelling dictionary goes too.
            if (judges_writing(to)) guidance();
            else release_guidance();
            if (guidance_ && play_ && play_->finished()) guidance_->release_dictionary();
            // What the last screen freed goes back to the system (glibc keeps
            // freed pages otherwise), so each screen starts from what is in
            // use and the peak is not the sum of every screen's leftovers.
            malloc_trim(0);
            // The checks' names (criteria.yaml), read here once rather than
            // inside the first frame that lists a check.
            play::criterion_names();
            current_ = to;
            sound.stop();
            for (auto& n : notices) ++n.screens_seen;
            notices.erase(std::remove_if(notices.begin(), notices.end(),
                                         [](const Notice& n) { return !n.problem && n.screens_seen >= 2; }),
                          notices.end());
        }
        screen(current_).enter(*this);
        scroll_top_frames_ = 2;   // the first frames may lay out and move keyboard focus
        request_redraw();
    }
}

// ------------------------------------------------------------------ drawing

void App::draw_top_bar() {
    ImGuiStyle& st = ImGui::GetStyle();
    // "Stop reading" only for a reading the person asked for: a conversation's
    // voice-over uses the same sound channel (and, without recorded voices,
    // the same speech), and must not turn the button into "Stop reading".
    if (!sound.playing() && !sound.reading_pending()) reading_asked_ = false;
    bool reading = reading_asked_;
    const char* read_label = reading ? "Stop reading###read" : "Read aloud###read";
    const char* title = screen(current_).title();
    std::string who;
    if (user)
        who = (user->role == pg::Role::Trainee ? "Signed in as " : user->role == pg::Role::Admin ? "Administrator: " : "Trainer: ") +
              user->name;
    bool account_button = user && current_ != ScreenId::Account;

    // Widths, to choose between the full row and the compact one.
    auto button_w = [&](const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + st.FramePadding.x * 2 + st.ItemSpacing.x; };
    auto title_w = [&](ImFont* f) {
        if (f) ImGui::PushFont(f);
        float w = ImGui::CalcTextSize(title).x + st.ItemSpacing.x;
        if (f) ImGui::PopFont();
        return w;
    };
    float row = ImGui::GetContentRegionAvail().x;
    float who_w = user ? ImGui::CalcTextSize(("   " + who).c_str()).x + st.ItemSpacing.x : 0;
    float account_w = account_button ? button_w("My password") : 0;
    float read_w = button_w("Stop reading"), help_w = button_w("Help"), menu_w = button_w("Menu");
    float rest_w = button_w("Settings") + (user ? button_w("Live session") + button_w("Sign out") : 0);
    float full_w = title_w(large) + who_w + account_w + read_w + help_w + rest_w;
    // Large text: one compact row. The title in bold at text size, then Read
    // aloud, Help and a Menu holding the less-used buttons (who is signed in,
    // My password, Live session, Settings, Sign out). Menu opens from the
    // keyboard like any button; Escape closes it.
    const bool compact = full_w > row;
    ImFont* title_font = compact ? bold : large;
    if (title_font) ImGui::PushFont(title_font);
    if (compact) ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title);
    if (title_font) ImGui::PopFont();
    ImGui::SameLine();
    if (!compact && user) {
        ImGui::AlignTextToFramePadding();
        muted_text("   " + who);
        ImGui::SameLine();
        if (account_button && ImGui::SmallButton("My password###account")) go(ScreenId::Account);
    }

    // Right-hand buttons.
    float w = read_w + help_w + (compact ? menu_w : rest_w) - st.ItemSpacing.x;
    float right_x = ImGui::GetWindowContentRegionMax().x - w;
    // When even the compact row is too narrow for the title, the buttons go below.
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + st.ItemSpacing.x > right_x) ImGui::NewLine();
    ImGui::SameLine(right_x);
    if (user && !compact) {
        if (ImGui::Button("Live session###live")) go(ScreenId::Live);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("A session the trainer runs for the whole room");
        ImGui::SameLine();
    }
    if (ImGui::Button(read_label)) {
        if (reading) sound.stop();
        else read_aloud(screen(current_).read_aloud_text(*this));
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Read this screen aloud (English, UK voice)");
    ImGui::SameLine();
    if (ImGui::Button("Help###help") || ImGui::IsKeyPressed(GLFW_KEY_F1)) show_help_ = true;
    ImGui::SameLine();
    if (compact) {
        if (ImGui::Button("Menu###menu")) ImGui::OpenPopup("###top-menu");
        note_target("menu");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Settings, your password, live session, signing out");
        if (ImGui::BeginPopup("###top-menu")) {
            if (user) muted_text(who);
            if (account_button && ImGui::Selectable("My password###menu-account")) go(ScreenId::Account);
            if (user && ImGui::Selectable("Live session###menu-live")) go(ScreenId::Live);
            if (ImGui::Selectable("Settings###menu-settings")) show_settings_ = true;
            note_target("menu-settings");
            if (user && ImGui::Selectable("Sign out###menu-sign-out")) sign_out();
            ImGui::EndPopup();
        }
    } else {
        if (ImGui::Button("Settings###settings")) show_settings_ = true;
        if (user) {
            ImGui::SameLine();
            if (ImGui::Button("Sign out###sign-out")) sign_out();
        }
    }

    // While playing: the three places of a case.
    if (play_ && user && user->role == pg::Role::Trainee &&
        (current_ == ScreenId::Briefing || current_ == ScreenId::Conversation || current_ == ScreenId::Mapping ||
         current_ == ScreenId::Scaling || current_ == ScreenId::ThreeHouses)) {
        struct Tab { const char* label; ScreenId id; };
        const Tab tabs[] = {{"Case briefing###tab-briefing", ScreenId::Briefing},
                            {"Conversation###tab-conversation", ScreenId::Conversation},
                            {"Mapping board###tab-mapping", ScreenId::Mapping},
                            {"Case list###tab-library", ScreenId::Library}};
        for (const auto& t : tabs) {
            bool here = current_ == t.id;
            if (here) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            if (ImGui::Button(t.label)) {
                ScreenId to = t.id;
                if (to == ScreenId::Conversation) to = screen_for_view() == ScreenId::Mapping ? ScreenId::Conversation : screen_for_view();
                go(to);
            }
            if (here) ImGui::PopStyleColor();
            ImGui::SameLine();
        }
        ImGui::NewLine();
    }
    ImGui::Separator();
}

void App::draw_notices() {
    if (notices.empty()) return;
    for (std::size_t i = 0; i < notices.size(); ++i) {
        const auto& n = notices[i];
        ImGui::PushID(static_cast<int>(i));
        float close_w = ImGui::CalcTextSize("Dismiss").x + ImGui::GetStyle().FramePadding.x * 2;
        float wrap_w = ImGui::GetContentRegionAvail().x - close_w - ImGui::GetTextLineHeight() * 2.5f;
        ImVec2 ts = ImGui::CalcTextSize(n.text.c_str(), nullptr, false, wrap_w);
        ImVec2 p = ImGui::GetCursorScreenPos();
        float line = ImGui::GetTextLineHeight();
        float h = std::max(ts.y, line) + 8 * ui_scale();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        // Problems sit on a warm band with a warning sign; other news has a plain disc.
        if (n.problem) {
            dl->AddRectFilled(ImVec2(p.x - 4, p.y), ImVec2(p.x + ImGui::GetContentRegionAvail().x, p.y + h), mark_colour(), 4 * ui_scale());
            float cx = p.x + line * 0.6f, cy = p.y + 4 * ui_scale() + line * 0.5f, r = line * 0.45f;
            dl->AddTriangleFilled(ImVec2(cx, cy - r), ImVec2(cx + r, cy + r * 0.8f), ImVec2(cx - r, cy + r * 0.8f), worry_colour());
            dl->AddText(ImVec2(cx - ImGui::CalcTextSize("!").x / 2, cy - line * 0.38f), ImGui::GetColorU32(ImGuiCol_WindowBg), "!");
        } else {
            dl->AddCircleFilled(ImVec2(p.x + line * 0.6f, p.y + 4 * ui_scale() + line * 0.5f), line * 0.22f, good_colour());
        }
        ImGui::SetCursorScreenPos(ImVec2(p.x + line * 1.6f, p.y + 4 * ui_scale()));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap_w);
        ImGui::TextUnformatted(n.text.c_str());
        ImGui::PopTextWrapPos();
        // Dismiss sits inside the band, level with the first line of the notice,
        // with as much room to the band's right edge as the text has at its top.
        ImGui::SetCursorScreenPos(ImVec2(p.x + ImGui::GetContentRegionAvail().x - close_w - line * 0.5f, p.y + 4 * ui_scale()));
        bool dismiss = ImGui::SmallButton("Dismiss###dismiss");
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + 3 * ui_scale()));
        ImGui::Dummy(ImVec2(1, 1));
        ImGui::PopID();
        if (dismiss) {
            notices.erase(notices.begin() + static_cast<long>(i));
            break;
        }
    }
    ImGui::Separator();
}

void App::draw_settings_popup() {
    if (show_settings_) { ImGui::OpenPopup("Settings###settings-popup"); show_settings_ = false; }
    // The dialog always fits the window (at 200 % text it scrolls inside).
    ImVec2 disp = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(disp.x / 2, disp.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(560 * ui_scale(), disp.x * 0.94f), 0),
                                        ImVec2(std::min(560 * ui_scale(), disp.x * 0.94f), disp.y * 0.94f));
    if (ImGui::BeginPopupModal("Settings###settings-popup", nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_AlwaysAutoResize)) {
        subheading(*this, "Text size");
        // A fixed list: each size stays where it is, so nothing moves under the pointer.
        for (int pct : {100, 125, 150, 175, 200}) {
            if (pct != 100) ImGui::SameLine();
            std::string label = std::to_string(pct) + " %###size-" + std::to_string(pct);
            if (ImGui::RadioButton(label.c_str(), settings.text_percent == pct)) request_text_size(pct);
        }
        gap();
        subheading(*this, "Colours");
        int t = static_cast<int>(settings.theme);
        if (ImGui::RadioButton("Light###theme-light", t == 0)) request_theme(Theme::Light);
        ImGui::SameLine();
        if (ImGui::RadioButton("Dark###theme-dark", t == 1)) request_theme(Theme::Dark);
        ImGui::SameLine();
        if (ImGui::RadioButton("High contrast###theme-hc", t == 2)) request_theme(Theme::HighContrast);
        gap();
        subheading(*this, "Sound");
        if (!sound.has_device()) muted_text(sound.notice());
        bool changed = false;
        ImGui::SetNextItemWidth(300 * ui_scale());
        changed |= ImGui::SliderInt("Volume###volume", &settings.volume, 0, 100, "%d%%");
        changed |= ImGui::Checkbox("Mute###mute", &settings.muted);
        changed |= ImGui::Checkbox("Quiet sounds after each step###cues", &settings.cues);
        if (changed) {
            sound.set_volume(settings.volume, settings.muted);
            sound.set_cues(settings.cues);
        }
        if (ImGui::IsItemDeactivatedAfterEdit() || (changed && !ImGui::IsAnyItemActive())) store_settings();
        gap();
        subheading(*this, "Reading aloud");
        ImGui::SetNextItemWidth(300 * ui_scale());
        if (ImGui::SliderInt("Words a minute###rate", &settings.speech_rate, 80, 300)) {}
        if (ImGui::IsItemDeactivatedAfterEdit()) store_settings();
        ImGui::SameLine();
        if (ImGui::Button("Try it###try-reading"))
            read_aloud("This is how the simulator reads a panel aloud. You can make it faster or slower.");
        gap();
        muted_text(keyboard_help());
        gap();
        bool close = big_button("Close###close-settings");
        note_target("close-settings");
        if (close || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) {
            store_settings();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

void App::draw_frame() {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    // No background of its own: the window fills the screen and Window::render
    // clears to the same colour first, so the picture is the same without a
    // second full-screen fill (which costs real time on a software renderer).
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                             ImGuiWindowFlags_NoBackground;
    ImGui::Begin("Signs of Safety practice###main", nullptr, flags);
    draw_top_bar();
    draw_notices();
    Screen& s = screen(current_);
    ImGui::PushID(s.stable_id());
    ImGui::BeginChild("###screen", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NavFlattened);
    const ImVec2 panel_min = ImGui::GetWindowPos(), panel_size = ImGui::GetWindowSize();
    s.draw(*this);
    if (scroll_top_frames_ > 0) {
        // A screen opens at its top, with its title in view: the screen and the panels inside
        // it, except the conversation's transcript, which shows its newest exchange.
        --scroll_top_frames_;
        ImGuiWindow* me = ImGui::GetCurrentWindow();
        for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
            if (std::string_view(w->Name).find("###transcript") != std::string_view::npos) continue;
            for (ImGuiWindow* p = w; p; p = p->ParentWindow)
                if (p == me) { ImGui::SetScrollY(w, 0.0f); break; }
        }
    }
    ImGui::EndChild();
    // Its fill is a clear under the frame, not a blended rectangle (see Window::fill_panel).
    win_.fill_panel(panel_min.x, panel_min.y, panel_min.x + panel_size.x, panel_min.y + panel_size.y);
    ImGui::PopID();

    if (show_help_) { ImGui::OpenPopup("Help###help-popup"); show_help_ = false; }
    {   // Help always fits the window; long help scrolls inside it.
        float w = std::min(io.DisplaySize.x * 0.8f, 720 * ui_scale());
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, io.DisplaySize.y * 0.92f));
    }
    if (ImGui::BeginPopupModal("Help###help-popup", nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_AlwaysAutoResize)) {
        subheading(*this, s.title());
        gap(0.3f);
        wrapped(s.help());
        gap();
        subheading(*this, "Using the keyboard");
        wrapped(keyboard_help());
        gap();
        subheading(*this, "With a screen reader");
        wrapped(screen_reader_help());
        gap();
        if (big_button("Read aloud###help-read")) read_aloud(s.help());
        ImGui::SameLine();
        if (big_button("Close###help-close") || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    draw_settings_popup();
    ImGui::End();
}

// The case library's index, handed over between frames from the indexing thread.
void App::adopt_library() {
    {
        std::lock_guard<std::mutex> lock(pending_mutex_);
        library = std::move(pending_library_);
    }
    library_adopted_ = true;
    if (library.diagnostics.error_count() > 0) {
        // Name the files, not the parser's findings: a trainee needs to know
        // which case is missing and that the rest work; the case list shows
        // every line and column for whoever looks after the files.
        std::set<std::string> files;
        for (const auto& d : library.diagnostics.items)
            if (d.severity == Severity::Error) files.insert(std::filesystem::path(d.file).filename().string());
        notify(unread_cases_notice(std::vector<std::string>(files.begin(), files.end()), library.scenarios.size()), true);
    }
    // Screens that list cases read the library when entered.
    if (current_ == ScreenId::Library || current_ == ScreenId::MyProgress || current_ == ScreenId::Trainer)
        screen(current_).enter(*this);
    request_redraw();
}

// --watch: one changed case file loaded again. A good edit replaces the case
// in the list; a bad one is shown with where it went wrong, and the last good
// version stays.
void App::reload_watched(const std::string& file) {
    LoadOptions o;
    o.cache_dir = default_cache_dir();
    Reload r = reload_case(library, file, o);
    std::string name = std::filesystem::path(file).filename().string();
    if (r.replaced) {
        std::string note = "\u201c" + r.title + "\u201d was read again from " + name + ".";
        if (play_ && std::filesystem::path(play_->scenario().file).filename() == name)
            note += " The case you have open stays as it was; open it again from the case list to see the change.";
        notify(note);
        if (current_ == ScreenId::Library) screen(current_).enter(*this);
    } else {
        std::string first;
        for (const auto& d : r.diagnostics.items)
            if (d.severity == Severity::Error) { first = d.format(); break; }
        notify("Your change to " + name + " was not loaded, so " +
                   (r.title.empty() ? std::string("the case is not in the list") : "the last good version of \u201c" + r.title + "\u201d stays") +
                   ": " + first,
               true);
    }
    request_redraw();
}

std::shared_ptr<const Scenario> App::whole_case(const std::shared_ptr<const Scenario>& entry, std::string* problem) {
    if (!entry || !is_index_entry(*entry)) return entry;
    LoadOptions o;
    o.cache_dir = default_cache_dir();
    LoadResult r;
    try {
        r = load_case_body(*entry, o);
    } catch (const std::exception& e) {
        *problem = std::string("the case could not be read: ") + e.what();
        return nullptr;
    }
    if (!r.scenario || r.diagnostics.has_errors()) {
        *problem = "the case file '" + entry->file + "' has changed and now has problems";
        for (const auto& d : r.diagnostics.items)
            if (d.severity == Severity::Error) { *problem += ": " + d.format(); break; }
        return nullptr;
    }
    return r.scenario;
}

int App::run() {
    std::string err;
    // --benchmark-startup also says where the time goes, on stderr.
    auto phase = [this, last = started_](const char* what) mutable {
        if (!opt.benchmark_startup) return;
        auto now = std::chrono::steady_clock::now();
        std::fprintf(stderr, "  %-28s %6.1f ms\n", what, std::chrono::duration<double, std::milli>(now - last).count());
        last = now;
    };
    phase("start to run()");
    // Only what the first screen needs is made ready before the first frame:
    // the progress file (opened without its full check) on a helper thread
    // while the window and OpenGL start. The sound device opens with the
    // first sound (Sound opens itself), not here. The case library's
    // index and the progress file's full check and backup follow on a second
    // thread; the case list shows "reading" until the index is handed over
    // between frames (see adopt_library). Scripted runs (--frames, --tour)
    // wait for it, so their pictures and exit status are the same every time.
    const bool scripted = !opt.tour_dir.empty() || !opt.keys_dir.empty();   // the tour or the key-only playthrough
    if (scripted || !opt.live_script.empty() || opt.frames > 0) setenv("SDL_AUDIODRIVER", "dummy", 0);  // scripted runs are silent
    const std::string db = opt.db_path.empty() ? Records::default_path() : opt.db_path;
    // The display first, while this is the only thread (Window::connect);
    // a failure is reported by win_.open below.
    win_.connect();
    phase("display");
    std::unique_ptr<Records> opened;
    std::promise<void> store_opened;
    std::shared_future<void> store_ready = store_opened.get_future().share();
    std::thread helper([scripted, &opened, &db, &store_opened] {
        if (!scripted) opened = std::make_unique<Records>(db, false, true);
        store_opened.set_value();
    });
    indexer_ = std::thread([this] {
        Library lib;
        try {
            LoadOptions o;
            o.cache_dir = default_cache_dir();
            o.index_only = true;
            lib = load_library_index({opt.scenarios_dir}, o);
        } catch (const std::exception& e) {
            lib.diagnostics.error(opt.scenarios_dir, 0, 0, "APP001", std::string("could not read the scenarios: ") + e.what());
        }
        {
            std::lock_guard<std::mutex> lock(pending_mutex_);
            pending_library_ = std::move(lib);
        }
        indexed_ = true;
    });
    if (!scripted)
        checker_ = std::thread([this, db, store_ready] {
            store_ready.wait();   // the file exists (or could not be made) before it is checked
            std::string problem = Records::check_file(db);
            std::lock_guard<std::mutex> lock(pending_mutex_);
            pending_check_ = std::move(problem);
            checked_ = true;
        });
    if (!win_.open(opt.width, opt.height, &err)) {
        helper.join();
        indexer_.join();
        if (checker_.joinable()) checker_.join();
        std::fprintf(stderr, "sofs-sim: %s\n", err.c_str());
        return 1;
    }
    phase("window and OpenGL");
    build_fonts();
    win_.apply_style(settings.theme);
    phase("fonts");
    helper.join();
    phase("waiting for the helper");
    if (scripted || !opt.live_script.empty() || opt.frames > 0) {
        indexer_.join();
        adopt_library();
        phase("case library (scripted run)");
    }

    sound.set_volume(settings.volume, settings.muted);
    sound.set_cues(settings.cues);

    if (!opt.keys_dir.empty()) {
        keys_ = std::make_unique<KeyPlay>(opt.keys_dir, opt.keys_case, opt.keys_mouse);
        if (!keys_->prepare(*this, &err)) {
            std::fprintf(stderr, "sofs-sim: keys-only: %s\n", err.c_str());
            return 1;
        }
    } else if (!opt.tour_dir.empty()) {
        tour_ = std::make_unique<Tour>(opt.tour_dir, opt.tour_plans);
        if (!tour_->prepare(*this, &err)) {
            std::fprintf(stderr, "sofs-sim: tour: %s\n", err.c_str());
            return 1;
        }
    } else {
        records = std::move(opened);
        if (!records->ok()) notify("Your work will not be saved: " + records->problem(), true);
        if (!opt.live_script.empty()) {
            live_script_ = LiveScript::load(opt.live_script, &err);
            if (!live_script_) {
                std::fprintf(stderr, "sofs-sim: %s\n", err.c_str());
                return 1;
            }
        }
    }
    screen(current_).enter(*this);
    phase("progress file and first screen");

    // Speech is made on the sound's worker thread; it wakes this loop when ready.
    sound.set_wake([] { Window::wake(); });
    unsigned seen = win_.events();
    bool first = true;
    bool continuous = tour_ || keys_ || opt.frames > 0 || opt.benchmark_startup;
    bool was_sounding = false;
    while (!win_.should_close() && !quit_) {
        // While a voice line plays nothing on screen moves: wait, and draw
        // only after input or a change. The line's end (which changes the Read
        // aloud button) and a reading made ready wake the loop (Sound's wake),
        // and so does the index; until the index is in, look in now and then,
        // and once a second while a line plays (should a wake race its end).
        bool sounding = sound.playing() || sound.reading_pending();
        // A live script draws every frame, except while it measures the calm loop (its `idle` step).
        bool every_frame = continuous || (live_script_ && live_script_->busy());
        bool busy = every_frame || animating_ || redraw_ > 0;
        if (busy) win_.poll();
        else win_.wait(!library_adopted_ ? 0.1 : sounding ? 1.0 : 10.0);
        unsigned now = win_.events();
        bool woke_for_input = now != seen;
        if (woke_for_input) { seen = now; redraw_ = std::max(redraw_, 3); }
        if (woken_.exchange(false)) redraw_ = std::max(redraw_, 2);
        if (std::string e = sound.poll(); !e.empty()) notify(e, true);
        // The device opens with the first sound; when it could not, say so once.
        if (std::string e = sound.take_open_problem(); !e.empty())
            notify(e + " Everything else works; reading aloud needs sound.");
        sounding = sound.playing() || sound.reading_pending();
        if (sounding != was_sounding) { was_sounding = sounding; redraw_ = std::max(redraw_, 2); }
        if (!library_adopted_ && indexed_) {
            indexer_.join();
            adopt_library();
            if (opt.benchmark_startup) {
                auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
                std::printf("case list ready: %.1f ms\n", ms);
                std::fflush(stdout);
            }
        }
        if (opt.watch && library_adopted_) {
            if (!watcher_) watcher_ = std::make_unique<CaseWatcher>(opt.scenarios_dir, [] { Window::wake(); });
            for (const auto& f : watcher_->take()) reload_watched(f);
        }
        if (!check_adopted_ && checked_) {
            check_adopted_ = true;
            std::lock_guard<std::mutex> lock(pending_mutex_);
            // (A file that did not open at all has already been reported.)
            if (!pending_check_.empty() && records && records->ok())
                notify("Your progress file has a problem: " + pending_check_, true);
        }
        // Nothing moves by itself (the text cursor does not blink).
        if (!(every_frame || animating_ || redraw_ > 0)) continue;
        animating_ = false;

        between_frames();
        if (tour_) tour_->before_frame(*this);
        if (live_script_) live_script_->before_frame(*this);
        if (keys_) keys_->before_frame(*this);
        win_.begin_frame();
        if (tour_) tour_->inject(*this);
        if (keys_) keys_->inject(*this);
        keyboard_before_new_frame();
        ImGui::NewFrame();
        if (keyboard_new_frame())
            if (auto back = back_from(current_); back && session()) go(*back);
        draw_frame();
        keyboard_end_frame();
        ImGui::Render();
        // The scripted playthroughs lay out every frame but fill pixels only for
        // their pictures: a software renderer (Xvfb) spends most of a frame
        // filling pixels that no one looks at.
        const bool seen = !keys_ || !pending_shot_.empty();
        if (seen) win_.render();
        ++frame_;
        if (!pending_shot_.empty()) {
            if (!write_screenshot(pending_shot_, &last_screenshot_error)) {}
            else last_screenshot_error.clear();
            pending_shot_.clear();
        }
        if (tour_) tour_->after_render(*this);
        if (keys_) keys_->after_render(*this);
        if (opt.frames > 0 && frame_ >= opt.frames) {
            int status = library.diagnostics.error_count() > 0 ? 3 : 0;
            // For an author checking a folder from the terminal: what went wrong and where, not only the exit status.
            for (const auto& d : library.diagnostics.items)
                if (d.severity == Severity::Error) std::fprintf(stderr, "sofs-sim: %s\n", d.format().c_str());
            if (!opt.screenshot.empty()) {
                std::string e;
                if (!write_screenshot(opt.screenshot, &e)) {
                    std::fprintf(stderr, "sofs-sim: %s\n", e.c_str());
                    status = 1;
                }
            }
            quit(status);
        }
        if (seen) win_.swap();
        if (redraw_ > 0) --redraw_;
        if (first) {
            first = false;
            if (opt.benchmark_startup) {
                win_.finish();
                auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
                std::printf("first frame: %.1f ms\n", ms);
                std::fflush(stdout);
            }
        }
        // --benchmark-startup ends once the first frame is shown and the case list is ready.
        if (opt.benchmark_startup && !first && library_adopted_) quit(0);
    }
    // Closing the window mid-task keeps what was typed: the screen saves its drafts.
    screen(current_).leave(*this);
    if (indexer_.joinable()) indexer_.join();
    if (checker_.joinable()) checker_.join();
    if (tour_) exit_status_ = tour_->finish(*this);
    if (keys_) exit_status_ = keys_->finish(*this);
    store_settings();
    sound.set_wake(nullptr);
    sound.stop();
    win_.close();
    return exit_status_;
}

}  // namespace sofs::ui
