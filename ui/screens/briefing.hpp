// The case briefing: the referral as the worker receives it, and a genogram
// of the family drawn from the scenario's people.
#pragma once

#include "genogram.hpp"
#include "screen.hpp"

namespace sofs::ui {

class BriefingScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::Briefing; }
    const char* stable_id() const override { return "briefing"; }
    const char* title() const override { return "Case briefing"; }
    const char* help() const override;
    void enter(App& app) override;
    void draw(App& app) override;
    std::string read_aloud_text(App& app) override;
    bool begin_visit(App& app);

private:
    Genogram genogram_;
    // The tree was wider than its panel in the last frame: the panel then
    // scrolls sideways as a whole, with its own bar along its foot.
    bool sideways_ = false;
};

}  // namespace sofs::ui
