// The parse cache (internal to the loader): a scenario parsed and checked
// once is written in a compact binary form under a cache folder, keyed by the
// file's content hash, so an unchanged library loads without parsing YAML
// again. Any unreadable, truncated or older-format cache file is ignored and
// the YAML is parsed as usual: the cache can only save time, never change a
// result.
#pragma once

#include "model/diagnostic.hpp"
#include "model/scenario.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sofs::load_detail {

struct AudioRef {
    std::string path;
    SourcePos pos;
};

// What parsing one file produces, before the checks that depend on the
// world outside the file (audio files on disk, other files of a library).
struct Parsed {
    std::shared_ptr<Scenario> scenario;  // may be null (YAML syntax error, empty file)
    std::vector<Diagnostic> diagnostics;
    std::vector<AudioRef> audio;
};

// The cache file for a file's content as seen under a display path.
std::string cache_path(const std::string& cache_dir, const std::string& content_hash,
                       const std::string& display_path);
// Best effort: false when the file could not be written (the cache is then just not used).
bool write_cache(const std::string& file, const Parsed& p, const std::string& content_hash);
std::optional<Parsed> read_cache(const std::string& file, const std::string& content_hash);

}  // namespace sofs::load_detail
