// One voice: the live hints and the checks come from the same judgement, so
// on every labelled text of every case a jargon, acronym or long-sentence
// hint appears exactly when the plain-words check is not met, and a label
// hint exactly when the non-blaming check is not met. Unseen sets are run
// too, but only counted: their text is never printed.
#include "labelled.hpp"
#include "rubric/writing_hints.hpp"

#include <doctest/doctest.h>

using namespace sofs::testing;

TEST_CASE("no hint contradicts a check on any labelled text") {
    auto g = guidance();
    REQUIRE(g);
    int texts = 0, contradictions_unseen = 0;
    for (auto& c : labelled_cases()) {
        if (!c.scenario) continue;
        auto prepared = sofs::prepare_case(*c.scenario, *g);
        for (auto& set : c.sets)
            for (auto& l : set.items) {
                ++texts;
                auto hints = sofs::writing_hints(l.text, *prepared, *g);
                bool plain_hint = false, label_hint = false;
                for (auto& h : hints) {
                    if (h.kind == sofs::WritingHint::Kind::Label) label_hint = true;
                    else plain_hint = true;
                }
                auto vs = set.goals ? sofs::assess_safety_goal(l.text, *prepared, *g)
                                    : sofs::assess_danger_statement(l.text, *prepared, *g);
                const sofs::Verdict* plain = find(vs, set.goals ? "SG-PLAIN" : "DS-PLAIN");
                const sofs::Verdict* blame = set.goals ? nullptr : find(vs, "DS-NON-BLAMING");
                REQUIRE(plain);
                bool agree = plain_hint == !plain->met && (!blame || label_hint == !blame->met);
                if (set.unseen) {
                    if (!agree) ++contradictions_unseen;
                    continue;
                }
                CAPTURE(c.id + "/" + set.name + " " + l.id);
                CHECK(plain_hint == !plain->met);
                if (blame) CHECK(label_hint == !blame->met);
            }
    }
    CHECK(contradictions_unseen == 0);
    CHECK(texts > 1000);
}
