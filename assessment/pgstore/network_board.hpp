// How a practice-lead network's board is laid out and written out, the same
// for the application's board, its projection and `sofs network`: the
// mapping columns and the other places in the practice's own words, the
// scaling perspectives on the 0-10 line in text, and the exports (Markdown,
// and CSV that no spreadsheet runs as a formula). No database, no window.
#pragma once

#include "postgres.hpp"

#include <functional>
#include <string>
#include <vector>

namespace sofs::progress::network {

// One place on the board: its key (stored), its heading, and a line that says what goes there.
struct Place {
    const char* kind;
    const char* title;
    const char* hint;
};
// The six mapping columns, in the board's order (harm, danger, complicating
// factors, strengths, existing safety, grey areas).
const std::vector<Place>& columns();
// The three lists under them: danger statements, safety goals, next steps.
const std::vector<Place>& statements();
bool known_kind(const std::string& kind);
std::string kind_title(const std::string& kind);    // "Complicating factors"; the key when unknown
std::string kinds_list();                           // "harm, danger, complicating, ..." for error messages

// The assessor's marks beside a danger statement or safety goal, worked out
// by the caller (the rubric is not this layer's); none for other items.
struct BoardMark {
    std::string title;   // "Says who is worried"
    bool met = false;
};
using MarksFor = std::function<std::vector<BoardMark>(const PgStore::NetworkItem&)>;

// Items of one kind, oldest first.
std::vector<const PgStore::NetworkItem*> items_of(const PgStore::NetworkBoard& b, const std::string& kind);

// The perspectives on the 0-10 line, as text: "0 ---S----W--- 10" is not
// needed by callers; this gives, per number, the perspectives there.
std::vector<std::vector<const PgStore::PerspectiveScale*>> by_number(const PgStore::NetworkBoard& b);
// "Five perspectives, from 2 (Police) to 7 (Nan); the middle is 4."
std::string scale_summary(const PgStore::NetworkBoard& b);

// The board as Markdown: title, columns, statements (each with its marks),
// next steps, the perspectives. No names of who added what are kept.
std::string markdown(const PgStore::NetworkBoard& b, const MarksFor& marks = {});
// One row per item and per perspective: place, number, text, marks.
std::string csv(const PgStore::NetworkBoard& b, const MarksFor& marks = {});

// "network-12-safer-for-kai.md": the board's number and title, safe as a file name.
std::string export_name(const PgStore::NetworkBoard& b, const std::string& extension);
// Writes `content` to `file_name` inside `folder`, readable by its owner only
// (0600, also when the file was there before). The name may not leave the
// folder. Returns the path, or nullopt with `error` in plain words.
std::optional<std::string> write_owner_only(const std::string& folder, const std::string& file_name,
                                            const std::string& content, std::string* error);

}  // namespace sofs::progress::network
