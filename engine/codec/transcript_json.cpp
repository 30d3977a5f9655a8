// The JSON codec for transcripts; see transcript_json.hpp for the shapes.
#include "codec/transcript_json.hpp"

namespace sofs {

using nlohmann::json;

void to_json(json& j, const Answer& a) {
    j = json::object();
    j["task"] = a.task;
    if (!a.text.empty()) j["text"] = a.text;
    if (!a.placements.empty()) j["placements"] = a.placements;
    if (a.number != -1) j["number"] = a.number;
    if (!a.picks.empty()) j["picks"] = a.picks;
}

void from_json(const json& j, Answer& a) {
    a = Answer{};
    a.task = j.at("task").get<std::string>();
    if (j.contains("text")) a.text = j["text"].get<std::string>();
    if (j.contains("placements")) a.placements = j["placements"].get<std::map<std::string, std::string>>();
    if (j.contains("number")) a.number = j["number"].get<int>();
    if (j.contains("picks")) a.picks = j["picks"].get<std::vector<std::string>>();
}

void to_json(json& j, const Event& e) {
    j = json::object();
    j["step"] = e.step;
    j["kind"] = to_string(e.kind);
    j["scene"] = e.scene;
    if (!e.choice.empty()) j["choice"] = e.choice;
    if (e.kind == Event::Kind::Answer || !(e.answer == Answer{})) j["answer"] = e.answer;
    if (!e.ending.empty()) j["ending"] = e.ending;
    j["at_ms"] = e.at_ms;
}

void from_json(const json& j, Event& e) {
    e = Event{};
    e.step = j.at("step").get<int>();
    const auto kind = j.at("kind").get<std::string>();
    auto k = event_kind_from(kind);
    if (!k) throw json::other_error::create(501, "unknown event kind '" + kind + "'", &j);
    e.kind = *k;
    e.scene = j.at("scene").get<std::string>();
    if (j.contains("choice")) e.choice = j["choice"].get<std::string>();
    if (j.contains("answer")) e.answer = j["answer"].get<Answer>();
    if (j.contains("ending")) e.ending = j["ending"].get<std::string>();
    if (j.contains("at_ms")) e.at_ms = j["at_ms"].get<std::int64_t>();
}

void to_json(json& j, const Transcript& t) {
    j = json::object();
    j["scenario"] = t.scenario;
    j["content_hash"] = t.content_hash;
    j["seed"] = t.seed;
    j["events"] = t.events;
}

void from_json(const json& j, Transcript& t) {
    t = Transcript{};
    t.scenario = j.at("scenario").get<std::string>();
    if (j.contains("content_hash")) t.content_hash = j["content_hash"].get<std::string>();
    if (j.contains("seed")) t.seed = j["seed"].get<std::uint64_t>();
    if (j.contains("events")) t.events = j["events"].get<std::vector<Event>>();
}

std::string answer_to_json(const Answer& a) { return json(a).dump(); }
std::string event_to_json(const Event& e) { return json(e).dump(); }
std::string transcript_to_json(const Transcript& t) { return json(t).dump(); }

namespace {
template <typename T>
std::optional<T> decode(const std::string& text, std::string* error, const char* what) {
    try {
        return json::parse(text).get<T>();
    } catch (const json::exception& e) {
        if (error) *error = std::string("could not read the ") + what + ": " + e.what();
        return std::nullopt;
    }
}
}  // namespace

std::optional<Answer> answer_from_json(const std::string& text, std::string* error) {
    return decode<Answer>(text, error, "answer");
}
std::optional<Event> event_from_json(const std::string& text, std::string* error) {
    return decode<Event>(text, error, "event");
}
std::optional<Transcript> transcript_from_json(const std::string& text, std::string* error) {
    return decode<Transcript>(text, error, "transcript");
}

std::string stored_answer(const Answer& a) { return answer_to_json(a); }

Answer answer_from_stored(const std::string& text) { return answer_from_json(text, nullptr).value_or(Answer{}); }

}  // namespace sofs
