// Genogram layout: generations from the parent links, partners side by side,
// children ordered under the middle of their parents.
#include "genogram.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace sofs::ui {

int Genogram::index_of(const std::string& person) const {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].person == person) return static_cast<int>(i);
    return -1;
}

static std::string age_text(const Person& p) {
    if (p.age) return std::to_string(*p.age);
    if (p.age_months) return std::to_string(*p.age_months) + (*p.age_months == 1 ? " month" : " months");
    return "";
}

static std::string age_words(const Person& p) {
    if (p.age) return "age " + std::to_string(*p.age);
    if (p.age_months) return std::to_string(*p.age_months) + (*p.age_months == 1 ? " month old" : " months old");
    return "age not given";
}

std::vector<HouseholdBox> household_boxes(const Genogram& g) {
    std::vector<HouseholdBox> out;
    for (const auto& h : g.households) {
        if (h.members.empty()) continue;
        HouseholdBox b{1e9f, -1e9f, 1 << 20, -1};
        for (int i : h.members) {
            const auto& n = g.nodes[static_cast<std::size_t>(i)];
            b.x0 = std::min(b.x0, n.x - kHouseholdMargin);
            b.x1 = std::max(b.x1, n.x + kHouseholdMargin);
            b.r0 = std::min(b.r0, n.row);
            b.r1 = std::max(b.r1, n.row);
        }
        out.push_back(b);
    }
    return out;
}

// Moves people right until no two household outlines overlap (bounded).
// Someone with no household counts as an outline of their own, so that they
// are kept clear of the households' outlines too, never drawn on one.
static void separate_households(Genogram& g) {
    const float gap = 0.08f;
    Genogram groups = g;   // the households with people, then each person with none
    groups.households.clear();
    std::vector<bool> housed(g.nodes.size(), false);
    for (const auto& h : g.households)
        if (!h.members.empty()) {
            groups.households.push_back(h);
            for (int i : h.members) housed[static_cast<std::size_t>(i)] = true;
        }
    const std::size_t real = groups.households.size();
    for (std::size_t k = 0; k < g.nodes.size(); ++k)
        if (!housed[k]) groups.households.push_back({"", {static_cast<int>(k)}});
    std::vector<std::size_t> boxed;
    for (std::size_t k = 0; k < groups.households.size(); ++k) boxed.push_back(k);
    for (int pass = 0; pass < 32; ++pass) {
        groups.nodes = g.nodes;
        auto boxes = household_boxes(groups);
        bool moved = false;
        for (std::size_t i = 0; i < boxes.size() && !moved; ++i)
            for (std::size_t j = 0; j < boxes.size() && !moved; ++j) {
                // Two people with no household stand a slot apart like any neighbours.
                if (i == j || (i >= real && j >= real)) continue;
                const auto& a = boxes[i];
                const auto& b = boxes[j];
                bool rows = a.r0 <= b.r1 && b.r0 <= a.r1;
                // (A thousandth of slack: 1.49 + 0.08 came out a hair above 1.57, the
                // same pair was "moved" by nothing in every pass, and the passes ran
                // out before an outline drawn inside another was reached.)
                if (!rows || a.x0 > b.x0 || a.x1 + gap <= b.x0 + 1e-3f) continue;
                // b starts inside a: move b's people, and everyone else at or right
                // of b's leftmost, to the right. Not a's own people: a child of a's
                // standing right of b once moved with b, a's outline grew with it,
                // and each pass pushed b again (a brother drawn 48 places away).
                float shift = a.x1 + gap - b.x0;
                float from = b.x0 + kHouseholdMargin - 1e-3f;
                const auto& in_a = groups.households[boxed[i]].members;
                for (std::size_t k = 0; k < g.nodes.size(); ++k)
                    if (g.nodes[k].x >= from && std::find(in_a.begin(), in_a.end(), static_cast<int>(k)) == in_a.end())
                        g.nodes[k].x += shift;
                moved = true;
            }
        if (!moved) break;
    }
    float right = 0;
    for (const auto& n : g.nodes) right = std::max(right, n.x + 1.0f);
    g.width = std::max(g.width, right);
}

Genogram layout_genogram(const std::vector<Person>& people) {
    Genogram g;
    std::vector<const Person*> family;
    for (const auto& p : people) {
        if (p.role == PersonRole::Professional) g.others.push_back(p.name + (p.relationship.empty() ? "" : " (" + p.relationship + ")"));
        else family.push_back(&p);
    }
    std::map<std::string, const Person*> by_id;
    for (auto* p : family) by_id[p->id] = p;
    auto in_family = [&](const std::string& id) { return by_id.count(id) > 0; };

    // Generations: a child sits one row below its lowest parent; partners share
    // a row. Iterate to a fixed point (bounded, so a cycle in the data cannot hang).
    std::map<std::string, int> gen;
    for (auto* p : family) gen[p->id] = 0;
    for (int pass = 0; pass < 16; ++pass) {
        bool changed = false;
        for (auto* p : family) {
            int want = gen[p->id];
            for (auto& par : p->parents)
                if (in_family(par)) want = std::max(want, gen[par] + 1);
            for (auto& partner : p->partners)
                if (in_family(partner)) want = std::max(want, gen[partner]);
            for (auto* q : family)  // brothers and sisters share a row (either side may name the other)
                if (q != p && (std::find(p->siblings.begin(), p->siblings.end(), q->id) != p->siblings.end() ||
                               std::find(q->siblings.begin(), q->siblings.end(), p->id) != q->siblings.end()))
                    want = std::max(want, gen[q->id]);
            want = std::min(want, 8);
            if (want != gen[p->id]) { gen[p->id] = want; changed = true; }
        }
        if (!changed) break;
    }
    int rows = 0;
    for (auto& [id, r] : gen) rows = std::max(rows, r + 1);
    g.rows = family.empty() ? 0 : rows;

    auto partners_of = [&](const Person* p) {
        std::vector<std::string> out;
        for (auto& q : p->partners) if (in_family(q)) out.push_back(q);
        for (auto* q : family)  // partner links may be written on one side only
            if (std::find(q->partners.begin(), q->partners.end(), p->id) != q->partners.end() &&
                std::find(out.begin(), out.end(), q->id) == out.end())
                out.push_back(q->id);
        return out;
    };

    std::map<std::string, float> x;
    std::vector<std::vector<std::string>> order(rows);
    for (int r = 0; r < rows; ++r) {
        std::vector<std::pair<float, const Person*>> keyed;
        for (std::size_t i = 0; i < family.size(); ++i) {
            auto* p = family[i];
            if (gen[p->id] != r) continue;
            float sum = 0; int n = 0;
            for (auto& par : p->parents)
                if (x.count(par)) { sum += x[par]; ++n; }
            float key = n ? sum / n : 1000.0f + static_cast<float>(i);
            keyed.push_back({key, p});
        }
        std::stable_sort(keyed.begin(), keyed.end(), [](auto& a, auto& b) { return a.first < b.first; });
        std::set<std::string> placed;
        auto& row = order[r];
        // People with parents in the tree first (in parent order), each followed
        // by partners who married in; then anyone left.
        for (int phase = 0; phase < 2; ++phase) {
            for (auto& [key, p] : keyed) {
                if (placed.count(p->id)) continue;
                bool has_parents = key < 1000.0f;
                if (phase == 0 && !has_parents) {
                    // Someone who married in waits for their partner, unless no partner has parents here.
                    bool partner_has_parents = false;
                    for (auto& q : partners_of(p))
                        if (gen[q] == r)
                            for (auto& par : by_id[q]->parents) if (in_family(par)) partner_has_parents = true;
                    if (partner_has_parents) continue;
                }
                row.push_back(p->id);
                placed.insert(p->id);
                for (auto& q : partners_of(p))
                    if (gen[q] == r && !placed.count(q)) { row.push_back(q); placed.insert(q); }
            }
        }
        for (std::size_t i = 0; i < row.size(); ++i) x[row[i]] = static_cast<float>(i);
    }
    // Centre each row on the widest one.
    float width = 0;
    for (auto& row : order) width = std::max(width, static_cast<float>(row.size()));
    for (auto& row : order) {
        float shift = (width - static_cast<float>(row.size())) / 2.0f;
        for (auto& id : row) x[id] += shift;
    }
    // A single parent (no partner in their row) stands above their children
    // when that place is free, so the line down to them does not pass over
    // someone else's head.
    for (int r = rows - 2; r >= 0; --r)
        for (auto& id : order[r]) {
            const Person* p = by_id[id];
            bool partnered = false;
            for (auto& q : partners_of(p)) partnered |= gen[q] == r;
            if (partnered) continue;
            float sum = 0;
            int n = 0;
            for (auto* c : family)
                if (gen[c->id] == r + 1 && std::find(c->parents.begin(), c->parents.end(), id) != c->parents.end()) {
                    sum += x[c->id];
                    ++n;
                }
            if (!n) continue;
            float want = sum / n;
            bool free = want >= 0;
            for (auto& other : order[r])
                if (other != id && std::abs(x[other] - want) < 1.0f) free = false;
            if (free) x[id] = want;
        }
    g.width = width;

    for (int r = 0; r < rows; ++r)
        for (auto& id : order[r]) {
            const Person* p = by_id[id];
            GenogramNode n;
            n.person = id;
            n.name = p->name;
            n.age = age_text(*p);
            n.age_words = age_words(*p);
            n.shape = p->gender == "male" ? GenogramNode::Shape::Square
                    : p->gender == "female" ? GenogramNode::Shape::Circle
                                            : GenogramNode::Shape::Diamond;
            n.child = p->role == PersonRole::Child;
            n.row = r;
            n.x = x[id];
            g.nodes.push_back(n);
        }

    std::set<std::pair<int, int>> couples;
    for (auto* p : family)
        for (auto& q : partners_of(p)) {
            int a = g.index_of(p->id), b = g.index_of(q);
            if (a < 0 || b < 0) continue;
            auto key = std::minmax(a, b);
            if (couples.insert(key).second) g.links.push_back({GenogramLink::Kind::Partners, key.first, key.second, -1});
        }
    for (auto* p : family) {
        std::vector<int> parents;
        for (auto& par : p->parents) {
            int i = g.index_of(par);
            if (i >= 0) parents.push_back(i);
        }
        if (parents.empty()) continue;
        GenogramLink l{GenogramLink::Kind::Child, g.index_of(p->id), parents[0], -1};
        if (parents.size() >= 2 && couples.count(std::minmax(parents[0], parents[1]))) l.c = parents[1];
        g.links.push_back(l);
        // A parent who is not the other parent's partner (a dad in a home of
        // his own) has a line of his own down to the child.
        for (std::size_t k = 1; k < parents.size(); ++k)
            if (parents[static_cast<std::size_t>(k)] != l.c)
                g.links.push_back({GenogramLink::Kind::Child, l.a, parents[k], -1});
    }

    std::set<std::pair<int, int>> siblings;
    for (auto* p : family)
        for (auto& q : p->siblings) {
            int a = g.index_of(p->id), b = g.index_of(q);
            if (a < 0 || b < 0 || a == b) continue;
            auto key = std::minmax(a, b);
            if (siblings.insert(key).second) g.links.push_back({GenogramLink::Kind::Siblings, key.first, key.second, -1});
        }

    std::map<std::string, std::vector<int>> homes;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const Person* p = by_id[g.nodes[i].person];
        if (!p->household.empty()) homes[p->household].push_back(static_cast<int>(i));
    }
    for (auto& [id, members] : homes) g.households.push_back({id, members});
    separate_households(g);
    return g;
}

namespace {

// Draws one mark centred at c, half-size `size` (shared by the tree and its key).
void draw_shape(ImDrawList* dl, GenogramNode::Shape shape, bool child, ImVec2 c, float size, ImU32 ink, ImU32 fill,
                float thick) {
    float in = std::max(3.0f, size * 0.22f);
    switch (shape) {
        case GenogramNode::Shape::Square:
            dl->AddRectFilled(ImVec2(c.x - size, c.y - size), ImVec2(c.x + size, c.y + size), fill);
            dl->AddRect(ImVec2(c.x - size, c.y - size), ImVec2(c.x + size, c.y + size), ink, 0, 0, thick);
            if (child) dl->AddRect(ImVec2(c.x - size + in, c.y - size + in), ImVec2(c.x + size - in, c.y + size - in), ink, 0, 0, thick * 0.7f);
            break;
        case GenogramNode::Shape::Circle:
            dl->AddCircleFilled(c, size, fill, 40);
            dl->AddCircle(c, size, ink, 40, thick);
            if (child) dl->AddCircle(c, size - in, ink, 40, thick * 0.7f);
            break;
        case GenogramNode::Shape::Diamond:
            dl->AddQuadFilled(ImVec2(c.x, c.y - size), ImVec2(c.x + size, c.y), ImVec2(c.x, c.y + size), ImVec2(c.x - size, c.y), fill);
            dl->AddQuad(ImVec2(c.x, c.y - size), ImVec2(c.x + size, c.y), ImVec2(c.x, c.y + size), ImVec2(c.x - size, c.y), ink, thick);
            if (child) {
                float k = size - in * 1.4f;
                dl->AddQuad(ImVec2(c.x, c.y - k), ImVec2(c.x + k, c.y), ImVec2(c.x, c.y + k), ImVec2(c.x - k, c.y), ink, thick * 0.7f);
            }
            break;
    }
}

// The name split for two lines: first name, then the rest.
std::pair<std::string, std::string> name_lines(const std::string& name) {
    auto sp = name.find(' ');
    if (sp == std::string::npos) return {name, ""};
    return {name.substr(0, sp), name.substr(sp + 1)};
}

// The widest a person's words are at the current font's full size: the name
// on one line or split over two (whichever is narrower), or the age.
float widest_label(const Genogram& g) {
    float widest = 1;
    for (const auto& n : g.nodes) {
        auto [first, rest] = name_lines(n.name);
        float whole = ImGui::CalcTextSize(n.name.c_str()).x;
        float two = std::max(ImGui::CalcTextSize(first.c_str()).x, ImGui::CalcTextSize(rest.c_str()).x);
        widest = std::max({widest, std::min(whole, two), ImGui::CalcTextSize(n.age_words.c_str()).x});
    }
    return widest;
}

// Text that does not fit a slot of `unit` is drawn smaller (never under 60 %),
// so neighbours' names and ages never run into each other at large text sizes.
float label_scale(const Genogram& g, float unit) { return std::clamp(unit * 0.9f / widest_label(g), 0.6f, 1.0f); }

// A row: the shape, two lines of name, a line of age, and room for the lines
// between generations (`line`: a line of the labels' text).
float row_height(float unit, float line) { return std::max(unit * 0.95f, unit * 0.26f * 2 + line * 3 + unit * 0.36f); }

}  // namespace

void draw_genogram(const Genogram& g, float unit) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* font = ImGui::GetFont();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    const float font_size = ImGui::GetFontSize() * label_scale(g, unit);
    const float line = font_size * 1.1f;
    const float size = unit * 0.26f;          // half the side of a square
    const float pad = unit * 0.22f;
    const float row_h = row_height(unit, line);
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 soft = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    ImU32 fill = ImGui::GetColorU32(ImGuiCol_FrameBg);
    float thick = std::max(1.5f, unit / 80.0f);
    auto text_at = [&](ImVec2 p, ImU32 col, const std::string& t) { dl->AddText(font, font_size, p, col, t.c_str()); };
    auto text_w = [&](const std::string& t) { return font->CalcTextSizeA(font_size, 1e9f, 0, t.c_str()).x; };

    auto centre = [&](int i) {
        const auto& n = g.nodes[i];
        return ImVec2(origin.x + pad + (n.x + 0.5f) * unit, origin.y + pad + size + 14 + n.row * row_h);
    };

    // Households first, so people are drawn over the outline.
    for (const auto& b : household_boxes(g)) {
        float y0 = origin.y + pad + size + 14 + b.r0 * row_h, y1 = origin.y + pad + size + 14 + b.r1 * row_h;
        ImVec2 a(origin.x + pad + (b.x0 + 0.5f) * unit, y0 - size - 10);
        // A little over a third of a line below the last line of the bottom row's labels.
        ImVec2 z(origin.x + pad + (b.x1 + 0.5f) * unit, y1 + size + 4 + line * 3.4f);
        // Corners no rounder than a line of text: a rounder corner cut through
        // the name and age of whoever stands at the end of the bottom row.
        dl->AddRect(a, z, soft, std::min(std::min(z.x - a.x, z.y - a.y) * 0.35f, line), 0, thick);
    }

    for (const auto& l : g.links) {
        if (l.kind == GenogramLink::Kind::Partners) {
            ImVec2 a = centre(l.a), b = centre(l.b);
            dl->AddLine(ImVec2(a.x + size, a.y), ImVec2(b.x - size, b.y), ink, thick);
        } else if (l.kind == GenogramLink::Kind::Siblings) {
            // A bracket over the two: up from each, joined above.
            ImVec2 a = centre(l.a), b = centre(l.b);
            float top = std::min(a.y, b.y) - size - std::max(6.0f, size * 0.35f);  // close over their heads
            dl->AddLine(ImVec2(a.x, a.y - size), ImVec2(a.x, top), ink, thick);
            dl->AddLine(ImVec2(b.x, b.y - size), ImVec2(b.x, top), ink, thick);
            dl->AddLine(ImVec2(a.x, top), ImVec2(b.x, top), ink, thick);
        } else {
            ImVec2 child = centre(l.a);
            ImVec2 from = centre(l.b);
            if (l.c >= 0) {
                ImVec2 other = centre(l.c);
                from = ImVec2((from.x + other.x) / 2, from.y);
            } else {
                from.y += size + line * 3;  // below the parent's name and age
            }
            float mid_y = child.y - size - (row_h - 2 * size - line * 3) * 0.55f;  // above any sibling bracket
            dl->AddLine(from, ImVec2(from.x, mid_y), ink, thick);
            dl->AddLine(ImVec2(from.x, mid_y), ImVec2(child.x, mid_y), ink, thick);
            dl->AddLine(ImVec2(child.x, mid_y), ImVec2(child.x, child.y - size), ink, thick);
        }
    }

    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const auto& n = g.nodes[i];
        ImVec2 c = centre(static_cast<int>(i));
        draw_shape(dl, n.shape, n.child, c, size, ink, fill, thick);
        float y = c.y + size + 4;
        float max_w = unit * 0.98f;
        if (text_w(n.name) <= max_w) {
            text_at(ImVec2(c.x - text_w(n.name) / 2, y), ink, n.name);
            y += line;
        } else {
            auto [first, rest] = name_lines(n.name);
            text_at(ImVec2(c.x - text_w(first) / 2, y), ink, first);
            y += line;
            if (!rest.empty()) {
                text_at(ImVec2(c.x - text_w(rest) / 2, y), ink, rest);
                y += line;
            }
        }
        text_at(ImVec2(c.x - text_w(n.age_words) / 2, y), n.age.empty() ? soft : ink, n.age_words);
    }
    float h = pad * 2 + g.rows * row_h + 14;
    ImGui::Dummy(ImVec2(pad * 2 + g.width * unit, h));
}

float genogram_readable_unit(const Genogram& g) {
    return widest_label(g) * 0.85f / 0.9f;   // label_scale is unit * 0.9 / widest
}

float genogram_height(const Genogram& g, float unit, float font_size) {
    float line = font_size * label_scale(g, unit) * 1.1f;
    return unit * 0.22f * 2 + g.rows * row_height(unit, line) + 14;   // draw_genogram's pads and rows
}

void draw_genogram_key(float scale) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 soft = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    ImU32 fill = ImGui::GetColorU32(ImGuiCol_FrameBg);
    float line = ImGui::GetTextLineHeight();
    float mark = std::max(line * 1.2f, 18 * scale);   // the drawn sample's box
    float thick = std::max(1.5f, scale * 1.5f);
    enum class Mark { Male, Female, NotGiven, Child, Partners, Parent, Siblings, Household };
    struct Item { Mark mark; const char* words; };
    const Item items[] = {
        {Mark::Male, "male"},
        {Mark::Female, "female"},
        {Mark::NotGiven, "gender not given"},
        {Mark::Child, "double outline: a child this case is about"},
        {Mark::Partners, "line between two: partners"},
        {Mark::Parent, "line down: parent and child"},
        {Mark::Siblings, "bracket over two: brothers or sisters"},
        {Mark::Household, "rounded outline: people who live together"},
    };
    float avail = ImGui::GetContentRegionAvail().x;
    float x0 = ImGui::GetCursorScreenPos().x, x = x0;
    float y = ImGui::GetCursorScreenPos().y;
    float spacing = line * 1.2f;
    for (const auto& it : items) {
        float w = mark + 6 * scale + ImGui::CalcTextSize(it.words).x;
        if (x > x0 && x + w > x0 + avail) {  // wrap to the next line of the key
            x = x0;
            y += std::max(mark, line) + 6 * scale;
        }
        ImVec2 c(x + mark / 2, y + mark / 2);
        float r = mark * 0.36f;
        switch (it.mark) {
            case Mark::Male: draw_shape(dl, GenogramNode::Shape::Square, false, c, r, ink, fill, thick); break;
            case Mark::Female: draw_shape(dl, GenogramNode::Shape::Circle, false, c, r, ink, fill, thick); break;
            case Mark::NotGiven: draw_shape(dl, GenogramNode::Shape::Diamond, false, c, r, ink, fill, thick); break;
            case Mark::Child: draw_shape(dl, GenogramNode::Shape::Circle, true, c, r * 1.2f, ink, fill, thick); break;
            case Mark::Partners: dl->AddLine(ImVec2(x, c.y), ImVec2(x + mark, c.y), ink, thick); break;
            case Mark::Parent:
                dl->AddLine(ImVec2(c.x, y), ImVec2(c.x, y + mark), ink, thick);
                dl->AddLine(ImVec2(x + mark * 0.2f, y + mark * 0.5f), ImVec2(x + mark * 0.8f, y + mark * 0.5f), ink, thick);
                break;
            case Mark::Siblings:
                dl->AddLine(ImVec2(x + 2, y + mark), ImVec2(x + 2, y + mark * 0.3f), ink, thick);
                dl->AddLine(ImVec2(x + mark - 2, y + mark), ImVec2(x + mark - 2, y + mark * 0.3f), ink, thick);
                dl->AddLine(ImVec2(x + 2, y + mark * 0.3f), ImVec2(x + mark - 2, y + mark * 0.3f), ink, thick);
                break;
            case Mark::Household:
                dl->AddRect(ImVec2(x, y + 2), ImVec2(x + mark, y + mark - 2), soft, mark * 0.3f, 0, thick);
                break;
        }
        dl->AddText(ImVec2(x + mark + 6 * scale, y + (mark - line) / 2), ink, it.words);
        x += w + spacing;
    }
    float bottom = y + std::max(mark, line) + 4 * scale;
    ImGui::Dummy(ImVec2(avail, bottom - ImGui::GetCursorScreenPos().y));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("Under each name: their age.");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

}  // namespace sofs::ui
