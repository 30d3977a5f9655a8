// Shared by the progress tests: the store implementation under test, a
// temporary folder, a fixed clock, fast password hashing, and a few recorded
// attempts.
//
// The suite is written against the store's interfaces (progress/store.hpp)
// and opens every store through open_store(), so it runs against any
// implementation: $SOFS_TEST_STORE names one from store_factories() (only
// "sqlite" exists today; a server implementation adds itself there). Cases
// that look at SQLite's own tables use sqlite_database() and say so.
#pragma once

#include "../event_support.hpp"
#include "../temp_dir.hpp"
#include "progress/store.hpp"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <stdexcept>
#include <memory>
#include <random>
#include <string>

namespace progress_test {

namespace fs = std::filesystem;
using namespace sofs::progress;

// Opens a store of one implementation at `path` (a file, or ":memory:").
using StoreFactory = std::function<std::unique_ptr<Store>(const std::string& path, const OpenOptions& options)>;

inline const std::map<std::string, StoreFactory>& store_factories() {
    static const std::map<std::string, StoreFactory> all{
        {"sqlite", [](const std::string& path, const OpenOptions& o) { return Store::open(path, o); }},
    };
    return all;
}

// The implementation chosen by $SOFS_TEST_STORE (default "sqlite").
inline const StoreFactory& store_factory() {
    const char* name = std::getenv("SOFS_TEST_STORE");
    std::string which = name && *name ? name : "sqlite";
    auto it = store_factories().find(which);
    if (it == store_factories().end()) throw std::runtime_error("no store implementation called '" + which + "'");
    return it->second;
}

inline std::unique_ptr<Store> open_store(const std::string& path, const OpenOptions& options = {}) {
    return store_factory()(path, options);
}

// A folder under the system temp dir, removed with everything in it.
struct TempDir : test_files::TempDir {
    TempDir() : test_files::TempDir("progress-test") {}
};

// Starts at 2026-11-23 10:00 UTC and moves one second per reading.
struct FixedClock {
    std::shared_ptr<std::int64_t> ms = std::make_shared<std::int64_t>(1795428000000LL);
    WallClock fn() const {
        auto p = ms;
        return [p] { return *p += 1000; };
    }
};

inline OpenOptions fast(const FixedClock& c) {
    OpenOptions o;
    o.password_cost = OpenOptions::PasswordCost::Minimal;
    o.clock = c.fn();
    return o;
}

inline sofs::Transcript header(const std::string& scenario = "reference-case", const std::string& hash = "h1",
                               std::uint64_t seed = 7) {
    sofs::Transcript t;
    t.scenario = scenario;
    t.content_hash = hash;
    t.seed = seed;
    return t;
}

using test_events::event;

inline ScenarioFacts facts(const std::string& scenario = "reference-case", const std::string& hash = "h1") {
    return ScenarioFacts{scenario, hash, "Kai and Mia", 3, 2, 5};
}

// A finished attempt with a scaling answer and the given verdicts.
inline Attempt finished_attempt(Store& s, Id person, int scaling, const std::vector<NewVerdict>& verdicts,
                                const std::string& scenario = "reference-case") {
    Attempt a = s.begin_attempt(person, header(scenario), facts(scenario));
    s.record_event(a.id, event(0, sofs::Event::Kind::Start, "referral"));
    sofs::Event ans = event(1, sofs::Event::Kind::Answer, "scale", 61000);
    ans.answer.task = "scale-1";
    ans.answer.number = scaling;
    ans.answer.text = "Linda helps, but Ryan still drinks";
    s.record_event(a.id, ans);
    sofs::Event end = event(2, sofs::Event::Kind::End, "close", 121000);
    end.ending = "plan-agreed";
    s.record_event(a.id, end);
    s.finish_attempt(a.id, "plan-agreed", verdicts);
    return *s.attempt(Actor::system(), a.id);
}

}  // namespace progress_test
