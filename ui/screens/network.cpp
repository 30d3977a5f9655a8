// The practice-lead network's board (network.hpp).
#include "network.hpp"

#include "app.hpp"
#include "postgres.hpp"
#include "rubric/assess.hpp"
#include "widgets.hpp"

#include <GLFW/glfw3.h>   // key codes for ImGui::IsKeyPressed
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace sofs::ui {

namespace nw = progress::network;
using Board = progress::PgStore::NetworkBoard;

namespace {

std::string home_folder() {
    const char* h = std::getenv("HOME");
    return h && *h ? h : ".";
}

// The places in the "add" form: the six columns, then the three lists.
std::vector<nw::Place> all_places() {
    std::vector<nw::Place> out = nw::columns();
    for (const auto& p : nw::statements()) out.push_back(p);
    return out;
}

// A short label for a perspective on the line: at most 18 characters.
std::string short_label(const std::string& s) {
    if (s.size() <= 18) return s;
    return s.substr(0, 16) + "..";
}

}  // namespace

const char* NetworkScreen::help() const {
    return "A practice-lead network maps a case together, each person from their own computer.\n\n"
           "The practice lead makes a board for one of the bundled cases, or for a real case (a title only: type "
           "what the group knows, with no names that would identify a family). Everyone in the network's group sees "
           "the board and adds to it: facts into the six mapping columns, danger statements, safety goals and next "
           "steps. The assessor's marks sit beside each danger statement and safety goal.\n\n"
           "Scaling: say whose view a number is (the worker, a parent, the school, the police, the health visitor), "
           "the number from 0 to 10 and a short reason. Every view goes on the same line, so the group can talk "
           "about why they differ. A view scaled again replaces its earlier number.\n\n"
           "Project shows the board on the whole window in large text with nothing to press, for a projector; "
           "Page Down, Space and the arrow keys move down a board longer than the screen; "
           "press Esc to leave it. Export writes the board as Markdown or CSV into a folder you choose, readable by "
           "you only. Only the practice lead or a trainer removes things from the board.";
}

std::string NetworkScreen::read_aloud_text(App& app) {
    if (!board_) return help();
    std::string out = "Network board: " + board_->info.title + ". ";
    for (const auto* list : {&nw::columns(), &nw::statements()})
        for (const auto& p : *list) {
            auto its = nw::items_of(*board_, p.kind);
            if (its.empty()) continue;
            out += std::string(p.title) + ": ";
            for (auto* it : its) out += it->text + ". ";
        }
    out += nw::scale_summary(*board_);
    (void)app;
    return out;
}

bool NetworkScreen::lead_or_trainer(App& app) const { return app.user && app.user->role != progress::Role::Trainee; }

void NetworkScreen::enter(App& app) {
    std::string who = app.user ? app.user->name : "";
    if (who != owner_) {
        if (link_) link_->stop();
        link_.reset();
        board_.reset();
        boards_.clear();
        scenario_.reset();
        owner_ = who;
    }
    problem_.clear();
    if (!progress::is_postgres_location(app.opt.db_path) || !app.user) return;
    if (!ensure_link(app)) return;
    if (lead_or_trainer(app)) {
        std::string err;
        cohorts_.clear();
        for (const auto& c : app.my_cohorts(&err)) cohorts_.push_back(c.name);
        if (!err.empty()) problem_ = err;
    }
    if (board_) open_board(app, board_->info.id);
    else refresh(app);
}

void NetworkScreen::leave(App&) {
    projecting_ = false;
    if (link_) link_->stop();   // no wakes for a board nobody is looking at
}

bool NetworkScreen::ensure_link(App& app) { return live::connect_once(link_, app.opt.db_path, &problem_); }

const Scenario* NetworkScreen::scenario(App& app) {
    if (!board_ || board_->info.scenario.empty()) return nullptr;
    if (scenario_ && scenario_->id == board_->info.scenario) return scenario_.get();
    std::string why;
    if (auto whole = app.whole_case(board_->info.scenario, &why)) scenario_ = std::move(whole);
    else return nullptr;
    return scenario_.get();
}

nw::MarksFor NetworkScreen::marks(App& app) {
    const Guidance* g = app.guidance();
    if (!g) return {};
    const Scenario* sc = scenario(app);
    return [this, g, sc](const progress::PgStore::NetworkItem& it) {
        if (it.kind != "danger-statement" && it.kind != "safety-goal") return std::vector<nw::BoardMark>{};
        std::string key = it.kind + "\n" + it.text;
        auto cached = marks_cache_.find(key);
        if (cached != marks_cache_.end()) return cached->second;
        static const Scenario kNoCase{};
        const Scenario& s = sc ? *sc : kNoCase;
        auto verdicts = it.kind == "danger-statement" ? assess_danger_statement(it.text, s, *g)
                                                      : assess_safety_goal(it.text, s, *g);
        std::vector<nw::BoardMark> out;
        for (const auto& v : verdicts) out.push_back({criterion_title(v.criterion), v.met});
        return marks_cache_[key] = out;
    };
}

// ------------------------------------------------------------------ actions

bool NetworkScreen::create(App& app, const std::string& cohort, const std::string& title, const std::string& scenario_id) {
    problem_.clear();
    if (!ensure_link(app)) return false;
    try {
        progress::Id id = link_->store().create_network(cohort, title, scenario_id);
        return open_board(app, id);
    } catch (const std::exception& e) {
        problem_ = std::string("could not make the board: ") + e.what();
        return false;
    }
}

bool NetworkScreen::open_board(App& app, progress::Id board) {
    problem_.clear();
    if (!ensure_link(app)) return false;
    try {
        board_ = link_->store().network_board(board);
    } catch (const std::exception& e) {
        problem_ = std::string("could not open the board: ") + e.what();
        return false;
    }
    if (!board_) {
        problem_ = "that board is not there, or is for a network you are not in";
        return false;
    }
    App* a = &app;
    if (!link_->listen_network(board, [a] { a->wake_from_thread(); }, &problem_)) return false;
    scenario(app);
    refresh(app);   // after LISTEN: a change made in between is not missed
    return true;
}

bool NetworkScreen::open_board_titled(App& app, const std::string& title) {
    if (!ensure_link(app)) return false;
    try {
        for (const auto& b : link_->store().networks())
            if (b.title == title) return open_board(app, b.id);
    } catch (const std::exception& e) {
        problem_ = e.what();
        return false;
    }
    problem_ = "no board called '" + title + "' that you can see";
    return false;
}

// A change to the board's store, then the board read again; false with problem_ said.
bool NetworkScreen::change(App& app, const std::string& failed, const std::function<void(progress::PgStore&)>& c) {
    problem_.clear();
    if (!board_ || !live::change_store(*link_, &problem_, failed, c)) return false;
    refresh(app);
    return true;
}

bool NetworkScreen::add(App& app, const std::string& kind, const std::string& text, const std::string& source) {
    return change(app, "not added", [&](progress::PgStore& store) { store.add_network_item(board_->info.id, kind, text, source); });
}

bool NetworkScreen::scale(App& app, const std::string& perspective, int number, const std::string& reason) {
    return change(app, "not put on the line",
                  [&](progress::PgStore& store) { store.scale_network(board_->info.id, perspective, number, reason); });
}

bool NetworkScreen::remove(App& app, progress::Id item) {
    return change(app, "not removed", [&](progress::PgStore& store) { store.remove_network_item(board_->info.id, item); });
}

std::optional<std::string> NetworkScreen::export_board(App& app, const std::string& folder, bool markdown) {
    if (!board_) return std::nullopt;
    std::string err;
    auto text = markdown ? nw::markdown(*board_, marks(app)) : nw::csv(*board_, marks(app));
    auto path = nw::write_owner_only(folder, nw::export_name(*board_, markdown ? "md" : "csv"), text, &err);
    export_message_ = path ? "Written to " + *path + " (readable by you only)" : "Not exported: " + err;
    return path;
}

void NetworkScreen::refresh(App& app) {
    (void)app;
    if (!link_) return;
    auto t0 = std::chrono::steady_clock::now();
    try {
        if (board_) {
            auto b = link_->store().network_board(board_->info.id);
            if (!b) {
                problem_ = "the board is no longer there, or you are no longer in its network";
                board_.reset();
            } else
                board_ = std::move(b);
        } else
            boards_ = link_->store().networks();
    } catch (const std::exception& e) {
        problem_ = std::string("could not read the board: ") + e.what();
    }
    refresh_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// ------------------------------------------------------------------ drawing

void NetworkScreen::draw(App& app) {
    if (!progress::is_postgres_location(app.opt.db_path)) {
        draw_not_shared(app);
        return;
    }
    live::hear(link_.get(), &problem_, [&] { refresh(app); });
    if (projecting_ && board_) {
        draw_projection(app);
        return;
    }
    if (!live::reachable(link_.get(), problem_, "###net-retry", [&] { enter(app); })) return;
    if (board_) draw_board(app);
    else draw_list(app);
}

void NetworkScreen::draw_not_shared(App& app) {
    heading(app, "Network boards need the shared store");
    gap(0.3f);
    wrapped("A practice-lead network fills one board from several computers, so the board lives on the network's "
            "shared PostgreSQL store, not in a file on this computer. Start sofs-sim with the store's address, for "
            "example:\n    sofs-sim --db postgresql://YOUR-NAME@NETWORK-SERVER/network");
}

void NetworkScreen::draw_list(App& app) {
    float s = app.ui_scale();
    if (big_button("Back to the live session###net-to-live")) app.go(ScreenId::Live);
    gap(0.3f);
    subheading(app, "Your network's boards");
    if (boards_.empty()) muted_text("No boards yet. A practice lead makes one below; it then appears here for everyone in the network.");
    for (const auto& b : boards_) {
        ImGui::PushID(static_cast<int>(b.id));
        if (ImGui::Button("Open")) open_board(app, b.id);
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(b.title.c_str());
        ImGui::SameLine();
        muted_text("  " + b.cohort + (b.scenario.empty() ? ", a real case" : ", a bundled case") +
                   (b.i_lead ? ", you lead it" : ""));
        ImGui::PopID();
    }
    if (!lead_or_trainer(app)) return;
    gap(0.5f);
    ImGui::Separator();
    subheading(app, "Make a board");
    if (cohorts_.empty()) {
        wrapped("You are not in any network's group yet. An administrator adds you with sofs cohort add.");
        return;
    }
    cohort_ = std::clamp(cohort_, 0, static_cast<int>(cohorts_.size()) - 1);
    ImGui::SetNextItemWidth(320 * s);
    if (ImGui::BeginCombo("Network###net-cohort", cohorts_[static_cast<std::size_t>(cohort_)].c_str())) {
        for (int i = 0; i < static_cast<int>(cohorts_.size()); ++i)
            if (ImGui::Selectable(cohorts_[static_cast<std::size_t>(i)].c_str(), i == cohort_)) cohort_ = i;
        ImGui::EndCombo();
    }
    if (ImGui::RadioButton("A bundled case###net-bundled", !real_case_)) real_case_ = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("A real case###net-real", real_case_)) real_case_ = true;
    const auto& cases = app.cases().scenarios;
    if (!real_case_) {
        if (cases.empty()) {
            muted_text(app.library_ready() ? "No cases were found." : "Reading the case list...");
            return;
        }
        case_ = std::clamp(case_, 0, static_cast<int>(cases.size()) - 1);
        ImGui::SetNextItemWidth(320 * s);
        if (ImGui::BeginCombo("Case###net-case", cases[static_cast<std::size_t>(case_)]->title.c_str())) {
            for (int i = 0; i < static_cast<int>(cases.size()); ++i)
                if (ImGui::Selectable(cases[static_cast<std::size_t>(i)]->title.c_str(), i == case_)) case_ = i;
            ImGui::EndCombo();
        }
    } else {
        ImGui::SetNextItemWidth(420 * s);
        ImGui::InputTextWithHint("Title###net-title", "The family's first names or a team's word for the case", title_buf_,
                                 sizeof title_buf_);
        muted_text("No surnames, addresses or anything else that would identify a real family.");
    }
    if (big_button("Make the board###net-create")) {
        const std::string cohort = cohorts_[static_cast<std::size_t>(cohort_)];
        if (real_case_) create(app, cohort, title_buf_, "");
        else if (!cases.empty())
            create(app, cohort, cases[static_cast<std::size_t>(case_)]->title, cases[static_cast<std::size_t>(case_)]->id);
    }
}

void NetworkScreen::draw_board(App& app) {
    const Board& b = *board_;
    if (app.large) ImGui::PushFont(app.large);
    ImGui::TextUnformatted(b.info.title.c_str());
    if (app.large) ImGui::PopFont();
    muted_text(b.info.cohort + (b.info.scenario.empty() ? ": a real case" : ": a bundled case") +
               ". Everyone in the network sees this board change as it changes.");
    if (big_button("Project###net-project")) projecting_ = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The board alone, large, on the whole window; Page Down and Page Up move it, Esc leaves");
    ImGui::SameLine();
    if (ImGui::Button("All boards###net-list")) {
        if (link_) link_->stop();
        board_.reset();
        refresh(app);
        return;
    }
    ImGui::SameLine();
    if (export_folder_.empty()) export_folder_ = home_folder();
    char buf[512];
    std::snprintf(buf, sizeof buf, "%s", export_folder_.c_str());
    float field = std::clamp(ImGui::GetContentRegionAvail().x * 0.3f, 140 * app.ui_scale(), 320 * app.ui_scale());
    same_line_if_fits(field);
    ImGui::SetNextItemWidth(field);
    if (ImGui::InputText("###net-folder", buf, sizeof buf)) export_folder_ = buf;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The folder the export goes into");
    same_line_if_fits(ImGui::CalcTextSize("Export Markdown").x + 20 * app.ui_scale());
    if (ImGui::Button("Export Markdown###net-md")) export_board(app, export_folder_, true);
    same_line_if_fits(ImGui::CalcTextSize("Export CSV").x + 20 * app.ui_scale());
    if (ImGui::Button("Export CSV###net-csv")) export_board(app, export_folder_, false);
    if (!export_message_.empty()) muted_text(export_message_);
    gap(0.3f);
    draw_columns(app, false);
    gap(0.4f);
    draw_statements(app, false);
    gap(0.4f);
    subheading(app, "Scaling from each perspective");
    draw_scale_line(app, ImGui::GetContentRegionAvail().x, false);
    gap(0.4f);
    ImGui::Separator();
    draw_add_forms(app);
}

namespace {

// How many of `count` places go side by side: as many as leave each about
// twelve characters' width (six columns at 100 % in a 1280-wide window, two at 200 %).
int per_row(int count) {
    float em = ImGui::GetFontSize();
    int fit = static_cast<int>(ImGui::GetContentRegionAvail().x / (12.0f * em));
    return std::clamp(fit, 1, count);
}

// A table's header row: the usual one on the board; on the projection plain
// words on the header colour (a mouse resting on the projector highlights
// nothing), and where each heading starts, for the headings that stay in
// view while the projection scrolls.
std::vector<std::pair<float, std::string>> header_row(bool projected) {
    std::vector<std::pair<float, std::string>> at;
    if (!projected) {
        ImGui::TableHeadersRow();
        return at;
    }
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < ImGui::TableGetColumnCount(); ++c) {
        ImGui::TableSetColumnIndex(c);
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        const char* name = ImGui::TableGetColumnName(c);
        ImGui::TextUnformatted(name ? name : "");
        at.emplace_back(ImGui::GetItemRectMin().x, name ? name : "");
    }
    return at;
}

}  // namespace

// A board's places in rows of tables, as many across as fit; `cell` draws
// one place's items. On the projector each table's headings are kept
// (bands_) to be drawn again over the top while the board scrolls.
void NetworkScreen::draw_in_rows(const char* table_id, const std::vector<nw::Place>& places, bool projected,
                                 const std::function<void(const nw::Place&)>& cell) {
    const int n = static_cast<int>(places.size());
    const int across = per_row(n);
    for (int first = 0; first < n; first += across) {
        ImGui::PushID(first);
        if (!ImGui::BeginTable(table_id, across,
                               ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_SizingStretchSame)) {
            ImGui::PopID();
            continue;
        }
        for (int i = first; i < first + across; ++i) ImGui::TableSetupColumn(i < n ? places[static_cast<std::size_t>(i)].title : "");
        HeaderBand band{ImGui::GetCursorScreenPos().y, 0, header_row(projected)};
        ImGui::TableNextRow();
        for (int i = first; i < first + across; ++i) {
            ImGui::TableNextColumn();
            if (i < n) cell(places[static_cast<std::size_t>(i)]);
        }
        ImGui::EndTable();
        band.bottom = ImGui::GetItemRectMax().y;
        if (projected) bands_.push_back(std::move(band));
        ImGui::PopID();
        gap(0.2f);
    }
}

void NetworkScreen::draw_columns(App& app, bool projected) {
    const Board& b = *board_;
    progress::Id remove_id = 0;
    draw_in_rows("###net-columns", nw::columns(), projected, [&](const nw::Place& c) {
        auto its = nw::items_of(b, c.kind);
        if (its.empty()) muted_text(projected ? "" : "Nothing yet");
        for (auto* it : its) {
            ImGui::PushID(static_cast<int>(it->id));
            ImGui::Bullet();
            ImGui::SameLine();
            wrapped(it->text);
            if (!projected && b.info.i_may_remove && ImGui::SmallButton("Remove")) remove_id = it->id;
            ImGui::PopID();
        }
    });
    if (remove_id) remove(app, remove_id);
}

void NetworkScreen::draw_statements(App& app, bool projected) {
    const Board& b = *board_;
    auto mark = marks(app);
    progress::Id remove_id = 0;
    float line = ImGui::GetTextLineHeight();
    draw_in_rows("###net-statements", nw::statements(), projected, [&](const nw::Place& place) {
        auto its = nw::items_of(b, place.kind);
        if (its.empty()) muted_text(projected ? "" : "Nothing yet");
        int number = 0;
        for (auto* it : its) {
            ImGui::PushID(static_cast<int>(it->id));
            if (app.bold && !projected) ImGui::PushFont(app.bold);
            ImGui::Text("%d.", ++number);
            if (app.bold && !projected) ImGui::PopFont();
            ImGui::SameLine();
            wrapped(it->text);
            auto ms = mark ? mark(*it) : std::vector<nw::BoardMark>{};
            if (projected && !ms.empty()) {
                // On the projector the marks are one row of shapes and a count.
                int met = 0;
                for (const auto& m : ms) {
                    met_shape(m.met, line);
                    ImGui::SameLine();
                    met += m.met ? 1 : 0;
                }
                muted_text(std::to_string(met) + " of " + std::to_string(ms.size()) + " marks met");
            } else
                for (const auto& m : ms) {
                    met_shape(m.met, line);
                    ImGui::SameLine();
                    ImGui::TextWrapped("%s", m.title.c_str());
                }
            if (!projected && b.info.i_may_remove && ImGui::SmallButton("Remove")) remove_id = it->id;
            if (!projected) ImGui::Separator();
            ImGui::PopID();
        }
    });
    if (remove_id) remove(app, remove_id);
}

// The 0-10 line with every perspective's number on it. Labels that would
// overlap go on a higher row, each joined to its point by a thin line; the
// list in words follows, so the picture is never the only way to read it.
void NetworkScreen::draw_scale_line(App& app, float width, bool projected) {
    const Board& b = *board_;
    float s = app.ui_scale();
    float line = ImGui::GetTextLineHeight();
    std::vector<const progress::PgStore::PerspectiveScale*> order;
    for (const auto& x : b.scales) order.push_back(&x);
    std::stable_sort(order.begin(), order.end(), [](auto* a, auto* c) { return a->number < c->number; });
    float left = 16 * s, right = width - 16 * s;
    float slot = (right - left) / 10.0f;
    // Rows for the labels, lowest first, each remembering its rightmost edge.
    std::vector<float> row_right;
    std::vector<int> row_of(order.size());
    std::vector<float> x_of(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        std::string label = short_label(order[i]->perspective);
        float w = ImGui::CalcTextSize(label.c_str()).x;
        float cx = left + slot * static_cast<float>(order[i]->number);
        float x0 = std::clamp(cx - w / 2, 0.0f, width - w);
        std::size_t r = 0;
        while (r < row_right.size() && row_right[r] + 8 * s > x0) ++r;
        if (r == row_right.size()) row_right.push_back(0);
        row_right[r] = x0 + w;
        row_of[i] = static_cast<int>(r);
        x_of[i] = x0;
    }
    int rows = std::max<int>(1, static_cast<int>(row_right.size()));
    float height = rows * (line + 4 * s) + line * 2.6f;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    ImU32 dot = ImGui::GetColorU32(ImGuiCol_ButtonActive);
    float base = p.y + rows * (line + 4 * s) + line * 0.8f;
    dl->AddLine(ImVec2(p.x + left, base), ImVec2(p.x + right, base), text, 2 * s);
    for (int n = 0; n <= 10; ++n) {
        float x = p.x + left + slot * static_cast<float>(n);
        dl->AddLine(ImVec2(x, base - 4 * s), ImVec2(x, base + 4 * s), text, 1.5f * s);
        std::string label = std::to_string(n);
        dl->AddText(ImVec2(x - ImGui::CalcTextSize(label.c_str()).x / 2, base + 6 * s), text, label.c_str());
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
        float cx = p.x + left + slot * static_cast<float>(order[i]->number);
        float ly = p.y + static_cast<float>(rows - 1 - row_of[i]) * (line + 4 * s);
        dl->AddLine(ImVec2(cx, ly + line), ImVec2(cx, base), ImGui::GetColorU32(ImGuiCol_Border), 1.0f * s);
        dl->AddCircleFilled(ImVec2(cx, base), 6 * s, dot);
        std::string label = short_label(order[i]->perspective);
        dl->AddText(ImVec2(p.x + x_of[i], ly), text, label.c_str());
    }
    muted_text("0: the children will be hurt again. 10: everyone is confident they are safe enough to close the case.");
    wrapped(nw::scale_summary(b));
    if (b.scales.empty()) return;
    if (ImGui::BeginTable("###net-why", projected ? 3 : 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Perspective", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Number", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("Number").x);
        ImGui::TableSetupColumn("Why", ImGuiTableColumnFlags_WidthStretch, 3.0f);
        if (!projected) ImGui::TableSetupColumn("###net-why-actions", ImGuiTableColumnFlags_WidthStretch, 0.6f);
        header_row(projected);
        std::string remove_who;
        for (const auto* x : order) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", x->perspective.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", x->number);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", x->reason.c_str());
            if (!projected) {
                ImGui::TableNextColumn();
                ImGui::PushID(x->perspective.c_str());
                if (b.info.i_may_remove && ImGui::SmallButton("Remove")) remove_who = x->perspective;
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
        if (!remove_who.empty()) try {
                link_->store().remove_network_scale(b.info.id, remove_who);
                refresh(app);
            } catch (const std::exception& e) {
                problem_ = e.what();
            }
    }
}

void NetworkScreen::draw_add_forms(App& app) {
    float s = app.ui_scale();
    subheading(app, "Add to the board");
    auto places = all_places();
    place_ = std::clamp(place_, 0, static_cast<int>(places.size()) - 1);
    ImGui::SetNextItemWidth(240 * s);
    if (ImGui::BeginCombo("###net-place", places[static_cast<std::size_t>(place_)].title)) {
        for (int i = 0; i < static_cast<int>(places.size()); ++i)
            if (ImGui::Selectable(places[static_cast<std::size_t>(i)].title, i == place_)) place_ = i;
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", places[static_cast<std::size_t>(place_)].hint);
    ImGui::SameLine();
    muted_text(places[static_cast<std::size_t>(place_)].hint);
    // A bundled case's facts not on the board yet, to place with one click.
    const Scenario* sc = scenario(app);
    std::string source;
    if (sc && !sc->facts.empty()) {
        std::vector<const Fact*> left;
        for (const auto& f : sc->facts) {
            bool placed = false;
            for (const auto& it : board_->items) placed = placed || it.source == f.id;
            if (!placed) left.push_back(&f);
        }
        if (!left.empty()) {
            fact_ = std::clamp(fact_, -1, static_cast<int>(left.size()) - 1);
            ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 700 * s));
            std::string shown = fact_ < 0 ? "A fact from the case (or type your own below)"
                                          : left[static_cast<std::size_t>(fact_)]->text;
            if (ImGui::BeginCombo("###net-fact", shown.c_str())) {
                for (int i = 0; i < static_cast<int>(left.size()); ++i)
                    if (ImGui::Selectable((left[static_cast<std::size_t>(i)]->text + "###f" + std::to_string(i)).c_str(),
                                          i == fact_)) {
                        fact_ = i;
                        std::snprintf(text_buf_, sizeof text_buf_, "%s", left[static_cast<std::size_t>(i)]->text.c_str());
                    }
                ImGui::EndCombo();
            }
            if (fact_ >= 0 && left[static_cast<std::size_t>(fact_)]->text == text_buf_)
                source = left[static_cast<std::size_t>(fact_)]->id;
        }
    }
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x - 90 * s, 700 * s));
    bool go = ImGui::InputTextWithHint("###net-text", "What goes there, in plain words", text_buf_, sizeof text_buf_,
                                       ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Add###net-add") || go) && add(app, places[static_cast<std::size_t>(place_)].kind, text_buf_, source)) {
        text_buf_[0] = 0;
        fact_ = -1;
    }
    gap(0.4f);
    subheading(app, "Scale from a perspective");
    if (sc) {
        muted_text("Whose view?");
        std::vector<std::string> quick = {"Social worker"};
        for (const auto& p : sc->people)
            if (p.role != PersonRole::Child) quick.push_back(p.name);
        for (std::size_t i = 0; i < quick.size(); ++i) {
            if (i) same_line_if_fits(ImGui::CalcTextSize(quick[i].c_str()).x + 16 * s);
            if (ImGui::SmallButton((quick[i] + "###who" + std::to_string(i)).c_str()))
                std::snprintf(who_buf_, sizeof who_buf_, "%s", quick[i].c_str());
        }
    }
    ImGui::SetNextItemWidth(220 * s);
    ImGui::InputTextWithHint("###net-who", "The worker, a parent, the school...", who_buf_, sizeof who_buf_);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200 * s);
    ImGui::SliderInt("###net-number", &number_, 0, 10);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x - 160 * s, 620 * s));
    ImGui::InputTextWithHint("###net-why-text", "Why this number, in a sentence", why_buf_, sizeof why_buf_);
    ImGui::SameLine();
    if (ImGui::Button("Put on the line###net-scale") && scale(app, who_buf_, number_, why_buf_)) {
        who_buf_[0] = 0;
        why_buf_[0] = 0;
    }
    gap(0.3f);
    muted_text("Board read in " + std::to_string(static_cast<int>(refresh_ms_ + 0.5)) + " ms after the last change.");
}

// The board on the whole window, read-only, in large text: for a projector.
void NetworkScreen::draw_projection(App& app) {
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) {
        projecting_ = false;
        return;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::SetNextWindowFocus();
    // A scrollbar stays: a full board at large text is several screens long,
    // and the room should see that there is more and how far down they are.
    ImGui::Begin("###net-projection", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse);
    // The lead at the laptop moves it with the keys a presenter uses.
    {
        float page = ImGui::GetWindowHeight() * 0.8f, step = ImGui::GetTextLineHeightWithSpacing() * 3;
        float to = ImGui::GetScrollY();
        if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN) || ImGui::IsKeyPressed(GLFW_KEY_SPACE)) to += page;
        if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP)) to -= page;
        if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) to += step;
        if (ImGui::IsKeyPressed(GLFW_KEY_UP)) to -= step;
        if (ImGui::IsKeyPressed(GLFW_KEY_HOME)) to = 0;
        if (ImGui::IsKeyPressed(GLFW_KEY_END)) to = ImGui::GetScrollMaxY();
        if (to != ImGui::GetScrollY()) {
            ImGui::SetScrollY(std::clamp(to, 0.0f, ImGui::GetScrollMaxY()));
            app.request_redraw();
        }
    }
    bands_.clear();
    // The title large; the rest in bold at the chosen text size (200 % for a
    // projector), the scale first: it is short, and it is what the room talks about.
    if (app.large) ImGui::PushFont(app.large);
    ImGui::TextUnformatted(board_->info.title.c_str());
    if (app.large) ImGui::PopFont();
    if (app.bold) ImGui::PushFont(app.bold);
    draw_scale_line(app, ImGui::GetContentRegionAvail().x, true);
    gap(0.3f);
    draw_columns(app, true);
    gap(0.3f);
    draw_statements(app, true);
    draw_projection_edges(app);
    if (app.bold) ImGui::PopFont();
    if (scroll_to_ >= 0) {
        ImGui::SetScrollY(std::clamp(scroll_to_, 0.0f, 1.0f) * ImGui::GetScrollMaxY());
        scroll_to_ = -1;
    }
    ImGui::End();
}

// Over the scrolled projection: the headings of the columns the top of the
// window is in (so a fact part-way down still says which column it is in),
// and at the foot, while there is more, a line saying so and how to get there.
void NetworkScreen::draw_projection_edges(App& app) {
    float s = app.ui_scale();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    float line = ImGui::GetTextLineHeight();
    float band_h = line + ImGui::GetStyle().CellPadding.y * 2 + 2 * s;
    float right = wp.x + ws.x - ImGui::GetStyle().ScrollbarSize;
    ImU32 bg = ImGui::GetColorU32(ImGuiCol_WindowBg), head = ImGui::GetColorU32(ImGuiCol_TableHeaderBg);
    ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), rule = ImGui::GetColorU32(ImGuiCol_Border);
    if (ImGui::GetScrollY() > 0)
        for (const auto& b : bands_) {
            // Only while the table's heading is above the window and enough of it is still in view.
            if (b.top >= wp.y || b.bottom < wp.y + band_h * 2) continue;
            dl->AddRectFilled(ImVec2(wp.x, wp.y), ImVec2(right, wp.y + band_h), bg);
            dl->AddRectFilled(ImVec2(wp.x + ImGui::GetStyle().WindowPadding.x, wp.y), ImVec2(right, wp.y + band_h), head);
            for (const auto& [x, name] : b.columns)
                if (!name.empty()) dl->AddText(ImVec2(x, wp.y + (band_h - line) / 2), text, name.c_str());
            dl->AddLine(ImVec2(wp.x, wp.y + band_h), ImVec2(right, wp.y + band_h), rule, 1.0f * s);
            break;
        }
    // "More" from where the board's last table ends in this very frame, not
    // from the scroll range (which lags a frame behind a change of text size).
    float end = bands_.empty() ? ImGui::GetCursorScreenPos().y : bands_.back().bottom;
    if (end > wp.y + ws.y - 2 * s) {
        std::string more = "More below: Page Down";
        ImVec2 sz = ImGui::CalcTextSize(more.c_str());
        float pad = 6 * s;
        ImVec2 a(right - sz.x - pad * 3, wp.y + ws.y - sz.y - pad * 3), z(right - pad, wp.y + ws.y - pad);
        dl->AddRectFilled(a, z, head, 4 * s);
        dl->AddRect(a, z, rule, 4 * s, 0, 1.0f * s);
        dl->AddText(ImVec2(a.x + pad, a.y + pad), text, more.c_str());
    }
}

}  // namespace sofs::ui
