// Accuracy and speed of the assessor on the hand-labelled sets in
// tests/labelled/<scenario-id>/, each judged against its own case: per case
// and per criterion, agreement with the labels and Cohen's kappa, tuning sets
// and held-out ("unseen-*") sets apart; the weakest criterion per case; the
// leave-one-case-out figures (each case's sets scored by the rules as they
// stood before any change made for that case, recorded in before.json); then
// statements judged per second on one core.
//   bench_assess                      figures only
//   bench_assess --misses             also every disagreement on tuning sets
//                                     (never on unseen sets: their text is not printed)
//   bench_assess --case ID            one case only
//   bench_assess --record-before ID   write ID's figures as its before.json
//                                     (run before changing any rule for that case)
//   bench_assess --explain ID danger|goal TEXT
//                                     how one text is read in case ID: its words, the
//                                     people found (and what they are to the case), and
//                                     every verdict with its evidence
//   bench_assess --files PATH...      score only these labelled files, per case and
//                                     per criterion (agreement and kappa): a PATH is a
//                                     .jsonl file in a folder named by its case, a case
//                                     folder, or a folder of case folders (such as a new
//                                     set of blind files kept outside tests/labelled)
//   bench_assess --rules-only ...     any of the above with the rules alone (no learned
//                                     second opinion), to compare the two
//   bench_assess --dump FILE          write one JSON line per tuning statement (never
//                                     unseen-*): set, id, kind, case, text, labels and the
//                                     rules' verdicts ({criterion: met}), for trials such as
//                                     tools/second_opinion_trial.py
#include "../rubric/labelled.hpp"
#include "rubric/reading/clauses.hpp"
#include "rubric/writing_hints.hpp"
#include "rubric/second_opinion.hpp"

#include <chrono>
#include <ctime>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

using namespace sofs::testing;

namespace {

struct CaseFigures {
    std::map<std::string, Tally> tune, unseen;  // criterion -> tally
    Tally tune_all, unseen_all;
    int tune_ds = 0, tune_sg = 0, unseen_ds = 0, unseen_sg = 0;
};

void print_table(const char* title, const std::map<std::string, Tally>& t, const Tally& all) {
    if (!all.n()) return;
    std::printf("  %s\n  %-24s %5s %10s %7s\n", title, "criterion", "n", "agreement", "kappa");
    for (auto& crit : sofs::danger_statement_criteria())
        if (auto it = t.find(crit); it != t.end())
            std::printf("  %-24s %5d %10.3f %7.3f\n", crit.c_str(), it->second.n(), it->second.agreement(), it->second.kappa());
    for (auto& crit : sofs::safety_goal_criteria())
        if (auto it = t.find(crit); it != t.end())
            std::printf("  %-24s %5d %10.3f %7.3f\n", crit.c_str(), it->second.n(), it->second.agreement(), it->second.kappa());
    std::printf("  %-24s %5d %10.3f %7.3f\n", "overall", all.n(), all.agreement(), all.kappa());
}

std::string weakest(const std::map<std::string, Tally>& t) {
    std::string w;
    double low = 2;
    for (auto& [crit, tl] : t)
        if (tl.n() && tl.agreement() < low) {
            low = tl.agreement();
            w = crit;
        }
    char buf[64];
    std::snprintf(buf, sizeof buf, " (%.3f)", low);
    return w.empty() ? "-" : w + buf;
}

nlohmann::json to_json(const std::map<std::string, Tally>& t, const Tally& all) {
    nlohmann::json j;
    for (auto& [crit, tl] : t) j[crit] = {{"n", tl.n()}, {"agreement", tl.agreement()}, {"kappa", tl.kappa()}};
    j["overall"] = {{"n", all.n()}, {"agreement", all.agreement()}, {"kappa", all.kappa()}};
    return j;
}

// --files: the given labelled files only, grouped by case (the folder they sit in).
int score_files(const std::vector<std::string>& paths, bool misses, const sofs::Guidance& g) {
    namespace fs = std::filesystem;
    std::map<std::string, std::vector<fs::path>> by_case;  // case id -> files
    auto add_dir = [&](const fs::path& dir) {
        for (auto& e : fs::directory_iterator(dir))
            if (e.path().extension() == ".jsonl") by_case[fs::absolute(dir).filename().string()].push_back(e.path());
    };
    for (auto& p : paths) {
        fs::path path(p);
        std::error_code ec;
        if (fs::is_regular_file(path, ec)) {
            if (path.extension() != ".jsonl") {
                std::fprintf(stderr, "bench_assess: %s: not a .jsonl file\n", p.c_str());
                return 2;
            }
            by_case[fs::absolute(path).parent_path().filename().string()].push_back(path);
        } else if (fs::is_directory(path, ec)) {
            bool direct = false;
            for (auto& e : fs::directory_iterator(path)) direct = direct || e.path().extension() == ".jsonl";
            if (direct) add_dir(path);
            else
                for (auto& e : fs::directory_iterator(path))
                    if (e.is_directory()) add_dir(e.path());
        } else {
            std::fprintf(stderr, "bench_assess: %s: no such file or folder\n", p.c_str());
            return 2;
        }
    }
    if (by_case.empty()) {
        std::fprintf(stderr, "bench_assess: no .jsonl files in the paths given\n");
        return 2;
    }
    Tally every;
    std::map<std::string, Tally> every_crit;
    for (auto& [id, files] : by_case) {
        std::sort(files.begin(), files.end());
        auto scenario = scenario_by_id(id);
        if (!scenario) {
            std::printf("Case %s: skipped, no scenario scenarios/%s.yaml loads (a file's folder must be named by its case)\n\n",
                        id.c_str(), id.c_str());
            continue;
        }
        auto prepared = sofs::prepare_case(*scenario, g);
        std::map<std::string, Tally> per;
        Tally all;
        int ds = 0, sg = 0;
        std::vector<Miss> ms;
        std::printf("Case %s\n", id.c_str());
        for (auto& f : files) {
            LabelledSet set;
            try {
                set = read_set(f);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "bench_assess: %s\n", e.what());
                return 1;
            }
            if (is_wp_set(set)) {
                std::printf("  set %-32s skipped (Words and Pictures: test_rubric scores these)\n", set.name.c_str());
                continue;
            }
            auto t = score_set(set, *prepared, g, misses ? &ms : nullptr);
            Tally set_all;
            for (auto& [crit, tl] : t) {
                set_all += tl;
                per[crit] += tl;
                every_crit[crit] += tl;
            }
            all += set_all;
            every += set_all;
            (set.goals ? sg : ds) += (int)set.items.size();
            std::printf("  set %-32s %4zu items  agreement %.3f  kappa %.3f\n", f.string().c_str(), set.items.size(),
                        set_all.agreement(), set_all.kappa());
        }
        char title[160];
        std::snprintf(title, sizeof title, "these files (%d danger statements, %d safety goals)", ds, sg);
        print_table(title, per, all);
        std::printf("  weakest criterion: %s\n\n", weakest(per).c_str());
        for (auto& m : ms)
            std::printf("  miss %s %s %s label=%d assessor=%d [%s]\n      %s\n", m.set.c_str(), m.id.c_str(),
                        m.criterion.c_str(), m.label, !m.label, m.evidence.c_str(), m.text.c_str());
    }
    if (by_case.size() > 1) {
        std::printf("All cases given\n");
        print_table("these files", every_crit, every);
    }
    return 0;
}

// --explain: one text, read as the assessor reads it.
int explain(const std::string& id, bool goal, const std::string& text, const sofs::Guidance& g) {
    auto scenario = scenario_by_id(id);
    if (!scenario) {
        std::fprintf(stderr, "bench_assess: no scenario scenarios/%s.yaml loads\n", id.c_str());
        return 1;
    }
    auto prepared = sofs::prepare_case(*scenario, g);
    using namespace sofs::rubric;
    Text t = tokenise(text, g.data->words);
    Reading r(t, *g.data, *prepared);
    static const char* const kWho[] = {"child", "child-general", "caregiver", "family", "professional",
                                       "speaker", "everyone", "nobody", "other-adult", "unknown"};
    for (int i = 0; i < r.n(); ++i) {
        std::printf("%s%s", i ? " " : "", t.tokens[i].lower.c_str());
        if (t.tokens[i].corrected) std::printf("(corrected)");
        if (r.mention_at[i] >= 0 && r.people[r.mention_at[i]].last == i)
            std::printf("[%s%s]", kWho[(int)r.people[r.mention_at[i]].who], r.people[r.mention_at[i]].pronoun ? ",pronoun" : "");
        if (i + 1 < r.n() && t.tokens[i + 1].sentence != t.tokens[i].sentence) std::printf(" |");
    }
    std::printf("\n");
    if (goal) {
        GoalReading gr(r);
        static const char* const kKind[] = {"positive", "prohibition", "service", "non-action", "watch", "none"};
        for (auto& c : gr.clauses)
            std::printf("  clause: subject %s, verb \"%s\", %s%s\n",
                        c.subject ? r.quote(c.subject->first, c.subject->last).c_str() : "-",
                        c.verb >= 0 ? r.word(c.verb).c_str() : "-", kKind[(int)c.kind], c.concrete ? ", concrete" : "");
    }
    auto vs = goal ? sofs::assess_safety_goal(text, *prepared, g) : sofs::assess_danger_statement(text, *prepared, g);
    for (auto& v : vs)
        std::printf("  %-24s %-7s [%s] %s\n", v.criterion.c_str(), v.met ? "met" : "not met", v.evidence_words.c_str(),
                    v.explanation.c_str());
    // The second opinion: p(met) against its threshold, and what weighed most.
    if (g.data->second_opinion) {
        Wording w{*g.data, *prepared};
        std::printf("second opinion:\n%s", g.data->second_opinion
                                               ->explain(r, rules_verdicts(r, w, goal ? TextKind::SafetyGoal : TextKind::DangerStatement))
                                               .c_str());
    } else {
        std::printf("second opinion: none loaded%s%s\n", g.data->second_opinion_error.empty() ? "" : ": ",
                    g.data->second_opinion_error.c_str());
    }
    return 0;
}

// --dump: every tuning statement with its labels and the rules' verdicts, one JSON line each.
int dump(const std::string& path, const sofs::Guidance& g) {
    std::ofstream out(path);
    if (!out) {
        std::fprintf(stderr, "bench_assess: %s: cannot be written\n", path.c_str());
        return 1;
    }
    std::size_t lines = 0;
    for (auto& c : labelled_cases()) {
        if (!c.scenario) continue;
        auto prepared = sofs::prepare_case(*c.scenario, g);
        for (auto& set : c.sets) {
            if (set.unseen) continue;  // held out: never dumped
            for (auto& l : set.items) {
                sofs::rubric::Text t = sofs::rubric::tokenise(l.text, g.data->words);
                sofs::rubric::Reading r(t, *g.data, *prepared);
                sofs::rubric::Wording w{*g.data, *prepared};
                auto vs = sofs::rubric::rules_verdicts(r, w, set.goals ? sofs::rubric::TextKind::SafetyGoal
                                                                       : sofs::rubric::TextKind::DangerStatement);
                nlohmann::json j = {{"set", set.name}, {"id", l.id}, {"kind", set.goals ? "goal" : "danger"},
                                    {"case", c.id}, {"text", l.text}, {"labels", l.labels}};
                nlohmann::json rules = nlohmann::json::object();
                for (auto& v : vs) rules[v.criterion] = v.met;
                j["rules"] = rules;
                out << j.dump() << "\n";
                ++lines;
            }
        }
    }
    std::printf("bench_assess: %zu statements written to %s\n", lines, path.c_str());
    return out ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    bool misses = false, files = false, rules_only = false;
    std::string only, record, dump_to;
    std::vector<std::string> paths;
    if (argc == 5 && !std::strcmp(argv[1], "--explain")) {
        auto g = guidance();
        if (!g) return 1;
        return explain(argv[2], !std::strcmp(argv[3], "goal"), argv[4], *g);
    }
    for (int i = 1; i < argc; ++i) {
        if (files && std::strncmp(argv[i], "--", 2)) paths.push_back(argv[i]);
        else if (!std::strcmp(argv[i], "--files")) files = true;
        else if (!std::strcmp(argv[i], "--misses")) misses = true;
        else if (!std::strcmp(argv[i], "--rules-only")) rules_only = true;
        else if (!std::strcmp(argv[i], "--case") && i + 1 < argc) only = argv[++i];
        else if (!std::strcmp(argv[i], "--record-before") && i + 1 < argc) record = argv[++i];
        else if (!std::strcmp(argv[i], "--dump") && i + 1 < argc) dump_to = argv[++i];
        else {
            std::fprintf(stderr, "usage: bench_assess [--rules-only] [--misses] [--case ID] [--record-before ID] [--files PATH...] [--dump FILE]\n");
            return 2;
        }
    }
    auto g = rules_only ? sofs::testing::rules_guidance() : guidance();
    if (!g) {
        std::cerr << "bench_assess: the guidance did not load\n";
        return 1;
    }
    if (!g->data->second_opinion_error.empty())
        std::fprintf(stderr, "bench_assess: the second opinion is off (the rules judge alone): %s\n", g->data->second_opinion_error.c_str());
    if (!dump_to.empty()) {
        try {
            return dump(dump_to, *g);
        } catch (const std::exception& e) {
            std::cerr << "bench_assess: " << e.what() << "\n";
            return 1;
        }
    }
    if (files) {
        if (paths.empty()) {
            std::fprintf(stderr, "bench_assess: --files needs at least one file or folder\n");
            return 2;
        }
        return score_files(paths, misses, *g);
    }
    std::vector<LabelledCase> cases;
    try {
        cases = labelled_cases();
    } catch (const std::exception& e) {
        std::cerr << "bench_assess: " << e.what() << "\n";
        return 1;
    }
    std::map<std::string, CaseFigures> figures;
    std::vector<std::pair<const std::string*, std::pair<bool, const sofs::PreparedCase*>>> texts;  // for the speed run
    std::vector<std::shared_ptr<const sofs::PreparedCase>> keep;
    Tally every_tune, every_unseen;
    std::map<std::string, Tally> every_tune_crit, every_unseen_crit;
    for (auto& c : cases) {
        if (!only.empty() && c.id != only && c.id != record) continue;
        if (!c.scenario) {
            std::printf("Case %s: skipped, no scenario scenarios/%s.yaml loads\n\n", c.id.c_str(), c.id.c_str());
            continue;
        }
        auto prepared = sofs::prepare_case(*c.scenario, *g);
        keep.push_back(prepared);
        auto& f = figures[c.id];
        std::vector<Miss> ms;
        std::printf("Case %s\n", c.id.c_str());
        for (auto& set : c.sets) {
            auto t = score_set(set, *prepared, *g, misses ? &ms : nullptr);
            Tally set_all;
            for (auto& [crit, tl] : t) {
                set_all += tl;
                (set.unseen ? f.unseen[crit] : f.tune[crit]) += tl;
                (set.unseen ? every_unseen_crit[crit] : every_tune_crit[crit]) += tl;
            }
            (set.unseen ? f.unseen_all : f.tune_all) += set_all;
            (set.unseen ? every_unseen : every_tune) += set_all;
            int& count = set.unseen ? (set.goals ? f.unseen_sg : f.unseen_ds) : (set.goals ? f.tune_sg : f.tune_ds);
            count += (int)set.items.size();
            std::printf("  set %-32s %-6s %4zu items  agreement %.3f  kappa %.3f\n", set.name.c_str(),
                        set.unseen ? "unseen" : "tune", set.items.size(), set_all.agreement(), set_all.kappa());
            if (!set.unseen)
                for (auto& l : set.items) texts.push_back({&l.text, {set.goals, prepared.get()}});
        }
        char title[160];
        std::snprintf(title, sizeof title, "tuning sets (%d danger statements, %d safety goals)", f.tune_ds, f.tune_sg);
        print_table(title, f.tune, f.tune_all);
        std::snprintf(title, sizeof title, "unseen sets (%d danger statements, %d safety goals; never tuned on)",
                      f.unseen_ds, f.unseen_sg);
        print_table(title, f.unseen, f.unseen_all);
        std::map<std::string, Tally> both = f.tune;
        for (auto& [crit, tl] : f.unseen) both[crit] += tl;
        std::printf("  weakest criterion: tuning %s, unseen %s, all %s\n\n", weakest(f.tune).c_str(),
                    weakest(f.unseen).c_str(), weakest(both).c_str());
        for (auto& m : ms)
            std::printf("  miss %s %s %s label=%d assessor=%d [%s]\n      %s\n", m.set.c_str(), m.id.c_str(),
                        m.criterion.c_str(), m.label, !m.label, m.evidence.c_str(), m.text.c_str());
        if (!ms.empty()) std::printf("\n");
        if (c.id == record) {
            nlohmann::json j;
            j["tune"] = to_json(f.tune, f.tune_all);
            if (f.unseen_all.n()) j["unseen"] = to_json(f.unseen, f.unseen_all);
            std::string path = std::string(SOFS_TESTS_DIR) + "/labelled/" + c.id + "/before.json";
            std::ofstream(path) << j.dump(2) << "\n";
            std::printf("  recorded these figures as %s\n\n", path.c_str());
        }
    }
    if (only.empty()) {
        std::printf("All cases\n");
        print_table("tuning sets", every_tune_crit, every_tune);
        print_table("unseen sets", every_unseen_crit, every_unseen);
        std::printf("\n");
    }

    // Leave one case out: each case as the rules stood before any change made for it.
    std::printf("Leave-one-case-out (each case scored by the rules before any change made for it; before.json)\n");
    std::printf("  %-28s %18s %18s %18s %18s\n", "case", "before tune", "before unseen", "now tune", "now unseen");
    for (auto& c : cases) {
        std::string path = std::string(SOFS_TESTS_DIR) + "/labelled/" + c.id + "/before.json";
        std::ifstream in(path);
        if (!in || !figures.count(c.id)) continue;
        nlohmann::json j;
        try {
            in >> j;
        } catch (...) {
            continue;
        }
        auto fig = [](const nlohmann::json& x, const char* part) -> std::string {
            if (!x.contains(part)) return "-";
            char b[48];
            std::snprintf(b, sizeof b, "%.3f k%.3f", x[part]["overall"]["agreement"].get<double>(),
                          x[part]["overall"]["kappa"].get<double>());
            return b;
        };
        auto& f = figures[c.id];
        char now_t[48], now_u[48];
        std::snprintf(now_t, sizeof now_t, "%.3f k%.3f", f.tune_all.agreement(), f.tune_all.kappa());
        std::snprintf(now_u, sizeof now_u, "%.3f k%.3f", f.unseen_all.agreement(), f.unseen_all.kappa());
        std::printf("  %-28s %18s %18s %18s %18s\n", c.id.c_str(), fig(j, "tune").c_str(), fig(j, "unseen").c_str(), now_t,
                    f.unseen_all.n() ? now_u : "-");
    }
    std::printf("\n");

    // Speed: judge every tuning statement again and again for about two seconds.
    if (texts.empty()) return 0;
    // CPU time of this thread, not wall time: the figure is per core even on a busy machine.
    auto cpu_now = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return ts.tv_sec + ts.tv_nsec / 1e9;
    };
    double start = cpu_now();
    std::size_t judged = 0, sink = 0;
    double secs = 0;
    do {
        for (auto& [t, how] : texts) {
            auto vs = how.first ? sofs::assess_safety_goal(*t, *how.second, *g) : sofs::assess_danger_statement(*t, *how.second, *g);
            sink += vs.size();
        }
        judged += texts.size();
        secs = cpu_now() - start;
    } while (secs < 2.0);
    std::printf("Speed: %.0f statements/s on one core (%zu judged in %.2f s of CPU time; %zu verdicts; second opinion %s)\n",
                judged / secs, judged, secs, sink,
                g->data->second_opinion ? (std::to_string(g->data->second_opinion->models().size()) + " criteria, " +
                                           std::to_string(g->data->second_opinion->bytes() / 1024) + " KB")
                                              .c_str()
                                        : "none");
    // Live hints while typing: the hints and the checks of one text, as the mapping screen asks for them.
    double worst = 0, total = 0;
    for (auto& [t, how] : texts) {
        double a = cpu_now();
        auto hs = sofs::writing_hints(*t, *how.second, *g);
        auto vs = how.first ? sofs::assess_safety_goal(*t, *how.second, *g) : sofs::assess_danger_statement(*t, *how.second, *g);
        double ms = (cpu_now() - a) * 1000;
        sink += hs.size() + vs.size();
        total += ms;
        worst = std::max(worst, ms);
    }
    std::printf("Live hints and checks: %.3f ms per statement on average, %.3f ms at most (%zu statements)\n",
                total / texts.size(), worst, texts.size());
    return 0;
}
