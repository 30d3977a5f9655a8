// Diagnostics: formatting and collection.
#include "model/diagnostic.hpp"

#include <algorithm>

namespace sofs {

std::string Diagnostic::format() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    out += severity == Severity::Error ? ": error[" : ": warning[";
    out += code + "]: " + message;
    return out;
}

void Diagnostics::error(const std::string& file, int line, int col, std::string code, std::string msg) {
    items.push_back({file, line, col, Severity::Error, std::move(code), std::move(msg)});
}

void Diagnostics::warning(const std::string& file, int line, int col, std::string code, std::string msg) {
    items.push_back({file, line, col, Severity::Warning, std::move(code), std::move(msg)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(items.begin(), items.end(),
        [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::size_t Diagnostics::warning_count() const { return items.size() - error_count(); }

}  // namespace sofs
