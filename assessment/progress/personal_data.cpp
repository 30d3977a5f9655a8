// The export of everything held about a person; see personal_data.hpp.
#include "personal_data.hpp"

#include "codec/transcript_json.hpp"

#include <nlohmann/json.hpp>

using json = nlohmann::json;

namespace sofs::progress {

namespace {

json opt(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

json attempt_json(Store& store, const Actor& reader, const Attempt& a) {
    json ja = {{"id", a.id}, {"scenario", a.scenario}, {"content_hash", a.content_hash},
               {"seed", a.seed}, {"started_ms", a.started_ms}, {"status", to_string(a.status)},
               {"ending", a.ending}, {"superseded_because", a.superseded_because}};
    ja["finished_ms"] = opt(a.finished_ms);
    json events = json::array();
    for (const auto& e : store.transcript(a.id).events) {
        json je = {{"step", e.step}, {"kind", to_string(e.kind)}, {"scene", e.scene}, {"at_ms", e.at_ms}};
        if (!e.choice.empty()) je["choice"] = e.choice;
        if (!e.ending.empty()) je["ending"] = e.ending;
        if (e.kind == Event::Kind::Answer) je["answer"] = json::parse(stored_answer(e.answer));
        events.push_back(je);
    }
    ja["events"] = events;
    json verdicts = json::array();
    for (const auto& v : store.verdicts(reader, a.id)) {
        json jv = {{"task", v.task}, {"criterion", v.criterion}, {"assessor_met", v.assessor_met},
                   {"met", v.met}, {"evidence_words", v.evidence_words}, {"explanation", v.explanation}};
        json ov = json::array();
        for (const auto& o : v.overrides)
            ov.push_back({{"trainer", o.trainer}, {"met", o.met}, {"reason", o.reason}, {"at_ms", o.at_ms}});
        jv["overrides"] = ov;
        verdicts.push_back(jv);
    }
    ja["verdicts"] = verdicts;
    json comments = json::array();
    for (const auto& c : store.comments(reader, a.id))
        comments.push_back({{"trainer", c.trainer}, {"criterion", c.criterion}, {"task", c.task},
                            {"text", c.text}, {"at_ms", c.at_ms}});
    ja["comments"] = comments;
    json drafts = json::array();
    for (const auto& d : store.drafts(a.id))
        drafts.push_back({{"task", d.task}, {"text", d.text}, {"placements", d.placements}, {"saved_ms", d.saved_ms}});
    ja["drafts"] = drafts;
    return ja;
}

}  // namespace

std::string personal_data_json(Store& store, const Actor& reader, const Person& p, std::int64_t now_ms,
                               const PersonalRows& rows) {
    json out;
    out["exported_ms"] = now_ms;
    out["file"] = store.path();
    out["person"] = {{"name", p.name}, {"role", to_string(p.role)}, {"team", p.team}, {"agency_staff", p.agency},
                     {"has_password", p.has_password}, {"created_ms", p.created_ms}};
    json cohorts = json::array();
    for (const auto& c : rows.cohorts) cohorts.push_back({{"name", c.name}, {"kind", c.kind}});
    out["cohorts"] = cohorts;
    json attempts = json::array();
    for (const auto& a : store.attempts(reader, p.id)) attempts.push_back(attempt_json(store, reader, a));
    out["attempts"] = attempts;
    json given = json::array();
    for (const auto& o : rows.overrides_given)
        given.push_back({{"attempt", o.attempt}, {"criterion", o.criterion}, {"met", o.met}, {"reason", o.reason},
                         {"at_ms", o.at_ms}});
    out["overrides_given"] = given;
    json comments_given = json::array();
    for (const auto& c : rows.comments_given)
        comments_given.push_back({{"attempt", c.attempt}, {"criterion", c.criterion}, {"text", c.text},
                                  {"at_ms", c.at_ms}});
    out["comments_given"] = comments_given;
    json statements = json::array();
    for (const auto& x : rows.statements)
        statements.push_back({{"id", x.id}, {"statement", json::parse(x.statement)}, {"sent_ms", opt(x.sent_ms)}});
    out["xapi_statements"] = statements;
    return out.dump(2) + "\n";
}

}  // namespace sofs::progress
