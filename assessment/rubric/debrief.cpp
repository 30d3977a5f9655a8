// The whole debrief for a transcript: each task's answer judged, bookends
// across tasks, and what the conversation moves did.
#include "words.hpp"

namespace sofs {

Debrief assess(const Transcript&, const Scenario&, const Guidance&) { return {}; }

}  // namespace sofs
