// Feedback and debrief: every criterion met or not (a word and a shape, not
// colour alone), the deciding words highlighted in the trainee's own text,
// the guidance quoted, the trainee's mapping beside the experts', the aims
// the conversation served, and "Try again".
#pragma once

#include "screen.hpp"

#include <string>

namespace sofs::ui {

class DebriefScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::Debrief; }
    const char* stable_id() const override { return "debrief"; }
    const char* title() const override { return "Feedback"; }
    const char* help() const override;
    void enter(App& app) override;
    void draw(App& app) override;
    std::string read_aloud_text(App& app) override;
    bool try_again(App& app);

private:
    std::string focus_;   // "task/criterion" under the pointer: only its words are marked
    void draw_text_task(App& app, const void* task_assessment);
    void draw_mapping(App& app, const std::string& task_id);
    void draw_scaling(App& app, const std::string& task_id);
    void draw_moves(App& app);
};

}  // namespace sofs::ui
