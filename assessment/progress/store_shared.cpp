// What both stores do the same way; see store_shared.hpp.
#include "store_shared.hpp"

#include "codec/transcript_json.hpp"

#include <nlohmann/json.hpp>

namespace sofs::progress {

std::string placements_to_json(const std::map<std::string, std::string>& placements) {
    return nlohmann::json(placements).dump();
}

std::map<std::string, std::string> placements_from_json(const std::string& stored) {
    std::map<std::string, std::string> out;
    nlohmann::json j = nlohmann::json::parse(stored, nullptr, false);
    if (j.is_object())
        for (auto& [k, v] : j.items())
            if (v.is_string()) out[k] = v.get<std::string>();
    return out;
}

std::vector<Id> people_for_cohort(Accounts& accounts, const std::vector<std::string>& names, const std::string& where,
                                  const std::string& cohort) {
    std::vector<Id> ids;
    std::string unknown;
    for (const auto& name : names) {
        if (auto p = accounts.find_person(name)) ids.push_back(p->id);
        else unknown += (unknown.empty() ? "'" : ", '") + name + "'";
    }
    if (!unknown.empty())
        throw StoreError(StoreError::Kind::NotFound, "there is no one called " + unknown + " in '" + where +
                                                         "' (add them first with sofs user add); no one was added to '" +
                                                         cohort + "'");
    return ids;
}

Attempt existing_attempt(const std::optional<Attempt>& a, Id id) {
    if (!a) throw StoreError(StoreError::Kind::NotFound, "there is no attempt " + std::to_string(id));
    return *a;
}

Event stored_event(int step, const std::string& kind, std::string scene, std::string choice, const std::string& answer,
                   std::string ending, std::int64_t at_ms) {
    Event e;
    e.step = step;
    e.kind = event_kind_from(kind).value_or(Event::Kind::Advance);
    e.scene = std::move(scene);
    e.choice = std::move(choice);
    if (e.kind == Event::Kind::Answer) e.answer = answer_from_stored(answer);
    e.ending = std::move(ending);
    e.at_ms = at_ms;
    return e;
}

Transcript transcript_header(const Attempt& a) {
    Transcript t;
    t.scenario = a.scenario;
    t.content_hash = a.content_hash;
    t.seed = a.seed;
    return t;
}

void join_overrides(std::vector<StoredVerdict>& verdicts, std::vector<Override> overrides) {
    std::map<Id, std::size_t> index;
    for (std::size_t i = 0; i < verdicts.size(); ++i) index[verdicts[i].id] = i;
    for (auto& o : overrides) {
        auto& v = verdicts[index.at(o.verdict)];
        v.met = o.met;  // the latest trainer's decision is what the trainee sees
        v.overrides.push_back(std::move(o));
    }
}

std::vector<ScenarioProgress> with_assigned(std::vector<ScenarioProgress> played, const std::vector<std::string>& assigned) {
    std::map<std::string, ScenarioProgress> by;
    for (auto& p : played) {
        std::string id = p.scenario;
        by[id] = std::move(p);
    }
    for (const auto& id : assigned) {
        auto& p = by[id];
        p.scenario = id;
        p.assigned = true;
    }
    std::vector<ScenarioProgress> out;
    for (auto& [k, v] : by) out.push_back(std::move(v));
    return out;
}

}  // namespace sofs::progress
