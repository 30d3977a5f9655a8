// The live session screen (live_session.hpp).
#include "live_session.hpp"

#include "live/session_export.hpp"
#include "play/reread.hpp"

#include "app.hpp"
#include "postgres.hpp"
#include "rubric/assess.hpp"
#include "widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace sofs::ui {

namespace {

std::string home_folder() {
    const char* h = std::getenv("HOME");
    return h && *h ? h : ".";
}

// A vote round on the 0-10 line: the experts' range shaded behind the bars,
// each bar labelled with its count, the numbers under the line, and the
// summary in words below (the picture is never the only way to read it).
void draw_histogram(App& app, const std::string& title, const live::Bins& b, int low, int high, int expert, float width,
                    float height) {
    float s = app.ui_scale();
    ImGui::BeginGroup();
    if (app.bold) ImGui::PushFont(app.bold);
    ImGui::TextUnformatted(title.c_str());
    if (app.bold) ImGui::PopFont();
    float line = ImGui::GetTextLineHeight();
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(("###hist-" + title).c_str(), ImVec2(width, height + line * 1.9f));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float left = p.x + 4 * s, right = p.x + width - 4 * s;
    float slot = (right - left) / 11.0f;
    float base = p.y + height;
    float top = p.y + line * 1.3f;
    auto x_of = [&](float n) { return left + slot * (n + 0.5f); };
    // The experts' range as a pale band, their own number as a line: the
    // room's bars (in the theme's strongest button colour) stand out from both.
    ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    ImVec4 band = ImGui::ColorConvertU32ToFloat4(mark_colour());
    band.w *= 0.45f;
    dl->AddRectFilled(ImVec2(x_of(low - 0.5f), top - line * 1.2f), ImVec2(x_of(high + 0.5f), base), ImGui::GetColorU32(band), 3 * s);
    dl->AddCircle(ImVec2(x_of(static_cast<float>(expert)), base + line * 0.8f), line * 0.72f, text, 24, 1.5f * s);
    const char* ex = "experts";
    float ex_x = std::min(x_of(low - 0.5f) + 3 * s, right - ImGui::CalcTextSize(ex).x);
    dl->AddText(ImVec2(ex_x, top - line * 1.15f), text, ex);
    ImU32 bar = ImGui::GetColorU32(ImGuiCol_ButtonActive);
    for (int n = 0; n <= 10; ++n) {
        int c = b.counts[static_cast<std::size_t>(n)];
        if (c > 0 && b.tallest > 0) {
            float h = (base - top - line) * static_cast<float>(c) / static_cast<float>(b.tallest);
            dl->AddRectFilled(ImVec2(x_of(n) - slot * 0.32f, base - h), ImVec2(x_of(n) + slot * 0.32f, base), bar, 2 * s);
            std::string count = std::to_string(c);
            dl->AddText(ImVec2(x_of(n) - ImGui::CalcTextSize(count.c_str()).x / 2, base - h - line), text, count.c_str());
        }
        std::string label = std::to_string(n);
        dl->AddText(ImVec2(x_of(n) - ImGui::CalcTextSize(label.c_str()).x / 2, base + line * 0.3f), text, label.c_str());
    }
    dl->AddLine(ImVec2(left, base), ImVec2(right, base), text, 1.5f * s);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(live::vote_summary(b, low, high).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

}  // namespace

const char* LiveScreen::help() const {
    return "A live session is for the whole room at once, on the course's shared store.\n\n"
           "Trainers: open a session for your cohort and a case, and read its join code out. The room shows where "
           "each person is and what they last handed in, without names unless you choose them. At a scaling task, "
           "open a vote: each person chooses a number privately and you see how many have voted; reveal shows "
           "every number at once on the 0 to 10 line beside the experts' range. Talk about it, then open a second "
           "vote and show both rounds side by side. The statement wall shows the room's danger statements and "
           "safety goals, without names, with the assessor's marks: hide one, pin good ones, and export the wall.\n\n"
           "Trainees: type the code your trainer gives you, open the case, and vote when your trainer asks.";
}

std::string LiveScreen::read_aloud_text(App&) {
    if (!info_.join_code.empty()) return std::string("Live session. The join code is ") + info_.join_code + ". " + help();
    return help();
}

bool LiveScreen::trainer(App& app) const { return app.user && app.user->role != progress::Role::Trainee; }

void LiveScreen::reset() {
    if (link_) link_->stop();
    link_.reset();
    info_ = {};
    scenario_.reset();
    members_.clear();
    room_.clear();
    seen_.clear();
    rounds_.clear();
    votes_in_ = 0;
    my_vote_.reset();
    wall_ = {};
    problem_.clear();
    notice_.clear();
    vote_task_.clear();
}

void LiveScreen::enter(App& app) {
    std::string who = app.user ? app.user->name : "";
    if (who != owner_) {
        reset();
        owner_ = who;
    }
    if (!progress::is_postgres_location(app.opt.db_path) || !app.user) return;
    if (!ensure_link(app)) return;
    if (trainer(app)) {
        std::string err;
        cohorts_.clear();
        for (const auto& c : app.my_cohorts(&err)) cohorts_.push_back(c.name);
        if (!err.empty()) problem_ = err;
        // Back into a session this trainer left open (the window was closed, say).
        if (!info_.id) try {
                auto open = link_->store().my_open_sessions();
                if (!open.empty()) {
                    info_ = open.front();
                    start_listening(app);
                }
            } catch (const std::exception& e) {
                problem_ = e.what();
            }
    }
    if (info_.id) refresh(app);
}

bool LiveScreen::ensure_link(App& app) { return live::connect_once(link_, app.opt.db_path, &problem_); }

bool LiveScreen::start_listening(App& app) {
    App* a = &app;
    if (!link_->listen(info_.id, [a] { a->wake_from_thread(); }, &problem_)) return false;
    scenario(app, info_.scenario);
    return true;
}

const Scenario* LiveScreen::scenario(App& app, const std::string& id) {
    if (scenario_ && scenario_->id == id) return scenario_.get();
    std::string why;
    auto whole = app.whole_case(id, &why);
    if (!whole) return nullptr;   // not on this computer, or unreadable: opening the case says which
    scenario_ = std::move(whole);
    return scenario_.get();
}

// ------------------------------------------------------------------ actions

bool LiveScreen::open_session(App& app, const std::string& cohort, const std::string& scenario_id) {
    problem_.clear();
    if (!ensure_link(app)) return false;
    try {
        auto s = link_->store().open_live_session(cohort, scenario_id);
        info_ = {s.id, s.join_code, scenario_id, cohort, false};
    } catch (const std::exception& e) {
        problem_ = std::string("could not open the session: ") + e.what();
        return false;
    }
    if (!start_listening(app)) return false;
    refresh(app);
    return true;
}

bool LiveScreen::join(App& app, const std::string& code) {
    problem_.clear();
    if (!ensure_link(app)) return false;
    std::string c;
    for (char ch : code)
        if (ch != ' ' && ch != '-') c += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (c.size() != 6) {
        problem_ = "a join code has six letters and numbers, like K7Q2MX";
        return false;
    }
    try {
        progress::Id id = link_->store().join_live_session(c);
        auto got = link_->store().live_session(id);
        if (!got) throw std::runtime_error("the session cannot be read");
        info_ = *got;
    } catch (const std::exception& e) {
        problem_ = std::string("could not join: ") + e.what();
        return false;
    }
    if (!start_listening(app)) return false;
    refresh(app);
    return true;
}

bool LiveScreen::open_case(App& app) {
    if (app.scenario() && app.scenario()->id == info_.scenario) {
        app.go(app.screen_for_view());
        return true;
    }
    for (const auto& entry : app.cases().scenarios)
        if (entry->id == info_.scenario) return app.open_scenario(entry, false);
    problem_ = "this computer has no case '" + info_.scenario + "': ask your trainer";
    return false;
}

// A change to the shared store, then the screen read again; false with problem_ said.
bool LiveScreen::change(App& app, const std::string& failed, const std::function<void(progress::PgStore&)>& c) {
    if (!live::change_store(*link_, &problem_, failed, c)) return false;
    refresh(app);
    return true;
}

bool LiveScreen::open_vote(App& app, const std::string& task) {
    return change(app, "could not open the vote", [&](progress::PgStore& store) {
        store.open_vote(info_.id, task);
        vote_task_ = task;
    });
}

bool LiveScreen::cast_vote(App& app, int number) {
    return change(app, "your vote did not go in", [&](progress::PgStore& store) {
        my_vote_round_ = store.cast_vote(info_.id, vote_task_, number);
        my_vote_ = number;
    });
}

bool LiveScreen::reveal(App& app) {
    return change(app, "could not reveal", [&](progress::PgStore& store) { store.reveal_vote(info_.id, vote_task_); });
}

bool LiveScreen::improve_together(App& app, const std::string& key) {
    for (const auto& w : wall_.items())
        if (w.key == key)
            return change(app, "could not open it for the room", [&](progress::PgStore& store) {
                store.open_improvement(info_.id, w.kind == live::WallKind::Danger ? "danger" : "goal", w.text);
            });
    problem_ = "that statement is no longer on the wall";
    return false;
}

bool LiveScreen::propose(App& app, const std::string& text) {
    problem_.clear();
    return improvement_ &&
           change(app, "your edit did not go in", [&](progress::PgStore& store) { store.propose_edit(improvement_->id, text); });
}

bool LiveScreen::pick(App& app, progress::Id proposal) {
    problem_.clear();
    return improvement_ &&
           change(app, "could not pick it", [&](progress::PgStore& store) { store.pick_proposal(improvement_->id, proposal); });
}

bool LiveScreen::mark_wall(const std::string& key, std::optional<bool> pinned, std::optional<bool> hidden) {
    const live::WallItem* it = nullptr;
    for (const auto& w : wall_.items())
        if (w.key == key) it = &w;
    if (!it || !link_) return false;
    bool pin = pinned.value_or(it->pinned), hide = hidden.value_or(it->hidden);
    try {
        link_->store().set_wall_mark(info_.id, key, pin, hide);
    } catch (const std::exception& e) {
        problem_ = std::string("the wall's change was not kept: ") + e.what();
        return false;
    }
    wall_.pin(key, pin);
    wall_.hide(key, hide);
    return true;
}

std::map<std::string, live::Place> LiveScreen::case_sorting(App& app) {
    auto& store = link_->store();
    std::optional<progress::Attempt> latest;
    for (const auto& a : store.attempts(*app.user, app.user->id))
        if (a.scenario == info_.scenario && (!latest || a.id > latest->id)) latest = a;
    std::map<std::string, std::string> stored;
    if (latest)
        for (const auto& e : store.transcript(latest->id).events)
            if (e.kind == Event::Kind::Answer && e.answer.task == vote_task_ && !e.answer.placements.empty())
                stored = e.answer.placements;   // the latest answer to the task
    // The transcript's names read into places (the session accepted only known ones).
    std::map<std::string, live::Place> placements;
    for (const auto& [fact, name] : stored)
        if (std::optional<live::Place> p = live::place_from(name)) placements[fact] = *p;
    return placements;
}

std::vector<live::Place> LiveScreen::vote_places() const {
    const Task* t = scenario_ ? scenario_->task(vote_task_) : nullptr;
    return live::sorting_places(t ? t->kind : TaskKind::SortFacts);
}

// A fact's words in the case, or its id when the case does not have it.
std::string LiveScreen::fact_words(const std::string& id) const {
    const Fact* f = scenario_ ? scenario_->fact(id) : nullptr;
    return f ? f->text : id;
}

// The trainee's sorting at the vote's task, read from their answer in the
// case the first time it is needed; false (and the problem said) when it cannot be read.
bool LiveScreen::load_my_sorting(App& app) {
    if (my_sorting_task_ == vote_task_ && !my_sorting_.empty()) return true;
    try {
        my_sorting_ = case_sorting(app);
        my_sorting_task_ = vote_task_;
        return true;
    } catch (const std::exception& e) {
        problem_ = std::string("your sorting could not be read: ") + e.what();
        return false;
    }
}

bool LiveScreen::move_fact(App& app, const std::string& fact, const live::Place& place) {
    problem_.clear();
    if (!load_my_sorting(app)) return false;
    auto it = my_sorting_.find(fact);
    if (it == my_sorting_.end()) {
        problem_ = "'" + fact + "' is not in your sorting: sort the facts at this task in the case first";
        return false;
    }
    auto places = vote_places();
    if (std::find(places.begin(), places.end(), place) == places.end()) {
        problem_ = std::string("'") + live::place_words(place) + "' is not a place at this task";
        return false;
    }
    it->second = place;
    return true;
}

bool LiveScreen::send_sorting(App& app) {
    return change(app, "your sorting did not go in", [&](progress::PgStore& store) {
        // What the trainee changed here after discussion, else their answer in the case.
        std::map<std::string, live::Place> sorting =
            my_sorting_task_ == vote_task_ && !my_sorting_.empty() ? my_sorting_ : case_sorting(app);
        std::map<std::string, std::string> placements;   // the live table's names
        for (const auto& [fact, place] : sorting) placements[fact] = live::place_name(place);
        if (placements.empty()) throw std::runtime_error("sort the facts at this task in the case first, then send your sorting");
        store.cast_placements(info_.id, vote_task_, placements);
        my_sorting_sent_ = true;
    });
}

// The trainee's own sorting, one line per fact with its place, to change
// before sending (folded away until they open it).
void LiveScreen::draw_my_sorting(App& app) {
    if (!load_my_sorting(app)) return;
    if (my_sorting_.empty()) return;
    // Open by itself in a round after discussion, when people change their minds.
    if (!rounds_.empty() && rounds_.back().round > 1) ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    if (!ImGui::CollapsingHeader("Change where you put them###live-my-sorting")) return;
    const Scenario* sc = scenario_.get();
    auto places = vote_places();
    float combo_w = 0;
    for (const auto& p : places) combo_w = std::max(combo_w, ImGui::CalcTextSize(live::place_words(p)).x);
    combo_w += ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;
    if (ImGui::BeginTable("###live-my-sorting-table", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Fact", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Your place", ImGuiTableColumnFlags_WidthFixed, combo_w);
        for (auto& [fact, place] : my_sorting_) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            std::string words = fact;
            if (sc)
                for (const auto& f : sc->facts)
                    if (f.id == fact) words = f.text;
            ImGui::TextWrapped("%s", words.c_str());
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(combo_w);
            ImGui::PushID(fact.c_str());
            if (ImGui::BeginCombo("###place", live::place_words(place))) {
                for (const auto& p : places)
                    if (ImGui::Selectable(live::place_words(p), p == place)) place = p;
                ImGui::EndCombo();
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    // Another button at the foot, so a long list need not be scrolled back up.
    if (big_button(my_sorting_sent_ ? "Send it again###live-sort-foot" : "Send my sorting###live-sort-foot")) send_sorting(app);
}

bool LiveScreen::export_wall(App& app, const std::string& folder, bool markdown) {
    std::string err;
    // The session read afresh from the store, as `sofs live export` reads it
    // (live/session_export), so both write the same file.
    std::optional<live::SessionExport> e;
    try {
        if (!link_) throw std::runtime_error("not connected to the course's store");
        e = live::read_session(link_->store(), info_, scenario_,
                               [&](live::WallKind kind, const std::string& text) { return marks_for(app, kind, text); });
    } catch (const std::exception& ex) {
        export_message_ = std::string("Not exported: the session could not be read: ") + ex.what();
        return false;
    }
    auto path = live::write_export(folder, live::export_file_name(*e, markdown),
                                   markdown ? live::export_markdown(*e) : live::export_csv(*e), &err);
    export_message_ = path ? "Written to " + *path : "Not exported: " + err;
    return path.has_value();
}

// ------------------------------------------------------------------ reading the session

void LiveScreen::refresh(App& app) {
    if (!link_ || !info_.id) return;
    auto t0 = std::chrono::steady_clock::now();
    try {
        if (trainer(app)) {
            read_room(app);
            build_wall(app);
        }
        read_votes(app);
        improvement_ = link_->store().latest_improvement(info_.id);
        proposals_ = improvement_ ? link_->store().proposals(improvement_->id) : std::vector<progress::PgStore::Proposal>{};
    } catch (const std::exception& e) {
        problem_ = std::string("could not read the live session: ") + e.what();
    }
    refresh_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void LiveScreen::read_room(App& app) {
    auto& store = link_->store();
    members_.clear();
    for (const auto& w : store.room(info_.id)) members_.push_back({w.name, w.scene, w.step, w.kind, w.task, w.status});
    const Scenario* sc = scenario(app, info_.scenario);
    live::Titles titles;
    titles.scene = [sc](const std::string& id) -> std::string {
        const Scene* s = sc ? sc->scene(id) : nullptr;
        return s ? s->title : "";
    };
    titles.task = [sc](const std::string& id) -> std::string {
        const Task* t = sc ? sc->task(id) : nullptr;
        return t ? play::task_label(t->kind) : "";
    };
    room_ = live::room_lines(members_, show_names_, titles);
    // Each member's answers, read again only when their play moved.
    for (const auto& m : members_) {
        Seen& seen = seen_[m.name];
        if (seen.step == m.step) continue;
        seen.step = m.step;
        seen.answers.clear();
        if (m.step < 0) continue;
        seen.answers = live::latest_answers(store, *app.user, m.name, info_.scenario);
    }
}

void LiveScreen::build_wall(App& app) {
    const Scenario* sc = scenario(app, info_.scenario);
    std::vector<live::MemberAnswers> answers;
    for (const auto& m : members_) {
        auto it = seen_.find(m.name);
        if (it != seen_.end()) answers.push_back({m.name, it->second.answers});
    }
    wall_.update(live::wall_items(answers, sc, [&](live::WallKind kind, const std::string& text) {
        return marks_for(app, kind, text);
    }));
    // The trainer's pins and hides are kept in the store: they outlast a restart.
    live::apply_wall_marks(wall_, link_->store(), info_.id);
}

// The assessor's marks for a wall statement or a proposed edit, kept by kind and words.
std::vector<live::Mark> LiveScreen::marks_for(App& app, live::WallKind kind, const std::string& text) {
    std::string cache_key = std::string(kind == live::WallKind::Danger ? "D" : "G") + text;
    auto cached = marks_cache_.find(cache_key);
    if (cached != marks_cache_.end()) return cached->second;
    const Scenario* sc = scenario(app, info_.scenario);
    const Guidance* g = app.guidance();
    std::vector<live::Mark> marks;
    if (!sc || !g) return marks;
    auto verdicts = kind == live::WallKind::Danger ? assess_danger_statement(text, *sc, *g) : assess_safety_goal(text, *sc, *g);
    for (const auto& v : verdicts) marks.push_back({v.criterion, v.met, criterion_title(v.criterion)});
    return marks_cache_[cache_key] = marks;
}

void LiveScreen::read_votes(App& app) {
    auto& store = link_->store();
    auto all = store.vote_rounds(info_.id);
    if (!trainer(app)) {
        // The trainee follows the trainer: the task of the latest round opened.
        std::string latest = all.empty() ? "" : all.back().task;
        if (latest != vote_task_) {
            my_vote_.reset();
            vote_task_ = latest;
        }
    }
    rounds_.clear();
    for (const auto& r : all) {
        if (r.task != vote_task_) continue;
        Round round{r.round, r.revealed, {}, {}};
        if (r.revealed) {
            round.numbers = store.revealed_votes(info_.id, r.task, r.round);
            if (round.numbers.empty()) round.placements = live::revealed_places(store, info_.id, r.task, r.round);
        }
        rounds_.push_back(std::move(round));
    }
    if (!rounds_.empty() && my_vote_ && my_vote_round_ != rounds_.back().round) my_vote_.reset();
    const Task* t = scenario_ ? scenario_->task(vote_task_) : nullptr;
    sorting_ = t && (t->kind == TaskKind::SortFacts || t->kind == TaskKind::ThreeHouses);
    if (!rounds_.empty() && rounds_.back().revealed) my_sorting_sent_ = false;
    votes_in_ = vote_task_.empty() || rounds_.empty() ? 0
                : sorting_ ? store.placements_cast(info_.id, vote_task_)
                           : store.votes_cast(info_.id, vote_task_);
}

// ------------------------------------------------------------------ drawing

void LiveScreen::draw(App& app) {
    if (!progress::is_postgres_location(app.opt.db_path)) {
        draw_not_shared(app);
        return;
    }
    live::hear(link_.get(), &problem_, [&] { refresh(app); });
    if (!live::reachable(link_.get(), problem_, "###live-retry", [&] { enter(app); })) return;
    if (trainer(app)) draw_trainer(app);
    else draw_trainee(app);
    gap(0.6f);
    ImGui::Separator();
    muted_text("Practice-lead networks map a case together on one shared board.");
    if (ImGui::Button("Network boards###live-network")) app.go(ScreenId::Network);
}

void LiveScreen::draw_not_shared(App& app) {
    heading(app, "Live sessions need the course's shared store");
    gap(0.3f);
    wrapped("This sofs-sim keeps its work in a file on this computer, so no one else can join a session here. "
            "A live session runs on the course's shared PostgreSQL store, which every laptop in the room connects to.");
    gap(0.3f);
    wrapped("Ask your trainer for the course's address, then start sofs-sim with it, for example:\n"
            "    sofs-sim --db postgresql://YOUR-NAME@COURSE-SERVER/course");
    gap(0.3f);
    muted_text("Your work in this file stays as it is.");
}

void LiveScreen::draw_trainer(App& app) {
    if (!info_.id) {
        subheading(app, "Open a live session");
        gap(0.3f);
        if (cohorts_.empty()) {
            wrapped("You are not a trainer of any cohort on this store yet. An administrator adds you with "
                    "sofs cohort add.");
            return;
        }
        cohort_ = std::clamp(cohort_, 0, static_cast<int>(cohorts_.size()) - 1);
        ImGui::SetNextItemWidth(320 * app.ui_scale());
        if (ImGui::BeginCombo("Cohort###live-cohort", cohorts_[static_cast<std::size_t>(cohort_)].c_str())) {
            for (int i = 0; i < static_cast<int>(cohorts_.size()); ++i)
                if (ImGui::Selectable(cohorts_[static_cast<std::size_t>(i)].c_str(), i == cohort_)) cohort_ = i;
            ImGui::EndCombo();
        }
        const auto& cases = app.cases().scenarios;
        if (cases.empty()) {
            muted_text(app.library_ready() ? "No cases were found." : "Reading the case list...");
            return;
        }
        case_ = std::clamp(case_, 0, static_cast<int>(cases.size()) - 1);
        ImGui::SetNextItemWidth(320 * app.ui_scale());
        if (ImGui::BeginCombo("Case###live-case", cases[static_cast<std::size_t>(case_)]->title.c_str())) {
            for (int i = 0; i < static_cast<int>(cases.size()); ++i)
                if (ImGui::Selectable(cases[static_cast<std::size_t>(i)]->title.c_str(), i == case_)) case_ = i;
            ImGui::EndCombo();
        }
        gap(0.3f);
        if (big_button("Open the live session###live-open"))
            open_session(app, cohorts_[static_cast<std::size_t>(cohort_)], cases[static_cast<std::size_t>(case_)]->id);
        return;
    }

    // The code, large, for reading out and writing on the board.
    if (app.large) ImGui::PushFont(app.large);
    ImGui::Text("Join code: %s", info_.join_code.c_str());
    if (app.large) ImGui::PopFont();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    muted_text("   " + info_.cohort + (scenario_ ? ", " + scenario_->title : ""));
    if (members_.empty()) muted_text("Trainees choose Live session at the top of their screen and type this code.");
    gap(0.3f);

    if (ImGui::BeginTabBar("###live-tabs")) {
        const char* names[] = {"The room###tab-room", "Vote, then reveal###tab-vote", "Statement wall###tab-wall"};
        for (int i = 0; i < 3; ++i) {
            ImGuiTabItemFlags f = want_tab_ == i ? ImGuiTabItemFlags_SetSelected : 0;
            if (ImGui::BeginTabItem(names[i], nullptr, f)) {
                if (i == 0) draw_room(app);
                if (i == 1) draw_votes(app, true);
                if (i == 2) draw_wall(app);
                ImGui::EndTabItem();
            }
        }
        want_tab_ = -1;
        ImGui::EndTabBar();
    }
}

void LiveScreen::draw_room(App& app) {
    gap(0.2f);
    wrapped(live::room_summary(members_));
    ImGui::SameLine();
    if (ImGui::Checkbox("Show names###live-names", &show_names_)) refresh(app);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Off by default: the room is shown without names");
    gap(0.2f);
    if (room_.empty()) return;
    if (ImGui::BeginTable("###live-room", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthStretch, 0.7f);
        ImGui::TableSetupColumn("Where they are", ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn("Handed in last", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Their answer", ImGuiTableColumnFlags_WidthStretch, 2.4f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < room_.size(); ++i) {
            const auto& l = room_[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(l.who.c_str());
            ImGui::TableNextColumn();
            if (l.started) ImGui::TextWrapped("%s", l.where.c_str());
            else muted_text(l.where);
            ImGui::TableNextColumn();
            if (l.finished) met_badge(true, "Finished", "");
            else ImGui::TextWrapped("%s", l.handed_in.c_str());
            ImGui::TableNextColumn();
            const auto& m = members_[i];
            auto seen = seen_.find(m.name);
            if (seen != seen_.end() && !m.task.empty()) {
                auto a = seen->second.answers.find(m.task);
                if (a != seen->second.answers.end()) ImGui::TextWrapped("%s", live::shorten(a->second, 240).c_str());
            }
        }
        ImGui::EndTable();
    }
}

void LiveScreen::draw_votes(App& app, bool as_trainer) {
    float s = app.ui_scale();
    const Scenario* sc = scenario_.get();
    gap(0.2f);
    if (as_trainer) {
        std::vector<const Task*> scaling;
        if (sc)
            for (const auto& scene : sc->scenes)
                if (scene.task && (scene.task->kind == TaskKind::Scaling || scene.task->kind == TaskKind::SortFacts ||
                                   scene.task->kind == TaskKind::ThreeHouses))
                    scaling.push_back(&*scene.task);
        if (scaling.empty()) {
            wrapped("This case has no scaling or sorting task to vote on.");
            return;
        }
        if (vote_task_.empty()) vote_task_ = scaling.front()->id;
        if (scaling.size() > 1) {
            ImGui::SetNextItemWidth(420 * s);
            const Task* chosen = sc->task(vote_task_);
            std::string shown = chosen ? play::task_label(chosen->kind) + ": " + live::shorten(chosen->prompt, 50) : vote_task_;
            if (ImGui::BeginCombo("Task###live-vote-task", shown.c_str())) {
                for (const Task* t : scaling)
                    if (ImGui::Selectable((play::task_label(t->kind) + ": " + live::shorten(t->prompt, 50) + "###" + t->id).c_str(),
                                          t->id == vote_task_)) {
                        vote_task_ = t->id;
                        refresh(app);
                    }
                ImGui::EndCombo();
            }
        }
    }
    if (vote_task_.empty()) {
        wrapped("Your trainer has not opened a vote yet. When they do, it appears here.");
        return;
    }
    const Task* t = sc ? sc->task(vote_task_) : nullptr;
    bool open = !rounds_.empty() && !rounds_.back().revealed;
    std::vector<const Round*> shown;
    for (const auto& r : rounds_)
        if (r.revealed) shown.push_back(&r);
    if (shown.size() > 2) shown.erase(shown.begin(), shown.end() - 2);

    // Revealed rounds side by side (the latest two), on the 0-10 line.
    auto draw_rounds = [&] {
        if (shown.empty()) return;
        if (sorting_) {
            if (shown.size() == 2) draw_sorting_rounds(app, *shown[0], *shown[1], ImGui::GetContentRegionAvail().x);
            else draw_sorting_round(app, *shown.back(), ImGui::GetContentRegionAvail().x);
            return;
        }
        int low = 0, high = 10, expert = 5;
        if (sc) {
            const ScalingKey& key = sc->scaling_key(vote_task_);
            low = key.low;
            high = key.high;
            expert = key.expert;
        }
        float avail = ImGui::GetContentRegionAvail().x;
        float w = std::min(520 * s, (avail - 30 * s) / static_cast<float>(shown.size()));
        // As tall as fits above the fold (large text on a small projector), between 70 and 150 points.
        float line = ImGui::GetTextLineHeightWithSpacing();
        float h = std::clamp(ImGui::GetContentRegionAvail().y - line * 7.5f, 70 * s, 150 * s);        for (std::size_t i = 0; i < shown.size(); ++i) {
            if (i) ImGui::SameLine(0, 30 * s);
            std::string title = shown[i]->round == 1 ? "Round 1: before discussion"
                                                     : "Round " + std::to_string(shown[i]->round) + ": after discussion";
            draw_histogram(app, title, live::bin_votes(shown[i]->numbers, low, high), low, high, expert, w, h);
        }
        muted_text("Shaded: the experts' range (" + std::to_string(low) + " to " + std::to_string(high) +
                   "); ringed: the experts' number, " + std::to_string(expert) + ". No names are kept with the votes.");
    };
    auto draw_controls = [&] {
        int members = static_cast<int>(members_.size());
        if (as_trainer) {
            if (open) {
                if (app.large) ImGui::PushFont(app.large);
                ImGui::TextUnformatted(live::voted_line(votes_in_, members).c_str());
                if (app.large) ImGui::PopFont();
                muted_text("Round " + std::to_string(rounds_.back().round) +
                           ": the numbers stay hidden until you reveal them.");
                if (big_button("Reveal every number###live-reveal")) reveal(app);
            } else if (big_button(rounds_.empty() ? "Open a vote###live-vote"
                                                  : "Open another round after discussion###live-vote"))
                open_vote(app, vote_task_);
        } else if (open && sorting_) {
            subheading(app, my_sorting_sent_ ? "Your sorting is in" : "Send your sorting");
            muted_text("Sort the facts at this task in the case, then send where you put each one. Only you see it until "
                       "your trainer reveals the room's, without names. You can send it again until then, and "
                       "change where you put any of them below.");
            if (big_button(my_sorting_sent_ ? "Send it again###live-sort" : "Send my sorting###live-sort")) send_sorting(app);
            draw_my_sorting(app);
        } else if (open) {
            subheading(app, my_vote_ ? ("Your number: " + std::to_string(*my_vote_)).c_str() : "Choose your number");
            muted_text("Only you see it until your trainer reveals everyone's, without names. You can change it until then.");
            for (int n = 0; n <= 10; ++n) {
                if (n) ImGui::SameLine();
                bool mine = my_vote_ && *my_vote_ == n;
                if (mine) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetColorU32(ImGuiCol_ButtonActive));
                if (ImGui::Button((std::to_string(n) + "###vote-" + std::to_string(n)).c_str(), ImVec2(40 * s, 40 * s)))
                    cast_vote(app, n);
                if (mine) ImGui::PopStyleColor();
            }
        } else if (rounds_.empty()) {
            wrapped("Your trainer has not opened a vote yet.");
        }
    };
    // Once a round is revealed and none is open, the room looks at the
    // numbers: they come first (on a projector at large text they must not
    // be below the fold); while a vote is open, the controls come first.
    if (!open && !shown.empty()) {
        draw_rounds();
        gap(0.4f);
        if (t) wrapped(t->prompt);
        gap(0.2f);
        draw_controls();
    } else {
        if (t) wrapped(t->prompt);
        gap(0.2f);
        draw_controls();
        gap(0.4f);
        draw_rounds();
    }
}

// A revealed sorting: one row per fact, one column per place the room used,
// each cell how many put the fact there (the most-chosen place in bold).
void LiveScreen::draw_sorting_round(App& app, const Round& r, float width) {
    std::vector<std::string> facts;
    std::vector<live::Place> places;
    for (const auto& c : r.placements) {
        if (std::find(facts.begin(), facts.end(), c.fact) == facts.end()) facts.push_back(c.fact);
        if (std::find(places.begin(), places.end(), c.place) == places.end()) places.push_back(c.place);
    }
    std::sort(places.begin(), places.end());
    subheading(app, ("Where the room put each one (" + live::round_title(r.round) + ")").c_str());
    if (facts.empty()) {
        muted_text("No one sent a sorting in this round.");
        return;
    }
    int cols = static_cast<int>(places.size()) + 1;
    if (ImGui::BeginTable("###live-sorting", cols, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                                       ImGuiTableFlags_SizingStretchProp, ImVec2(width, 0))) {
        ImGui::TableSetupColumn("Fact", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        for (const auto& p : places) ImGui::TableSetupColumn(live::place_words(p), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (const auto& f : facts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", fact_words(f).c_str());
            int most = 0;
            for (const auto& c : r.placements)
                if (c.fact == f) most = std::max(most, c.count);
            for (const auto& p : places) {
                ImGui::TableNextColumn();
                int n = 0;
                for (const auto& c : r.placements)
                    if (c.fact == f && c.place == p) n = c.count;
                if (n == 0) continue;
                bool top = n == most && app.bold;
                if (top) ImGui::PushFont(app.bold);
                ImGui::Text("%d", n);
                if (top) ImGui::PopFont();
            }
        }
        ImGui::EndTable();
    }
    muted_text("How many put each fact in each place; no names are kept with the votes.");
}

// Two revealed sortings side by side: one row per fact, where the room put
// it in each round (most first, the most-chosen in bold), the facts the
// room moved after discussion first and marked, so the trainer can go
// straight to them.
void LiveScreen::draw_sorting_rounds(App& app, const Round& a, const Round& b, float width) {
    auto rows = live::compare_sortings({a.placements, b.placements});
    std::stable_partition(rows.begin(), rows.end(), [](const live::SortingRow& r) { return r.moved; });
    int moved = static_cast<int>(std::count_if(rows.begin(), rows.end(), [](const live::SortingRow& r) { return r.moved; }));
    subheading(app, "Where the room put each one, before and after discussion");
    if (rows.empty()) {
        muted_text("No one sent a sorting in these rounds.");
        return;
    }
    muted_text("Round " + std::to_string(a.round) + (a.round == 1 ? " was before discussion" : "") + ", round " +
               std::to_string(b.round) + " after it.");
    wrapped(moved == 0 ? std::string("After discussion the room's most-chosen place is the same for every one.")
                       : "After discussion the room moved " + std::to_string(moved) + (moved == 1 ? " one" : " of them") +
                             " to another place: " + (moved == 1 ? "it comes" : "they come") + " first, marked Moved.");
    if (ImGui::BeginTable("###live-sorting-rounds", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                                          ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp,
                          ImVec2(width, 0))) {
        // At large text the headings shorten to "Round 1" rather than be cut off.
        float round_w = width * 1.4f / 5.0f - ImGui::GetStyle().CellPadding.x * 2;
        auto heading = [&](int round) {
            std::string t = live::round_title(round);
            return ImGui::CalcTextSize(t.c_str()).x <= round_w ? t : "Round " + std::to_string(round);
        };
        ImGui::TableSetupColumn("Fact", ImGuiTableColumnFlags_WidthStretch, 2.2f);
        ImGui::TableSetupColumn(heading(a.round).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn(heading(b.round).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableHeadersRow();
        for (const auto& row : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (row.moved) {
                if (app.bold) ImGui::PushFont(app.bold);
                ImGui::TextUnformatted("Moved:");
                if (app.bold) ImGui::PopFont();
                ImGui::SameLine();
            }
            ImGui::TextWrapped("%s", fact_words(row.fact).c_str());
            for (const auto& cell : row.rounds) {
                ImGui::TableNextColumn();
                if (cell.empty()) muted_text("Not placed");
                for (const auto& c : cell) {
                    bool top = c.count == cell.front().count && app.bold;
                    if (top) ImGui::PushFont(app.bold);
                    ImGui::TextWrapped("%s %d", live::place_words(c.place), c.count);
                    if (top) ImGui::PopFont();
                }
            }
        }
        ImGui::EndTable();
    }
    muted_text("How many put each one in each place, the most-chosen in bold; no names are kept with the votes.");
}

void LiveScreen::draw_wall(App& app) {
    gap(0.2f);
    muted_text("The room's statements, without names, with the assessor's marks. Pinned ones come first; hidden ones "
               "are left off the wall and its export.");
    if (wall_.hidden_count() > 0) {
        ImGui::Checkbox(("Show the hidden ones (" + std::to_string(wall_.hidden_count()) + ")###wall-hidden").c_str(),
                        &wall_show_hidden_);
    }
    gap(0.2f);
    if (export_folder_.empty()) export_folder_ = home_folder();
    char buf[512];
    std::snprintf(buf, sizeof buf, "%s", export_folder_.c_str());
    // The folder field shrinks to leave room for the buttons; at large text they go below it.
    const ImGuiStyle& st = ImGui::GetStyle();
    float buttons = ImGui::CalcTextSize("Folder").x + ImGui::CalcTextSize("Export as Markdown").x +
                    ImGui::CalcTextSize("Export as CSV").x + st.FramePadding.x * 4 + st.ItemSpacing.x * 3 +
                    st.ItemInnerSpacing.x;
    float avail = ImGui::GetContentRegionAvail().x;
    float field = std::clamp(avail - buttons, 160 * app.ui_scale(), 360 * app.ui_scale());
    ImGui::SetNextItemWidth(field);
    if (ImGui::InputText("Folder###wall-folder", buf, sizeof buf)) export_folder_ = buf;
    if (field + buttons <= avail) ImGui::SameLine();
    if (ImGui::Button("Export as Markdown###wall-md")) export_wall(app, export_folder_, true);
    ImGui::SameLine();
    if (ImGui::Button("Export as CSV###wall-csv")) export_wall(app, export_folder_, false);
    if (!export_message_.empty()) muted_text(export_message_);
    gap(0.3f);
    if (ImGui::BeginTable("###wall", 2, ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableSetupColumn("Danger statements");
        ImGui::TableSetupColumn("Safety goals");
        ImGui::TableHeadersRow();
        ImGui::TableNextRow();
        for (live::WallKind kind : {live::WallKind::Danger, live::WallKind::Goal}) {
            ImGui::TableNextColumn();
            auto col = wall_.column(kind, wall_show_hidden_);
            if (col.empty()) muted_text("None handed in yet.");
            int n = 0;
            std::string pin_key, hide_key, improve_key;
            bool pin_to = false, hide_to = false;
            for (const live::WallItem* it : col) {
                ImGui::PushID(it->key.c_str());
                if (app.bold) ImGui::PushFont(app.bold);
                ImGui::TextUnformatted((live::wall_label(kind, it->hidden ? 0 : ++n) + (it->pinned ? "  (pinned)" : "") +
                                        (it->hidden ? "  (hidden)" : "")).c_str());
                if (app.bold) ImGui::PopFont();
                wrapped(it->text);
                for (const auto& m : it->marks) {
                    met_shape(m.met, ImGui::GetTextLineHeight());
                    ImGui::SameLine();
                    ImGui::TextUnformatted(criterion_title(m.criterion));
                }
                if (ImGui::SmallButton(it->pinned ? "Unpin" : "Pin")) { pin_key = it->key; pin_to = !it->pinned; }
                ImGui::SameLine();
                if (ImGui::SmallButton(it->hidden ? "Show" : "Hide")) { hide_key = it->key; hide_to = !it->hidden; }
                ImGui::SameLine();
                if (ImGui::SmallButton("Improve together")) improve_key = it->key;
                ImGui::Separator();
                ImGui::PopID();
            }
            if (!pin_key.empty()) mark_wall(pin_key, pin_to, std::nullopt);
            if (!hide_key.empty()) mark_wall(hide_key, std::nullopt, hide_to);
            if (!improve_key.empty()) improve_together(app, improve_key);
        }
        ImGui::EndTable();
    }
    draw_improving(app, true);
}

// Improve together. The trainer: the statement, every proposal without
// names with the assessor's marks, and a button to pick each. A member: the
// statement and a box for their edit; after the pick, the room's choice.
void LiveScreen::draw_improving(App& app, bool as_trainer) {
    if (!improvement_) return;
    const auto& imp = *improvement_;
    live::WallKind kind = imp.kind == "danger" ? live::WallKind::Danger : live::WallKind::Goal;
    gap(0.4f);
    ImGui::Separator();
    subheading(app, "Improving together");
    muted_text(kind == live::WallKind::Danger ? "A danger statement from the wall:" : "A safety goal from the wall:");
    wrapped(imp.original);
    gap(0.2f);
    if (imp.picked) {
        if (app.bold) ImGui::PushFont(app.bold);
        wrapped("The room's improved version: " + imp.picked_text);
        if (app.bold) ImGui::PopFont();
    }
    if (as_trainer) {
        if (proposals_.empty()) muted_text("No edits proposed yet: each person's appears here as they send it.");
        int n = 0;
        progress::Id chosen = 0;
        float line = ImGui::GetTextLineHeight();
        for (const auto& p : proposals_) {
            ImGui::PushID(static_cast<int>(p.id));
            if (app.bold) ImGui::PushFont(app.bold);
            ImGui::TextUnformatted(("Edit " + std::to_string(++n) +
                                    (imp.picked && *imp.picked == p.id ? "  (picked)" : "")).c_str());
            if (app.bold) ImGui::PopFont();
            wrapped(p.text);
            for (const auto& m : marks_for(app, kind, p.text)) {
                met_shape(m.met, line);
                ImGui::SameLine();
                ImGui::TextUnformatted(criterion_title(m.criterion));
            }
            if (!imp.picked && ImGui::SmallButton("Pick this one")) chosen = p.id;
            ImGui::Separator();
            ImGui::PopID();
        }
        if (chosen) pick(app, chosen);
        return;
    }
    if (imp.picked) return;
    for (const auto& p : proposals_)
        if (p.mine) muted_text("Your edit so far: " + p.text);
    muted_text("Only your trainer sees your edit, without your name. You can send it again until they pick one.");
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 720 * app.ui_scale()));
    ImGui::InputTextMultiline("###live-propose", propose_buf_, sizeof propose_buf_,
                              ImVec2(std::min(ImGui::GetContentRegionAvail().x, 720 * app.ui_scale()),
                                     ImGui::GetTextLineHeight() * 4));
    if (big_button("Send my edit###live-propose-send") && propose(app, propose_buf_)) propose_buf_[0] = 0;
}

void LiveScreen::draw_trainee(App& app) {
    if (!info_.id) {
        subheading(app, "Join your trainer's live session");
        gap(0.3f);
        wrapped("Type the six-letter code your trainer gives the room.");
        ImGui::SetNextItemWidth(200 * app.ui_scale());
        bool go = ImGui::InputText("###live-code", code_buf_, sizeof code_buf_,
                                   ImGuiInputTextFlags_CharsUppercase | ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if (big_button("Join###live-join") || go) join(app, code_buf_);
        return;
    }
    subheading(app, ("You are in live session " + info_.join_code).c_str());
    const Scenario* sc = scenario(app, info_.scenario);
    wrapped(std::string("The case: ") + (sc ? sc->title : info_.scenario) +
            ". Your trainer sees where you are in it and what you hand in, without your name unless they choose to show names.");
    gap(0.2f);
    bool playing = app.scenario() && app.scenario()->id == info_.scenario;
    if (big_button(playing ? "Back to the case###live-open-case" : "Open the case###live-open-case")) open_case(app);
    gap(0.4f);
    ImGui::Separator();
    // While the room is improving a statement, that comes first: the vote's results can wait below.
    bool improving = improvement_ && !improvement_->picked;
    if (improving) draw_improving(app, false);
    subheading(app, "Vote");
    draw_votes(app, false);
    if (!improving) draw_improving(app, false);
}

}  // namespace sofs::ui
