// Benchmark: how much of a core sofs-sim uses while a voice line plays and
// nobody touches it. Starts sofs-sim (SDL's dummy audio device plays in real
// time), presses "Read aloud" on the sign-in screen with xdotool, lets the
// speech be made, then reads the process's CPU time from /proc over a few
// seconds of playing. Nothing on screen moves while it plays, so the window
// should not be redrawn (aim: the idle figure, <= 1% of a core).
// SOFS_SIM=path measures another build.   bench_ui_voice [SECONDS]
#include "proc_cpu.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace fs = std::filesystem;
using bench::cpu_ticks;


int main(int argc, char** argv) {
    double seconds = argc > 1 ? std::atof(argv[1]) : 4.0;
    if (!std::getenv("DISPLAY")) {
        std::fprintf(stderr, "bench_ui_voice: no DISPLAY: run it under xvfb-run -a -s \"-screen 0 1280x800x24\"\n");
        return 1;
    }
    const std::string sim = std::getenv("SOFS_SIM") ? std::getenv("SOFS_SIM") : SOFS_SIM_BIN;
    std::string tmpl = (fs::temp_directory_path() / "sofs-bench-voice-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) { std::perror("mkdtemp"); return 1; }
    std::string db = tmpl + "/progress.db";
    std::string scenarios = std::string(SOFS_SOURCE_DIR) + "/scenarios";
    pid_t pid = fork();
    if (pid == 0) {
        setenv("XDG_CONFIG_HOME", tmpl.c_str(), 1);
        setenv("XDG_CACHE_HOME", tmpl.c_str(), 1);
        setenv("SDL_AUDIODRIVER", "dummy", 1);
        execl(sim.c_str(), sim.c_str(), "--scenarios", scenarios.c_str(), "--db", db.c_str(), (char*)nullptr);
        _exit(127);
    }
    // A benchmark, not a test: waiting for the window and the speech is the point.
    std::this_thread::sleep_for(std::chrono::seconds(3));
    long idle0 = cpu_ticks(pid);
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    long idle1 = cpu_ticks(pid);
    // The sign-in screen's "Read aloud" button, top right of the 1280-wide window (at 0,0: Xvfb has no window manager).
    int rc = std::system("xdotool mousemove 1006 28 click 1 >/dev/null 2>&1");
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));   // the speech is made
    long t0 = cpu_ticks(pid);
    auto w0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    long t1 = cpu_ticks(pid);
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    fs::remove_all(tmpl);
    if (rc != 0 || idle0 < 0 || t1 < 0) {
        std::fprintf(stderr, "bench_ui_voice: could not press Read aloud (xdotool %d) or sofs-sim stopped (status %d)\n",
                     rc, status);
        return 1;
    }
    double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
    double idle = 100.0 * static_cast<double>(idle1 - idle0) / tick / seconds;
    double voice = 100.0 * static_cast<double>(t1 - t0) / tick / wall;
    std::printf("sofs-sim (%s)\n  idle:               %.2f%% of one core over %.1f s\n"
                "  a voice line plays: %.2f%% of one core over %.1f s (aim: as idle, <= 1%%)\n",
                sim.c_str(), idle, seconds, voice, wall);
    return 0;
}
