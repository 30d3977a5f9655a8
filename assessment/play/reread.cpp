// Rereading a finished attempt: the conversation replayed from its events,
// the answers in words, the stored feedback with trainers' words beside it.
#include "reread.hpp"

#include "model/places.hpp"
#include "runtime/session.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace sofs::play {

namespace pg = sofs::progress;

std::string task_label(TaskKind kind) {
    switch (kind) {
        case TaskKind::DangerStatement: return "Danger statement";
        case TaskKind::SafetyGoal: return "Safety goal";
        case TaskKind::PastHarm: return "What has happened (past harm)";
        case TaskKind::SortFacts: return "Sorting what you learnt";
        case TaskKind::Scaling: return "Safety scale";
        case TaskKind::ThreeHouses: return "The Three Houses";
        case TaskKind::SafetyNetwork: return "Safety network";
        case TaskKind::NextSteps: return "Next steps";
        case TaskKind::WordsAndPictures: return "Words and Pictures";
    }
    return "A task";
}

namespace {

// A placement as stored (the engine's name of a map section or a house),
// read into its type here and named as every screen names it.
std::string section_words(const std::string& s) {
    if (std::optional<FactKind> k = fact_kind_from(s)) return display_name(*k);
    if (std::optional<House> h = house_from(s)) return display_name(*h);
    return "another place";
}

std::string person_name(const Scenario& s, const std::string& id) {
    if (const Person* p = s.person(id)) return p->name;
    return "someone";
}

RereadAnswer answer_words(const Scenario* s, const Answer& a) {
    RereadAnswer out;
    out.task = a.task;
    const Task* t = s ? s->task(a.task) : nullptr;
    out.label = t ? task_label(t->kind) : (a.number >= 0 ? "Safety scale" : "An answer");
    out.prompt = t ? t->prompt : "";
    TaskKind kind = t ? t->kind : (a.number >= 0 ? TaskKind::Scaling : TaskKind::DangerStatement);
    switch (kind) {
        case TaskKind::Scaling:
            out.lines.push_back("Your number: " + std::to_string(a.number) + " out of 10");
            out.lines.push_back(a.text.empty() ? "(no reason written)" : "Why: " + a.text);
            break;
        case TaskKind::SortFacts:
            for (const auto& [fact, place] : a.placements) {
                const Fact* f = s ? s->fact(fact) : nullptr;
                if (f) out.lines.push_back(f->text + " \u2192 " + section_words(place));
            }
            if (out.lines.empty()) out.lines.push_back("(no cards placed)");
            break;
        case TaskKind::ThreeHouses:
            for (const auto& [item, house] : a.placements) out.lines.push_back(item + " \u2192 " + section_words(house));
            if (out.lines.empty()) out.lines.push_back("(nothing placed)");
            break;
        case TaskKind::SafetyNetwork:
            for (const auto& p : a.picks) out.lines.push_back(s ? person_name(*s, p) : "someone");
            if (out.lines.empty()) out.lines.push_back("(nobody chosen)");
            break;
        default:
            out.lines.push_back(a.text.empty() ? "(nothing written)" : a.text);
    }
    return out;
}

// Replays `t` through a session, writing what was on screen as it happened.
void replay(const Scenario& s, const Transcript& t, Reread& r) {
    if (t.events.empty()) return;
    Session session(s, t.seed, [] { return std::int64_t{0}; });
    std::string shown;
    auto line = [&](const Line& l, RereadLine::Kind speech) {
        if (l.speaker == "narrator" || !s.person(l.speaker)) r.conversation.push_back({RereadLine::Kind::Narration, "", l.text});
        else r.conversation.push_back({speech, person_name(s, l.speaker), l.text});
    };
    auto show_scene = [&](const View& v) {
        if (!v.scene || v.scene->id == shown) return;
        shown = v.scene->id;
        r.conversation.push_back({RereadLine::Kind::Scene, v.scene->place, v.scene->title});
        for (const Line* l : v.lines) line(*l, RereadLine::Kind::Speech);
    };
    auto stop = [&](const std::string& why) {
        r.problem = "The case has been changed since you played it, so the conversation can only be shown up to "
                    "this point (" + why + "). Your answers and the feedback below are as they were.";
    };
    for (std::size_t i = 1; i < t.events.size(); ++i) {
        const Event& e = t.events[i];
        View v = session.view();
        show_scene(v);
        std::optional<ActionError> err;
        switch (e.kind) {
            case Event::Kind::Start: break;
            case Event::Kind::Advance: err = session.advance(); break;
            case Event::Kind::Choose: {
                const Choice* c = s.choice(e.choice);
                if (!c) return stop("a move you made is no longer in it");
                r.conversation.push_back({RereadLine::Kind::Move, "", c->text});
                err = session.choose(e.choice);
                if (err) break;
                View after = session.view();
                if (after.last_choice == c)
                    for (const Line* l : after.reply) line(*l, RereadLine::Kind::Reply);
                else
                    for (const auto& l : c->reply)
                        if (!l.when || session.eval(*l.when)) line(l, RereadLine::Kind::Reply);
                if (!c->feedback.empty()) r.conversation.push_back({RereadLine::Kind::MoveFeedback, "", c->feedback});
                break;
            }
            case Event::Kind::Answer: {
                if (!s.task(e.answer.task)) return stop("a task you answered is no longer in it");
                const Task* task = s.task(e.answer.task);
                r.conversation.push_back({RereadLine::Kind::Answer, "", "You handed in: " + task_label(task->kind)});
                err = session.answer(e.answer);
                break;
            }
            case Event::Kind::End: break;
        }
        if (err) return stop("it no longer goes the way it went for you");
    }
    View v = session.view();
    show_scene(v);
    if (v.ending) {
        r.conversation.push_back({RereadLine::Kind::Ending, "", v.ending->title});
        if (!v.ending->debrief.empty()) r.conversation.push_back({RereadLine::Kind::Narration, "", v.ending->debrief});
    }
}

}  // namespace

Reread reread(pg::Store& store, const pg::Actor& who, pg::Id attempt_id, const Scenario* scenario,
              const std::map<std::string, std::string>& check_names) {
    Reread r;
    auto a = store.attempt(who, attempt_id);  // access-checked
    if (!a) throw pg::StoreError(pg::StoreError::Kind::NotFound, "there is no attempt " + std::to_string(attempt_id));
    r.attempt = *a;
    if (scenario && scenario->id != a->scenario) scenario = nullptr;
    r.title = scenario ? scenario->title : "A practice case";
    if (scenario)
        if (const Ending* e = scenario->ending(a->ending)) r.ending = e->title;

    Transcript t = store.transcript(attempt_id);
    if (scenario) replay(*scenario, t, r);
    else r.problem = "The case file is no longer in the case list, so the conversation cannot be shown. Your answers "
                     "and the feedback below are as they were.";

    // The last answer to each task, in the order first handed in.
    std::vector<std::string> order;
    std::map<std::string, Answer> last;
    for (const auto& e : t.events) {
        if (e.kind != Event::Kind::Answer) continue;
        if (!last.count(e.answer.task)) order.push_back(e.answer.task);
        last[e.answer.task] = e.answer;
    }
    for (const auto& task : order) r.answers.push_back(answer_words(scenario, last[task]));

    // Feedback by task, in the answers' order; comments beside their check.
    auto comments = store.comments(who, attempt_id);
    std::vector<pg::StoredVerdict> verdicts = store.verdicts(who, attempt_id);
    std::vector<std::string> task_order = order;
    for (const auto& v : verdicts)
        if (std::find(task_order.begin(), task_order.end(), v.task) == task_order.end()) task_order.push_back(v.task);
    std::set<pg::Id> placed;
    for (const auto& task : task_order) {
        RereadTask rt;
        rt.task = task;
        const Task* st = scenario && !task.empty() ? scenario->task(task) : nullptr;
        rt.label = st ? task_label(st->kind) : task.empty() ? "The case as a whole" : "A task";
        for (const auto& v : verdicts) {
            if (v.task != task) continue;
            RereadCheck c;
            c.criterion = v.criterion;
            auto n = check_names.find(v.criterion);
            c.name = n != check_names.end() && !n->second.empty() ? n->second : "A practice check";
            c.met = v.met;
            c.assessor_met = v.assessor_met;
            c.evidence_words = v.evidence_words;
            c.explanation = v.explanation;
            c.overrides = v.overrides;
            for (const auto& cm : comments)
                if (cm.criterion == v.criterion && (cm.task.empty() || cm.task == v.task)) {
                    c.comments.push_back(cm);
                    placed.insert(cm.id);
                }
            rt.checks.push_back(std::move(c));
        }
        if (!rt.checks.empty()) r.feedback.push_back(std::move(rt));
    }
    for (const auto& cm : comments)
        if (!placed.count(cm.id)) r.case_comments.push_back(cm);
    return r;
}

}  // namespace sofs::play
