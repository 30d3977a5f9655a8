// The `sofs` subcommands. Each lives in its own cmd_*.cpp and takes the
// arguments after its name; each answers --help.
#pragma once

#include <string>
#include <vector>

namespace sofs::cli {

using Args = std::vector<std::string>;

int cmd_lint(const Args& args);
int cmd_play(const Args& args);
int cmd_graph(const Args& args);
int cmd_assess(const Args& args);
int cmd_report(const Args& args);
int cmd_user(const Args& args);
int cmd_cohort(const Args& args);
int cmd_trainee(const Args& args);
int cmd_override(const Args& args);
int cmd_comment(const Args& args);
int cmd_criteria(const Args& args);
int cmd_voices(const Args& args);
int cmd_lrs(const Args& args);
int cmd_live(const Args& args);
int cmd_network(const Args& args);

}  // namespace sofs::cli
