// Every bundled case played in the application by keyboard alone: for each
// scenarios/*.yaml, sofs-sim --keys-only --case ID signs a trainee in, opens
// the case, plays it from the briefing to the feedback page with key events
// (Tab, Enter, Space, Escape, number keys, typed words) and exits; this test
// then opens the progress file itself and checks the attempt is finished.
// Also: the reference case by keyboard at 200 % text, with the layout check,
// and every case by mouse alone (clicks where each control is drawn, the wheel
// over a panel to bring it into sight, through ImGui's input), the reference
// case so at 200 % too.
//
// Run under one X server for all cases (ctest starts the program through
// xvfb-run); without $DISPLAY the tests fail and say so.
#include "load/loader.hpp"
#include "progress/store.hpp"

#include "files.hpp"

#include <doctest/doctest.h>

#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
namespace pg = sofs::progress;

namespace {

int run(const std::string& cmd) {
    int st = std::system(cmd.c_str());
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

std::string temp_dir(const std::string& tag) { return ui_test::temp_dir("sofs-cases-" + tag + "-"); }
using ui_test::slurp;

struct Case {
    std::string id, file;
};

// The bundled cases, by id, in file order.
std::vector<Case> bundled_cases() {
    std::vector<Case> out;
    for (const auto& e : fs::directory_iterator(std::string(SOFS_SOURCE_DIR) + "/scenarios"))
        if (e.path().extension() == ".yaml") {
            sofs::LoadResult r = sofs::load_scenario_file(e.path().string());
            if (r.scenario) out.push_back({r.scenario->id, e.path().filename().string()});
            else out.push_back({"", e.path().filename().string()});
        }
    std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.file < b.file; });
    return out;
}

struct Played {
    int status = -1;
    std::string output;
    double seconds = 0;
};

Played play(const std::string& case_id, const std::string& dir, const std::string& extra = "", const char* mode = "--keys-only") {
    std::string out = dir + "/keys-output.txt";
    auto t0 = std::chrono::steady_clock::now();
    Played p;
    p.status = run(std::string(SOFS_SIM_BIN) + " --scenarios " + SOFS_SOURCE_DIR + "/scenarios " + mode + " " + dir +
                   " --case " + case_id + " --db " + dir + "/progress.db " + extra + " >" + out + " 2>&1");
    p.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    p.output = slurp(out);
    return p;
}

// The finished attempts at `case_id` in the progress file, read by this test.
int finished_attempts(const std::string& db, const std::string& case_id, std::string* ending) {
    auto store = pg::Store::open(db);
    int n = 0;
    for (const auto& person : store->people(pg::Actor::system(), pg::Role::Trainee))
        for (const auto& a : store->attempts(pg::Actor::system(), person.id))
            if (a.scenario == case_id && a.status == pg::AttemptStatus::Finished) {
                ++n;
                *ending = a.ending;
            }
    return n;
}

// What a case played to its end must leave: sofs-sim exited 0 and said each
// of `said`, and the attempt is stored finished, once; the ending stored with it.
std::string check_finished(const Played& p, const std::string& dir, const std::string& case_id,
                           std::initializer_list<std::string> said) {
    CHECK(p.status == 0);
    for (const std::string& words : said) CHECK_MESSAGE(p.output.find(words) != std::string::npos, words);
    std::string ending;
    CHECK(finished_attempts(dir + "/progress.db", case_id, &ending) == 1);
    return ending;
}

// Every bundled case (at least 13) played by `mode`, each in a folder of its
// own (`tag` before the case's id), and handed to `check` with that folder; a
// folder is kept when sofs-sim failed. The seconds all the plays took.
template <class Check>
double play_every_case(const std::string& tag, const char* mode, Check check) {
    std::vector<Case> cases = bundled_cases();
    REQUIRE(cases.size() >= 13);
    double total = 0;
    for (const Case& c : cases) {
        CAPTURE(c.file);
        REQUIRE_MESSAGE(!c.id.empty(), c.file << " did not load");
        std::string dir = temp_dir(tag + c.id);
        Played p = play(c.id, dir, "", mode);
        total += p.seconds;
        INFO("sofs-sim said:\n" << p.output);
        check(c, dir, p);
        if (p.status == 0) fs::remove_all(dir);
    }
    return total;
}

bool have_display() {
    const char* d = std::getenv("DISPLAY");
    return d && *d;
}

}  // namespace

TEST_CASE("GIVEN every bundled case WHEN each is played by keyboard alone THEN each reaches its feedback page and is stored finished") {
    REQUIRE_MESSAGE(have_display(), "no $DISPLAY: run this test through xvfb-run (ctest does)");
    double total = play_every_case("", "--keys-only", [](const Case& c, const std::string& dir, const Played& p) {
        // At 100 % each screen and task opens with its main button (Hand in,
        // Continue) wholly in sight or wholly below the fold, never cut in half
        // by a card too short for what it holds (the safety network's card was),
        // and the conversation's choices do not scroll in a panel of their own
        // while the transcript above has room to give (they did, by a line).
        std::string ending = check_finished(p, dir, c.id, {"reached the debrief screen", "stored as finished", "keys-only: 0 controls cut off or scrolled away"});
        CHECK(!ending.empty());
        // The feedback page was pictured, and the picture has something in it.
        std::error_code ec;
        CHECK(fs::file_size(dir + "/k08-feedback.png", ec) > 20000);
        MESSAGE(c.id << ": " << p.seconds << " s, ending " << ending);
    });
    MESSAGE("all cases: " << total << " s");
}

TEST_CASE("GIVEN text at 200 % WHEN the reference case is played by keyboard alone THEN feedback is reached and nothing runs past its panel") {
    REQUIRE_MESSAGE(have_display(), "no $DISPLAY: run this test through xvfb-run (ctest does)");
    std::string dir = temp_dir("200");
    Played p = play("reference-case", dir, "--text-size 200");
    INFO("sofs-sim said:\n" << p.output);
    check_finished(p, dir, "reference-case",
                   {"reached the debrief screen", "keys-only: 0 panels ran past their edge",
                    // the sign-in card opens with its heading in sight above the name box
                    "keys-only: 0 controls cut off or scrolled away",
                    // the top bar's Menu (large text) opened Settings from the keyboard
                    "keys-only: the Menu opened Settings by keyboard"});
    MESSAGE("reference case at 200 %: " << p.seconds << " s");
    if (p.status == 0) fs::remove_all(dir);
}

TEST_CASE("GIVEN every bundled case WHEN each is played by mouse alone THEN each reaches its feedback page, is stored finished and nothing runs past its panel") {
    REQUIRE_MESSAGE(have_display(), "no $DISPLAY: run this test through xvfb-run (ctest does)");
    double total = play_every_case("mouse-", "--mouse-only", [](const Case& c, const std::string& dir, const Played& p) {
        std::string ending = check_finished(
            p, dir, c.id, {"mouse-only: " + c.id + ":", "reached the debrief screen", "mouse-only: 0 panels ran past their edge",
                           "mouse-only: 0 controls cut off or scrolled away"});
        CHECK(!ending.empty());
        MESSAGE(c.id << " by mouse: " << p.seconds << " s, ending " << ending);
    });
    MESSAGE("all cases by mouse: " << total << " s");
}

// At 200 % the mapping board is one scrolling screen: Hand in sits at the foot
// of a task card as tall as what it holds (it was once cut off below the card,
// where no scrolling reached it), and the facts tray is no taller than the
// screen shows, so the wheel brings every card and button into sight.
TEST_CASE("GIVEN text at 200 % WHEN the reference case is played by mouse alone THEN feedback is reached, the attempt is stored finished and nothing runs past its panel") {
    REQUIRE_MESSAGE(have_display(), "no $DISPLAY: run this test through xvfb-run (ctest does)");
    std::string dir = temp_dir("mouse-200");
    Played p = play("reference-case", dir, "--text-size 200", "--mouse-only");
    INFO("sofs-sim said:\n" << p.output);
    std::string ending = check_finished(p, dir, "reference-case",
                                        {"mouse-only: reference-case:", "reached the debrief screen",
                                         "mouse-only: 0 panels ran past their edge", "stored as finished"});
    CHECK(!ending.empty());
    // Every screen on the way was pictured, the feedback page among them.
    std::error_code ec;
    CHECK(fs::file_size(dir + "/k05-mapping.png", ec) > 20000);
    CHECK(fs::file_size(dir + "/k08-feedback.png", ec) > 20000);
    CHECK(!fs::exists(dir + "/k99-stopped.png"));
    MESSAGE("reference case by mouse at 200 %: " << p.seconds << " s");
    if (p.status == 0) fs::remove_all(dir);
}

TEST_CASE("GIVEN a case id that is not bundled WHEN it is asked for THEN sofs-sim says which cases there are") {
    REQUIRE_MESSAGE(have_display(), "no $DISPLAY: run this test through xvfb-run (ctest does)");
    std::string dir = temp_dir("none");
    Played p = play("no-such-case", dir);
    CHECK(p.status != 0);
    CHECK(p.output.find("there is no case 'no-such-case'") != std::string::npos);
    CHECK(p.output.find("reference-case") != std::string::npos);
    fs::remove_all(dir);
}
