// The application shell: command line, window, fonts and themes, the top bar
// (read aloud, help, settings), notices, navigation between frames, autosave
// of every session event, and the calm main loop.
#include "app.hpp"

#include <imgui_internal.h>
#include <string_view>

#include "args.hpp"
#include "keyboard.hpp"
#include "screens/all.hpp"
#include "screens/mapping.hpp"
#include "key_play.hpp"
#include "tour.hpp"
#include "widgets.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_freetype.h>
#include <stb_image_write.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <thread>
#include <cstdlib>

namespace sofs::ui {

namespace {

std::chrono::steady_clock::time_point g_process_start = std::chrono::steady_clock::now();
// Counts input and window events; the main loop draws a few frames after any.
std::atomic<unsigned> g_events{0};
std::atomic<bool> g_scale_changed{false};

void on_cursor(GLFWwindow*, double, double) { ++g_events; }
void on_refresh(GLFWwindow*) { ++g_events; }
void on_size(GLFWwindow*, int, int) { ++g_events; }
// ImGui 1.86 samples keys once a frame: a press and release between two frames
// (a quick tap, or a tool like xdotool) would be lost. Presses are latched here
// and shown to ImGui for one frame.
std::vector<int> g_pressed_keys;
void on_key(GLFWwindow*, int key, int, int action, int) {
    ++g_events;
    if (action == GLFW_PRESS && key >= 0 && key < 512) g_pressed_keys.push_back(key);
}
void on_char(GLFWwindow*, unsigned) { ++g_events; }
void on_button(GLFWwindow*, int, int, int) { ++g_events; }
void on_scroll(GLFWwindow*, double, double) { ++g_events; }
void on_focus(GLFWwindow*, int) { ++g_events; }
void on_enter(GLFWwindow*, int) { ++g_events; }
void on_scale(GLFWwindow*, float, float) { ++g_events; g_scale_changed = true; }

// Latin-1, Latin Extended-A (Welsh ŵ ŷ), Welsh ẁ ẃ ẅ ỳ, dashes, curly quotes,
// ellipsis, the euro sign, arrows, and the tick and cross marks.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x017F, 0x1E80, 0x1E85, 0x1EF2, 0x1EF3,
    0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC, 0x2190, 0x2193, 0x2713, 0x2717, 0,
};

}  // namespace

void mark_process_start() { g_process_start = std::chrono::steady_clock::now(); }

const char* usage() {
    return "sofs-sim: practise Signs of Safety conversations, mapping and safety planning.\n"
           "\n"
           "usage: sofs-sim [--scenarios DIR] [--db PATH] [--tour DIR] [--keys-only DIR] [--text-size PCT]\n"
           "                [--frames N --screenshot FILE] [--benchmark-startup] [--help]\n"
           "\n"
           "  --scenarios DIR      where the case scenarios are (default: the bundled scenarios/)\n"
           "  --db PATH            the progress file (default: ~/.local/share/sofs-simulator/progress.db)\n"
           "  --tour DIR           run a scripted trainee and trainer through every screen of the\n"
           "                       reference case, writing one PNG per screen into DIR; uses a\n"
           "                       temporary progress file; exits 0 when every step worked\n"
           "  --keys-only DIR      play the reference case from sign-in to feedback with key events\n"
           "                       only (Tab, Enter, Space, Escape, typing), one PNG per screen into\n"
           "                       DIR; uses a temporary progress file; exits 0 when feedback is reached\n"
           "  --frames N           draw N frames and exit (with --screenshot: then save a PNG);\n"
           "                       exits 3 when problems were shown (scenarios that did not load)\n"
           "  --screenshot FILE    the PNG to write after --frames N\n"
           "  --text-size PCT      text size for this run only, 100 to 200 (the tour's 200 % pictures)\n"
           "  --benchmark-startup  print the time from start to the first frame on screen, in ms\n"
           "  --help               show this help\n"
           "\n"
           "Settings are kept in $XDG_CONFIG_HOME/sofs-simulator/settings.ini.\n";
}

Options parse_options(int argc, char** argv, std::string* error, bool* help) {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto p = cli::parse_args(args, {"scenarios", "db", "tour", "keys-only", "frames", "screenshot", "width", "height", "text-size"},
                             {"help", "benchmark-startup"});
    Options o;
    *help = false;
    if (!p.error.empty()) { *error = p.error; return o; }
    if (p.has("help")) { *help = true; return o; }
    if (!p.positional.empty()) { *error = "unexpected argument '" + p.positional[0] + "' (see --help)"; return o; }
    std::string def = SOFS_DEFAULT_SCENARIOS;
    std::error_code ec;
    if (!std::filesystem::is_directory(def, ec)) def = "scenarios";
    o.scenarios_dir = p.get("scenarios").value_or(def);
    o.db_path = p.get("db").value_or("");
    o.tour_dir = p.get("tour").value_or("");
    o.keys_dir = p.get("keys-only").value_or("");
    o.screenshot = p.get("screenshot").value_or("");
    o.benchmark_startup = p.has("benchmark-startup");
    std::string e;
    if (auto n = p.get_int("frames", &e)) o.frames = static_cast<int>(*n);
    if (auto n = p.get_int("width", &e)) o.width = static_cast<int>(*n);
    if (auto n = p.get_int("height", &e)) o.height = static_cast<int>(*n);
    if (auto n = p.get_int("text-size", &e)) {
        o.text_percent = static_cast<int>(*n);
        if (e.empty() && (o.text_percent < 100 || o.text_percent > 200)) e = "option --text-size takes a percentage from 100 to 200";
    }
    if (!e.empty()) { *error = e; return o; }
    if (!o.screenshot.empty() && o.frames <= 0) o.frames = 5;
    if (o.frames < 0) *error = "option --frames takes a number of frames of 1 or more";
    return o;
}

App::App(Options o) : opt(std::move(o)), started_(g_process_start) {
    screens_ = make_screens();
    remember_settings = opt.tour_dir.empty() && opt.keys_dir.empty() && opt.frames == 0 && !opt.benchmark_startup;
    settings = remember_settings ? load_settings(settings_path()) : Settings{};
    if (opt.text_percent > 0) settings.text_percent = opt.text_percent;
}

App::~App() = default;

// ------------------------------------------------------------------ state actions

Debrief debrief_for(const Transcript& t, const std::map<std::string, Answer>& answers, const Scenario& s, const Guidance& g) {
    Debrief d = assess(t, s, g);
    // Until the assessor judges whole transcripts, judge the writing here with
    // the same checks the live hints use.
    if (d.tasks.empty()) {
        for (const auto& [task_id, ans] : answers) {
            const Task* task = s.task(task_id);
            if (!task) continue;
            if (task->kind == TaskKind::DangerStatement)
                d.tasks.push_back({task_id, task->kind, assess_danger_statement(ans.text, s, g)});
            else if (task->kind == TaskKind::SafetyGoal)
                d.tasks.push_back({task_id, task->kind, assess_safety_goal(ans.text, s, g)});
        }
    }
    return d;
}

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

void App::sign_in(const pg::Actor& who) {
    user = who;
    if (remember_settings) {
        settings.last_user = who.name;
        store_settings();
    }
    go(who.role == pg::Role::Trainee ? ScreenId::Library : ScreenId::Trainer);
}

void App::sign_out() {
    user.reset();
    session.reset();
    scenario.reset();
    attempt.reset();
    debrief.reset();
    go(ScreenId::SignIn);
}

std::string App::speaker_name(const std::string& id) const {
    if (id == "narrator" || id.empty() || !scenario) return "";
    if (const Person* p = scenario->person(id)) return p->name;
    return id;
}

// Where a task's words live on the board: "danger-statement", "scaling-reason", ...;
// "" for tasks answered with cards or people.
static std::string board_key(TaskKind k) {
    return k == TaskKind::Scaling ? std::string("scaling-reason") : editor_key(k);
}

std::string App::draft_task(TaskKind kind) const {
    if (!session || !scenario) return "";
    View v = session->view();
    if (v.kind == View::Kind::Task && v.task && v.task->kind == kind) return v.task->id;
    for (const auto& scene : scenario->scenes)
        if (scene.task && scene.task->kind == kind && !session->answers().count(scene.task->id)) return scene.task->id;
    return "";
}

bool App::open_scenario(std::shared_ptr<const Scenario> s, bool fresh) {
    scenario = s;
    session.reset();
    attempt.reset();
    debrief.reset();
    finished_saved = false;
    board = MappingBoard{};
    committed = 0;
    std::string err;
    bool can_save = records && records->ok() && user;
    if (can_save && !fresh) {
        auto plan = records->plan_resume(*user, *s, &err);
        if (plan && plan->kind == pg::ResumePlan::Kind::Resume) {
            std::string why;
            auto restored = Session::restore(*s, plan->transcript, &why);
            if (restored) {
                session.emplace(std::move(*restored));
                attempt = plan->attempt;
                committed = session->transcript().events.size();
                // Answers already handed in fill the board; drafts (newer, unsent) win.
                for (const auto& [task_id, ans] : session->answers()) {
                    const Task* t = s->task(task_id);
                    if (!t) continue;
                    if (t->kind == TaskKind::SortFacts) board.placements.insert(ans.placements.begin(), ans.placements.end());
                    else if (t->kind == TaskKind::SafetyNetwork) board.network = ans.picks;
                    else if (std::string key = board_key(t->kind); !key.empty() && !ans.text.empty()) board.texts[key] = ans.text;
                }
                std::string derr;
                for (const auto& d : records->drafts(attempt->id, &derr)) {
                    const Task* t = s->task(d.task);
                    if (!t) continue;
                    if (t->kind == TaskKind::SortFacts) {
                        for (const auto& [fact, place] : d.placements) board.placements[fact] = place;
                    } else if (t->kind == TaskKind::ThreeHouses) {
                        board.houses = d.placements;
                    } else if (std::string key = board_key(t->kind); !key.empty()) {
                        board.texts[key] = d.text;
                    }
                }
                if (!derr.empty()) notify("Your unsent writing could not be brought back: " + derr, true);
                notify("Welcome back. You are where you left off in \"" + s->title + "\".");
                go(screen_for_view());
                return true;
            }
            notify("Your earlier work on this case could not be picked up (" + why + "); starting afresh. Nothing was deleted.", true);
        } else if (plan && plan->kind == pg::ResumePlan::Kind::Changed) {
            notify("This case has changed since you last played it (" + plan->why +
                   "). You are starting afresh; your earlier work is kept.");
        } else if (!plan && !err.empty()) {
            notify("Could not look for earlier work: " + err, true);
        }
    }
    std::uint64_t seed = opt.tour_dir.empty() && opt.keys_dir.empty() ? std::random_device{}() : 1;
    session.emplace(*s, seed);
    if (can_save) {
        Transcript header;
        header.scenario = s->id;
        header.content_hash = s->content_hash;
        header.seed = seed;
        attempt = records->begin(*user, header, *s, &err);
        if (!attempt) notify("Your work on this case cannot be saved: " + err, true);
    } else if (records && !records->ok()) {
        notify("Your work is not being saved: " + records->problem(), true);
    }
    after_action();
    go(ScreenId::Briefing);
    return true;
}

ScreenId App::screen_for_view() const {
    if (!session) return ScreenId::Library;
    View v = session->view();
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

bool App::after_action() {
    if (!session) return false;
    bool ok = true;
    const auto& events = session->transcript().events;
    if (attempt && records) {
        for (; committed < events.size(); ++committed) {
            std::string err;
            if (!records->record(attempt->id, events[committed], &err)) {
                notify("Your last step could not be saved: " + err, true);
                ok = false;
                break;
            }
        }
    }
    View v = session->view();
    if (v.kind == View::Kind::Ending && !finished_saved) {
        finished_saved = true;
        if (const Guidance* g = guidance()) {
            try {
                debrief = debrief_for(session->transcript(), session->answers(), *scenario, *g);
            } catch (const std::exception& e) {
                notify(std::string("Feedback could not be worked out: ") + e.what(), true);
            }
        }
        if (attempt && records) {
            std::string err;
            if (!records->finish(attempt->id, v.ending ? v.ending->id : "", debrief ? &*debrief : nullptr, &err))
                notify("Your finished case could not be saved: " + err, true);
        }
    }
    return ok;
}

bool App::advance() {
    if (!session) return false;
    if (auto e = session->advance()) { notify(e->message, true); return false; }
    bool ok = after_action();
    go(screen_for_view());
    return ok;
}

bool App::choose(const std::string& choice_id) {
    if (!session) return false;
    if (auto e = session->choose(choice_id)) { notify(e->message, true); return false; }
    sound.cue(Cue::Step);
    bool ok = after_action();
    go(screen_for_view());
    return ok;
}

bool App::answer(const Answer& a) {
    if (!session) return false;
    if (auto e = session->answer(a)) { notify(e->message, true); return false; }
    sound.cue(Cue::Saved);
    bool ok = after_action();
    go(screen_for_view());
    return ok;
}

void App::save_draft(const std::string& key, const std::string& text) {
    if (!records || !records->ok() || !attempt) return;
    for (TaskKind k : {TaskKind::DangerStatement, TaskKind::SafetyGoal, TaskKind::PastHarm, TaskKind::NextSteps,
                       TaskKind::Scaling}) {
        if (board_key(k) != key) continue;
        std::string task = draft_task(k);
        if (task.empty()) return;   // every task of this kind is handed in: the answer holds the words
        std::string err;
        if (!records->save_draft(attempt->id, task, text, {}, &err)) notify("Your draft could not be saved: " + err, true);
        return;
    }
}

void App::save_placements_draft(TaskKind kind, const std::map<std::string, std::string>& placements) {
    if (!records || !records->ok() || !attempt) return;
    std::string task = draft_task(kind);
    if (task.empty()) return;
    std::string err;
    if (!records->save_draft(attempt->id, task, "", placements, &err))
        notify("Your draft could not be saved: " + err, true);
}

void App::read_aloud(const std::string& text) {
    std::string err;
    if (!sound.read_aloud(text, settings.speech_rate, &err)) notify(err, !sound.has_device() ? false : true);
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

bool App::init_window(std::string* error) {
    glfwSetErrorCallback([](int, const char* d) { std::fprintf(stderr, "sofs-sim: window system: %s\n", d); });
    if (!glfwInit()) {
        *error = "could not open a window: no display was found (is DISPLAY set?)";
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    window_ = glfwCreateWindow(opt.width, opt.height, "Signs of Safety practice simulator", nullptr, nullptr);
    if (!window_) {
        *error = "could not open a window: OpenGL 3.0 is not available on this display";
        return false;
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(window_, &sx, &sy);
    content_scale_ = std::clamp(std::max(sx, sy), 1.0f, 4.0f);

    // Ours first: ImGui's backend chains to callbacks already installed.
    glfwSetCursorPosCallback(window_, on_cursor);
    glfwSetWindowRefreshCallback(window_, on_refresh);
    glfwSetFramebufferSizeCallback(window_, on_size);
    glfwSetKeyCallback(window_, on_key);
    glfwSetCharCallback(window_, on_char);
    glfwSetMouseButtonCallback(window_, on_button);
    glfwSetScrollCallback(window_, on_scroll);
    glfwSetWindowFocusCallback(window_, on_focus);
    glfwSetCursorEnterCallback(window_, on_enter);
    glfwSetWindowContentScaleCallback(window_, on_scale);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // one full-window layout: nothing to remember, no imgui.ini litter
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // A steady text cursor: easier to find for some readers, and an idle
    // window with a name box ready for typing need not redraw to blink.
    io.ConfigInputTextCursorBlink = false;
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    return true;
}

void App::build_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    scale_ = content_scale_ * settings.text_percent / 100.0f;
    float px = std::round(17.0f * scale_);
    std::string dir = SOFS_UI_FONT_DIR;
    std::string regular = dir + "/DejaVuSans.ttf", boldf = dir + "/DejaVuSans-Bold.ttf";
    std::error_code ec;
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    if (std::filesystem::exists(regular, ec)) {
        io.Fonts->AddFontFromFileTTF(regular.c_str(), px, &cfg, kGlyphRanges);
        bool have_bold = std::filesystem::exists(boldf, ec);
        bold = io.Fonts->AddFontFromFileTTF(have_bold ? boldf.c_str() : regular.c_str(), px, &cfg, kGlyphRanges);
        large = io.Fonts->AddFontFromFileTTF(have_bold ? boldf.c_str() : regular.c_str(), std::round(px * 1.4f), &cfg,
                                             kGlyphRanges);
    } else {
        ImFontConfig d;
        d.SizePixels = px;
        io.Fonts->AddFontDefault(&d);
        bold = large = nullptr;
        notify("The DejaVu Sans font is missing (install fonts-dejavu-core): using a basic font.", true);
    }
}

void App::apply_style() {
    ImGuiStyle s;
    switch (settings.theme) {
        case Theme::Light: {
            ImGui::StyleColorsLight(&s);
            ImVec4* c = s.Colors;
            c[ImGuiCol_WindowBg] = ImVec4(0.972f, 0.965f, 0.945f, 1);
            c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 0.85f);
            c[ImGuiCol_Text] = ImVec4(0.11f, 0.13f, 0.16f, 1);
            c[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.38f, 0.42f, 1);
            c[ImGuiCol_Border] = ImVec4(0.75f, 0.74f, 0.70f, 1);
            c[ImGuiCol_FrameBg] = ImVec4(0.93f, 0.93f, 0.91f, 1);
            c[ImGuiCol_Button] = ImVec4(0.80f, 0.87f, 0.93f, 1);
            c[ImGuiCol_ButtonHovered] = ImVec4(0.68f, 0.80f, 0.92f, 1);
            c[ImGuiCol_ButtonActive] = ImVec4(0.56f, 0.72f, 0.88f, 1);
            c[ImGuiCol_Header] = ImVec4(0.84f, 0.89f, 0.94f, 1);
            c[ImGuiCol_HeaderHovered] = ImVec4(0.74f, 0.83f, 0.93f, 1);
            c[ImGuiCol_TableHeaderBg] = ImVec4(0.88f, 0.90f, 0.92f, 1);
            c[ImGuiCol_NavHighlight] = ImVec4(0.10f, 0.35f, 0.75f, 1);
            break;
        }
        case Theme::Dark: {
            ImGui::StyleColorsDark(&s);
            ImVec4* c = s.Colors;
            c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1);
            c[ImGuiCol_ChildBg] = ImVec4(0.15f, 0.16f, 0.19f, 1);
            c[ImGuiCol_Text] = ImVec4(0.92f, 0.92f, 0.90f, 1);
            c[ImGuiCol_TextDisabled] = ImVec4(0.66f, 0.67f, 0.70f, 1);
            c[ImGuiCol_Button] = ImVec4(0.22f, 0.32f, 0.45f, 1);
            c[ImGuiCol_ButtonHovered] = ImVec4(0.28f, 0.42f, 0.60f, 1);
            break;
        }
        case Theme::HighContrast: {
            ImGui::StyleColorsDark(&s);
            ImVec4* c = s.Colors;
            ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), yellow(1, 0.92f, 0.1f, 1), blue(0.05f, 0.15f, 0.55f, 1);
            for (int i = 0; i < ImGuiCol_COUNT; ++i) c[i] = black;
            c[ImGuiCol_Text] = white;
            c[ImGuiCol_TextDisabled] = ImVec4(0.85f, 0.85f, 0.85f, 1);
            c[ImGuiCol_Border] = yellow;
            c[ImGuiCol_Separator] = yellow;
            c[ImGuiCol_ButtonHovered] = c[ImGuiCol_HeaderHovered] = c[ImGuiCol_FrameBgHovered] = blue;
            c[ImGuiCol_ButtonActive] = c[ImGuiCol_HeaderActive] = c[ImGuiCol_FrameBgActive] = ImVec4(0.1f, 0.3f, 0.8f, 1);
            c[ImGuiCol_Header] = ImVec4(0.15f, 0.15f, 0.15f, 1);
            c[ImGuiCol_CheckMark] = c[ImGuiCol_SliderGrab] = c[ImGuiCol_SliderGrabActive] = yellow;
            c[ImGuiCol_NavHighlight] = yellow;
            c[ImGuiCol_TextSelectedBg] = ImVec4(0.1f, 0.3f, 0.8f, 1);
            c[ImGuiCol_ScrollbarGrab] = ImVec4(0.7f, 0.7f, 0.7f, 1);
            c[ImGuiCol_PlotHistogram] = yellow;
            c[ImGuiCol_TableBorderStrong] = c[ImGuiCol_TableBorderLight] = ImVec4(0.8f, 0.8f, 0.8f, 1);
            c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.7f);
            c[ImGuiCol_DragDropTarget] = yellow;
            c[ImGuiCol_Tab] = ImVec4(0.2f, 0.2f, 0.2f, 1);
            c[ImGuiCol_TabHovered] = blue;
            c[ImGuiCol_TabActive] = ImVec4(0.1f, 0.3f, 0.8f, 1);
            c[ImGuiCol_TabUnfocusedActive] = ImVec4(0.1f, 0.3f, 0.8f, 1);
            c[ImGuiCol_TableHeaderBg] = ImVec4(0.2f, 0.2f, 0.2f, 1);
            c[ImGuiCol_TableRowBgAlt] = ImVec4(0.1f, 0.1f, 0.1f, 1);
            s.TabBorderSize = 2;
            s.FrameBorderSize = 2;
            s.ChildBorderSize = 2;
            s.WindowBorderSize = 2;
            break;
        }
    }
    // Pop-ups are opaque: text underneath must never show through.
    s.Colors[ImGuiCol_PopupBg].w = 1.0f;
    if (settings.theme == Theme::Light) s.Colors[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 1);
    s.Colors[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
    s.WindowPadding = ImVec2(18, 14);
    s.FramePadding = ImVec2(10, 6);
    s.ItemSpacing = ImVec2(10, 9);
    s.ItemInnerSpacing = ImVec2(8, 6);
    s.CellPadding = ImVec2(8, 5);
    s.ScrollbarSize = 16;
    s.GrabMinSize = 14;
    s.FrameRounding = 5;
    s.GrabRounding = 5;
    s.ChildRounding = 8;
    s.PopupRounding = 6;
    s.WindowRounding = 6;
    s.ScaleAllSizes(scale_);
    ImGui::GetStyle() = s;
}

// Font and style changes and navigation happen here, never inside a frame.
void App::between_frames() {
    if (g_scale_changed.exchange(false)) {
        float sx = 1, sy = 1;
        glfwGetWindowContentScale(window_, &sx, &sy);
        float cs = std::clamp(std::max(sx, sy), 1.0f, 4.0f);
        if (cs != content_scale_) { content_scale_ = cs; fonts_dirty_ = true; }
    }
    if (fonts_dirty_) {
        fonts_dirty_ = false;
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        build_fonts();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        style_dirty_ = true;
    }
    if (style_dirty_) {
        style_dirty_ = false;
        apply_style();
    }
    if (next_) {
        ScreenId to = *next_;
        next_.reset();
        if (to != current_) {
            screen(current_).leave(*this);
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

bool App::write_screenshot(const std::string& path, std::string* error) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    if (w <= 0 || h <= 0) {
        *error = "the window has no size";
        return false;
    }
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
    stbi_flip_vertically_on_write(1);   // OpenGL's rows run bottom to top
    if (!stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4)) {
        *error = "could not write the picture '" + path + "'";
        return false;
    }
    return true;
}

// ------------------------------------------------------------------ drawing

void App::draw_top_bar() {
    ImGuiStyle& st = ImGui::GetStyle();
    if (large) ImGui::PushFont(large);
    ImGui::TextUnformatted(screen(current_).title());
    if (large) ImGui::PopFont();
    ImGui::SameLine();
    if (user) {
        ImGui::AlignTextToFramePadding();
        muted_text((user->role == pg::Role::Trainee ? "   Signed in as " : "   Trainer: ") + user->name);
    }

    // Right-hand buttons.
    bool reading = sound.playing() || sound.reading_pending();
    const char* read_label = reading ? "Stop reading###read" : "Read aloud###read";
    float w = ImGui::CalcTextSize("Stop reading").x + ImGui::CalcTextSize("Help").x + ImGui::CalcTextSize("Settings").x +
              (user ? ImGui::CalcTextSize("Sign out").x : 0) + st.FramePadding.x * 8 + st.ItemSpacing.x * 4;
    // With large text the buttons go on their own line rather than over the name.
    float used = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (used + st.ItemSpacing.x * 2 + w > ImGui::GetWindowContentRegionMax().x) ImGui::NewLine();
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
    if (ImGui::Button(read_label)) {
        if (reading) sound.stop();
        else read_aloud(screen(current_).read_aloud_text(*this));
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Read this screen aloud (English, UK voice)");
    ImGui::SameLine();
    if (ImGui::Button("Help###help") || ImGui::IsKeyPressed(GLFW_KEY_F1)) show_help_ = true;
    ImGui::SameLine();
    if (ImGui::Button("Settings###settings")) show_settings_ = true;
    if (user) {
        ImGui::SameLine();
        if (ImGui::Button("Sign out###sign-out")) sign_out();
    }

    // While playing: the three places of a case.
    if (session && user && user->role == pg::Role::Trainee &&
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
        float h = std::max(ts.y, line) + 8 * scale_;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        // Problems sit on a warm band with a warning sign; other news has a plain disc.
        if (n.problem) {
            dl->AddRectFilled(ImVec2(p.x - 4, p.y), ImVec2(p.x + ImGui::GetContentRegionAvail().x, p.y + h), mark_colour(), 4 * scale_);
            float cx = p.x + line * 0.6f, cy = p.y + 4 * scale_ + line * 0.5f, r = line * 0.45f;
            dl->AddTriangleFilled(ImVec2(cx, cy - r), ImVec2(cx + r, cy + r * 0.8f), ImVec2(cx - r, cy + r * 0.8f), worry_colour());
            dl->AddText(ImVec2(cx - ImGui::CalcTextSize("!").x / 2, cy - line * 0.38f), ImGui::GetColorU32(ImGuiCol_WindowBg), "!");
        } else {
            dl->AddCircleFilled(ImVec2(p.x + line * 0.6f, p.y + 4 * scale_ + line * 0.5f), line * 0.22f, good_colour());
        }
        ImGui::SetCursorScreenPos(ImVec2(p.x + line * 1.6f, p.y + 4 * scale_));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap_w);
        ImGui::TextUnformatted(n.text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SetCursorScreenPos(ImVec2(p.x + ImGui::GetContentRegionAvail().x - close_w, p.y + 2 * scale_));
        bool dismiss = ImGui::SmallButton("Dismiss###dismiss");
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + 3 * scale_));
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
    ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(560 * scale_, disp.x * 0.94f), 0),
                                        ImVec2(std::min(560 * scale_, disp.x * 0.94f), disp.y * 0.94f));
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
        ImGui::SetNextItemWidth(300 * scale_);
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
        ImGui::SetNextItemWidth(300 * scale_);
        if (ImGui::SliderInt("Words a minute###rate", &settings.speech_rate, 80, 300)) {}
        if (ImGui::IsItemDeactivatedAfterEdit()) store_settings();
        ImGui::SameLine();
        if (ImGui::Button("Try it###try-reading"))
            read_aloud("This is how the simulator reads a panel aloud. You can make it faster or slower.");
        gap();
        muted_text(keyboard_help());
        gap();
        if (big_button("Close###close-settings") || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) {
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
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Signs of Safety practice###main", nullptr, flags);
    draw_top_bar();
    draw_notices();
    Screen& s = screen(current_);
    ImGui::PushID(s.stable_id());
    ImGui::BeginChild("###screen", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NavFlattened);
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
    ImGui::PopID();

    if (show_help_) { ImGui::OpenPopup("Help###help-popup"); show_help_ = false; }
    {   // Help always fits the window; long help scrolls inside it.
        float w = std::min(io.DisplaySize.x * 0.8f, 720 * scale_);
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
    // The case files, the progress file and the sound device are made ready on
    // a helper thread while the window and OpenGL start (the slowest part);
    // the helper is joined before the first frame, so nothing is shared while
    // it runs.
    if (!opt.tour_dir.empty() || !opt.keys_dir.empty() || opt.frames > 0) setenv("SDL_AUDIODRIVER", "dummy", 0);  // scripted runs are silent
    std::unique_ptr<Records> opened;
    std::thread helper([this, &opened] {
        sound.open();
        try {
            library = load_library({opt.scenarios_dir});
        } catch (const std::exception& e) {
            library.diagnostics.error(opt.scenarios_dir, 0, 0, "APP001", std::string("could not read the scenarios: ") + e.what());
        }
        if (opt.tour_dir.empty() && opt.keys_dir.empty())
            opened = std::make_unique<Records>(opt.db_path.empty() ? Records::default_path() : opt.db_path);
    });
    if (!init_window(&err)) {
        helper.join();
        std::fprintf(stderr, "sofs-sim: %s\n", err.c_str());
        return 1;
    }
    phase("window and OpenGL");
    build_fonts();
    apply_style();
    phase("fonts");
    helper.join();
    phase("waiting for the helper");

    sound.set_volume(settings.volume, settings.muted);
    sound.set_cues(settings.cues);
    if (!sound.has_device()) notify(sound.notice() + " Everything else works; reading aloud needs sound.");
    if (library.diagnostics.error_count() > 0) {
        // Name the files, not the parser's findings: a trainee needs to know
        // which case is missing and that the rest work; the case list shows
        // every line and column for whoever looks after the files.
        std::set<std::string> files;
        for (const auto& d : library.diagnostics.items)
            if (d.severity == Severity::Error) files.insert(std::filesystem::path(d.file).filename().string());
        std::string names;
        for (const auto& f : files) names += (names.empty() ? "'" : ", '") + f + "'";
        notify((files.size() == 1 ? "One case file could not be read (" + names + "), so that case is not in the list."
                                  : std::to_string(files.size()) + " case files could not be read (" + names +
                                        "), so those cases are not in the list.") +
                   " Every other case works. The case list shows where each file went wrong, for whoever looks after them.",
               true);
    }

    if (!opt.keys_dir.empty()) {
        keys_ = std::make_unique<KeyPlay>(opt.keys_dir);
        if (!keys_->prepare(*this, &err)) {
            std::fprintf(stderr, "sofs-sim: keys-only: %s\n", err.c_str());
            return 1;
        }
    } else if (!opt.tour_dir.empty()) {
        tour_ = std::make_unique<Tour>(opt.tour_dir);
        if (!tour_->prepare(*this, &err)) {
            std::fprintf(stderr, "sofs-sim: tour: %s\n", err.c_str());
            return 1;
        }
    } else {
        records = std::move(opened);
        if (!records->ok()) notify("Your work will not be saved: " + records->problem(), true);
    }
    screen(current_).enter(*this);
    phase("progress file and first screen");

    // Speech is made on the sound's worker thread; it wakes this loop when ready.
    sound.set_wake([] { glfwPostEmptyEvent(); });
    unsigned seen = g_events.load();
    std::vector<int> forced_keys;   // keys latched as down for this frame
    bool first = true;
    bool continuous = tour_ || keys_ || opt.frames > 0 || opt.benchmark_startup;
    while (!glfwWindowShouldClose(window_) && !quit_) {
        bool busy = continuous || sound.playing() || animating_ || redraw_ > 0;
        if (busy) glfwPollEvents();
        else glfwWaitEventsTimeout(10.0);
        unsigned now = g_events.load();
        bool woke_for_input = now != seen;
        if (woke_for_input) { seen = now; redraw_ = std::max(redraw_, 3); }
        if (std::string e = sound.poll(); !e.empty()) notify(e, true);
        // Nothing moves by itself (the text cursor does not blink).
        if (!(continuous || sound.playing() || animating_ || redraw_ > 0)) continue;
        animating_ = false;

        between_frames();
        if (tour_) tour_->before_frame(*this);
        if (keys_) keys_->before_frame(*this);
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        {
            ImGuiIO& io = ImGui::GetIO();
            for (int k : forced_keys) io.KeysDown[k] = glfwGetKey(window_, k) == GLFW_PRESS;
            forced_keys.swap(g_pressed_keys);
            g_pressed_keys.clear();
            for (int k : forced_keys) io.KeysDown[k] = true;
        }
        if (tour_) tour_->inject(*this);
        if (keys_) keys_->inject(*this);
        keyboard_before_new_frame();
        ImGui::NewFrame();
        if (keyboard_new_frame())
            if (auto back = back_from(current_); back && session) go(*back);
        draw_frame();
        keyboard_end_frame();
        ImGui::Render();
        int w = 0, h = 0;
        glfwGetFramebufferSize(window_, &w, &h);
        glViewport(0, 0, w, h);
        ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        glClearColor(bg.x, bg.y, bg.z, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        ++frame_;
        if (!pending_shot_.empty()) {
            if (!write_screenshot(pending_shot_, &last_screenshot_error)) {}
            else last_screenshot_error.clear();
            pending_shot_.clear();
        }
        if (tour_) tour_->after_render(*this);
        if (opt.frames > 0 && frame_ >= opt.frames) {
            int status = library.diagnostics.error_count() > 0 ? 3 : 0;
            if (!opt.screenshot.empty()) {
                std::string e;
                if (!write_screenshot(opt.screenshot, &e)) {
                    std::fprintf(stderr, "sofs-sim: %s\n", e.c_str());
                    status = 1;
                }
            }
            quit(status);
        }
        glfwSwapBuffers(window_);
        if (redraw_ > 0) --redraw_;
        if (first) {
            first = false;
            if (opt.benchmark_startup) {
                glFinish();
                auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
                std::printf("first frame: %.1f ms\n", ms);
                std::fflush(stdout);
                quit(0);
            }
        }
    }
    // Closing the window mid-task keeps what was typed: the screen saves its drafts.
    screen(current_).leave(*this);
    if (tour_) exit_status_ = tour_->finish(*this);
    if (keys_) exit_status_ = keys_->finish(*this);
    store_settings();
    sound.set_wake(nullptr);
    sound.stop();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
    return exit_status_;
}

}  // namespace sofs::ui
