// The live session's scripted driver (live_script.hpp).
#include "live_script.hpp"

#include "app.hpp"
#include "key_play.hpp"
#include "screens/live_session.hpp"
#include "screens/network.hpp"
#include "runtime/stock_answer.hpp"

#include <chrono>
#include <sys/resource.h>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace sofs::ui {

namespace {

std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// "a | b" -> {"a", "b"}
std::pair<std::string, std::string> two(const std::string& arg) {
    auto bar = arg.find('|');
    if (bar == std::string::npos) return {trim(arg), ""};
    return {trim(arg.substr(0, bar)), trim(arg.substr(bar + 1))};
}

double now_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// CPU time of the whole process (every thread), in seconds.
double cpu_s() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

const char* kind_key(TaskKind k) {
    switch (k) {
        case TaskKind::DangerStatement: return "danger-statement";
        case TaskKind::SafetyGoal: return "safety-goal";
        case TaskKind::Scaling: return "scaling";
        default: return "other";
    }
}

}  // namespace

std::unique_ptr<LiveScript> LiveScript::load(const std::string& path, std::string* error) {
    std::ifstream in(path);
    if (!in) { *error = "could not read the live script '" + path + "'"; return nullptr; }
    auto s = std::make_unique<LiveScript>();
    s->path_ = path;
    static const char* verbs[] = {"sign-in", "open-session", "write-code", "join-from", "open-case", "play-until",
                                  "answer", "go", "tab", "names", "open-vote", "vote", "wait-votes", "reveal",
                                  "wait-revealed", "wait-wall", "wait-answer", "export-wall", "text-size", "shot",
                                  "touch", "wait-for", "frames", "quit", "idle", "network-open", "project",
                                  "wait-board", "network-export", "network-add", "network-scale", "send-sorting", "improve",
                                  "propose", "wait-proposals", "pick", "vote-task", "scroll", "move-fact"};
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        line = trim(line.substr(0, line.find('#')));
        if (line.empty()) continue;
        auto sp = line.find(' ');
        Step st{n, line.substr(0, sp), sp == std::string::npos ? "" : trim(line.substr(sp + 1))};
        bool known = false;
        for (const char* v : verbs) known = known || st.verb == v;
        if (!known) { *error = path + ":" + std::to_string(n) + ": '" + st.verb + "' is not a live script step"; return nullptr; }
        s->steps_.push_back(st);
    }
    return s;
}

bool LiveScript::busy() const { return idle_until_ < 0 || now_s() >= idle_until_; }

void LiveScript::before_frame(App& app) {
    if (idle_until_ >= 0) {
        if (now_s() < idle_until_) return;   // woken by NOTIFY or input while idle: drawn, not stepped
        std::printf("live script: idle: %.0f ms of CPU and %d frames drawn in %.1f s\n", (cpu_s() - idle_cpu_) * 1000,
                    app.frame_number() - idle_frames_, now_s() - waiting_since_);
        std::fflush(stdout);
        idle_until_ = -1;
        waiting_since_ = -1;
        steps_.pop_front();
        return;
    }
    if (frames_ > 0) { --frames_; return; }
    if (steps_.empty()) { app.quit(0); return; }
    const Step s = steps_.front();
    bool done = true;
    std::string error;
    if (!step(app, s, &done, &error)) {
        std::fprintf(stderr, "sofs-sim: %s:%d: %s: %s\n", path_.c_str(), s.line, s.verb.c_str(), error.c_str());
        app.quit(1);
        steps_.clear();
        return;
    }
    if (!done) {
        if (waiting_since_ < 0) waiting_since_ = now_s();
        if (now_s() - waiting_since_ > timeout_s) {
            std::fprintf(stderr, "sofs-sim: %s:%d: %s %s: still waiting after %d s\n", path_.c_str(), s.line, s.verb.c_str(),
                         s.arg.c_str(), timeout_s);
            app.quit(1);
            steps_.clear();
        }
        return;
    }
    waiting_since_ = -1;
    std::printf("live script: %s %s\n", s.verb.c_str(), s.arg.c_str());
    std::fflush(stdout);
    if (!steps_.empty()) steps_.pop_front();
    if (frames_ == 0) frames_ = 2;   // let the screen draw what the step changed
}

bool LiveScript::step(App& app, const Step& s, bool* done, std::string* error) {
    auto& live = static_cast<LiveScreen&>(app.screen(ScreenId::Live));
    const std::string& a = s.arg;
    if (s.verb == "sign-in") {
        auto [name, password] = two(a);
        if (!app.records) { *error = "no store is open"; return false; }
        bool needs = false;
        auto who = password.empty() ? app.records->enter_as_trainee(name, "", error, &needs)
                                    : app.records->sign_in(name, password, error);
        if (!who) return false;
        app.sign_in(*who);
        return true;
    }
    if (s.verb == "go") {
        if (a != "live" && a != "network") { *error = "only 'go live' and 'go network' are known"; return false; }
        app.go(a == "live" ? ScreenId::Live : ScreenId::Network);
        return true;
    }
    if (s.verb == "open-session") {
        if (!app.library_ready()) { *done = false; return true; }
        auto [cohort, id] = two(a);
        if (!live.open_session(app, cohort, id)) { *error = live.problem(); return false; }
        return true;
    }
    if (s.verb == "write-code") {
        std::ofstream(a + ".part") << live.join_code() << "\n";
        std::filesystem::rename(a + ".part", a);
        return true;
    }
    if (s.verb == "join-from" || s.verb == "wait-for") {
        std::ifstream in(a);
        if (!in) { *done = false; return true; }
        if (s.verb == "wait-for") return true;
        std::string code;
        in >> code;
        if (!live.join(app, code)) { *error = live.problem(); return false; }
        return true;
    }
    if (s.verb == "touch") { std::ofstream(a) << "done\n"; return true; }
    if (s.verb == "open-case") {
        if (!live.open_case(app)) { *error = live.problem(); return false; }
        return true;
    }
    if (s.verb == "play-until") {
        if (!app.session()) { *error = "no case is open"; return false; }
        View v = app.session()->view();
        *done = false;
        switch (v.kind) {
            case View::Kind::Narration:
                if (!app.advance()) { *error = "could not go on"; return false; }
                return true;
            case View::Kind::Choices: {
                const Choice* pick = practice_choice(v);
                if (!pick || !app.choose(pick->id)) { *error = "could not choose '" + (pick ? pick->id : "") + "'"; return false; }
                return true;
            }
            case View::Kind::Task:
                if (a == kind_key(v.task->kind)) { *done = true; return true; }
                if (!app.answer(stock_answer(*app.session(), *v.task))) { *error = "the stock answer to '" + v.task->id + "' was refused"; return false; }
                return true;
            default:
                *error = "the case ended before a task of kind '" + a + "'";
                return false;
        }
    }
    if (s.verb == "answer") {
        if (!app.session()) { *error = "no case is open"; return false; }
        View v = app.session()->view();
        if (v.kind != View::Kind::Task) { *error = "no task is on screen"; return false; }
        Answer ans = stock_answer(*app.session(), *v.task);
        if (v.task->kind == TaskKind::Scaling) ans.number = std::stoi(a);
        else ans.text = a;
        if (!app.answer(ans)) { *error = "the answer was refused"; return false; }
        app.go(ScreenId::Live);
        return true;
    }
    if (s.verb == "tab") {
        live.show_tab(a == "room" ? 0 : a == "vote" ? 1 : 2);
        return true;
    }
    if (s.verb == "names") { live.show_names(a == "on"); live.refresh(app); return true; }
    if (s.verb == "vote-task") { live.choose_vote_task(app, a); return true; }
    if (s.verb == "open-vote") {
        const Scenario* sc = app.scenario();
        (void)sc;
        std::string task = a;
        if (!live.open_vote(app, task)) { *error = live.problem(); return false; }
        return true;
    }
    if (s.verb == "vote") {
        live.refresh(app);
        if (!live.vote_open()) { *done = false; return true; }
        if (!live.cast_vote(app, std::stoi(a))) { *error = live.problem(); return false; }
        return true;
    }
    if (s.verb == "move-fact") {
        live.refresh(app);
        if (!live.vote_open() || !live.sorting_vote()) { *done = false; return true; }
        auto [fact, name] = two(a);
        std::optional<live::Place> place = live::place_from(name);   // the script's name for it
        if (!place) { *error = "'" + name + "' is not a place (past-harm, strength, worries, ...)"; return false; }
        if (!live.move_fact(app, fact, *place)) { *error = live.problem(); return false; }
        return true;
    }
    if (s.verb == "send-sorting") {
        live.refresh(app);
        if (!live.vote_open() || !live.sorting_vote()) { *done = false; return true; }
        if (!live.send_sorting(app)) { *error = live.problem(); return false; }
        return true;
    }
    if (s.verb == "improve") {   // the Nth danger statement on the wall (1 = the first)
        auto col = live.wall().column(live::WallKind::Danger);
        std::size_t n = static_cast<std::size_t>(std::stoi(a));
        if (n < 1 || n > col.size()) { *done = false; return true; }
        if (!live.improve_together(app, col[n - 1]->key)) { *error = live.problem(); return false; }
        return true;
    }
    if (s.verb == "propose") {
        live.refresh(app);
        if (!live.improvement() || live.improvement()->picked) { *done = false; return true; }
        if (!live.propose(app, a)) { *error = live.problem(); return false; }
        return true;
    }
    if (s.verb == "wait-proposals") { *done = static_cast<int>(live.proposals().size()) >= std::stoi(a); return true; }
    if (s.verb == "pick") {
        std::size_t n = static_cast<std::size_t>(std::stoi(a));
        if (n < 1 || n > live.proposals().size()) { *error = "no proposal " + a; return false; }
        if (!live.pick(app, live.proposals()[n - 1].id)) { *error = live.problem(); return false; }
        return true;
    }
    if (s.verb == "wait-votes") { *done = live.votes_in() >= std::stoi(a); return true; }
    if (s.verb == "wait-revealed") { *done = live.revealed_rounds() >= std::stoi(a); return true; }
    if (s.verb == "reveal") {
        if (!live.reveal(app)) { *error = live.problem(); return false; }
        return true;
    }
    if (s.verb == "wait-wall") { *done = static_cast<int>(live.wall().items().size()) >= std::stoi(a); return true; }
    if (s.verb == "wait-answer") {
        *done = false;
        for (const auto& l : live.room()) *done = *done || !l.handed_in.empty();
        return true;
    }
    if (s.verb == "export-wall") {
        if (!live.export_wall(app, a, true) || !live.export_wall(app, a, false)) { *error = "export failed"; return false; }
        return true;
    }
    auto& net = static_cast<NetworkScreen&>(app.screen(ScreenId::Network));
    if (s.verb == "network-open") {
        if (!app.library_ready()) { *done = false; return true; }
        if (!net.open_board_titled(app, a)) { *error = net.problem(); return false; }
        return true;
    }
    if (s.verb == "network-add") {
        auto [place, text] = two(a);
        if (!net.add(app, place, text)) { *error = net.problem(); return false; }
        return true;
    }
    if (s.verb == "network-scale") {
        auto [who, rest] = two(a);
        auto [number, why] = two(rest);
        if (!net.scale(app, who, std::stoi(number), why)) { *error = net.problem(); return false; }
        return true;
    }
    if (s.verb == "project") { net.project(a == "on"); return true; }
    if (s.verb == "scroll") { net.scroll_projection(std::stof(a)); frames_ = 3; return true; }
    if (s.verb == "wait-board") {
        auto [items, scales] = two(a);
        const auto& b = net.board();
        *done = b && static_cast<int>(b->items.size()) >= std::stoi(items) &&
                (scales.empty() || static_cast<int>(b->scales.size()) >= std::stoi(scales));
        if (*done)
            std::printf("live script: board: %d wakes by NOTIFY, last read in %.1f ms\n", net.wakes(), net.last_refresh_ms());
        return true;
    }
    if (s.verb == "network-export") {
        if (!net.export_board(app, a, true) || !net.export_board(app, a, false)) { *error = "export failed"; return false; }
        return true;
    }
    if (s.verb == "text-size") { app.request_text_size(std::stoi(a)); frames_ = 4; return true; }
    if (s.verb == "shot") { app.request_screenshot(a); return true; }
    if (s.verb == "frames") { frames_ = std::stoi(a); return true; }
    if (s.verb == "idle") {
        idle_until_ = now_s() + std::stod(a);
        idle_cpu_ = cpu_s();
        idle_frames_ = app.frame_number();
        waiting_since_ = now_s();
        *done = false;   // the step ends in before_frame once the time is up
        return true;
    }
    if (s.verb == "quit") { app.quit(0); steps_.clear(); *done = true; return true; }
    *error = "unknown step";
    return false;
}

}  // namespace sofs::ui
