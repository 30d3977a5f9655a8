// Finishing an attempt with the assessor's judgement: the Debrief flattened
// into verdict rows, and attempts finished while the assessor was unavailable
// judged later. Shared by `sofs play` (recorder), `sofs report assess-pending`
// and the application.
#pragma once

#include "rubric/assess.hpp"
#include "store.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sofs::progress {

// Criterion ids to their names in words, from the guidance (for exports).
std::map<std::string, std::string> criterion_names(const Guidance& guidance);

// Each task's verdicts under its task id; verdicts across the attempt under "".
std::vector<NewVerdict> verdict_rows(const Debrief& d);

// Marks the attempt finished (its ending from the transcript's End event) and
// stores the assessor's verdicts, in one transaction. With `guidance` null the
// attempt is finished without verdicts, to be assessed later.
void finish_assessed(Store& store, Id attempt, const Transcript& t, const Scenario& s, const Guidance* guidance);

struct PendingResult {
    int assessed = 0;
    std::vector<std::string> skipped;   // plain words: which attempt and why
};

// Judges every finished attempt that has no verdicts yet, using the scenario
// of the same id from `library` when the attempt's ids still fit it.
PendingResult assess_pending(Store& store, const std::vector<std::shared_ptr<const Scenario>>& library,
                             const Guidance& guidance);

}  // namespace sofs::progress
