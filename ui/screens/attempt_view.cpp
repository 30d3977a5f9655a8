// The "Reread a case" screen.
#include "attempt_view.hpp"

#include "app.hpp"
#include "widgets.hpp"

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>

namespace sofs::ui {

namespace pg = sofs::progress;

namespace {

std::string when(std::int64_t ms) { return pg::format_time(ms, "%d %B %Y, %H:%M", true); }

void coloured(ImU32 colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
    wrapped(text);
    ImGui::PopStyleColor();
}

// "Name: words", the name in bold, wrapped as one paragraph.
void said(App& app, const std::string& who, const std::string& text) {
    if (app.bold) ImGui::PushFont(app.bold);
    ImGui::TextUnformatted((who + ":").c_str());
    if (app.bold) ImGui::PopFont();
    ImGui::SameLine();
    wrapped(text);
}

// A trainer's words, set off by a bar at their left so they stand out from the assessor's.
void trainer_words(App& app, const std::string& lead, const std::string& words) {
    float s = app.ui_scale();
    ImGui::Indent(18 * s);
    ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::Indent(10 * s);
    if (app.bold) ImGui::PushFont(app.bold);
    wrapped(lead);
    if (app.bold) ImGui::PopFont();
    wrapped("\u201c" + words + "\u201d");
    ImGui::Unindent(10 * s);
    float bottom = ImGui::GetItemRectMax().y;
    ImGui::GetWindowDrawList()->AddRectFilled(top, ImVec2(top.x + 4 * s, bottom), good_colour(), 2 * s);
    ImGui::Unindent(18 * s);
}

}  // namespace

const char* AttemptViewScreen::help() const {
    return "A case you finished, to read again. The Conversation tab shows everything that was said, in order: each "
           "place you visited, what you said, how the family answered and the feedback on each move. Your answers "
           "shows what you handed in for each task. Feedback lists every check with its result; where a trainer "
           "changed a result, their reason is beside it, and so are their comments. Back returns to where you came from.";
}

void AttemptViewScreen::open(App& app, pg::Id attempt, ScreenId back) {
    attempt_ = attempt;
    back_ = back;
    commenting_ = -2;
    draft_.clear();
    message_.clear();
    want_tab_ = 0;
    reload(app);
    app.go(ScreenId::AttemptView);
}

void AttemptViewScreen::reload(App& app) {
    record_.reset();
    error_.clear();
    record_ = app.reread_attempt(attempt_, &error_);
}

bool AttemptViewScreen::comment(App& app, int check, const std::string& text) {
    message_ok_ = false;
    if (!record_ || !app.user) { message_ = "Nothing is open to comment on."; return false; }
    std::string t = text;
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
    if (t.find_first_not_of(" \t\r\n") == std::string::npos) {
        message_ = "Please write your comment first: the trainee will read it.";
        return false;
    }
    std::string criterion, task, name = "the case";
    if (check >= 0) {
        int n = 0;
        for (const auto& rt : record_->feedback)
            for (const auto& c : rt.checks)
                if (n++ == check) { criterion = c.criterion; task = rt.task; name = "\u201c" + c.name + "\u201d"; }
        if (criterion.empty()) { message_ = "Choose a check first."; return false; }
    }
    std::string err;
    if (!app.add_comment(attempt_, t, criterion, task, &err)) {
        message_ = "Your comment could not be saved: " + err;
        return false;
    }
    reload(app);
    commenting_ = -2;
    draft_.clear();
    message_ok_ = true;
    message_ = "Your comment on " + name + " is saved. The trainee sees it here and in their CPD record; no result changed.";
    return true;
}

std::string AttemptViewScreen::read_aloud_text(App&) {
    if (!record_) return "Reread a case. " + error_;
    std::string out = "Reread: " + record_->title + ". ";
    for (const auto& c : record_->case_comments) out += c.trainer + " commented: " + c.text + ". ";
    for (const auto& l : record_->conversation) {
        switch (l.kind) {
            case play::RereadLine::Kind::Scene: out += l.text + ". "; break;
            case play::RereadLine::Kind::Move: out += "You said: " + l.text + " "; break;
            case play::RereadLine::Kind::Speech:
            case play::RereadLine::Kind::Reply: out += l.who + ": " + l.text + " "; break;
            default: out += l.text + " ";
        }
    }
    return out;
}

void AttemptViewScreen::draw_comment_form(App& app, int check) {
    float s = app.ui_scale();
    ImGui::PushID(check);
    ImGui::Indent(18 * s);
    ImGui::TextUnformatted(check < 0 ? "Your comment on the whole case:" : "Your comment on this check:");
    comment_box_.draw("###comment-text", draft_, ImVec2(0, ImGui::GetTextLineHeight() * 5 + 12 * s));
    if (big_button("Save comment###save-comment")) comment(app, check, draft_);
    ImGui::SameLine();
    if (ImGui::Button("Cancel###cancel-comment")) { commenting_ = -2; message_.clear(); }
    if (!message_.empty() && !message_ok_) coloured(worry_colour(), message_);
    muted_text("A comment changes no result. To change a result, use Change on the dashboard.");
    ImGui::Unindent(18 * s);
    ImGui::PopID();
}

void AttemptViewScreen::draw_conversation(App& app) {
    float s = app.ui_scale();
    const auto& r = *record_;
    if (r.conversation.empty()) muted_text("The conversation cannot be shown.");
    for (std::size_t i = 0; i < r.conversation.size(); ++i) {
        const auto& l = r.conversation[i];
        ImGui::PushID(static_cast<int>(i));
        switch (l.kind) {
            case play::RereadLine::Kind::Scene:
                if (i > 0) gap(0.6f);
                subheading(app, l.text.c_str());
                if (!l.who.empty()) muted_text(l.who);
                break;
            case play::RereadLine::Kind::Narration: wrapped(l.text); break;
            case play::RereadLine::Kind::Speech:
            case play::RereadLine::Kind::Reply: said(app, l.who, l.text); break;
            case play::RereadLine::Kind::Move:
                gap(0.2f);
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(good_colour()));
                said(app, "You", l.text);
                ImGui::PopStyleColor();
                break;
            case play::RereadLine::Kind::MoveFeedback:
                ImGui::Indent(18 * s);
                muted_text("Feedback: " + l.text);
                ImGui::Unindent(18 * s);
                break;
            case play::RereadLine::Kind::Answer: muted_text(l.text); break;
            case play::RereadLine::Kind::Ending:
                gap(0.5f);
                subheading(app, ("How it ended: " + l.text).c_str());
                break;
        }
        ImGui::PopID();
    }
}

void AttemptViewScreen::draw_answers(App& app) {
    const auto& r = *record_;
    if (r.answers.empty()) muted_text("No answers were handed in.");
    for (std::size_t i = 0; i < r.answers.size(); ++i) {
        const auto& a = r.answers[i];
        ImGui::PushID(static_cast<int>(i));
        if (i > 0) gap(0.5f);
        subheading(app, a.label.c_str());
        if (!a.prompt.empty()) muted_text(a.prompt);
        for (const auto& line : a.lines) {
            if (a.lines.size() > 1) {
                ImGui::Bullet();
                ImGui::SameLine();
            }
            wrapped(line);
        }
        ImGui::PopID();
    }
}

void AttemptViewScreen::draw_feedback(App& app) {
    float s = app.ui_scale();
    const auto& r = *record_;
    bool trainer = app.user && app.user->role != pg::Role::Trainee;
    if (r.feedback.empty()) muted_text("No checks were recorded for this case.");
    int n = 0;
    for (std::size_t t = 0; t < r.feedback.size(); ++t) {
        const auto& rt = r.feedback[t];
        ImGui::PushID(static_cast<int>(t));
        if (t > 0) gap(0.6f);
        subheading(app, rt.label.c_str());
        ImGui::Separator();
        for (std::size_t i = 0; i < rt.checks.size(); ++i, ++n) {
            const auto& c = rt.checks[i];
            ImGui::PushID(static_cast<int>(i));
            gap(0.2f);
            met_badge(c.met);
            ImGui::SameLine();
            if (app.bold) ImGui::PushFont(app.bold);
            wrapped(c.name);
            if (app.bold) ImGui::PopFont();
            ImGui::Indent(18 * s);
            if (!c.explanation.empty()) wrapped(c.overrides.empty() ? c.explanation : "The assessor: " + c.explanation);
            if (!c.evidence_words.empty()) muted_text("The deciding words: \u201c" + c.evidence_words + "\u201d");
            ImGui::Unindent(18 * s);
            for (const auto& o : c.overrides)
                trainer_words(app,
                              o.trainer + " changed this to " + (o.met ? "met" : "not yet met") + " on " + when(o.at_ms) +
                                  " (the assessor had said " + (c.assessor_met ? "met" : "not yet") + "). Their reason:",
                              o.reason);
            for (const auto& cm : c.comments) trainer_words(app, cm.trainer + " commented on " + when(cm.at_ms) + ":", cm.text);
            if (trainer) {
                if (commenting_ == n) draw_comment_form(app, n);
                else {
                    ImGui::Indent(18 * s);
                    if (ImGui::SmallButton("Comment on this check###comment-check")) {
                        commenting_ = n;
                        draft_.clear();
                        message_.clear();
                    }
                    ImGui::Unindent(18 * s);
                }
            }
            ImGui::PopID();
        }
        ImGui::PopID();
    }
}

void AttemptViewScreen::draw(App& app) {
    float s = app.ui_scale();
    if (ImGui::Button("Back###back") || (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE) && commenting_ == -2)) app.go(back_);
    if (!record_) {
        ImGui::SameLine();
        coloured(worry_colour(), "This case cannot be shown: " + (error_.empty() ? std::string("no case chosen") : error_));
        return;
    }
    const auto& r = *record_;
    bool trainer = app.user && app.user->role != pg::Role::Trainee;
    ImGui::SameLine();
    if (app.large) ImGui::PushFont(app.large);
    ImGui::AlignTextToFramePadding();
    wrapped(r.title);
    if (app.large) ImGui::PopFont();
    std::string line = (trainer ? r.attempt.person_name + ", " : std::string("Played ")) + when(r.attempt.started_ms);
    if (!r.ending.empty()) line += ". How it ended: " + r.ending;
    muted_text(line + ".");
    if (!r.problem.empty()) coloured(worry_colour(), r.problem);
    if (!message_.empty() && message_ok_) coloured(good_colour(), message_);

    // Comments on the case as a whole, above everything.
    if (!r.case_comments.empty() || trainer) {
        gap(0.2f);
        subheading(app, trainer ? "Comments on the whole case" : "Your trainer's comments");
        if (r.case_comments.empty()) muted_text("None yet.");
        for (const auto& c : r.case_comments) trainer_words(app, c.trainer + ", " + when(c.at_ms) + ":", c.text);
        if (trainer) {
            if (commenting_ == -1) draw_comment_form(app, -1);
            else if (ImGui::Button("Comment on the whole case###comment-case")) {
                commenting_ = -1;
                draft_.clear();
                message_.clear();
            }
        }
    }
    gap(0.3f);
    if (ImGui::BeginTabBar("###reread-tabs")) {
        const char* labels[] = {"Conversation###tab-conversation", "Answers###tab-answers",
                                "Feedback and trainer's words###tab-feedback"};
        for (int t = 0; t < 3; ++t) {
            ImGuiTabItemFlags f = want_tab_ == t ? ImGuiTabItemFlags_SetSelected : 0;
            if (ImGui::BeginTabItem(labels[t], nullptr, f)) {
                // At large text the heading and comments can take the screen: the body keeps
                // room for a dozen lines, and the screen scrolls to it.
                float body_h = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetTextLineHeightWithSpacing() * 12);
                ImGui::BeginChild("###reread-body", ImVec2(0, body_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
                ImGui::PushTextWrapPos(0.0f);
                if (t == 0) draw_conversation(app);
                else if (t == 1) draw_answers(app);
                else draw_feedback(app);
                ImGui::PopTextWrapPos();
                ImGui::Dummy(ImVec2(1, 20 * s));
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
        }
        want_tab_ = -1;
        ImGui::EndTabBar();
    }
}

}  // namespace sofs::ui
