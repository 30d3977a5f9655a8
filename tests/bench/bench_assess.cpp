// Accuracy and speed of the assessor on the hand-labelled sets in
// tests/labelled/: per criterion, agreement with the practice lead's labels
// and Cohen's kappa; then statements judged per second on one core.
//   bench_assess            figures only
//   bench_assess --misses   also every disagreement, for reviewing the rules
#include "../rubric/fixture.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>

namespace {

struct Labelled {
    std::string id, text;
    std::map<std::string, bool> labels;
};

std::vector<Labelled> read_set(const std::string& path) {
    std::vector<Labelled> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line);
        Labelled l;
        l.id = j["id"];
        l.text = j["text"];
        for (auto& [k, v] : j["labels"].items()) l.labels[k] = v.get<bool>();
        out.push_back(std::move(l));
    }
    return out;
}

struct Tally {
    int both_met = 0, both_not = 0, only_label = 0, only_assessor = 0;
    int n() const { return both_met + both_not + only_label + only_assessor; }
    double agreement() const { return n() ? double(both_met + both_not) / n() : 0; }
    double kappa() const {
        double total = n();
        if (!total) return 0;
        double po = agreement();
        double label_yes = (both_met + only_label) / total, assessor_yes = (both_met + only_assessor) / total;
        double pe = label_yes * assessor_yes + (1 - label_yes) * (1 - assessor_yes);
        return pe >= 1 ? 1 : (po - pe) / (1 - pe);
    }
};

}  // namespace

int main(int argc, char** argv) {
    bool misses = argc > 1 && !std::strcmp(argv[1], "--misses");
    auto g = sofs::testing::guidance();
    auto s = sofs::testing::reference_case();
    if (!g || !s) {
        std::cerr << "bench_assess: the guidance or the reference case did not load\n";
        return 1;
    }
    auto prepared = sofs::prepare_case(*s, *g);
    std::string dir = std::string(SOFS_TESTS_DIR) + "/labelled/";
    auto ds = read_set(dir + "danger-statements.jsonl");
    auto sg = read_set(dir + "safety-goals.jsonl");

    // One table of per-criterion agreement and kappa for a pair of sets.
    auto table = [&](const char* title, const std::vector<Labelled>& dset, const std::vector<Labelled>& gset) {
        std::map<std::string, Tally> tallies;
        std::vector<std::string> order;
        auto run = [&](const std::vector<Labelled>& set, bool goals) {
            for (auto& l : set) {
                auto vs = goals ? sofs::assess_safety_goal(l.text, *prepared, *g)
                                : sofs::assess_danger_statement(l.text, *prepared, *g);
                for (auto& v : vs) {
                    if (!tallies.count(v.criterion)) order.push_back(v.criterion);
                    auto it = l.labels.find(v.criterion);
                    if (it == l.labels.end()) continue;
                    auto& t = tallies[v.criterion];
                    if (it->second && v.met) ++t.both_met;
                    else if (!it->second && !v.met) ++t.both_not;
                    else if (it->second) ++t.only_label;
                    else ++t.only_assessor;
                    if (misses && it->second != v.met)
                        std::cout << l.id << " " << v.criterion << " label=" << it->second << " assessor=" << v.met
                                  << " [" << v.evidence_words << "]\n    " << l.text << "\n";
                }
            }
        };
        run(dset, false);
        run(gset, true);
        std::printf("%s (%zu danger statements, %zu safety goals)\n", title, dset.size(), gset.size());
        std::printf("%-24s %6s %10s %7s\n", "criterion", "n", "agreement", "kappa");
        Tally all;
        for (auto& id : order) {
            auto& t = tallies[id];
            std::printf("%-24s %6d %10.3f %7.3f\n", id.c_str(), t.n(), t.agreement(), t.kappa());
            all.both_met += t.both_met;
            all.both_not += t.both_not;
            all.only_label += t.only_label;
            all.only_assessor += t.only_assessor;
        }
        std::printf("%-24s %6d %10.3f %7.3f\n\n", "overall", all.n(), all.agreement(), all.kappa());
    };
    table("Accuracy on the labelled sets", ds, sg);
    auto hds = read_set(dir + "heldout-danger-statements.jsonl");
    auto hsg = read_set(dir + "heldout-safety-goals.jsonl");
    if (!hds.empty() || !hsg.empty()) table("Accuracy on the held-out sets", hds, hsg);
    auto h2ds = read_set(dir + "heldout2-danger-statements.jsonl");
    auto h2sg = read_set(dir + "heldout2-safety-goals.jsonl");
    if (!h2ds.empty() || !h2sg.empty()) table("Accuracy on the second held-out sets", h2ds, h2sg);
    auto h3ds = read_set(dir + "heldout3-danger.jsonl");
    auto h3sg = read_set(dir + "heldout3-goals.jsonl");
    if (!h3ds.empty() || !h3sg.empty()) table("Accuracy on the third held-out sets (second labeller)", h3ds, h3sg);
    auto h4ds = read_set(dir + "heldout4-danger.jsonl");
    auto h4sg = read_set(dir + "heldout4-goals.jsonl");
    if (!h4ds.empty() || !h4sg.empty()) table("Accuracy on the fourth held-out sets (second labeller; its misses then fixed)", h4ds, h4sg);
    auto h5ds = read_set(dir + "heldout5-danger.jsonl");
    auto h5sg = read_set(dir + "heldout5-goals.jsonl");
    if (!h5ds.empty() || !h5sg.empty()) table("Accuracy on the fifth held-out sets (second labeller; never tuned on)", h5ds, h5sg);

    // Speed: judge every statement again and again for about two seconds.
    std::vector<std::pair<const std::string*, bool>> texts;
    for (auto& l : ds) texts.push_back({&l.text, false});
    for (auto& l : sg) texts.push_back({&l.text, true});
    auto start = std::chrono::steady_clock::now();
    std::size_t judged = 0, sink = 0;
    double secs = 0;
    do {
        for (auto& [t, goal] : texts) {
            auto vs = goal ? sofs::assess_safety_goal(*t, *prepared, *g) : sofs::assess_danger_statement(*t, *prepared, *g);
            sink += vs.size();
        }
        judged += texts.size();
        secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    } while (secs < 2.0);
    std::printf("Speed: %.0f statements/s on one core (%zu judged in %.2f s; %zu verdicts)\n", judged / secs, judged,
                secs, sink);
    return 0;
}
