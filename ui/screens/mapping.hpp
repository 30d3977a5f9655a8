// The mapping board: What are we worried about? / What's working well? /
// What needs to happen? Fact cards are dragged between sections (or moved
// with the keyboard through a menu); danger statements and safety goals are
// written in a wrapping writing box with live hints (jargon marked inside the
// box with a plainer alternative, word count, the assessor's checks).
#pragma once

#include "rubric/assess.hpp"
#include "screen.hpp"
#include "writing_box.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sofs::ui {

class MappingScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::Mapping; }
    const char* stable_id() const override { return "mapping"; }
    const char* title() const override { return "Mapping board"; }
    const char* help() const override;
    void enter(App& app) override;
    void leave(App& app) override;
    void draw(App& app) override;
    std::string read_aloud_text(App& app) override;

    // Actions (buttons, drag and drop, keyboard and the tour).
    void place(App& app, const std::string& fact_id, std::optional<FactKind> place);  // nullopt = back to the tray
    void set_text(App& app, const std::string& key, const std::string& text);
    bool hand_in(App& app);
    // Where a card ("card:<fact id>") or a section ("section:<to_string(FactKind)>")
    // was drawn in the last frame, for the tour's mouse.
    struct Rect {
        float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    };
    bool last_rect(const std::string& key, Rect* out) const;
    // The fact ids on offer now (the task's list, or every fact learnt).
    std::vector<std::string> facts_on_offer(App& app) const;

private:
    struct Live {
        std::string text;            // the text these checks were made for
        std::vector<Verdict> verdicts;
    };
    std::map<std::string, Live> live_;
    std::map<std::string, Rect> rects_;   // where cards and sections were drawn
    std::map<std::string, WritingBox> boxes_;   // editor key -> its writing box
    std::string moving_fact_;            // the card whose "move to" menu is open
    std::string hand_in_problem_;
    bool dirty_ = false;                 // text changed since the last draft save

    // At large text the screen is one scrolling region: the task card is as
    // tall as what it holds (measured in the last frame), with no panel of its
    // own inside, and the board below grows instead of scrolling.
    float task_fit_h_ = 0;
    float shown_h_ = 0;   // how much of the screen shows at once (the tray fits in it)
    void draw_task(App& app, float height, bool fit);
    void draw_editor(App& app, const std::string& key, const char* label, float height);
    void draw_section(App& app, FactKind section, const char* empty_hint);
    void draw_text_section(App& app, const std::string& key, const char* title, const char* empty_hint);
    void draw_card(App& app, const std::string& fact_id);
    void draw_tray(App& app);
    const std::vector<Verdict>& checks(App& app, const std::string& key);
};

// "danger-statement" etc. for a writing task kind; "" for the others.
std::string editor_key(TaskKind k);

// The safety network task's question: who could help keep the children safe,
// or the one child by name when the case has only one ("keep Leah safe").
std::string network_question(const Scenario& sc);

}  // namespace sofs::ui
