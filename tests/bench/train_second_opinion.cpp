// Trains the second opinion (assessment/CRITERIA.md, "The second opinion")
// from the tuning sets in tests/labelled (never unseen-* sets) and writes its
// weights file, deterministically: the same sets give the same file.
//   train_second_opinion                 writes content/models/second-opinion.txt
//   train_second_opinion --out FILE      writes FILE instead
//   train_second_opinion --measure       (add --all for every criterion, not only the listed ones)
//                                        writes nothing; measures on text the model did
//                                        not train on: (a) leave-one-case-out, (b) trained
//                                        on every set but the newest writers'
//                                        (round11-*), tested on them
//                                        (rules alone vs combined, flips and right flips,
//                                        and the threshold each fold's model chose: how
//                                        steady the threshold choice is)
//   --bags N, --median-threshold         trials (assessment/CRITERIA.md, "The second opinion",
//                                        twelfth round; not kept): average N models' weights,
//                                        each trained in its own order; take each criterion's
//                                        threshold as the median of the inner folds' best
//   --only CRIT, --l2 CRIT=V,            trials (thirteenth round): measure only CRIT (repeatable);
//   --case-trial CRIT                    give CRIT its own L2; give CRIT the case-relative
//                                        features in training (the assessor gives them only
//                                        to the criteria FeatureMaker::reads_case names)
#include "../rubric/second_opinion_training.hpp"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>

using namespace sofs::testing;

namespace {
// The newest blind writers' sets among the tuning sets: the twelfth round's,
// renamed from unseen-<writer>-* when the thirteenth round began.
constexpr const char* newest_writers = "round11-";

struct Figures {
    int n = 0, rules = 0, combined = 0, flips = 0, right = 0;
    std::map<double, int> thresholds;  // the threshold each fold's model chose, and how many folds chose it
    void add(bool rule, bool comb, bool label) {
        ++n;
        rules += rule == label;
        combined += comb == label;
        flips += rule != comb;
        right += rule != comb && comb == label;
    }
};

std::vector<std::string> criteria_of(const TrainingData& td) {
    std::set<std::string> s;
    for (auto& e : td.examples)
        for (auto& v : e.rules)
            if (e.labels.count(v.criterion)) s.insert(v.criterion);
    return {s.begin(), s.end()};
}

void print(const char* title, const std::map<std::string, Figures>& figs) {
    std::printf("%s\n  %-24s %6s %8s %9s %7s %6s %6s\n", title, "criterion", "n", "rules", "combined", "delta", "flips", "right");
    Figures all;
    auto line = [](const std::string& name, const Figures& f) {
        std::printf("  %-24s %6d %8.3f %9.3f %+7.3f %6d %6d\n", name.c_str(), f.n, double(f.rules) / f.n, double(f.combined) / f.n,
                    double(f.combined - f.rules) / f.n, f.flips, f.right);
    };
    for (auto& [crit, f] : figs) {
        line(crit, f);
        if (f.thresholds.size() > 0) {
            std::printf("  %-24s thresholds over folds:", "");
            for (auto& [t, k] : f.thresholds) std::printf(" %.2f x%d", t, k);
            std::printf("\n");
        }
        all.n += f.n, all.rules += f.rules, all.combined += f.combined, all.flips += f.flips, all.right += f.right;
    }
    line("overall", all);
    std::printf("\n");
}

// Trains on the rows `train_on` accepts and scores the others.
template <class Pred>
void held_out(const std::vector<Row>& rows, const std::string& crit, Pred train_on, const TrainOptions& o, Figures& f) {
    std::vector<const Row*> tr, te;
    for (auto& r : rows) (train_on(r) ? tr : te).push_back(&r);
    CriterionModel m = fit(tr, o);
    ++f.thresholds[m.threshold];
    bool overturns = !hint_bound(crit) && m.threshold <= 1.0;  // as weights_file keeps it
    for (auto* r : te) {
        bool comb = overturns ? sofs::rubric::SecondOpinion::combine(r->rule, predict(m.weights, *r), m.threshold) : r->rule;
        f.add(r->rule, comb, r->label);
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::string out = weights_path();
    bool measure = false, all = false, median = false;
    int bags = TrainOptions{}.bags;
    std::set<std::string> only;          // --only CRIT: measure only these (trials)
    std::map<std::string, double> l2_by;  // --l2 CRIT=V: a criterion's own L2 (trials)
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--out") && i + 1 < argc) out = argv[++i];
        else if (!std::strcmp(argv[i], "--measure")) measure = true;
        else if (!std::strcmp(argv[i], "--all")) all = true;
        else if (!std::strcmp(argv[i], "--bags") && i + 1 < argc && std::atoi(argv[i + 1]) >= 1) bags = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--median-threshold")) median = true;
        else if (!std::strcmp(argv[i], "--only") && i + 1 < argc) only.insert(argv[++i]);
        else if (!std::strcmp(argv[i], "--case-trial") && i + 1 < argc) case_trial().insert(argv[++i]);
        else if (!std::strcmp(argv[i], "--l2") && i + 1 < argc && std::strchr(argv[i + 1], '=')) {
            std::string a = argv[++i];
            l2_by[a.substr(0, a.find('='))] = std::atof(a.c_str() + a.find('=') + 1);
        }
        else {
            std::fprintf(stderr, "usage: train_second_opinion [--out FILE] [--measure [--all] [--only CRIT]] [--bags N] [--median-threshold]\n"
                         "       [--l2 CRIT=V] [--case-trial CRIT]\n");
            return 2;
        }
    }
    auto start = std::chrono::steady_clock::now();
    auto g = guidance();
    if (!g) return 1;
    std::string bad;
    auto listed = sofs::rubric::SecondOpinion::read_criteria(criteria_file(), &bad);
    if (!bad.empty()) {
        std::fprintf(stderr, "train_second_opinion: %s\n", bad.c_str());
        return 1;
    }
    TrainingData td;
    try {
        td = read_training(labelled_cases(), *g, listed);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "train_second_opinion: %s\n", e.what());
        return 1;
    }
    TrainOptions o0;
    o0.bags = bags;
    o0.median_threshold = median;
    std::vector<std::string> crits;
    for (auto& c : criteria_of(td))
        if (!hint_bound(c) && (only.empty() || !measure || only.count(c)) && (all || std::find(listed.begin(), listed.end(), c) != listed.end())) crits.push_back(c);
    if (measure) {
        std::map<std::string, Figures> a, b;
        std::set<std::string> cases;
        for (auto& e : td.examples) cases.insert(e.case_id);
        for (auto& crit : crits) {
            auto rows = rows_for(td, crit);
            TrainOptions o = options_for(crit, o0);
            if (l2_by.count(crit)) o.l2 = l2_by[crit];
            for (auto& c : cases) held_out(rows, crit, [&](const Row& r) { return r.from->case_id != c; }, o, a[crit]);
            held_out(rows, crit, [](const Row& r) { return r.from->set.rfind(newest_writers, 0) != 0; }, o, b[crit]);
        }
        std::string ta = "(a) leave-one-case-out (" + std::to_string(cases.size()) + " folds)";
        print(ta.c_str(), a);
        std::string tb = std::string("(b) trained on every set but ") + newest_writers + "*, tested on " + newest_writers + "*";
        print(tb.c_str(), b);
        std::printf("(overall here is over the criteria above only)\n");
        return 0;
    }
    std::map<std::string, CriterionModel> models;
    std::size_t kept_weights = 0;
    for (auto& crit : crits) {
        auto rows = rows_for(td, crit, &td.names);
        std::vector<const Row*> rs;
        for (auto& r : rows) rs.push_back(&r);
        TrainOptions o = options_for(crit, o0);
        if (l2_by.count(crit)) o.l2 = l2_by[crit];
        models[crit] = fit(rs, o);
        std::printf("  %-24s threshold %.2f  %zu weights%s\n", crit.c_str(), models[crit].threshold, models[crit].weights.size(),
                    models[crit].threshold > 1.0 ? " (never overturns: not kept)" : "");
        if (models[crit].threshold <= 1.0) kept_weights += models[crit].weights.size();
    }
    std::string header =
        "# The second opinion's weights (assessment/CRITERIA.md, \"The second opinion\"; format in\n"
        "# content/models/README.md). Written by tests/bench/train_second_opinion from every tuning\n"
        "# set in tests/labelled (never unseen-*) for the criteria in second-opinion-criteria.txt;\n"
        "# do not edit by hand: train again (cmake --build build --target train_second_opinion &&\n"
        "# build/tests/bench/train_second_opinion).\n";
    std::string text = weights_file(models, td.names, header, td.fingerprint);
    std::ofstream f(out, std::ios::binary);
    if (!(f << text)) {
        std::fprintf(stderr, "train_second_opinion: %s: cannot be written\n", out.c_str());
        return 1;
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("train_second_opinion: %zu statements, %zu weights kept, fingerprint %s, written to %s in %.1f s\n",
                td.examples.size(), kept_weights, fp_hex(td.fingerprint).c_str(), out.c_str(), secs);
    return 0;
}
