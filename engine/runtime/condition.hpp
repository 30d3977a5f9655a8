// Conditions on lines and choices (`trust >= 6 and not blamed and
// revealed(push-saturday)`): the parser and a printer. Evaluation lives in
// Session::eval, which holds the state. Grammar (FORMAT.md, "Conditions"):
//   or      := and ('or' and)*
//   and     := unary ('and' unary)*
//   unary   := 'not' unary | primary
//   primary := '(' or ')' | 'revealed' '(' ID ')' | 'visited' '(' ID ')'
//            | ID | ID CMP INTEGER          CMP: < <= == != >= >
#pragma once

#include "model/scenario.hpp"

#include <functional>
#include <optional>
#include <string>

namespace sofs {

// How deeply 'not', 'and', 'or' and brackets may nest. Far past anything a
// scenario needs; it bounds every recursive walk of a condition (the parser,
// for_each_leaf, Session::eval, the parse cache, destruction), so a hostile
// file cannot exhaust the stack: the parser refuses deeper text instead.
inline constexpr int kMaxConditionDepth = 50;

// Why a text is not a condition.
struct ConditionError {
    std::string message;   // what was expected and at which character, 1-based
    std::size_t at = 0;    // the character (1-based)
    bool too_deep = false; // nested deeper than kMaxConditionDepth
};

// nullopt with `error` (which says what was expected and at which character,
// 1-based) when the text is not a condition. Also declared in load/loader.hpp.
std::optional<Condition> parse_condition(const std::string& text, std::string* error);
std::optional<Condition> parse_condition(const std::string& text, ConditionError* error);

// Calls `visit` for every leaf (Flag, Compare, Revealed, Visited) of a condition.
void for_each_leaf(const Condition& c, const std::function<void(const Condition&)>& visit);

const char* to_string(Condition::Cmp c);

}  // namespace sofs
