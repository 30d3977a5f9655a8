// Benchmark: sofs-sim from launch to its first frame on screen, and its peak
// memory. Runs `sofs-sim --benchmark-startup` several times under the current
// DISPLAY (use xvfb-run on a machine without one) and prints the median and
// worst launch-to-first-frame time (aim <= 250 ms) and the peak resident
// memory of the child (aim <= 120 MiB).
#include "sim_run.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
    if (!bench::have_display("bench_ui_startup")) return 1;
    bench::SimHome home("ui");
    if (!home.ok()) return 1;

    std::vector<double> ms;
    long peak_kib = 0;
    for (int i = 0; i < runs; ++i) {
        int fd[2];
        if (pipe(fd) != 0) { std::perror("pipe"); return 1; }
        pid_t pid = fork();
        if (pid == 0) {
            dup2(fd[1], 1);
            close(fd[0]);
            close(fd[1]);
            setenv("XDG_CONFIG_HOME", home.dir.c_str(), 1);
            execl(SOFS_SIM_BIN, SOFS_SIM_BIN, "--benchmark-startup", "--scenarios", home.scenarios.c_str(), "--db", home.db.c_str(), (char*)nullptr);
            _exit(127);
        }
        close(fd[1]);
        std::string out;
        char buf[256];
        ssize_t n;
        while ((n = read(fd[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
        close(fd[0]);
        int status = 0;
        struct rusage ru {};
        wait4(pid, &status, 0, &ru);
        double v = 0;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || std::sscanf(out.c_str(), "first frame: %lf ms", &v) != 1) {
            std::fprintf(stderr, "bench_ui_startup: run %d failed (status %d): %s\n", i + 1, status, out.c_str());
            return 1;
        }
        ms.push_back(v);
        peak_kib = std::max(peak_kib, ru.ru_maxrss);
    }
    std::sort(ms.begin(), ms.end());
    double median = ms[ms.size() / 2];
    std::printf("sofs-sim launch to first frame: median %.1f ms, worst %.1f ms over %d runs (aim <= 250 ms)\n", median,
                ms.back(), runs);
    std::printf("sofs-sim peak memory: %.1f MiB (aim <= 120 MiB)\n", peak_kib / 1024.0);
    return 0;
}
