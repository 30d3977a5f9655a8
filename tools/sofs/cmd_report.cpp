// `sofs report`: progress reports (a trainee, a cohort, trainers'
// disagreements with the assessor) as JSON or CSV, and looking after the
// progress file itself (check, backups, restore).
#include "commands.hpp"
#include "cpd/cpd.hpp"
#include "load/loader.hpp"
#include "progress/report.hpp"
#include "play/verdicts.hpp"
#include "util/data_dir.hpp"
#include "progress_cli.hpp"
#include "postgres.hpp"

#include <cstdio>
#include <ctime>
#include <filesystem>

namespace sofs::cli {

namespace {

const char* kHelp =
    "sofs report: progress reports for trainers and administrators\n"
    "\n"
    "Usage:\n"
    "  sofs report [--db PATH] --user NAME      [--format json|csv] [--output FILE]\n"
    "  sofs report [--db PATH] --cohort NAME    [--format json|csv] [--output FILE]\n"
    "  sofs report [--db PATH] --disagreements  [--format json|csv] [--output FILE]\n"
    "  sofs report check   [--db PATH]          check the whole progress file (PRAGMA quick_check),\n"
    "                                           and take the day's backup if none was taken yet\n"
    "  sofs report backups [--db PATH]          list the rolling backups, newest first\n"
    "  sofs report restore [--db PATH] [--backup FILE] [--force]\n"
    "                                           replace a damaged file with a backup\n"
    "  sofs report assess-pending [--db PATH] [--scenarios DIR]\n"
    "                                           judge finished attempts saved without verdicts\n"
    "  sofs report cpd --user NAME [--db PATH] --output FILE.pdf\n"
    "                                           the trainee's CPD record as a PDF: cases practised,\n"
    "                                           dates, time spent, checks met, their reflections\n"
    "                                           and their trainers' reasons for changed checks\n"
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
    "  --force           restore even though the file passes the check (asked\n"
    "                    on a terminal otherwise)\n"
    "  --scenarios DIR   where the scenario files are (default: $SOFS_SCENARIOS_DIR, else the\n"
    "                    installed scenarios/)\n"
    "\n"
    "Restoring keeps the damaged file beside the original as <file>.damaged-<time>.\n"
    "Work saved after the backup was taken is not in the backup.\n"
    "\n"
    "CSV files are for spreadsheets: times are ISO 8601 in the local time zone,\n"
    "each criterion has its name in words beside its id, and a cell that a\n"
    "spreadsheet could run as a formula (starting = + - @) starts with an apostrophe.\n"
    "Files written with --output are readable by their owner only.\n";

}  // namespace

int cmd_report(const Args& args) {
    using namespace progress_cli;
    namespace pg = sofs::progress;
    const char* cmd = "report";
    auto p = parse_args(args, {"db", "user", "cohort", "format", "output", "backup", "scenarios"},
                    {"disagreements", "force"});
    if (p.has("help")) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    if (!p.error.empty()) return usage_error(cmd, p.error);
    std::string action = p.positional.empty() ? "" : p.positional[0];
    if (p.positional.size() > 1) return usage_error(cmd, "unexpected '" + p.positional[1] + "'");

    if ((action == "backups" || action == "restore") && pg::is_postgres_location(db_path(p)))
        return fail(cmd, "a PostgreSQL store's backups are pg_dump files: `sofs report check` takes one a day; "
                         "restore one with pg_restore (see README, Running a course)");
    if (action == "backups") {
        auto list = pg::Store::backups(db_path(p));
        if (list.empty()) std::printf("no backups of '%s' yet\n", db_path(p).c_str());
        for (const auto& b : list) std::printf("%s  %s\n", sofs::progress::format_time(b.taken_ms, "%Y-%m-%d %H:%M UTC").c_str(), b.path.c_str());
        return 0;
    }
    if (action == "restore") {
        try {
            const std::string db = db_path(p);
            if (!p.has("force") && std::filesystem::exists(db) && !pg::Store::problem_with(db)) {
                std::string q = "'" + db + "' passes the check: it is not damaged. Replacing it with the backup "
                                "loses all work saved since the backup was taken. Replace it anyway?";
                if (!interactive())
                    return fail(cmd, "'" + db + "' passes the check, so it was not replaced (work saved since the "
                                     "backup would be lost); add --force if you mean it");
                if (!confirm(q)) {
                    std::printf("nothing was changed\n");
                    return 1;
                }
            }
            std::string used = pg::Store::restore(db, p.get("backup").value_or(""));
            pg::OpenOptions o;
            o.backup = false;
            auto store = pg::Store::open(db, o);
            store->check();  // the restored file must pass the full check
            std::printf("restored '%s' from '%s'\n", db_path(p).c_str(), used.c_str());
            return 0;
        } catch (const pg::StoreError& e) {
            return fail(cmd, e.what());
        }
    }
    if (action == "check") {
        auto store = open_store(cmd, p, false, false);
        if (!store) return 1;
        try {
            // The daily upkeep when it is due (check, then back up), else the check alone.
            auto m = store->maintain(false);
            if (!m.checked) store->check();
            for (const auto& f : m.cleaned)
                std::printf("removed the unfinished backup '%s' (its program had stopped)\n", f.c_str());
            if (!m.backup.empty()) std::printf("took today's backup: '%s'\n", m.backup.c_str());
            std::printf("'%s' is healthy (schema %d, %zu people)%s\n", store->path().c_str(), store->schema_version(),
                        store->people(pg::Actor::system()).size(), store->read_only() ? " (read-only)" : "");
            return 0;
        } catch (const pg::StoreError& e) {
            return fail(cmd, e.what());
        }
    }
    if (action == "assess-pending") {
        auto store = open_store(cmd, p, false, true);
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
    if (action == "cpd") {
        auto user = p.get("user");
        auto out = p.get("output");
        if (!user) return usage_error(cmd, "cpd needs --user NAME (whose record)");
        if (!out || out->empty()) return usage_error(cmd, "cpd needs --output FILE.pdf (where to write the record)");
        namespace fs = std::filesystem;
        fs::path folder = fs::path(*out).parent_path();
        std::error_code ec;
        if (!folder.empty() && !fs::is_directory(folder, ec))
            return fail(cmd, "cannot write '" + *out + "': the folder '" + folder.string() +
                                 "' does not exist (make it first, or choose another place)");
        auto store = open_store(cmd, p, false, false);
        if (!store) return 1;
        std::string err;
        pg::CriterionNames names = play::on_task(Guidance::criterion_names(Guidance::default_dir(), &err));
        if (names.empty()) return fail(cmd, "the names of the checks could not be read from the practice guidance: " + err);
        try {
            auto record = cpd::build_record(*store, pg::Actor::system(), *user, names, store->clock()());
            cpd::write_pdf(record, *out);
            std::printf("wrote the CPD record of %s (%zu case(s)) to '%s'\n", record.name.c_str(), record.cases.size(),
                        out->c_str());
            return 0;
        } catch (const pg::StoreError& e) {
            return fail(cmd, e.what());
        } catch (const cpd::CpdError& e) {
            return fail(cmd, e.what());
        }
    }
    if (!action.empty())
        return usage_error(cmd, "'" + action + "' is not a report action (check, backups, restore, assess-pending, cpd)");

    int chosen = p.has("user") + p.has("cohort") + p.has("disagreements");
    if (chosen != 1) return usage_error(cmd, "choose one of --user NAME, --cohort NAME or --disagreements");
    std::string format = p.get("format").value_or("json");
    if (format != "json" && format != "csv") return usage_error(cmd, "--format is json or csv, not '" + format + "'");

    auto store = open_store(cmd, p, false, false);
    if (!store) return 1;
    // The command line is run by whoever holds the file, so it sees everything.
    const pg::Actor who = pg::Actor::system();
    pg::CriterionNames names;
    if (format == "csv") {
        std::string err;
        names = play::on_task(Guidance::criterion_names(Guidance::default_dir(), &err));
        if (names.empty()) std::fprintf(stderr, "sofs report: note: criteria are given by id only (%s)\n", err.c_str());
    }
    try {
        std::string text;
        if (auto user = p.get("user")) {
            auto r = pg::trainee_report(*store, who, *user);
            text = format == "json" ? pg::to_json(r) : pg::to_csv(r, names);
        } else if (auto cohort = p.get("cohort")) {
            auto r = pg::cohort_report(*store, who, *cohort);
            text = format == "json" ? pg::to_json(r) : pg::to_csv(r, names);
        } else {
            auto r = pg::disagreement_report(*store, who);
            text = format == "json" ? pg::to_json(r) : pg::to_csv(r, names);
        }
        return write_output(cmd, p, text) ? 0 : 1;
    } catch (const pg::StoreError& e) {
        return fail(cmd, e.what());
    }
}

}  // namespace sofs::cli
