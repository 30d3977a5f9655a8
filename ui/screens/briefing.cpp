// The case briefing screen.
#include "briefing.hpp"

#include "app.hpp"
#include "hints.hpp"
#include "keyboard.hpp"
#include "widgets.hpp"

#include <GLFW/glfw3.h>
#include <imgui_internal.h>

#include <algorithm>

namespace sofs::ui {

const char* BriefingScreen::help() const {
    return "Read the referral before you meet the family. The family tree shows who is who: squares are men and boys, "
           "circles are women and girls, a line joins partners, lines go down to children, numbers are ages, and a ring "
           "goes round the people who live together. Press Begin the visit when you are ready.";
}

void BriefingScreen::enter(App& app) {
    genogram_ = app.scenario() ? layout_genogram(app.scenario()->people) : Genogram{};
}

bool BriefingScreen::begin_visit(App& app) {
    app.go(app.screen_for_view());
    return (app.session() != nullptr);
}

std::string BriefingScreen::read_aloud_text(App& app) {
    if (!app.scenario()) return "No case is open.";
    std::string out = app.scenario()->title + ". The referral. " + app.scenario()->referral + " The family. ";
    for (const auto& p : app.scenario()->people) {
        out += p.name;
        if (p.age) out += ", " + std::to_string(*p.age);
        if (!p.relationship.empty()) out += ", " + p.relationship;
        out += ". ";
    }
    return out;
}

void BriefingScreen::draw(App& app) {
    if (!app.scenario()) {
        wrapped("No case is open. Choose one from the case list.");
        if (ImGui::Button("Case list###to-library")) app.go(ScreenId::Library);
        return;
    }
    const Scenario& sc = *app.scenario();
    float s = app.ui_scale();
    float avail = ImGui::GetContentRegionAvail().x;
    float h = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 1.8f;
    float left = avail * 0.42f;

    begin_card("###referral", "The referral", ImVec2(left, h), app);
    subheading(app, sc.title.c_str());
    gap(0.2f);
    wrapped(reflow(sc.referral));
    gap();
    muted_text("About " + std::to_string(sc.minutes) + " minutes.");
    end_card();

    ImGui::SameLine();
    // A tree wider than the panel (large text, a big family) keeps its names
    // readable and only the tree scrolls sideways, in a strip as tall as the
    // whole tree with its bar along its foot: the heading, the key and the
    // others involved stay where they are, and the panel scrolls up and down
    // as a whole (no panel scrolling the same way as another inside it).
    begin_card("###family", "Who is in the family", ImVec2(0, h), app);
    if (genogram_.nodes.empty()) {
        muted_text("This case lists no family members.");
    } else {
        float avail_w = ImGui::GetContentRegionAvail().x;
        // The whole tree in the panel when it fits with names at a readable size:
        // as wide as the panel allows (with the tree's own margins), smaller while
        // it would leave no room for its key below. When it does not fit it keeps
        // the readable size; Tab reaches it and the arrow keys scroll the panel
        // (left and right, up and down).
        float readable = std::min(170.0f * s, genogram_readable_unit(genogram_));
        float unit = std::min(170.0f * s, (avail_w - 8 * s) / (std::max(1.0f, genogram_.width) + 0.44f));
        float room = ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing();
        while (unit > 100 * s && genogram_height(genogram_, unit, ImGui::GetFontSize()) > room) unit *= 0.92f;
        unit = std::max(unit, readable);
        float tree_w = (genogram_.width + 0.44f) * unit;
        float tree_h = genogram_height(genogram_, unit, ImGui::GetFontSize());
        bool sideways = tree_w > avail_w + 1;
        if (sideways != sideways_) {
            sideways_ = sideways;
            app.request_redraw();
        }
        bool card_scrolls = ImGui::GetScrollMaxY() > 0;
        bool focused = false;
        if (sideways)
            muted_text("The family is wider than this panel: scroll sideways to see everyone.");
        else
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail_w - tree_w) / 2));
        ImGuiWindow* card = ImGui::GetCurrentWindow();
        if (sideways) {
            ImGui::BeginChild("###family-tree-strip", ImVec2(0, tree_h + ImGui::GetStyle().ScrollbarSize), false,
                              ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NavFlattened);
        }
        ImVec2 at = ImGui::GetCursorScreenPos();
        if (sideways || card_scrolls) {
            // A place for the keyboard to stand while it scrolls the tree.
            ImGui::InvisibleButton("###family-tree-keys", ImVec2(tree_w, tree_h));
            note_target("family-tree");
            focused = ImGui::IsItemFocused();
            // The arrows scroll the tree instead of moving the focus away (Tab moves on).
            ImGuiContext& g = *ImGui::GetCurrentContext();
            if (focused && g.NavMoveSubmitted && !(g.NavMoveFlags & ImGuiNavMoveFlags_Tabbing) && g.NavMoveDir != ImGuiDir_None)
                ImGui::NavMoveRequestCancel();
            if (focused && ImGui::GetIO().NavVisible)
                ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                                   ImGui::GetColorU32(ImGuiCol_NavHighlight), 4 * s, 0, 2 * s);
            ImGui::SetCursorScreenPos(at);
        }
        draw_genogram(genogram_, unit);
        if (focused) {   // the arrows move the panel up and down, and the tree sideways
            float down = ImGui::GetTextLineHeightWithSpacing() * 3, across = unit * 0.5f;
            if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) ImGui::SetScrollY(card, card->Scroll.y + down);
            if (ImGui::IsKeyPressed(GLFW_KEY_UP)) ImGui::SetScrollY(card, card->Scroll.y - down);
            if (sideways) {
                if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) ImGui::SetScrollX(ImGui::GetScrollX() + across);
                if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) ImGui::SetScrollX(ImGui::GetScrollX() - across);
                if (ImGui::IsKeyPressed(GLFW_KEY_HOME)) ImGui::SetScrollX(0);
                if (ImGui::IsKeyPressed(GLFW_KEY_END)) ImGui::SetScrollX(ImGui::GetScrollMaxX());
            }
        }
        if (sideways) ImGui::EndChild();
    }
    gap(0.4f);
    draw_genogram_key(s);
    note_target("family-key");
    if (!genogram_.others.empty()) {
        gap(0.4f);
        subheading(app, "Others involved");
        for (const auto& o : genogram_.others) {
            ImGui::Bullet();
            ImGui::SameLine();
            wrapped(o);
        }
    }
    end_card();

    gap(0.3f);
    if (primary_button("Begin the visit###begin")) begin_visit(app);
    same_line_as_big_button();
    if (ImGui::Button("Back to the case list###back")) app.go(ScreenId::Library);
}

}  // namespace sofs::ui
