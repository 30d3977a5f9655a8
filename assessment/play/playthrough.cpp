// The one playthrough; see playthrough.hpp for the contracts.
#include "play/playthrough.hpp"

#include "play/verdicts.hpp"
#include "progress/resume.hpp"

#include <algorithm>

namespace sofs::play {

std::string board_key(TaskKind k) {
    switch (k) {
        case TaskKind::DangerStatement: return "danger-statement";
        case TaskKind::SafetyGoal: return "safety-goal";
        case TaskKind::PastHarm: return "past-harm";
        case TaskKind::NextSteps: return "next-steps";
        case TaskKind::WordsAndPictures: return "words-and-pictures";
        case TaskKind::Scaling: return "scaling-reason";
        default: return "";
    }
}

namespace {
template <typename Place>
std::map<std::string, std::string> names_of(const std::map<std::string, Place>& places) {
    std::map<std::string, std::string> out;
    for (const auto& [what, place] : places) out[what] = to_string(place);
    return out;
}
template <typename Place, typename From>
std::map<std::string, Place> places_of(const std::map<std::string, std::string>& stored, From from) {
    std::map<std::string, Place> out;
    for (const auto& [what, name] : stored)
        if (std::optional<Place> p = from(name)) out[what] = *p;
    return out;
}
}  // namespace

std::map<std::string, std::string> stored_places(const std::map<std::string, FactKind>& placements) { return names_of(placements); }
std::map<std::string, std::string> stored_places(const std::map<std::string, House>& houses) { return names_of(houses); }
std::map<std::string, FactKind> fact_places(const std::map<std::string, std::string>& stored) {
    return places_of<FactKind>(stored, fact_kind_from);
}
std::map<std::string, House> house_places(const std::map<std::string, std::string>& stored) {
    return places_of<House>(stored, house_from);
}

Playthrough::Playthrough(std::shared_ptr<const Scenario> scenario, Setup setup)
    : scenario_(std::move(scenario)), setup_(std::move(setup)) {
    open("a fresh start was chosen");
}

void Playthrough::open(const std::string& fresh_because) {
    const Scenario& s = *scenario_;
    const bool can_save = setup_.store && setup_.trainee;
    std::string why_fresh = fresh_because;
    if (can_save && setup_.resume) {
        std::optional<progress::ResumePlan> plan;
        try {
            plan = progress::plan_resume(*setup_.store, setup_.trainee->id, s);
        } catch (const std::exception& e) {
            tell(std::string("Could not look for earlier work: ") + e.what(), true);
        }
        if (plan && plan->kind == progress::ResumePlan::Kind::Resume) {
            std::string why;
            if (auto restored = Session::restore(s, plan->transcript, &why, setup_.clock)) {
                session_.emplace(std::move(*restored));
                attempt_ = plan->attempt;
                committed_ = session_->transcript().events.size();
                resumed_ = true;
                try {
                    // This version of the case may be new to the store (a harmless edit).
                    setup_.store->remember_scenario(progress::facts_of(s));
                } catch (const std::exception& e) {
                    tell(std::string("Your work on this case cannot be saved: ") + e.what(), true);
                    attempt_.reset();
                }
                refill_board();
                tell("Welcome back. You are where you left off in \"" + s.title + "\".", false);
            } else {
                tell("Your earlier work on this case could not be picked up (" + why +
                         "); starting afresh. Nothing was deleted.",
                     true);
                why_fresh = "the saved work no longer fits the case (" + why + ")";
            }
        } else if (plan && plan->kind == progress::ResumePlan::Kind::Changed) {
            tell("This case has changed since you last played it (" + plan->why +
                     "). You are starting afresh; your earlier work is kept.",
                 false);
            why_fresh = plan->why;
        }
    }
    if (!session_) {
        session_.emplace(s, setup_.seed, setup_.clock);
        if (can_save) {
            try {
                attempt_ = setup_.store->begin_attempt(setup_.trainee->id, session_->transcript(),
                                                       progress::facts_of(s), why_fresh);
            } catch (const std::exception& e) {
                tell(std::string("Your work on this case cannot be saved: ") + e.what(), true);
            }
        }
    }
    commit_new_events();
    finish_if_ended();
}

// Answers already handed in fill the board; drafts (newer, not yet handed in) win.
void Playthrough::refill_board() {
    const Scenario& s = *scenario_;
    for (const auto& [task_id, ans] : session_->answers()) {
        const Task* t = s.task(task_id);
        if (!t) continue;
        if (t->kind == TaskKind::SortFacts) board_.placements.merge(fact_places(ans.placements));
        else if (t->kind == TaskKind::SafetyNetwork) board_.network = ans.picks;
        else if (std::string key = board_key(t->kind); !key.empty() && !ans.text.empty()) board_.texts[key] = ans.text;
    }
    if (!attempt_) return;
    std::vector<progress::Draft> drafts;
    try {
        drafts = setup_.store->drafts(attempt_->id);
    } catch (const std::exception& e) {
        tell(std::string("Your unsent writing could not be brought back: ") + e.what(), true);
    }
    for (const auto& d : drafts) {
        const Task* t = s.task(d.task);
        if (!t) continue;
        if (t->kind == TaskKind::SortFacts) {
            for (const auto& [fact, place] : fact_places(d.placements)) board_.placements[fact] = place;
        } else if (t->kind == TaskKind::ThreeHouses) {
            board_.houses = house_places(d.placements);
        } else if (std::string key = board_key(t->kind); !key.empty()) {
            board_.texts[key] = d.text;
        }
    }
}

std::vector<Notice> Playthrough::take_notices() {
    std::vector<Notice> out;
    out.swap(notices_);
    return out;
}

bool Playthrough::commit_new_events() {
    const auto& events = session_->transcript().events;
    for (; committed_ < events.size(); ++committed_) {
        const Event& e = events[committed_];
        if (attempt_) {
            try {
                setup_.store->record_event(attempt_->id, e, scenario_->content_hash);
            } catch (const std::exception& ex) {
                tell("Your last step (step " + std::to_string(e.step) + ") could not be saved: " + ex.what(), true);
                return false;
            }
        }
        if (setup_.on_saved) setup_.on_saved(e);
    }
    return true;
}

void Playthrough::finish_if_ended() {
    if (finished_ || !session_->ended() || committed_ < session_->transcript().events.size()) return;
    finished_ = true;
    if (setup_.guidance) {
        std::string problem;
        const Guidance* g = setup_.guidance(&problem);
        debrief_ = judge(session_->transcript(), *scenario_, g, &problem);
        if (!debrief_)
            tell("Feedback could not be worked out (" + problem + ")." +
                     (attempt_ ? " Your finished case is kept and will be assessed later." : ""),
                 true);
    }
    if (!attempt_) return;
    try {
        finish_assessed(*setup_.store, attempt_->id, session_->transcript(), debrief());
        finish_saved_ = true;
    } catch (const std::exception& e) {
        tell(std::string("Your finished case could not be saved: ") + e.what(), true);
    }
}

Outcome Playthrough::after(std::optional<ActionError> rejected) {
    Outcome o;
    if (rejected) {
        o.taken = false;
        o.problem = rejected->message;
        return o;
    }
    o.taken = true;
    std::size_t before = notices_.size();
    o.saved = commit_new_events();
    if (!o.saved) o.problem = notices_.size() > before ? notices_.back().text : "the step could not be saved";
    finish_if_ended();
    return o;
}

Outcome Playthrough::advance() { return after(session_->advance()); }
Outcome Playthrough::choose(const std::string& choice_id) { return after(session_->choose(choice_id)); }
Outcome Playthrough::answer(const Answer& a) { return after(session_->answer(a)); }

std::string Playthrough::draft_task(TaskKind kind) const {
    View v = session_->view();
    if (v.kind == View::Kind::Task && v.task && v.task->kind == kind) return v.task->id;
    for (const auto& scene : scenario_->scenes)
        if (scene.task && scene.task->kind == kind && !session_->answers().count(scene.task->id)) return scene.task->id;
    return "";
}

bool Playthrough::save_text_draft(const std::string& key, const std::string& text) {
    if (!attempt_) return true;
    for (TaskKind k : {TaskKind::DangerStatement, TaskKind::SafetyGoal, TaskKind::PastHarm, TaskKind::NextSteps,
                       TaskKind::Scaling, TaskKind::WordsAndPictures}) {
        if (board_key(k) != key) continue;
        std::string task = draft_task(k);
        if (task.empty()) return true;   // every task of this kind is answered: the answer holds the words
        try {
            setup_.store->save_draft(attempt_->id, task, text, {});
            return true;
        } catch (const std::exception& e) {
            tell(std::string("Your draft could not be saved: ") + e.what(), true);
            return false;
        }
    }
    return true;
}

bool Playthrough::save_placements_draft(TaskKind kind, const std::map<std::string, std::string>& placements) {
    if (!attempt_) return true;
    std::string task = draft_task(kind);
    if (task.empty()) return true;
    try {
        setup_.store->save_draft(attempt_->id, task, "", placements);
        return true;
    } catch (const std::exception& e) {
        tell(std::string("Your draft could not be saved: ") + e.what(), true);
        return false;
    }
}

bool Playthrough::place_fact(const std::string& fact_id, std::optional<FactKind> place) {
    if (!place) board_.placements.erase(fact_id);
    else board_.placements[fact_id] = *place;
    return save_placements_draft(TaskKind::SortFacts, stored_places(board_.placements));
}

bool Playthrough::write(const std::string& key, const std::string& text, bool keep) {
    board_.texts[key] = text;
    return !keep || save_text_draft(key, text);
}

const std::string& Playthrough::text(const std::string& key) const {
    static const std::string none;
    auto it = board_.texts.find(key);
    return it == board_.texts.end() ? none : it->second;
}

bool Playthrough::place_houses(const std::map<std::string, House>& houses) {
    board_.houses = houses;
    return save_placements_draft(TaskKind::ThreeHouses, stored_places(houses));
}

void Playthrough::pick_for_network(const std::string& person_id, bool chosen) {
    auto& n = board_.network;
    n.erase(std::remove(n.begin(), n.end(), person_id), n.end());
    if (chosen) n.push_back(person_id);
}

}  // namespace sofs::play
