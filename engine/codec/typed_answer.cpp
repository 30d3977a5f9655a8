// Typed answers and their one conversion from and to the loose form; see typed_answer.hpp.
#include "codec/typed_answer.hpp"

#include "codec/transcript_json.hpp"

namespace sofs {

using nlohmann::json;

namespace {

bool written(TaskKind k) {
    return k == TaskKind::DangerStatement || k == TaskKind::SafetyGoal || k == TaskKind::PastHarm ||
           k == TaskKind::NextSteps || k == TaskKind::WordsAndPictures;
}

bool fail(std::string* error, const Answer& a, TaskKind kind, const std::string& what) {
    if (error) *error = "the answer to task '" + a.task + "' (" + to_string(kind) + ") " + what;
    return false;
}

// The fields a kind does not use must be empty.
bool only_uses(const Answer& a, TaskKind kind, bool text, bool placements, bool number, bool picks, std::string* error) {
    if (!text && !a.text.empty()) return fail(error, a, kind, "has text, which this kind of task does not use");
    if (!placements && !a.placements.empty())
        return fail(error, a, kind, "has placements, which this kind of task does not use");
    if (!number && a.number != -1) return fail(error, a, kind, "has a number, which this kind of task does not use");
    if (!picks && !a.picks.empty()) return fail(error, a, kind, "has picks, which this kind of task does not use");
    return true;
}

}  // namespace

std::optional<TypedAnswer> typed_answer(const Answer& a, TaskKind kind, std::string* error) {
    TypedAnswer t;
    t.task = a.task;
    t.kind = kind;
    if (written(kind)) {
        if (!only_uses(a, kind, true, false, false, false, error)) return std::nullopt;
        t.value = WrittenAnswer{a.text};
    } else if (kind == TaskKind::SortFacts) {
        if (!only_uses(a, kind, false, true, false, false, error)) return std::nullopt;
        SortedFacts v;
        for (const auto& [fact, place] : a.placements) {
            auto k = fact_kind_from(place);
            if (!k) {
                fail(error, a, kind, "puts fact '" + fact + "' in '" + place +
                                         "', which is not a place in the mapping (past-harm, complicating-factor, "
                                         "strength, existing-safety, distractor)");
                return std::nullopt;
            }
            v.placements[fact] = *k;
        }
        t.value = std::move(v);
    } else if (kind == TaskKind::Scaling) {
        if (!only_uses(a, kind, true, false, true, false, error)) return std::nullopt;
        if (a.number < -1 || a.number > 10) {
            fail(error, a, kind, "has the number " + std::to_string(a.number) + ", outside 0 to 10");
            return std::nullopt;
        }
        t.value = ScalingAnswer{a.number, a.text};
    } else if (kind == TaskKind::ThreeHouses) {
        if (!only_uses(a, kind, false, true, false, false, error)) return std::nullopt;
        HousesAnswer v;
        for (const auto& [item, place] : a.placements) {
            auto h = house_from(place);
            if (!h) {
                fail(error, a, kind, "puts '" + item + "' in '" + place +
                                         "', which is not one of the houses (worries, good-things, dreams)");
                return std::nullopt;
            }
            v.placements[item] = *h;
        }
        t.value = std::move(v);
    } else {   // SafetyNetwork
        if (!only_uses(a, kind, false, false, false, true, error)) return std::nullopt;
        t.value = NetworkAnswer{a.picks};
    }
    return t;
}

Answer loose_answer(const TypedAnswer& t) {
    Answer a;
    a.task = t.task;
    std::visit(
        [&a](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, WrittenAnswer>) {
                a.text = v.text;
            } else if constexpr (std::is_same_v<V, SortedFacts>) {
                for (const auto& [fact, k] : v.placements) a.placements[fact] = to_string(k);
            } else if constexpr (std::is_same_v<V, ScalingAnswer>) {
                a.number = v.number;
                a.text = v.reason;
            } else if constexpr (std::is_same_v<V, HousesAnswer>) {
                for (const auto& [item, h] : v.placements) a.placements[item] = to_string(h);
            } else {
                a.picks = v.picks;
            }
        },
        t.value);
    return a;
}

void to_json(json& j, const TypedAnswer& t) {
    j = json(loose_answer(t));   // the loose answer's fields (transcript_json.hpp) ...
    j["kind"] = to_string(t.kind);   // ... with the kind that reads them
}

void from_json(const json& j, TypedAnswer& t) {
    const auto name = j.at("kind").get<std::string>();
    auto kind = task_kind_from(name);
    if (!kind) throw json::other_error::create(501, "unknown task kind '" + name + "'", &j);
    std::string error;
    auto typed = typed_answer(j.get<Answer>(), *kind, &error);
    if (!typed) throw json::other_error::create(501, error, &j);
    t = std::move(*typed);
}

std::string typed_answer_to_json(const TypedAnswer& t) { return json(t).dump(); }

std::optional<TypedAnswer> typed_answer_from_json(const std::string& text, std::string* error) {
    try {
        return json::parse(text).get<TypedAnswer>();
    } catch (const json::exception& e) {
        if (error) *error = std::string("could not read the answer: ") + e.what();
        return std::nullopt;
    }
}

}  // namespace sofs
