// `sofs cohort`: create cohorts (two-day, five-day, e-learning,
// practice-lead), add trainers and trainees, assign scenarios, list them.
#include "commands.hpp"
#include "progress_cli.hpp"

#include <nlohmann/json.hpp>

#include "load/loader.hpp"
#include "util/data_dir.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

namespace sofs::cli {

namespace {

const char* kHelp =
    "sofs cohort: groups of trainees with their trainers and scenarios\n"
    "\n"
    "Usage:\n"
    "  sofs cohort create NAME --kind two-day|five-day|e-learning|practice-lead [--db PATH]\n"
    "  sofs cohort add NAME PERSON... [--db PATH]       add trainers and trainees\n"
    "  sofs cohort assign NAME SCENARIO-ID... [--scenarios DIR] [--db PATH]\n"
    "  sofs cohort list [--format text|json] [--db PATH]\n"
    "\n"
    "A trainer sees the work of the trainees in their cohorts. People must exist\n"
    "first (sofs user add); add adds all the names or, when one is unknown, none.\n"
    "Scenario ids are those in the scenario files (reference-case); an id that no\n"
    "scenario file has is refused, with the nearest ids suggested.\n"
    "  --db PATH         the progress file (default: the user's data folder)\n"
    "  --scenarios DIR   where the scenario files are (default: $SOFS_SCENARIOS_DIR, else the\n"
    "                    installed scenarios/)\n";

// Letters to change, add or remove to turn a into b (case ignored).
std::size_t distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// "did you mean 'reference-case'?" for the nearest known ids, or the list of ids.
std::string suggestion(const std::string& id, const std::set<std::string>& known) {
    std::vector<std::pair<std::size_t, std::string>> near;
    for (const auto& k : known) near.emplace_back(distance(id, k), k);
    std::sort(near.begin(), near.end());
    std::string out;
    for (const auto& [d, k] : near)
        if (d <= std::max<std::size_t>(2, id.size() / 3)) out += (out.empty() ? "'" : "' or '") + k;
    if (!out.empty()) return "did you mean " + out + "'?";
    std::string all;
    for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
    return all.empty() ? "no scenario files were found" : "the scenarios are: " + all;
}

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
    auto p = parse_args(args, {"db", "kind", "format", "cohort", "name", "scenarios"}, {});
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
        auto store = open_store(cmd, p, false, false);
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
    if (action == "assign") {
        // Only ids a scenario file has: a typo would show every trainee a phantom case.
        std::string dir = p.get("scenarios").value_or(util::data_dir("scenarios"));
        auto library = load_library({dir});
        std::set<std::string> known;
        for (const auto& s : library.scenarios) known.insert(s->id);
        for (const auto& x : rest)
            if (!known.count(x))
                return fail(cmd, "no scenario in '" + dir + "' has the id '" + x + "': " + suggestion(x, known) +
                                     " Nothing was assigned.");
    }
    auto store = open_store(cmd, p, false);
    if (!store) return 1;
    try {
        if (action == "add") {
            store->add_to_cohort(admin, cohort, rest);  // all or none
            for (const auto& x : rest) std::printf("added '%s' to '%s'\n", x.c_str(), cohort.c_str());
            return 0;
        }
        for (const auto& x : rest) {
            store->assign_scenario(admin, cohort, x);
            std::printf("assigned '%s' to '%s'\n", x.c_str(), cohort.c_str());
        }
        return 0;
    } catch (const pg::StoreError& e) {
        return fail(cmd, e.what());
    }
}

}  // namespace sofs::cli
