// `sofs trainee`: data protection. Export everything held about one trainee
// as JSON, or erase it all in one transaction (asking first).
#include "commands.hpp"
#include "progress_cli.hpp"

#include <cstdio>

namespace sofs::cli {

namespace {

const char* kHelp =
    "sofs trainee: everything held about one trainee\n"
    "\n"
    "Usage:\n"
    "  sofs trainee export --user NAME [--output FILE] [--db PATH]\n"
    "  sofs trainee erase  --user NAME [--yes] [--db PATH]\n"
    "\n"
    "export writes the person, their cohorts, every attempt with each choice and\n"
    "answer, the assessor's verdicts and trainers' overrides, as JSON.\n"
    "erase deletes all of it in one transaction, empties the file's log, replaces\n"
    "the rolling backups with one taken after the erasure, and deletes damaged\n"
    "copies kept by `report restore` and unfinished backups. It says what it\n"
    "removed and what it could not (a file another program holds open). It asks\n"
    "first; --yes skips the question.\n"
    "Without a terminal to ask on, erase needs --yes.\n"
    "  --db PATH   the progress file (default: the user's data folder)\n";

}  // namespace

int cmd_trainee(const Args& args) {
    using namespace progress_cli;
    namespace pg = sofs::progress;
    const char* cmd = "trainee";
    auto p = parse_args(args, {"db", "user", "output"}, {"yes"});
    if (p.has("help")) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    if (!p.error.empty()) return usage_error(cmd, p.error);
    if (p.positional.size() != 1) return usage_error(cmd, "say what to do: export or erase");
    const std::string action = p.positional[0];
    if (action != "export" && action != "erase")
        return usage_error(cmd, "'" + action + "' is not something sofs trainee does (export, erase)");
    auto user = p.get("user");
    if (!user || user->empty()) return usage_error(cmd, "whose records? (--user NAME)");
    auto store = open_store(cmd, p, false, false);  // erase takes its own backup afterwards
    if (!store) return 1;
    const pg::Actor admin = pg::Actor::system();
    try {
        if (action == "export") return write_output(cmd, p, store->export_person_json(admin, *user)) ? 0 : 1;

        auto person = store->find_person(*user);
        if (!person) return fail(cmd, "there is no one called '" + *user + "' in '" + store->path() + "'");
        auto attempts = store->attempts(admin, person->id);
        if (!p.has("yes")) {
            if (!interactive())
                return fail(cmd, "erasing cannot be undone, and there is no terminal to ask for confirmation; "
                                 "run it again with --yes if you mean it");
            std::string q = "Erase everything held about '" + person->name + "' (" + std::to_string(attempts.size()) +
                            " attempt(s)) from '" + store->path() + "'? This cannot be undone.";
            if (!confirm(q)) {
                std::printf("nothing was erased\n");
                return 1;
            }
        }
        auto report = store->erase_person(admin, person->name);
        std::printf("removed:\n");
        for (const auto& r : report.removed) std::printf("  %s\n", r.c_str());
        if (!report.complete()) {
            std::printf("NOT removed (a copy remains):\n");
            for (const auto& r : report.could_not) std::printf("  %s\n", r.c_str());
            return fail(cmd, "'" + person->name + "' is erased from the file, but copies remain (listed above)");
        }
        std::printf("erased '%s' and %d attempt(s): no copy made by this program remains. Copies exported "
                    "with --output are yours to delete.\n",
                    person->name.c_str(), report.attempts);
        return 0;
    } catch (const pg::StoreError& e) {
        return fail(cmd, e.what());
    }
}

}  // namespace sofs::cli
