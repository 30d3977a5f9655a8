// Watching case files and reloading one.
#include "load/watch.hpp"

#include <algorithm>
#include <filesystem>

namespace fs = std::filesystem;

namespace sofs {

namespace {

std::string same_file_key(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(path, ec);
    return ec ? path : p.string();
}

}  // namespace

CaseFileWatch::CaseFileWatch(std::vector<std::string> paths) : paths_(std::move(paths)) {}

std::vector<std::string> CaseFileWatch::changed() {
    std::vector<std::string> out;
    std::map<std::string, std::pair<std::uintmax_t, std::int64_t>> now;
    for (const auto& f : find_scenario_files(paths_)) {
        std::error_code ec;
        auto size = fs::file_size(f, ec);
        if (ec) continue;
        auto t = fs::last_write_time(f, ec);
        if (ec) continue;
        auto stamp = std::pair<std::uintmax_t, std::int64_t>(
            size, std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count());
        auto it = seen_.find(f);
        if (primed_ && (it == seen_.end() || it->second != stamp)) out.push_back(f);
        now.emplace(f, stamp);
    }
    seen_ = std::move(now);
    primed_ = true;
    std::sort(out.begin(), out.end());
    return out;
}

Reload reload_case(Library& library, const std::string& file, const LoadOptions& options) {
    Reload r;
    LoadOptions o = options;
    o.index_only = false;  // the whole case: a preview shows what was written
    LoadResult loaded = load_scenario_file(file, o);
    r.diagnostics = std::move(loaded.diagnostics);
    const std::string key = same_file_key(file);
    auto slot = std::find_if(library.scenarios.begin(), library.scenarios.end(),
                             [&](const auto& s) { return s && same_file_key(s->file) == key; });
    if (!loaded.scenario || r.diagnostics.has_errors()) {
        if (slot != library.scenarios.end()) r.title = (*slot)->title;
        return r;
    }
    // Another file with the same id is an error, as in the case list (SCN029).
    for (auto it = library.scenarios.begin(); it != library.scenarios.end(); ++it)
        if (it != slot && *it && (*it)->id == loaded.scenario->id) {
            r.diagnostics.error(file, 1, 1, "SCN029",
                                "scenario id '" + loaded.scenario->id + "' is also used by " + (*it)->file +
                                    "; progress is kept by id, so each scenario needs its own");
            if (slot != library.scenarios.end()) r.title = (*slot)->title;
            return r;
        }
    r.title = loaded.scenario->title;
    if (slot != library.scenarios.end()) *slot = loaded.scenario;
    else library.scenarios.push_back(loaded.scenario);
    r.replaced = true;
    return r;
}

}  // namespace sofs
