// The accuracy floor: every case's hand-labelled sets in tests/labelled/<id>/
// are judged against THAT case's scenario, and the assessor must agree with
// the labels at least as well as it did when these floors were set (see
// tests/labelled/README.md for the figures), so a regression fails CI. The
// benchmark (bench_assess) prints the exact figures and Cohen's kappa.
#include "labelled.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace sofs::testing;

namespace {

struct Floor {
    const char* scenario;
    int at_least;              // labelled statements the case must have
    double overall, criterion;  // agreement floors, tuning and unseen sets alike
};

// Set from the figures reached (tests/labelled/README.md), rounded down.
const Floor kFloors[] = {
    {"reference-case", 700, 0.95, 0.90},
    {"neglect-early-years", 120, 0.90, 0.80},
    {"practice-lead-mapping", 120, 0.90, 0.80},
    {"teen-online-exploitation", 120, 0.90, 0.80},
};

}  // namespace

TEST_CASE("every bundled case has labelled sets, judged against its own scenario, above its floor") {
    auto g = guidance();
    REQUIRE(g);
    auto cases = labelled_cases();
    for (const Floor& fl : kFloors) {
        const std::string name = fl.scenario;
        CAPTURE(name);
        const LabelledCase* c = nullptr;
        for (auto& x : cases)
            if (x.id == fl.scenario) c = &x;
        REQUIRE_MESSAGE(c, "tests/labelled/" << name << " is missing");
        REQUIRE(c->scenario);
        auto prepared = sofs::prepare_case(*c->scenario, *g);
        int n = 0;
        for (bool unseen : {false, true}) {
            std::map<std::string, Tally> per;
            Tally all;
            for (auto& set : c->sets) {
                if (set.unseen != unseen) continue;
                n += (int)set.items.size();
                for (auto& [crit, t] : score_set(set, *prepared, *g)) {
                    per[crit] += t;
                    all += t;
                }
            }
            if (!all.n()) continue;
            INFO((unseen ? "unseen sets" : "tuning sets") << " overall agreement " << all.agreement());
            CHECK(all.agreement() >= fl.overall);
            for (auto& [crit, t] : per) {
                INFO(crit << " agreement " << t.agreement());
                CHECK(t.agreement() >= fl.criterion);
            }
        }
        CHECK(n >= fl.at_least);
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
