// Helpers shared by the progress subcommands; see progress_cli.hpp.
#include "progress_cli.hpp"

#include "postgres.hpp"
#include "progress/private_files.hpp"

#include <chrono>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

namespace sofs::cli::progress_cli {

std::string db_path(const Parsed& p) {
    auto v = p.get("db");
    return v && !v->empty() ? *v : progress::Store::default_path();
}

std::unique_ptr<progress::Store> open_store(const char* cmd, const Parsed& p, bool create, bool writes) {
    try {
        progress::OpenOptions o;
        o.create = create;
        o.backup = writes;
        // A PostgreSQL address (postgresql://…, host=…, service=…) or a SQLite file.
        auto store = progress::open_any_store(db_path(p), o);
        for (const auto& n : store->notices()) std::fprintf(stderr, "sofs %s: note: %s\n", cmd, n.c_str());
        return store;
    } catch (const progress::StoreError& e) {
        fail(cmd, e.what());
        return nullptr;
    }
}

int fail(const char* cmd, const std::string& msg) {
    std::fprintf(stderr, "sofs %s: %s\n", cmd, msg.c_str());
    return 1;
}

int usage_error(const char* cmd, const std::string& msg) {
    std::fprintf(stderr, "sofs %s: %s\n(see sofs %s --help)\n", cmd, msg.c_str(), cmd);
    return 2;
}

bool interactive() { return isatty(STDIN_FILENO) && isatty(STDERR_FILENO); }

namespace {
std::optional<std::string> ask_hidden(const std::string& prompt) {
    std::fprintf(stderr, "%s", prompt.c_str());
    std::fflush(stderr);
    termios old{};
    bool restore = tcgetattr(STDIN_FILENO, &old) == 0;
    if (restore) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    bool ok = static_cast<bool>(std::getline(std::cin, line));
    if (restore) tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fprintf(stderr, "\n");
    if (!ok) return std::nullopt;
    return line;
}
}  // namespace

std::optional<std::string> read_password(const Parsed& p, const std::string& prompt, bool confirm_twice,
                                         std::string* error) {
    if (auto file = p.get("password-file")) {
        std::ifstream in(*file);
        if (!in) {
            if (error) *error = "could not read the password file '" + *file + "'";
            return std::nullopt;
        }
        std::string line;
        std::getline(in, line);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return line;
    }
    if (const char* env = std::getenv("SOFS_PASSWORD"); env && *env) return std::string(env);
    if (!interactive()) {
        if (error)
            *error = "a password is needed: give --password-file FILE or set SOFS_PASSWORD "
                     "(there is no terminal to ask on)";
        return std::nullopt;
    }
    auto first = ask_hidden(prompt);
    if (!first) {
        if (error) *error = "no password was typed";
        return std::nullopt;
    }
    if (confirm_twice) {
        auto again = ask_hidden("Type it again: ");
        if (!again || *again != *first) {
            if (error) *error = "the two passwords were not the same; nothing was changed";
            return std::nullopt;
        }
    }
    return first;
}

bool first_password_pending(const char* cmd, progress::Store& store, const std::string& name, const std::string& db) {
    auto me = store.find_person(name);
    if (!me || !me->must_change_password) return false;
    std::fprintf(stderr,
                 "sofs %s: %s, your administrator gave you a first password. Choose your own before you go on, so "
                 "that only you know it:\n"
                 "  sofs user passwd '%s' --own --db %s\n"
                 "(it asks for the first password, then your new one twice), or sign in to the application once, "
                 "which asks for it too. Nothing was done.\n",
                 cmd, me->name.c_str(), me->name.c_str(), db.c_str());
    return true;
}

std::optional<progress::Actor> sign_in_from(const char* cmd, progress::Store& store, const Parsed& p,
                                            const std::string& option) {
    const std::string name = p.get(option).value_or("");
    std::string err;
    auto password = read_password(p, "Password for " + name + ": ", false, &err);
    if (!password) {
        fail(cmd, err);
        return std::nullopt;
    }
    try {
        progress::Actor who = store.sign_in(name, *password);
        if (first_password_pending(cmd, store, who.name, db_path(p))) return std::nullopt;
        return who;
    } catch (const progress::StoreError& e) {
        fail(cmd, e.what());
        return std::nullopt;
    }
}

int watch_changes(long long for_ms, const std::function<std::vector<std::string>(int)>& wait,
                  const std::function<int(const std::vector<std::string>&)>& on_change) {
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(for_ms);
    for (;;) {
        long long left =
            for_ms ? std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count()
                   : 60000;
        if (left <= 0) return 0;
        auto changed = wait(static_cast<int>(left));
        if (changed.empty()) continue;
        if (int status = on_change(changed)) return status;
    }
}

bool confirm(const std::string& question) {
    std::fprintf(stderr, "%s [yes/no] ", question.c_str());
    std::fflush(stderr);
    std::string line;
    if (!std::getline(std::cin, line)) return false;
    return line == "yes" || line == "y" || line == "YES" || line == "Yes";
}

bool write_output(const char* cmd, const Parsed& p, const std::string& text) {
    if (auto out = p.get("output")) {
        std::string err;
        if (!progress::write_private_file(*out, text, &err)) {
            fail(cmd, err);
            return false;
        }
        return true;
    }
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return true;
}

}  // namespace sofs::cli::progress_cli
