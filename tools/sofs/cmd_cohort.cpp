// `sofs cohort`: create cohorts (two-day, five-day, e-learning,
// practice-lead), add trainers and trainees, assign scenarios, list them.
#include "commands.hpp"
#include "progress_cli.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace sofs::cli {

namespace {

const char* kHelp =
    "sofs cohort: groups of trainees with their trainers and scenarios\n"
    "\n"
    "Usage:\n"
    "  sofs cohort create NAME --kind two-day|five-day|e-learning|practice-lead [--db PATH]\n"
    "  sofs cohort add NAME PERSON... [--db PATH]       add trainers and trainees\n"
    "  sofs cohort assign NAME SCENARIO-ID... [--db PATH]\n"
    "  sofs cohort list [--format text|json] [--db PATH]\n"
    "\n"
    "A trainer sees the work of the trainees in their cohorts. People must exist\n"
    "first (sofs user add). Scenario ids are those in the scenario files (reference-case).\n"
    "  --db PATH   the progress file (default: the user's data folder)\n";

std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? "-" : out;
}

}  // namespace

int cmd_cohort(const Args& args) {
    using namespace progress_cli;
    namespace pg = sofs::progress;
    const char* cmd = "cohort";
    auto p = parse_args(args, {"db", "kind", "format", "cohort", "name"}, {});
    if (p.has("help")) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    if (!p.error.empty()) return usage_error(cmd, p.error);
    if (p.positional.empty()) return usage_error(cmd, "say what to do: create, add, assign or list");
    const std::string action = p.positional[0];
    std::vector<std::string> rest(p.positional.begin() + 1, p.positional.end());
    // The cohort may be named with --cohort/--name or as the first word after the action.
    std::string cohort = p.get("cohort").value_or(p.get("name").value_or(""));
    if (cohort.empty() && !rest.empty() && action != "list") {
        cohort = rest.front();
        rest.erase(rest.begin());
    }
    const pg::Actor admin = pg::Actor::system();

    if (action == "list") {
        std::string format = p.get("format").value_or("text");
        if (format != "text" && format != "json") return usage_error(cmd, "--format is text or json");
        auto store = open_store(cmd, p, false);
        if (!store) return 1;
        try {
            auto all = store->cohorts(admin);
            if (format == "json") {
                nlohmann::json out = nlohmann::json::array();
                for (const auto& c : all)
                    out.push_back({{"name", c.name}, {"kind", sofs::to_string(c.kind)}, {"trainers", c.trainers},
                                   {"trainees", c.trainees}, {"scenarios", c.scenarios}});
                std::printf("%s\n", out.dump(2).c_str());
            } else {
                if (all.empty()) std::printf("no cohorts yet in '%s'\n", store->path().c_str());
                for (const auto& c : all)
                    std::printf("%s (%s)\n  trainers:  %s\n  trainees:  %s\n  scenarios: %s\n", c.name.c_str(),
                                sofs::to_string(c.kind), join(c.trainers).c_str(), join(c.trainees).c_str(),
                                join(c.scenarios).c_str());
            }
            return 0;
        } catch (const pg::StoreError& e) {
            return fail(cmd, e.what());
        }
    }
    if (action != "create" && action != "add" && action != "assign")
        return usage_error(cmd, "'" + action + "' is not something sofs cohort does (create, add, assign, list)");
    if (cohort.empty()) return usage_error(cmd, "which cohort? (sofs cohort " + action + " NAME ...)");

    if (action == "create") {
        if (!rest.empty()) return usage_error(cmd, "unexpected '" + rest.front() + "' (quote a name with spaces)");
        auto kind_text = p.get("kind");
        if (!kind_text) return usage_error(cmd, "--kind is needed: two-day, five-day, e-learning or practice-lead");
        auto kind = sofs::audience_from(*kind_text);
        if (!kind)
            return usage_error(cmd, "--kind is two-day, five-day, e-learning or practice-lead, not '" + *kind_text + "'");
        auto store = open_store(cmd, p);
        if (!store) return 1;
        try {
            store->create_cohort(admin, cohort, *kind);
            std::printf("created the %s cohort '%s'\n", sofs::to_string(*kind), cohort.c_str());
            return 0;
        } catch (const pg::StoreError& e) {
            return fail(cmd, e.what());
        }
    }
    if (rest.empty())
        return usage_error(cmd, action == "add" ? "whom to add? (sofs cohort add NAME PERSON...)"
                                                : "which scenarios? (sofs cohort assign NAME SCENARIO-ID...)");
    auto store = open_store(cmd, p, false);
    if (!store) return 1;
    try {
        for (const auto& x : rest) {
            if (action == "add") {
                store->add_to_cohort(admin, cohort, x);
                std::printf("added '%s' to '%s'\n", x.c_str(), cohort.c_str());
            } else {
                store->assign_scenario(admin, cohort, x);
                std::printf("assigned '%s' to '%s'\n", x.c_str(), cohort.c_str());
            }
        }
        return 0;
    } catch (const pg::StoreError& e) {
        return fail(cmd, e.what());
    }
}

}  // namespace sofs::cli
