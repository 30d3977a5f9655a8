// The hand-labelled sets under tests/labelled/<scenario-id>/, scored case by
// case: each folder's sets are judged against that folder's scenario
// (scenarios/<scenario-id>.yaml). Shared by the accuracy floor
// (test_accuracy.cpp), the one-voice test and the benchmark (bench_assess).
//
// A set is a *.jsonl file; its kind is in its name ("danger" or "goal").
// Files whose name starts with "unseen-" are held out: they are scored only
// in aggregate, and no program prints their text or their misses.
#pragma once

#include "fixture.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
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

// Every case folder under tests/labelled/, in name order, sets in name order.
inline std::vector<LabelledCase> labelled_cases() {
    namespace fs = std::filesystem;
    std::vector<LabelledCase> out;
    std::string root = std::string(SOFS_TESTS_DIR) + "/labelled";
    std::vector<fs::path> dirs;
    for (auto& e : fs::directory_iterator(root))
        if (e.is_directory()) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    for (auto& dir : dirs) {
        LabelledCase c;
        c.id = dir.filename().string();
        c.scenario = scenario_by_id(c.id);
        std::vector<fs::path> files;
        for (auto& e : fs::directory_iterator(dir))
            if (e.path().extension() == ".jsonl") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (auto& f : files) {
            LabelledSet s;
            s.name = f.stem().string();
            s.goals = s.name.find("goal") != std::string::npos;
            s.unseen = s.name.rfind("unseen", 0) == 0;
            s.items = read_labelled(f.string());
            c.sets.push_back(std::move(s));
        }
        out.push_back(std::move(c));
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
