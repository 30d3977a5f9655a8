// Rebuilding the conversation from the transcript.
#include "visit_log.hpp"

namespace sofs::ui {

std::vector<VisitEntry> visit_log(const Scenario& s, const Transcript& t) {
    std::vector<VisitEntry> out;
    Transcript prefix = t;
    prefix.events.clear();
    const Scene* shown = nullptr;
    for (const Event& e : t.events) {
        prefix.events.push_back(e);
        std::string why;
        auto session = Session::restore(s, prefix, &why, [] { return std::int64_t(0); });
        if (!session) break;
        View v = session->view();
        if (e.kind == Event::Kind::Choose && v.last_choice) {
            VisitEntry x;
            x.kind = VisitEntry::Kind::Exchange;
            x.scene = v.scene;
            x.choice = v.last_choice;
            x.lines = v.reply;
            out.push_back(std::move(x));
        }
        if (e.kind == Event::Kind::Answer) {
            VisitEntry x;
            x.kind = VisitEntry::Kind::TaskDone;
            x.scene = shown;
            if (shown && shown->task && shown->task->id == e.answer.task) x.task = &*shown->task;
            else x.task = s.task(e.answer.task);
            out.push_back(std::move(x));
        }
        if (v.scene && v.scene != shown) {
            shown = v.scene;
            VisitEntry x;
            x.kind = VisitEntry::Kind::SceneOpening;
            x.scene = v.scene;
            x.lines = v.lines;
            out.push_back(std::move(x));
        }
    }
    return out;
}

}  // namespace sofs::ui
