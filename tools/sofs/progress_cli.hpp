// What the progress subcommands (report, user, cohort, trainee, override)
// share: opening the store from --db, reading a password without echo,
// asking for confirmation on a terminal, and writing output.
#pragma once

#include "util/args.hpp"
#include "progress/store.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace sofs::cli::progress_cli {

// --db, else the default file in the user's data folder.
std::string db_path(const Parsed& p);

// Opens the store; on failure prints "sofs CMD: <plain message>" and returns
// null. `writes`: the command changes the file, so the daily upkeep (full
// check and backup) may run; read-only commands take no backup and open in
// constant time. What the store has to tell (a file made private, a
// read-only file) is printed to standard error.
std::unique_ptr<progress::Store> open_store(const char* cmd, const Parsed& p, bool create = true, bool writes = true);

// Prints "sofs CMD: msg" to stderr; returns 1 (a failure) or 2 (a usage error).
int fail(const char* cmd, const std::string& msg);
int usage_error(const char* cmd, const std::string& msg);

// A password from --password-file FILE (its first line), else $SOFS_PASSWORD,
// else asked on the terminal without echo (twice when `confirm`). Nullopt with
// `error` when none can be had.
std::optional<std::string> read_password(const Parsed& p, const std::string& prompt, bool confirm, std::string* error);

// When `name` still has a first password from an administrator (known to
// someone else), prints "sofs CMD: ..." saying how to choose their own
// (sofs user passwd NAME --own) and returns true: the caller does nothing
// under that password. Every command-line sign-in asks this.
bool first_password_pending(const char* cmd, progress::Store& store, const std::string& name, const std::string& db);

// Signs in the person named by --`option` (such as --trainer) with the password
// read_password finds, and asks first_password_pending. Nullopt, with the reason
// printed as "sofs CMD: ...", when any of it fails.
std::optional<progress::Actor> sign_in_from(const char* cmd, progress::Store& store, const Parsed& p,
                                            const std::string& option);

// A watching command's loop: `wait(ms)` waits up to ms for changes (empty when
// none came); each change goes to `on_change`, whose non-zero result ends the
// watch with that status. Ends with 0 after `for_ms` (0: never).
int watch_changes(long long for_ms, const std::function<std::vector<std::string>(int)>& wait,
                  const std::function<int(const std::vector<std::string>&)>& on_change);

// True when standard input and standard error are a terminal.
bool interactive();
// Asks a yes/no question on the terminal; true only for "yes" or "y".
bool confirm(const std::string& question);

// Writes to --output FILE when given (readable by its owner only), else standard output.
bool write_output(const char* cmd, const Parsed& p, const std::string& text);

}  // namespace sofs::cli::progress_cli
