// The whole conversation of a playthrough, in order: each scene as it opened
// and every exchange in it (the trainee's move, the family's reply, the
// feedback). Built from the transcript alone, so a resumed case and a
// finished case read back show the same conversation as it was played.
#pragma once

#include "runtime/session.hpp"

#include <vector>

namespace sofs::ui {

struct VisitEntry {
    enum class Kind { SceneOpening, Exchange, TaskDone };
    Kind kind = Kind::SceneOpening;
    const Scene* scene = nullptr;
    std::vector<const Line*> lines;   // SceneOpening: the scene's lines as they were; Exchange: the reply
    const Choice* choice = nullptr;   // Exchange: the move made
    const Task* task = nullptr;       // TaskDone: the task handed in
};

// Replays the transcript event by event (each prefix restored as a session)
// and records what was on screen after each one. Stops quietly at an event
// the scenario no longer knows.
std::vector<VisitEntry> visit_log(const Scenario& s, const Transcript& t);

}  // namespace sofs::ui
