// What the SQLite and PostgreSQL stores do the same way, written once (the
// rules for trainers' overrides and comments are in store.hpp): a draft's
// placements as stored, the people named for a cohort, an event read back,
// overrides joined to their verdicts, and assigned cases beside played ones.
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

// `a`, an attempt as read for someone, or NotFound ("there is no attempt ID")
// when there is none for them.
Attempt existing_attempt(const std::optional<Attempt>& a, Id id);

// An event read back from its row (kind and answer as stored: an unknown kind
// reads as an advance; the answer only on an answer event).
Event stored_event(int step, const std::string& kind, std::string scene, std::string choice, const std::string& answer,
                   std::string ending, std::int64_t at_ms);

// The transcript's header (case, content hash, seed) of attempt `a`, without events.
Transcript transcript_header(const Attempt& a);

// Puts each override (oldest first) beside its verdict; the latest decides
// what the trainee is shown (`met`).
void join_overrides(std::vector<StoredVerdict>& verdicts, std::vector<Override> overrides);

// A person's cases: those played (one row a case) and those assigned through
// their cohorts, played or not, each once, in case-id order.
std::vector<ScenarioProgress> with_assigned(std::vector<ScenarioProgress> played, const std::vector<std::string>& assigned);

}  // namespace sofs::progress
