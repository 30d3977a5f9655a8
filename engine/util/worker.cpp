#include "util/worker.hpp"

#include <spawn.h>

#include <cstdio>

extern char** environ;

namespace sofs::util {

std::vector<std::string> started_as_worker(const char* flag) {
    std::FILE* f = std::fopen("/proc/self/cmdline", "rb");
    if (!f) return {};
    std::string cmdline;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) cmdline.append(buf, n);
    std::fclose(f);
    std::vector<std::string> args;
    for (std::size_t at = 0; at < cmdline.size();) {
        std::size_t end = cmdline.find('\0', at);
        if (end == std::string::npos) end = cmdline.size();
        args.push_back(cmdline.substr(at, end - at));
        at = end + 1;
    }
    if (args.size() < 2 || args[1] != flag) return {};
    return args;
}

pid_t start_self_as_worker(const char* name, const char* flag, const std::vector<std::string>& args, int in, int out) {
    posix_spawn_file_actions_t fa;
    if (posix_spawn_file_actions_init(&fa) != 0) return -1;
    posix_spawn_file_actions_adddup2(&fa, in, 0);
    posix_spawn_file_actions_adddup2(&fa, out, 1);
    std::vector<std::string> all = {name, flag};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, "/proc/self/exe", &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    return rc == 0 ? pid : -1;
}

}  // namespace sofs::util
