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
    g.width = width;

    for (int r = 0; r < rows; ++r)
        for (auto& id : order[r]) {
            const Person* p = by_id[id];
            GenogramNode n;
            n.person = id;
            n.name = p->name;
            n.age = age_text(*p);
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
    }

    std::map<std::string, std::vector<int>> homes;
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const Person* p = by_id[g.nodes[i].person];
        if (!p->household.empty()) homes[p->household].push_back(static_cast<int>(i));
    }
    for (auto& [id, members] : homes) g.households.push_back({id, members});
    return g;
}

void draw_genogram(const Genogram& g, float unit) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    const float row_h = std::max(unit * 0.95f, unit * 0.52f + ImGui::GetTextLineHeight() * 3.4f);
    const float size = unit * 0.26f;          // half the side of a square
    const float pad = unit * 0.22f;
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 soft = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    ImU32 fill = ImGui::GetColorU32(ImGuiCol_FrameBg);
    float thick = std::max(1.5f, unit / 80.0f);

    auto centre = [&](int i) {
        const auto& n = g.nodes[i];
        return ImVec2(origin.x + pad + (n.x + 0.5f) * unit, origin.y + pad + size + 14 + n.row * row_h);
    };

    // Households first, so people are drawn over the outline.
    for (const auto& h : g.households) {
        if (h.members.empty()) continue;
        float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
        for (int i : h.members) {
            ImVec2 c = centre(i);
            x0 = std::min(x0, c.x); x1 = std::max(x1, c.x);
            y0 = std::min(y0, c.y); y1 = std::max(y1, c.y);
        }
        // A rounded outline round the household: from above the shapes to below the names.
        float line = ImGui::GetTextLineHeight();
        ImVec2 a(x0 - unit * 0.47f, y0 - size - 10), z(x1 + unit * 0.47f, y1 + size + line * 2 + 8);
        dl->AddRect(a, z, soft, std::min(z.x - a.x, z.y - a.y) * 0.35f, 0, thick);
    }

    for (const auto& l : g.links) {
        if (l.kind == GenogramLink::Kind::Partners) {
            ImVec2 a = centre(l.a), b = centre(l.b);
            dl->AddLine(ImVec2(a.x + size, a.y), ImVec2(b.x - size, b.y), ink, thick);
        } else {
            ImVec2 child = centre(l.a);
            ImVec2 from = centre(l.b);
            if (l.c >= 0) {
                ImVec2 other = centre(l.c);
                from = ImVec2((from.x + other.x) / 2, from.y);
            } else {
                from.y += size;
            }
            float mid_y = child.y - size - (row_h - 2 * size) * 0.45f;
            dl->AddLine(from, ImVec2(from.x, mid_y), ink, thick);
            dl->AddLine(ImVec2(from.x, mid_y), ImVec2(child.x, mid_y), ink, thick);
            dl->AddLine(ImVec2(child.x, mid_y), ImVec2(child.x, child.y - size), ink, thick);
        }
    }

    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const auto& n = g.nodes[i];
        ImVec2 c = centre(static_cast<int>(i));
        switch (n.shape) {
            case GenogramNode::Shape::Square:
                dl->AddRectFilled(ImVec2(c.x - size, c.y - size), ImVec2(c.x + size, c.y + size), fill);
                dl->AddRect(ImVec2(c.x - size, c.y - size), ImVec2(c.x + size, c.y + size), ink, 0, 0, thick);
                if (n.child) dl->AddRect(ImVec2(c.x - size + 4, c.y - size + 4), ImVec2(c.x + size - 4, c.y + size - 4), ink, 0, 0, 1.0f);
                break;
            case GenogramNode::Shape::Circle:
                dl->AddCircleFilled(c, size, fill, 40);
                dl->AddCircle(c, size, ink, 40, thick);
                if (n.child) dl->AddCircle(c, size - 4, ink, 40, 1.0f);
                break;
            case GenogramNode::Shape::Diamond:
                dl->AddQuadFilled(ImVec2(c.x, c.y - size), ImVec2(c.x + size, c.y), ImVec2(c.x, c.y + size), ImVec2(c.x - size, c.y), fill);
                dl->AddQuad(ImVec2(c.x, c.y - size), ImVec2(c.x + size, c.y), ImVec2(c.x, c.y + size), ImVec2(c.x - size, c.y), ink, thick);
                break;
        }
        if (!n.age.empty()) {
            ImVec2 ts = ImGui::CalcTextSize(n.age.c_str());
            dl->AddText(ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), ink, n.age.c_str());
        }
        ImVec2 ns = ImGui::CalcTextSize(n.name.c_str());
        float max_w = unit * 0.98f;
        if (ns.x <= max_w) {
            dl->AddText(ImVec2(c.x - ns.x / 2, c.y + size + 4), ink, n.name.c_str());
        } else {
            // Two lines: first name above the rest.
            auto sp = n.name.find(' ');
            std::string first = n.name.substr(0, sp), rest = sp == std::string::npos ? "" : n.name.substr(sp + 1);
            ImVec2 a = ImGui::CalcTextSize(first.c_str()), b = ImGui::CalcTextSize(rest.c_str());
            dl->AddText(ImVec2(c.x - a.x / 2, c.y + size + 4), ink, first.c_str());
            dl->AddText(ImVec2(c.x - b.x / 2, c.y + size + 4 + a.y), ink, rest.c_str());
        }
    }
    float h = pad * 2 + g.rows * row_h + 14;
    ImGui::Dummy(ImVec2(pad * 2 + g.width * unit, h));
}

}  // namespace sofs::ui
