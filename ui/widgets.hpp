// Small drawing helpers shared by the screens: headings, wrapped text with
// highlighted words, the met / not-yet badge (shape and word, never colour
// alone), cards, and the plain names of the assessor's criteria.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace sofs::ui {

class App;

void heading(App& app, const char* text);
void subheading(App& app, const char* text, float wrap_width = 0.0f);  // wrap_width 0: the panel's edge
void gap(float lines = 0.5f);
void wrapped(const std::string& text);
// `text` with a line break in place of each space where a line of `width`
// is full (lines measured word by word with `measure`): breaks fall between
// words only, so "12.40pm" or "S.47" stays whole, where Dear ImGui 1.86's own
// wrapping also breaks after a full stop or comma inside a word. A word wider
// than a line is left for ImGui to break. Line breaks already there stay.
std::string break_between_words(const std::string& text, float width, float (*measure)(const char* b, const char* e));
void muted_text(const std::string& text);

// A stretch of text to highlight, with what hovering over it shows.
struct Highlight {
    std::size_t begin = 0, end = 0;
    std::string tooltip;
    int style = 0;    // 0 = worry (underlined, warm), 1 = evidence (marked)
};
// Draws `text` wrapped to `width` (0 = available width), words overlapping a
// highlight marked with a background and an underline; hover shows its tooltip.
void highlighted_text(const std::string& text, const std::vector<Highlight>& highlights, float width = 0);

// "Met" with a filled tick badge, or "Not yet" with an open ring and a dash.
void met_badge(bool met, const char* met_word = "Met", const char* not_word = "Not yet");
// A small shape only (for tables and heat maps): tick in a disc, or open ring.
void met_shape(bool met, float size);

// A framed, padded panel (child window) with a title.
bool begin_card(const char* id, const char* title, ImVec2 size, App& app);
// The same, with more ImGuiWindowFlags for the card (e.g. no scroll bar for a card sized to fit).
bool begin_card(const char* id, const char* title, ImVec2 size, App& app, int extra_flags);
void end_card();

// Plain names for criterion ids ("DS-WHO" -> "Says who is worried").
const char* criterion_title(const std::string& id);
// The same with the task it is on ("Safety goal: Says for how long"), for lists of checks from several tasks.
std::string criterion_title_on_task(const std::string& id);
// A fixed position for each check (danger statement, safety goal, scale, ...), so a
// dashboard column means the same check whatever the data; lower comes first.
int criterion_rank(const std::string& id);

// Plain words for a conversation move ("an exception question", "a blaming label").
const char* move_name(int move_type);   // MoveType as int, so this header needs no engine include

// The colour of a "good" and a "worry" mark in the current theme.
ImU32 good_colour();
ImU32 worry_colour();
ImU32 mark_colour();
// One line of unwrapped text in the worry colour (e.g. why a hand-in was refused).
void worry_text(const std::string& text);
// The foot of a task screen: "Hand in" with the last problem beside it while
// the task is asked (true when pressed), otherwise a way back to the conversation.
bool hand_in_row(App& app, bool asked, const std::string& problem);

// Puts the next item on this line when `next_width` still fits in the panel,
// otherwise on the next line (rows of controls wrap instead of running off).
void same_line_if_fits(float next_width, float spacing = -1.0f);

// A button the width of its text plus generous padding.
bool big_button(const char* label);
// After a big (or primary) button: the next, ordinary-sized control on the
// same line, centred on it (not hanging from its top edge, its words a few
// pixels above the big button's).
void same_line_as_big_button();
// The screen's main action: a big button that Ctrl+Enter also presses (when
// no box has the keyboard and no pop-up is open).
bool primary_button(const char* label);

}  // namespace sofs::ui
