// case/: what the assessor works out once per scenario, from the scenario
// file alone (people and the expert key): the case's names, its danger in
// the family's words, and sentences for worked examples in feedback.
#pragma once

#include "rubric/text/words.hpp"

#include <unordered_set>

namespace sofs {

struct PreparedCase {
    const Scenario* scenario = nullptr;
    std::string content_hash;
    rubric::Lexicon people;                  // generic people words plus the case's names
    std::vector<std::string> danger_themes;  // sections of danger-themes active in this case
    // The case's own danger from the expert key (`dangers`): sections "does",
    // "harm" and "safe", each phrase's note the danger's index.
    rubric::Lexicon case_words;
    std::vector<std::vector<std::string>> danger_children, danger_adults;  // person ids, by danger index
    // The words the experts use for this case's danger (its expert danger
    // statements and `dangers` phrases), less people, grammar and the words
    // every danger statement has ("worried", "could"): each as topic_key()
    // gives it. SG-ADDRESSES-DANGER reads a goal's link to the danger in them.
    std::unordered_set<std::string> danger_topic;
    // Names for worked examples in feedback ("such as 'Ryan pushed Jade'").
    std::string adult, partner, child, baby, children;
    std::string caregivers;  // every caregiver's first name: "Jade and Ryan", "Marcus"
    // Words and Pictures: the child it is written to (first name) and the age in
    // years its words must fit; from the expert key, else the youngest child.
    std::string wp_child;
    int wp_age = 10;
    // Sentences from the scenario's own expert examples, for rewrites in feedback
    // ({danger_example}, {impact_example}, {goal_example}, {goal_action_example}:
    // an expert sentence the assessor reads as the caregivers' own deed, never a
    // professional's checking; {goal_seen_example}: the last sentence of the first
    // expert goal, usually who will see it and for how long).
    // {past_harm_example}: the first sentence of the experts' past harm, so the
    // example of what happened is this family's, never an invented event.
    std::string danger_example, impact_example, goal_example, goal_action_example, goal_seen_example,
        past_harm_example;
    // Single words of the grammar lexicon, for quick checks.
    // Compared as written (lower case), not by stem: "calmly" is skipped, "calm" is not.
    std::unordered_set<std::string> be, negation, skip, auxiliary, be_or_auxiliary, conjunction, child_determiner, modal,
        service_noun, service_about, seen_verb;
    // Single words of clause-words.txt the reading of people reads (people.cpp), compared as
    // written: [name-little], [bare-child], [object-joins].
    std::unordered_set<std::string> name_little, bare_child, object_joins;
};

}  // namespace sofs

namespace sofs::rubric {

// A feedback text from content/guidance with the case's own names and examples
// filled in ({adult}, {child}, {danger_example}, ...), `words` for {words} and
// `plain` for {plain} (filled first: a plain alternative may hold names).
// A word as the case's danger topic keeps it: lower case, without "'s" and
// common endings ("leaving", "leaves" and "leave" are one key).
std::string topic_key(const std::string& lower_word);

std::string fill_wording(std::string text, const PreparedCase& c, const std::string& words,
                         const std::string& plain = "");

}  // namespace sofs::rubric
