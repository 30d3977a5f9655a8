// open_recorder: `sofs play`'s progress recording on the progress store.
// Each event is committed before play prints it, so a killed player resumes
// exactly where it stopped; finishing runs the assessor and keeps its verdicts.
#include "recorder.hpp"

#include "progress/resume.hpp"
#include "progress/store.hpp"
#include "rubric/assess.hpp"

#include <cstdio>

namespace sofs::cli {

namespace {

using progress::ResumePlan;
using progress::StoreError;

// The assessor's debrief as rows for the verdicts table: each task's verdicts
// under its task id, the verdicts across the whole attempt under "".
std::vector<progress::NewVerdict> flatten(const Debrief& d) {
    std::vector<progress::NewVerdict> out;
    auto add = [&](const std::string& task, const Verdict& v) {
        out.push_back({task, v.criterion, v.met, v.evidence_words, v.explanation, v.guidance});
    };
    for (const auto& t : d.tasks)
        for (const auto& v : t.verdicts) add(t.task, v);
    for (const auto& v : d.overall) add("", v);
    return out;
}

class StoreRecorder : public PlayRecorder {
public:
    StoreRecorder(std::unique_ptr<progress::Store> store, progress::Actor trainee, const Scenario& scenario)
        : store_(std::move(store)), trainee_(std::move(trainee)), scenario_(scenario) {}

    std::optional<Transcript> unfinished(std::string* why) override {
        try {
            plan_ = progress::plan_resume(*store_, trainee_.id, scenario_);
        } catch (const StoreError& e) {
            if (why) *why = e.what();
            return std::nullopt;
        }
        if (plan_.kind == ResumePlan::Kind::Resume) return plan_.transcript;
        if (plan_.kind == ResumePlan::Kind::Changed && why) *why = plan_.why;
        return std::nullopt;
    }

    bool begin(const Transcript& header, bool resumed, std::string* error) override {
        try {
            if (resumed && plan_.kind == ResumePlan::Kind::Resume && plan_.attempt) {
                attempt_ = plan_.attempt->id;
                store_->remember_scenario(progress::facts_of(scenario_));
            } else {
                std::string why = plan_.kind == ResumePlan::Kind::Changed ? plan_.why : "a fresh start was chosen";
                attempt_ = store_->begin_attempt(trainee_.id, header, progress::facts_of(scenario_), why).id;
            }
            return true;
        } catch (const StoreError& e) {
            if (error) *error = e.what();
            return false;
        }
    }

    bool record(const Event& e, std::string* error) override {
        try {
            store_->record_event(attempt_, e, scenario_.content_hash);
            return true;
        } catch (const StoreError& ex) {
            if (error) *error = ex.what();
            return false;
        }
    }

    bool finish(const Transcript& t, std::string* error) override {
        std::string ending;
        for (const auto& e : t.events)
            if (e.kind == Event::Kind::End) ending = e.ending;
        std::vector<progress::NewVerdict> verdicts;
        std::string load_error;
        auto guidance = Guidance::load(Guidance::default_dir(), &load_error);
        if (guidance) {
            verdicts = flatten(assess(t, scenario_, *guidance));
        } else {
            // The attempt is kept without verdicts; Store::unassessed_attempts() finds it later.
            std::fprintf(stderr,
                         "sofs play: the assessor could not load the practice guidance (%s); the attempt is saved "
                         "and will be assessed later\n",
                         load_error.c_str());
        }
        try {
            store_->finish_attempt(attempt_, ending, verdicts);
            return true;
        } catch (const StoreError& ex) {
            if (error) *error = ex.what();
            return false;
        }
    }

private:
    std::unique_ptr<progress::Store> store_;
    progress::Actor trainee_;
    const Scenario& scenario_;
    ResumePlan plan_;
    progress::Id attempt_ = 0;
};

}  // namespace

std::unique_ptr<PlayRecorder> open_recorder(const std::string& db_path, const std::string& user_name,
                                            const Scenario& scenario, std::string* error) {
    try {
        auto store = progress::Store::open(db_path.empty() ? progress::Store::default_path() : db_path);
        auto trainee = store->ensure_trainee(user_name);
        return std::make_unique<StoreRecorder>(std::move(store), trainee, scenario);
    } catch (const StoreError& e) {
        if (error) *error = e.what();
        return nullptr;
    }
}

}  // namespace sofs::cli
