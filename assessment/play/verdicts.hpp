// The assessor's judgement of a finished attempt, as the store keeps it: the
// Debrief flattened into verdict rows, the attempt finished with them, and
// attempts finished while the assessor was unavailable judged later. The one
// place where the assessor's output meets the store: the store itself records
// the verdicts it is given and never runs the assessor.
#pragma once

#include "progress/store.hpp"
#include "rubric/assess.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sofs::play {

// Criterion ids to their names in words, read from content/guidance/criteria.yaml
// alone (Guidance::criterion_names), once, for a program that names checks
// without judging (no lexicons loaded); empty when the file cannot be read.
const std::map<std::string, std::string>& criterion_names();
// The plain name the application's checks, the reports and the live
// session's export show for a criterion id ("DS-WHO" -> "Says who is
// worried"), from the same file: one name for a check everywhere. The id
// itself when it has none.
const char* criterion_title(const std::string& id);
// The same with the task it is on, for a list of checks from several tasks,
// where two checks may share a name ("Danger statement: Plain words the
// family understands", "Safety goal: Plain words ...").
std::string criterion_title_on_task(const std::string& id);
// Names of checks (id -> name) each with its task before it, as
// criterion_title_on_task gives them: for records and exports that list
// checks from every task together (the CPD record, the CSV reports).
std::map<std::string, std::string> on_task(const std::map<std::string, std::string>& names);

// Each task's verdicts under its task id; verdicts across the attempt under "".
std::vector<progress::NewVerdict> verdict_rows(const Debrief& d);

// The assessor's debrief of a transcript; nullopt (with `problem`) when the
// guidance is missing or the assessor failed.
std::optional<Debrief> judge(const Transcript& t, const Scenario& s, const Guidance* guidance, std::string* problem);

// Marks the attempt finished (its ending from the transcript's End event) and
// stores the debrief's verdicts, in one transaction. With `debrief` null the
// attempt is finished without verdicts, to be assessed later. Throws StoreError.
void finish_assessed(progress::Store& store, progress::Id attempt, const Transcript& t, const Debrief* debrief);

struct PendingResult {
    int assessed = 0;
    std::vector<std::string> skipped;   // plain words: which attempt and why
};

// Judges every finished attempt that has no verdicts yet, using the scenario
// of the same id from `library` when the attempt's ids still fit it.
PendingResult assess_pending(progress::Store& store, const std::vector<std::shared_ptr<const Scenario>>& library,
                             const Guidance& guidance);

}  // namespace sofs::play
