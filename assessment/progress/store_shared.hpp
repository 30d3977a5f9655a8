// What the SQLite and PostgreSQL stores do the same way, written once (the
// rules for trainers' overrides and comments are in store.hpp): a draft's
// placements as stored, and the people named for a cohort.
#pragma once

#include "store.hpp"

#include <map>
#include <string>
#include <vector>

namespace sofs::progress {

// A draft's placements (card or item -> place) as stored: a JSON object of
// strings. Reading is forgiving: anything else reads as no placements.
std::string placements_to_json(const std::map<std::string, std::string>& placements);
std::map<std::string, std::string> placements_from_json(const std::string& stored);

// The ids of the people named for `cohort`, all or none: NotFound naming
// every unknown name (in the store at `where`) when any is unknown.
std::vector<Id> people_for_cohort(Accounts& accounts, const std::vector<std::string>& names, const std::string& where,
                                  const std::string& cohort);

}  // namespace sofs::progress
