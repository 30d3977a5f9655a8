// The accuracy floor: every case's hand-labelled sets in tests/labelled/<id>/
// are judged against THAT case's scenario, and the assessor must agree with
// the labels at least as well as it did when these floors were set (see
// tests/labelled/README.md for the figures, tests/labelled/floors.txt for the
// floors), so a regression fails CI. The
// benchmark (bench_assess) prints the exact figures and Cohen's kappa.
#include "labelled.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace sofs::testing;

// The floors live in tests/labelled/floors.txt (one line per case and kind of
// set), so whoever measures a new set can set its floor without touching C++.
// Tuning floors are the figures reached (tests/labelled/README.md), rounded
// down: a regression on any case fails. Raise them as the rules improve; never
// lower them to fit. The tuning sets are judged by the rules alone: the second
// opinion trains on them, so its figures there are in-sample and move with the
// threshold each retraining picks; it is measured on text it did not train on
// (train_second_opinion --measure). Unseen sets are judged by the whole
// assessor, as trainees meet it. Unseen floors are set by whoever first
// measures a new blind set; until then ("-", or no line) the figures are
// printed, not checked. A case with no unseen set is fine.
TEST_CASE("every bundled case has labelled sets, judged against its own scenario, above its floor") {
    auto whole = guidance();
    auto rules = rules_guidance();
    REQUIRE(whole);
    REQUIRE(rules);
    auto cases = labelled_cases();
    Floors floors;
    try {
        floors = read_floors();
    } catch (const std::exception& e) {
        FAIL(e.what());
    }
    REQUIRE(cases.size() >= 4);
    for (auto& c : cases) {
        CAPTURE(c.id);
        REQUIRE_MESSAGE(c.scenario, "tests/labelled/" << c.id << " has no scenario scenarios/" << c.id << ".yaml");
        for (bool unseen : {false, true}) {
            const char* kind = unseen ? "unseen" : "tune";
            const auto& g = unseen ? whole : rules;
            auto prepared = sofs::prepare_case(*c.scenario, *g);
            std::map<std::string, Tally> per;
            Tally all;
            int n = 0;
            for (auto& set : c.sets) {
                if (set.unseen != unseen) continue;
                n += (int)set.items.size();
                for (auto& [crit, t] : score_set(set, *prepared, *g)) {
                    per[crit] += t;
                    all += t;
                }
            }
            auto fl = floors.find({c.id, kind});
            if (!unseen)
                REQUIRE_MESSAGE(fl != floors.end(), "tests/labelled/floors.txt has no \"" << c.id << " tune\" line");
            if (!all.n()) {
                CHECK_MESSAGE(unseen, c.id << " has no tuning set");
                continue;
            }
            if (fl == floors.end() || !fl->second.overall) {
                std::printf("%s: %s sets have no floor yet: overall %.3f (kappa %.3f)", c.id.c_str(), kind, all.agreement(),
                            all.kappa());
                for (auto& [crit, t] : per) std::printf(", %s %.3f", crit.c_str(), t.agreement());
                std::printf("\n");
                continue;
            }
            INFO(kind << " sets overall agreement " << all.agreement());
            CHECK(all.agreement() >= *fl->second.overall);
            if (fl->second.criterion)
                for (auto& [crit, t] : per) {
                    INFO(crit << " agreement " << t.agreement());
                    CHECK(t.agreement() >= *fl->second.criterion);
                }
            CHECK(n >= fl->second.at_least);
        }
    }
}

TEST_CASE("every labelled set is well formed: ids unique, every criterion of its kind labelled") {
    for (auto& c : labelled_cases()) {
        std::set<std::string> ids;
        for (auto& set : c.sets) {
            const auto& crits = set.goals ? sofs::safety_goal_criteria() : sofs::danger_statement_criteria();
            for (auto& l : set.items) {
                CAPTURE(c.id + "/" + set.name + " " + l.id);
                CHECK(!l.text.empty());
                CHECK(ids.insert(l.id).second);
                for (auto& crit : crits) CHECK(l.labels.count(crit) == 1);
            }
        }
    }
}

// Only a set named unseen-* is held out: the former blind sets, renamed
// round2-* and round3-* in the fourth round, round4-* and round4b-* in the
// fifth, round5-* in the sixth, round6-* in the seventh, round7-* in the
// eighth, round8-* in the tenth, round9-* in the eleventh, round10-* in
// the twelfth and round11-<writer>-* in the thirteenth, are tuning sets, and a case may have no unseen set at all (the accuracy floor then
// checks its tuning sets only).
TEST_CASE("only unseen-* sets are held out; round2-* and round3-* are tuned on") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "sofs-heldout-names";
    fs::create_directories(dir);
    const char* line = R"({"id":"x1","text":"Dad will walk Ruby to school.","labels":{}})";
    for (const char* name : {"unseen-goals", "round2-goals", "round3-danger", "unseen3-goals"}) {
        std::ofstream(dir / (std::string(name) + ".jsonl")) << line << "\n";
    }
    CHECK(read_set(dir / "unseen-goals.jsonl").unseen);
    CHECK_FALSE(read_set(dir / "round2-goals.jsonl").unseen);
    CHECK_FALSE(read_set(dir / "round3-danger.jsonl").unseen);
    CHECK_FALSE(read_set(dir / "round3-danger.jsonl").goals);
    CHECK_FALSE(read_set(dir / "unseen3-goals.jsonl").unseen);
    fs::remove_all(dir);
    // a bundled set named round* is never held out; an unseen set that
    // arrives later is judged by its own floor line, or printed when it has none
    for (auto& c : labelled_cases())
        for (auto& s : c.sets)
            if (s.name.rfind("round", 0) == 0) CHECK_FALSE(s.unseen);
}
