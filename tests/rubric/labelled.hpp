// The hand-labelled sets under tests/labelled/<scenario-id>/, scored case by
// case: each folder's sets are judged against that folder's scenario
// (scenarios/<scenario-id>.yaml). Shared by the accuracy floor
// (test_accuracy.cpp), the one-voice test and the benchmark (bench_assess).
//
// A set is a *.jsonl file; its kind is in its name ("danger" or "goal").
// Files whose name starts with "unseen-" are held out: they are scored only
// in aggregate, and no program prints their text or their misses. (The
// "round1-*" sets were the unseen sets until the third round, "round2-*" and
// "round3-*" (then "unseen-*" and "unseen3-*") until the fourth; all are tuned
// on now, and new blind sets arrive as unseen-danger.jsonl / unseen-goals.jsonl.
// Only the "unseen-" prefix holds a set out: "unseen3-x" or "round2-x" is tuned on.)
#pragma once

#include "fixture.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace sofs::testing {

struct Labelled {
    std::string id, text;
    std::map<std::string, bool> labels;
};

struct LabelledSet {
    std::string name;    // file name without .jsonl
    bool goals = false;  // safety goals (else danger statements)
    bool unseen = false; // held out: aggregate figures only
    std::vector<Labelled> items;
};

struct LabelledCase {
    std::string id;      // scenario id = folder name
    std::shared_ptr<const Scenario> scenario;
    std::vector<LabelledSet> sets;
    // Words and Pictures sets ("*words-pictures*.jsonl"), kept apart: their
    // labels are WP-* and they are scored by test_words_and_pictures.cpp only.
    std::vector<LabelledSet> wp_sets;
};

inline std::vector<Labelled> read_labelled(const std::string& path) {
    std::vector<Labelled> out;
    std::ifstream in(path);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(line);
        } catch (const std::exception& e) {
            throw std::runtime_error(path + ":" + std::to_string(n) + ": not JSON: " + e.what());
        }
        Labelled l;
        l.id = j.value("id", "");
        l.text = j.value("text", "");
        if (j.contains("labels"))
            for (auto& [k, v] : j["labels"].items()) l.labels[k] = v.get<bool>();
        out.push_back(std::move(l));
    }
    return out;
}

inline std::shared_ptr<const Scenario> scenario_by_id(const std::string& id) {
    static std::map<std::string, std::shared_ptr<const Scenario>> cache;
    auto it = cache.find(id);
    if (it != cache.end()) return it->second;
    auto r = load_scenario_file(std::string(SOFS_SOURCE_DIR) + "/scenarios/" + id + ".yaml");
    if (!r.scenario || r.diagnostics.has_errors())
        for (auto& d : r.diagnostics.items) std::fprintf(stderr, "%s\n", d.format().c_str());
    return cache[id] = r.scenario;
}

// Reads one labelled file into a set: its kind and whether it is held out
// come from its name.
inline LabelledSet read_set(const std::filesystem::path& f) {
    LabelledSet s;
    s.name = f.stem().string();
    s.goals = s.name.find("goal") != std::string::npos;
    s.unseen = s.name.rfind("unseen-", 0) == 0;
    s.items = read_labelled(f.string());
    return s;
}

inline bool is_wp_set(const LabelledSet& s) { return s.name.find("words-pictures") != std::string::npos; }

// One case folder (named by its scenario id): every *.jsonl in it, in name order.
inline LabelledCase read_case_dir(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    LabelledCase c;
    c.id = dir.filename().string();
    c.scenario = scenario_by_id(c.id);
    std::vector<fs::path> files;
    for (auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".jsonl") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (auto& f : files) {
        LabelledSet s = read_set(f);
        if (is_wp_set(s)) c.wp_sets.push_back(std::move(s));
        else c.sets.push_back(std::move(s));
    }
    return c;
}

inline std::string labelled_root() { return std::string(SOFS_TESTS_DIR) + "/labelled"; }

// Every case folder under root (tests/labelled/ unless told), in name order.
inline std::vector<LabelledCase> labelled_cases(const std::string& root = labelled_root()) {
    namespace fs = std::filesystem;
    std::vector<LabelledCase> out;
    std::vector<fs::path> dirs;
    for (auto& e : fs::directory_iterator(root))
        if (e.is_directory()) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    for (auto& dir : dirs) out.push_back(read_case_dir(dir));
    return out;
}

// The accuracy floors, in tests/labelled/floors.txt: one line per case and
// kind of set ("tune" or "unseen"), "case kind overall criterion [statements]";
// "-" for a floor not set yet (the figures are then printed, not checked).
struct FloorLine {
    std::optional<double> overall, criterion;
    int at_least = 0;  // statements the case's sets of this kind must hold
};
using Floors = std::map<std::pair<std::string, std::string>, FloorLine>;  // (case, kind) -> floors

inline Floors read_floors(const std::string& path = labelled_root() + "/floors.txt") {
    Floors out;
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot be read");
    std::string line;
    int n = 0;
    auto number = [&](const std::string& w) -> std::optional<double> {
        if (w == "-") return std::nullopt;
        try {
            std::size_t used = 0;
            double d = std::stod(w, &used);
            if (used == w.size() && d >= 0 && d <= 1) return d;
        } catch (...) {
        }
        throw std::runtime_error(path + ":" + std::to_string(n) + ": \"" + w + "\" is not a floor between 0 and 1 or \"-\"");
    };
    while (std::getline(in, line)) {
        ++n;
        if (auto h = line.find('#'); h != std::string::npos) line.erase(h);
        std::istringstream words(line);
        std::string id, kind, overall, criterion, at_least;
        if (!(words >> id)) continue;
        if (!(words >> kind >> overall >> criterion) || (kind != "tune" && kind != "unseen"))
            throw std::runtime_error(path + ":" + std::to_string(n) +
                                     ": expected \"case tune|unseen overall criterion [statements]\"");
        FloorLine f;
        f.overall = number(overall);
        f.criterion = number(criterion);
        if (words >> at_least) f.at_least = std::atoi(at_least.c_str());
        out[{id, kind}] = f;
    }
    return out;
}

// Agreement and Cohen's kappa of the assessor with the labels.
struct Tally {
    int both_met = 0, both_not = 0, only_label = 0, only_assessor = 0;
    int n() const { return both_met + both_not + only_label + only_assessor; }
    int agreed() const { return both_met + both_not; }
    double agreement() const { return n() ? double(agreed()) / n() : 0; }
    double kappa() const {
        double total = n();
        if (!total) return 0;
        double po = agreement();
        double label_yes = (both_met + only_label) / total, assessor_yes = (both_met + only_assessor) / total;
        double pe = label_yes * assessor_yes + (1 - label_yes) * (1 - assessor_yes);
        return pe >= 1 ? 1 : (po - pe) / (1 - pe);
    }
    void add(bool label, bool met) {
        if (label && met) ++both_met;
        else if (!label && !met) ++both_not;
        else if (label) ++only_label;
        else ++only_assessor;
    }
    Tally& operator+=(const Tally& o) {
        both_met += o.both_met;
        both_not += o.both_not;
        only_label += o.only_label;
        only_assessor += o.only_assessor;
        return *this;
    }
};

// One disagreement (only ever collected for sets that are not unseen).
struct Miss {
    std::string set, id, criterion, text, evidence;
    bool label = false;
};

// Scores one Words and Pictures set against the case's child and age.
inline std::map<std::string, Tally> score_wp_set(const LabelledSet& set, const PreparedCase& c, const Guidance& g) {
    std::map<std::string, Tally> out;
    for (auto& l : set.items)
        for (auto& v : assess_words_and_pictures(l.text, c, g)) {
            auto it = l.labels.find(v.criterion);
            if (it != l.labels.end()) out[v.criterion].add(it->second, v.met);
        }
    return out;
}

// Scores one set: per-criterion tallies; misses appended when wanted and allowed.
inline std::map<std::string, Tally> score_set(const LabelledSet& set, const PreparedCase& c, const Guidance& g,
                                              std::vector<Miss>* misses = nullptr) {
    std::map<std::string, Tally> out;
    for (auto& l : set.items) {
        auto vs = set.goals ? assess_safety_goal(l.text, c, g) : assess_danger_statement(l.text, c, g);
        for (auto& v : vs) {
            auto it = l.labels.find(v.criterion);
            if (it == l.labels.end()) continue;
            out[v.criterion].add(it->second, v.met);
            if (misses && !set.unseen && it->second != v.met)
                misses->push_back({set.name, l.id, v.criterion, l.text, v.evidence_words, it->second});
        }
    }
    return out;
}

}  // namespace sofs::testing
