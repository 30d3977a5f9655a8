// The mapping board screen.
#include "mapping.hpp"

#include "app.hpp"
#include "model/places.hpp"
#include "hints.hpp"
#include "keyboard.hpp"
#include "widgets.hpp"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

namespace sofs::ui {

// The writing tasks' board keys (play::board_key), bar the scaling reason,
// which the scaling screen edits.
std::string editor_key(TaskKind k) { return k == TaskKind::Scaling ? std::string() : play::board_key(k); }

// "Words and Pictures for Kai (aged 3), written to them as 'you'".
static std::string words_and_pictures_label(const Scenario& s) {
    const Person* child = words_and_pictures_child(s);
    if (!child) return "Words and Pictures, written to the child as 'you'";
    return "Words and Pictures for " + child->name + " (aged " + std::to_string(words_and_pictures_age(s)) +
           "), written to them as 'you'";
}

const char* MappingScreen::help() const {
    return "This is your mapping of the case, in three columns: what we are worried about, what is working well, "
           "and what needs to happen. Drag each fact card to the part of the mapping where it belongs, or press a card "
           "and choose where it goes. Write danger statements, safety goals and Words and Pictures for a child in the box at the top: your words wrap "
           "as you type, and professional words are marked in the box with a plainer way to say them beside it. "
           "Your writing is kept as you go; press Hand in when you are happy with it.";
}

void MappingScreen::enter(App&) {
    hand_in_problem_.clear();
    moving_fact_.clear();
}

void MappingScreen::leave(App& app) {
    if (dirty_) {
        for (auto& [k, v] : app.board().texts) app.save_draft(k, v);
        dirty_ = false;
    }
}

std::vector<std::string> MappingScreen::facts_on_offer(App& app) const {
    if (!app.session()) return {};
    View v = app.session()->view();
    if (v.kind == View::Kind::Task && v.task && v.task->kind == TaskKind::SortFacts && !v.task->facts.empty())
        return v.task->facts;
    return app.session()->revealed_facts();
}

bool MappingScreen::last_rect(const std::string& key, Rect* out) const {
    auto it = rects_.find(key);
    if (it == rects_.end()) return false;
    *out = it->second;
    return true;
}

void MappingScreen::place(App& app, const std::string& fact_id, std::optional<FactKind> place) {
    app.place_fact(fact_id, place);
    app.request_redraw();
}

void MappingScreen::set_text(App& app, const std::string& key, const std::string& text) {
    app.write_text(key, text);
}

const std::vector<Verdict>& MappingScreen::checks(App& app, const std::string& key) {
    Live& l = live_[key];
    const std::string& text = app.board_text(key);
    if (l.text != text || (l.verdicts.empty() && !text.empty())) {
        l.text = text;
        l.verdicts.clear();
        const Guidance* g = app.guidance();
        if (g && app.scenario() && !text.empty()) {
            try {
                if (key == "danger-statement") l.verdicts = assess_danger_statement(text, *app.scenario(), *g);
                else if (key == "safety-goal") l.verdicts = assess_safety_goal(text, *app.scenario(), *g);
                else if (key == "words-and-pictures") l.verdicts = assess_words_and_pictures(text, *app.scenario(), *g);
            } catch (const std::exception&) {
                l.verdicts.clear();
            }
        }
    }
    return l.verdicts;
}

bool MappingScreen::hand_in(App& app) {
    hand_in_problem_.clear();
    if (!app.session()) return false;
    View v = app.session()->view();
    if (v.kind != View::Kind::Task || !v.task) {
        hand_in_problem_ = "There is nothing to hand in just now: the conversation goes on.";
        return false;
    }
    Answer a;
    a.task = v.task->id;
    std::string key = editor_key(v.task->kind);
    if (!key.empty()) {
        a.text = app.board_text(key);
        if (word_count(a.text) < 3) {
            hand_in_problem_ = "Please write a little more before handing in.";
            return false;
        }
        app.save_draft(key, a.text);
    } else if (v.task->kind == TaskKind::SortFacts) {
        std::map<std::string, FactKind> placed;
        for (const auto& id : facts_on_offer(app)) {
            auto it = app.board().placements.find(id);
            if (it != app.board().placements.end()) placed[id] = it->second;
        }
        a.placements = play::stored_places(placed);   // the transcript's names
        if (a.placements.empty()) {
            hand_in_problem_ = "Place at least one fact card before handing in.";
            return false;
        }
    } else if (v.task->kind == TaskKind::SafetyNetwork) {
        a.picks = app.board().network;
        if (a.picks.empty()) {
            hand_in_problem_ = "Choose at least one person for the safety network.";
            return false;
        }
    } else {
        hand_in_problem_ = "This task is answered on another screen.";
        return false;
    }
    return app.answer(a);
}

std::string MappingScreen::read_aloud_text(App& app) {
    std::string out = "Mapping board. ";
    if (app.session()) {
        View v = app.session()->view();
        if (v.kind == View::Kind::Task && v.task) out += "Your task: " + v.task->prompt + " " + v.task->hint + " ";
    }
    for (auto& [k, t] : app.board().texts)
        if (!t.empty()) out += "Your " + k + ": " + t + " ";
    for (FactKind k : kFactKindsInOrder) {
        std::string list;
        for (auto& [f, place] : app.board().placements)
            if (place == k && app.scenario() && app.scenario()->fact(f)) list += app.scenario()->fact(f)->text + " ";
        if (!list.empty()) out += std::string(display_name(k)) + ": " + list;
    }
    return out;
}

void MappingScreen::draw_card(App& app, const std::string& fact_id) {
    const Fact* f = app.scenario() ? app.scenario()->fact(fact_id) : nullptr;
    if (!f) return;
    ImGui::PushID(fact_id.c_str());
    ImGuiStyle& st = ImGui::GetStyle();
    float w = ImGui::GetContentRegionAvail().x;
    float wrap = w - st.FramePadding.x * 3;
    ImVec2 ts = ImGui::CalcTextSize(f->text.c_str(), nullptr, false, wrap);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Header, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
    bool pressed = ImGui::Selectable("###card", true, 0, ImVec2(w, ts.y + st.FramePadding.y * 2.5f));
    ImGui::PopStyleColor();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(pos, ImVec2(pos.x + w, pos.y + ts.y + st.FramePadding.y * 2.5f), ImGui::GetColorU32(ImGuiCol_Border), 4.0f);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + st.FramePadding.x * 1.5f, pos.y + st.FramePadding.y * 1.25f),
                ImGui::GetColorU32(ImGuiCol_Text), f->text.c_str(), nullptr, wrap);
    note_target("card:" + fact_id);
    rects_["card:" + fact_id] = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y};
    if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload("SOFS_FACT", fact_id.c_str(), fact_id.size() + 1);
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
        ImGui::TextUnformatted(f->text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndDragDropSource();
    }
    if (ImGui::IsItemHovered() && !ImGui::IsMouseDragging(0)) ImGui::SetTooltip("Drag to another part of the mapping, or press to choose where it goes");
    if (pressed) {
        moving_fact_ = fact_id;
        ImGui::OpenPopup("###move-to");
    }
    if (ImGui::BeginPopup("###move-to")) {
        ImGui::TextUnformatted("Move this fact to:");
        ImGui::Separator();
        for (FactKind k : kFactKindsInOrder) {
            if (ImGui::Selectable(display_name(k))) place(app, moving_fact_, k);
            note_target(std::string("move:") + to_string(k));
        }
        if (ImGui::Selectable("Back to the facts to place")) place(app, moving_fact_, std::nullopt);
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

// A card dropped on the item just drawn goes to `place` (nullopt: the tray).
static void accept_drop(App& app, MappingScreen& screen, std::optional<FactKind> place) {
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload("SOFS_FACT")) {
            std::string id(static_cast<const char*>(p->Data));
            screen.place(app, id, place);
        }
        ImGui::EndDragDropTarget();
    }
}

void MappingScreen::draw_section(App& app, FactKind section, const char* empty_hint) {
    const std::string name = to_string(section);   // the section's id for targets and the tour
    ImGui::PushID(name.c_str());
    subheading(app, display_name(section));
    ImGui::BeginGroup();
    int n = 0;
    const std::vector<std::string> offer = facts_on_offer(app);
    for (const auto& id : offer) {
        auto it = app.board().placements.find(id);
        if (it == app.board().placements.end() || it->second != section) continue;
        draw_card(app, id);
        ++n;
    }
    // Facts placed earlier but no longer on offer stay visible too.
    for (const auto& [id, place] : app.board().placements) {
        if (place != section || std::find(offer.begin(), offer.end(), id) != offer.end()) continue;
        draw_card(app, id);
        ++n;
    }
    if (n == 0) {
        // An empty drop zone: a frame with its hint inside, wrapped to the
        // zone's width (a narrow column at large text takes two lines).
        ImVec2 p = ImGui::GetCursorScreenPos();
        float w = ImGui::GetContentRegionAvail().x;
        float pad = 8.0f;
        float text_h = ImGui::CalcTextSize(empty_hint, nullptr, false, std::max(w - 2 * pad, 1.0f)).y;
        float h = std::max(ImGui::GetTextLineHeight() * 2.2f, text_h + ImGui::GetTextLineHeight() * 1.1f);
        ImGui::GetWindowDrawList()->AddRect(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_TextDisabled), 4.0f, 0, 1.0f);
        ImGui::SetCursorScreenPos(ImVec2(p.x + pad, p.y + (h - text_h) * 0.5f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + std::max(w - 2 * pad, 1.0f));
        ImGui::TextUnformatted(empty_hint);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::SetCursorScreenPos(p);
        ImGui::Dummy(ImVec2(w, h));
    }
    ImGui::EndGroup();
    rects_["section:" + name] = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y};
    accept_drop(app, *this, section);
    gap(0.5f);
    ImGui::PopID();
}

void MappingScreen::draw_text_section(App& app, const std::string& key, const char* title, const char* empty_hint) {
    subheading(app, title);
    auto it = app.board().texts.find(key);
    if (it == app.board().texts.end() || it->second.empty()) muted_text(empty_hint);
    else highlighted_text(it->second, {});
    gap(0.5f);
}

void MappingScreen::draw_editor(App& app, const std::string& key, const char* label, float height) {
    ImGui::PushID(key.c_str());
    // The words are the playthrough's; the box edits a copy and hands each change back.
    std::string text = app.board_text(key);
    float avail = ImGui::GetContentRegionAvail().x;
    float left = avail * 0.56f;
    ImGui::BeginGroup();
    subheading(app, label, left);
    // Professional words and long sentences are marked inside the box itself.
    std::vector<Highlight> marks;
    std::vector<Hint> hints;
    if (const Guidance* g = app.guidance(); g && app.scenario() && !text.empty()) hints = find_hints(text, *app.scenario(), *g);
    for (auto& h : hints) marks.push_back({h.begin, h.end, "Try: " + h.plain, 0});
    const auto& verdicts = checks(app, key);
    for (const auto& v : verdicts) {
        if (v.met) continue;
        if (v.criterion.find("PLAIN") == std::string::npos && v.criterion != "DS-NON-BLAMING") continue;
        for (auto sp : v.evidence) {
            bool known = false;
            for (auto& m : marks) known |= m.begin < sp.end && m.end > sp.begin;
            if (!known && sp.end <= text.size()) {
                std::string words = text.substr(sp.begin, sp.end - sp.begin);
                marks.push_back({sp.begin, sp.end, v.improve.empty() ? v.explanation : v.improve, 0});
                hints.push_back({sp.begin, sp.end, words, v.improve, Hint::Kind::Jargon});
            }
        }
    }
    float box_h = std::max(ImGui::GetTextLineHeight() * 5, ImGui::GetContentRegionAvail().y - 4);
    WritingBox& box = boxes_[key];
    if (box.draw("###text", text, ImVec2(left, box_h), marks, "Write here. Your words wrap as you type; marked words have a plainer way to say them.")) {
        app.write_text(key, text, false);
        dirty_ = true;
    }
    note_target("box:" + key);
    if (box.left_after_edit() && dirty_) {
        app.save_draft(key, text);
        dirty_ = false;
    }
    ImGui::EndGroup();

    ImGui::SameLine(0, 24 * app.ui_scale());
    ImGui::BeginChild("###hints", ImVec2(0, std::max(height * 0.5f, ImGui::GetContentRegionAvail().y - 2)), false, ImGuiWindowFlags_NavFlattened);
    int words = word_count(text);
    subheading(app, ("Hints   (" + std::to_string(words) + (words == 1 ? " word)" : " words)")).c_str());
    if (hints.empty()) muted_text(text.empty() ? "Hints appear here as you write." : "No professional words found.");
    for (const auto& h : hints) {
        ImGui::Bullet();
        ImGui::SameLine();
        if (h.kind == Hint::Kind::LongSentence) wrapped("A long sentence: " + h.plain + ".");
        else wrapped("\"" + h.words + "\": " + (h.plain.empty() ? std::string("say what happened in plain words") : h.plain));
    }
    if (!verdicts.empty()) {
        gap(0.3f);
        subheading(app, "Checks so far");
        for (const auto& v : verdicts) {
            ImGui::PushID(v.criterion.c_str());
            met_shape(v.met, ImGui::GetTextLineHeight());
            ImGui::SameLine();
            wrapped(criterion_title(v.criterion));
            if (ImGui::IsItemHovered() && !v.explanation.empty()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
                ImGui::TextUnformatted((v.met ? v.explanation : (v.improve.empty() ? v.explanation : v.improve)).c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ImGui::PopID();
        }
    } else if (!app.guidance_problem.empty() && (key == "danger-statement" || key == "safety-goal")) {
        gap(0.3f);
        muted_text(app.guidance_problem);
    }
    ImGui::EndChild();
    ImGui::PopID();
}

void MappingScreen::draw_tray(App& app) {
    std::vector<std::string> unplaced;
    for (const auto& id : facts_on_offer(app))
        if (!app.board().placements.count(id)) unplaced.push_back(id);
    float avail = ImGui::GetContentRegionAvail().x;
    ImGui::BeginGroup();
    subheading(app, ("Facts to place (" + std::to_string(unplaced.size()) + ")").c_str());
    // In a card sized to what it holds (large text) the room left would grow
    // with the card, frame after frame: the tray then keeps a fixed height, no
    // taller than the screen shows at once with its heading, so scrolling the
    // screen brings the whole tray into sight (and the wheel over it turns
    // its cards, beside it the screen).
    const bool fitted = task_fit_h_ > 0;
    float line = ImGui::GetTextLineHeightWithSpacing();
    float room = fitted ? std::min(line * 14, std::max(line * 5, shown_h_ - line * 2.5f)) : ImGui::GetContentRegionAvail().y - 2;
    ImGui::BeginChild("###tray", ImVec2(avail * 0.62f, std::max(ImGui::GetTextLineHeight() * 3, room)), true, ImGuiWindowFlags_NavFlattened);
    if (unplaced.empty()) muted_text(facts_on_offer(app).empty() ? "No facts learnt yet: they come from the conversation."
                                                                 : "Every fact has a place. You can still move cards between sections.");
    for (const auto& id : unplaced) draw_card(app, id);
    ImGui::EndChild();
    ImGui::EndGroup();
    accept_drop(app, *this, std::nullopt);
    ImGui::SameLine();
    ImGui::BeginChild("###not-mapping", ImVec2(0, std::max(ImGui::GetTextLineHeight() * 4, fitted ? room : ImGui::GetContentRegionAvail().y - 2)), false, ImGuiWindowFlags_NavFlattened);
    draw_section(app, FactKind::Distractor, "Drop facts that do not bear on safety here");
    ImGui::EndChild();
}

std::string network_question(const Scenario& sc) {
    std::vector<const Person*> children;
    for (const auto& p : sc.people)
        if (p.role == PersonRole::Child) children.push_back(&p);
    std::string who = "the children";
    if (children.size() == 1) who = children[0]->name.substr(0, children[0]->name.find(' '));
    return "Who should be part of the safety network? Tick everyone who could help keep " + who + " safe.";
}

void MappingScreen::draw_task(App& app, float height, bool fit) {
    View v = app.session()->view();
    const Task* t = v.kind == View::Kind::Task ? v.task : nullptr;
    bool here = t && (editor_key(t->kind) != "" || t->kind == TaskKind::SortFacts || t->kind == TaskKind::SafetyNetwork);
    float screen_h = height;
    shown_h_ = height;
    if (fit && task_fit_h_ > 0) height = task_fit_h_;
    begin_card("###task", nullptr, ImVec2(0, height), app, fit ? ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse : 0);
    if (here) {
        subheading(app, "Your task");
        ImGui::SameLine();
        wrapped(t->prompt);
        if (!t->hint.empty()) muted_text(t->hint);
        gap(0.2f);
        // At large text the card leaves little room: the writing box, the cards
        // or the names still get five lines, and the card scrolls to Hand in.
        float inner = std::max(ImGui::GetTextLineHeightWithSpacing() * 5,
                               ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 1.3f);
        // Fitted (large text): the writing box keeps most of a screen; cards and names take the room they need.
        if (fit) inner = std::max(ImGui::GetTextLineHeightWithSpacing() * 8, screen_h * 0.6f);
        std::string key = editor_key(t->kind);
        if (!key.empty()) {
            std::string label = t->kind == TaskKind::DangerStatement ? "Danger statement"
                              : t->kind == TaskKind::SafetyGoal ? "Safety goal"
                              : t->kind == TaskKind::PastHarm ? "Past harm"
                              : t->kind == TaskKind::WordsAndPictures ? words_and_pictures_label(*app.scenario())
                                                                      : "Next steps (one a line)";
            ImGui::BeginChild("###editor-area", ImVec2(0, inner), false, ImGuiWindowFlags_NavFlattened);
            draw_editor(app, key, label.c_str(), inner);
            ImGui::EndChild();
        } else if (t->kind == TaskKind::SortFacts) {
            if (!fit) ImGui::BeginChild("###tray-area", ImVec2(0, inner), false, ImGuiWindowFlags_NavFlattened);
            draw_tray(app);
            if (!fit) ImGui::EndChild();
        } else {
            if (!fit) ImGui::BeginChild("###network-area", ImVec2(0, inner), false, ImGuiWindowFlags_NavFlattened);
            wrapped(network_question(*app.scenario()));
            std::vector<std::string> offered = t->people;
            if (offered.empty())
                for (const auto& p : app.scenario()->people)
                    if (p.role != PersonRole::Professional) offered.push_back(p.id);
            for (const auto& id : offered) {
                const Person* p = app.scenario()->person(id);
                if (!p) continue;
                bool on = std::find(app.board().network.begin(), app.board().network.end(), id) != app.board().network.end();
                // The box alone, then its words wrapped beside it (checkbox labels do not wrap).
                bool toggled = ImGui::Checkbox(("###net-" + id).c_str(), &on);
                note_target("net:" + id);
                ImGui::SameLine();
                wrapped(p->name + " (" + p->relationship + ")");
                if (toggled) {
                    app.pick_for_network(id, on);
                }
            }
            if (!fit) ImGui::EndChild();
        }
        if (primary_button("Hand in###hand-in")) hand_in(app);
        ImGui::SameLine();
        if (!key.empty() && ImGui::Button("Save draft###save-draft")) {
            app.save_draft(key, app.board_text(key));
            dirty_ = false;
            app.notify("Your draft is saved.");
        }
        if (!hand_in_problem_.empty()) {
            ImGui::SameLine();
            worry_text(hand_in_problem_);
        }
    } else {
        subheading(app, "Your mapping so far");
        wrapped("Move the fact cards to where you think they belong. The writing tasks open here when the case asks for them.");
        bool back = ImGui::Button("Back to the conversation###back-to-talk");
        note_target("back-to-talk");
        if (back) app.go(app.screen_for_view());
        gap(0.3f);
        if (!fit) ImGui::BeginChild("###tray-area", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
        draw_tray(app);
        if (!fit) ImGui::EndChild();
    }
    // What the card holds, for its height in the next frame (redrawn when it
    // changes): the lowest thing drawn, not the cursor (after "Hand in" and a
    // SameLine the cursor is still at the top of the button's row). A card
    // scrolled wholly out of sight draws nothing and keeps its height.
    if (fit && !ImGui::GetCurrentWindow()->SkipItems) {
        ImGuiWindow* w = ImGui::GetCurrentWindow();
        float want = (w->DC.CursorMaxPos.y - w->DC.CursorStartPos.y) + w->WindowPadding.y * 2 + 2;
        if (std::abs(want - task_fit_h_) > 0.5f) {
            task_fit_h_ = want;
            app.request_redraw();
        }
    }
    end_card();
}

void MappingScreen::draw(App& app) {
    rects_.clear();
    if (!app.session() || !app.scenario()) {
        wrapped("No case is open. Choose one from the case list.");
        if (ImGui::Button("Case list###to-library")) app.go(ScreenId::Library);
        return;
    }
    float s = app.ui_scale();
    float h = ImGui::GetContentRegionAvail().y;
    View v = app.session()->view();
    bool writing = v.kind == View::Kind::Task && v.task && !editor_key(v.task->kind).empty();
    bool sorting = v.kind == View::Kind::Task && v.task && v.task->kind == TaskKind::SortFacts;
    // Writing needs room: with large text the task takes the whole height and
    // the board follows below it (the screen scrolls).
    float line = ImGui::GetTextLineHeightWithSpacing();
    float task_h = std::max(220.0f * s, h * (writing ? 0.6f : sorting ? 0.46f : 0.36f));
    // At large text the writing box keeps about eight lines even if the screen must scroll (Ctrl+Enter hands in).
    if (writing) task_h = std::max(task_h, std::max(std::min(h - line * 0.5f, line * 22), line * 17));
    if (sorting) task_h = std::max(task_h, std::min(h - line * 0.5f, line * 16));
    // With large text, sorting keeps room for several cards (the screen scrolls; cards go by their menu).
    if (sorting && s > 1.5f) task_h = std::max(task_h, line * 24);
    // Large text: one scrolling region, the screen's (no panel scrolls inside another).
    const bool fit = s > 1.5f;
    // The safety network's names and Hand in below them: the card is as tall
    // as they are at any text size (a fixed share of the screen cut Hand in in
    // half and scrolled the names inside the card); the screen scrolls when
    // there are many.
    const bool network = v.kind == View::Kind::Task && v.task && v.task->kind == TaskKind::SafetyNetwork;
    const bool fit_card = fit || network;
    if (!fit_card) task_fit_h_ = 0;
    draw_task(app, fit_card ? h : task_h, fit_card);
    gap(0.2f);

    ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_PadOuterX |
                            (fit ? 0 : ImGuiTableFlags_ScrollY);
    if (ImGui::BeginTable("###board", 3, flags, ImVec2(0, fit ? 0.0f : std::max(ImGui::GetContentRegionAvail().y, line * 14)))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("What are we worried about?");
        ImGui::TableSetupColumn("What's working well?");
        ImGui::TableSetupColumn("What needs to happen?");
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < 3; ++c) {
            ImGui::TableSetColumnIndex(c);
            if (app.bold) ImGui::PushFont(app.bold);
            ImGui::TableHeader(ImGui::TableGetColumnName(c));
            if (app.bold) ImGui::PopFont();
        }
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        draw_section(app, FactKind::PastHarm, "What has happened: drop facts here");
        // The writing tasks' words under their board keys (the past-harm task's words, not the cards' place).
        const std::string past_harm = play::board_key(TaskKind::PastHarm);
        if (!app.board_text(past_harm).empty()) draw_text_section(app, past_harm, "Past harm, in your words", "");
        draw_text_section(app, play::board_key(TaskKind::DangerStatement), "Danger statements", "Not written yet.");
        draw_section(app, FactKind::ComplicatingFactor, "What makes it harder: drop facts here");
        ImGui::TableSetColumnIndex(1);
        draw_section(app, FactKind::Strength, "What is good: drop facts here");
        draw_section(app, FactKind::ExistingSafety, "Protection shown over time: drop facts here");
        ImGui::TableSetColumnIndex(2);
        draw_text_section(app, play::board_key(TaskKind::SafetyGoal), "Safety goals", "Not written yet.");
        draw_text_section(app, play::board_key(TaskKind::NextSteps), "Next steps", "Not written yet.");
        if (const std::string wp = play::board_key(TaskKind::WordsAndPictures); !app.board_text(wp).empty())
            draw_text_section(app, wp, "Words and Pictures", "");
        if (!app.board().network.empty()) {
            subheading(app, "Safety network");
            for (auto& id : app.board().network)
                if (const Person* p = app.scenario()->person(id)) { ImGui::Bullet(); ImGui::SameLine(); wrapped(p->name); }
        }
        ImGui::EndTable();
    }
}

}  // namespace sofs::ui
