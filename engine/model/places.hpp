// The places a fact or a child's words can be put, in order, and the one
// name each has on screen, in exports and in the feedback. Kept apart from
// scenario.hpp, which every part of the program includes.
#pragma once

#include "model/scenario.hpp"

namespace sofs {

// Every place in the mapping, in the order of its columns (what has
// happened and what worries us, what is working well), the set-aside place last.
inline constexpr FactKind kFactKindsInOrder[] = {FactKind::PastHarm, FactKind::ComplicatingFactor, FactKind::Strength,
                                                 FactKind::ExistingSafety, FactKind::Distractor};
inline constexpr House kHousesInOrder[] = {House::Worries, House::GoodThings, House::Dreams};

// "Past harm", "Complicating factors", "Existing strengths", "Existing
// safety", "Not part of the mapping"; "House of worries", "House of good
// things", "House of dreams". Their names in files are to_string's.
const char* display_name(FactKind k);
const char* display_name(House h);

}  // namespace sofs
