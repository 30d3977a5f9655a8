// A small option parser shared by every subcommand: `--name value`,
// `--name=value`, bare `--flag`, and positional arguments, with errors that
// name the option.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sofs::cli {

struct Parsed {
    std::map<std::string, std::string> values;  // options given a value
    std::set<std::string> flags;                // options given alone
    std::vector<std::string> positional;
    std::string error;                          // non-empty when parsing failed

    bool has(const std::string& name) const { return flags.count(name) || values.count(name); }
    std::optional<std::string> get(const std::string& name) const;
    // The value as an integer; `error` names the option when it is not one.
    std::optional<long long> get_int(const std::string& name, std::string* error) const;
    // The same, `fallback` when the option is not given.
    std::optional<long long> get_int_or(const std::string& name, long long fallback, std::string* error) const {
        return get(name) ? get_int(name, error) : std::optional<long long>(fallback);
    }
};

// `with_value` lists the options that take a value; `bare` those that do not.
// Anything else starting with "--" is an error ("unknown option '--x'").
Parsed parse_args(const std::vector<std::string>& args, const std::set<std::string>& with_value,
                  const std::set<std::string>& bare);

}  // namespace sofs::cli
