// One playthrough: the state machine behind every screen, the headless player
// and the golden tests. Every change of state goes through one of the three
// actions, each recorded as a transcript event, so replaying the events
// (restore) rebuilds exactly the same state.
#include "runtime/session.hpp"

#include <algorithm>
#include <chrono>

namespace sofs {
namespace {

// splitmix64: a tiny, well-mixed generator; the same seed gives the same
// sequence on every platform.
std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

}  // namespace

Clock system_clock() {
    return [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch()).count();
    };
}

const char* to_string(Event::Kind k) {
    switch (k) {
        case Event::Kind::Start: return "start";
        case Event::Kind::Advance: return "advance";
        case Event::Kind::Choose: return "choose";
        case Event::Kind::Answer: return "answer";
        case Event::Kind::End: return "end";
    }
    return "";
}

std::optional<Event::Kind> event_kind_from(const std::string& s) {
    for (auto k : {Event::Kind::Start, Event::Kind::Advance, Event::Kind::Choose, Event::Kind::Answer,
                   Event::Kind::End})
        if (s == to_string(k)) return k;
    return std::nullopt;
}

Session::Session(const Scenario& scenario, std::uint64_t seed, Clock clock)
    : scenario_(&scenario), seed_(seed), rng_(seed), clock_(std::move(clock)) {
    if (!clock_) clock_ = system_clock();
    for (const auto& v : scenario.numbers) numbers_[v.name] = v.initial;
    transcript_.scenario = scenario.id;
    transcript_.content_hash = scenario.content_hash;
    transcript_.seed = seed;
    Event start;
    start.kind = Event::Kind::Start;
    start.scene = scenario.start;
    record(start);
    enter(scenario.start);
}

void Session::record(Event e) {
    e.step = static_cast<int>(transcript_.events.size());
    e.at_ms = clock_();
    transcript_.events.push_back(std::move(e));
}

void Session::enter(const std::string& scene_id) {
    scene_ = scene_id;
    last_choice_ = nullptr;
    pending_next_.clear();
    const Scene* s = scenario_->scene(scene_id);
    if (!s) return;  // a scenario with errors; view() shows an ending with nothing in it
    visited_.insert(scene_id);
    for (const auto& f : s->reveals)
        if (revealed_.insert(f).second) revealed_order_.push_back(f);
    if (s->shuffle) {
        std::vector<std::size_t> order(s->choices.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        for (std::size_t i = order.size(); i > 1; --i) {
            std::size_t j = static_cast<std::size_t>(splitmix64(rng_) % i);
            std::swap(order[i - 1], order[j]);
        }
        order_[scene_id] = std::move(order);
    }
    if (!s->ending.empty()) {
        Event end;
        end.kind = Event::Kind::End;
        end.scene = scene_id;
        end.ending = s->ending;
        record(end);
    }
}

void Session::apply(const Effects& e) {
    for (const auto& f : e.reveal)
        if (revealed_.insert(f).second) revealed_order_.push_back(f);
    for (const auto& [name, delta] : e.change) {
        int v = number(name) + delta;
        for (const auto& var : scenario_->numbers)
            if (var.name == name) v = std::clamp(v, var.min, var.max);
        numbers_[name] = v;
    }
    for (const auto& f : e.set) flags_.insert(f);
    for (const auto& f : e.clear) flags_.erase(f);
}

int Session::number(const std::string& name) const {
    auto it = numbers_.find(name);
    return it == numbers_.end() ? 0 : it->second;
}
bool Session::flag(const std::string& name) const { return flags_.count(name) > 0; }
bool Session::revealed(const std::string& fact_id) const { return revealed_.count(fact_id) > 0; }
bool Session::visited(const std::string& scene_id) const { return visited_.count(scene_id) > 0; }

bool Session::made(const std::string& scene_id, const std::string& choice_id) const {
    auto it = made_.find(scene_id);
    return it != made_.end() && it->second.count(choice_id) > 0;
}

bool Session::eval(const Condition& c) const {
    switch (c.op) {
        case Condition::Op::True: return true;
        case Condition::Op::Flag: return flag(c.name);
        case Condition::Op::Revealed: return revealed(c.name);
        case Condition::Op::Visited: return visited(c.name);
        case Condition::Op::Not: return c.args.empty() || !eval(c.args[0]);
        case Condition::Op::And:
            return std::all_of(c.args.begin(), c.args.end(), [this](const Condition& a) { return eval(a); });
        case Condition::Op::Or:
            return std::any_of(c.args.begin(), c.args.end(), [this](const Condition& a) { return eval(a); });
        case Condition::Op::Compare: {
            int v = number(c.name);
            switch (c.cmp) {
                case Condition::Cmp::Lt: return v < c.value;
                case Condition::Cmp::Le: return v <= c.value;
                case Condition::Cmp::Eq: return v == c.value;
                case Condition::Cmp::Ne: return v != c.value;
                case Condition::Cmp::Ge: return v >= c.value;
                case Condition::Cmp::Gt: return v > c.value;
            }
        }
    }
    return false;
}

View Session::view() const {
    View v;
    const Scene* s = scenario_->scene(scene_);
    v.scene = s;
    if (!s) {
        v.kind = View::Kind::Ending;
        return v;
    }
    for (const auto& l : s->lines)
        if (!l.when || eval(*l.when)) v.lines.push_back(&l);
    v.last_choice = last_choice_;
    if (last_choice_)
        for (const auto& l : last_choice_->reply)
            if (!l.when || eval(*l.when)) v.reply.push_back(&l);
    if (!s->ending.empty()) {
        v.kind = View::Kind::Ending;
        v.ending = scenario_->ending(s->ending);
        return v;
    }
    if (!pending_next_.empty()) {
        v.kind = View::Kind::Narration;
        return v;
    }
    auto offer = [&](const Choice& c) {
        if (made(scene_, c.id)) return;
        if (c.when && !eval(*c.when)) return;
        v.choices.push_back(&c);
    };
    auto order = order_.find(scene_);
    if (s->shuffle && order != order_.end()) {
        for (std::size_t i : order->second) offer(s->choices[i]);
    } else {
        for (const auto& c : s->choices) offer(c);
    }
    if (!v.choices.empty()) {
        v.kind = View::Kind::Choices;
    } else if (s->task) {
        v.kind = View::Kind::Task;
        v.task = &*s->task;
    } else {
        v.kind = View::Kind::Narration;
    }
    return v;
}

bool Session::ended() const {
    return !transcript_.events.empty() && transcript_.events.back().kind == Event::Kind::End;
}

std::optional<ActionError> Session::advance() {
    if (ended()) return ActionError{"the scenario has ended"};
    View v = view();
    if (v.kind != View::Kind::Narration) {
        return ActionError{std::string("scene '") + scene_ + "' is waiting for " +
                           (v.kind == View::Kind::Choices ? "a choice" : "an answer to its task")};
    }
    std::string target = pending_next_;
    if (target.empty() && v.scene) target = v.scene->next;
    if (target.empty()) return ActionError{"scene '" + scene_ + "' has no way on"};
    Event e;
    e.kind = Event::Kind::Advance;
    e.scene = scene_;
    record(e);
    enter(target);
    return std::nullopt;
}

std::optional<ActionError> Session::choose(const std::string& choice_id) {
    if (ended()) return ActionError{"the scenario has ended"};
    View v = view();
    const Choice* picked = nullptr;
    for (const Choice* c : v.choices)
        if (c->id == choice_id) picked = c;
    if (!picked) {
        bool here = false;
        if (v.scene)
            for (const auto& c : v.scene->choices) here = here || c.id == choice_id;
        if (!here) return ActionError{"scene '" + scene_ + "' has no choice '" + choice_id + "'"};
        if (made(scene_, choice_id))
            return ActionError{"choice '" + choice_id + "' has already been made in scene '" + scene_ + "'"};
        return ActionError{"choice '" + choice_id + "' is not offered now in scene '" + scene_ + "'"};
    }
    Event e;
    e.kind = Event::Kind::Choose;
    e.scene = scene_;
    e.choice = choice_id;
    record(e);
    made_[scene_].insert(choice_id);
    apply(picked->effects);
    last_choice_ = picked;
    if (!picked->next.empty()) {
        bool has_reply = false;
        for (const auto& l : picked->reply) has_reply = has_reply || !l.when || eval(*l.when);
        if (has_reply) {
            pending_next_ = picked->next;
        } else {
            enter(picked->next);
        }
    }
    return std::nullopt;
}

std::optional<ActionError> Session::check_answer(const Scenario& scenario, const Task& task, const Answer& a) {
    if (a.task != task.id) return ActionError{"the answer is for task '" + a.task + "', but the task here is '" + task.id + "'"};
    auto has_text = [&] { return a.text.find_first_not_of(" \t\r\n") != std::string::npos; };
    switch (task.kind) {
        case TaskKind::DangerStatement: case TaskKind::SafetyGoal: case TaskKind::PastHarm:
        case TaskKind::NextSteps: case TaskKind::WordsAndPictures:
            if (!has_text()) return ActionError{"the answer to task '" + task.id + "' is empty"};
            break;
        case TaskKind::Scaling:
            if (a.number < 0 || a.number > 10)
                return ActionError{"a scaling answer needs a number from 0 to 10, not " + std::to_string(a.number)};
            break;
        case TaskKind::SortFacts:
            for (const auto& [fact, place] : a.placements) {
                if (!scenario.fact(fact)) return ActionError{"the answer places unknown fact '" + fact + "'"};
                if (!fact_kind_from(place))
                    return ActionError{"fact '" + fact + "' is placed in '" + place +
                                       "', which is not a column of the mapping"};
            }
            break;
        case TaskKind::ThreeHouses:
            for (const auto& [item, house] : a.placements)
                if (!house_from(house))
                    return ActionError{"'" + item + "' is placed in '" + house +
                                       "'; the houses are worries, good-things and dreams"};
            break;
        case TaskKind::SafetyNetwork:
            for (const auto& p : a.picks)
                if (!scenario.person(p)) return ActionError{"the answer picks unknown person '" + p + "'"};
            break;
    }
    return std::nullopt;
}

std::optional<ActionError> Session::answer(const Answer& a) {
    if (ended()) return ActionError{"the scenario has ended"};
    View v = view();
    if (v.kind != View::Kind::Task || !v.task)
        return ActionError{"scene '" + scene_ + "' has no task waiting for an answer"};
    if (auto err = check_answer(*scenario_, *v.task, a)) return err;
    Event e;
    e.kind = Event::Kind::Answer;
    e.scene = scene_;
    e.answer = a;
    record(e);
    answers_[a.task] = a;
    std::string target = v.task->next.empty() ? v.scene->next : v.task->next;
    if (!target.empty()) enter(target);
    return std::nullopt;
}

std::optional<Session> Session::restore(const Scenario& scenario, const Transcript& t, std::string* why,
                                        Clock clock) {
    auto fail = [&](const std::string& msg) -> std::optional<Session> {
        if (why) *why = msg;
        return std::nullopt;
    };
    if (!t.scenario.empty() && t.scenario != scenario.id)
        return fail("the saved attempt is for scenario '" + t.scenario + "', not '" + scenario.id + "'");
    if (t.events.empty() || t.events[0].kind != Event::Kind::Start)
        return fail("the saved attempt does not begin with a start");
    if (!scenario.scene(t.events[0].scene))
        return fail("the saved attempt starts in scene '" + t.events[0].scene + "', which no longer exists");
    if (t.events[0].scene != scenario.start)
        return fail("the scenario now starts in scene '" + scenario.start + "', not '" + t.events[0].scene + "'");
    Session s(scenario, t.seed, std::move(clock));
    for (std::size_t i = 1; i < t.events.size(); ++i) {
        const Event& e = t.events[i];
        const std::string at = "step " + std::to_string(i) + ": ";
        if (e.kind == Event::Kind::End) {
            if (s.transcript_.events.size() <= i || s.transcript_.events[i].kind != Event::Kind::End)
                return fail(at + "the saved attempt ended, but the scenario does not end in scene '" + s.scene_ + "' any more");
            if (s.transcript_.events[i].ending != e.ending)
                return fail(at + "the saved attempt ended with '" + e.ending + "', but the scenario now ends with '" +
                            s.transcript_.events[i].ending + "'");
            continue;
        }
        if (s.transcript_.events.size() != i)
            return fail(at + "the scenario now ends before the saved attempt did");
        if (!scenario.scene(e.scene)) return fail(at + "scene '" + e.scene + "' no longer exists");
        if (e.scene != s.scene_)
            return fail(at + "the saved attempt was in scene '" + e.scene + "', but the scenario now leads to '" +
                        s.scene_ + "'");
        std::optional<ActionError> err;
        switch (e.kind) {
            case Event::Kind::Advance: err = s.advance(); break;
            case Event::Kind::Choose:
                if (!scenario.choice(e.choice)) return fail(at + "choice '" + e.choice + "' no longer exists");
                err = s.choose(e.choice);
                break;
            case Event::Kind::Answer:
                if (!scenario.task(e.answer.task)) return fail(at + "task '" + e.answer.task + "' no longer exists");
                err = s.answer(e.answer);
                break;
            default:
                return fail(at + "a second start in the saved attempt");
        }
        if (err) return fail(at + err->message);
    }
    // Keep the original times; events the replay added after the saved ones
    // (an End the crash stopped from being saved) keep their new times.
    for (std::size_t i = 0; i < t.events.size() && i < s.transcript_.events.size(); ++i)
        s.transcript_.events[i].at_ms = t.events[i].at_ms;
    return s;
}

}  // namespace sofs
