// A live session read from the shared PostgreSQL store into what its export
// carries: the statement wall (each member's latest danger statements and
// safety goals with the assessor's marks, the trainer's pins and hides),
// every statement improved together with its proposed edits, and every
// revealed vote round. The application's Statement wall tab and
// `sofs live export` both write it through here, so the files are the same.
#pragma once

#include "live_model.hpp"
#include "postgres.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sofs {
class Guidance;
}

namespace sofs::live {

// The assessor's marks for a wall statement or a proposed edit of `kind`.
using MarksFor = std::function<std::vector<Mark>(WallKind kind, const std::string& text)>;
// The marks from the assessor itself for statements of `scenario` (each
// criterion with its plain name); none without a case or guidance.
MarksFor assessor_marks(std::shared_ptr<const Scenario> scenario, std::shared_ptr<const Guidance> guidance);

// One member's latest answers in the session's case, by task id (a number
// for a scaling answer without words), as `viewer` may read them.
std::map<std::string, std::string> latest_answers(progress::PgStore& store, const progress::Actor& viewer,
                                                  const std::string& member, const std::string& scenario);
// One member's answers, in the room's order (the store's: by name).
struct MemberAnswers {
    std::string name;
    std::map<std::string, std::string> by_task;
};
// The wall's statements from members' answers; only
// danger statements and safety goals with words go on the wall.
std::vector<WallItem> wall_items(const std::vector<MemberAnswers>& answers,
                                 const Scenario* scenario, const MarksFor& marks);
// The trainer's pins and hides, kept in the store, put on `wall`.
void apply_wall_marks(Wall& wall, progress::PgStore& store, progress::Id session);

// Every statement the room improved together, oldest first.
std::vector<Improved> improved_statements(progress::PgStore& store, progress::Id session, const MarksFor& marks);
// Every revealed round of the session, task by task in the order the tasks were first voted on.
std::vector<VoteRecord> revealed_votes(progress::PgStore& store, progress::Id session, const Scenario* scenario);
// A revealed sorting round's counts, their place names read into places; a
// name the engine does not know is left out rather than shown as a place.
std::vector<Placed> revealed_places(progress::PgStore& store, progress::Id session, const std::string& task, int round);

// The whole export, in Markdown or CSV, and its file name
// ("live-session-K7Q2MX-wall.md").
struct SessionExport {
    std::string join_code, case_title;
    Wall wall;
    std::vector<Improved> improved;
    std::vector<VoteRecord> votes;
};
std::string export_markdown(const SessionExport& e);
std::string export_csv(const SessionExport& e);
std::string export_file_name(const SessionExport& e, bool markdown);

// Reads session `info` as the connection's person sees it (its trainer sees
// everyone's answers): what the application's wall tab exports. Throws the
// store's StoreError when the store refuses.
SessionExport read_session(progress::PgStore& store, const progress::PgStore::LiveSessionInfo& info,
                           std::shared_ptr<const Scenario> scenario, const MarksFor& marks);

}  // namespace sofs::live
