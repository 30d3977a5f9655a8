// Stock answers: a reasonable, fixed answer to any task, drawn from the
// scenario's expert key (the first danger statement, the experts' scaling
// number, each fact in its own column...). Used by `sofs play --random`, by
// golden plans (`- answer: TASK-ID`) and by tests that need a playthrough.
#pragma once

#include "runtime/session.hpp"

#include <string>
#include <vector>

namespace sofs {

// The facts a sort-facts task offers now: its own list, or every fact revealed so far.
std::vector<std::string> offered_facts(const Session& s, const Task& t);
// The people a safety-network task offers: its own list, or everyone not a professional.
std::vector<std::string> offered_people(const Scenario& sc, const Task& t);

Answer stock_answer(const Session& s, const Task& t);

}  // namespace sofs
