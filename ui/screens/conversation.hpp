// The conversation as a transcript: every scene as it opened and every
// exchange (the trainee's move, the family's reply, the feedback) stays on
// screen in order, scrolled to the newest; the possible moves sit below it,
// always in view; the case notes (facts learnt so far) are on the right.
#pragma once

#include "model/scenario.hpp"
#include "screen.hpp"
#include "visit_log.hpp"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace sofs::ui {

class ConversationScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::Conversation; }
    const char* stable_id() const override { return "conversation"; }
    const char* title() const override { return "Conversation"; }
    const char* help() const override;
    void enter(App& app) override;
    void draw(App& app) override;
    std::string read_aloud_text(App& app) override;
    // In the last frame the moves (choices, Continue) scrolled inside their
    // panel although the transcript above could have given them the room.
    bool moves_scrolled() const { return moves_scrolled_; }

private:
    bool moves_scrolled_ = false;
    std::vector<VisitEntry> log_;      // the conversation so far, rebuilt when the transcript grows
    std::size_t log_events_ = 0;
    const void* log_scenario_ = nullptr;
    bool scroll_to_end_ = false;
    int scrolled_frames_ = 0;
    std::string played_;         // the scene and move whose first voice line was played
    std::string audio_error_;
    std::string voices_for_;     // the scenarios folder voices_dir_ was found for
    std::string voices_dir_;     // generated voices (tools/make-voices), "" if none
    bool voices_looked_ = false;
    const Scenario* voiced_for_ = nullptr;  // the open scenario voiced_ is about
    std::map<const Line*, bool> voiced_;         // whether each line has a voice
    std::set<std::string> welsh_words_;          // beside voiced_for_'s file

    const std::string& voices_dir(App& app);
    bool has_voice(App& app, const Line& line);
    void play_line_audio(App& app, const Line& line);
};

}  // namespace sofs::ui
