// The case library's index (see load_library_index in loader.hpp): one file
// in the cache folder holding, for every scenario file, its size and change
// time, its index entry and its own diagnostics. A start whose files are all
// unchanged reads that one file and looks at no scenario; a changed or new
// file is loaded (through the parse cache) and the index written again.
// The format is the parse cache's: little-endian integers and
// length-prefixed strings, every length checked, a damaged index ignored.
#include "load/loader.hpp"

#include "load/bytes.hpp"

#include "runtime/hash.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sofs {
namespace {

constexpr char kMagic[8] = {'S', 'O', 'F', 'S', 'I', 'D', 'X', '1'};

struct Entry {
    std::int64_t mtime = 0;
    std::uint64_t size = 0;
    bool has_scenario = false;
    Scenario meta;                       // index fields only
    std::vector<Diagnostic> diagnostics; // the file's own
};

using load_detail::ByteReader;
using load_detail::ByteWriter;

void write_entry(ByteWriter& o, const std::string& path, const Entry& e) {
    o.str(path);
    o.u64(static_cast<std::uint64_t>(e.mtime));
    o.u64(e.size);
    o.u32(e.has_scenario ? 1 : 0);
    const Scenario& m = e.meta;
    o.str(m.id); o.str(m.title); o.str(m.summary);
    o.u32(static_cast<std::uint32_t>(m.audiences.size()));
    for (auto a : m.audiences) o.u32(static_cast<std::uint32_t>(a));
    o.u32(static_cast<std::uint32_t>(m.topics.size()));
    for (const auto& t : m.topics) o.str(t);
    o.i32(m.minutes); o.i32(m.version);
    o.u32(static_cast<std::uint32_t>(m.aims.size()));
    for (int a : m.aims) o.i32(a);
    o.str(m.file); o.str(m.content_hash); o.i32(m.pos.line); o.i32(m.pos.column);
    o.u32(static_cast<std::uint32_t>(e.diagnostics.size()));
    for (const auto& d : e.diagnostics) {
        o.str(d.file); o.i32(d.line); o.i32(d.column);
        o.u32(d.severity == Severity::Error ? 1 : 0);
        o.str(d.code); o.str(d.message);
    }
}

bool read_entry(ByteReader& in, std::string* path, Entry* e) {
    *path = in.str();
    e->mtime = static_cast<std::int64_t>(in.u64());
    e->size = in.u64();
    e->has_scenario = in.u32() != 0;
    Scenario& m = e->meta;
    m.id = in.str(); m.title = in.str(); m.summary = in.str();
    for (std::uint32_t i = 0, n = in.count(4); i < n; ++i) {
        std::uint32_t a = in.u32();
        if (a > static_cast<std::uint32_t>(Audience::PracticeLead)) in.ok = false;
        m.audiences.push_back(static_cast<Audience>(in.ok ? a : 0));
    }
    for (std::uint32_t i = 0, n = in.count(4); i < n; ++i) m.topics.push_back(in.str());
    m.minutes = in.i32(); m.version = in.i32();
    for (std::uint32_t i = 0, n = in.count(4); i < n; ++i) m.aims.push_back(in.i32());
    m.file = in.str(); m.content_hash = in.str(); m.pos.line = in.i32(); m.pos.column = in.i32();
    for (std::uint32_t i = 0, n = in.count(24); i < n; ++i) {
        Diagnostic d;
        d.file = in.str(); d.line = in.i32(); d.column = in.i32();
        d.severity = in.u32() ? Severity::Error : Severity::Warning;
        d.code = in.str(); d.message = in.str();
        e->diagnostics.push_back(std::move(d));
    }
    return in.ok;
}

std::unordered_map<std::string, Entry> read_index(const std::string& file) {
    std::unordered_map<std::string, Entry> out;
    std::ifstream f(file, std::ios::binary | std::ios::ate);
    if (!f) return out;
    std::string data(static_cast<std::size_t>(std::max<std::streamoff>(f.tellg(), 0)), '\0');
    f.seekg(0);
    if (!f.read(data.data(), static_cast<std::streamsize>(data.size()))) return out;
    if (data.size() < sizeof kMagic || data.compare(0, sizeof kMagic, kMagic, sizeof kMagic) != 0) return out;
    ByteReader in(data.data() + sizeof kMagic, data.size() - sizeof kMagic);
    std::uint32_t n = in.count(16);
    for (std::uint32_t i = 0; i < n && in.ok; ++i) {
        std::string path;
        Entry e;
        if (read_entry(in, &path, &e)) out.emplace(std::move(path), std::move(e));
    }
    if (!in.ok) out.clear();   // damaged: trust none of it
    return out;
}

// Best effort, atomically (written beside and renamed): a failed write leaves the old index.
void write_index(const std::string& file, const std::vector<std::pair<std::string, const Entry*>>& entries) {
    ByteWriter o;
    o.out.append(kMagic, sizeof kMagic);
    o.u32(static_cast<std::uint32_t>(entries.size()));
    for (const auto& [path, e] : entries) write_entry(o, path, *e);
    std::error_code ec;
    fs::create_directories(fs::path(file).parent_path(), ec);
    const std::string tmp = file + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f || !(f << o.out) || !f.flush()) { fs::remove(tmp, ec); return; }
    }
    fs::rename(tmp, file, ec);
    if (ec) fs::remove(tmp, ec);
}

bool stat_file(const std::string& path, std::int64_t* mtime, std::uint64_t* size) {
    std::error_code ec;
    auto t = fs::last_write_time(path, ec);
    if (ec) return false;
    auto s = fs::file_size(path, ec);
    if (ec) return false;
    *mtime = static_cast<std::int64_t>(t.time_since_epoch().count());
    *size = static_cast<std::uint64_t>(s);
    return true;
}

}  // namespace

Library load_library_index(const std::vector<std::string>& paths, const LoadOptions& options) {
    Library lib;
    auto files = find_scenario_files(paths, &lib.diagnostics);
    std::string index_file;
    if (!options.cache_dir.empty()) {
        std::string key;
        for (const auto& p : paths) {
            std::error_code ec;
            key += fs::absolute(p, ec).lexically_normal().string() + "\n";
        }
        index_file = (fs::path(options.cache_dir) / ("library-" + content_hash(key) + ".index")).string();
    }
    auto known = index_file.empty() ? std::unordered_map<std::string, Entry>{} : read_index(index_file);
    LoadOptions whole = options;
    whole.index_only = false;

    std::vector<std::pair<std::string, Entry>> entries;
    entries.reserve(files.size());
    bool changed = known.size() != files.size();
    for (const auto& f : files) {
        Entry e;
        bool have_stat = stat_file(f, &e.mtime, &e.size);
        auto it = known.find(f);
        if (have_stat && it != known.end() && it->second.mtime == e.mtime && it->second.size == e.size) {
            entries.emplace_back(f, std::move(it->second));
            continue;
        }
        changed = true;
        LoadResult r = load_scenario_file(f, whole);
        if (r.scenario) {
            e.has_scenario = true;
            e.meta = *index_entry(*r.scenario);
        }
        e.diagnostics = std::move(r.diagnostics.items);
        if (!have_stat) e.mtime = -1;   // never matches: read again next time
        entries.emplace_back(f, std::move(e));
    }

    std::unordered_map<std::string, std::string> ids;  // scenario id -> file
    for (const auto& [f, e] : entries) {
        bool ok = e.has_scenario;
        for (const auto& d : e.diagnostics) {
            if (d.severity == Severity::Error) ok = false;
            lib.diagnostics.items.push_back(d);
        }
        if (e.has_scenario && !e.meta.id.empty()) {
            auto [it, fresh] = ids.emplace(e.meta.id, f);
            if (!fresh) {
                lib.diagnostics.error(f, 1, 1, "SCN029",
                                      "scenario id '" + e.meta.id + "' is also used by " + it->second +
                                          "; progress is kept by id, so each scenario needs its own");
                ok = false;
            }
        }
        if (ok) lib.scenarios.push_back(std::make_shared<const Scenario>(e.meta));
    }
    if (changed && !index_file.empty()) {
        std::vector<std::pair<std::string, const Entry*>> out;
        out.reserve(entries.size());
        for (const auto& [f, e] : entries) out.emplace_back(f, &e);
        write_index(index_file, out);
    }
    return lib;
}

}  // namespace sofs
