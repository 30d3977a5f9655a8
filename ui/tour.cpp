// The tour's script. Each action runs at the start of a frame; five frames
// later (layout settled) its screenshot is written; then the next action.
#include "tour.hpp"

#include "app.hpp"
#include "play/plan.hpp"
#include "runtime/stock_answer.hpp"

#include <imgui.h>
#include "hints.hpp"
#include "key_play.hpp"
#include "layout_check.hpp"
#include "screens/briefing.hpp"
#include "screens/library.hpp"
#include "screens/mapping.hpp"
#include "screens/my_progress.hpp"
#include "screens/scaling.hpp"
#include "screens/sign_in.hpp"
#include "screens/three_houses.hpp"
#include "screens/trainer.hpp"
#include "screens/account.hpp"
#include "screens/admin.hpp"
#include "screens/attempt_view.hpp"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

namespace sofs::ui {

namespace {
constexpr int kSettleFrames = 5;
const char* kTrainee = "Ellery Quayle";
const char* kTrainer = "Avery Pennock";
const char* kTrainerPassword = "tour-only-password";
const char* kCohort = "Tour group";
const char* kAdmin = "Rowan Halloway";            // administrator (the tour's own)
const char* kAdminPassword = "tour-admin-password";
const char* kNewTrainee = "Noor Tindall";         // added by the administrator in the app
const char* kFirstPassword = "first-tour-pass";
}  // namespace

Tour::Tour(std::string dir, std::string plans_dir) : dir_(std::move(dir)), plans_dir_(std::move(plans_dir)) {}

Tour::~Tour() {
    std::error_code ec;
    if (!tmp_.empty()) std::filesystem::remove_all(tmp_, ec);
}

// Plays a whole case without the window for another trainee of the group,
// following their plan (test data: their choices and their own words).
static bool play_headless(App& app, const std::string& name, const std::string& plan_path,
                          std::shared_ptr<const Scenario> s, std::uint64_t seed, std::string* error) {
    auto plan = play::read_plan(plan_path, error);
    if (!plan) return false;
    auto who = app.records->ensure_trainee(name, error);
    if (!who) return false;
    play::Setup setup;
    setup.store = app.records->store();
    setup.trainee = *who;
    setup.resume = false;
    setup.seed = seed;
    setup.clock = [n = std::int64_t(0)]() mutable { return n += 15000; };
    setup.guidance = app.guidance_source();
    play::Playthrough p(std::move(s), std::move(setup));
    for (const auto& step : *plan) {
        if (p.session().ended()) break;
        play::Outcome o = play::take_step(p, step, plan_path);
        if (!o) { *error = o.problem; return false; }
    }
    if (!p.finish_saved()) {
        *error = plan_path + " did not play the case to a saved ending";
        for (const auto& n : p.take_notices()) *error += "; " + n.text;
        return false;
    }
    return true;
}

// "jordan-ellis.yaml" -> "Jordan Ellis".
static std::string name_from_file(const std::filesystem::path& file) {
    std::string stem = file.stem().string(), out;
    bool start = true;
    for (char c : stem) {
        if (c == '-' || c == '_') { out += ' '; start = true; continue; }
        out += start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        start = false;
    }
    return out;
}

bool Tour::prepare(App& app, std::string* error) {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) { *error = "could not make the folder '" + dir_ + "': " + ec.message(); return false; }
    char tmpl[] = "/tmp/sofs-tour-XXXXXX";
    if (!mkdtemp(tmpl)) { *error = "could not make a temporary folder in /tmp"; return false; }
    tmp_ = tmpl;
    app.records = std::make_unique<Records>(tmp_ + "/progress.db", true);
    if (!app.records->ok()) { *error = "the temporary progress file could not be opened: " + app.records->problem(); return false; }
    std::string err;
    if (!app.records->add_person(kTrainer, sofs::progress::Role::Trainer, std::string(kTrainerPassword), &err) ||
        !app.records->add_person(kAdmin, sofs::progress::Role::Admin, std::string(kAdminPassword), &err) ||
        !app.records->add_person(kTrainee, sofs::progress::Role::Trainee, std::nullopt, &err) ||
        !app.records->create_cohort(kCohort, sofs::progress::CohortKind::TwoDay, &err) ||
        !app.records->add_to_cohort(kCohort, kTrainer, &err) || !app.records->add_to_cohort(kCohort, kTrainee, &err)) {
        *error = "could not set up the tour's group: " + err;
        return false;
    }
    std::shared_ptr<const Scenario> ref;
    for (const auto& s : app.library.scenarios)
        if (s->id == "reference-case") ref = s;
    if (!ref) {
        *error = "the reference case (reference-case.yaml) was not found or did not load from '" + app.opt.scenarios_dir + "'";
        for (const auto& d : app.library.diagnostics.items) *error += "\n  " + d.format();
        return false;
    }
    ref = app.whole_case(ref, error);
    if (!ref) return false;
    // More trainees who finished the case, so the dashboard has a group to
    // show: one for each plan in the plans folder (--tour-plans), named by its file.
    if (!plans_dir_.empty()) {
        std::vector<std::filesystem::path> plans;
        for (const auto& e : std::filesystem::directory_iterator(plans_dir_, ec))
            if (e.path().extension() == ".yaml") plans.push_back(e.path());
        if (ec) { *error = "could not read the plans folder '" + plans_dir_ + "': " + ec.message(); return false; }
        std::sort(plans.begin(), plans.end());
        std::uint64_t seed = 1000;
        for (const auto& plan : plans) {
            std::string name = name_from_file(plan);
            if (!app.records->add_person(name, sofs::progress::Role::Trainee, std::nullopt, &err) ||
                !app.records->add_to_cohort(kCohort, name, &err) ||
                !play_headless(app, name, plan.string(), ref, ++seed, &err)) {
                *error = "could not prepare the group's trainee " + name + ": " + err;
                return false;
            }
        }
    }

    // Screens live as long as the app; the actions hold pointers to them.
    auto* sign_in_p = &static_cast<SignInScreen&>(app.screen(ScreenId::SignIn));
    auto* library_p = &static_cast<LibraryScreen&>(app.screen(ScreenId::Library));
    auto* briefing_p = &static_cast<BriefingScreen&>(app.screen(ScreenId::Briefing));
    auto* trainer_p = &static_cast<TrainerScreen&>(app.screen(ScreenId::Trainer));
    auto* reread_p = &static_cast<AttemptViewScreen&>(app.screen(ScreenId::AttemptView));
    auto* admin_p = &static_cast<AdminScreen&>(app.screen(ScreenId::Admin));
    auto* account_p = &static_cast<AccountScreen&>(app.screen(ScreenId::Account));

    queue_.push_back({"sign-in screen", [sign_in_p](App& a, std::string*) {
                          auto& sign_in = *sign_in_p;
                          sign_in.enter(a);
                          sign_in.type_new_name(kTrainee);
                          return true;
                      }, "01-sign-in.png"});
    queue_.push_back({"sign in as a trainee", [sign_in_p](App& a, std::string* e) {
                          if (!sign_in_p->choose_trainee(a, kTrainee)) { *e = "sign-in failed"; return false; }
                          return true;
                      }, "02-library.png"});
    queue_.push_back({"open the reference case", [library_p](App& a, std::string* e) {
                          if (!library_p->open(a, "reference-case", true)) { *e = "could not open the reference case"; return false; }
                          return true;
                      }, "03-briefing.png"});
    queue_.push_back({"begin the visit", [briefing_p, this](App& a, std::string* e) {
                          if (!briefing_p->begin_visit(a)) { *e = "no session"; return false; }
                          push_front({"play", [this](App& b, std::string* e2) { return play(b, e2); }, ""});
                          return true;
                      }, ""});
    // After the case: my progress, then the trainer.
    queue_.push_back({"my progress", [](App& a, std::string*) { a.go(ScreenId::MyProgress); return true; }, "11-my-progress.png"});
    queue_.push_back({"export the CPD record", [this](App& a, std::string* e) {
                          auto& progress = static_cast<MyProgressScreen&>(a.screen(ScreenId::MyProgress));
                          if (!progress.export_cpd(a, dir_)) { *e = progress.cpd_message(); return false; }
                          return true;
                      }, "11b-cpd-record.png"});
    queue_.push_back({"trainer signs in", [sign_in_p](App& a, std::string* e) {
                          a.sign_out();
                          if (!sign_in_p->trainer_sign_in(a, kTrainer, kTrainerPassword)) { *e = "trainer sign-in failed"; return false; }
                          return true;
                      }, "12-trainer-dashboard.png"});
    queue_.push_back({"trainer opens a trainee's attempt", [trainer_p](App& a, std::string* e) {
                          auto& trainer = *trainer_p;
                          trainer.select_trainee(a, kTrainee);
                          trainer.show_detail();
                          if (!trainer.trainee()) { *e = "the trainee's report could not be read"; return false; }
                          if (trainer.verdicts().empty()) { *e = "the trainee's attempt has no checks to overrule"; return false; }
                          if (a.holds_guidance()) {
                              *e = "the practice guidance is still held on the trainer's screen (only screens that judge writing hold it)";
                              return false;
                          }
                          return true;
                      }, "12b-trainer-attempt.png"});
    queue_.push_back({"trainer saves an override without a reason", [trainer_p](App& a, std::string* e) {
                          auto& trainer = *trainer_p;
                          if (trainer.verdicts().empty()) { *e = "there is no check to overrule"; return false; }
                          trainer.open_override(0);
                          if (trainer.override_verdict(a, 0, !trainer.verdicts()[0].met, "")) { *e = "an override without a reason was accepted"; return false; }
                          return true;
                      }, "13a-override-refused.png"});
    queue_.push_back({"trainer overrules a check", [trainer_p](App& a, std::string* e) {
                          auto& trainer = *trainer_p;
                          if (trainer.verdicts().empty()) { *e = "there is no check to overrule"; return false; }
                          if (trainer.override_verdict(a, 0, false, "")) { *e = "an override without a reason was accepted"; return false; }
                          bool met = !trainer.verdicts()[0].met;
                          if (!trainer.override_verdict(a, 0, met, "Discussed in supervision: the family's own words were used here.")) {
                              *e = "the override was not saved";
                              return false;
                          }
                          return true;
                      }, "13-trainer-override.png"});
    // A comment that changes no result: on the whole case, and beside the overruled check.
    queue_.push_back({"trainer rereads the attempt", [trainer_p, reread_p](App& a, std::string* e) {
                          if (!trainer_p->trainee() || trainer_p->trainee()->attempts.empty()) { *e = "no attempt to reread"; return false; }
                          reread_p->open(a, trainer_p->trainee()->attempts.back().attempt.id, ScreenId::Trainer);
                          if (!reread_p->record()) { *e = "the attempt could not be reread: " + reread_p->message(); return false; }
                          reread_p->show_tab(2);
                          reread_p->start_comment(0);
                          return true;
                      }, "13a-trainer-reread.png"});
    queue_.push_back({"trainer comments", [reread_p](App& a, std::string* e) {
                          if (reread_p->comment(a, -1, "  ")) { *e = "an empty comment was accepted"; return false; }
                          if (!reread_p->comment(a, -1, "A calm, respectful visit: you kept the children at the centre when voices were raised.") ||
                              !reread_p->comment(a, 0, "Look again at where the child put his words; we can talk it through on Thursday.")) {
                              *e = "a comment was not saved: " + reread_p->message();
                              return false;
                          }
                          reread_p->show_tab(2);
                          return true;
                      }, "13b-trainer-comment.png"});
    queue_.push_back({"trainer exports the group", [trainer_p, this](App& a, std::string* e) {
                          auto& trainer = *trainer_p;
                          std::string path = dir_ + "/cohort.csv";
                          if (!trainer.export_csv(a, path)) { *e = "export failed"; return false; }
                          return true;
                      }, ""});
    // The administrator: a group, a trainee with a first password, a case for the group.
    queue_.push_back({"administrator signs in", [sign_in_p](App& a, std::string* e) {
                          a.sign_out();
                          if (!sign_in_p->trainer_sign_in(a, kAdmin, kAdminPassword)) { *e = "administrator sign-in failed"; return false; }
                          a.go(ScreenId::Admin);
                          return true;
                      }, ""});
    queue_.push_back({"administrator makes a group and adds a trainee", [admin_p](App& a, std::string* e) {
                          if (admin_p->add_trainee(a, kNewTrainee, "short", "")) { *e = "a too-short first password was accepted"; return false; }
                          if (!admin_p->create_group(a, "May two-day course", sofs::progress::CohortKind::TwoDay) ||
                              !admin_p->add_trainee(a, kNewTrainee, kFirstPassword, "May two-day course") ||
                              !admin_p->assign_case(a, "May two-day course", "reference-case")) {
                              *e = "administration failed: " + admin_p->message();
                              return false;
                          }
                          return true;
                      }, "16-admin.png"});
    queue_.push_back({"the new trainee signs in with the first password", [sign_in_p](App& a, std::string* e) {
                          a.sign_out();
                          // The Account screen follows (go() applies between frames); the next step checks it.
                          if (!sign_in_p->choose_trainee(a, kNewTrainee, kFirstPassword)) { *e = "first sign-in failed"; return false; }
                          return true;
                      }, "17-first-password.png"});
    // The case list (or anywhere else) is not open to them until then.
    queue_.push_back({"the new trainee tries the case list first", [](App& a, std::string*) {
                          a.go(ScreenId::Library);
                          return true;
                      }, ""});
    queue_.push_back({"the new trainee chooses their own password", [account_p](App& a, std::string* e) {
                          if (a.current() != ScreenId::Account || !account_p->must_change()) {
                              *e = "a first password did not lead to choosing one's own";
                              return false;
                          }
                          if (account_p->change(a, kFirstPassword, "noors-own-password", "noors-own-passwrd")) {
                              *e = "two different new passwords were accepted";
                              return false;
                          }
                          if (!account_p->change(a, kFirstPassword, "noors-own-password", "noors-own-password")) {
                              *e = "the new password was not saved: " + account_p->message();
                              return false;
                          }
                          return true;
                      }, "18-library-after-first-password.png"});
    // The first trainee reads the finished case again, with the trainer's words.
    queue_.push_back({"the trainee rereads the case", [sign_in_p, reread_p](App& a, std::string* e) {
                          a.sign_out();
                          if (!sign_in_p->choose_trainee(a, kTrainee)) { *e = "sign-in failed"; return false; }
                          auto report = a.records->trainee_report(*a.user, kTrainee, e);
                          if (!report || report->attempts.empty()) return false;
                          reread_p->open(a, report->attempts.back().attempt.id, ScreenId::MyProgress);
                          if (!reread_p->record() || reread_p->record()->case_comments.empty()) {
                              *e = "the trainee does not see the trainer's comment";
                              return false;
                          }
                          return true;
                      }, "19-reread-conversation.png"});
    queue_.push_back({"the trainee reads the feedback and the trainer's words", [reread_p](App&, std::string*) {
                          reread_p->show_tab(2);
                          return true;
                      }, "20-reread-feedback.png"});
    queue_.push_back({"the trainee changes their password in the app", [](App& a, std::string*) {
                          a.go(ScreenId::Account);
                          return true;
                      }, "21-my-password.png"});
    queue_.push_back({"settings", [](App& a, std::string*) {
                          a.open_settings();
                          return true;
                      }, "14-settings.png"});
    queue_.push_back({"high contrast, larger text", [](App& a, std::string*) {
                          a.request_theme(Theme::HighContrast);
                          a.request_text_size(150);
                          return true;
                      }, "15-high-contrast-150.png"});
    queue_.push_back({"help", [](App& a, std::string*) {
                          a.open_help();
                          return true;
                      }, "16-help.png"});
    return true;
}

bool Tour::play(App& app, std::string* error) {
    if (!app.session()) { *error = "no case is open"; return false; }
    if (++play_steps_ > 400) { *error = "the case did not end after 400 steps"; return false; }
    auto again = [this] { push_front({"play", [this](App& b, std::string* e2) { return play(b, e2); }, ""}); };
    View v = app.session()->view();
    switch (v.kind) {
        case View::Kind::Narration:
            if (!app.advance()) { *error = "could not go on from scene " + (v.scene ? v.scene->id : std::string("?")); return false; }
            again();
            return true;
        case View::Kind::Choices: {
            const Choice* pick = practice_choice(v);
            if (!pick || !app.choose(pick->id)) { *error = "could not choose '" + pick->id + "'"; return false; }
            // Several exchanges in, the whole conversation so far is on screen as a transcript.
            if (++choices_made_ == 5) shot_ = "04b-transcript.png";
            if (!talked_) {
                talked_ = true;
                shot_ = "04-conversation.png";
                // Reading aloud is part of the tour: it must synthesise speech.
                app.read_aloud("The family's reply and the feedback are read aloud.");
                // Speech is made on the worker thread: wait for it (a condition wait).
                if (std::string e = app.sound.finish_reading(); !e.empty()) { *error = e; again(); return false; }
                if (app.sound.readings() == 0) { *error = "reading aloud produced no speech"; again(); return false; }
                app.sound.stop();
            }
            again();
            return true;
        }
        case View::Kind::Task: {
            const Task& t = *v.task;
            // The expert key's answer (runtime/stock_answer): the tour shows the screens, not a trainee's words.
            Answer a = stock_answer(*app.session(), t);
            std::string kind = to_string(t.kind);
            kinds_seen_.push_back(kind);
            auto& mapping = static_cast<MappingScreen&>(app.screen(ScreenId::Mapping));
            std::string key = editor_key(t.kind);
            if (!key.empty()) {
                mapping.set_text(app, key, a.text);
                shot_ = t.kind == TaskKind::DangerStatement ? "05-danger-statement.png"
                      : t.kind == TaskKind::SafetyGoal ? "06-safety-goal.png" : "07b-" + kind + ".png";
            } else if (t.kind == TaskKind::SortFacts) {
                // One card is dragged with the (scripted) mouse; the rest are placed directly.
                app.go(ScreenId::Mapping);
                Action place_rest{"place the other cards", [this, a](App& b, std::string* e2) {
                                      auto& m = static_cast<MappingScreen&>(b.screen(ScreenId::Mapping));
                                      if (!dragged_.empty() && (!b.board().placements.count(dragged_) || b.board().placements.at(dragged_) != dragged_to_)) {
                                          *e2 = "dragging the card '" + dragged_ + "' to " + to_string(dragged_to_) + " did not move it";
                                          return false;
                                      }
                                      for (auto& [f, place] : play::fact_places(a.placements))
                                          if (f != dragged_) m.place(b, f, place);
                                      shot_ = "07-mapping-board.png";
                                      return true;
                                  }, ""};
                Action hand_in_sort{"hand in sort-facts", [this, tid = t.id](App& b, std::string* e2) {
                                        bool ok = static_cast<MappingScreen&>(b.screen(ScreenId::Mapping)).hand_in(b);
                                        if (!ok) *e2 = "the answer to task '" + tid + "' was not accepted";
                                        push_front({"play", [this](App& c, std::string* e3) { return play(c, e3); }, ""});
                                        return ok;
                                    }, ""};
                push_front(std::move(hand_in_sort));
                push_front(std::move(place_rest));
                push_front({"drag a fact card with the mouse", [this](App& b, std::string* e2) { return drag_a_card(b, e2); }, "07a-sort-facts.png"});
                return true;
            } else if (t.kind == TaskKind::SafetyNetwork) {
                for (const auto& id : a.picks) app.pick_for_network(id, true);
                shot_ = "07c-safety-network.png";
            } else if (t.kind == TaskKind::Scaling) {
                // First as it opens (no number chosen), then with the number and reason.
                shot_ = "08a-scale-unanswered.png";
            } else if (t.kind == TaskKind::ThreeHouses) {
                auto& houses = static_cast<ThreeHousesScreen&>(app.screen(ScreenId::ThreeHouses));
                for (auto& [item, house] : play::house_places(a.placements)) houses.put(item, house);
                shot_ = "09-three-houses.png";
            }
            app.go(app.screen_for_view());
            Action hand_in{"hand in " + kind, [this, t](App& b, std::string* e2) {
                            bool ok = false;
                            if (t.kind == TaskKind::Scaling) ok = static_cast<ScalingScreen&>(b.screen(ScreenId::Scaling)).hand_in(b);
                            else if (t.kind == TaskKind::ThreeHouses) ok = static_cast<ThreeHousesScreen&>(b.screen(ScreenId::ThreeHouses)).hand_in(b);
                            else ok = static_cast<MappingScreen&>(b.screen(ScreenId::Mapping)).hand_in(b);
                            if (!ok) *e2 = "the answer to task '" + t.id + "' was not accepted";
                            push_front({"play", [this](App& c, std::string* e3) { return play(c, e3); }, ""});
                            return ok;
                        }, ""};
            push_front(std::move(hand_in));
            if (t.kind == TaskKind::Scaling)
                push_front({"choose a number on the scale and say why", [number = a.number, text = a.text](App& b, std::string*) {
                                static_cast<ScalingScreen&>(b.screen(ScreenId::Scaling)).set(number, text);
                                return true;
                            }, "08-safety-scale.png"});
            if (t.kind == TaskKind::DangerStatement) {
                // Close the case mid-task and open it again: the same task and the
                // same unsent words must come back from the progress file.
                push_front({"close and reopen the case mid-task", [task = t.id](App& b, std::string* e2) {
                                std::string words = b.board_text("danger-statement");
                                auto attempt = b.attempt() ? b.attempt()->id : 0;
                                if (!b.reopen_case(false)) { *e2 = "the case could not be opened again"; return false; }
                                View again = b.session()->view();
                                if (again.kind != View::Kind::Task || !again.task || again.task->id != task) {
                                    *e2 = "reopening did not return to the danger statement task";
                                    return false;
                                }
                                if (b.board_text("danger-statement") != words) { *e2 = "the words written so far did not come back"; return false; }
                                if (!b.attempt() || b.attempt()->id != attempt) { *e2 = "reopening started a new attempt instead of resuming"; return false; }
                                return true;
                            }, "05b-reopened-mid-case.png"});
            }
            return true;
        }
        case View::Kind::Ending:
            app.go(ScreenId::Debrief);
            shot_ = "10-debrief.png";
            for (const char* k : {"danger-statement", "safety-goal", "sort-facts", "scaling", "three-houses"})
                if (std::find(kinds_seen_.begin(), kinds_seen_.end(), k) == kinds_seen_.end())
                    failures_.push_back(std::string("the reference case never asked for a ") + k + " task, so its screen was not shown with work in it");
            return true;
    }
    return true;
}

bool Tour::drag_a_card(App& app, std::string* error) {
    // With very large text the board's sections sit below the fold, so a card
    // cannot be dragged onto them: there the cards go through their menu (as by keyboard).
    if (app.settings.text_percent > 150) {
        dragged_.clear();
        return true;
    }
    auto& m = static_cast<MappingScreen&>(app.screen(ScreenId::Mapping));
    const Scenario& s = *app.scenario();
    // A card whose right place is at the top of a column, so it is in view.
    for (const auto& id : m.facts_on_offer(app)) {
        const Fact* f = s.fact(id);
        if (!f || app.board().placements.count(id)) continue;
        if (f->kind != FactKind::PastHarm && f->kind != FactKind::Strength) continue;
        MappingScreen::Rect card, target;
        if (!m.last_rect("card:" + id, &card) || !m.last_rect(std::string("section:") + to_string(f->kind), &target)) continue;
        float cx = (card.x0 + card.x1) / 2, cy = (card.y0 + card.y1) / 2;
        float tx = (target.x0 + target.x1) / 2, ty = (target.y0 + target.y1) / 2;
        for (int i = 0; i < 3; ++i) mouse_.push_back({cx, cy, false});
        for (int i = 0; i < 3; ++i) mouse_.push_back({cx, cy, true});
        for (int i = 1; i <= 12; ++i) mouse_.push_back({cx + (tx - cx) * i / 12, cy + (ty - cy) * i / 12, true});
        for (int i = 0; i < 3; ++i) mouse_.push_back({tx, ty, true});
        for (int i = 0; i < 3; ++i) mouse_.push_back({tx, ty, false});
        dragged_ = id;
        dragged_to_ = f->kind;
        return true;
    }
    *error = "no fact card was on screen to drag";
    return false;
}

void Tour::inject(App&) {
    if (mouse_.empty()) return;
    Mouse m = mouse_.front();
    mouse_.pop_front();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(m.x, m.y);
    io.MouseDown[0] = m.down;
}

void Tour::before_frame(App& app) {
    if (done_) return;
    if (!mouse_.empty()) return;   // the scripted mouse is still moving
    if (wait_ > 0) {
        if (--wait_ == 0 && !requested_.empty()) app.request_screenshot(dir_ + "/" + requested_);
        else if (wait_ == 0) requested_.clear();
        return;
    }
    if (queue_.empty()) {
        done_ = true;
        app.quit(failures_.empty() ? 0 : 1);
        return;
    }
    Action a = std::move(queue_.front());
    queue_.pop_front();
    shot_.clear();
    std::string err;
    if (!a.fn(app, &err)) {
        failures_.push_back(a.what + ": " + (err.empty() ? "did not work" : err));
        // A step that keeps failing (the same words each time) stops the tour instead of looping.
        if (std::count(failures_.begin(), failures_.end(), failures_.back()) >= 3) {
            std::fprintf(stderr, "tour: giving up, this step keeps failing: %s\n", failures_.back().c_str());
            done_ = true;
            app.quit(1);
            return;
        }
    }
    requested_ = !shot_.empty() ? shot_ : a.shot;
    wait_ = kSettleFrames;
}

void Tour::after_render(App& app) {
    if (requested_.empty() || wait_ != 0) return;
    std::string path = dir_ + "/" + requested_;
    if (!app.last_screenshot_error.empty()) failures_.push_back("could not write " + path + ": " + app.last_screenshot_error);
    else written_.push_back(requested_);
    // No text or control may run past its panel in any picture.
    for (const auto& p : panels_running_over()) overruns_.push_back(requested_ + ": " + p);
    requested_.clear();
}

int Tour::finish(App&) {
    std::printf("tour: %zu pictures written to %s\n", written_.size(), dir_.c_str());
    for (const auto& w : written_) std::printf("  %s\n", w.c_str());
    if (written_.size() < 24) failures_.push_back("fewer than 24 pictures were written");
    for (const auto& o : overruns_) std::printf("tour: layout: %s\n", o.c_str());
    std::printf("tour: %zu panels ran past their edge\n", overruns_.size());
    for (const auto& f : failures_) std::fprintf(stderr, "tour: step failed: %s\n", f.c_str());
    std::fflush(stdout);
    return failures_.empty() ? 0 : 1;
}

}  // namespace sofs::ui
