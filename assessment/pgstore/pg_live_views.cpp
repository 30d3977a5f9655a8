// What the application's live screens read about a session beyond the room
// and the votes (postgres.hpp): the session itself, its vote rounds, and a
// trainer's open sessions. Row-level security decides, as everywhere: a
// trainee of another cohort sees no session, and no one reads another's vote.
#include "pg_internal.hpp"

namespace sofs::progress {

std::optional<PgStore::LiveSessionInfo> PgStore::live_session(Id session) {
    Result r = impl_->exec(
        "SELECT ls.id, ls.join_code, ls.scenario, COALESCE(c.name, ''), ls.closed_ms IS NOT NULL "
        "FROM live_sessions ls LEFT JOIN cohorts c ON c.id = ls.cohort WHERE ls.id = $1",
        {s(session)}, "read the live session");
    if (r.rows() == 0) return std::nullopt;
    return LiveSessionInfo{r.i64(0, 0), r.text(0, 1), r.text(0, 2), r.text(0, 3), r.boolean(0, 4)};
}

std::vector<PgStore::VoteRoundState> PgStore::vote_rounds(Id session) {
    Result r = impl_->exec(
        "SELECT task, round, revealed_ms IS NOT NULL FROM vote_rounds WHERE session = $1 ORDER BY opened_ms, task, round",
        {s(session)}, "read the session's votes");
    std::vector<VoteRoundState> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), static_cast<int>(r.i64(i, 1)), r.boolean(i, 2)});
    return out;
}

std::vector<PgStore::LiveSessionInfo> PgStore::my_open_sessions() {
    Result r = impl_->exec(
        "SELECT ls.id, ls.join_code, ls.scenario, COALESCE(c.name, ''), false FROM live_sessions ls "
        "LEFT JOIN cohorts c ON c.id = ls.cohort WHERE ls.trainer = sofs_me() AND ls.closed_ms IS NULL "
        "ORDER BY ls.id DESC",
        {}, "read your live sessions");
    std::vector<LiveSessionInfo> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.i64(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), false});
    return out;
}

}  // namespace sofs::progress

namespace sofs::progress {

namespace {

// A PostgreSQL text[] literal: {"a","b"} with quotes and backslashes escaped.
std::string text_array(const std::vector<std::string>& items) {
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        out += '"';
        for (char c : items[i]) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
    }
    return out + "}";
}

}  // namespace

int PgStore::cast_placements(Id session, const std::string& task, const std::map<std::string, std::string>& placements) {
    if (placements.empty()) throw StoreError(K::Invalid, "a sorting vote needs at least one fact in a place");
    std::vector<std::string> facts, places;
    for (const auto& [fact, place] : placements) {
        if (fact.empty() || place.empty()) throw StoreError(K::Invalid, "each fact in a sorting vote needs its place");
        facts.push_back(fact);
        places.push_back(place);
    }
    return static_cast<int>(impl_->exec("SELECT sofs_cast_placements($1, $2, $3::text[], $4::text[])",
                                        {s(session), task, text_array(facts), text_array(places)}, "send your sorting")
                                .i64(0, 0));
}

int PgStore::placements_cast(Id session, const std::string& task) {
    return static_cast<int>(
        impl_->exec("SELECT COALESCE(sofs_placements_cast($1, $2), 0)", {s(session), task}).i64(0, 0));
}

std::vector<PgStore::PlacementCount> PgStore::revealed_placements(Id session, const std::string& task, int round) {
    Result r = impl_->exec("SELECT fact, place, n FROM sofs_revealed_placements($1, $2, $3)",
                           {s(session), task, std::to_string(round)}, "read the revealed sorting");
    std::vector<PlacementCount> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.text(i, 0), r.text(i, 1), static_cast<int>(r.i64(i, 2))});
    return out;
}

}  // namespace sofs::progress

namespace sofs::progress {

void PgStore::set_wall_mark(Id session, const std::string& item, bool pinned, bool hidden) {
    Result r = impl_->exec(
        "INSERT INTO wall_marks(session, item, pinned, hidden, at_ms) VALUES ($1, $2, $3, $4, $5) "
        "ON CONFLICT (session, item) DO UPDATE SET pinned = excluded.pinned, hidden = excluded.hidden, at_ms = excluded.at_ms",
        {s(session), item, pinned ? "true" : "false", hidden ? "true" : "false", s(impl_->now())},
        "keep the wall's pin or hide");
    (void)r;
}

std::map<std::string, PgStore::WallMark> PgStore::wall_marks(Id session) {
    Result r = impl_->exec("SELECT item, pinned, hidden FROM wall_marks WHERE session = $1", {s(session)},
                           "read the wall's pins and hides");
    std::map<std::string, WallMark> out;
    for (int i = 0; i < r.rows(); ++i) out[r.text(i, 0)] = {r.boolean(i, 1), r.boolean(i, 2)};
    return out;
}

}  // namespace sofs::progress

namespace sofs::progress {

Id PgStore::open_improvement(Id session, const std::string& kind, const std::string& original) {
    if (kind != "danger" && kind != "goal")
        throw StoreError(K::Invalid, "a wall statement to improve is a danger statement or a safety goal ('danger' or 'goal')");
    if (trimmed(original).empty()) throw StoreError(K::Invalid, "there are no words to improve");
    Result r = impl_->exec(
        "INSERT INTO wall_improvements(session, kind, original, opened_ms) VALUES ($1, $2, $3, $4) RETURNING id",
        {s(session), kind, trimmed(original), s(impl_->now())}, "open the statement for the room to improve");
    return r.i64(0, 0);
}

static const char* kImprovementColumns = "SELECT id, kind, original, picked, COALESCE(picked_text, '') FROM wall_improvements ";

static PgStore::Improvement read_improvement(const Result& r, int i) {
    return {r.i64(i, 0), r.text(i, 1), r.text(i, 2), r.opt(i, 3), r.text(i, 4)};
}

std::optional<PgStore::Improvement> PgStore::latest_improvement(Id session) {
    Result r = impl_->exec(std::string(kImprovementColumns) + "WHERE session = $1 ORDER BY id DESC LIMIT 1", {s(session)},
                           "read the statement being improved");
    if (r.rows() == 0) return std::nullopt;
    return read_improvement(r, 0);
}

std::vector<PgStore::Improvement> PgStore::improvements(Id session) {
    Result r = impl_->exec(std::string(kImprovementColumns) + "WHERE session = $1 ORDER BY id", {s(session)},
                           "read the statements improved together");
    std::vector<Improvement> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(read_improvement(r, i));
    return out;
}

void PgStore::propose_edit(Id improvement, const std::string& text) {
    std::string t = trimmed(text);
    if (t.empty()) throw StoreError(K::Invalid, "a proposal needs some words");
    if (t.size() > 2000) throw StoreError(K::Invalid, "a proposal has at most 2000 characters");
    impl_->exec(
        "INSERT INTO wall_proposals(improvement, person, text, at_ms) VALUES ($1, sofs_me(), $2, $3) "
        "ON CONFLICT (improvement, person) DO UPDATE SET text = excluded.text, at_ms = excluded.at_ms",
        {s(improvement), t, s(impl_->now())}, "propose your edit");
}

std::vector<PgStore::Proposal> PgStore::proposals(Id improvement) {
    Result r = impl_->exec("SELECT id, text, person = sofs_me() FROM wall_proposals WHERE improvement = $1 ORDER BY id",
                           {s(improvement)}, "read the proposals");
    std::vector<Proposal> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.i64(i, 0), r.text(i, 1), r.boolean(i, 2)});
    return out;
}

void PgStore::pick_proposal(Id improvement, Id proposal) {
    Tx tx(*impl_);
    Result p = impl_->exec("SELECT text FROM wall_proposals WHERE id = $1 AND improvement = $2", {s(proposal), s(improvement)},
                           "read the proposal");
    if (p.rows() == 0) throw StoreError(K::Invalid, "no proposal " + s(proposal) + " for this statement that you may see");
    Result u = impl_->exec("UPDATE wall_improvements SET picked = $2, picked_text = $3 WHERE id = $1",
                           {s(improvement), s(proposal), p.text(0, 0)}, "pick the proposal");
    if (u.changed() == 0) throw StoreError(K::Denied, "only the session's trainer picks a proposal");
    tx.commit();
}

}  // namespace sofs::progress
