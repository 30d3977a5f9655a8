// The Three Houses screen.
#include "three_houses.hpp"

#include "app.hpp"
#include "model/places.hpp"
#include "widgets.hpp"
#include "keyboard.hpp"

#include <algorithm>

namespace sofs::ui {

const char* ThreeHousesScreen::help() const {
    return "The child has told you, in their own words, what worries them, what is good, and what they dream of. "
           "Put each thing they said into the right house: drag it, or press it and choose a house. "
           "Press Hand in when every one has a home.";
}

void ThreeHousesScreen::enter(App& app) {
    problem_.clear();
    items_.clear();
    child_ = "the child";
    if (!app.scenario()) return;
    // The board holds this attempt's placements (kept as a draft, so they
    // also come back after the window was closed).
    houses_ = app.board().houses;
    const auto& k = app.scenario()->expert.three_houses;
    for (auto* list : {&k.worries, &k.good_things, &k.dreams})
        for (const auto& s : *list) items_.push_back(s);
    std::sort(items_.begin(), items_.end());   // not grouped by house, so the answer is not given away
    for (auto it = houses_.begin(); it != houses_.end();)
        it = std::find(items_.begin(), items_.end(), it->first) == items_.end() ? houses_.erase(it) : std::next(it);
    for (const auto& p : app.scenario()->people)
        if (p.role == PersonRole::Child && p.age && *p.age >= 3) { child_ = p.name; break; }
}

void ThreeHousesScreen::put(const std::string& item, std::optional<House> house) {
    if (!house) houses_.erase(item);
    else houses_[item] = *house;
    moved_ = true;
}

std::string ThreeHousesScreen::read_aloud_text(App&) {
    std::string out = "Three Houses. What " + child_ + " said: ";
    for (const auto& i : items_) out += i + ". ";
    return out;
}

bool ThreeHousesScreen::hand_in(App& app) {
    problem_.clear();
    if (!app.session()) return false;
    View v = app.session()->view();
    if (v.kind != View::Kind::Task || !v.task || v.task->kind != TaskKind::ThreeHouses) {
        problem_ = "The case is not asking for the Three Houses just now.";
        return false;
    }
    if (houses_.size() < items_.size()) {
        problem_ = "Some of what " + child_ + " said has no house yet.";
        return false;
    }
    Answer a;
    a.task = v.task->id;
    a.placements = play::stored_places(houses_);   // the transcript's names
    return app.answer(a);
}

// A child's words as a button no wider than `max_w`: long words wrap inside it.
static float item_width(const std::string& label, float max_w) {
    return std::min(max_w, ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2);
}

void ThreeHousesScreen::draw_item(const std::string& item, float max_w) {
    ImGui::PushID(item.c_str());
    std::string label = "\"" + item + "\"";
    ImGuiStyle& st = ImGui::GetStyle();
    bool pressed = false;
    if (ImGui::CalcTextSize(label.c_str()).x + st.FramePadding.x * 2 <= max_w) {
        pressed = ImGui::Button((label + "###item").c_str());
    } else {
        float wrap = max_w - st.FramePadding.x * 2;
        ImVec2 ts = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
        ImVec2 pos = ImGui::GetCursorScreenPos();
        pressed = ImGui::Button("###item", ImVec2(max_w, ts.y + st.FramePadding.y * 2));
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                            ImVec2(pos.x + st.FramePadding.x, pos.y + st.FramePadding.y),
                                            ImGui::GetColorU32(ImGuiCol_Text), label.c_str(), nullptr, wrap);
    }
    note_target("item:" + item);
    if (pressed) {
        moving_ = item;
        ImGui::OpenPopup("###put-in");
    }
    if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload("SOFS_HOUSE_ITEM", item.c_str(), item.size() + 1);
        ImGui::TextUnformatted(label.c_str());
        ImGui::EndDragDropSource();
    }
    if (ImGui::BeginPopup("###put-in")) {
        ImGui::TextUnformatted("Put it in:");
        ImGui::Separator();
        for (House h : kHousesInOrder) {
            if (ImGui::Selectable(display_name(h))) put(moving_, h);
            note_target(std::string("house:") + to_string(h));
        }
        if (ImGui::Selectable("Back to what was said")) put(moving_, std::nullopt);
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

void ThreeHousesScreen::draw_house(App& app, House house, float w, float h) {
    float s = app.ui_scale();
    const char* title = display_name(house);
    ImGui::PushID(to_string(house));
    ImGui::BeginGroup();
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float roof = 70 * s;
    ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 fill = ImGui::GetColorU32(ImGuiCol_FrameBg);
    float th = 2.5f * s;
    dl->AddTriangleFilled(ImVec2(p.x, p.y + roof), ImVec2(p.x + w / 2, p.y), ImVec2(p.x + w, p.y + roof), fill);
    dl->AddTriangle(ImVec2(p.x, p.y + roof), ImVec2(p.x + w / 2, p.y), ImVec2(p.x + w, p.y + roof), ink, th);
    dl->AddRectFilled(ImVec2(p.x + 10 * s, p.y + roof), ImVec2(p.x + w - 10 * s, p.y + h), fill);
    dl->AddRect(ImVec2(p.x + 10 * s, p.y + roof), ImVec2(p.x + w - 10 * s, p.y + h), ink, 0, 0, th);
    if (app.bold) ImGui::PushFont(app.bold);
    ImVec2 ts = ImGui::CalcTextSize(title);
    // The name sits under the roof when it fits between its slopes; otherwise
    // (large text, a narrow window) at the top of the house, wrapped, so it
    // never crosses the roof's lines.
    float top = 14 * s;
    float slope_room = w * (ts.y + 6 * s) / roof;   // the roof's width at the name's top
    if (ts.x <= w - slope_room - 8 * s) {
        dl->AddText(ImVec2(p.x + (w - ts.x) / 2, p.y + roof - ts.y - 6 * s), ink, title);
    } else {
        float inner = w - 48 * s;
        ImVec2 wrapped_size = ImGui::CalcTextSize(title, nullptr, false, inner);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + 24 * s, p.y + roof + 10 * s), ink, title, nullptr, inner);
        top += wrapped_size.y + 6 * s;
    }
    if (app.bold) ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(p.x + 24 * s, p.y + roof + top));
    ImGui::BeginChild("###inside", ImVec2(w - 48 * s, std::max(h - roof - top - 10 * s, ImGui::GetFrameHeight())), false,
                      ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NavFlattened);
    int n = 0;
    for (const auto& i : items_) {
        auto it = houses_.find(i);
        if (it == houses_.end() || it->second != house) continue;
        draw_item(i, ImGui::GetContentRegionAvail().x);
        ++n;
    }
    if (n == 0) muted_text("Drop words here");
    ImGui::EndChild();
    ImGui::SetCursorScreenPos(p);
    ImGui::Dummy(ImVec2(w, h));
    ImGui::EndGroup();
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* pl = ImGui::AcceptDragDropPayload("SOFS_HOUSE_ITEM")) put(static_cast<const char*>(pl->Data), house);
        ImGui::EndDragDropTarget();
    }
    ImGui::PopID();
}

// Each move is kept at once, so closing the window loses no placement.
void ThreeHousesScreen::keep_draft(App& app) {
    if (!moved_) return;
    moved_ = false;
    app.place_houses(houses_);
}

void ThreeHousesScreen::leave(App& app) { keep_draft(app); }

void ThreeHousesScreen::draw(App& app) {
    keep_draft(app);
    float s = app.ui_scale();
    bool asked = false;
    if (app.session()) {
        View v = app.session()->view();
        asked = v.kind == View::Kind::Task && v.task && v.task->kind == TaskKind::ThreeHouses;
        if (asked) {
            subheading(app, "Your task");
            wrapped(v.task->prompt);
            if (!v.task->hint.empty()) muted_text(v.task->hint);
        }
    }
    if (!asked) muted_text("The case is not asking for the Three Houses just now. You can look, but nothing is handed in.");
    gap(0.3f);
    if (items_.empty()) {
        wrapped("This case has no words from a child for the Three Houses.");
        return;
    }
    subheading(app, ("What " + child_ + " said").c_str());
    ImGui::BeginGroup();
    int left = 0;
    float row_w = ImGui::GetContentRegionAvail().x;
    for (const auto& i : items_) {
        if (houses_.count(i)) continue;
        // The words flow in rows that wrap at the panel's edge.
        if (left > 0) same_line_if_fits(item_width("\"" + i + "\"", row_w));
        draw_item(i, row_w);
        ++left;
    }
    if (left == 0) muted_text("Everything " + child_ + " said has a house.");
    ImGui::EndGroup();
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* pl = ImGui::AcceptDragDropPayload("SOFS_HOUSE_ITEM")) put(static_cast<const char*>(pl->Data), std::nullopt);
        ImGui::EndDragDropTarget();
    }
    gap(0.6f);
    float w = ImGui::GetContentRegionAvail().x;
    float gap_x = 30 * s;
    float hw = (w - 2 * gap_x) / 3;
    float hh = std::min(ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 2.2f, 420 * s);
    // Room for the roof and a few of the child's words however little the
    // screen has left (large text): the screen scrolls to Hand in instead of
    // the houses folding up over the words above them.
    hh = std::max(hh, 94 * s + ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetFrameHeightWithSpacing() * 6);
    for (House house : kHousesInOrder) {
        if (house != kHousesInOrder[0]) ImGui::SameLine(0, gap_x);
        draw_house(app, house, hw, hh);
    }
    gap(0.4f);
    if (hand_in_row(app, asked, problem_)) hand_in(app);
}

}  // namespace sofs::ui
