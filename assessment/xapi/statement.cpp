// Builds xAPI statements from the ids of what happened (see statement.hpp).
#include "statement.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace sofs::xapi {

using json = nlohmann::ordered_json;

namespace {

const char* const kAttempted = "http://adlnet.gov/expapi/verbs/attempted";
const char* const kResponded = "http://adlnet.gov/expapi/verbs/responded";
const char* const kAnswered = "http://adlnet.gov/expapi/verbs/answered";
const char* const kScored = "http://adlnet.gov/expapi/verbs/scored";
const char* const kCompleted = "http://adlnet.gov/expapi/verbs/completed";
const char* const kSimulation = "http://adlnet.gov/expapi/activities/simulation";
const char* const kInteraction = "http://adlnet.gov/expapi/activities/cmi.interaction";
const char* const kObjective = "http://adlnet.gov/expapi/activities/objective";

json verb(const char* id, const char* word) { return {{"id", id}, {"display", {{"en-GB", word}}}}; }

std::string case_iri(const Place& p) { return "urn:sofs-simulator:scenario:" + p.scenario; }

json activity(const std::string& id, const char* type) {
    return {{"objectType", "Activity"}, {"id", id}, {"definition", {{"type", type}}}};
}

// Ids joined as xAPI's interaction responses are (`[,]` between items, `[.]`
// between an item and where it was put). Ids come from the scenario file.
std::string placements_response(const std::map<std::string, std::string>& placements) {
    std::string out;
    for (const auto& [item, place] : placements) {
        if (!out.empty()) out += "[,]";
        out += item + "[.]" + place;
    }
    return out;
}

std::string picks_response(const std::vector<std::string>& picks) {
    std::string out;
    for (const auto& p : picks) {
        if (!out.empty()) out += "[,]";
        out += p;
    }
    return out;
}

json statement(const std::string& id, const Learner& who, const Place& where, json verb_, json object, json result,
               std::int64_t at_ms, const std::string& scene, int step) {
    if (id.empty()) throw std::invalid_argument("an xAPI statement needs its id");
    if (who.account.empty()) throw std::invalid_argument("an xAPI statement needs the learner's account");
    json ext = {{"urn:sofs-simulator:attempt", where.attempt}, {"urn:sofs-simulator:content-hash", where.content_hash}};
    if (step >= 0) ext["urn:sofs-simulator:step"] = step;
    if (!scene.empty()) ext["urn:sofs-simulator:scene"] = scene;
    json context = {{"platform", "sofs-simulator"}, {"language", "en-GB"}, {"extensions", ext}};
    if (object["id"] != case_iri(where))
        context["contextActivities"] = {{"parent", json::array({activity(case_iri(where), kSimulation)})}};
    json st = {{"id", id},
               {"actor", {{"objectType", "Agent"}, {"account", {{"homePage", who.home_page}, {"name", who.account}}}}},
               {"verb", std::move(verb_)},
               {"object", std::move(object)}};
    if (!result.is_null()) st["result"] = std::move(result);
    st["context"] = std::move(context);
    st["timestamp"] = timestamp(at_ms);
    st["version"] = kVersion;
    return st;
}

}  // namespace

std::string new_statement_id() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start: no random numbers for statement ids");
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += hex[b[i] >> 4];
        out += hex[b[i] & 15];
    }
    return out;
}

std::string timestamp(std::int64_t ms) {
    std::time_t secs = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
    return buf;
}

std::optional<Statement> for_event(const Learner& who, const Place& where, const Event& e, std::int64_t at_ms,
                                   const std::string& id) {
    json v, object, result;
    switch (e.kind) {
    case Event::Kind::Start:
        v = verb(kAttempted, "attempted");
        object = activity(case_iri(where), kSimulation);
        break;
    case Event::Kind::Choose:
        v = verb(kResponded, "responded");
        object = activity(case_iri(where) + "/scene/" + e.scene, kInteraction);
        result = {{"response", e.choice}};
        break;
    case Event::Kind::Answer: {
        v = verb(kAnswered, "answered");
        object = activity(case_iri(where) + "/task/" + e.answer.task, kInteraction);
        const Answer& a = e.answer;
        if (a.number >= 0) {
            // A point on the 0-10 safety scale; the reason given is free text and stays home.
            result = {{"score", {{"scaled", a.number / 10.0}, {"raw", a.number}, {"min", 0}, {"max", 10}}},
                      {"response", std::to_string(a.number)}};
        } else if (!a.placements.empty()) {
            result = {{"response", placements_response(a.placements)}};
        } else if (!a.picks.empty()) {
            result = {{"response", picks_response(a.picks)}};
        }
        if (result.is_null()) result = json::object();
        result["completion"] = true;
        break;
    }
    case Event::Kind::End:
        v = verb(kCompleted, "completed");
        object = activity(case_iri(where), kSimulation);
        result = {{"completion", true}};
        break;
    case Event::Kind::Advance:
        return std::nullopt;
    }
    json st = statement(id, who, where, std::move(v), std::move(object), std::move(result), at_ms, e.scene, e.step);
    if (e.kind == Event::Kind::End)
        st["context"]["extensions"]["urn:sofs-simulator:ending"] = e.ending;
    return Statement{id, at_ms, st.dump()};
}

Statement for_verdict(const Learner& who, const Place& where, const VerdictRecord& v, std::int64_t at_ms,
                      const std::string& id) {
    std::string object_id = case_iri(where);
    if (!v.task.empty()) object_id += "/task/" + v.task;
    object_id += "/criterion/" + v.criterion;
    json result = {{"success", v.met}};
    json st = statement(id, who, where, verb(kScored, "scored"), activity(object_id, kObjective), std::move(result),
                        at_ms, "", -1);
    return Statement{id, at_ms, st.dump()};
}

std::vector<std::string> verbs_used() { return {kAttempted, kResponded, kAnswered, kScored, kCompleted}; }

}  // namespace sofs::xapi
