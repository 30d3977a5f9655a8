// `sofs network`: a practice-lead network's shared mapping board on a
// PostgreSQL store, from the terminal. The practice lead makes a board for a
// bundled case or a real one; everyone in the network's cohort adds facts,
// danger statements, safety goals and next steps, and scales from the
// perspectives the group names; the board is shown with the assessor's
// marks beside its statements, and exported (Markdown or CSV, 0600).
#include "commands.hpp"
#include "guidance_cli.hpp"
#include "network_board.hpp"
#include "play/verdicts.hpp"
#include "postgres.hpp"
#include "progress_cli.hpp"
#include "rubric/assess.hpp"
#include "util/data_dir.hpp"

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>

namespace sofs::cli {

namespace {

namespace pg = sofs::progress;
namespace nw = sofs::progress::network;

const char* kHelp =
    "sofs network: a practice-lead network's shared mapping board (PostgreSQL store)\n"
    "\n"
    "Usage (--db postgresql://YOU@HOST/DB on each; you are who you connect as):\n"
    "  sofs network create --cohort NAME --scenario ID [--title TITLE]   a board for a bundled case\n"
    "  sofs network create --cohort NAME --title TITLE                   a board for a real case\n"
    "  sofs network list                                 the boards you can see\n"
    "  sofs network add BOARD --to PLACE TEXT            add to the board (TEXT may be several words)\n"
    "  sofs network remove BOARD ITEM                    the practice lead or a trainer removes an item\n"
    "  sofs network scale BOARD --perspective NAME --number N [--reason TEXT]\n"
    "                                                    one perspective's number on the 0-10 line\n"
    "  sofs network show BOARD                           the board, with the assessor's marks\n"
    "  sofs network watch BOARD [--for-ms MS]            the board, printed again after each change\n"
    "  sofs network export BOARD --out FOLDER [--format md|csv]   a file readable by you only\n"
    "\n"
    "PLACE is one of the mapping columns (harm, danger, complicating, strengths, safety,\n"
    "grey) or danger-statement, safety-goal, next-step. Only members of the board's\n"
    "cohort see it; anyone of them adds and scales; only the practice lead who made it,\n"
    "a trainer of the cohort or an administrator removes.\n"
    "\n"
    "Options:\n"
    "  --scenarios DIR   where the bundled cases are (default: $SOFS_SCENARIOS_DIR, else the installed scenarios/)\n"
    "  --content DIR     the guidance data for the marks (default: $SOFS_CONTENT_DIR, else the installed content/)\n"
    "\n"
    "Passwords come from the connection string, PGPASSWORD or ~/.pgpass (0600).\n";

// The assessor's marks for the board's statements: the bundled case's
// people and dangers when there is one, otherwise the writing alone.
struct Marks {
    std::shared_ptr<const Guidance> guidance;
    std::shared_ptr<const Scenario> scenario;
    Scenario none;
    std::map<std::string, std::string> names;   // criterion id -> its plain name
    nw::MarksFor fn() {
        if (!guidance) return {};
        return [this](const pg::PgStore::NetworkItem& it) {
            std::vector<nw::BoardMark> out;
            const Scenario& s = scenario ? *scenario : none;
            std::vector<Verdict> v;
            if (it.kind == "danger-statement") v = assess_danger_statement(it.text, s, *guidance);
            else if (it.kind == "safety-goal") v = assess_safety_goal(it.text, s, *guidance);
            for (const auto& x : v) {
                auto n = names.find(x.criterion);
                out.push_back({n != names.end() ? n->second : x.criterion, x.met});
            }
            return out;
        };
    }
};

void load_marks(Marks& m, const Parsed& p, const pg::PgStore::NetworkBoard& b) {
    std::string err;
    auto g = Guidance::load(p.get("content").value_or(Guidance::default_dir()), &err);
    if (!g) {
        std::fprintf(stderr, "sofs network: no assessor's marks (the guidance data could not be read: %s)\n", err.c_str());
        return;
    }
    m.guidance = g;
    m.names = Guidance::criterion_names(p.get("content").value_or(Guidance::default_dir()), nullptr);
    if (!b.info.scenario.empty()) m.scenario = find_case(p.get("scenarios").value_or(util::data_dir("scenarios")), b.info.scenario);
}

std::optional<pg::Id> number_arg(const Parsed& p, std::size_t i) {
    if (p.positional.size() <= i) return std::nullopt;
    try {
        std::size_t used = 0;
        long long n = std::stoll(p.positional[i], &used);
        if (used != p.positional[i].size() || n <= 0) return std::nullopt;
        return n;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

int cmd_network(const Args& args) {
    using namespace progress_cli;
    const char* cmd = "network";
    auto p = parse_args(args, {"db", "cohort", "scenario", "title", "to", "perspective", "number", "reason", "out",
                               "format", "for-ms", "scenarios", "content"},
                        {});
    if (p.has("help")) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    if (!p.error.empty()) return usage_error(cmd, p.error);
    if (p.positional.empty())
        return usage_error(cmd, "say what to do: create, list, add, remove, scale, show, watch or export");
    if (!p.get("db") || !pg::is_postgres_location(*p.get("db")))
        return usage_error(cmd, "network boards need the shared PostgreSQL store: --db postgresql://YOU@HOST/DB");
    const std::string what = p.positional[0];
    std::string err;
    try {
        auto store = pg::PgStore::open(*p.get("db"));
        if (what == "create") {
            if (!p.get("cohort")) return usage_error(cmd, "create needs --cohort (the network's cohort)");
            std::string scenario = p.get("scenario").value_or("");
            std::string title = p.get("title").value_or("");
            if (scenario.empty() && title.empty())
                return usage_error(cmd, "create needs --scenario ID (a bundled case) or --title TITLE (a real case)");
            if (!scenario.empty()) {
                auto c = find_case(p.get("scenarios").value_or(util::data_dir("scenarios")), scenario);
                if (!c) return usage_error(cmd, "there is no bundled case '" + scenario + "' (see --scenarios)");
                if (title.empty()) title = c->title;
            }
            auto id = store->create_network(*p.get("cohort"), title, scenario);
            std::printf("network board %lld is made: %s\n", static_cast<long long>(id), title.c_str());
            return 0;
        }
        if (what == "list") {
            auto all = store->networks();
            if (all.empty()) std::printf("no network boards that you are a member of\n");
            for (const auto& n : all)
                std::printf("%lld  %s  (%s; %s)%s\n", static_cast<long long>(n.id), n.title.c_str(), n.cohort.c_str(),
                            n.scenario.empty() ? "a real case" : n.scenario.c_str(), n.i_lead ? ", you lead it" : "");
            return 0;
        }
        auto board_id = number_arg(p, 1);
        if (!board_id) return usage_error(cmd, what + " needs the board's number (sofs network list)");
        if (what == "add") {
            if (!p.get("to")) return usage_error(cmd, "add needs --to PLACE (" + nw::kinds_list() + ")");
            if (!nw::known_kind(*p.get("to")))
                return usage_error(cmd, "'" + *p.get("to") + "' is not a place on the board; use one of " + nw::kinds_list());
            std::string text;
            for (std::size_t i = 2; i < p.positional.size(); ++i) text += (text.empty() ? "" : " ") + p.positional[i];
            if (text.empty()) return usage_error(cmd, "add needs the words to put on the board");
            auto id = store->add_network_item(*board_id, *p.get("to"), text);
            std::printf("item %lld added to %s\n", static_cast<long long>(id), nw::kind_title(*p.get("to")).c_str());
            return 0;
        }
        if (what == "remove") {
            auto item = number_arg(p, 2);
            if (!item) return usage_error(cmd, "remove needs the item's number (sofs network show prints them)");
            if (!store->remove_network_item(*board_id, *item))
                return fail(cmd, "board " + std::to_string(*board_id) + " has no item " + std::to_string(*item));
            std::printf("item %lld removed\n", static_cast<long long>(*item));
            return 0;
        }
        if (what == "scale") {
            if (!p.get("perspective")) return usage_error(cmd, "scale needs --perspective NAME (the worker, a parent, the school...)");
            auto n = p.get_int("number", &err);
            if (!n) return usage_error(cmd, err.empty() ? "scale needs --number 0-10" : err);
            if (*n < 0 || *n > 10) return usage_error(cmd, "--number is 0 to 10 on the safety scale, not " + std::to_string(*n));
            store->scale_network(*board_id, *p.get("perspective"), static_cast<int>(*n), p.get("reason").value_or(""));
            std::printf("%s: %lld on the line\n", p.get("perspective")->c_str(), *n);
            return 0;
        }
        auto board = store->network_board(*board_id);
        if (!board) return fail(cmd, "no network board " + std::to_string(*board_id) + " that you are a member of");
        if (what == "show" || what == "watch") {
            Marks m;
            load_marks(m, p, *board);
            auto print = [&](const pg::PgStore::NetworkBoard& b) {
                std::fputs(nw::markdown(b, m.fn()).c_str(), stdout);
                std::printf("\nItems (number: place):");
                for (const auto& it : b.items) std::printf(" %lld:%s", static_cast<long long>(it.id), it.kind.c_str());
                std::printf("\n");
                std::fflush(stdout);
            };
            if (what == "show") {
                print(*board);
                return 0;
            }
            auto for_ms = p.get_int_or("for-ms", 0, &err);
            if (!for_ms) return usage_error(cmd, err);
            store->listen_network(*board_id);
            board = store->network_board(*board_id);   // after LISTEN: no change is missed between
            print(*board);
            return watch_changes(
                *for_ms, [&](int ms) { return store->wait_for_changes(ms); },
                [&](const std::vector<std::string>&) {
                    board = store->network_board(*board_id);
                    if (!board) return fail(cmd, "the board is no longer there");
                    std::printf("\n--- the board changed ---\n");
                    print(*board);
                    return 0;
                });
        }
        if (what == "export") {
            if (!p.get("out")) return usage_error(cmd, "export needs --out FOLDER");
            std::string format = p.get("format").value_or("md");
            if (format != "md" && format != "csv") return usage_error(cmd, "--format is md or csv, not '" + format + "'");
            Marks m;
            load_marks(m, p, *board);
            auto text = format == "md" ? nw::markdown(*board, m.fn()) : nw::csv(*board, m.fn());
            auto path = nw::write_owner_only(*p.get("out"), nw::export_name(*board, format), text, &err);
            if (!path) return fail(cmd, err);
            std::printf("written to %s\n", path->c_str());
            return 0;
        }
        return usage_error(cmd, "'" + what + "' is not something network does (see --help)");
    } catch (const pg::StoreError& e) {
        return fail(cmd, e.what());
    }
}

}  // namespace sofs::cli
