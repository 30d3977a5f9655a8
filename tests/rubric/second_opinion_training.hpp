// Training the second opinion (assessment/rubric/second_opinion.hpp) from the
// hand-labelled tuning sets: shared by the trainer (tests/bench/
// train_second_opinion.cpp) and its tests (test_second_opinion.cpp).
//
// Per criterion: logistic regression with L2, five epochs of SGD in an order
// fixed by the seed; the threshold at which it may overturn the rules is
// chosen by inner folds over the training cases only (each fold's cases
// held out in turn). Deterministic: the same sets give the same file.
#pragma once

#include "labelled.hpp"
#include "rubric/second_opinion.hpp"

#include <cmath>
#include <cstdint>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace sofs::testing {

// The names of the features the model reads for a text in a bundled case (by
// the rules' reading, without the second opinion): its words, pairs and
// lexicon sections, or how it relates to the case's danger (`case_relative`).
// For tests that pin down what the model is given.
inline std::set<std::string> feature_names(const std::string& case_id, const std::string& text, bool case_relative) {
    auto g = rules_guidance();
    auto s = bundled_case(case_id);
    if (!g || !s) throw std::runtime_error("no guidance or no bundled case " + case_id);
    auto prepared = prepare_case(*s, *g);
    rubric::Text t = rubric::tokenise(text, g->data->words);
    rubric::Reading r(t, *g->data, *prepared);
    rubric::FeatureMaker maker(*g->data);
    std::unordered_map<std::uint32_t, std::string> names;
    std::set<std::string> out;
    for (auto& f : case_relative ? maker.case_relative(r, &names) : maker.text(r, &names)) out.insert(names.at(f.hash));
    return out;
}

// A trial (train_second_opinion --case-trial CRIT): criteria that read the
// case-relative features in training though the assessor does not give them yet.
inline std::set<std::string>& case_trial() {
    static std::set<std::string> s;
    return s;
}

// One statement, read once: its features for every criterion of its kind.
struct Example {
    std::string case_id, set;
    std::vector<rubric::Feature> text;  // words, word pairs, lexicons
    std::vector<rubric::Feature> case_relative;  // for the criteria FeatureMaker::reads_case() names, of their kind
    std::vector<Verdict> rules;         // the rules' verdicts
    std::map<std::string, bool> labels;
};

struct TrainingData {
    std::vector<Example> examples;
    std::unordered_map<std::uint32_t, std::string> names;  // feature hash -> name
    std::uint64_t fingerprint = 0;                           // of everything the model is trained on
};

// The criteria the second opinion may overturn (content/models/second-opinion-criteria.txt).
// Never DS-PLAIN, SG-PLAIN or DS-NON-BLAMING: their checks are what the live
// writing hints show, and a hint must never contradict its check.
inline std::string criteria_file() { return std::string(SOFS_CONTENT_DIR) + "/models/second-opinion-criteria.txt"; }
inline std::string weights_path() { return std::string(SOFS_CONTENT_DIR) + "/models/second-opinion.txt"; }
inline bool hint_bound(const std::string& crit) {
    return crit == "DS-PLAIN" || crit == "SG-PLAIN" || crit == "DS-NON-BLAMING";
}

// FNV-1a, 64 bits, for the fingerprint.
inline void fp_add(std::uint64_t& h, std::string_view s) {
    for (unsigned char ch : s) {
        h ^= ch;
        h *= 1099511628211ull;
    }
    h ^= 0xff;  // a separator no text holds
    h *= 1099511628211ull;
}
inline std::string fp_hex(std::uint64_t h) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx", (unsigned long long)h);
    return buf;
}

// Every tuning statement (never unseen-*, never Words and Pictures) of the
// cases given, read once. The fingerprint covers the criteria list, every
// statement's case, set, text, labels, the rules' verdicts and the features
// (so a changed rule, label, lexicon or reading makes the weights stale).
inline TrainingData read_training(const std::vector<LabelledCase>& cases, const Guidance& g,
                                  const std::vector<std::string>& criteria) {
    TrainingData td;
    std::uint64_t fp = 14695981039346656037ull;
    for (auto& c : criteria) fp_add(fp, c);
    rubric::FeatureMaker maker(*g.data);
    // whether a listed criterion of each kind reads the case-relative features
    bool case_goals = false, case_statements = false;
    for (auto& c : criteria)
        if (rubric::FeatureMaker::reads_case(c) || case_trial().count(c)) (c.rfind("SG-", 0) == 0 ? case_goals : case_statements) = true;
    for (auto& c : cases) {
        if (!c.scenario) continue;
        auto prepared = prepare_case(*c.scenario, g);
        for (auto& set : c.sets) {
            if (set.unseen || set.name.rfind("unseen-", 0) == 0) continue;
            for (auto& l : set.items) {
                rubric::Text t = rubric::tokenise(l.text, g.data->words);
                rubric::Reading r(t, *g.data, *prepared);
                rubric::Wording w{*g.data, *prepared};
                Example e;
                e.case_id = c.id;
                e.set = set.name;
                e.rules = rubric::rules_verdicts(r, w, set.goals ? rubric::TextKind::SafetyGoal : rubric::TextKind::DangerStatement);
                e.text = maker.text(r, &td.names);
                if (set.goals ? case_goals : case_statements) e.case_relative = maker.case_relative(r, &td.names);
                e.labels = l.labels;
                fp_add(fp, c.id);
                fp_add(fp, set.name);
                fp_add(fp, l.text);
                for (auto& [k, v] : e.labels) fp_add(fp, k + (v ? "=1" : "=0"));
                for (auto& v : e.rules) fp_add(fp, v.criterion + (v.met ? "=1" : "=0"));
                std::string hs;
                for (auto& f : e.text) hs += std::to_string(f.hash) + ",";
                for (auto& f : e.case_relative) hs += std::to_string(f.hash) + ":" + std::to_string(f.value) + ",";
                fp_add(fp, hs);
                td.examples.push_back(std::move(e));
            }
        }
    }
    td.fingerprint = fp;
    return td;
}

struct Row {
    std::vector<std::pair<std::uint32_t, float>> x;
    bool rule = false, label = false;
    const Example* from = nullptr;
};

inline std::vector<Row> rows_for(const TrainingData& td, const std::string& crit,
                                 std::unordered_map<std::uint32_t, std::string>* names = nullptr) {
    std::vector<Row> out;
    for (auto& e : td.examples) {
        auto lab = e.labels.find(crit);
        auto rule = std::find_if(e.rules.begin(), e.rules.end(), [&](auto& v) { return v.criterion == crit; });
        if (lab == e.labels.end() || rule == e.rules.end()) continue;
        std::vector<rubric::Feature> f = e.text;
        rubric::FeatureMaker::add_rules(f, e.rules, crit, names);
        if (rubric::FeatureMaker::reads_case(crit) || case_trial().count(crit)) f.insert(f.end(), e.case_relative.begin(), e.case_relative.end());
        Row row;
        for (auto& x : f) row.x.push_back({x.hash, x.value});
        row.rule = rule->met;
        row.label = lab->second;
        row.from = &e;
        out.push_back(std::move(row));
    }
    return out;
}

struct TrainOptions {
    int epochs = 5;
    double rate = 0.1, l2 = 1e-4, decay = 1e-4;
    std::uint32_t seed = 8;
    int inner_folds = 4;
    double prune = 0.02;  // weights smaller than this are not kept
    // Trials of the twelfth round, not kept (assessment/CRITERIA.md, "The second
    // opinion"; train_second_opinion --bags N, --median-threshold): off by default.
    int bags = 1;                   // models averaged (their weights), each trained in its own order
    bool median_threshold = false;  // the median of each inner fold's best threshold, not the pooled best
};

// A criterion's own options: DS-CAREGIVER-BEHAVIOUR's model is regularised less
// (L2 3e-5, thirteenth round: held out it overturned more of the rules' mistakes,
// assessment/CRITERIA.md, "The second opinion").
// The labelled sets of one case (empty when it has none), for training on that case alone.
inline std::vector<LabelledCase> labelled_case(const std::string& id) {
    std::vector<LabelledCase> one;
    for (auto& c : labelled_cases())
        if (c.id == id) one.push_back(c);
    return one;
}

// Whether a training row carries a case-relative topic feature ("C:TOPIC=0" ... "C:TOPIC=3+").
inline bool has_case_topic(const Row& row) {
    static const std::uint32_t topic[] = {rubric::FeatureMaker::hash("C:TOPIC=0"), rubric::FeatureMaker::hash("C:TOPIC=1"),
                                          rubric::FeatureMaker::hash("C:TOPIC=2"), rubric::FeatureMaker::hash("C:TOPIC=3+")};
    for (auto& [h, v] : row.x)
        for (auto t : topic)
            if (h == t) return true;
    return false;
}

// How many case-relative features (" C:") the committed weights file weighs for one criterion.
inline int case_feature_weights(const std::string& crit) {
    std::ifstream f(weights_path());
    std::string line;
    bool in = false;
    int weighed = 0;
    while (std::getline(f, line)) {
        if (!line.empty() && line[0] == '[') in = line == "[" + crit + "]";
        else if (in && line.find(" C:") != std::string::npos) ++weighed;
    }
    return weighed;
}

inline TrainOptions options_for(const std::string& crit, TrainOptions o) {
    if (crit == "DS-CAREGIVER-BEHAVIOUR") o.l2 = 3e-5;
    return o;
}

using Weights = std::unordered_map<std::uint32_t, double>;

inline double sigmoid(double z) { return 1 / (1 + std::exp(-std::clamp(z, -30.0, 30.0))); }

inline double predict(const Weights& w, const Row& r) {
    double z = 0;
    for (auto& [h, v] : r.x)
        if (auto it = w.find(h); it != w.end()) z += it->second * v;
    return sigmoid(z);
}

inline Weights train(const std::vector<const Row*>& rows, const TrainOptions& o) {
    Weights w;
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 rng(o.seed);
    long step = 0;
    for (int ep = 0; ep < o.epochs; ++ep) {
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);  // Fisher-Yates
        for (std::size_t i : order) {
            const Row& r = *rows[i];
            double g = predict(w, r) - (r.label ? 1 : 0);
            double lr = o.rate / (1 + o.decay * step++);
            for (auto& [h, v] : r.x) {
                double& wf = w[h];
                wf -= lr * (g * v + o.l2 * wf);
            }
        }
    }
    return w;
}

// The average of `o.bags` models' weights, each trained in its own order
// (seeds o.seed, o.seed + 1, ...): one linear model, steadier than any one.
inline Weights train_bagged(const std::vector<const Row*>& rows, const TrainOptions& o) {
    if (o.bags <= 1) return train(rows, o);
    Weights sum;
    for (int b = 0; b < o.bags; ++b) {
        TrainOptions ob = o;
        ob.seed = o.seed + std::uint32_t(b);
        for (auto& [h, v] : train(rows, ob)) sum[h] += v / o.bags;
    }
    return sum;
}

// The rounded, pruned weights, as the file keeps them.
inline Weights kept(const Weights& w, const TrainOptions& o) {
    Weights out;
    for (auto& [h, v] : w) {
        double r = std::round(v * 10000) / 10000;
        if (std::fabs(r) >= o.prune) out[h] = r;
    }
    return out;
}

inline const std::vector<double>& thresholds() {
    static const std::vector<double> t = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01};
    return t;
}

// The threshold that agrees best on out-of-fold probabilities (ties: the higher, overturning less).
inline double choose_threshold(const std::vector<std::tuple<bool, double, bool>>& rpl) {
    double best_t = 1.01;
    int best = -1;
    for (double t : thresholds()) {
        int ok = 0;
        for (auto& [r, p, l] : rpl) ok += rubric::SecondOpinion::combine(r, p, t) == l;
        if (ok > best || (ok == best && t > best_t)) best = ok, best_t = t;
    }
    return best_t;
}

struct CriterionModel {
    Weights weights;  // kept (rounded, pruned)
    double threshold = 1.01;
};

// Trains one criterion's model on `rows`; its threshold from inner folds over their cases.
inline CriterionModel fit(const std::vector<const Row*>& rows, const TrainOptions& o) {
    std::set<std::string> cases;
    for (auto* r : rows) cases.insert(r->from->case_id);
    std::vector<std::string> cs(cases.begin(), cases.end());
    int folds = std::min<int>(o.inner_folds, (int)cs.size());
    std::vector<std::tuple<bool, double, bool>> oof;
    std::vector<double> fold_best;
    for (int f = 0; f < folds && folds > 1; ++f) {
        std::set<std::string> out;
        for (std::size_t i = f; i < cs.size(); i += folds) out.insert(cs[i]);
        std::vector<const Row*> tr, te;
        for (auto* r : rows) (out.count(r->from->case_id) ? te : tr).push_back(r);
        Weights w = kept(train_bagged(tr, o), o);
        std::vector<std::tuple<bool, double, bool>> mine;
        for (auto* r : te) mine.push_back({r->rule, predict(w, *r), r->label});
        fold_best.push_back(choose_threshold(mine));
        oof.insert(oof.end(), mine.begin(), mine.end());
    }
    CriterionModel m;
    m.threshold = oof.empty() ? 1.01 : choose_threshold(oof);
    if (o.median_threshold && !fold_best.empty()) {
        std::sort(fold_best.begin(), fold_best.end());
        std::size_t n = fold_best.size();
        double med = n % 2 ? fold_best[n / 2] : (fold_best[n / 2 - 1] + fold_best[n / 2]) / 2;
        // the nearest threshold on the grid at or above the median
        for (double t : thresholds())
            if (t >= med - 1e-9) { m.threshold = t; break; }
    }
    m.weights = kept(train_bagged(rows, o), o);
    return m;
}

// The weights file (content/models/README.md): criteria in order, features sorted by name.
inline std::string weights_file(const std::map<std::string, CriterionModel>& models,
                                const std::unordered_map<std::uint32_t, std::string>& names, const std::string& header,
                                std::uint64_t fingerprint) {
    std::ostringstream out;
    out << header << "fingerprint " << fp_hex(fingerprint) << "\n";
    for (auto& [crit, m] : models) {
        if (m.threshold > 1.0 || hint_bound(crit)) continue;  // never overturns: not kept
        out << "\n[" << crit << "]\n";
        char buf[64];
        std::snprintf(buf, sizeof buf, "threshold %.2f\n", m.threshold);
        out << buf;
        std::vector<std::pair<std::string, double>> ws;
        for (auto& [h, v] : m.weights) ws.push_back({names.at(h), v});
        std::sort(ws.begin(), ws.end());
        for (auto& [name, v] : ws) {
            std::snprintf(buf, sizeof buf, "%.4f ", v);
            out << buf << name << "\n";
        }
    }
    return out.str();
}

}  // namespace sofs::testing
