// Shared by the rubric tests and the accuracy benchmark: the guidance from
// content/ and the reference case, loaded once.
#pragma once

#include "load/loader.hpp"
#include "rubric/assess.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace sofs::testing {

inline std::shared_ptr<const Guidance> guidance() {
    static std::shared_ptr<const Guidance> g = [] {
        std::string err;
        auto out = Guidance::load(SOFS_CONTENT_DIR, &err);
        if (!out) std::fprintf(stderr, "guidance did not load:\n%s\n", err.c_str());
        return out;
    }();
    return g;
}

// The guidance without the learned second opinion (content/models): the rules
// alone, for tests that pin down what a rule does (assessment/CRITERIA.md).
inline std::shared_ptr<const Guidance> rules_guidance() {
    static std::shared_ptr<const Guidance> g = [] {
        std::string err;
        auto out = Guidance::load(SOFS_CONTENT_DIR, &err, /*second_opinion=*/false);
        if (!out) std::fprintf(stderr, "guidance did not load:\n%s\n", err.c_str());
        return out;
    }();
    return g;
}

inline std::shared_ptr<const Scenario> reference_case() {
    static std::shared_ptr<const Scenario> s = [] {
        auto r = load_scenario_file(std::string(SOFS_SOURCE_DIR) + "/scenarios/reference-case.yaml");
        if (!r.scenario || r.diagnostics.has_errors()) {
            for (auto& d : r.diagnostics.items) std::fprintf(stderr, "%s\n", d.format().c_str());
        }
        return r.scenario;
    }();
    return s;
}

// The ids of every bundled case (scenarios/*.yaml), sorted.
inline std::vector<std::string> bundled_case_ids() {
    std::vector<std::string> ids;
    for (const auto& e : std::filesystem::directory_iterator(std::string(SOFS_SOURCE_DIR) + "/scenarios"))
        if (e.path().extension() == ".yaml") ids.push_back(e.path().stem().string());
    std::sort(ids.begin(), ids.end());
    return ids;
}

// A bundled case by its id, loaded from scenarios/ (null when it does not load).
inline std::shared_ptr<const Scenario> bundled_case(const std::string& id) {
    return load_scenario_file(std::string(SOFS_SOURCE_DIR) + "/scenarios/" + id + ".yaml").scenario;
}

// Every capitalised word of every person's name and aliases in the bundled
// cases ("Gwŷn", "Hughes", "PC"), as written: the words that name someone.
inline std::set<std::string> bundled_name_words() {
    std::set<std::string> words;
    const std::regex word("[A-Z][\\w\\x80-\\xff']+");
    for (const auto& id : bundled_case_ids()) {
        auto s = bundled_case(id);
        if (!s) continue;
        for (const auto& p : s->people) {
            std::vector<std::string> forms = p.aliases;
            forms.push_back(p.name);
            for (const auto& f : forms)
                for (auto it = std::sregex_iterator(f.begin(), f.end(), word); it != std::sregex_iterator(); ++it)
                    words.insert(it->str());
        }
    }
    return words;
}

inline const Verdict* find(const std::vector<Verdict>& vs, const std::string& id) {
    for (auto& v : vs)
        if (v.criterion == id) return &v;
    return nullptr;
}

}  // namespace sofs::testing
