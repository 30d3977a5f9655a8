// The writing box: one widget for every written answer (danger statement,
// safety goal, past harm, next steps, the scale's reason). Dear ImGui 1.86's
// multi-line input does not wrap, so this box is built on ImGui's text and
// draw-list primitives: the text wraps at word boundaries as it is typed,
// with a caret, selection (mouse and Shift+arrows), copy, cut and paste,
// undo and redo, and the hints' highlights drawn inside the box itself.
//
// The editing rules (TextEdit) and the line breaking (wrap_lines) are plain
// code with no ImGui, so the logic tests can check them without a window.
#pragma once

#include "widgets.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace sofs::ui {

// One line as shown: bytes [begin, end) of the text. A line broken at a space
// keeps its trailing spaces; a line ending at a newline stops before it.
struct WrappedLine {
    std::size_t begin = 0, end = 0;
};
// Breaks `text` into lines no wider than `width`, at spaces where it can (a
// word longer than the whole width is broken between characters). `measure`
// gives the width of the bytes [b, e). Always returns at least one line.
using MeasureText = std::function<float(const char* b, const char* e)>;
std::vector<WrappedLine> wrap_lines(const std::string& text, float width, const MeasureText& measure);
// The line that shows the caret at byte `pos` (a caret at a wrap point
// belongs to the start of the next line).
std::size_t line_of(const std::vector<WrappedLine>& lines, std::size_t pos);

// The editing model: text, caret and selection, undo and redo. Positions are
// byte offsets that always sit on UTF-8 character boundaries.
class TextEdit {
public:
    std::string text;
    std::size_t caret = 0;
    std::size_t anchor = 0;   // the other end of the selection (== caret when nothing is selected)

    void reset(const std::string& t);   // new text from outside: caret at its end, no history
    bool has_selection() const { return caret != anchor; }
    std::size_t sel_begin() const { return caret < anchor ? caret : anchor; }
    std::size_t sel_end() const { return caret < anchor ? anchor : caret; }
    std::string selected() const { return text.substr(sel_begin(), sel_end() - sel_begin()); }
    void select_all() { anchor = 0; caret = text.size(); }
    void select_word_at(std::size_t pos);

    // Typing replaces the selection. Runs of typing inside one word undo together.
    void type(const std::string& s);
    void paste(const std::string& s);   // one undo step; newlines kept, tabs and other controls become spaces
    void backspace(bool word);
    void del(bool word);
    std::string cut();

    // Caret movement; `select` extends the selection (Shift).
    void move_to(std::size_t pos, bool select);
    void left(bool word, bool select);
    void right(bool word, bool select);

    bool undo();
    bool redo();
    bool can_undo() const { return !undo_.empty(); }

    std::size_t prev_char(std::size_t pos) const;
    std::size_t next_char(std::size_t pos) const;
    std::size_t prev_word(std::size_t pos) const;
    std::size_t next_word(std::size_t pos) const;

private:
    struct State {
        std::string text;
        std::size_t caret = 0, anchor = 0;
    };
    std::vector<State> undo_, redo_;
    bool typing_run_ = false;   // the last change was typing a word character at the caret
    void remember(bool coalesce);
    void replace_selection(const std::string& s);
};

// The widget. A screen keeps one WritingBox per written answer as a member
// (never a function static) and calls draw() each frame.
class WritingBox {
public:
    // Draws the box at the cursor, `size.x` wide (0 = available width) and
    // `size.y` high (the text scrolls inside when longer). `text` is the
    // answer (changed in place); `marks` are drawn under the words they cover
    // with their tooltips on hover. Returns true when the text changed this frame.
    bool draw(const char* id, std::string& text, ImVec2 size, const std::vector<Highlight>& marks = {},
              const char* placeholder = nullptr);
    bool active() const { return active_; }
    // True once, on the frame the box lost the keyboard after its text changed
    // (the moment to save a draft).
    bool left_after_edit() const { return left_after_edit_; }
    // How many lines the text took in the last frame (for tests and layouts).
    std::size_t line_count() const { return lines_.size(); }
    const TextEdit& edit() const { return edit_; }

private:
    TextEdit edit_;
    std::vector<WrappedLine> lines_;
    float scroll_ = 0;
    bool active_ = false;
    bool edited_while_active_ = false;
    bool left_after_edit_ = false;
    bool dragging_ = false;
    bool scroll_to_caret_ = false;
    float want_x_ = -1;   // the column kept while moving up and down
};

// Keyboard focus helpers shared with the application's loop (keyboard.cpp):
// a box that gives up the keyboard on Tab asks for the next item to be focused.
void request_tab_focus(int direction);   // +1 forward, -1 backward

}  // namespace sofs::ui
