// The second opinion (assessment/CRITERIA.md, "The second opinion"): beside
// the rules, a small learned model per criterion (logistic regression on the
// rules' verdicts, the text's words and word pairs with the case's people as
// role tokens, and the lexicon files its words belong to) may overturn a
// rules' verdict when it is confident against it. Its weights are a text file
// (content/models/second-opinion.txt, format in content/models/README.md),
// written by tests/bench/train_second_opinion from the tuning sets. With no
// weights loaded, every verdict is the rules' alone.
#pragma once

#include "rubric/criteria/criteria.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace sofs::rubric {

// One feature of a statement: its hash, value and, for a word or a word
// pair, the tokens it stands for (first = -1 otherwise).
struct Feature {
    std::uint32_t hash = 0;
    float value = 1;
    int first = -1, last = -1;
};

// Makes the features the model reads, the same for the trainer and the assessor.
class FeatureMaker {
public:
    explicit FeatureMaker(const Guidance::Data& d);
    static std::uint32_t hash(std::string_view s);  // FNV-1a, 32 bits
    // Words ("U:word"), word pairs ("B:a b", "|" between sentences), lexicon
    // files and sections ("L:file", "L:file:section") and "BIAS".
    // `names`, when given, gets each feature's name by its hash (for the trainer).
    std::vector<Feature> text(const Reading& r, std::unordered_map<std::uint32_t, std::string>* names = nullptr) const;
    // The rules' verdicts as criterion `crit` sees them: its own (+1 met, -1
    // not, "RULE_SELF") and the others' ("RULE:ID=1" or "=0").
    static void add_rules(std::vector<Feature>& f, const std::vector<Verdict>& rules, const std::string& crit,
                          std::unordered_map<std::uint32_t, std::string>* names = nullptr);

private:
    std::unordered_map<int, std::vector<std::uint32_t>> lexicon_;  // word id -> lexicon features
    std::unordered_set<int> people_words_;                          // generic people words ("dad"): not names
    std::unordered_map<std::uint32_t, std::string> lexicon_names_;  // lexicon feature -> its name
};

// The rules' verdicts on a text of one kind, in the registry's order (no second opinion).
std::vector<Verdict> rules_verdicts(const Reading& r, const Wording& w, TextKind kind);

class SecondOpinion {
public:
    struct Model {
        double threshold = 1.01;  // p(met) >= threshold overturns "not met"; <= 1 - threshold overturns "met"
        std::vector<std::pair<std::uint32_t, float>> weights;  // by hash, sorted
        float weight(std::uint32_t h) const;
    };
    // Reads a weights file; null and "file:line: problem" in `error` when it is wrong.
    static std::shared_ptr<const SecondOpinion> load(const std::string& path, const Guidance::Data& d, std::string* error);
    static std::shared_ptr<const SecondOpinion> from_models(std::map<std::string, Model> models, const Guidance::Data& d);

    // p(met) for criterion `crit` (its model must exist).
    double probability(const Model& m, const std::vector<Feature>& f) const;
    // Overturns the rules' verdicts where the model is confident against them;
    // an overturned verdict's evidence is the words that weighed most.
    void apply(const Reading& r, const Wording& w, std::vector<Verdict>& verdicts) const;
    // The verdict the combination gives: the rules' unless p is past the threshold against them.
    static bool combine(bool rules, double p, double threshold) {
        if (rules && p <= 1 - threshold) return false;
        if (!rules && p >= threshold) return true;
        return rules;
    }

    const FeatureMaker& features() const { return maker_; }
    const std::map<std::string, Model>& models() const { return models_; }
    std::size_t bytes() const;  // memory held by the weights

private:
    explicit SecondOpinion(const Guidance::Data& d) : maker_(d) {}
    FeatureMaker maker_;
    std::map<std::string, Model> models_;
};

}  // namespace sofs::rubric
