// Benchmark: how much of a core sofs-sim uses while a voice line plays and
// nobody touches it. Starts sofs-sim (SDL's dummy audio device plays in real
// time), presses "Read aloud" on the sign-in screen with xdotool, waits until
// the speech has been made (sofs-sim calm again), then reads the process's CPU time from /proc over a few
// seconds of playing. Nothing on screen moves while it plays, so the window
// should not be redrawn (aim: the idle figure, <= 1% of a core).
// SOFS_SIM=path measures another build.   bench_ui_voice [SECONDS]
#include "sim_run.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

int main(int argc, char** argv) {
    double seconds = argc > 1 ? std::atof(argv[1]) : 4.0;
    if (!bench::have_display("bench_ui_voice")) return 1;
    const std::string sim = std::getenv("SOFS_SIM") ? std::getenv("SOFS_SIM") : SOFS_SIM_BIN;
    bench::SimHome home("voice");
    if (!home.ok()) return 1;
    pid_t pid = bench::launch_sim(sim, home, {{"XDG_CACHE_HOME", home.dir.c_str()}, {"SDL_AUDIODRIVER", "dummy"}});
    // A benchmark, not a test: waiting for the window and the speech is the point.
    std::this_thread::sleep_for(std::chrono::seconds(3));
    auto idle = bench::cpu_over(pid, seconds);
    // The sign-in screen's "Read aloud" button, top right of the 1280-wide window (at 0,0: Xvfb has no window manager).
    int rc = std::system("xdotool mousemove 1006 28 click 1 >/dev/null 2>&1");
    // The speech is made first (by a worker process: heavy work, and slower on
    // a busy machine): wait until sofs-sim and its children have used at most
    // one clock tick in each of two half-seconds running, then measure the
    // playing alone. At most 15 s: a line still being made after that is
    // measured as it is.
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    int calm = 0, waited = 0;
    for (; waited < 30 && calm < 2; ++waited) {
        auto half = bench::cpu_over(pid, 0.5);
        calm = half.ok() && half.ticks() <= 1 ? calm + 1 : 0;
    }
    auto voice = bench::cpu_over(pid, seconds);
    int status = bench::stop_sim(pid);
    if (rc != 0 || !idle.ok() || !voice.ok()) {
        std::fprintf(stderr, "bench_ui_voice: could not press Read aloud (xdotool %d) or sofs-sim stopped (status %d)\n",
                     rc, status);
        return 1;
    }
    std::printf("sofs-sim (%s)\n  idle:               %.2f%% of one core over %.1f s\n"
                "  a voice line plays: %.2f%% of one core over %.1f s (aim: as idle, <= 1%%), measured %.1f s after\n"
                "                      Read aloud was pressed, once the speech had been made\n",
                sim.c_str(), bench::core_percent(idle.ticks(), idle.wall), idle.wall,
                bench::core_percent(voice.ticks(), voice.wall), voice.wall, 0.5 + 0.5 * waited);
    return 0;
}
