// JSON for transcripts, events and answers (nlohmann_json): how `sofs play`
// prints its steps and how the progress store keeps an attempt. Field names
// are the model's, in snake case; empty fields are left out and read back as
// their defaults, so decode(encode(x)) == x for every value.
//
//   Answer:     {"task":"ds-1","text":"...","placements":{"f1":"strength"},"number":4,"picks":["linda"]}
//   Event:      {"step":3,"kind":"choose","scene":"kitchen","choice":"ask-exception",
//                "answer":{...},"ending":"plan-agreed","at_ms":1700000000000}
//   Transcript: {"scenario":"reference-case","content_hash":"0123456789abcdef","seed":7,"events":[...]}
#pragma once

#include "runtime/transcript.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace sofs {

// nlohmann's ADL hooks: `nlohmann::json j = answer; Answer a = j.get<Answer>();`
// The from_json functions throw nlohmann::json::exception on wrong types.
void to_json(nlohmann::json& j, const Answer& a);
void from_json(const nlohmann::json& j, Answer& a);
void to_json(nlohmann::json& j, const Event& e);
void from_json(const nlohmann::json& j, Event& e);
void to_json(nlohmann::json& j, const Transcript& t);
void from_json(const nlohmann::json& j, Transcript& t);

// Compact one-line text, and its safe reverse: nullopt with `error` (never a
// throw) when the text is not JSON or a field has the wrong type.
std::string answer_to_json(const Answer& a);
std::string event_to_json(const Event& e);
std::string transcript_to_json(const Transcript& t);
std::optional<Answer> answer_from_json(const std::string& text, std::string* error);
std::optional<Event> event_from_json(const std::string& text, std::string* error);
std::optional<Transcript> transcript_from_json(const std::string& text, std::string* error);

// The answer as every store keeps it (the SQLite and the PostgreSQL stores
// both call these; there is no other answer JSON): answer_to_json's text,
// and its lenient reverse, which gives an empty answer for a row that does not
// read back (written by hand, or damaged) rather than stopping a whole
// transcript from loading. Rows written with every field present (the
// PostgreSQL store's older form) read back the same.
std::string stored_answer(const Answer& a);
Answer answer_from_stored(const std::string& text);

}  // namespace sofs
