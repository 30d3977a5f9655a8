// This program started again as a worker of its own ("<program> --some-flag
// ARGS"): a fresh process that holds only what its one job needs (the CPD
// record's PDF, reading aloud), not every page of the application a fork
// would carry. The worker's code checks for its flag before main() runs, so
// a program that links it answers the call without starting anything of its
// own (no window, no store, no tests).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace sofs::util {

// This process's arguments, read from /proc/self/cmdline, when the first one
// after the program's name is `flag`; empty otherwise.
std::vector<std::string> started_as_worker(const char* flag);

// Starts this program's own file (/proc/self/exe) as `name flag args...`
// with `in` as its stdin and `out` as its stdout. The process id, or -1 when
// it cannot be started.
pid_t start_self_as_worker(const char* name, const char* flag, const std::vector<std::string>& args, int in, int out);

}  // namespace sofs::util
