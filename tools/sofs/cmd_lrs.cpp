// `sofs lrs`: the organisation's Learning Record Store. An administrator
// configures it once (endpoint and credentials, kept 0600); `send` then works
// through the store's outbox of xAPI statements, and can be run again at any
// time (from cron, after a course): what was sent is never sent twice.
#include "commands.hpp"
#include "postgres.hpp"
#include "progress_cli.hpp"
#include "xapi/lrs.hpp"

#include <cstdio>

namespace sofs::cli {

namespace {

const char* kHelp =
    "sofs lrs: send learning records (xAPI statements) to the organisation's LRS\n"
    "\n"
    "Usage:\n"
    "  sofs lrs configure --endpoint URL --username KEY [--home-page IRI]\n"
    "                     [--password-file FILE] [--settings PATH]\n"
    "  sofs lrs send [--db PATH] [--settings PATH] [--tries N] [--first-delay-ms MS]\n"
    "  sofs lrs status [--db PATH]\n"
    "\n"
    "  configure         write the LRS settings (mode 0600: only you can read them).\n"
    "                    The password (the LRS's \"secret\") comes from --password-file,\n"
    "                    $SOFS_PASSWORD, or is asked for on the terminal; never on the\n"
    "                    command line, where other users could see it.\n"
    "  send              send every statement waiting in the outbox, oldest first.\n"
    "                    A failed send is retried after 0.5 s, 1 s, 2 s, ... (doubling);\n"
    "                    after --tries failures in a row (default 6) the rest wait for\n"
    "                    the next run. Exit status 0 when the outbox is empty, 1 otherwise.\n"
    "  status            how many statements wait to be sent\n"
    "\n"
    "  --endpoint URL    the LRS's xAPI address, e.g. https://lrs.example.org/xapi/\n"
    "                    (https only; plain http is accepted for this machine alone)\n"
    "  --username KEY    the LRS credentials' key (HTTP Basic user name)\n"
    "  --home-page IRI   the system the learners' accounts belong to\n"
    "                    (default urn:sofs-simulator; statements name a person by\n"
    "                    their number in the progress store, never by name)\n"
    "  --settings PATH   the settings file (default ~/.config/sofs-simulator/lrs.conf)\n"
    "  --db PATH         the progress file (default: the user's data folder), or a\n"
    "                    PostgreSQL store (postgresql://USER@HOST/DB; send as its owner\n"
    "                    or an administrator, who may mark every statement sent)\n"
    "\n"
    "Statements carry ids, verbs and scores only, never a trainee's written answers:\n"
    "an LRS cannot delete what it was sent.\n";

// The progress store's outbox (SQLite file or PostgreSQL), seen by the sender.
class StoreOutbox : public xapi::Outbox {
public:
    explicit StoreOutbox(progress::Outbox& s) : store_(s) {}
    std::vector<Item> unsent(int limit) override {
        std::vector<Item> out;
        for (auto& s : store_.unsent_statements(limit)) out.push_back({s.id, s.statement, s.tries});
        return out;
    }
    void mark_sent(const std::string& id) override { store_.mark_sent(id); }
    void mark_failed(const std::string& id, const std::string& error) override { store_.mark_send_failed(id, error); }

private:
    progress::Outbox& store_;
};

// Either engine's outbox, from --db.
struct OpenedOutbox {
    std::unique_ptr<progress::Store> file;
    std::unique_ptr<progress::PgStore> shared;
    progress::Outbox* records = nullptr;
};

// Throws StoreError; null `records` when the file could not be opened (already reported).
OpenedOutbox open_outbox(const char* cmd, const Parsed& p) {
    OpenedOutbox o;
    if (progress::is_postgres_location(progress_cli::db_path(p))) {
        o.shared = progress::PgStore::open(progress_cli::db_path(p));
        o.records = o.shared.get();
    } else {
        o.file = progress_cli::open_store(cmd, p, false);
        if (!o.file) return o;
        o.records = o.file.get();
    }
    return o;
}

int configure(const Parsed& p) {
    using namespace progress_cli;
    const char* cmd = "lrs configure";
    for (const char* need : {"endpoint", "username"})
        if (!p.get(need)) return usage_error(cmd, std::string("--") + need + " is needed");
    xapi::LrsSettings s;
    s.endpoint = *p.get("endpoint");
    s.username = *p.get("username");
    if (auto hp = p.get("home-page")) s.home_page = *hp;
    if (auto problem = xapi::endpoint_problem(s.endpoint)) return usage_error(cmd, *problem);
    std::string err;
    auto password = read_password(p, "The LRS's secret for " + s.username + ": ", false, &err);
    if (!password) return fail(cmd, err);
    s.password = *password;
    std::string path = p.get("settings").value_or(xapi::default_settings_path());
    try {
        xapi::save_settings(path, s);
    } catch (const xapi::LrsError& e) {
        return fail(cmd, e.what());
    }
    std::printf("LRS settings written to %s (readable by you only)\n", path.c_str());
    return 0;
}

int send(const Parsed& p) {
    using namespace progress_cli;
    const char* cmd = "lrs send";
    std::string err;
    xapi::SendPolicy policy;
    if (p.get("tries")) {
        auto n = p.get_int("tries", &err);
        if (!n || *n < 1) return usage_error(cmd, err.empty() ? "--tries must be at least 1" : err);
        policy.tries_per_statement = static_cast<int>(*n);
    }
    if (p.get("first-delay-ms")) {
        auto n = p.get_int("first-delay-ms", &err);
        if (!n || *n < 0) return usage_error(cmd, err.empty() ? "--first-delay-ms cannot be negative" : err);
        policy.first_delay_ms = static_cast<int>(*n);
    }
    std::string path = p.get("settings").value_or(xapi::default_settings_path());
    try {
        xapi::LrsSettings settings = xapi::load_settings(path);
        auto opened = open_outbox(cmd, p);
        if (!opened.records) return 1;
        StoreOutbox outbox(*opened.records);
        xapi::CurlTransport transport(settings);
        auto r = xapi::send_outbox(outbox, transport, policy);
        std::printf("sent %d statement(s) to %s", r.sent, settings.endpoint.c_str());
        if (r.already_there) std::printf(" (%d the LRS had already)", r.already_there);
        std::printf("; %d failed exchange(s) retried; %d waiting\n", r.failures, r.left);
        if (!r.stopped_because.empty()) std::fprintf(stderr, "sofs %s: stopped: %s\n", cmd, r.stopped_because.c_str());
        return r.left == 0 ? 0 : 1;
    } catch (const xapi::LrsError& e) {
        return fail(cmd, e.what());
    } catch (const progress::StoreError& e) {
        return fail(cmd, e.what());
    }
}

int status(const Parsed& p) {
    using namespace progress_cli;
    try {
        auto opened = open_outbox("lrs status", p);
        if (!opened.records) return 1;
        auto waiting = opened.records->unsent_statements(1000000);
        std::printf("%zu statement(s) waiting to be sent\n", waiting.size());
        return 0;
    } catch (const progress::StoreError& e) {
        return fail("lrs status", e.what());
    }
}

}  // namespace

int cmd_lrs(const Args& args) {
    using namespace progress_cli;
    auto p = parse_args(args, {"db", "settings", "endpoint", "username", "home-page", "password-file", "tries",
                               "first-delay-ms"},
                        {});
    if (p.has("help") || (!p.positional.empty() && p.positional[0] == "help")) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    if (!p.error.empty()) return usage_error("lrs", p.error);
    if (p.positional.size() != 1) return usage_error("lrs", "say what to do: configure, send or status (see --help)");
    const std::string& what = p.positional[0];
    if (what == "configure") return configure(p);
    if (what == "send") return send(p);
    if (what == "status") return status(p);
    return usage_error("lrs", "'" + what + "' is not something lrs does: configure, send or status");
}

}  // namespace sofs::cli
