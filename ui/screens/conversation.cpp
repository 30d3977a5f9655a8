// The conversation screen.
#include "conversation.hpp"

#include "app.hpp"
#include "hints.hpp"
#include "keyboard.hpp"
#include "widgets.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <filesystem>

namespace sofs::ui {

const char* ConversationScreen::help() const {
    return "Read what is said, then choose what you would say next (press it, or its number on the keyboard). Each choice is a kind of question or statement; "
           "after you choose, you will see how the family replies and a short note on what your words did. "
           "The case notes on the right list everything you have learnt so far. Press Play voice beside a line to hear it in that person's own voice.";
}

void ConversationScreen::enter(App&) { audio_error_.clear(); }

// A line's voice: its recording, else its generated file, else the speaker's
// voice made live (pick_line_voice in sound.hpp decides).
// Asked for every line every frame, so the answer (which may look for a
// file) is kept until another scenario is open.
bool ConversationScreen::has_voice(App& app, const Line& line) {
    if (!app.scenario()) return false;
    if (voiced_for_ != app.scenario()) {
        voiced_.clear();
        voiced_for_ = app.scenario();
        welsh_words_ = welsh_words_for(*app.scenario());
    }
    auto [it, fresh] = voiced_.try_emplace(&line, false);
    if (fresh)
        it->second = pick_line_voice(*app.scenario(), line, voices_dir(app), welsh_words_).source != LineVoice::Source::None;
    return it->second;
}

const std::string& ConversationScreen::voices_dir(App& app) {
    if (voices_for_ != app.scenarios_dir() || !voices_looked_) {
        voices_for_ = app.scenarios_dir();
        voices_dir_ = find_voices_dir(voices_for_);
        voices_looked_ = true;
    }
    return voices_dir_;
}

void ConversationScreen::play_line_audio(App& app, const Line& line) {
    if (!app.scenario()) return;
    has_voice(app, line);   // brings the Welsh words up to date for this scenario
    LineVoice v = pick_line_voice(*app.scenario(), line, voices_dir(app), welsh_words_);
    audio_error_.clear();
    bool ok = true;
    if (v.source == LineVoice::Source::Authored || v.source == LineVoice::Source::Generated)
        ok = app.play_voice_file(v.path, &audio_error_);
    else if (v.source == LineVoice::Source::Live)
        ok = app.speak_line(line.text, &audio_error_, &v.voice, &v.runs);
    if (!ok) app.request_redraw();
}

std::string ConversationScreen::read_aloud_text(App& app) {
    if (!app.session()) return "No case is open.";
    View v = app.session()->view();
    std::string out;
    if (v.scene) out += v.scene->title + ". ";
    for (const Line* l : v.lines) {
        std::string who = app.speaker_name(l->speaker);
        out += (who.empty() ? "" : who + " says: ") + l->text + " ";
    }
    if (v.last_choice) {
        out += "You said: " + v.last_choice->text + " ";
        for (const Line* l : v.reply) out += app.speaker_name(l->speaker) + ": " + l->text + " ";
        out += "Feedback: " + v.last_choice->feedback + " ";
    }
    if (!v.choices.empty()) {
        out += "What will you say? ";
        int n = 1;
        for (const Choice* c : v.choices) out += "Option " + std::to_string(n++) + ": " + c->text + " ";
    }
    return out;
}

static void line_block(App& app, const std::string& speaker, const std::string& text) {
    std::string who = app.speaker_name(speaker);
    if (who.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        wrapped(reflow(text));
        ImGui::PopStyleColor();
    } else {
        subheading(app, who.c_str());
        ImGui::Indent();
        wrapped(reflow(text));
        ImGui::Unindent();
    }
    gap(0.25f);
}

// A choice as a full-width selectable with wrapped text (ImGui buttons do not wrap).
static bool choice_button(const char* id, const std::string& text, int number, float width) {
    ImGuiStyle& st = ImGui::GetStyle();
    std::string label = std::to_string(number) + ".  " + text;
    float wrap = width - st.FramePadding.x * 4;
    ImVec2 ts = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushStyleColor(ImGuiCol_Header, ImGui::GetStyleColorVec4(ImGuiCol_Button));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, ImGui::GetStyleColorVec4(ImGuiCol_ButtonHovered));
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    bool pressed = ImGui::Selectable(id, true, 0, ImVec2(width, ts.y + st.FramePadding.y * 3));
    note_target("choice:" + std::to_string(number));
    ImGui::PopStyleColor(3);
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                        ImVec2(pos.x + st.FramePadding.x * 2, pos.y + st.FramePadding.y * 1.5f),
                                        ImGui::GetColorU32(ImGuiCol_Text), label.c_str(), nullptr, wrap);
    ImGui::Dummy(ImVec2(1, st.ItemSpacing.y * 0.3f));
    return pressed;
}

void ConversationScreen::draw(App& app) {
    if (!app.session()) {
        wrapped("No case is open. Choose one from the case list.");
        if (ImGui::Button("Case list###to-library")) app.go(ScreenId::Library);
        return;
    }
    float s = app.ui_scale();
    View v = app.session()->view();
    // Voice-over: the first spoken line of a new scene or reply plays by itself (unless muted).
    {
        std::string key = (v.scene ? v.scene->id : "") + "/" + (v.last_choice ? v.last_choice->id : "");
        if (key != played_) {
            played_ = key;
            const auto& lines = v.last_choice ? v.reply : v.lines;
            for (const Line* l : lines)
                if (has_voice(app, *l)) {
                    if (app.voices_play_by_themselves()) play_line_audio(app, *l);
                    break;
                }
        }
    }
    // The log is rebuilt from the transcript whenever it grows.
    const Transcript& tr = app.session()->transcript();
    if (tr.events.size() != log_events_ || log_scenario_ != app.scenario()) {
        log_ = visit_log(*app.scenario(), tr);
        log_events_ = tr.events.size();
        log_scenario_ = app.scenario();
        scroll_to_end_ = true;
    }
    float avail = ImGui::GetContentRegionAvail().x;
    float h = ImGui::GetContentRegionAvail().y;
    float left = avail * 0.64f;
    begin_card("###talk", nullptr, ImVec2(left, h), app);
    // Each line, with a "Play voice" button before it when it has a voice.
    auto draw_lines = [&](const std::vector<const Line*>& lines) {
        for (const Line* l : lines) {
            ImGui::PushID(l);
            if (has_voice(app, *l)) {
                if (ImGui::SmallButton("Play voice###voice")) play_line_audio(app, *l);
                ImGui::SameLine();
            }
            line_block(app, l->speaker, l->text);
            ImGui::PopID();
        }
    };

    // The moves below the transcript are measured first, so they always stay in view.
    ImGuiStyle& st = ImGui::GetStyle();
    float inner_w = ImGui::GetContentRegionAvail().x;
    float action_h = ImGui::GetFrameHeightWithSpacing() * 1.6f;
    if (v.kind == View::Kind::Choices) {
        action_h = ImGui::GetTextLineHeightWithSpacing() * 2.6f;
        int n = 1;
        for (const Choice* c : v.choices) {
            std::string label = std::to_string(n++) + ".  " + c->text;
            // As choice_button lays it out: the words, its padding, the spacing after it,
            // and the small gap (with its own spacing) below it.
            action_h += ImGui::CalcTextSize(label.c_str(), nullptr, false, inner_w - st.FramePadding.x * 4 - st.ScrollbarSize).y +
                        st.FramePadding.y * 3 + st.ItemSpacing.y * 2.3f;
        }
    } else if (v.kind == View::Kind::Task) {
        action_h += ImGui::GetTextLineHeightWithSpacing();
    }
    float card_h = ImGui::GetContentRegionAvail().y;
    float log_h = std::max(card_h * 0.35f, card_h - action_h);

    ImGui::BeginChild("###transcript", ImVec2(0, log_h - st.ItemSpacing.y), false, ImGuiWindowFlags_NavFlattened);
    bool first_scene = true;
    float newest_y = 0;   // where the newest entry begins (the panel's own coordinates)
    for (std::size_t i = 0; i < log_.size(); ++i) {
        const VisitEntry& e = log_[i];
        if (i + 1 == log_.size()) newest_y = ImGui::GetCursorPosY();
        ImGui::PushID(static_cast<int>(i));
        switch (e.kind) {
            case VisitEntry::Kind::SceneOpening:
                if (!first_scene) { gap(0.3f); ImGui::Separator(); gap(0.3f); }
                first_scene = false;
                if (e.scene) {
                    heading(app, e.scene->title.c_str());
                    if (!e.scene->place.empty()) muted_text(e.scene->place);
                    gap(0.3f);
                }
                draw_lines(e.lines);
                break;
            case VisitEntry::Kind::Exchange: {
                gap(0.2f);
                subheading(app, "You said");
                ImGui::Indent();
                wrapped(e.choice->text);
                ImGui::Unindent();
                gap(0.2f);
                draw_lines(e.lines);
                // The note on this move: a badge (shape and words) and what the words did.
                bool fits = move_fits_practice(e.choice->move);
                ImVec2 p0 = ImGui::GetCursorScreenPos();
                float bar = 4 * s;
                ImGui::Indent(bar * 3);
                ImGui::BeginGroup();
                met_badge(fits, "This fits the practice", "This does not fit the practice");
                ImGui::SameLine();
                muted_text(std::string("(") + move_name(static_cast<int>(e.choice->move)) + ")");
                wrapped(reflow(e.choice->feedback));
                ImGui::EndGroup();
                ImGui::Unindent(bar * 3);
                ImVec2 p1 = ImGui::GetItemRectMax();
                ImGui::GetWindowDrawList()->AddRectFilled(p0, ImVec2(p0.x + bar, p1.y), fits ? good_colour() : worry_colour(), bar / 2);
                gap(0.3f);
                break;
            }
            case VisitEntry::Kind::TaskDone:
                if (e.task) muted_text("You handed in your work: " + reflow(e.task->prompt));
                break;
        }
        ImGui::PopID();
    }
    if (!audio_error_.empty()) muted_text(audio_error_);
    if (scroll_to_end_) {
        // To the newest line; but when the newest entry is taller than the
        // panel, to its start (a scene's title and place, "You said"), so it
        // is read from its beginning. Twice: the first frame's bounds are the
        // last frame's, before the entry was there.
        float end_y = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
        float view = ImGui::GetWindowHeight();
        float to = std::min(end_y - view, newest_y - ImGui::GetStyle().ItemSpacing.y);
        ImGui::SetScrollY(std::max(0.0f, to));
        if (++scrolled_frames_ >= 2) {
            scroll_to_end_ = false;
            scrolled_frames_ = 0;
        }
    }
    ImGui::EndChild();
    ImGui::Separator();

    ImGui::BeginChild("###moves", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    switch (v.kind) {
        case View::Kind::Narration:
            if (primary_button("Continue###continue")) app.advance();
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            muted_text("(Enter or Space when it has the focus)");
            break;
        case View::Kind::Choices: {
            subheading(app, "What will you say?");
            int n = 1;
            float w = ImGui::GetContentRegionAvail().x;
            if (v.choices.empty()) muted_text("There is nothing more to say here.");
            // Keys 1 to 9 choose too, when no text box has the keyboard.
            bool keys = !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
            std::string chosen;
            for (const Choice* c : v.choices) {
                std::string id = "###choice-" + c->id;
                bool key = keys && n <= 9 && (ImGui::IsKeyPressed(GLFW_KEY_1 + n - 1, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_1 + n - 1, false));
                if (choice_button(id.c_str(), c->text, n++, w) || key) chosen = c->id;
            }
            if (!chosen.empty()) app.choose(chosen);
            muted_text("Press a choice, or its number on the keyboard.");
            break;
        }
        case View::Kind::Task:
            wrapped("Time to write down what you have learnt.");
            if (primary_button("Go to the task###to-task")) app.go(app.screen_for_view());
            break;
        case View::Kind::Ending:
            if (primary_button("See your feedback###to-debrief")) app.go(ScreenId::Debrief);
            break;
    }
    moves_scrolled_ = ImGui::GetCurrentWindow()->ScrollMax.y > 0.5f && log_h > card_h * 0.35f + 1.0f;
    ImGui::EndChild();
    end_card();

    ImGui::SameLine();
    begin_card("###notes", "Case notes: what you know so far", ImVec2(0, h), app);
    const auto& facts = app.session()->revealed_facts();
    if (facts.empty()) muted_text("Nothing yet. What you learn in the conversation will be listed here.");
    for (const auto& id : facts) {
        const Fact* f = app.scenario()->fact(id);
        if (!f) continue;
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::BeginGroup();
        wrapped(f->text);
        if (!f->source.empty()) {
            std::string who = app.speaker_name(f->source);
            muted_text("From: " + (who.empty() ? f->source : who));
        }
        ImGui::EndGroup();
        gap(0.2f);
    }
    end_card();
}

}  // namespace sofs::ui
