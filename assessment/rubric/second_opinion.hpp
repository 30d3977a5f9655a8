// The second opinion (assessment/CRITERIA.md, "The second opinion"): beside
// the rules, a small learned model per criterion (logistic regression on the
// rules' verdict on that criterion, the text's words and word pairs with the case's people as
// role tokens, and the lexicon files its words belong to; for
// SG-ADDRESSES-DANGER and DS-CAREGIVER-BEHAVIOUR also how the text relates to this case's danger) may overturn a
// rules' verdict when it is confident against it. Only the criteria listed in
// content/models/second-opinion-criteria.txt have a model. Its weights are a
// text file (content/models/second-opinion.txt, format in
// content/models/README.md), written by tests/bench/train_second_opinion from
// the tuning sets. With no weights loaded, every verdict is the rules' alone.
#pragma once

#include "rubric/criteria/criteria.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
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
    static constexpr std::uint32_t kStart = 2166136261u;
    // FNV-1a, 32 bits; `more` goes on from a hash already made (hash(a+b) == more(hash(a), b)).
    static std::uint32_t more(std::uint32_t h, std::string_view s) {
        for (unsigned char ch : s) {
            h ^= ch;
            h *= 16777619u;
        }
        return h;
    }
    static std::uint32_t hash(std::string_view s) { return more(kStart, s); }
    // Words ("U:word"), word pairs ("B:a b", "|" between sentences), lexicon
    // files and sections ("L:file", "L:file:section") and "BIAS", each once.
    // `names`, when given, gets each feature's name by its hash (for the trainer).
    std::vector<Feature> text(const Reading& r, std::unordered_map<std::uint32_t, std::string>* names = nullptr) const;
    // The rules' verdict on criterion `crit` ("RULE_SELF": +1 met, -1 not);
    // the other criteria's verdicts are not features.
    static void add_rules(std::vector<Feature>& f, const std::vector<Verdict>& rules, const std::string& crit,
                          std::unordered_map<std::uint32_t, std::string>* names = nullptr);

    // Case-relative features (assessment/CRITERIA.md, "The second opinion"):
    // how the text relates to THIS case's danger, as the rules read it: how
    // many of its words are the experts' words for the danger ("C:TOPIC=0" ..
    // "C:TOPIC=3+"), a `dangers` phrase of the case and its kind ("C:OWN",
    // "C:OWN:does"), a danger theme of this case or of another worry
    // ("C:THEME", "C:THEME_OTHER"), and whether a person named is one a
    // danger is about ("C:DANGER_CHILD", "C:OTHER_CHILD", "C:DANGER_ADULT").
    // Only criteria for which reads_case() holds get them.
    std::vector<Feature> case_relative(const Reading& r, std::unordered_map<std::uint32_t, std::string>* names = nullptr) const;
    // SG-ADDRESSES-DANGER (tenth round) and DS-CAREGIVER-BEHAVIOUR (thirteenth: whether the
    // adult named is one whose deeds are the danger, and the case's own "does" phrases).
    static bool reads_case(const std::string& crit) { return crit == "SG-ADDRESSES-DANGER" || crit == "DS-CAREGIVER-BEHAVIOUR"; }

private:
    friend class SecondOpinion;
    // Every feature in text order (repeats included); lexicon features only when `lexicons`.
    template <class Emit>
    void each(const Reading& r, bool named, Emit&& emit, bool lexicons = true) const;
    std::vector<std::vector<std::uint32_t>> lexicon_;               // word id -> lexicon features
    std::vector<bool> people_words_;                                // by word id: generic people words ("dad"), not names
    std::unordered_map<std::uint32_t, std::string> lexicon_names_;  // lexicon feature -> its name
};

// The rules' verdicts on a text of one kind, in the registry's order (no second opinion).
std::vector<Verdict> rules_verdicts(const Reading& r, const Wording& w, TextKind kind);

class SecondOpinion {
public:
    struct Model {
        double threshold = 1.01;  // p(met) >= threshold overturns "not met"; <= 1 - threshold overturns "met"
        std::vector<std::pair<std::uint32_t, float>> weights;  // by hash, as read (moved into the table once loaded)
    };
    // Reads a weights file, keeping only the criteria in `criteria` (all when
    // empty); null and "file:line: problem" in `error` when it is wrong.
    static std::shared_ptr<const SecondOpinion> load(const std::string& path, const Guidance::Data& d, std::string* error,
                                                     const std::vector<std::string>& criteria = {});
    static std::shared_ptr<const SecondOpinion> from_models(std::map<std::string, Model> models, const Guidance::Data& d);
    // The criteria list file (content/models/second-opinion-criteria.txt): one id a line, '#' comments.
    static std::vector<std::string> read_criteria(const std::string& path, std::string* error);

    // Overturns the rules' verdicts where the model is confident against them;
    // an overturned verdict's evidence is the words that weighed most.
    void apply(const Reading& r, const Wording& w, std::vector<Verdict>& verdicts) const;
    // For --explain: per modelled criterion, p(met), the threshold, the
    // decision and the features that weighed most, one line each.
    std::string explain(const Reading& r, const std::vector<Verdict>& rules) const;
    // The verdict the combination gives: the rules' unless p is past the threshold against them.
    static bool combine(bool rules, double p, double threshold) {
        if (rules && p <= 1 - threshold) return false;
        if (!rules && p >= threshold) return true;
        return rules;
    }

    const FeatureMaker& features() const { return maker_; }
    const std::map<std::string, Model>& models() const { return models_; }  // thresholds (weights live in the table)
    std::size_t weight_count() const { return count_; }
    const std::string& fingerprint() const { return fingerprint_; }
    std::size_t bytes() const;  // memory held by the weights

private:
    explicit SecondOpinion(const Guidance::Data& d) : maker_(d) {}
    void index();  // builds the fast tables from models_ (and frees their weight lists)
    double z_rules(std::size_t k, const std::vector<Verdict>& rules) const;
    int row(std::uint32_t h) const;  // the feature's row, or -1 when no model weighs it
    float weight(std::size_t k, std::uint32_t h) const {
        int i = row(h);
        return i < 0 ? 0.f : rows_[std::size_t(i) * ids_.size() + k];
    }
    double probability(std::size_t k, const std::vector<Feature>& f) const;
    FeatureMaker maker_;
    std::map<std::string, Model> models_;
    std::string fingerprint_;
    std::size_t count_ = 0;
    // Fast path: an open-addressed table, feature hash -> row of weights, one per model (in models_' order).
    std::vector<std::string> ids_;
    std::vector<std::uint32_t> keys_, slots_;  // slots_: row + 1, 0 empty; size a power of two
    std::vector<float> rows_;
    std::vector<std::vector<std::uint32_t>> lex_rows_;  // word id -> rows of its lexicon features that weigh
    // Per model: the weight of its own criterion's rule verdict (RULE_SELF).
    std::vector<float> rule_w_;
};

}  // namespace sofs::rubric
