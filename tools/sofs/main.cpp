// `sofs`: the simulator's command line (lint, play, graph, assess, report,
// accounts). Every subcommand shares the libraries the application uses.
#include "commands.hpp"

#include <cstdio>
#include <cstring>
#include <string>

namespace {

struct Command {
    const char* name;
    int (*run)(const sofs::cli::Args&);
    const char* summary;
};

const Command kCommands[] = {
    {"lint", sofs::cli::cmd_lint, "check scenario files and print every problem found"},
    {"play", sofs::cli::cmd_play, "play a scenario on the terminal, from a script, or at random"},
    {"graph", sofs::cli::cmd_graph, "print a scenario's scenes and choices as a Graphviz picture"},
    {"assess", sofs::cli::cmd_assess, "judge danger statements or safety goals in batch (JSON lines)"},
    {"report", sofs::cli::cmd_report, "progress reports for a trainee or a cohort (JSON or CSV)"},
    {"user", sofs::cli::cmd_user, "add and list trainees, trainers and administrators"},
    {"cohort", sofs::cli::cmd_cohort, "create cohorts, add members, assign scenarios"},
    {"trainee", sofs::cli::cmd_trainee, "export or erase everything held about one trainee"},
    {"override", sofs::cli::cmd_override, "a trainer overrules one of the assessor's verdicts"},
    {"comment", sofs::cli::cmd_comment, "a trainer comments on an attempt without changing a verdict"},
    {"criteria", sofs::cli::cmd_criteria, "list every criterion the assessor judges, with its name"},
    {"voices", sofs::cli::cmd_voices, "the voice plan: who speaks in which voice, every spoken line's key"},
    {"lrs", sofs::cli::cmd_lrs, "send learning records (xAPI) to the organisation's LRS"},
    {"live", sofs::cli::cmd_live, "live sessions on a PostgreSQL store: open, join, watch, vote, reveal"},
    {"network", sofs::cli::cmd_network, "practice-lead networks: a shared mapping board on a PostgreSQL store"},
};

void usage(std::FILE* to) {
    std::fprintf(to,
                 "sofs: the Signs of Safety practice simulator's command line\n\n"
                 "Usage: sofs COMMAND [OPTIONS]\n\nCommands:\n");
    for (const auto& c : kCommands) std::fprintf(to, "  %-9s %s\n", c.name, c.summary);
    std::fprintf(to, "\nEvery command answers --help. The application is sofs-sim.\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
        !std::strcmp(argv[1], "help")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    sofs::cli::Args args(argv + 2, argv + argc);
    for (const auto& c : kCommands)
        if (!std::strcmp(argv[1], c.name)) return c.run(args);
    std::fprintf(stderr, "sofs: '%s' is not a command.\n\n", argv[1]);
    usage(stderr);
    return 2;
}
