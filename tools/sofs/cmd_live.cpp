// `sofs live`: live sessions on a PostgreSQL store, from the terminal, until
// the application's screens arrive. A trainer opens a session for a cohort
// and a case and watches the room (woken by NOTIFY, not polling); trainees
// join with the code; at a scaling task the trainer opens a vote and reveals
// it, and everyone sees the numbers without names. `export` writes the
// session as the application's Statement wall tab does (live/session_export).
#include "commands.hpp"
#include "guidance_cli.hpp"
#include "live/session_export.hpp"
#include "postgres.hpp"
#include "progress_cli.hpp"
#include "util/data_dir.hpp"

#include <chrono>
#include <map>
#include <cstdio>

namespace sofs::cli {

namespace {

const char* kHelp =
    "sofs live: live sessions on a PostgreSQL store\n"
    "\n"
    "Usage (--db postgresql://YOU@HOST/DB on each; you are who you connect as):\n"
    "  sofs live open --cohort NAME --scenario ID      a trainer opens a session: prints its code\n"
    "  sofs live join CODE                             a trainee joins it\n"
    "  sofs live watch SESSION [--for-ms MS]           the room: printed again each time someone moves\n"
    "  sofs live open-vote SESSION --task TASK         a trainer opens a vote at a scaling task\n"
    "  sofs live vote SESSION --task TASK --number N   a trainee votes 0-10 (changeable until the reveal)\n"
    "  sofs live place SESSION --task TASK FACT=PLACE...   a trainee's sorting (the fact mapping,\n"
    "                                                  the Three Houses), changeable until the reveal\n"
    "  sofs live reveal SESSION --task TASK            a trainer reveals: every number, or how many\n"
    "                                                  put each fact in each place; no names\n"
    "  sofs live improve SESSION --kind danger|goal TEXT   a trainer opens a wall statement for the\n"
    "                                                  room to improve together\n"
    "  sofs live propose SESSION TEXT                  a member proposes their edit (one each)\n"
    "  sofs live proposals SESSION                     the trainer: every proposal, no names\n"
    "  sofs live pick SESSION --proposal N             the trainer picks one\n"
    "  sofs live release SESSION --scene SCENE         a trainer releases a pause point: everyone\n"
    "                                                  held there (sofs play --live) goes on\n"
    "  sofs live export SESSION --out FOLDER [--format md|csv]   the session's trainer: the wall\n"
    "                                                  with the assessor's marks, what was improved\n"
    "                                                  together, every revealed vote; no names; the\n"
    "                                                  file (live-session-CODE-wall.md) is yours only\n"
    "\n"
    "Options for export:\n"
    "  --scenarios DIR   where the bundled cases are (default: $SOFS_SCENARIOS_DIR, else the installed scenarios/)\n"
    "  --content DIR     the guidance data for the marks (default: $SOFS_CONTENT_DIR, else the installed content/)\n"
    "\n"
    "Passwords come from the connection string, PGPASSWORD or ~/.pgpass (0600).\n";

void print_room(progress::PgStore& store, progress::Id session) {
    for (const auto& w : store.room(session)) {
        if (w.step < 0) std::printf("  %-24s not started\n", w.name.c_str());
        else
            std::printf("  %-24s %-9s scene %s, step %d%s%s\n", w.name.c_str(),
                        w.status == "finished" ? "finished" : "playing", w.scene.c_str(), w.step,
                        w.task.empty() ? "" : ", last answer ", w.task.c_str());
    }
    std::fflush(stdout);
}

void print_histogram(const std::vector<int>& numbers) {
    auto h = progress::histogram(numbers);
    std::printf("%zu vote(s):", numbers.size());
    for (int n : numbers) std::printf(" %d", n);
    std::printf("\n");
    for (int i = 0; i <= 10; ++i) std::printf("  %2d | %s\n", i, std::string(static_cast<std::size_t>(h[i]), '#').c_str());
}

// `sofs live export`: the session's export, the same file the application's
// Statement wall tab writes. Only its trainer (or an administrator) reads
// everyone's answers, the pins and every proposal, so a trainee is refused.
int export_session(progress::PgStore& store, progress::Id session, const Parsed& p) {
    using namespace progress_cli;
    const char* cmd = "live";
    if (!p.get("out")) return usage_error(cmd, "export needs --out FOLDER (an existing folder)");
    std::string format = p.get("format").value_or("md");
    if (format != "md" && format != "csv") return usage_error(cmd, "--format is md or csv, not '" + format + "'");
    auto info = store.live_session(session);
    if (!info) return fail(cmd, "there is no live session " + std::to_string(session) + " that you may see");
    if (store.me().role == progress::Role::Trainee)
        return fail(cmd, "only the session's trainer exports it; you are signed in as a trainee");
    auto scenario = find_case(p.get("scenarios").value_or(util::data_dir("scenarios")), info->scenario);
    if (!scenario)
        std::fprintf(stderr, "sofs live: the case '%s' was not found (see --scenarios): no titles or marks\n",
                     info->scenario.c_str());
    std::shared_ptr<const Guidance> guidance = scenario ? load_guidance(cmd, p) : nullptr;
    if (scenario && !guidance) std::fprintf(stderr, "sofs live: exporting without the assessor's marks\n");
    auto e = live::read_session(store, *info, scenario, live::assessor_marks(scenario, guidance));
    std::string err;
    auto path = live::write_export(*p.get("out"), live::export_file_name(e, format == "md"),
                                   format == "md" ? live::export_markdown(e) : live::export_csv(e), &err);
    if (!path) return fail(cmd, err);
    std::printf("written to %s\n", path->c_str());
    return 0;
}

}  // namespace

int cmd_live(const Args& args) {
    using namespace progress_cli;
    const char* cmd = "live";
    auto p = parse_args(args, {"db", "cohort", "scenario", "task", "number", "for-ms", "scene", "kind", "proposal", "out", "format",
                               "scenarios", "content"}, {});
    if (p.has("help")) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    if (!p.error.empty()) return usage_error(cmd, p.error);
    if (p.positional.empty()) return usage_error(cmd, "say what to do: open, join, watch, open-vote, vote, place, reveal, improve, propose, proposals, pick, release or export");
    if (!p.get("db") || !progress::is_postgres_location(*p.get("db")))
        return usage_error(cmd, "live sessions need a PostgreSQL store: --db postgresql://YOU@HOST/DB");
    const std::string what = p.positional[0];
    std::string err;
    auto session_arg = [&]() -> std::optional<progress::Id> {
        if (p.positional.size() < 2) return std::nullopt;
        try {
            return std::stoll(p.positional[1]);
        } catch (const std::exception&) {
            return std::nullopt;
        }
    };
    try {
        auto store = progress::PgStore::open(*p.get("db"));
        if (what == "open") {
            if (!p.get("cohort") || !p.get("scenario")) return usage_error(cmd, "open needs --cohort and --scenario");
            auto s = store->open_live_session(*p.get("cohort"), *p.get("scenario"));
            std::printf("session %lld is open; join code %s\n", static_cast<long long>(s.id), s.join_code.c_str());
            return 0;
        }
        if (what == "join") {
            if (p.positional.size() < 2) return usage_error(cmd, "join needs the session's code");
            auto id = store->join_live_session(p.positional[1]);
            std::printf("joined session %lld\n", static_cast<long long>(id));
            return 0;
        }
        auto session = session_arg();
        if (!session) return usage_error(cmd, what + " needs the session's number");
        if (what == "watch") {
            auto for_ms = p.get_int_or("for-ms", 0, &err);
            if (!for_ms) return usage_error(cmd, err);
            store->listen(*session);
            std::printf("the room (session %lld):\n", static_cast<long long>(*session));
            print_room(*store, *session);
            return watch_changes(
                *for_ms, [&](int ms) { return store->wait_for_changes(ms); },
                [&](const std::vector<std::string>& changed) {
                    std::printf("the room (changed: %s):\n", changed.front().c_str());
                    print_room(*store, *session);
                    return 0;
                });
        }
        if (what == "export") return export_session(*store, *session, p);
        if (what == "release") {
            if (!p.get("scene")) return usage_error(cmd, "release needs --scene (the pause point's scene id)");
            int waiting = store->release_pause(*session, *p.get("scene"));
            std::printf("pause at %s released; %d waiting there go on\n", p.get("scene")->c_str(), waiting);
            return 0;
        }
        auto words = [&] {
            std::string t;
            for (std::size_t i = 2; i < p.positional.size(); ++i) t += (t.empty() ? "" : " ") + p.positional[i];
            return t;
        };
        if (what == "improve") {
            std::string kind = p.get("kind").value_or("");
            if (kind != "danger" && kind != "goal") return usage_error(cmd, "improve needs --kind danger or --kind goal");
            if (words().empty()) return usage_error(cmd, "improve needs the statement's words");
            auto id = store->open_improvement(*session, kind, words());
            std::printf("statement %lld is open for the room to improve\n", static_cast<long long>(id));
            return 0;
        }
        if (what == "propose" || what == "proposals" || what == "pick") {
            auto current = store->latest_improvement(*session);
            if (!current) return fail(cmd, "no statement is open for improving in this session");
            if (what == "propose") {
                if (words().empty()) return usage_error(cmd, "propose needs your edit's words");
                store->propose_edit(current->id, words());
                std::printf("your edit is in; only the trainer sees it, without your name\n");
                return 0;
            }
            if (what == "pick") {
                auto n = p.get_int("proposal", &err);
                if (!n) return usage_error(cmd, err.empty() ? "pick needs --proposal N (sofs live proposals)" : err);
                store->pick_proposal(current->id, *n);
                std::printf("proposal %lld picked\n", *n);
                return 0;
            }
            std::printf("improving: %s\n", current->original.c_str());
            for (const auto& pr : store->proposals(current->id))
                std::printf("  %lld: %s%s\n", static_cast<long long>(pr.id), pr.text.c_str(),
                            current->picked && *current->picked == pr.id ? "  (picked)" : "");
            if (current->picked) std::printf("picked: %s\n", current->picked_text.c_str());
            return 0;
        }
        if (!p.get("task")) return usage_error(cmd, what + " needs --task");
        const std::string task = *p.get("task");
        if (what == "open-vote") {
            int round = store->open_vote(*session, task);
            std::printf("vote round %d on %s is open\n", round, task.c_str());
            return 0;
        }
        if (what == "vote") {
            auto n = p.get_int("number", &err);
            if (!n) return usage_error(cmd, err.empty() ? "vote needs --number 0-10" : err);
            int round = store->cast_vote(*session, task, static_cast<int>(*n));
            std::printf("your vote in round %d is in; it stays private until the trainer reveals\n", round);
            return 0;
        }
        if (what == "place") {
            std::map<std::string, std::string> placements;
            for (std::size_t i = 2; i < p.positional.size(); ++i) {
                const std::string& pair = p.positional[i];
                auto eq = pair.find('=');
                if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
                    return usage_error(cmd, "'" + pair + "' is not FACT=PLACE (for example fact-nan=existing-safety)");
                placements[pair.substr(0, eq)] = pair.substr(eq + 1);
            }
            if (placements.empty()) return usage_error(cmd, "place needs at least one FACT=PLACE");
            int round = store->cast_placements(*session, task, placements);
            std::printf("your sorting (%zu) in round %d is in; it stays private until the trainer reveals\n",
                        placements.size(), round);
            return 0;
        }
        if (what == "reveal") {
            int counted = store->votes_cast(*session, task);
            int sorted = store->placements_cast(*session, task);
            int round = store->reveal_vote(*session, task);
            std::printf("round %d on %s revealed; ", round, task.c_str());
            if (sorted > 0) {
                std::printf("%d sorting(s):\n", sorted);
                std::string last;
                for (const auto& c : store->revealed_placements(*session, task, round)) {
                    if (c.fact != last) std::printf("%s  %s:", last.empty() ? "" : "\n", c.fact.c_str());
                    std::printf(" %s %d", c.place.c_str(), c.count);
                    last = c.fact;
                }
                std::printf("\n");
                return 0;
            }
            auto numbers = store->revealed_votes(*session, task, round);
            if (static_cast<int>(numbers.size()) != counted) std::printf("(counted %d) ", counted);
            print_histogram(numbers);
            return 0;
        }
        return usage_error(cmd, "'" + what + "' is not something live does (see --help)");
    } catch (const progress::StoreError& e) {
        return fail(cmd, e.what());
    }
}

}  // namespace sofs::cli
