// reading/: who did it. The doer of a deed in a danger statement, read past
// possessives ("Claire's tablets") and the objects of prepositions ("caring for
// Leo"), across clauses joined by "and" or "by", and past the passive of
// someone else ("could end up hurt"). The small words it reads are in
// content/lexicons/clause-words.txt, by section.
#pragma once

#include "rubric/reading/reading.hpp"

namespace sofs::rubric {

// A class of single words from content/lexicons/clause-words.txt ("[not-deed]"),
// compared as written (lower case). Unknown sections are empty.
const std::unordered_set<std::string>& clause_words(const Reading& r, const std::string& section);
// The same, where no text has been read yet (next_steps.cpp).
const std::unordered_set<std::string>& clause_words(const Guidance::Data& d, const std::string& section);
inline bool in_class(const Reading& r, int tok, const std::string& section) { return r.is(tok, clause_words(r, section)); }

// "-ing" at the end of a word of more than four letters ("drinking", not "sing").
bool ends_ing(const std::string& w);
// A comma written between token k-1 and token k (commas are not tokens).
bool comma_before(const Reading& r, int k);
// A possessive mention: its last word ends in "'s" ("Leah's").
bool possessive(const Reading& r, const Mention& m);
// A possessive as written in the text ("Karen's", "the parents'", with a curly
// apostrophe too): the words read are without it, so possessive() misses a name.
bool written_possessive(const Reading& r, const Mention& x);
// A mention that cannot be a clause's subject: a possessive ("Leah's"), or the
// object of a preposition ("before her son", "for Leo").
bool not_a_subject(const Reading& r, const Mention& m);
// A participle at `first` in the passive: after "be" or "get" ("could be slapped",
// "will get battered", "could end up hurt").
bool passive_at(const Reading& r, int first);
// A deed word at first..last said in the passive of someone else with no doer
// after "by" ("Leah could end up seriously hurt", "the baby could be hurt"):
// what happens to them, not an adult's deed.
bool suffered(const Reading& r, int first, int last);
// The doer of a deed at `tok` when the nearest person before it is not: people
// who are objects are passed over ("an adult caring for Leo ... could squeeze his
// chest"); in notes, a sentence that opens with the deed carries on about the
// adult last named ("Dean (24) sleeping w/ Leah. Grabbed her arm").
const Mention* doer_past_objects(const Reading& r, int tok);
// The subject of the earlier clause for a deed after "by" (the means) or joined
// by "and"/"or" ("fails to protect the children by letting Ryan back in"), past
// the children and others who are objects. Null when there is no such joint.
const Mention* joined_doer(const Reading& r, int tok);
// "Jay, and men he knows, may keep pushing Maya": a pronoun that is the subject of a
// relative clause with no "who" ("men he knows") is not the doer of the deed at `tok`;
// the head it describes is, or the subject before an aside between commas. `agent` as it
// is otherwise.
const Mention* main_clause_doer(const Reading& r, const Mention* agent, int tok);
// The verb at or after `v` (over modals, adverbs and helpers such as "keeps",
// "will start") in the sentence of `from`.
int verb_from(const Reading& r, int v, int from);
// A pronoun no one in the text is named for ("he could hurt her arm"): the
// case's only child it fits, written into `scratch`; else `target` as it is.
const Mention* unnamed_child(const Reading& r, const Mention* target, Mention* scratch);

}  // namespace sofs::rubric
