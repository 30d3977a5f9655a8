// CPU time a process has used, in clock ticks (user + system, from
// /proc/PID/stat), for the benches that measure sofs-sim at rest.
#pragma once

#include <sys/types.h>

#include <cstdlib>
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
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::atol(field.c_str());
        if (i == 15) stime = std::atol(field.c_str());
    }
    return utime + stime;
}

}  // namespace bench
