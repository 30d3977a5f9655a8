// criteria/: one file per criterion of a danger statement or a safety goal,
// each a function from a reading of the text to a verdict, and the registry
// below that lists them with their ids and kinds in the fixed order of the
// criteria (assessment/CRITERIA.md). To change how one criterion judges, change
// its file; to add one, write its file and add it to the registry.
#pragma once

#include "rubric/reading/clauses.hpp"
#include "rubric/verdict.hpp"

namespace sofs::rubric {

// Danger statements.
Verdict ds_who(const Reading& r, const Wording& w);
Verdict ds_behaviour(const Reading& r, const Wording& w);
Verdict ds_child_impact(const Reading& r, const Wording& w);
Verdict ds_future(const Reading& r, const Wording& w);
Verdict ds_non_blaming(const Reading& r, const Wording& w);
// DS-PLAIN and SG-PLAIN (`id` says which).
Verdict plain_verdict(const Reading& r, const Wording& w, const char* id);

// Safety goals.
Verdict sg_caregiver_action(const GoalReading& g, const Wording& w);
Verdict sg_addresses_danger(const GoalReading& g, const Wording& w);
Verdict sg_observable(const GoalReading& g, const Wording& w);
Verdict sg_over_time(const GoalReading& g, const Wording& w);
Verdict sg_not_service(const GoalReading& g, const Wording& w);

// Words and Pictures, written to a child (the case's child and age: PreparedCase::wp_age).
Verdict wp_who_worried(const Reading& r, const Wording& w);
Verdict wp_what_happened(const Reading& r, const Wording& w);
Verdict wp_non_blaming(const Reading& r, const Wording& w);
Verdict wp_what_is_done(const Reading& r, const Wording& w);
Verdict wp_child_words(const Reading& r, const Wording& w);

// A sentence longer than this is too long for a family to follow (DS-PLAIN,
// SG-PLAIN and the live hints alike).
constexpr int kLongSentence = 40;

// What the plain-words check found: also what the live hints show.
struct PlainResult {
    struct Item {
        Span span;
        std::string note;  // jargon: its plain alternative (unfilled); long: the word count
        std::string kind;  // "jargon", "acronym", "long"
    };
    bool met = true;
    std::string reason;  // "jargon", "acronym", "long"
    Evidence ev;
    std::string plain;   // the first jargon term's plain alternative
    std::vector<Item> items;
};
PlainResult judge_plain(const Reading& r);

// Labels and verdicts on a person, for DS-NON-BLAMING and the live hints.
std::vector<Match> blaming_labels(const Reading& r);

// The registry: every criterion of free text, in order.
enum class TextKind { DangerStatement, SafetyGoal, WordsAndPictures };
struct Criterion {
    const char* id;
    TextKind kind;
    Verdict (*statement)(const Reading&, const Wording&);   // for danger statements and words and pictures
    Verdict (*goal)(const GoalReading&, const Wording&);    // for safety goals
};
const std::vector<Criterion>& registry();

// Reads a text against the case and gives every verdict of one kind, in the
// registry's order (danger statements and Words and Pictures alike).
std::vector<Verdict> judge_text(const std::string& text, const PreparedCase& c, const Guidance& g, TextKind kind);

}  // namespace sofs::rubric
