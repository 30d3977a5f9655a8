// reading/: what a safety goal's deeds are, beyond its clauses: what a
// caregiver sees to ("make sure Kai goes to nursery"), a thing kept away or
// shown, a deed qualified by a vague word, help received, a promise of what
// can be done. Shared by the SG-* criteria (assessment/CRITERIA.md).
#pragma once

#include "rubric/reading/clauses.hpp"

namespace sofs::rubric {

// The clause that governs token `tok`: the last clause whose verb comes at or
// before it in the same sentence (null when no "X will ..." comes first).
const Clause* governing(const GoalReading& g, int tok);

// A person's mention ending in a possessive ("Leah's", "the kids'").
bool possessive_at(const Reading& r, int last);

// "will feed Ruby properly", "will be home more": the deed at `verb` qualified
// by a vague word in its own clause.
bool qualified_vaguely(const GoalReading& g, int verb);

// "will make sure Ruby is fed and sleeps safely", "fed well every day": the deed at
// `verb` ends on a manner (manner.txt [end-manner]) with nothing after it but a time,
// a comma or "and": how well it is done, which nobody can see (eighth round).
bool ends_vaguely(const GoalReading& g, const std::vector<Match>& manner, int verb);

// "Liam will stay calm", "will trust Leah", "will know where Maya is", "will live in a
// home without shouting": the clause's verb says only a manner, an inner state, or a
// home by what is not in it (manner.txt; seventh round). `manner` is r.longest("manner").
bool manner_only(const GoalReading& g, const Clause& c, const std::vector<Match>& manner);

// "Nia won't take sleeping tablets so she can hear Mali", "so that he can do the
// mornings": a clause after "so" or "so that" says what a deed is for, not a deed
// (eleventh round; a presence there is read by purpose_presence).
bool purpose_clause(const GoalReading& g, const Clause& c);

// "keep Lily safe", "look after them properly", "make sure Lily's needs are met": care
// said only in general at the clause's verb; not when the deed follows after "by", or
// the deeds of care after "with" or in brackets ("needs are met with three meals a
// day"; tenth round). SG-CAREGIVER-ACTION.
bool general_care(const GoalReading& g, const Clause& c);

// "will be supported by his network", "access support": help received.
bool received_help(const GoalReading& g, int verb);

// "will show they can keep the children safe": the clause's "can" follows a
// promise verb, so what is to be shown is not done.
bool shown_only(const GoalReading& g, const Clause& c);

// "will show she can get Cai and Mali up", "show Nadia that he can keep Lily warm":
// a promise verb whose object is what someone can do. What is to be shown is not
// done, whatever deed follows (eighth round); unless it is shown by doing it ("in
// front of Linda", "by doing it every day").
bool shows_ability(const GoalReading& g, const Clause& c);

// "will make sure Kai goes to nursery", "ensure an adult minds Kacper": what a
// caregiver sees to is a deed or a presence of someone in it.
bool sees_to_deed(const GoalReading& g, const Clause& c);

// "Leila will ensure appropriate adult supervision is in place every morning for the
// three boys": what a caregiver sees to said as supervision (stand-ins.txt
// [supervision]) within four words, with the children or an adult named: someone
// with the children, which can be seen (eighth round). Not under a promise
// ("demonstrate ... and ensure robust supervision").
bool sees_to_supervision(const GoalReading& g, const Clause& c);

// "Mam or Nain will be with Osian", "will be beside Osian", "an adult will be with
// Sami": a clause of "be" with a child after it, a presence.
bool with_child(const GoalReading& g, const Clause& c);

// "keep the tablets away from Finn": a thing kept away (not a person or a quarrel).
bool keeps_thing_away(const GoalReading& g, const Clause& c);

// "Liam will stay away from Marlow Close", "keep away from the kids": where someone
// will not be is an absence (SG-OBSERVABLE, eighth round); a thing kept away is not.
bool stays_away(const GoalReading& g, const Clause& c);

// "Leah will show Kez any message she gets", "show Anil Osian's meter", "show Nadia
// how he makes a bottle": a thing, or a deed, shown to someone.
bool shows_thing(const GoalReading& g, const Clause& c);

// "Cerys will change her shifts so she is home in the mornings", "so he can be there",
// "so she is at home with Kacper": what a caregiver does so as to be with the
// children is their presence (eighth round). The token of "home", "there" or "with", or -1.
int purpose_presence(const GoalReading& g, const Clause& c);

// "Cai and Mali will be walked into school by 8.50 every day, with breakfast eaten, by
// Nia, Nain or Halina": the adult of the family who does what a passive clause says
// (eighth round). The agent's token, or -1.
int passive_agent(const GoalReading& g, const Clause& c);

// "Karen and Maya will watch the baking together": an adult of the family named in
// the list of people a mention ends (eighth round).
bool adult_in_list(const Reading& r, const Mention& m);

// "Maisie will come to school rested because Mum and Dad keep things calm",
// "because her daddy gets up for her": the family's deed given as the reason
// for the child's safe life (seventh round). The verb's token, or -1.
int cause_deed(const GoalReading& g);

// "Rania or Marta come to house and make the breakfast", "Bernie she come every
// morning ... she give breakfast", "Jean and Marta cook": a deed in the present
// tense with the verb in its plain form (a plural subject, or English as a second
// language), as present_deed reads "Jen tells Graham". Not after "when" or "if" in
// the same part of the sentence. The verb's token, or -1.
int plain_present_deed(const GoalReading& g);

// "Leila will tell the school when she is unwell", "will let the school know who is
// collecting Kacper": someone of the family (not a professional) telling a professional,
// unless only if it goes wrong ("will tell the social worker if there are any more
// incidents"). The verb's token, or -1.
int tells_professional(const GoalReading& g, const Clause& c);

// "Tony will help Leah with her homework", "Karen will help her block and report them":
// helping a child at a task named after them is a deed others can see (ninth round);
// not helping them feel something ("help Leah feel safe": non-actions, manner).
bool helps_child_with(const GoalReading& g, const Clause& c);

// "Maya will show Auntie Shell or her mum any message ..., and they will help her block
// it": a "they" the people-reader left unknown means the nearest list of people before
// it in its sentence ("Auntie Shell or her mum", a possessive word allowed before a
// name) when that list holds an adult of the family (twelfth round). The list's first
// and last tokens in *first, *last, or false.
bool family_they(const GoalReading& g, const Clause& c, int* first = nullptr, int* last = nullptr);

// "Bernie 7am daily", "Bernie in at 7 daily when Sam away": in note form, a
// person of the family named with the time they will be there is their
// presence, a deed of care (eighth round). The time's token, or -1.
int noted_presence(const GoalReading& g);

}  // namespace sofs::rubric
