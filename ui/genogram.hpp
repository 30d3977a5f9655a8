// The family tree on the case briefing: a layout computed from the
// scenario's people (pure, tested) and a drawing of it with ImDrawList.
// Conventions: squares for males, circles for females, a line joining
// partners, lines down to children, a bracket over brothers and sisters whose
// parents are not shown, each household circled, a double outline for the
// children the case is about, and every person's age under their name. A key
// (draw_genogram_key) explains each mark in words.
#pragma once

#include "model/scenario.hpp"

#include <string>
#include <vector>

struct ImVec2;

namespace sofs::ui {

struct GenogramNode {
    std::string person;   // person id
    std::string name;
    std::string age;      // "24", "7 months", "" when unknown
    std::string age_words;  // under the name: "age 24", "7 months", "age not given"
    enum class Shape { Square, Circle, Diamond } shape = Shape::Diamond;  // diamond: gender not given
    bool child = false;   // a child of the case (drawn with a double outline)
    int row = 0;          // generation, 0 at the top
    float x = 0;          // column position in person-widths, rows centred
};

struct GenogramLink {
    enum class Kind { Partners, Child, Siblings } kind = Kind::Partners;
    int a = -1, b = -1;   // Partners, Siblings: the two nodes. Child: a = child, b = first parent
    int c = -1;           // Child: second parent when the parents are partners (-1 otherwise)
};

struct GenogramHousehold {
    std::string id;
    std::vector<int> members;  // node indices
};

struct Genogram {
    std::vector<GenogramNode> nodes;
    std::vector<GenogramLink> links;
    std::vector<GenogramHousehold> households;
    std::vector<std::string> others;  // professionals and others, listed beside the tree
    int rows = 0;
    float width = 0;      // in person-widths

    int index_of(const std::string& person) const;
};

// A household's outline in person-widths and rows (x0..x1 are the outline's
// left and right edges; rows r0..r1 inclusive). No two overlap after layout.
struct HouseholdBox {
    float x0 = 0, x1 = 0;
    int r0 = 0, r1 = 0;
};
std::vector<HouseholdBox> household_boxes(const Genogram& g);
constexpr float kHouseholdMargin = 0.49f;   // outline's distance from the outermost centre, in person-widths

// Lay out the family members (everyone but professionals).
Genogram layout_genogram(const std::vector<Person>& people);

// Draw at the current cursor position; returns the size used. `unit` is the
// width of one person's slot in pixels. Names and ages that do not fit a
// slot are drawn smaller rather than over a neighbour.
void draw_genogram(const Genogram& g, float unit);

// The smallest slot width (pixels, at the current font) at which every name
// and age is drawn at 85 % of the text size or more: below it names shrink
// towards the unreadable, so a panel narrower than the tree scrolls instead.
float genogram_readable_unit(const Genogram& g);

// The height draw_genogram takes at `unit` with text of `font_size` pixels.
float genogram_height(const Genogram& g, float unit, float font_size);

// The key under the tree: each mark drawn small, with its meaning in words,
// wrapped to the available width.
void draw_genogram_key(float scale);

}  // namespace sofs::ui
