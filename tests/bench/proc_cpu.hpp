// CPU time a process has used, in clock ticks (user + system, from
// /proc/PID/stat), for the benches that measure sofs-sim at rest: with its
// children's, both those it has reaped and those still running (the speech
// worker makes a reading in a process of its own, and that is sofs-sim's
// work too).
#pragma once

#include <sys/types.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace bench {

inline long cpu_ticks(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text;
    if (!std::getline(in, text)) return -1;
    auto close = text.rfind(')');   // the command name may hold spaces
    std::istringstream rest(text.substr(close + 2));
    std::string field;
    long own = 0;
    for (int i = 3; i <= 17 && rest >> field; ++i)
        if (i >= 14) own += std::atol(field.c_str());   // utime, stime, cutime, cstime
    std::error_code ec;
    for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
        std::ifstream kids(task.path() / "children");
        for (long child; kids >> child;)
            if (long t = cpu_ticks(static_cast<pid_t>(child)); t > 0) own += t;
    }
    return own;
}

}  // namespace bench
