// Helpers shared by the engine's tests: reading files, running `sofs`, and a
// counter clock so that transcripts do not depend on the time of day.
#pragma once

#include "../temp_dir.hpp"
#include "load/loader.hpp"
#include "runtime/session.hpp"
#include "runtime/stock_answer.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace sofs::test {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

using TempFolder = test_files::TempDir;

// Plays `s` to its end, at most `steps` steps: narration goes on, the first
// (or last) choice offered is taken, and each task gets `answer_for(task)`
// (the stock answer when none is given). The first refusal, if any, ends it.
enum class Pick { First, Last };
inline std::optional<ActionError> play_to_end(Session& s, Pick pick,
                                              const std::function<Answer(const Task&)>& answer_for = {},
                                              int steps = 200) {
    for (int guard = 0; guard < steps && !s.ended(); ++guard) {
        View v = s.view();
        std::optional<ActionError> refused;
        if (v.kind == View::Kind::Narration)
            refused = s.advance();
        else if (v.kind == View::Kind::Choices)
            refused = s.choose((pick == Pick::First ? v.choices.front() : v.choices.back())->id);
        else if (v.kind == View::Kind::Task)
            refused = s.answer(answer_for ? answer_for(*v.task) : stock_answer(s, *v.task));
        if (refused) return refused;
    }
    return std::nullopt;
}

// A clock that says 1000, 2000, 3000, ... on each call.
inline Clock counter_clock() {
    auto n = std::make_shared<std::int64_t>(0);
    return [n] { return *n += 1000; };
}

struct RunResult {
    int status = -1;  // exit status of the command
    std::string out;  // its standard output
};

// Runs a shell command line and captures its standard output.
inline RunResult run(const std::string& command) {
    RunResult r;
    FILE* p = popen(command.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}

inline std::string sofs_bin() { return SOFS_BIN; }
inline std::string tests_dir() { return SOFS_TESTS_DIR; }
inline std::string source_dir() { return SOFS_SOURCE_DIR; }
inline std::string example_path() { return tests_dir() + "/golden/example/scenario.yaml"; }

inline bool has_code(const Diagnostics& d, const std::string& code, int line = 0) {
    for (const auto& i : d.items)
        if (i.code == code && (line == 0 || i.line == line)) return true;
    return false;
}

inline std::string all_messages(const Diagnostics& d) {
    std::string out;
    for (const auto& i : d.items) out += i.format() + "\n";
    return out;
}

// The golden example case, loaded once; a test fails if it has errors.
inline std::shared_ptr<const Scenario> example() {
    static auto r = load_scenario_file(example_path());
    REQUIRE_MESSAGE(r.scenario, all_messages(r.diagnostics));
    REQUIRE_FALSE(r.diagnostics.has_errors());
    return r.scenario;
}

}  // namespace sofs::test
