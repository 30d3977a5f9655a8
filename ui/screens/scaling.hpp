// The safety scale: a number from 0 to 10 in the practice's own words, and
// the reason for it.
#pragma once

#include "screen.hpp"
#include "writing_box.hpp"

#include <string>

namespace sofs::ui {

class ScalingScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::Scaling; }
    const char* stable_id() const override { return "scaling"; }
    const char* title() const override { return "Safety scale"; }
    const char* help() const override;
    void enter(App& app) override;
    void draw(App& app) override;
    std::string read_aloud_text(App& app) override;

    void set(int number, const std::string& reason) { number_ = number; reason_ = reason; }
    bool hand_in(App& app);
    int number() const { return number_; }
    // The problem shown under the task, if any ("" once it is put right).
    std::string problem() const;

private:
    int number_ = -1;          // -1: not chosen yet (nothing is preselected)
    WritingBox reason_box_;
    std::string reason_;
    std::string problem_;
};

// The scale's meaning, as the practice guidance puts it.
extern const char* const kScaleQuestion;

}  // namespace sofs::ui
