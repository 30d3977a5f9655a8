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

// Parse a condition string (also used by tests and tools).
std::optional<Condition> parse_condition(const std::string& text, std::string* error);

}  // namespace sofs
