// The practice-lead network's board, reached from the live session screen
// when the store is the shared PostgreSQL one. A practice lead makes a board
// for a bundled case or a real case (a title, no scenario); everyone in the
// network's cohort fills it from their own machine at once: facts into the
// six mapping columns, danger statements and safety goals (each with the
// assessor's marks), next steps, and scaling from several perspectives shown
// together on the 0-10 line. Every open board redraws when the store
// NOTIFYs a change (live/live_link.hpp), never on a timer. "Project" shows
// the board read-only over the whole window in large text, with no controls
// (Esc leaves; Page Down, Space, the arrows, Home and End scroll a board
// longer than the screen, whose column headings stay at the top and whose
// foot says when there is more below); the board exports as Markdown or CSV (owner-only files).
#pragma once

#include "screen.hpp"

#include "live/live_link.hpp"
#include "network_board.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sofs {
struct Scenario;
}

namespace sofs::ui {

class NetworkScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::Network; }
    const char* stable_id() const override { return "network"; }
    const char* title() const override { return "Practice-lead network"; }
    const char* help() const override;
    void enter(App& app) override;
    void leave(App& app) override;
    void draw(App& app) override;
    std::string read_aloud_text(App& app) override;

    // Actions (the buttons and the scripted driver use these); false with problem() set.
    bool create(App& app, const std::string& cohort, const std::string& title, const std::string& scenario_id);
    bool open_board(App& app, progress::Id board);
    bool open_board_titled(App& app, const std::string& title);   // the newest board of that title
    bool add(App& app, const std::string& kind, const std::string& text, const std::string& source = "");
    bool scale(App& app, const std::string& perspective, int number, const std::string& reason);
    bool remove(App& app, progress::Id item);
    std::optional<std::string> export_board(App& app, const std::string& folder, bool markdown);
    void project(bool on) { projecting_ = on; }
    bool projecting() const { return projecting_; }
    // Scrolls the projection to a point, 0 the top and 1 the end (the scripted pictures).
    void scroll_projection(float fraction) { scroll_to_ = fraction; }
    void refresh(App& app);   // reads the board again now (the screen does this when woken)

    const std::string& problem() const { return problem_; }
    const std::optional<progress::PgStore::NetworkBoard>& board() const { return board_; }
    int wakes() const { return link_ ? link_->wakes() : 0; }
    double last_refresh_ms() const { return refresh_ms_; }

private:
    std::unique_ptr<live::Link> link_;
    std::string owner_;
    std::vector<progress::PgStore::NetworkInfo> boards_;
    std::optional<progress::PgStore::NetworkBoard> board_;
    std::shared_ptr<const Scenario> scenario_;   // the bundled case, for its facts, people and the marks
    std::map<std::string, std::vector<progress::network::BoardMark>> marks_cache_;   // by kind and text
    std::string problem_, export_message_, export_folder_;
    bool projecting_ = false;
    float scroll_to_ = -1;
    // Where each table of the projection starts and ends on the screen, with
    // its headings' places, drawn again over the top while it scrolls.
    struct HeaderBand {
        float top = 0, bottom = 0;
        std::vector<std::pair<float, std::string>> columns;
    };
    std::vector<HeaderBand> bands_;
    double refresh_ms_ = 0;
    // The forms.
    std::vector<std::string> cohorts_;
    int cohort_ = 0, case_ = 0;
    bool real_case_ = false;
    char title_buf_[200] = {};
    int place_ = 0, fact_ = -1;
    char text_buf_[1000] = {};
    char who_buf_[80] = {};
    char why_buf_[300] = {};
    int number_ = 5;

    bool lead_or_trainer(App& app) const;
    bool ensure_link(App& app);
    const Scenario* scenario(App& app);
    progress::network::MarksFor marks(App& app);
    void draw_not_shared(App& app);
    void draw_list(App& app);
    void draw_board(App& app);
    bool change(App& app, const std::string& failed, const std::function<void(progress::PgStore&)>& c);
    void draw_in_rows(const char* table_id, const std::vector<progress::network::Place>& places, bool projected,
                      const std::function<void(const progress::network::Place&)>& cell);
    void draw_columns(App& app, bool projected);
    void draw_statements(App& app, bool projected);
    void draw_scale_line(App& app, float width, bool projected);
    void draw_add_forms(App& app);
    void draw_projection(App& app);
    void draw_projection_edges(App& app);
};

}  // namespace sofs::ui
