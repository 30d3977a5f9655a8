// The trainer's dashboard: a cohort at a glance (table, heat map of the
// checks most missed, the spread of safety-scale numbers), one trainee's
// attempt in detail with overrides (a reason is required), and export.
#pragma once

#include "progress/report.hpp"
#include "screen.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sofs::ui {

class TrainerScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::Trainer; }
    const char* stable_id() const override { return "trainer"; }
    const char* title() const override { return "Trainer dashboard"; }
    const char* help() const override;
    void enter(App& app) override;
    void draw(App& app) override;
    std::string read_aloud_text(App& app) override;

    // Actions (buttons and the tour).
    void select_cohort(App& app, int index);
    void select_trainee(App& app, const std::string& name);
    void select_attempt(App& app, sofs::progress::Id attempt);
    bool override_verdict(App& app, std::size_t verdict_index, bool met, const std::string& reason);
    bool export_csv(App& app, const std::string& path);
    void show_detail() { want_tab_ = 1; }
    // Opens the override form right under check `i`, as its Change button does.
    void open_override(std::size_t i) {
        picked_ = static_cast<int>(i);
        override_message_.clear();
        if (i < verdicts_.size()) override_met_ = !verdicts_[i].met;
    }
    const std::vector<sofs::progress::StoredVerdict>& verdicts() const { return verdicts_; }
    const std::optional<sofs::progress::TraineeReport>& trainee() const { return trainee_; }

private:
    std::vector<sofs::progress::Cohort> cohorts_;
    int cohort_ = -1;
    std::optional<sofs::progress::CohortReport> report_;
    std::string error_;
    std::string trainee_name_;
    std::optional<sofs::progress::TraineeReport> trainee_;
    sofs::progress::Id attempt_ = 0;
    std::vector<sofs::progress::StoredVerdict> verdicts_;
    std::optional<Transcript> transcript_;
    void draw_override_form(App& app, const std::string& scenario_id);
    int picked_ = -1;          // verdict row chosen for an override
    bool override_met_ = true;
    std::string reason_;
    std::string override_message_;
    bool override_ok_ = false;
    std::string export_path_;        // the folder chosen below plus export_name_
    std::vector<std::pair<std::string, std::string>> export_dirs_;   // (label, folder) to choose from
    int export_dir_ = 0;
    std::string export_name_;
    std::string export_message_;
    int want_tab_ = -1;        // tab to select on the next frame

    void draw_cohort(App& app);
    void draw_detail(App& app);
};

}  // namespace sofs::ui
