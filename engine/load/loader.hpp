// Reads scenario files (YAML) into the model, collecting every problem as a
// Diagnostic rather than stopping at the first. Two passes: structure (types,
// required and unknown keys, duplicate keys), then meaning (unknown targets,
// duplicate ids, unreachable scenes, dead ends, undefined flags, missing audio,
// tasks without an expert key).
#pragma once

#include "model/diagnostic.hpp"
#include "model/scenario.hpp"

#include <memory>
#include <string>
#include <vector>

namespace sofs {

// Limits on what one file may hold (SCN035), far above anything a case needs,
// so that a damaged or hostile file is refused with a clear message rather
// than slowing every screen that shows it. Lengths count characters.
inline constexpr std::size_t kMaxFileBytes = 4u << 20;   // the whole file: 4 MB
inline constexpr std::size_t kMaxIdChars = 64;          // ids: scenes, facts, people...
inline constexpr std::size_t kMaxNameChars = 200;       // names, titles, places, speakers
inline constexpr std::size_t kMaxTextChars = 20000;     // every other text: lines, prompts, feedback

// How to load. Every field has a default that loads without side effects.
struct LoadOptions {
    // A folder for the parse cache: a file whose bytes (and path) have not
    // changed since it was last parsed is read back from here instead of
    // being parsed again, with the same diagnostics. Empty: no cache. The
    // folder is created when needed; a cache that cannot be written or read
    // is silently not used.
    std::string cache_dir;
    // Keep only each case's index entry (id, title, summary, audiences,
    // topics, minutes, version, aims, file, content hash) in a library:
    // every file is still read and checked, but its body is let go, so a
    // library of thousands of cases stays small. Load a body with load_case_body.
    bool index_only = false;
};

// The usual place for the parse cache: $XDG_CACHE_HOME/sofs/scenarios, or
// ~/.cache/sofs/scenarios; "" when neither variable is set.
std::string default_cache_dir();

struct LoadResult {
    std::shared_ptr<const Scenario> scenario;  // null when the file could not be read at all
    Diagnostics diagnostics;
};

// Load one file. `display_path` is the name used in diagnostics (defaults to path).
LoadResult load_scenario_file(const std::string& path);
LoadResult load_scenario_file(const std::string& path, const LoadOptions& options);
// Load from text already in memory (tests, benchmarks). `base_dir` resolves audio paths.
LoadResult load_scenario_text(const std::string& text, const std::string& display_path,
                              const std::string& base_dir = "");

// Every *.yaml / *.yml file below the given files and folders, sorted.
std::vector<std::string> find_scenario_files(const std::vector<std::string>& paths,
                                             Diagnostics* missing = nullptr);

// A library: every scenario below the given folders, with all diagnostics.
struct Library {
    std::vector<std::shared_ptr<const Scenario>> scenarios;  // those without errors
    Diagnostics diagnostics;
};
Library load_library(const std::vector<std::string>& paths);
Library load_library(const std::vector<std::string>& paths, const LoadOptions& options);

// The case library as index entries, for a program's first screen: every
// file below `paths` is checked as load_library would, but with a cache
// folder (options.cache_dir) an index there remembers each file's entry and
// diagnostics by its size and change time, so a start with nothing changed
// reads one index file instead of every scenario. Changed and new files are
// loaded (through the parse cache) and the index is written again.
Library load_library_index(const std::vector<std::string>& paths, const LoadOptions& options);

// A case's index entry (see LoadOptions::index_only), and whether a scenario is one.
std::shared_ptr<const Scenario> index_entry(const Scenario& s);
bool is_index_entry(const Scenario& s);
// The whole case behind an index entry, read again from its file (the parse
// cache makes that cheap). The file may have changed since the index was
// made: the result says so with its diagnostics and content hash.
LoadResult load_case_body(const Scenario& entry, const LoadOptions& options);

// Parse a condition string (also used by tests and tools).
std::optional<Condition> parse_condition(const std::string& text, std::string* error);

}  // namespace sofs
