// reading/: what an adult does or leaves undone, in a danger statement: an
// omission ("may not feed her", "unable to get up"), "too ... to" ("too low to
// get up") and a deed done to a child of the case ("might leave Kacper at
// home", "goes to work and leaves him"). Who does it: doers.hpp.
#pragma once

#include "rubric/reading/doers.hpp"

namespace sofs::rubric {

// An adult and the words of their deed (first..last).
struct Deed {
    const Mention* who = nullptr;
    int first = -1, last = -1;
    Mention own;  // `who` points here when the adult is no mention of the text ("an adult caring for Leo")
    Deed() = default;
    Deed(const Deed&) = delete;  // `who` may point into the Deed itself
    Deed& operator=(const Deed&) = delete;
};

// An adult who "does not", "may not", "never", is "unable to" do something a
// child needs; not an inner state ([non-actions]), not care said only in
// general (`general`: "doesn't care", "can't parent").
bool omission(const Reading& r, const std::vector<Match>& general, Deed* out);
// An adult "too low to get up", "in too much pain to get out of bed": what
// follows "to" is a deed left undone (not being, an inner state, nor `general`).
bool too_to(const Reading& r, const std::vector<Match>& general, Deed* out);
// An adult as the subject of a verb whose object is a child of the case, past
// a second subject, a "who" clause between commas, or across "and" from an
// earlier clause. Not a verb inside `blocked` (categories, labels, jargon).
bool acts_on_child(const Reading& r, const std::vector<Match>& blocked, Deed* out);

}  // namespace sofs::rubric
