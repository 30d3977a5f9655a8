// One diagnostic type for every data-file problem, printed like a compiler's:
//   scenarios/x.yaml:12:7: error[SCN012]: 'next' names unknown scene 'visit2'
// Shared by the application, `sofs lint` and the tests.
#pragma once

#include <string>
#include <vector>

namespace sofs {

enum class Severity { Warning, Error };

struct Diagnostic {
    std::string file;
    int line = 0;     // 1-based; 0 when the whole file is meant
    int column = 0;   // 1-based
    Severity severity = Severity::Error;
    std::string code; // "SCN012"
    std::string message;

    std::string format() const;  // the one-line form above
};

struct Diagnostics {
    std::vector<Diagnostic> items;
    void error(const std::string& file, int line, int col, std::string code, std::string msg);
    void warning(const std::string& file, int line, int col, std::string code, std::string msg);
    bool has_errors() const;
    std::size_t error_count() const;
    std::size_t warning_count() const;
};

}  // namespace sofs
