// Reread a finished case: the whole conversation as it happened, every answer
// handed in, and the feedback check by check, with each trainer's override
// (and its reason) and comment beside the check it is about. Trainees reach
// it from My progress; trainers from the dashboard, where they can also leave
// a comment (on the case, or beside one check) without changing a decision.
#pragma once

#include "play/reread.hpp"
#include "screen.hpp"
#include "writing_box.hpp"

#include <optional>
#include <string>

namespace sofs::ui {

class AttemptViewScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::AttemptView; }
    const char* stable_id() const override { return "attempt-view"; }
    const char* title() const override { return "Reread a case"; }
    const char* help() const override;
    void draw(App& app) override;
    std::string read_aloud_text(App& app) override;

    // Shows `attempt` read with the signed-in person's access; "Back" goes to `back`.
    void open(App& app, sofs::progress::Id attempt, ScreenId back);
    // Trainers: a comment on the case (check < 0) or beside feedback check
    // `check` (counted across tasks, as drawn). False with a visible message
    // when refused (empty words, not their trainee).
    bool comment(App& app, int check, const std::string& text);
    void show_tab(int tab) { want_tab_ = tab; }
    // Opens the comment form (check < 0: on the whole case), as its button does.
    void start_comment(int check) { commenting_ = check; draft_.clear(); message_.clear(); }
    const std::optional<play::Reread>& record() const { return record_; }
    const std::string& message() const { return message_; }

private:
    sofs::progress::Id attempt_ = 0;
    ScreenId back_ = ScreenId::MyProgress;
    std::optional<play::Reread> record_;
    std::string error_;
    int commenting_ = -2;        // -2: no form open; -1: on the case; n: beside check n
    std::string draft_;
    WritingBox comment_box_;     // wraps as the trainer types
    std::string message_;
    bool message_ok_ = false;
    int want_tab_ = -1;

    void reload(App& app);
    void draw_conversation(App& app);
    void draw_answers(App& app);
    void draw_feedback(App& app);
    void draw_comment_form(App& app, int check);
};

}  // namespace sofs::ui
