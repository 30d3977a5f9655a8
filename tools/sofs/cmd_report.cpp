// `sofs report`: progress reports (a trainee, a cohort, trainers'
// disagreements with the assessor) as JSON or CSV, and looking after the
// progress file itself (check, backups, restore).
#include "commands.hpp"
#include "load/loader.hpp"
#include "progress/report.hpp"
#include "play/verdicts.hpp"
#include "util/data_dir.hpp"
#include "progress_cli.hpp"

#include <cstdio>
#include <ctime>

namespace sofs::cli {

namespace {

const char* kHelp =
    "sofs report: progress reports for trainers and administrators\n"
    "\n"
    "Usage:\n"
    "  sofs report [--db PATH] --user NAME      [--format json|csv] [--output FILE]\n"
    "  sofs report [--db PATH] --cohort NAME    [--format json|csv] [--output FILE]\n"
    "  sofs report [--db PATH] --disagreements  [--format json|csv] [--output FILE]\n"
    "  sofs report check   [--db PATH]          check the progress file (PRAGMA quick_check)\n"
    "  sofs report backups [--db PATH]          list the rolling backups, newest first\n"
    "  sofs report restore [--db PATH] [--backup FILE]\n"
    "                                           replace a damaged file with a backup\n"
    "  sofs report assess-pending [--db PATH] [--scenarios DIR]\n"
    "                                           judge finished attempts saved without verdicts\n"
    "\n"
    "  --user NAME       one trainee: attempts, criteria met over time, scaling\n"
    "                    numbers against the experts', time spent\n"
    "  --cohort NAME     one cohort: who has done what, the criteria the group\n"
    "                    misses most, the spread of scaling numbers\n"
    "  --disagreements   where trainers overruled the assessor, by criterion\n"
    "  --format F        json (the default) or csv (one row per line of the report)\n"
    "  --output FILE     write there instead of to standard output\n"
    "  --db PATH         the progress file (default: $XDG_DATA_HOME/sofs-simulator/progress.db,\n"
    "                    else ~/.local/share/sofs-simulator/progress.db)\n"
    "  --backup FILE     restore from this backup instead of the newest\n"
    "  --scenarios DIR   where the scenario files are (default: $SOFS_SCENARIOS_DIR, else the\n"
    "                    installed scenarios/)\n"
    "\n"
    "Restoring keeps the damaged file beside the original as <file>.damaged-<time>.\n"
    "Work saved after the backup was taken is not in the backup.\n";

}  // namespace

int cmd_report(const Args& args) {
    using namespace progress_cli;
    namespace pg = sofs::progress;
    const char* cmd = "report";
    auto p = parse_args(args, {"db", "user", "cohort", "format", "output", "backup", "scenarios"}, {"disagreements"});
    if (p.has("help")) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    if (!p.error.empty()) return usage_error(cmd, p.error);
    std::string action = p.positional.empty() ? "" : p.positional[0];
    if (p.positional.size() > 1) return usage_error(cmd, "unexpected '" + p.positional[1] + "'");

    if (action == "backups") {
        auto list = pg::Store::backups(db_path(p));
        if (list.empty()) std::printf("no backups of '%s' yet\n", db_path(p).c_str());
        for (const auto& b : list) std::printf("%s  %s\n", sofs::progress::format_time(b.taken_ms, "%Y-%m-%d %H:%M UTC").c_str(), b.path.c_str());
        return 0;
    }
    if (action == "restore") {
        try {
            std::string used = pg::Store::restore(db_path(p), p.get("backup").value_or(""));
            auto store = pg::Store::open(db_path(p));  // checks the restored file
            std::printf("restored '%s' from '%s'\n", db_path(p).c_str(), used.c_str());
            return 0;
        } catch (const pg::StoreError& e) {
            return fail(cmd, e.what());
        }
    }
    if (action == "check") {
        auto store = open_store(cmd, p, false);
        if (!store) return 1;
        std::printf("'%s' is healthy (schema %d, %zu people)\n", store->path().c_str(), store->schema_version(),
                    store->people(pg::Actor::system()).size());
        return 0;
    }
    if (action == "assess-pending") {
        auto store = open_store(cmd, p, false);
        if (!store) return 1;
        std::string dir = p.get("scenarios").value_or(util::data_dir("scenarios"));
        auto library = load_library({dir});
        std::string err;
        auto guidance = Guidance::load(Guidance::default_dir(), &err);
        if (!guidance) return fail(cmd, "the assessor could not load the practice guidance: " + err);
        try {
            auto r = play::assess_pending(*store, library.scenarios, *guidance);
            std::printf("assessed %d attempt(s)\n", r.assessed);
            for (const auto& s : r.skipped) std::printf("not assessed: %s\n", s.c_str());
            return 0;
        } catch (const pg::StoreError& e) {
            return fail(cmd, e.what());
        }
    }
    if (!action.empty())
        return usage_error(cmd, "'" + action + "' is not a report action (check, backups, restore, assess-pending)");

    int chosen = p.has("user") + p.has("cohort") + p.has("disagreements");
    if (chosen != 1) return usage_error(cmd, "choose one of --user NAME, --cohort NAME or --disagreements");
    std::string format = p.get("format").value_or("json");
    if (format != "json" && format != "csv") return usage_error(cmd, "--format is json or csv, not '" + format + "'");

    auto store = open_store(cmd, p, false);
    if (!store) return 1;
    // The command line is run by whoever holds the file, so it sees everything.
    const pg::Actor who = pg::Actor::system();
    try {
        std::string text;
        if (auto user = p.get("user")) {
            auto r = pg::trainee_report(*store, who, *user);
            text = format == "json" ? pg::to_json(r) : pg::to_csv(r);
        } else if (auto cohort = p.get("cohort")) {
            auto r = pg::cohort_report(*store, who, *cohort);
            text = format == "json" ? pg::to_json(r) : pg::to_csv(r);
        } else {
            auto r = pg::disagreement_report(*store, who);
            text = format == "json" ? pg::to_json(r) : pg::to_csv(r);
        }
        return write_output(cmd, p, text) ? 0 : 1;
    } catch (const pg::StoreError& e) {
        return fail(cmd, e.what());
    }
}

}  // namespace sofs::cli
