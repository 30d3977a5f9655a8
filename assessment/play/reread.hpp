// A finished attempt read again, in words: the whole conversation in order
// (each scene as it opened, every move the trainee made, the family's reply
// and the feedback on it), every answer handed in, and the feedback check by
// check with each trainer's override (and its reason) and comment beside the
// check it is about. Built from the store's read interfaces and the case
// file, by replaying the recorded events through a Session; nothing is
// judged again (the verdicts are the stored ones, as the trainee was shown).
//
// Everything is in people's words: case, scene and check names, people's
// names, fact texts; ids never reach the result. When the case file has
// changed so that the events no longer fit it, the conversation stops where
// they part and `problem` says so; the answers and feedback are still there.
#pragma once

#include "model/scenario.hpp"
#include "progress/store.hpp"

#include <map>
#include <string>
#include <vector>

namespace sofs::play {

struct RereadLine {
    enum class Kind { Scene, Narration, Speech, Move, Reply, MoveFeedback, Answer, Ending };
    Kind kind = Kind::Narration;
    std::string who;     // Speech and Reply: the person's name; Scene: the place
    std::string text;
};

// One answer handed in, in words.
struct RereadAnswer {
    std::string task;                // task id (for matching feedback; not for display)
    std::string label;               // "Danger statement", "Safety scale", ...
    std::string prompt;              // the task's question
    std::vector<std::string> lines;  // the answer: the text, or one line per card or pick
};

// One check on one task: the decision the trainee sees, and why.
struct RereadCheck {
    std::string criterion;           // id (for matching; not for display)
    std::string name;                // in words
    bool met = false;                // effective (the latest trainer's decision when overruled)
    bool assessor_met = false;
    std::string evidence_words;
    std::string explanation;
    std::vector<progress::Override> overrides;   // oldest first, each with its reason
    std::vector<progress::Comment> comments;     // trainers' comments beside this check
};

struct RereadTask {
    std::string task;                // id ("" = across the whole attempt)
    std::string label;               // in words
    std::vector<RereadCheck> checks;
};

struct Reread {
    progress::Attempt attempt;
    std::string title;                        // the case's title
    std::string ending;                       // the ending's title
    std::vector<RereadLine> conversation;
    std::vector<RereadAnswer> answers;        // in the order handed in (the last answer to each task)
    std::vector<RereadTask> feedback;         // in the order of the answers, then the rest
    std::vector<progress::Comment> case_comments;  // comments on the case as a whole
    std::string problem;                      // plain words, when the case file no longer fits
};

// The task kind in words ("Danger statement", "Sorting the facts", ...).
std::string task_label(TaskKind kind);

// Reads attempt `attempt` with `who`'s access (a trainee their own, a trainer
// their cohorts'). `scenario` is the case file of the attempt's case (null
// when it is gone: then only answers' texts and feedback are shown).
// `check_names` gives checks' names in words. Throws progress::StoreError.
Reread reread(progress::Store& store, const progress::Actor& who, progress::Id attempt, const Scenario* scenario,
              const std::map<std::string, std::string>& check_names);

}  // namespace sofs::play
