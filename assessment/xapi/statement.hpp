// xAPI learning records: the statement a Learning Record Store is told for
// each thing a trainee does that the organisation's LMS may count (starting a
// case, a choice, an answer, each verdict, finishing). Pure: no I/O, no clock;
// the caller gives the statement id and the time, fixed when the event
// happens, so a record queued offline keeps its true time and a resend is the
// same statement (an LRS ignores a repeated id).
//
// Contract: statements carry ids, verbs, numbers and placements by id only,
// never a trainee's free text or name. An LRS cannot forget what it was sent.
#pragma once

#include "runtime/transcript.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sofs::xapi {

// The xAPI version the statements follow and the sender announces.
inline constexpr const char* kVersion = "1.0.3";

// Who did it: an account on the organisation's system, never a name.
struct Learner {
    std::string home_page = "urn:sofs-simulator";  // the system the account belongs to
    std::string account;                            // e.g. the person's number in the store
};

// Where it happened: one attempt of one version of a case.
struct Place {
    std::string scenario;      // scenario id
    std::string content_hash;  // the scenario version played
    std::int64_t attempt = 0;  // the store's attempt number
};

// One verdict of the assessor (or a trainer's override), by ids.
struct VerdictRecord {
    std::string task;       // "" for a verdict on the whole attempt
    std::string criterion;  // criterion id
    bool met = false;
};

struct Statement {
    std::string id;            // UUID
    std::int64_t at_ms = 0;    // the timestamp, ms since 1970 UTC
    std::string json;          // the statement, one line
};

// A fresh random (version 4) UUID for a statement id.
std::string new_statement_id();
// ms since 1970 as xAPI's timestamp: 2026-11-30T14:05:09.123Z.
std::string timestamp(std::int64_t ms);

// The statement for an event, or nothing for events an LMS does not count
// (advancing through narration). Kinds: start -> attempted, choose ->
// responded (the choice id), answer -> answered (a scaling number as a score,
// placements and picks as ids, written answers as "handed in" only),
// end -> completed (the ending id).
std::optional<Statement> for_event(const Learner& who, const Place& where, const Event& e, std::int64_t at_ms,
                                   const std::string& id);
// The statement for one verdict: scored, with success = met.
Statement for_verdict(const Learner& who, const Place& where, const VerdictRecord& v, std::int64_t at_ms,
                      const std::string& id);

// The verb ids used, for tests and documentation.
std::vector<std::string> verbs_used();

}  // namespace sofs::xapi
