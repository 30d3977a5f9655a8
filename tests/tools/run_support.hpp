// Running the built `sofs` as a child process for command-line tests:
// fork/exec with pipes, no terminal on standard input, a controlled environment.
#pragma once

#include "../temp_dir.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

extern char** environ;

namespace tools_test {

namespace fs = std::filesystem;

struct TempDir : test_files::TempDir {
    TempDir() : test_files::TempDir("tools-test") {}
};

struct Child {
    pid_t pid = -1;
    int out = -1, err = -1;
};

// Starts SOFS_BIN with `args`; stdin is /dev/null; `env` entries are added
// (or, with an empty value, removed) from this process's environment.
inline Child start(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
    int out[2], err[2];
    if (pipe(out) != 0 || pipe(err) != 0) return {};
    std::vector<std::string> envs;
    for (char** e = environ; *e; ++e) {
        std::string kv = *e;
        std::string key = kv.substr(0, kv.find('='));
        if (!env.count(key) && key != "SOFS_PASSWORD") envs.push_back(kv);
    }
    for (const auto& [k, v] : env)
        if (!v.empty()) envs.push_back(k + "=" + v);
    std::vector<std::string> argv_s{SOFS_BIN};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    pid_t pid = fork();
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDONLY);
        dup2(devnull, 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(out[0]);
        close(err[0]);
        std::vector<char*> argv, envp;
        for (auto& a : argv_s) argv.push_back(a.data());
        argv.push_back(nullptr);
        for (auto& e : envs) envp.push_back(e.data());
        envp.push_back(nullptr);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    return {pid, out[0], err[0]};
}

inline std::string drain(int fd) {
    std::string s;
    char buf[4096];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) break;
        s.append(buf, static_cast<std::size_t>(n));
    }
    close(fd);
    return s;
}

inline int wait_exit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

struct Result {
    int rc = -1;
    std::string out, err;
};

// Runs to the end. Standard error is read after standard output, so commands
// under test must not fill the error pipe (64 KiB) before finishing.
inline Result run(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
    Child c = start(args, env);
    Result r;
    r.out = drain(c.out);
    r.err = drain(c.err);
    r.rc = wait_exit(c.pid);
    return r;
}

inline std::vector<std::string> lines_of(const std::string& s) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < s.size()) {
        auto nl = s.find('\n', at);
        if (nl == std::string::npos) nl = s.size();
        out.push_back(s.substr(at, nl - at));
        at = nl + 1;
    }
    return out;
}

}  // namespace tools_test
