// Plans: a list of steps a scripted player takes through a case (the format
// is scenarios/PLAY-SCRIPT.md). Golden playthroughs, `sofs play --script` and
// the tour's group of trainees follow them; sample answers live in these
// files (test data), never in C++.
#pragma once

#include "play/playthrough.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sofs::play {

struct PlanStep {
    enum class Kind { Advance, Choose, Answer, StockAnswer } kind = Kind::Advance;
    std::string choice;
    Answer answer;     // Answer: the whole answer; StockAnswer: only the task id
    int line = 0;      // in the plan file, for messages
};

// Reads a plan file; nullopt with `error` ("FILE:LINE: what is wrong") when it does not read.
std::optional<std::vector<PlanStep>> read_plan(const std::string& path, std::string* error);

// What the playthrough is waiting for, in words ("a choice (a, b)", "an answer to task 'x'").
std::string waiting_for(const View& v);

// Takes one step. A stock answer is made from the case's expert key
// (runtime/stock_answer). The outcome's problem names the plan line.
Outcome take_step(Playthrough& p, const PlanStep& step, const std::string& plan_path);

}  // namespace sofs::play
