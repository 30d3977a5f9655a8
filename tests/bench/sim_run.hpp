// What the benches that start sofs-sim share: the DISPLAY check, a
// throw-away folder for its settings and progress file, starting it there,
// stopping it, its CPU time over a span, and that as a share of one core.
#pragma once

#include "proc_cpu.hpp"

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <thread>
#include <utility>

namespace bench {

// False, after saying how to run the bench under Xvfb, when there is no DISPLAY.
inline bool have_display(const char* bench) {
    if (std::getenv("DISPLAY")) return true;
    std::fprintf(stderr, "%s: no DISPLAY: run it under xvfb-run -a -s \"-screen 0 1280x800x24\"\n", bench);
    return false;
}

// A fresh folder under the temporary directory (sofs-bench-TAG-XXXXXX) for
// sofs-sim's settings and progress file; removed when it goes out of scope.
struct SimHome {
    std::string dir, db;
    std::string scenarios = std::string(SOFS_SOURCE_DIR) + "/scenarios";
    explicit SimHome(const char* tag) {
        std::string tmpl = (std::filesystem::temp_directory_path() / ("sofs-bench-" + std::string(tag) + "-XXXXXX")).string();
        if (!mkdtemp(tmpl.data())) {
            std::perror("mkdtemp");
            return;
        }
        dir = tmpl;
        db = dir + "/progress.db";
    }
    SimHome(const SimHome&) = delete;
    SimHome& operator=(const SimHome&) = delete;
    ~SimHome() {
        std::error_code ec;
        if (!dir.empty()) std::filesystem::remove_all(dir, ec);
    }
    bool ok() const { return !dir.empty(); }
};

// Starts `sim` on the bundled cases with its settings in `home` (and the
// variables in `env` set for it alone); its process id.
inline pid_t launch_sim(const std::string& sim, const SimHome& home,
                        std::initializer_list<std::pair<const char*, const char*>> env = {}) {
    pid_t pid = fork();
    if (pid == 0) {
        setenv("XDG_CONFIG_HOME", home.dir.c_str(), 1);
        for (const auto& [name, value] : env) setenv(name, value, 1);
        execl(sim.c_str(), sim.c_str(), "--scenarios", home.scenarios.c_str(), "--db", home.db.c_str(), (char*)nullptr);
        _exit(127);
    }
    return pid;
}

// Ends a program started by launch_sim; its wait status.
inline int stop_sim(pid_t pid) {
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}

// The CPU time (clock ticks) `pid` used while this program slept `seconds`,
// and the wall time that took; a tick count is -1 when the process had gone.
struct CpuSpan {
    long t0 = -1, t1 = -1;
    double wall = 0;
    bool ok() const { return t0 >= 0 && t1 >= 0; }
    long ticks() const { return t1 - t0; }
};
inline CpuSpan cpu_over(pid_t pid, double seconds) {
    CpuSpan s;
    s.t0 = cpu_ticks(pid);
    auto w0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    s.t1 = cpu_ticks(pid);
    s.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
    return s;
}

// `ticks` of CPU time over `seconds` of wall time, as a percentage of one core.
inline double core_percent(long ticks, double seconds) {
    return 100.0 * static_cast<double>(ticks) / static_cast<double>(sysconf(_SC_CLK_TCK)) / seconds;
}

}  // namespace bench
