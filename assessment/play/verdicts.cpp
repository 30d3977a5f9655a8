// Storing the assessor's judgement of a finished attempt; see verdicts.hpp.
#include "play/verdicts.hpp"

#include "runtime/session.hpp"
#include "rubric/text/words.hpp"

namespace sofs::play {

using progress::NewVerdict;

const std::map<std::string, std::string>& criterion_names() {
    // Read once, on first use: the names never change while a program runs.
    static const std::map<std::string, std::string> names = Guidance::criterion_names(Guidance::default_dir(), nullptr);
    return names;
}

const char* criterion_title(const std::string& id) {
    const auto& names = criterion_names();
    auto it = names.find(id);
    return it != names.end() && !it->second.empty() ? it->second.c_str() : id.c_str();
}

namespace {

// The task a check is on, by its id's prefix: "" for a check across the
// attempt, and for past harm and the safety network, whose names say it.
const char* task_of(const std::string& id) {
    struct Task { const char* prefix; const char* name; };
    static const Task kTasks[] = {
        {"DS-", "Danger statement: "}, {"SG-", "Safety goal: "},          {"SC-", "Safety scale: "},
        {"NS-", "Next steps: "},       {"MAP-", "Mapping: "},             {"WP-", "Words and pictures: "},
        {"TH-", "Three houses: "},
    };
    for (const auto& t : kTasks)
        if (id.rfind(t.prefix, 0) == 0) return t.name;
    return "";
}

}  // namespace

std::string criterion_title_on_task(const std::string& id) { return task_of(id) + std::string(criterion_title(id)); }

std::map<std::string, std::string> on_task(const std::map<std::string, std::string>& names) {
    std::map<std::string, std::string> out;
    for (const auto& [id, name] : names) out[id] = task_of(id) + name;
    return out;
}

std::vector<NewVerdict> verdict_rows(const Debrief& d) {
    std::vector<NewVerdict> out;
    auto add = [&](const std::string& task, const Verdict& v) {
        out.push_back({task, v.criterion, v.met, v.evidence_words, v.explanation, v.guidance});
    };
    for (const auto& t : d.tasks)
        for (const auto& v : t.verdicts) add(t.task, v);
    for (const auto& v : d.overall) add("", v);
    return out;
}

std::optional<Debrief> judge(const Transcript& t, const Scenario& s, const Guidance* guidance, std::string* problem) {
    if (!guidance) {
        if (problem && problem->empty()) *problem = "the practice guidance could not be loaded";
        return std::nullopt;
    }
    try {
        return assess(t, s, *guidance);
    } catch (const std::exception& e) {
        if (problem) *problem = e.what();
        return std::nullopt;
    }
}

void finish_assessed(progress::Store& store, progress::Id attempt, const Transcript& t, const Debrief* debrief) {
    std::string ending;
    for (const auto& e : t.events)
        if (e.kind == Event::Kind::End) ending = e.ending;
    store.finish_attempt(attempt, ending, debrief ? verdict_rows(*debrief) : std::vector<NewVerdict>{});
}

PendingResult assess_pending(progress::Store& store, const std::vector<std::shared_ptr<const Scenario>>& library,
                             const Guidance& guidance) {
    PendingResult r;
    for (const auto& a : store.unassessed_attempts()) {
        const Scenario* s = nullptr;
        for (const auto& x : library)
            if (x && x->id == a.scenario) s = x.get();
        const std::string which = "attempt " + std::to_string(a.id) + " (" + a.person_name + ", " + a.scenario + ")";
        if (!s) {
            r.skipped.push_back(which + ": no scenario with that id was found");
            continue;
        }
        Transcript t = store.transcript(a.id);
        std::string why;
        if (!Session::restore(*s, t, &why)) {
            r.skipped.push_back(which + ": the scenario has changed since (" + why + ")");
            continue;
        }
        auto rows = verdict_rows(assess(t, *s, guidance));
        if (rows.empty()) {
            r.skipped.push_back(which + ": the assessor found nothing to judge");
            continue;
        }
        store.add_verdicts(a.id, rows);
        ++r.assessed;
    }
    return r;
}

}  // namespace sofs::play
