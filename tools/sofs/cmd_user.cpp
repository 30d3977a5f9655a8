// `sofs user`: add and list trainees, trainers and administrators, and set
// passwords (kept as Argon2id hashes, never as typed).
#include "commands.hpp"
#include "postgres.hpp"
#include "progress_cli.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>

namespace sofs::cli {

namespace {

const char* kHelp =
    "sofs user: the people in a progress file\n"
    "\n"
    "Usage:\n"
    "  sofs user add NAME --role trainee|trainer|admin [--team TEAM] [--agency]\n"
    "                [--password-file FILE] [--first] [--db PATH]\n"
    "  sofs user list [--role ROLE] [--format text|json] [--db PATH]\n"
    "  sofs user passwd NAME [--password-file FILE] [--db PATH]\n"
    "  sofs user passwd NAME --own [--password-file FILE] [--db PATH]\n"
    "  sofs user trainee-passwords required|optional [--db PATH]\n"
    "\n"
    "  --role R            trainee (the default), trainer or admin\n"
    "  --team TEAM         the person's team\n"
    "  --agency            the person is agency staff\n"
    "  --password-file F   read the password from the first line of F; otherwise\n"
    "                      $SOFS_PASSWORD, otherwise it is asked for on the terminal.\n"
    "                      Trainers and administrators need one; trainees may have one.\n"
    "  --first             the password is a first one: its holder must choose their\n"
    "                      own before they play or sign in anywhere (files only)\n"
    "  --own               change your own password: give the one you have now\n"
    "                      ($SOFS_PASSWORD, else asked), then the new one (--password-file,\n"
    "                      else $SOFS_NEW_PASSWORD, else asked twice). This is how someone\n"
    "                      given a first password chooses their own on the command line.\n"
    "  --db PATH           the progress file (default: the user's data folder), or a\n"
    "                      PostgreSQL store (postgresql://USER@HOST/DB): there `add`\n"
    "                      also makes the person's login role, and everyone needs a\n"
    "                      password; `list` and `passwd` are for files only so far\n"
    "\n"
    "trainee-passwords required: every trainee must sign in with a password (for\n"
    "shared training-room computers). Trainees without one are asked to get one\n"
    "from a trainer (sofs user passwd NAME); new profiles must choose one.\n"
    "Wrong passwords make the next try for that name wait longer (2 s, 4 s, 8 s,\n"
    "... up to 15 minutes after three), also after a restart.\n";

}  // namespace

int cmd_user(const Args& args) {
    using namespace progress_cli;
    namespace pg = sofs::progress;
    const char* cmd = "user";
    auto p = parse_args(args, {"db", "role", "team", "password-file", "format", "name"}, {"agency", "first", "own"});
    if (p.has("help")) {
        std::fputs(kHelp, stdout);
        return 0;
    }
    if (!p.error.empty()) return usage_error(cmd, p.error);
    if (p.positional.empty()) return usage_error(cmd, "say what to do: add, list, passwd or trainee-passwords");
    const std::string action = p.positional[0];
    std::string name = p.get("name").value_or(p.positional.size() > 1 ? p.positional[1] : "");
    if (p.positional.size() > 2) return usage_error(cmd, "unexpected '" + p.positional[2] + "' (quote a name with spaces)");
    const pg::Actor admin = pg::Actor::system();

    if (action == "add") {
        if (name.empty()) return usage_error(cmd, "whose name? (sofs user add NAME --role ...)");
        auto role = pg::role_from(p.get("role").value_or("trainee"));
        if (!role) return usage_error(cmd, "--role is trainee, trainer or admin, not '" + *p.get("role") + "'");
        std::optional<std::string> password;
        const bool shared = pg::is_postgres_location(db_path(p));
        if (p.has("first") && shared)
            return usage_error(cmd, "--first is for progress files; on PostgreSQL the administrator sets the password with the person");
        if (*role != pg::Role::Trainee || p.has("password-file") || shared || p.has("first")) {
            std::string err;
            password = read_password(p, "Password for " + name + ": ", true, &err);
            if (!password && p.has("first")) return usage_error(cmd, "--first needs a password (--password-file FILE or $SOFS_PASSWORD)");
            if (!password) return fail(cmd, err);
        }
        if (shared) {
            // A PostgreSQL store: the person is also a login role, made by whoever connects here.
            try {
                auto store = pg::PgStore::open(db_path(p));
                auto person = store->add_person(store->me(), name, *role, p.get("team").value_or(""), p.has("agency"),
                                                password);
                std::printf("added %s '%s'; they sign in to PostgreSQL as '%s'\n", pg::to_string(person.role),
                            person.name.c_str(), store->login_role(person.name).value_or("?").c_str());
                return 0;
            } catch (const pg::StoreError& e) {
                return fail(cmd, e.what());
            }
        }
        auto store = open_store(cmd, p);
        if (!store) return 1;
        try {
            auto person = store->add_person(admin, name, *role, p.get("team").value_or(""), p.has("agency"), password);
            if (p.has("first")) store->require_password_change(admin, person.name, true);
            std::printf("added %s '%s'%s%s to '%s'%s\n", pg::to_string(person.role), person.name.c_str(),
                        person.team.empty() ? "" : (" of team " + person.team).c_str(),
                        person.agency ? " (agency staff)" : "", store->path().c_str(),
                        p.has("first") ? "; they choose their own password at their first sign-in" : "");
            return 0;
        } catch (const pg::StoreError& e) {
            return fail(cmd, e.what());
        }
    }
    if (action == "list") {
        std::optional<pg::Role> role;
        if (auto r = p.get("role")) {
            role = pg::role_from(*r);
            if (!role) return usage_error(cmd, "--role is trainee, trainer or admin, not '" + *r + "'");
        }
        std::string format = p.get("format").value_or("text");
        if (format != "text" && format != "json") return usage_error(cmd, "--format is text or json");
        auto store = open_store(cmd, p, false, false);
        if (!store) return 1;
        try {
            auto people = store->people(admin, role);
            if (format == "json") {
                nlohmann::json out = nlohmann::json::array();
                for (const auto& x : people)
                    out.push_back({{"name", x.name}, {"role", pg::to_string(x.role)}, {"team", x.team},
                                   {"agency_staff", x.agency}, {"has_password", x.has_password}});
                std::printf("%s\n", out.dump(2).c_str());
            } else {
                if (people.empty()) std::printf("no one yet in '%s'\n", store->path().c_str());
                for (const auto& x : people)
                    std::printf("%-8s %-30s %s%s\n", pg::to_string(x.role), x.name.c_str(), x.team.c_str(),
                                x.agency ? " (agency)" : "");
            }
            return 0;
        } catch (const pg::StoreError& e) {
            return fail(cmd, e.what());
        }
    }
    if (action == "passwd") {
        if (name.empty()) return usage_error(cmd, "whose password? (sofs user passwd NAME)");
        auto store = open_store(cmd, p, false);
        if (!store) return 1;
        if (!store->find_person(name)) return fail(cmd, "there is no one called '" + name + "' in '" + store->path() + "'");
        std::string err;
        if (p.has("own")) {
            // As the person themself: signed in with the password they have, so
            // the new one is theirs alone (a pending first-password change clears).
            Parsed now = p;
            now.values.erase("password-file");
            auto current = read_password(now, "Your password now (the first one, if you were given one): ", false, &err);
            if (!current) return fail(cmd, err);
            pg::Actor me;
            try {
                me = store->sign_in(name, *current);
            } catch (const pg::StoreError& e) {
                return fail(cmd, std::string(e.what()) + "; nothing was changed");
            }
            std::optional<std::string> fresh;
            if (const char* env = std::getenv("SOFS_NEW_PASSWORD"); env && *env && !p.has("password-file")) {
                fresh = env;
            } else {
                unsetenv("SOFS_PASSWORD");   // that was the current one; the new one is asked for or read from the file
                fresh = read_password(p, "Your new password (at least 8 characters): ", true, &err);
            }
            if (!fresh) return fail(cmd, err);
            if (*fresh == *current) return fail(cmd, "the new password is the one you have now; choose another (nothing was changed)");
            try {
                store->set_password(me, me.name, *fresh);
                std::printf("your new password is set, %s; use it with your name from now on\n", me.name.c_str());
                return 0;
            } catch (const pg::StoreError& e) {
                return fail(cmd, e.what());
            }
        }
        auto password = read_password(p, "New password for " + name + ": ", true, &err);
        if (!password) return fail(cmd, err);
        try {
            store->set_password(admin, name, *password);
            std::printf("changed the password of '%s'\n", name.c_str());
            return 0;
        } catch (const pg::StoreError& e) {
            return fail(cmd, e.what());
        }
    }
    if (action == "trainee-passwords") {
        if (name != "required" && name != "optional")
            return usage_error(cmd, "say required or optional (sofs user trainee-passwords required)");
        auto store = open_store(cmd, p, false);
        if (!store) return 1;
        try {
            store->require_trainee_passwords(admin, name == "required");
            std::printf(name == "required" ? "every trainee in '%s' now signs in with a password\n"
                                           : "trainees in '%s' may sign in by name unless they have set a password\n",
                        store->path().c_str());
            return 0;
        } catch (const pg::StoreError& e) {
            return fail(cmd, e.what());
        }
    }
    return usage_error(cmd, "'" + action + "' is not something sofs user does (add, list, passwd, trainee-passwords)");
}

}  // namespace sofs::cli
