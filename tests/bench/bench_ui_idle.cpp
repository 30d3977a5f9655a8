// Benchmark: how much of a core sofs-sim uses while nobody touches it.
// Starts sofs-sim under the current DISPLAY (use xvfb-run), lets it settle,
// then reads its CPU time from /proc/<pid>/stat over about ten seconds and
// prints the idle share of one core (aim <= 1%).
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
    double seconds = argc > 1 ? std::atof(argv[1]) : 10.0;
    if (!std::getenv("DISPLAY")) {
        std::fprintf(stderr, "bench_ui_idle: no DISPLAY: run it under xvfb-run -a -s \"-screen 0 1280x800x24\"\n");
        return 1;
    }
    std::string tmpl = (fs::temp_directory_path() / "sofs-bench-idle-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) { std::perror("mkdtemp"); return 1; }
    std::string db = tmpl + "/progress.db";
    std::string scenarios = std::string(SOFS_SOURCE_DIR) + "/scenarios";
    pid_t pid = fork();
    if (pid == 0) {
        setenv("XDG_CONFIG_HOME", tmpl.c_str(), 1);
        execl(SOFS_SIM_BIN, SOFS_SIM_BIN, "--scenarios", scenarios.c_str(), "--db", db.c_str(), (char*)nullptr);
        _exit(127);
    }
    // A benchmark, not a test: waiting for the window to settle is the point.
    std::this_thread::sleep_for(std::chrono::seconds(3));
    long t0 = cpu_ticks(pid);
    auto w0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    long t1 = cpu_ticks(pid);
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    fs::remove_all(tmpl);
    if (t0 < 0 || t1 < 0) {
        std::fprintf(stderr, "bench_ui_idle: sofs-sim stopped early (status %d)\n", status);
        return 1;
    }
    double pct = 100.0 * static_cast<double>(t1 - t0) / static_cast<double>(sysconf(_SC_CLK_TCK)) / wall;
    std::printf("sofs-sim idle: %.2f%% of one core over %.1f s (aim <= 1%%)\n", pct, wall);
    return 0;
}
