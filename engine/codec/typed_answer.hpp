// Typed answers: one struct per kind of task, with enums where the loose
// `Answer` (runtime/transcript.hpp) has strings. The loose form is what a
// transcript records and the stores keep; these functions are the one edge
// where it is checked and turned into types, and back.
//
//   written (danger-statement, safety-goal, past-harm, next-steps,
//            words-and-pictures)            WrittenAnswer{text}
//   sort-facts                              SortedFacts{fact id -> FactKind}
//   scaling                                 ScalingAnswer{number 0..10, reason}
//   three-houses                            HousesAnswer{item -> House}
//   safety-network                          NetworkAnswer{person ids}
//
// JSON of a typed answer (the loose answer's fields, with its kind named):
//   {"task":"sort-1","kind":"sort-facts","placements":{"f1":"strength"}}
#pragma once

#include "model/scenario.hpp"
#include "runtime/transcript.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sofs {

struct WrittenAnswer {
    std::string text;
    bool operator==(const WrittenAnswer&) const = default;
};
struct SortedFacts {
    std::map<std::string, FactKind> placements;   // fact id -> its place in the mapping
    bool operator==(const SortedFacts&) const = default;
};
struct ScalingAnswer {
    int number = -1;       // 0..10; -1 when not chosen yet (a draft)
    std::string reason;
    bool operator==(const ScalingAnswer&) const = default;
};
struct HousesAnswer {
    std::map<std::string, House> placements;      // the child's words -> their house
    bool operator==(const HousesAnswer&) const = default;
};
struct NetworkAnswer {
    std::vector<std::string> picks;               // person ids, in the order chosen
    bool operator==(const NetworkAnswer&) const = default;
};

using AnswerValue = std::variant<WrittenAnswer, SortedFacts, ScalingAnswer, HousesAnswer, NetworkAnswer>;

struct TypedAnswer {
    std::string task;      // the task's id
    TaskKind kind = TaskKind::DangerStatement;
    AnswerValue value;
    bool operator==(const TypedAnswer&) const = default;
};

// The loose answer to a task of `kind` as its typed value; nullopt with
// `error` naming the task and the field when a place is not one the kind
// knows, the number is out of 0..10, or a field the kind does not use is filled.
std::optional<TypedAnswer> typed_answer(const Answer& a, TaskKind kind, std::string* error);
// The typed answer in the loose form (typed_answer(loose_answer(t), t.kind) == t).
Answer loose_answer(const TypedAnswer& t);

// nlohmann's hooks (from_json throws nlohmann::json::exception on a bad value).
void to_json(nlohmann::json& j, const TypedAnswer& t);
void from_json(const nlohmann::json& j, TypedAnswer& t);
std::string typed_answer_to_json(const TypedAnswer& t);
std::optional<TypedAnswer> typed_answer_from_json(const std::string& text, std::string* error);

}  // namespace sofs
