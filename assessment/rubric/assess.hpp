// The assessor: a pure function from a trainee's work and the practice
// guidance to verdicts that explain themselves. No I/O here except loading
// the guidance data once (Guidance::load); no globals.
#pragma once

#include "model/scenario.hpp"
#include "runtime/transcript.hpp"

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sofs {

// A stretch of the trainee's text (byte offsets, end exclusive) that decided a verdict.
struct Span {
    std::size_t begin = 0, end = 0;
};

struct Verdict {
    std::string criterion;       // "DS-WHO", "SG-OVER-TIME", "SC-IN-RANGE", "MAP-PLACEMENT", ...
    bool met = false;
    std::vector<Span> evidence;  // where in the text (empty when the decision rests on absence)
    std::string evidence_words;  // the deciding words, quoted, for reports
    std::string explanation;     // plain words: why met or not met
    std::string guidance;        // the guidance it rests on, quoted
    std::string improve;         // how to improve (empty when met)
};

// The practice guidance as data: lexicons and quotes from content/.
class Guidance {
public:
    // Loads every lexicon under `content_dir` (content/ in the source tree by
    // default). On failure returns null and says what and where in `error`.
    // `second_opinion` false: the rules judge alone even when the content
    // has the learned second opinion's weights (content/models), for tests
    // and comparisons that pin down what a rule does.
    static std::shared_ptr<const Guidance> load(const std::string& content_dir, std::string* error,
                                                bool second_opinion = true);
    static std::string default_dir();  // $SOFS_CONTENT_DIR, else content/ beside the program (util/data_dir)
    // Only the criteria's names in words ("DS-WHO" -> "Says who is worried"),
    // read from guidance/criteria.yaml under `content_dir`: for screens and
    // reports that name checks without judging anything (no lexicons, no
    // dictionary). Empty, with `error` saying what and where, when it cannot.
    static std::map<std::string, std::string> criterion_names(const std::string& content_dir, std::string* error);
    // Lets go of the spelling dictionary (en_GB, about 6 MiB), which is read
    // again when a later answer needs it: for a program that has finished
    // judging for now (sofs-sim once an attempt is assessed). Thread-safe.
    void release_dictionary() const;
    struct Data;
    std::shared_ptr<const Data> data;
};

// Free text, judged on every criterion of its kind (assessment/CRITERIA.md).
// These prepare the case once per scenario (cached in the Guidance by the
// scenario's address and content hash) and are safe to call from many threads.
std::vector<Verdict> assess_danger_statement(const std::string& text, const Scenario& s, const Guidance& g);
std::vector<Verdict> assess_safety_goal(const std::string& text, const Scenario& s, const Guidance& g);

// What the assessor works out once per scenario: the case's people (names,
// first names, aliases), the themes of its danger statements, names for
// worked examples in feedback. Batch callers may prepare once and reuse it.
struct PreparedCase;
std::shared_ptr<const PreparedCase> prepare_case(const Scenario& s, const Guidance& g);
std::vector<Verdict> assess_danger_statement(const std::string& text, const PreparedCase& c, const Guidance& g);
std::vector<Verdict> assess_safety_goal(const std::string& text, const PreparedCase& c, const Guidance& g);

// Next steps, one step a line: NS-WHO-DOES-WHAT (every step says who does
// what) and NS-FAMILY-NETWORK (at least one step involves the family or
// their network). A simple check of names and actions, not a judgement of
// whether the steps are wise.
std::vector<Verdict> assess_next_steps(const std::string& text, const Scenario& s, const Guidance& g);
std::vector<Verdict> assess_next_steps(const std::string& text, const PreparedCase& c, const Guidance& g);

// Words and Pictures: an explanation written to the case's child (expert key
// `words_and_pictures`: which child, at what age), judged on WP-WHO-WORRIED,
// WP-WHAT-HAPPENED, WP-NON-BLAMING, WP-WHAT-IS-DONE and WP-CHILD-WORDS.
std::vector<Verdict> assess_words_and_pictures(const std::string& text, const Scenario& s, const Guidance& g);
std::vector<Verdict> assess_words_and_pictures(const std::string& text, const PreparedCase& c, const Guidance& g);

// The criteria ids of each kind, in the fixed order of assessment/CRITERIA.md.
const std::vector<std::string>& danger_statement_criteria();
const std::vector<std::string>& safety_goal_criteria();
const std::vector<std::string>& next_steps_criteria();  // NS-WHO-DOES-WHAT, NS-FAMILY-NETWORK
const std::vector<std::string>& words_and_pictures_criteria();  // WP-*

// Everything judged about one task's answer.
struct TaskAssessment {
    std::string task;            // task id
    TaskKind kind = TaskKind::DangerStatement;
    std::vector<Verdict> verdicts;
};

// What the trainee's conversation moves did.
struct MovesSummary {
    std::map<std::string, int> count_by_move;   // move name -> times chosen
    int fitting = 0, not_fitting = 0;
    std::vector<int> aims_served, aims_undermined;  // aim numbers, each once
    std::vector<std::string> reflections;        // what to try instead, in a reflective tone
};

struct Debrief {
    std::vector<TaskAssessment> tasks;           // one per task answered, latest answer each
    MovesSummary moves;
    std::vector<Verdict> overall;                // bookends and anything judged across tasks
};

// The whole debrief for a transcript.
Debrief assess(const Transcript& t, const Scenario& s, const Guidance& g);

}  // namespace sofs
