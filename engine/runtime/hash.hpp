// The content hash of a scenario file: stored with every attempt so that an
// edited vignette is noticed when a trainee resumes. FNV-1a 64 over the file's
// bytes, written as 16 lower-case hex digits. Not a security measure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sofs {

std::uint64_t fnv1a64(std::string_view bytes);
// 16 hex digits, e.g. "cbf29ce484222325" for the empty input.
std::string content_hash(std::string_view bytes);

}  // namespace sofs
