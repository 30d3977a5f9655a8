// What the assessor can say about itself and about a case: every criterion
// with its name (for `sofs criteria`, trainers' overrides and reports), and
// a check that a case's own expert examples meet the criteria they teach
// (`sofs lint`, code SCN040). Criteria: assessment/CRITERIA.md.
#pragma once

#include "model/diagnostic.hpp"
#include "rubric/assess.hpp"

#include <string>
#include <vector>

namespace sofs {

struct CriterionInfo {
    std::string id;    // "DS-WHO"
    std::string name;  // "Says who is worried"
    std::string kind;  // "danger-statement", "safety-goal", "mapping", "scaling", ...
};

// Every criterion the assessor judges, danger statements and safety goals
// first in their fixed order, then the rest by kind.
std::vector<CriterionInfo> criteria_catalogue(const Guidance& g);

// Judges the expert key's own danger statements and safety goals against the
// case (its people and `dangers`); one SCN040 warning for every criterion an
// example fails, at the expert key's line.
std::vector<Diagnostic> check_expert_key(const Scenario& s, const Guidance& g);

}  // namespace sofs
