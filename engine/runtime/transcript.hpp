// The record of one playthrough, keyed by stable ids, never by text: what the
// progress store saves (one event per row), what the assessor judges, and
// what a session is restored from.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sofs {

// A trainee's answer to a task. Which fields are used depends on the task kind:
//   danger-statement, safety-goal, past-harm, next-steps, words-and-pictures: text
//   sort-facts:      placements (fact id -> "past-harm" | "complicating-factor" |
//                    "strength" | "existing-safety" | "distractor")
//   scaling:         number (0..10) and text (the reason)
//   three-houses:    placements (item -> "worries" | "good-things" | "dreams")
//   safety-network:  picks (person ids)
struct Answer {
    std::string task;
    std::string text;
    std::map<std::string, std::string> placements;
    int number = -1;
    std::vector<std::string> picks;

    bool operator==(const Answer&) const = default;
};

struct Event {
    enum class Kind { Start, Advance, Choose, Answer, End };
    Kind kind = Kind::Start;
    int step = 0;              // 0, 1, 2, ... in order
    std::string scene;         // scene id the event happened in
    std::string choice;        // Choose: choice id
    Answer answer;             // Answer
    std::string ending;        // End: ending id
    std::int64_t at_ms = 0;    // from the injected clock

    bool operator==(const Event&) const = default;
};

struct Transcript {
    std::string scenario;      // scenario id
    std::string content_hash;  // of the scenario file when played
    std::uint64_t seed = 0;
    std::vector<Event> events;

    bool operator==(const Transcript&) const = default;
};

const char* to_string(Event::Kind k);
// The reverse of to_string: "start" | "advance" | "choose" | "answer" | "end".
std::optional<Event::Kind> event_kind_from(const std::string& s);

}  // namespace sofs
