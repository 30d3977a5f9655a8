// Implementation of the shared option parser.
#include "util/args.hpp"

#include <charconv>

namespace sofs::cli {

std::optional<std::string> Parsed::get(const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

std::optional<long long> Parsed::get_int(const std::string& name, std::string* err) const {
    auto v = get(name);
    if (!v) return std::nullopt;
    long long out = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || p != v->data() + v->size()) {
        if (err) *err = "option --" + name + " takes a whole number, not '" + *v + "'";
        return std::nullopt;
    }
    return out;
}

Parsed parse_args(const std::vector<std::string>& args, const std::set<std::string>& with_value,
                  const std::set<std::string>& bare) {
    Parsed out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--") {
            for (++i; i < args.size(); ++i) out.positional.push_back(args[i]);
            break;
        }
        if (a.rfind("--", 0) != 0 || a.size() == 2) {
            out.positional.push_back(a);
            continue;
        }
        std::string name = a.substr(2), value;
        bool inline_value = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            inline_value = true;
        }
        if (name == "help" || name == "h") {
            out.flags.insert("help");
        } else if (with_value.count(name)) {
            if (!inline_value) {
                if (i + 1 >= args.size()) {
                    out.error = "option --" + name + " needs a value";
                    return out;
                }
                value = args[++i];
            }
            out.values[name] = value;
        } else if (bare.count(name)) {
            if (inline_value) {
                out.error = "option --" + name + " takes no value";
                return out;
            }
            out.flags.insert(name);
        } else {
            out.error = "unknown option '--" + name + "' (see --help)";
            return out;
        }
    }
    return out;
}

}  // namespace sofs::cli
