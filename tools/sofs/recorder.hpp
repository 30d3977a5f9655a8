// The seam between `sofs play` and the progress store: play calls these so
// that every step is committed before its JSON line is printed. Implemented
// in recorder.cpp on top of assessment/progress.
#pragma once

#include "model/scenario.hpp"
#include "runtime/transcript.hpp"

#include <memory>
#include <optional>
#include <string>

namespace sofs::cli {

class PlayRecorder {
public:
    virtual ~PlayRecorder() = default;
    // The unfinished attempt of this user on this scenario, if any, to resume
    // from. When the scenario changed and the old ids no longer fit, `why`
    // says so and nullopt is returned (the old attempt is kept, not lost).
    virtual std::optional<Transcript> unfinished(std::string* why) = 0;
    // Start a new attempt (or continue the unfinished one) with this transcript header.
    virtual bool begin(const Transcript& header, bool resumed, std::string* error) = 0;
    // Commit one event durably; returns false (with error) if it could not be saved.
    virtual bool record(const Event& e, std::string* error) = 0;
    // Mark the attempt finished (after its End event), storing the assessor's verdicts.
    virtual bool finish(const Transcript& t, std::string* error) = 0;
};

// Opens (creating if needed) the database at db_path for user_name, who is
// created as a trainee if unknown. Null with `error` on failure.
std::unique_ptr<PlayRecorder> open_recorder(const std::string& db_path, const std::string& user_name,
                                            const Scenario& scenario, std::string* error);

}  // namespace sofs::cli
