// Tables of examples for the rubric tests: sentences written for a test, each
// with the verdict one criterion must give it. Every row is judged and checked
// on its own (one failing row does not stop the others), and a failing row
// names its rule, case, criterion and text.
#pragma once

#include "fixture.hpp"
#include "rubric/text/words.hpp"

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace sofs::testing {

// The verdict a row must get (`using enum sofs::testing::Expect;` lets a table say `met` or `not_met`).
enum class Expect { met, not_met };

// How one kind of writing is judged: assess_danger_statement, assess_safety_goal
// or assess_words_and_pictures.
using Judge = std::vector<Verdict> (*)(const std::string& text, const Scenario& s, const Guidance& g);

// A sentence and the verdict one criterion, named once for the table, must give it.
struct Said {
    Expect expect;
    std::string text;
};

// A sentence read in the bundled case named by its id, and the verdict a criterion must give it.
struct CaseExample {
    Expect expect;
    std::string case_id;
    std::string text;
    std::string criterion;
};

// One row judged: a case that does not load or a criterion that gives no
// verdict fails that row alone, so every other row is still checked.
inline void check_verdict(Judge judge, const Scenario& s, const std::string& criterion, const Said& row) {
    auto g = rules_guidance();  // the rules alone: these examples pin down rules
    REQUIRE(g);
    CAPTURE(criterion);
    CAPTURE(row.text);
    auto vs = judge(row.text, s, *g);
    const Verdict* v = find(vs, criterion);
    CHECK_MESSAGE(v != nullptr, criterion << " was not judged");
    if (v) CHECK(v->met == (row.expect == Expect::met));
}

// Whether `criterion` is met by `text` in the bundled case `case_id`, judged by
// `judge`; a case that does not load, or a criterion not judged, stops the test.
inline bool met_in_case(Judge judge, const std::string& case_id, const std::string& text, const std::string& criterion) {
    auto g = rules_guidance();  // the rules alone: these examples pin down rules
    auto s = bundled_case(case_id);
    REQUIRE(g);
    REQUIRE_MESSAGE(s, case_id << " did not load");
    auto vs = judge(text, *s, *g);
    const Verdict* v = find(vs, criterion);
    REQUIRE_MESSAGE(v, criterion << " was not judged");
    INFO(criterion << ": " << text);
    return v->met;
}

// met_in_case for a safety goal, and for a danger statement.
inline bool goal_met(const std::string& case_id, const std::string& text, const std::string& criterion) {
    return met_in_case(assess_safety_goal, case_id, text, criterion);
}
inline bool danger_met(const std::string& case_id, const std::string& text, const std::string& criterion) {
    return met_in_case(assess_danger_statement, case_id, text, criterion);
}

// Each sentence judged in `s` by one criterion.
inline void check_criterion(Judge judge, const Scenario& s, const std::string& criterion, std::initializer_list<Said> rows) {
    for (const Said& row : rows) check_verdict(judge, s, criterion, row);
}

// Each sentence judged in its own bundled case.
inline void check_examples(Judge judge, const std::vector<CaseExample>& rows) {
    for (const CaseExample& row : rows) {
        CAPTURE(row.case_id);
        auto s = bundled_case(row.case_id);
        CHECK_MESSAGE(s != nullptr, row.case_id << " did not load");
        if (s) check_verdict(judge, *s, row.criterion, {row.expect, row.text});
    }
}

// A rule of the assessor, in words, and the sentences that show its limits both ways.
struct Rule {
    std::string title;
    std::vector<CaseExample> examples;
};

// Every rule's examples; a failing row names its rule too.
inline void check_rules(Judge judge, std::initializer_list<Rule> rules) {
    for (const Rule& rule : rules) {
        INFO(rule.title);
        check_examples(judge, rule.examples);
    }
}

// Each named section of the lexicon file `lexicon` (content/lexicons/<lexicon>.txt)
// has at least one entry: the sections a rule reads its words from.
inline void check_lexicon_sections(const char* lexicon, std::initializer_list<const char*> sections) {
    auto g = guidance();
    REQUIRE(g);
    const auto& lex = g->data->lex(lexicon);
    for (const char* section : sections) {
        int words = 0;
        for (const auto& p : lex.phrases)
            if (p.section == section) ++words;
        INFO(lexicon << " [" << section << "]");
        CHECK(words > 0);
    }
}

}  // namespace sofs::testing
