// `sofs user`: add and list trainees, trainers and administrators, and set
// passwords (kept as Argon2id hashes, never as typed).
#include "commands.hpp"
#include "progress_cli.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace sofs::cli {

namespace {

const char* kHelp =
    "sofs user: the people in a progress file\n"
    "\n"
    "Usage:\n"
    "  sofs user add NAME --role trainee|trainer|admin [--team TEAM] [--agency]\n"
    "                [--password-file FILE] [--db PATH]\n"
    "  sofs user list [--role ROLE] [--format text|json] [--db PATH]\n"
    "  sofs user passwd NAME [--password-file FILE] [--db PATH]\n"
    "  sofs user trainee-passwords required|optional [--db PATH]\n"
    "\n"
    "  --role R            trainee (the default), trainer or admin\n"
    "  --team TEAM         the person's team\n"
    "  --agency            the person is agency staff\n"
    "  --password-file F   read the password from the first line of F; otherwise\n"
    "                      $SOFS_PASSWORD, otherwise it is asked for on the terminal.\n"
    "                      Trainers and administrators need one; trainees may have one.\n"
    "  --db PATH           the progress file (default: the user's data folder)\n"
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
    auto p = parse_args(args, {"db", "role", "team", "password-file", "format", "name"}, {"agency"});
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
        if (*role != pg::Role::Trainee || p.has("password-file")) {
            std::string err;
            password = read_password(p, "Password for " + name + ": ", true, &err);
            if (!password) return fail(cmd, err);
        }
        auto store = open_store(cmd, p);
        if (!store) return 1;
        try {
            auto person = store->add_person(admin, name, *role, p.get("team").value_or(""), p.has("agency"), password);
            std::printf("added %s '%s'%s%s to '%s'\n", pg::to_string(person.role), person.name.c_str(),
                        person.team.empty() ? "" : (" of team " + person.team).c_str(),
                        person.agency ? " (agency staff)" : "", store->path().c_str());
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
