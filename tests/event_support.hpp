// One recorded event for the store and learning-record tests (progress,
// pgstore, lrs): its step, kind and scene, at `at_ms` (else a second a step).
#pragma once

#include "runtime/transcript.hpp"

#include <cstdint>
#include <string>

namespace test_events {

inline sofs::Event event(int step, sofs::Event::Kind kind, const std::string& scene, std::int64_t at_ms = 0) {
    sofs::Event e;
    e.step = step;
    e.kind = kind;
    e.scene = scene;
    e.at_ms = at_ms ? at_ms : 1000LL * step;
    return e;
}

}  // namespace test_events
