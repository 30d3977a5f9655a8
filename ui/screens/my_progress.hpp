// My progress: each criterion over the trainee's finished cases, their
// safety-scale numbers beside the experts', and what to practise next.
#pragma once

#include "progress/report.hpp"
#include "screen.hpp"

#include <optional>
#include <string>

namespace sofs::ui {

class MyProgressScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::MyProgress; }
    const char* stable_id() const override { return "my-progress"; }
    const char* title() const override { return "My progress"; }
    const char* help() const override;
    void enter(App& app) override;
    void draw(App& app) override;
    std::string read_aloud_text(App& app) override;
    // Writes the CPD record (a PDF) into `folder` with a dated name; the
    // message on screen says where it went or why it could not be written.
    bool export_cpd(App& app, const std::string& folder);
    const std::string& cpd_message() const { return cpd_message_; }

private:
    std::optional<sofs::progress::TraineeReport> report_;
    std::string error_;
    std::string cpd_message_;  // where the CPD record went, or why it could not be written
};

// Draws a 0..10 line with the reasonable range shaded, the experts' number
// (diamond) and the trainee's (disc); used here and on the trainer dashboard.
void draw_scale_compare(float width, int low, int high, int expert, const std::vector<int>& numbers, float scale);

}  // namespace sofs::ui
