// `sofs comment`: a trainer leaves words for a trainee about one attempt,
// on the case as a whole or beside one check, without changing any verdict.
// `sofs comment list` reads an attempt's comments back.
#include "commands.hpp"
#include "progress_cli.hpp"

#include <cstdio>

namespace sofs::cli {

namespace {

const char* kHelp =
    "sofs comment: a trainer comments on a trainee's attempt (no verdict changes)\n"
    "\n"
    "Usage:\n"
    "  sofs comment --trainer NAME --attempt ID --text TEXT\n"
    "               [--criterion ID [--task TASK-ID]] [--password-file FILE] [--db PATH]\n"
    "  sofs comment list --attempt ID [--db PATH]\n"
    "\n"
    "  --trainer NAME      the trainer (or administrator) writing; their password\n"
    "                      comes from --password-file, $SOFS_PASSWORD, or is asked\n"
    "                      for on the terminal\n"
    "  --attempt ID        the attempt's number (see sofs report --user NAME)\n"
    "  --text TEXT         the comment, in words the trainee will read\n"
    "  --criterion ID      put the comment beside one check (such as DS-WHO; sofs\n"
    "                      criteria lists them); without it, it is about the whole case\n"
    "  --task TASK-ID      when the check was judged on more than one task\n"
    "  --db PATH           the progress file (default: the user's data folder)\n"
    "\n"
    "The trainer must train a cohort the trainee belongs to. Only the trainee and\n"
    "their trainers read comments (and administrators, who hold the file). The\n"
    "trainee sees them in the application (My progress, Reread) and in their CPD\n"
    "record (sofs report cpd). To change a decision, use sofs override instead.\n";

int list(const char* cmd, const Parsed& p) {
    using namespace progress_cli;
    namespace pg = sofs::progress;
    std::string err;
    if (!p.get("attempt")) return usage_error(cmd, "--attempt is needed");
    auto attempt = p.get_int("attempt", &err);
    if (!attempt) return usage_error(cmd, err);
    auto store = open_store(cmd, p, false, false);
    if (!store) return 1;
    try {
        auto all = store->comments(pg::Actor::system(), *attempt);
        if (all.empty()) std::printf("attempt %lld has no comments\n", *attempt);
        for (const auto& c : all) {
            std::string on = c.criterion.empty() ? "the case" : c.criterion + (c.task.empty() ? "" : " (" + c.task + ")");
            std::printf("%s  %s on %s: %s\n", pg::format_time(c.at_ms, "%Y-%m-%d %H:%M", true).c_str(),
                        c.trainer.c_str(), on.c_str(), c.text.c_str());
        }
        return 0;
    } catch (const pg::StoreError& e) {
        return fail(cmd, e.what());
    }
}

}  // namespace

int cmd_comment(const Args& args) {
    using namespace progress_cli;
    namespace pg = sofs::progress;
    const char* cmd = "comment";
    auto p = parse_args(args, {"db", "trainer", "attempt", "criterion", "text", "task", "password-file"}, {});
    if (p.has("help")) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    if (!p.error.empty()) return usage_error(cmd, p.error);
    if (!p.positional.empty() && p.positional[0] == "list") {
        if (p.positional.size() > 1) return usage_error(cmd, "unexpected '" + p.positional[1] + "'");
        return list(cmd, p);
    }
    if (!p.positional.empty()) return usage_error(cmd, "unexpected '" + p.positional[0] + "'");
    for (const char* need : {"trainer", "attempt", "text"})
        if (!p.get(need)) return usage_error(cmd, std::string("--") + need + " is needed");
    if (p.get("task") && !p.get("criterion")) return usage_error(cmd, "--task goes with --criterion");
    std::string err;
    auto attempt = p.get_int("attempt", &err);
    if (!attempt) return usage_error(cmd, err);

    auto store = open_store(cmd, p, false);
    if (!store) return 1;
    auto trainer = sign_in_from(cmd, *store, p, "trainer");
    if (!trainer) return 1;
    try {
        auto c = store->add_comment(*trainer, *attempt, *p.get("text"), p.get("criterion").value_or(""),
                                    p.get("task").value_or(""));
        std::string on = c.criterion.empty() ? "the case" : c.criterion;
        std::printf("%s commented on %s in attempt %lld (comment %lld); no decision changed\n", trainer->name.c_str(),
                    on.c_str(), *attempt, static_cast<long long>(c.id));
        return 0;
    } catch (const pg::StoreError& e) {
        return fail(cmd, e.what());
    }
}

}  // namespace sofs::cli
