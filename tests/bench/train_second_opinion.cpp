// Trains the second opinion (assessment/CRITERIA.md, "The second opinion")
// from the tuning sets in tests/labelled (never unseen-* sets) and writes its
// weights file, deterministically: the same sets give the same file.
//   train_second_opinion                 writes content/models/second-opinion.txt
//   train_second_opinion --out FILE      writes FILE instead
//   train_second_opinion --measure       writes nothing; measures on text the model did
//                                        not train on: (a) leave-one-case-out, (b) trained
//                                        on every set but round7-*, tested on round7-*
//                                        (rules alone vs combined, flips and right flips)
#include "../rubric/second_opinion_training.hpp"

#include <cstring>
#include <fstream>
#include <iostream>

using namespace sofs::testing;

namespace {

struct Figures {
    int n = 0, rules = 0, combined = 0, flips = 0, right = 0;
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
    bool overturns = !hint_bound(crit) && m.threshold <= 1.0;
    for (auto* r : te) {
        bool comb = overturns ? sofs::rubric::SecondOpinion::combine(r->rule, predict(m.weights, *r), m.threshold) : r->rule;
        f.add(r->rule, comb, r->label);
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::string out = std::string(SOFS_SOURCE_DIR) + "/content/models/second-opinion.txt";
    bool measure = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--out") && i + 1 < argc) out = argv[++i];
        else if (!std::strcmp(argv[i], "--measure")) measure = true;
        else {
            std::fprintf(stderr, "usage: train_second_opinion [--out FILE] [--measure]\n");
            return 2;
        }
    }
    auto g = guidance();
    if (!g) return 1;
    TrainingData td;
    try {
        td = read_training(labelled_cases(), *g);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "train_second_opinion: %s\n", e.what());
        return 1;
    }
    TrainOptions o;
    auto crits = criteria_of(td);
    if (measure) {
        std::map<std::string, Figures> a, b;
        std::set<std::string> cases;
        for (auto& e : td.examples) cases.insert(e.case_id);
        for (auto& crit : crits) {
            auto rows = rows_for(td, crit);
            for (auto& c : cases) held_out(rows, crit, [&](const Row& r) { return r.from->case_id != c; }, o, a[crit]);
            held_out(rows, crit, [](const Row& r) { return r.from->set.rfind("round7-", 0) != 0; }, o, b[crit]);
        }
        print("(a) leave-one-case-out (13 folds)", a);
        print("(b) trained on every set but round7-*, tested on round7-*", b);
        return 0;
    }
    std::map<std::string, CriterionModel> models;
    std::size_t kept_weights = 0;
    for (auto& crit : crits) {
        if (hint_bound(crit)) continue;
        auto rows = rows_for(td, crit, &td.names);
        std::vector<const Row*> all;
        for (auto& r : rows) all.push_back(&r);
        models[crit] = fit(all, o);
        std::printf("  %-24s threshold %.2f  %zu weights%s\n", crit.c_str(), models[crit].threshold, models[crit].weights.size(),
                    models[crit].threshold > 1.0 ? " (never overturns: not kept)" : "");
        if (models[crit].threshold <= 1.0) kept_weights += models[crit].weights.size();
    }
    std::string header =
        "# The second opinion's weights (assessment/CRITERIA.md, \"The second opinion\"; format in\n"
        "# content/models/README.md). Written by tests/bench/train_second_opinion from every tuning\n"
        "# set in tests/labelled (never unseen-*); do not edit by hand, train again.\n";
    std::string text = weights_file(models, td.names, header);
    std::ofstream f(out);
    if (!(f << text)) {
        std::fprintf(stderr, "train_second_opinion: %s: cannot be written\n", out.c_str());
        return 1;
    }
    std::printf("train_second_opinion: %zu statements, %zu weights kept, written to %s\n", td.examples.size(), kept_weights,
                out.c_str());
    return 0;
}
