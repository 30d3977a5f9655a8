// Benchmark: how much of a core sofs-sim uses while nobody touches it.
// Starts sofs-sim under the current DISPLAY (use xvfb-run), lets it settle,
// then reads its CPU time from /proc/<pid>/stat over about ten seconds and
// prints the idle share of one core (aim <= 1%).
#include "sim_run.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

int main(int argc, char** argv) {
    double seconds = argc > 1 ? std::atof(argv[1]) : 10.0;
    if (!bench::have_display("bench_ui_idle")) return 1;
    bench::SimHome home("idle");
    if (!home.ok()) return 1;
    pid_t pid = bench::launch_sim(SOFS_SIM_BIN, home);
    // A benchmark, not a test: waiting for the window to settle is the point.
    std::this_thread::sleep_for(std::chrono::seconds(3));
    auto span = bench::cpu_over(pid, seconds);
    int status = bench::stop_sim(pid);
    if (!span.ok()) {
        std::fprintf(stderr, "bench_ui_idle: sofs-sim stopped early (status %d)\n", status);
        return 1;
    }
    std::printf("sofs-sim idle: %.2f%% of one core over %.1f s (aim <= 1%%)\n", bench::core_percent(span.ticks(), span.wall),
                span.wall);
    return 0;
}
