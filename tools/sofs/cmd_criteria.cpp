// `sofs criteria`: every criterion the assessor judges, with its name and
// kind, one a line (or JSON), for trainers' overrides (`sofs override
// --criterion`) and reports. What each means: assessment/CRITERIA.md.
#include "util/args.hpp"
#include "commands.hpp"
#include "guidance_cli.hpp"
#include "rubric/catalogue.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace sofs::cli {
namespace {

const char* kCriteriaHelp =
    "Usage: sofs criteria [--json] [--kind KIND] [--content DIR]\n"
    "\n"
    "Lists every criterion the assessor judges: its id, its kind and its name,\n"
    "for example\n"
    "  DS-WHO                  danger-statement  Says who is worried\n"
    "What each criterion means and what meets it: assessment/CRITERIA.md.\n"
    "\n"
    "Options:\n"
    "  --json         one JSON array of {id, kind, name}\n"
    "  --kind KIND    only one kind (danger-statement, safety-goal, next-steps,\n"
    "                 scaling, mapping, past-harm, three-houses, safety-network,\n"
    "                 across-tasks)\n"
    "  --content DIR  the guidance data (default: the built-in content/)\n"
    "  --help         show this help\n"
    "\n"
    "Exit status: 0 listed, 2 bad usage or unusable guidance data.\n";

}  // namespace

int cmd_criteria(const Args& args) {
    auto p = parse_args(args, {"kind", "content"}, {"json"});
    if (p.has("help")) {
        std::fputs(kCriteriaHelp, stdout);
        return 0;
    }
    if (!p.error.empty() || !p.positional.empty()) {
        std::fprintf(stderr, "sofs criteria: %s\n\n%s",
                     p.error.empty() ? "takes no file names" : p.error.c_str(), kCriteriaHelp);
        return 2;
    }
    auto g = load_guidance("criteria", p);
    if (!g) return 2;
    auto all = criteria_catalogue(*g);
    auto kind = p.get("kind");
    if (kind) {
        bool known = false;
        for (auto& c : all) known = known || c.kind == *kind;
        if (!known) {
            std::fprintf(stderr, "sofs criteria: no criteria of kind '%s'\n\n%s", kind->c_str(), kCriteriaHelp);
            return 2;
        }
    }
    nlohmann::json j = nlohmann::json::array();
    for (auto& c : all) {
        if (kind && c.kind != *kind) continue;
        if (p.has("json")) j.push_back({{"id", c.id}, {"kind", c.kind}, {"name", c.name}});
        else std::printf("%-24s %-17s %s\n", c.id.c_str(), c.kind.c_str(), c.name.c_str());
    }
    if (p.has("json")) std::printf("%s\n", j.dump(2).c_str());
    return 0;
}

}  // namespace sofs::cli
