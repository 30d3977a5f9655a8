// `sofs override`: a trainer overrules one of the assessor's verdicts, with a
// reason the trainee will read. Both decisions are kept; the trainee sees the
// trainer's.
#include "commands.hpp"
#include "progress_cli.hpp"

#include <cstdio>

namespace sofs::cli {

namespace {

const char* kHelp =
    "sofs override: a trainer overrules one of the assessor's verdicts\n"
    "\n"
    "Usage:\n"
    "  sofs override --trainer NAME --attempt ID --criterion ID --met yes|no --reason TEXT\n"
    "                [--task TASK-ID] [--password-file FILE] [--db PATH]\n"
    "\n"
    "  --trainer NAME      the trainer (or administrator) making the decision; their\n"
    "                      password comes from --password-file, $SOFS_PASSWORD, or\n"
    "                      is asked for on the terminal\n"
    "  --attempt ID        the attempt's number (see sofs report --user NAME)\n"
    "  --criterion ID      such as DS-WHO or SG-OVER-TIME\n"
    "  --met yes|no        the trainer's decision\n"
    "  --reason TEXT       why, in words the trainee will read\n"
    "  --task TASK-ID      when the criterion was judged on more than one task\n"
    "  --db PATH           the progress file (default: the user's data folder)\n"
    "\n"
    "The trainer must train a cohort the trainee belongs to.\n";

}  // namespace

int cmd_override(const Args& args) {
    using namespace progress_cli;
    namespace pg = sofs::progress;
    const char* cmd = "override";
    auto p = parse_args(args, {"db", "trainer", "attempt", "criterion", "met", "reason", "task", "password-file"}, {});
    if (p.has("help")) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    if (!p.error.empty()) return usage_error(cmd, p.error);
    if (!p.positional.empty()) return usage_error(cmd, "unexpected '" + p.positional[0] + "'");
    for (const char* need : {"trainer", "attempt", "criterion", "met", "reason"})
        if (!p.get(need)) return usage_error(cmd, std::string("--") + need + " is needed");
    std::string err;
    auto attempt = p.get_int("attempt", &err);
    if (!attempt) return usage_error(cmd, err);
    std::string met = *p.get("met");
    if (met != "yes" && met != "no") return usage_error(cmd, "--met is yes or no, not '" + met + "'");

    auto store = open_store(cmd, p, false);
    if (!store) return 1;
    auto trainer = sign_in_from(cmd, *store, p, "trainer");
    if (!trainer) return 1;
    try {
        auto o = store->override_verdict(*trainer, *attempt, *p.get("criterion"), met == "yes", *p.get("reason"),
                                         p.get("task").value_or(""));
        std::printf("%s overruled the assessor on %s in attempt %lld: now %s (override %lld)\n", trainer->name.c_str(),
                    p.get("criterion")->c_str(), *attempt, o.met ? "met" : "not met", static_cast<long long>(o.id));
        return 0;
    } catch (const pg::StoreError& e) {
        return fail(cmd, e.what());
    }
}

}  // namespace sofs::cli
