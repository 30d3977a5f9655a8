// Reading a live session for its export (session_export.hpp).
#include "session_export.hpp"

#include "play/reread.hpp"
#include "play/verdicts.hpp"
#include "rubric/assess.hpp"

#include <algorithm>
#include <optional>

namespace sofs::live {

MarksFor assessor_marks(std::shared_ptr<const Scenario> scenario, std::shared_ptr<const Guidance> guidance) {
    return [scenario, guidance](WallKind kind, const std::string& text) {
        std::vector<Mark> marks;
        if (!scenario || !guidance) return marks;
        auto verdicts = kind == WallKind::Danger ? assess_danger_statement(text, *scenario, *guidance)
                                                 : assess_safety_goal(text, *scenario, *guidance);
        for (const auto& v : verdicts) marks.push_back({v.criterion, v.met, play::criterion_title(v.criterion)});
        return marks;
    };
}

std::map<std::string, std::string> latest_answers(progress::PgStore& store, const progress::Actor& viewer,
                                                  const std::string& member, const std::string& scenario) {
    std::map<std::string, std::string> answers;
    auto person = store.find_person(member);
    if (!person) return answers;
    std::optional<progress::Attempt> latest;
    for (const auto& a : store.attempts(viewer, person->id))
        if (a.scenario == scenario && (!latest || a.id > latest->id)) latest = a;
    if (!latest) return answers;
    for (const auto& e : store.transcript(latest->id).events)
        if (e.kind == Event::Kind::Answer)
            answers[e.answer.task] =
                e.answer.number >= 0 && e.answer.text.empty() ? std::to_string(e.answer.number) : e.answer.text;
    return answers;
}

std::vector<WallItem> wall_items(const std::vector<MemberAnswers>& answers,
                                 const Scenario* sc, const MarksFor& marks) {
    std::vector<WallItem> items;
    for (const auto& [name, by_task] : answers)
        for (const auto& [task, text] : by_task) {
            const Task* t = sc ? sc->task(task) : nullptr;
            if (!t || (t->kind != TaskKind::DangerStatement && t->kind != TaskKind::SafetyGoal) || text.empty()) continue;
            WallItem w;
            w.key = name + "\n" + task;
            w.kind = t->kind == TaskKind::DangerStatement ? WallKind::Danger : WallKind::Goal;
            w.text = text;
            if (marks) w.marks = marks(w.kind, text);
            items.push_back(std::move(w));
        }
    return items;
}

void apply_wall_marks(Wall& wall, progress::PgStore& store, progress::Id session) {
    for (const auto& [key, mark] : store.wall_marks(session)) {
        wall.pin(key, mark.pinned);
        wall.hide(key, mark.hidden);
    }
}

std::vector<Improved> improved_statements(progress::PgStore& store, progress::Id session, const MarksFor& marks) {
    std::vector<Improved> out;
    for (const auto& imp : store.improvements(session)) {
        Improved i;
        i.kind = imp.kind == "danger" ? WallKind::Danger : WallKind::Goal;
        i.original = imp.original;
        for (const auto& p : store.proposals(imp.id))
            i.edits.push_back({p.text, marks ? marks(i.kind, p.text) : std::vector<Mark>{}, imp.picked && *imp.picked == p.id});
        out.push_back(std::move(i));
    }
    return out;
}

std::vector<Placed> revealed_places(progress::PgStore& store, progress::Id session, const std::string& task, int round) {
    std::vector<Placed> out;
    for (const auto& c : store.revealed_placements(session, task, round))
        if (std::optional<Place> p = place_from(c.place)) out.push_back({c.fact, *p, c.count});
    return out;
}

std::vector<VoteRecord> revealed_votes(progress::PgStore& store, progress::Id session, const Scenario* sc) {
    std::vector<VoteRecord> out;
    std::vector<std::string> tasks;
    auto rounds = store.vote_rounds(session);
    for (const auto& r : rounds)
        if (r.revealed && std::find(tasks.begin(), tasks.end(), r.task) == tasks.end()) tasks.push_back(r.task);
    for (const auto& task : tasks) {
        VoteRecord v;
        const Task* t = sc ? sc->task(task) : nullptr;
        v.title = t ? play::task_label(t->kind) + ": " + shorten(t->prompt, 90) : task;
        v.sorting = t && (t->kind == TaskKind::SortFacts || t->kind == TaskKind::ThreeHouses);
        if (sc && !v.sorting) {
            const ScalingKey& key = sc->scaling_key(task);
            v.low = key.low;
            v.high = key.high;
            v.expert = key.expert;
        }
        v.fact_text = [sc](const std::string& id) {
            const Fact* f = sc ? sc->fact(id) : nullptr;
            return f ? f->text : id;
        };
        for (const auto& r : rounds) {
            if (r.task != task || !r.revealed) continue;
            v.round_numbers.push_back(r.round);
            auto numbers = store.revealed_votes(session, task, r.round);
            std::vector<Placed> placed;
            if (numbers.empty() || v.sorting) placed = revealed_places(store, session, task, r.round);
            if (!placed.empty()) v.sorting = true;
            v.numbers.push_back(std::move(numbers));
            v.placements.push_back(std::move(placed));
        }
        out.push_back(std::move(v));
    }
    return out;
}

std::string export_markdown(const SessionExport& e) {
    std::string title = "Statement wall, live session " + e.join_code;
    if (!e.case_title.empty()) title += " (" + e.case_title + ")";
    return e.wall.markdown(title) + improvements_markdown(e.improved) + votes_markdown(e.votes);
}

std::string export_csv(const SessionExport& e) { return session_csv(e.wall, e.improved, e.votes); }

std::string export_file_name(const SessionExport& e, bool markdown) {
    return export_name(e.join_code, "wall", markdown ? "md" : "csv");
}

SessionExport read_session(progress::PgStore& store, const progress::PgStore::LiveSessionInfo& info,
                           std::shared_ptr<const Scenario> scenario, const MarksFor& marks) {
    SessionExport e;
    e.join_code = info.join_code;
    if (scenario) e.case_title = scenario->title;
    const progress::Actor viewer = store.me();
    std::vector<MemberAnswers> answers;
    for (const auto& w : store.room(info.id))
        if (w.step >= 0) answers.push_back({w.name, latest_answers(store, viewer, w.name, info.scenario)});
    e.wall.update(wall_items(answers, scenario.get(), marks));
    apply_wall_marks(e.wall, store, info.id);
    e.improved = improved_statements(store, info.id, marks);
    e.votes = revealed_votes(store, info.id, scenario.get());
    return e;
}

}  // namespace sofs::live
