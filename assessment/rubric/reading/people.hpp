// reading/: who is who in a trainee's text. Every mention of a person (a
// name, a role, a pronoun resolved to the nearest fitting mention) with what
// they are to this case: a child, a caregiver, family, another adult, a
// professional, the writer.
#pragma once

#include "rubric/text/words.hpp"

namespace sofs {
struct PreparedCase;
}

namespace sofs::rubric {

// Who a mention in the text is.
// OtherAdult: an adult who is neither family nor a professional (a neighbour,
// a stranger met online, "older men"): their behaviour counts in a danger
// statement, but a goal's caregiver is family.
enum class Who { Child, ChildGeneral, Caregiver, Family, Professional, Speaker, Everyone, Nobody, OtherAdult, Unknown };

struct Mention {
    int first = 0, last = 0;   // tokens, inclusive
    Who who = Who::Unknown;
    char gender = '?';         // 'f', 'm', 'p' (plural), '?'
    bool pronoun = false;
    std::string person;        // person id when a named person of the case
};

// A case's person's gender ("female", "male") as a mention's letter: 'f', 'm', '?'.
inline char gender_letter(const std::string& gender) {
    return gender == "female" ? 'f' : gender == "male" ? 'm' : '?';
}

inline bool is_adult(Who w) { return w == Who::Caregiver || w == Who::Family; }
// Any adult whose behaviour a danger statement can be about.
inline bool is_any_adult(Who w) { return is_adult(w) || w == Who::OtherAdult; }

}  // namespace sofs::rubric

namespace sofs::rubric {

// The people named in a text, pronouns resolved to the nearest fitting mention.
std::vector<Mention> find_people(const Text& t, const PreparedCase& c);

}  // namespace sofs::rubric
