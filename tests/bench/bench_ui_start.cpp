// Benchmark: what sofs-sim costs beside a bare Dear ImGui + GLFW program
// (bare_imgui, built with this benchmark) on the same machine and display.
// Each program is started several times; medians of wall time, CPU time and
// peak memory are printed with their ratios to the bare program's:
//   - start: sofs-sim drawing 5 frames with the bundled cases
//     (aim: wall time within 1.3x of bare);
//   - a library of 5,000 cases (copies of the bundled ones): the case list
//     ready and 5 frames drawn (aim: within 1.3x of the bundled cases' start, peak
//     under 150 MiB), first with a cold parse cache, then warm;
//   - the start's peak memory (aim: within bare + 20 MiB);
//   - the reference case played through (the tour) (aim: peak within bare + 25 MiB).
// Run it under xvfb-run. SOFS_SIM=path measures another sofs-sim build (a
// "before" figure).   bench_ui_start [RUNS]
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Run {
    double wall_ms = 0, cpu_ms = 0, peak_mib = 0;
    int status = 0;
};

// Starts `argv` with `env` added, waits, and measures it.
Run measure(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
    auto t0 = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        for (const auto& e : env) putenv(const_cast<char*>(e.c_str()));
        int null = ::open("/dev/null", 1);
        if (null >= 0) { dup2(null, 1); dup2(null, 2); }
        std::vector<char*> a;
        for (const auto& s : argv) a.push_back(const_cast<char*>(s.c_str()));
        a.push_back(nullptr);
        execv(a[0], a.data());
        _exit(127);
    }
    int status = 0;
    struct rusage ru {};
    wait4(pid, &status, 0, &ru);
    Run r;
    r.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    r.cpu_ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0;
    r.peak_mib = ru.ru_maxrss / 1024.0;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

struct Figures {
    double wall = 0, cpu = 0, peak = 0;
    bool ok = true;
};

Figures runs_of(const char* what, int n, const std::vector<std::string>& argv, const std::vector<std::string>& env,
                int want_status = 0) {
    std::vector<double> wall, cpu, peak;
    Figures f;
    for (int i = 0; i < n; ++i) {
        Run r = measure(argv, env);
        if (r.status != want_status) {
            std::fprintf(stderr, "bench_ui_start: %s: run %d exited %d\n", what, i + 1, r.status);
            f.ok = false;
        }
        wall.push_back(r.wall_ms);
        cpu.push_back(r.cpu_ms);
        peak.push_back(r.peak_mib);
    }
    f.wall = median(wall);
    f.cpu = median(cpu);
    f.peak = median(peak);
    std::printf("  %-44s wall %7.1f ms   cpu %7.1f ms   peak %6.1f MiB\n", what, f.wall, f.cpu, f.peak);
    std::fflush(stdout);
    return f;
}

// 5,000 cases: copies of the bundled ones under new ids and file names.
bool make_library(const std::string& from, const std::string& to, int count) {
    std::vector<std::pair<std::string, std::string>> originals;  // stem, text
    for (const auto& e : fs::directory_iterator(from)) {
        if (e.path().extension() != ".yaml") continue;
        std::ifstream in(e.path());
        std::stringstream ss;
        ss << in.rdbuf();
        originals.push_back({e.path().stem().string(), ss.str()});
    }
    if (originals.empty()) return false;
    fs::create_directories(to);
    // The cases' voice files, as a real library has them (no missing-audio
    // warnings). Copied, not linked: a case's files must be inside its own
    // folder, and the loader reports a link that leads out of it (SCN033).
    std::error_code ec;
    fs::copy(fs::path(from) / "audio", fs::path(to) / "audio", fs::copy_options::recursive, ec);
    if (ec) return false;
    for (int i = 0; i < count; ++i) {
        const auto& [stem, text] = originals[i % originals.size()];
        std::string id = stem + "-" + std::to_string(i);
        std::string copy = text;
        std::size_t at = copy.find("\nid: ");
        if (copy.rfind("id: ", 0) == 0) at = 0;
        else if (at != std::string::npos) ++at;
        else return false;
        std::size_t end = copy.find('\n', at);
        copy.replace(at, end - at, "id: " + id);
        std::ofstream(to + "/" + id + ".yaml") << copy;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    int n = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    if (!std::getenv("DISPLAY")) {
        std::fprintf(stderr, "bench_ui_start: no DISPLAY: run it under xvfb-run -a -s \"-screen 0 1280x800x24\"\n");
        return 1;
    }
    const std::string sim = std::getenv("SOFS_SIM") ? std::getenv("SOFS_SIM") : SOFS_SIM_BIN;
    std::string tmp = (fs::temp_directory_path() / "sofs-bench-start-XXXXXX").string();
    if (!mkdtemp(tmp.data())) { std::perror("mkdtemp"); return 1; }
    const std::string bundled = std::string(SOFS_SOURCE_DIR) + "/scenarios";
    const std::string big = tmp + "/library";
    if (!make_library(bundled, big, 5000)) {
        std::fprintf(stderr, "bench_ui_start: could not make the 5,000-case library\n");
        return 1;
    }
    std::vector<std::string> env = {"XDG_CONFIG_HOME=" + tmp + "/config", "XDG_DATA_HOME=" + tmp + "/data",
                                    "XDG_CACHE_HOME=" + tmp + "/cache", "SDL_AUDIODRIVER=dummy"};
    std::printf("sofs-sim: %s\nmedians of %d runs\n", sim.c_str(), n);

    Figures bare = runs_of("bare Dear ImGui + GLFW, 5 frames", n, {BARE_IMGUI_BIN, "--frames", "5"}, env);
    Figures four = runs_of("sofs-sim, bundled cases, 5 frames", n,
                           {sim, "--scenarios", bundled, "--db", tmp + "/p.db", "--frames", "5"}, env);
    Figures cold = runs_of("sofs-sim, 5,000 cases, cold cache (1 run)", 1,
                           {sim, "--scenarios", big, "--db", tmp + "/p.db", "--frames", "5"}, env);
    Figures warm = runs_of("sofs-sim, 5,000 cases, 5 frames", n,
                           {sim, "--scenarios", big, "--db", tmp + "/p.db", "--frames", "5"}, env);
    Figures tour = runs_of("sofs-sim, the reference case played (tour)", std::max(1, n / 2),
                           {sim, "--scenarios", bundled, "--tour", tmp + "/tour"}, env);
    fs::remove_all(tmp);

    std::printf("\nratios\n");
    std::printf("  start, bundled cases / bare:      wall %.2fx  cpu %.2fx   (aim <= 1.3x wall)\n", four.wall / bare.wall,
                four.cpu / bare.cpu);
    std::printf("  start, bundled cases, peak:       %.1f MiB = bare + %.1f MiB   (aim <= bare + 20 MiB)\n", four.peak,
                four.peak - bare.peak);
    std::printf("  5,000 cases / bundled cases:      wall %.2fx  (cold cache %.2fx)   (aim <= 1.3x)\n",
                warm.wall / four.wall, cold.wall / four.wall);
    std::printf("  5,000 cases peak:                 %.1f MiB   (aim < 150 MiB)\n", std::max(warm.peak, cold.peak));
    std::printf("  reference case played, peak:      %.1f MiB = bare + %.1f MiB   (aim <= bare + 25 MiB)\n", tour.peak,
                tour.peak - bare.peak);
    bool ok = bare.ok && four.ok && cold.ok && warm.ok && tour.ok;
    return ok ? 0 : 1;
}
