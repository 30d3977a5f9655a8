// The second opinion (assessment/CRITERIA.md, "The second opinion"): its
// weights load, a bad weights file is reported by file and line and the rules
// then judge alone, the trainer is deterministic, no weights means the rules'
// verdicts, and the committed weights were trained on the current rules and
// labels (their fingerprint). The tuning floors are test_accuracy's.
#include "../temp_dir.hpp"
#include "second_opinion_training.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace sofs::testing;
namespace fs = std::filesystem;

namespace {

const char* kRetrain =
    "cmake --build build --target train_second_opinion && build/tests/bench/train_second_opinion";

// A copy of content/ with the models folder as `setup` leaves it.
template <class Setup>
std::shared_ptr<const sofs::Guidance> guidance_with(const test_files::TempDir& dir, Setup setup) {
    for (const char* sub : {"guidance", "lexicons"})
        fs::copy(fs::path(SOFS_CONTENT_DIR) / sub, dir.path / sub, fs::copy_options::recursive);
    fs::create_directories(dir.path / "models");
    setup(dir.path / "models");
    std::string err;
    auto g = sofs::Guidance::load(dir.path.string(), &err);
    if (!g) MESSAGE(err);
    return g;
}

void copy_criteria(const fs::path& models) {
    fs::copy_file(criteria_file(), models / "second-opinion-criteria.txt");
}

std::vector<sofs::Verdict> rules_of(const std::string& text, const sofs::PreparedCase& c, const sofs::Guidance& g,
                                    sofs::rubric::TextKind kind) {
    sofs::rubric::Text t = sofs::rubric::tokenise(text, g.data->words);
    sofs::rubric::Reading r(t, *g.data, c);
    sofs::rubric::Wording w{*g.data, c};
    return sofs::rubric::rules_verdicts(r, w, kind);
}

}  // namespace

TEST_CASE("the committed second opinion loads, for the listed criteria only, and is small") {
    auto g = guidance();
    REQUIRE(g);
    INFO(g->data->second_opinion_error);
    REQUIRE(g->data->second_opinion);
    std::string bad;
    auto listed = sofs::rubric::SecondOpinion::read_criteria(criteria_file(), &bad);
    CHECK(bad.empty());
    CHECK(listed.size() == 6);
    for (auto& [id, m] : g->data->second_opinion->models()) {
        CHECK(std::find(listed.begin(), listed.end(), id) != listed.end());
        CHECK(!hint_bound(id));
        CHECK(m.threshold <= 1.0);
    }
    // Six criteria's weights: about 1.1 MB (assessment/CRITERIA.md, "The second opinion").
    CHECK(g->data->second_opinion->bytes() < (3u << 20) / 2);
}

TEST_CASE("the committed weights were trained on the current rules, labels and lexicons") {
    auto g = guidance();
    REQUIRE(g);
    REQUIRE(g->data->second_opinion);
    std::string bad;
    auto td = read_training(labelled_cases(), *g, sofs::rubric::SecondOpinion::read_criteria(criteria_file(), &bad));
    std::string now = fp_hex(td.fingerprint), file = g->data->second_opinion->fingerprint();
    if (now != file)
        FAIL_CHECK("content/models/second-opinion.txt is stale (fingerprint " << file << ", the current rules, labels and "
                   "lexicons give " << now << "): a rule, a label, a lexicon or the criteria list changed since it was "
                   "trained. Train it again, from the source folder: " << kRetrain);
}

TEST_CASE("a bad weights file is reported by file and line, and the rules judge alone") {
    test_files::TempDir dir("second-opinion");
    auto g = guidance_with(dir, [](const fs::path& models) {
        copy_criteria(models);
        std::ofstream(models / "second-opinion.txt") << "# weights\n[SG-OBSERVABLE]\nthreshold 0.8\n0.5 U:see\nnot-a-number U:x\n";
    });
    REQUIRE(g);  // the guidance still loads
    CHECK(!g->data->second_opinion);
    CHECK(g->data->second_opinion_error == (dir.path / "models" / "second-opinion.txt").string() + ":5: expected 'WEIGHT "
                                           "FEATURE' (a number, one space, the feature) or 'threshold T'");
    test_files::TempDir dir2("second-opinion");
    auto g2 = guidance_with(dir2, [](const fs::path& models) {
        copy_criteria(models);
        std::ofstream(models / "second-opinion.txt") << "[NO-SUCH-CRITERION]\n";
    });
    REQUIRE(g2);
    CHECK(!g2->data->second_opinion);
    CHECK(g2->data->second_opinion_error.find("second-opinion.txt:1: 'NO-SUCH-CRITERION' is not a criterion") !=
          std::string::npos);
    auto c = reference_case();
    REQUIRE(c);
    auto prepared = sofs::prepare_case(*c, *g);
    std::string text = "The parents will make sure the children are safe.";
    auto got = sofs::assess_safety_goal(text, *prepared, *g);
    auto rules = rules_of(text, *prepared, *g, sofs::rubric::TextKind::SafetyGoal);
    REQUIRE(got.size() == rules.size());
    for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i].met == rules[i].met);
}

TEST_CASE("with no weights, every verdict is the rules'") {
    test_files::TempDir dir("second-opinion");
    auto g = guidance_with(dir, [](const fs::path&) {});
    REQUIRE(g);
    CHECK(!g->data->second_opinion);
    CHECK(g->data->second_opinion_error.empty());
    int texts = 0;
    for (auto& lc : labelled_cases()) {
        if (!lc.scenario) continue;
        auto prepared = sofs::prepare_case(*lc.scenario, *g);
        for (auto& set : lc.sets) {
            if (set.unseen || is_wp_set(set)) continue;
            for (std::size_t i = 0; i < set.items.size() && i < 20; ++i) {
                auto& l = set.items[i];
                auto kind = set.goals ? sofs::rubric::TextKind::SafetyGoal : sofs::rubric::TextKind::DangerStatement;
                auto got = set.goals ? sofs::assess_safety_goal(l.text, *prepared, *g)
                                     : sofs::assess_danger_statement(l.text, *prepared, *g);
                auto rules = rules_of(l.text, *prepared, *g, kind);
                REQUIRE(got.size() == rules.size());
                for (std::size_t k = 0; k < got.size(); ++k) {
                    CHECK(got[k].met == rules[k].met);
                    CHECK(got[k].explanation == rules[k].explanation);
                }
                ++texts;
            }
        }
    }
    CHECK(texts > 200);
}

TEST_CASE("the trainer is deterministic: the same sets give the same bytes") {
    auto g = guidance();
    REQUIRE(g);
    auto cases = labelled_cases();
    cases.resize(std::min<std::size_t>(cases.size(), 2));
    std::vector<std::string> crits = {"DS-CHILD-IMPACT", "SG-OBSERVABLE"};
    auto train_once = [&](int bags = 1) {
        TrainingData td = read_training(cases, *g, crits);
        TrainOptions o;
        o.bags = bags;  // the twelfth round's bagging trial (--bags) is deterministic too
        std::map<std::string, CriterionModel> models;
        for (auto& crit : crits) {
            auto rows = rows_for(td, crit, &td.names);
            std::vector<const Row*> rs;
            for (auto& r : rows) rs.push_back(&r);
            models[crit] = fit(rs, o);
            models[crit].threshold = 0.9;  // kept even if the small set would not overturn
        }
        return weights_file(models, td.names, "# test\n", td.fingerprint);
    };
    std::string a = train_once(), b = train_once();
    CHECK(a.size() > 100);
    CHECK(a == b);
    CHECK(train_once(2) == train_once(2));
    // The file the trainer writes loads back, with the same weights.
    test_files::TempDir dir("second-opinion");
    std::ofstream(dir.file("w.txt")) << a;
    std::string err;
    auto so = sofs::rubric::SecondOpinion::load(dir.file("w.txt"), *g->data, &err);
    CHECK(err.empty());
    REQUIRE(so);
    CHECK(so->models().size() == 2);
}

TEST_CASE("an overturned verdict explains itself with the criterion's own text and the words that weighed most") {
    auto g = guidance();
    REQUIRE(g);
    REQUIRE(g->data->second_opinion);
    int flips = 0, checked = 0;
    for (auto& lc : labelled_cases()) {
        if (!lc.scenario) continue;
        auto prepared = sofs::prepare_case(*lc.scenario, *g);
        for (auto& set : lc.sets) {
            if (set.unseen || is_wp_set(set)) continue;
            for (auto& l : set.items) {
                auto kind = set.goals ? sofs::rubric::TextKind::SafetyGoal : sofs::rubric::TextKind::DangerStatement;
                auto got = set.goals ? sofs::assess_safety_goal(l.text, *prepared, *g)
                                     : sofs::assess_danger_statement(l.text, *prepared, *g);
                auto rules = rules_of(l.text, *prepared, *g, kind);
                // The fast path decides as the full reading (--explain) does.
                sofs::rubric::Text t = sofs::rubric::tokenise(l.text, g->data->words);
                sofs::rubric::Reading rd(t, *g->data, *prepared);
                std::string why = g->data->second_opinion->explain(rd, rules);
                for (std::size_t k = 0; k < got.size(); ++k) {
                    auto at = why.find("  " + got[k].criterion + " ");
                    if (at != std::string::npos) {
                        bool decided = why.substr(at, why.find('\n', at) - at).find("decided") != std::string::npos;
                        CAPTURE(l.text);
                        CHECK(decided == (got[k].met != rules[k].met));
                    }
                    if (got[k].met == rules[k].met) continue;
                    ++flips;
                    CHECK(g->data->second_opinion->models().count(got[k].criterion));
                    CHECK(got[k].explanation.find("second reading") != std::string::npos);
                    CHECK(got[k].guidance == rules[k].guidance);
                    if (checked++ < 50) {
                        CAPTURE(got[k].explanation);
                        // The criterion's own met / not-met text, and evidence that is in the text.
                        sofs::rubric::Wording w{*g->data, *prepared};
                        auto own = w.make(got[k].criterion, got[k].met, "", got[k].evidence, got[k].evidence_words);
                        CHECK(got[k].explanation.rfind(own.explanation, 0) == 0);
                        CHECK(got[k].improve == own.improve);
                        CHECK(!got[k].evidence_words.empty());
                        for (auto& sp : got[k].evidence) CHECK(sp.end <= l.text.size());
                    }
                }
            }
        }
    }
    MESSAGE("overturned on the tuning sets: " << flips);
    CHECK(flips > 0);
}
