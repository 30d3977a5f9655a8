// For authors previewing their cases (sofs-sim --watch): a cheap poll of
// each case file's size and change time, and loading one changed file again
// so that a good edit replaces the case and a bad edit is reported while the
// last good version stays.
#pragma once

#include "load/loader.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace sofs {

class CaseFileWatch {
public:
    // Folders (searched for *.yaml and *.yml, as the case list is) or files.
    explicit CaseFileWatch(std::vector<std::string> paths);
    // The files that changed or appeared since the last call, sorted. The
    // first call only takes note. One stat per file and one folder walk: no
    // file is read, so calling it once a second costs next to nothing.
    std::vector<std::string> changed();

private:
    std::vector<std::string> paths_;
    std::map<std::string, std::pair<std::uintmax_t, std::int64_t>> seen_;  // size, change time (ns)
    bool primed_ = false;
};

struct Reload {
    bool replaced = false;     // the library holds the new version
    std::string title;         // the case's title (the new one, or the kept one)
    Diagnostics diagnostics;   // the file's problems; with errors the library keeps what it had
};

// Loads `file` again. With no errors its case takes the place of the case
// read from the same file (or of the same id), or joins the library; with
// errors (or a file that is gone) the library is left as it was.
Reload reload_case(Library& library, const std::string& file, const LoadOptions& options = {});

}  // namespace sofs
