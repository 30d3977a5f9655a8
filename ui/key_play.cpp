// The keyboard-only playthrough's script.
#include "key_play.hpp"

#include "app.hpp"
#include "keyboard.hpp"
#include "layout_check.hpp"
#include "screens/conversation.hpp"
#include "screens/mapping.hpp"
#include "screens/scaling.hpp"
#include "screens/three_houses.hpp"
#include "runtime/stock_answer.hpp"
#include "tour.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <chrono>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

namespace sofs::ui {

namespace {
constexpr int kSettleFrames = 2;     // frames after each key for the screen to follow
constexpr int kTabSettleFrames = 1;  // after Tab: the focus moves in the next frame
constexpr int kMaxTabs = 200;        // more Tabs than any screen has controls
constexpr int kMaxSteps = 4000;
constexpr int kStuckSteps = 400;     // steps with nothing changing: the script is stuck
const char* kName = "Kim Keys";
const char* screen_file(ScreenId s) {
    switch (s) {
        case ScreenId::SignIn: return "k01-sign-in.png";
        case ScreenId::Library: return "k02-library.png";
        case ScreenId::Briefing: return "k03-briefing.png";
        case ScreenId::Conversation: return "k04-conversation.png";
        case ScreenId::Mapping: return "k05-mapping.png";
        case ScreenId::Scaling: return "k06-scale.png";
        case ScreenId::ThreeHouses: return "k07-three-houses.png";
        case ScreenId::Debrief: return "k08-feedback.png";
        default: return "";
    }
}
// The number (1-based) of practice_choice among the choices on offer.
int first_fitting_choice(const View& v) {
    auto at = std::find(v.choices.begin(), v.choices.end(), practice_choice(v));
    return at == v.choices.end() ? 1 : static_cast<int>(at - v.choices.begin()) + 1;
}
}  // namespace

const Choice* practice_choice(const View& v) {
    for (const Choice* c : v.choices)
        if (move_fits_practice(c->move)) return c;
    return v.choices.empty() ? nullptr : v.choices.front();
}

static double now_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

KeyPlay::KeyPlay(std::string dir, std::string case_id, bool mouse)
    : dir_(std::move(dir)), case_(case_id.empty() ? "reference-case" : std::move(case_id)) {
    mouse_ = mouse;
}

bool KeyPlay::click(const std::string& target, float fx) {
    TargetRect r;
    if (!target_rect(target, &r)) {
        failure_ = "the control '" + target + "' is not on the screen";
        return false;
    }
    float cy = (r.y0 + r.y1) / 2;
    // Out of sight: turn the wheel over its panel until it shows. Like a
    // person, first put the pointer where a turn moves that panel: not over a
    // writing box or an inner panel that would take the turn for itself (the
    // panel's margins first, then points across it). When the control already
    // shows in its panel's own view but that panel is cut off by the screen
    // round it (a list inside a page), the screen is turned instead.
    if (cy < r.cy0 + 2 || cy > r.cy1 - 2 || r.cy1 - r.cy0 < 4) {
        if (++scrolls_ > 80) {
            failure_ = "scrolling never brought '" + target + "' into sight";
            return false;
        }
        bool outward = r.outer != 0 && cy >= r.iy0 + 2 && cy <= r.iy1 - 2;
        unsigned panel = outward ? r.outer : r.scroller;
        float px0 = outward ? r.ox0 : r.sx0, py0 = outward ? r.oy0 : r.sy0;
        float px1 = outward ? r.ox1 : r.sx1, py1 = outward ? r.oy1 : r.sy1;
        bool inside = mx_ >= px0 && mx_ <= px1 && my_ >= py0 && my_ <= py1;
        Key k;
        k.mouse = true;
        if (inside && wheel_panel() == panel) {
            wheel_spot_ = 0;
            k.x = mx_;
            k.y = my_;
            // Down when the control is below what shows, up when above.
            float shown_mid = outward || r.cy1 - r.cy0 < 4 ? (py0 + py1) / 2 : (r.cy0 + r.cy1) / 2;
            k.wheel = cy > shown_mid ? -1.0f : 1.0f;
        } else {
            const float fx[] = {0.0f, 1.0f, 0.5f, 0.5f, 0.5f, 0.1f, 0.9f, 0.25f, 0.75f, 0.1f, 0.9f, 0.25f, 0.75f};
            const float fy[] = {0.5f, 0.5f, 0.0f, 1.0f, 0.5f, 0.1f, 0.1f, 0.5f, 0.5f, 0.9f, 0.9f, 0.25f, 0.75f};
            constexpr int n = sizeof fx / sizeof fx[0];
            if (wheel_spot_ >= n) {
                failure_ = "there is no place over the panel round '" + target + "' where the wheel scrolls it";
                return false;
            }
            float inset = 3;
            k.x = std::clamp(px0 + (px1 - px0) * fx[wheel_spot_], px0 + inset, px1 - inset);
            k.y = std::clamp(py0 + (py1 - py0) * fy[wheel_spot_], py0 + inset, py1 - inset);
            ++wheel_spot_;
        }
        keys_.push_back(k);
        return false;
    }
    wheel_spot_ = 0;
    scrolls_ = 0;
    float x = r.x0 + (r.x1 - r.x0) * fx, y = std::clamp(cy, r.cy0 + 2, r.cy1 - 2);
    for (bool down : {false, true, false}) {
        Key k;
        k.mouse = true;
        k.x = x;
        k.y = y;
        k.down = down;
        keys_.push_back(k);
    }
    return true;
}

bool KeyPlay::activate(const std::string& target, int key) {
    if (mouse_) return click(target);
    if (tab_to(target)) press(key < 0 ? GLFW_KEY_ENTER : key);
    return false;
}

KeyPlay::~KeyPlay() {
    std::error_code ec;
    if (!tmp_.empty()) std::filesystem::remove_all(tmp_, ec);
}

bool KeyPlay::prepare(App& app, std::string* error) {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) { *error = "could not make the folder '" + dir_ + "': " + ec.message(); return false; }
    char tmpl[] = "/tmp/sofs-keys-XXXXXX";
    if (!mkdtemp(tmpl)) { *error = "could not make a temporary folder in /tmp"; return false; }
    tmp_ = tmpl;
    // Only a file named with --db is kept; never the person's own default.
    std::string db = app.opt.db_path.empty() ? tmp_ + "/progress.db" : app.opt.db_path;
    app.records = std::make_unique<Records>(db, true);
    if (!app.records->ok()) { *error = "the progress file '" + db + "' could not be opened: " + app.records->problem(); return false; }
    bool found = false;
    for (const auto& s : app.library.scenarios) found |= s->id == case_;
    if (!found) {
        *error = "there is no case '" + case_ + "' in '" + app.opt.scenarios_dir + "' (cases:";
        for (const auto& s : app.library.scenarios) *error += " " + s->id;
        *error += ")";
        for (const auto& d : app.library.diagnostics.items)
            if (d.severity == Severity::Error) *error += "\n  " + d.format();
        return false;
    }
    started_ = now_s();
    settle_ = 6;   // the first frames lay the sign-in screen out
    return true;
}

bool KeyPlay::tab_to(const std::string& target) {
    if (target_focused(target)) {
        tabs_ = 0;
        return true;
    }
    if (++tabs_ > kMaxTabs) {
        failure_ = "Tab never reached '" + target + "'";
        return false;
    }
    press(GLFW_KEY_TAB);
    return false;
}

void KeyPlay::fail(App& app, const std::string& why) {
    failure_ = why;
    done_ = true;
    // A picture of the screen where it stopped (this frame is still drawn).
    if (shot_.empty()) {
        pictured_.insert("k99-stopped.png");
        app.request_screenshot(dir_ + "/k99-stopped.png");
    }
    app.quit(1);
}

void KeyPlay::decide(App& app) {
    ScreenId here = app.current();
    if (const char* f = screen_file(here); *f && !pictured_.count(f) && shot_.empty()) {
        pictured_.insert(f);
        app.request_screenshot(dir_ + "/" + f);
        return;   // the screen as it opened: the next step acts
    }
    if (mouse_) return decide_mouse(app);
    switch (here) {
        case ScreenId::SignIn: {
            // The name box has the keyboard when the screen opens, and the
            // trainee's heading is in sight above it (at 200 % too): bringing
            // the box into view must not scroll away whose card it is.
            TargetRect head, box;
            if (target_rect("trainee-heading", &head) && target_rect("field:new-name", &box) &&
                (head.y0 < head.sy0 - 1 || box.y1 > box.sy1 + 1))
                cut_.insert("sign-in: the trainee heading and the name box are not in sight together");
            type(kName);
            press(GLFW_KEY_ENTER);
            return;
        }
        case ScreenId::Library:
            // At large text the top bar folds Settings, My password, Live
            // session and Sign out into a Menu: open it by keyboard, choose
            // Settings, and close the settings with Escape.
            if (target_id("menu") && !typed_.count("@menu")) {
                if (target_id("close-settings")) {
                    typed_.insert("@menu");
                    std::printf("keys-only: the Menu opened Settings by keyboard\n");
                    press(GLFW_KEY_ESCAPE);
                } else if (target_id("menu-settings")) {
                    if (tab_to("menu-settings")) press(GLFW_KEY_ENTER);
                } else if (tab_to("menu")) {
                    press(GLFW_KEY_ENTER);
                }
                return;
            }
            if (typed_.count("@menu") && target_id("close-settings")) return fail(app, "Escape did not close the settings");
            if (tab_to("start:" + case_)) press(GLFW_KEY_ENTER);
            return;
        case ScreenId::Briefing:
            // When the family tree is too big for its panel: Tab to it, scroll it
            // with the arrows, and picture it.
            if (target_id("family-tree") && !typed_.count("@tree")) {
                if (tab_to("family-tree")) {
                    for (int k : {GLFW_KEY_DOWN, GLFW_KEY_DOWN, GLFW_KEY_DOWN, GLFW_KEY_RIGHT, GLFW_KEY_RIGHT}) press(k);
                    typed_.insert("@tree");
                }
                return;
            }
            if (typed_.count("@tree") && !typed_.count("@tree-shot")) {
                typed_.insert("@tree-shot");
                // Only the tree scrolls sideways: the key below it keeps its left edge in sight.
                if (TargetRect key; target_rect("family-key", &key) && key.x0 < key.cx0 - 1)
                    cut_.insert("briefing: the family tree's key scrolled sideways out of sight with the tree");
                pictured_.insert("k03b-family-tree.png");
                app.request_screenshot(dir_ + "/k03b-family-tree.png");
                return;
            }
            press(GLFW_KEY_ENTER, true);   // Ctrl+Enter: Begin the visit
            return;
        case ScreenId::Debrief: return end(app);
        default: break;
    }
    std::optional<View> playing = view_of_case(app, here);
    if (!playing) return;
    const View& v = *playing;
    if (here == ScreenId::Conversation) {
        if (v.kind == View::Kind::Choices) {
            // Choose, by its number key, the first move that fits the practice.
            int pick = first_fitting_choice(v);
            if (pick > 9) pick = 1;
            press(GLFW_KEY_0 + pick);
        } else {
            press(GLFW_KEY_ENTER, true);   // Continue, Go to the task, See your feedback
        }
        return;
    }
    if (v.kind != View::Kind::Task || !v.task) {
        press(GLFW_KEY_ESCAPE);   // back to the conversation
        return;
    }
    const Task& t = *v.task;
    Answer want = stock_answer(*app.session(), t);   // the expert key's answer
    std::string key = editor_key(t.kind);
    if (!key.empty() || t.kind == TaskKind::Scaling) {
        std::string box = t.kind == TaskKind::Scaling ? "scaling-reason" : key;
        if (t.kind == TaskKind::Scaling) {
            auto& scale = static_cast<ScalingScreen&>(app.screen(ScreenId::Scaling));
            if (scale.number() < 0) {
                if (tab_to("scale-line")) press(GLFW_KEY_0 + want.number);
                return;
            }
        }
        if (!typed_.count(t.id)) {
            if (target_typing("box:" + box)) {
                type(want.text);
                press(GLFW_KEY_ESCAPE);   // leave the box
                typed_.insert(t.id);
                tabs_ = 0;
            } else {
                tab_to("box:" + box);
            }
            return;
        }
        press(GLFW_KEY_ENTER, true);   // Hand in
        return;
    }
    bool popup = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (t.kind == TaskKind::SortFacts || t.kind == TaskKind::ThreeHouses) {
        // Pick up the next card or words (Enter opens its menu), choose its place, then hand in.
        Placing next = next_placing(app, t, want);
        if (next.item.empty()) {
            if (popup) press(GLFW_KEY_ESCAPE);
            else press(GLFW_KEY_ENTER, true);
        } else if (tab_to(popup ? next.to : next.item)) {
            press(GLFW_KEY_ENTER);
        }
        return;
    }
    if (t.kind == TaskKind::SafetyNetwork) {
        for (const auto& id : want.picks) {
            if (std::find(app.board().network.begin(), app.board().network.end(), id) != app.board().network.end()) continue;
            if (!target_id("net:" + id)) continue;
            if (tab_to("net:" + id)) press(GLFW_KEY_SPACE);
            return;
        }
        press(GLFW_KEY_ENTER, true);
        return;
    }
    fail(app, "a task of an unknown kind");
}

// The expert key's answer read into places once (the one edge here: the key
// as a loose answer), then the first card or words not yet where it puts them.
// Sorting stops at four cards placed, or when no card left is in sight.
KeyPlay::Placing KeyPlay::next_placing(App& app, const Task& t, const Answer& want) {
    if (t.kind == TaskKind::SortFacts) {
        int placed = 0;
        Placing next;
        for (const auto& [id, place] : play::fact_places(want.placements)) {
            auto it = app.board().placements.find(id);
            if (it != app.board().placements.end() && it->second == place) ++placed;
            else if (next.item.empty() && target_id("card:" + id)) next = {"card:" + id, std::string("move:") + to_string(place)};
        }
        return placed >= 4 ? Placing{} : next;
    }
    auto& th = static_cast<ThreeHousesScreen&>(app.screen(ScreenId::ThreeHouses));
    for (const auto& [item, house] : play::house_places(want.placements)) {
        auto it = th.houses().find(item);
        if (it == th.houses().end() || it->second != house) return {"item:" + item, std::string("house:") + to_string(house)};
    }
    return {};
}

std::optional<View> KeyPlay::view_of_case(App& app, ScreenId here) {
    if (app.session() && app.scenario()) return app.session()->view();
    fail(app, "no case is open on the " + std::string(app.screen(here).stable_id()) + " screen");
    return std::nullopt;
}

void KeyPlay::end(App& app) {
    done_ = true;
    app.quit(failure_.empty() ? 0 : 1);
}

// The same decisions as by keyboard, acted with the pointer.
void KeyPlay::decide_mouse(App& app) {
    ScreenId here = app.current();
    switch (here) {
        case ScreenId::SignIn:
            if (target_typing("field:new-name") && !typed_.count("@name")) {
                type(kName);
                typed_.insert("@name");
            } else if (!typed_.count("@name")) {
                click("field:new-name");
            } else {
                click("start-trainee");
            }
            return;
        case ScreenId::Library: click("start:" + case_); return;
        case ScreenId::Briefing: click("primary"); return;   // Begin the visit
        case ScreenId::Debrief: return end(app);
        default: break;
    }
    std::optional<View> playing = view_of_case(app, here);
    if (!playing) return;
    const View& v = *playing;
    if (here == ScreenId::Conversation) {
        if (v.kind == View::Kind::Choices) {
            click("choice:" + std::to_string(first_fitting_choice(v)));
        } else {
            click("primary");   // Continue, Go to the task, See your feedback
        }
        return;
    }
    if (v.kind != View::Kind::Task || !v.task) {
        click("back-to-talk");
        return;
    }
    const Task& t = *v.task;
    Answer want = stock_answer(*app.session(), t);
    std::string key = editor_key(t.kind);
    bool popup = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (!key.empty() || t.kind == TaskKind::Scaling) {
        std::string box = "box:" + (t.kind == TaskKind::Scaling ? std::string("scaling-reason") : key);
        if (t.kind == TaskKind::Scaling) {
            auto& scale = static_cast<ScalingScreen&>(app.screen(ScreenId::Scaling));
            if (scale.number() < 0) {
                // The line's ends sit 24 px (at 100 %) inside the control.
                TargetRect r;
                if (!target_rect("scale-line", &r)) return fail(app, "the scale line is not on the screen");
                float pad = 24 * app.ui_scale(), w = r.x1 - r.x0;
                click("scale-line", (pad + (w - 2 * pad) * want.number / 10.0f) / w);
                return;
            }
        }
        if (!typed_.count(t.id)) {
            if (target_typing(box)) {
                type(want.text);
                typed_.insert(t.id);
            } else {
                click(box);
            }
            return;
        }
        click("primary");   // Hand in (the click also leaves the box)
        return;
    }
    if (t.kind == TaskKind::SortFacts || t.kind == TaskKind::ThreeHouses) {
        Placing next = next_placing(app, t, want);
        if (!next.item.empty()) {
            click(popup ? next.to : next.item);
            return;
        }
        // Hand in in sight: picture the houses filled, before pressing it.
        if (TargetRect r; t.kind == TaskKind::ThreeHouses && !pictured_.count("k07b-houses-filled.png") &&
                          target_rect("primary", &r) && r.y1 <= r.cy1 && r.y0 >= r.cy0) {
            pictured_.insert("k07b-houses-filled.png");
            app.request_screenshot(dir_ + "/k07b-houses-filled.png");
            return;
        }
        click("primary");
        return;
    }
    if (t.kind == TaskKind::SafetyNetwork) {
        for (const auto& id : want.picks) {
            if (std::find(app.board().network.begin(), app.board().network.end(), id) != app.board().network.end()) continue;
            if (!target_id("net:" + id)) continue;
            click("net:" + id, 0.5f);
            return;
        }
        click("primary");
        return;
    }
    fail(app, "a task of an unknown kind");
}

void KeyPlay::before_frame(App& app) {
    if (done_) return;
    if (!keys_.empty() || held_ >= 0) return;
    if (settle_ > 0) { --settle_; return; }
    if (++steps_ > kMaxSteps) return fail(app, "the case did not end after " + std::to_string(kMaxSteps) + " key steps");
    // Stuck: nothing the trainee can see has changed for many steps.
    std::string where = std::string(app.screen(app.current()).stable_id());
    if (app.session()) {
        View v = app.session()->view();
        where += " scene '" + (v.scene ? v.scene->id : std::string("?")) + "'" + (v.task ? " task '" + v.task->id + "'" : "");
    }
    std::string sig = where + "|" + std::to_string(app.session() ? app.session()->transcript().events.size() : 0) + "|" +
                      std::to_string(app.board().placements.size()) + "|" + std::to_string(app.board().network.size()) + "|" +
                      std::to_string(typed_.size()) + "|" + std::to_string(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    // At ordinary text size a screen or task opens with its main button
    // (Hand in, Continue) wholly in sight or wholly below the fold: never
    // half cut off by the edge of a panel that is too short for what it holds.
    if (where != last_where_) {
        last_where_ = where;
        TargetRect r;
        if (app.ui_scale() < 1.5f && target_rect("primary", &r)) {
            bool shows = r.y1 > r.cy0 && r.y0 < r.cy1;
            bool whole = r.y0 >= r.cy0 - 1 && r.y1 <= r.cy1 + 1;
            if (shows && !whole) cut_.insert(where + ": its main button is cut off by its panel's edge");
        }
    }
    // The moves under the conversation (the choices, Continue) have the room
    // they need while the transcript above has room to give: they do not
    // scroll inside a panel of their own.
    if (app.current() == ScreenId::Conversation && app.ui_scale() < 1.5f &&
        static_cast<ConversationScreen&>(app.screen(ScreenId::Conversation)).moves_scrolled())
        cut_.insert(where + ": the choices scroll inside their panel though the transcript has room");
    if (sig != last_sig_) { last_sig_ = sig; same_steps_ = 0; }
    else if (++same_steps_ > kStuckSteps) return fail(app, "stuck on the " + where + ": nothing changed after " + std::to_string(kStuckSteps) + " steps");
    decide(app);
    if (std::getenv("SOFS_KEYS_DEBUG"))
        std::fprintf(stderr, "step %d screen %s keys %zu tabs %d nav %08x\n", steps_, app.screen(app.current()).stable_id(),
                     keys_.size(), tabs_, ImGui::GetCurrentContext()->NavId);
    if (!failure_.empty() && !done_) fail(app, failure_);
}

void KeyPlay::inject(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    if (mouse_) {
        // The backend reads the real pointer each frame: ours replaces it.
        if (!keys_.empty() && keys_.front().mouse) {
            Key k = keys_.front();
            keys_.pop_front();
            ++presses_;
            mx_ = k.x;
            my_ = k.y;
            mdown_ = k.down;
            mwheel_ = k.wheel;
            if (keys_.empty()) settle_ = kSettleFrames;
            app.request_redraw();
        } else {
            mwheel_ = 0;
        }
        io.MousePos = ImVec2(mx_, my_);
        io.MouseDown[0] = mdown_;
        io.MouseWheel = mwheel_;
        if (!keys_.empty() && keys_.front().mouse) return;
        if (mwheel_ != 0 || mdown_) return;
    }
    if (held_ >= 0) {   // release last frame's key
        io.KeysDown[held_] = false;
        io.KeyCtrl = io.KeyShift = false;
        settle_ = held_ == GLFW_KEY_TAB ? kTabSettleFrames : kSettleFrames;
        held_ = -1;
        return;
    }
    if (keys_.empty()) return;
    Key k = keys_.front();
    keys_.pop_front();
    ++presses_;
    if (!k.text.empty()) io.AddInputCharactersUTF8(k.text.c_str());
    if (k.key >= 0) {
        io.KeysDown[k.key] = true;
        io.KeyCtrl = k.ctrl;
        io.KeyShift = k.shift;
        held_ = k.key;
    } else {
        settle_ = kSettleFrames;
    }
    app.request_redraw();
}

void KeyPlay::after_render(App& app) {
    // Settled: the last key has had its frames and the next is not yet chosen.
    if (done_ || settle_ != 0 || held_ >= 0 || !keys_.empty()) return;
    for (const auto& p : panels_running_over()) overruns_.insert(std::string(app.screen(app.current()).stable_id()) + ": " + p);
}

int KeyPlay::finish(App& app) {
    for (const auto& o : overruns_) std::printf("%s: layout: %s\n", mouse_ ? "mouse-only" : "keys-only", o.c_str());
    std::printf("%s: %zu panels ran past their edge\n", mouse_ ? "mouse-only" : "keys-only", overruns_.size());
    for (const auto& c : cut_) std::printf("%s: layout: %s\n", mouse_ ? "mouse-only" : "keys-only", c.c_str());
    std::printf("%s: %zu controls cut off or scrolled away\n", mouse_ ? "mouse-only" : "keys-only", cut_.size());
    std::printf("%s: %s: %d %s in %.1f s; reached the %s screen\n", mouse_ ? "mouse-only" : "keys-only", case_.c_str(), presses_,
                mouse_ ? "pointer steps and typed answers" : "key events", now_s() - started_,
                app.screen(app.current()).stable_id());
    for (const auto& p : pictured_) std::printf("  %s\n", p.c_str());
    bool ok = failure_.empty() && app.current() == ScreenId::Debrief;
    const char* mode = mouse_ ? "mouse-only" : "keys-only";
    if (!failure_.empty()) std::fprintf(stderr, "%s: %s\n", mode, failure_.c_str());
    else if (!ok) std::fprintf(stderr, "%s: the feedback page was not reached\n", mode);
    // What the store kept: this trainee's attempt at the case, finished.
    if (ok) {
        bool stored = false;
        try {
            if (app.user && app.records && app.records->store())
                for (const auto& a : app.records->store()->attempts(*app.user, app.user->id))
                    if (a.scenario == case_ && a.status == sofs::progress::AttemptStatus::Finished) {
                        std::printf("%s: attempt %lld of %s stored as finished (ending %s, %d events)\n", mouse_ ? "mouse-only" : "keys-only",
                                    static_cast<long long>(a.id), case_.c_str(), a.ending.c_str(), a.events);
                        stored = true;
                    }
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s: the progress store could not be read: %s\n", mode, e.what());
        }
        if (!stored) {
            std::fprintf(stderr, "%s: no finished attempt at %s is in the progress store\n", mode, case_.c_str());
            ok = false;
        }
    }
    std::fflush(stdout);
    return ok ? 0 : 1;
}

}  // namespace sofs::ui
