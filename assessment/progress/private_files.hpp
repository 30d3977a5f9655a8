// Files and folders the programs make hold people's writing and password
// hashes, so they are created readable by their owner only (0600 files, 0700
// folders) whatever the umask, and a file found wider open is tightened and
// the person told. Used by the store, the command line's exports and the
// application's settings and exports.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sofs::progress {

// Creates `dir` and any missing parents; each folder this call creates is
// 0700. Folders that already exist are left as they are. Throws StoreError (Io).
void make_private_dirs(const std::string& dir);

// Makes `path` 0700 when it is a folder, else 0600, when anyone but its owner
// may read or write it. Returns what was done in plain words, or nothing when
// it was private already (or does not exist).
std::optional<std::string> tighten(const std::string& path);

// Creates `path` empty (0600) unless it exists, then tightens it. Returns the
// notice from tighten(). Throws StoreError (Io, ReadOnly) when it cannot.
std::optional<std::string> ensure_private_file(const std::string& path);

// Writes `text` to `path` (0600; an existing file is replaced and tightened),
// making missing folders private. False with `error` in plain words on failure.
bool write_private_file(const std::string& path, const std::string& text, std::string* error);

}  // namespace sofs::progress
