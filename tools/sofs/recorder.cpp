// open_recorder: `sofs play`'s progress recording on the progress store.
// Each event is committed before play prints it, so a killed player resumes
// exactly where it stopped; finishing runs the assessor and keeps its verdicts.
#include "recorder.hpp"

#include "progress/resume.hpp"
#include "progress/store.hpp"
#include "progress/verdicts.hpp"

#include <cstdio>
#include <cstdlib>

namespace sofs::cli {

namespace {

using progress::ResumePlan;
using progress::StoreError;

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
        std::string load_error;
        auto guidance = Guidance::load(Guidance::default_dir(), &load_error);
        if (!guidance)
            // The attempt is kept without verdicts; `sofs report assess-pending` judges it later.
            std::fprintf(stderr,
                         "sofs play: the assessor could not load the practice guidance (%s); the attempt is saved "
                         "and can be assessed later with `sofs report assess-pending`\n",
                         load_error.c_str());
        try {
            progress::finish_assessed(*store_, attempt_, t, scenario_, guidance.get());
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
        // A trainee whose profile has a password (or a file that asks every
        // trainee for one) gives it in $SOFS_PASSWORD; trainers never play here.
        const char* pw = std::getenv("SOFS_PASSWORD");
        auto trainee = pw && *pw ? store->ensure_trainee(user_name, pw) : store->ensure_trainee(user_name);
        return std::make_unique<StoreRecorder>(std::move(store), trainee, scenario);
    } catch (const StoreError& e) {
        if (error) *error = e.what();
        return nullptr;
    }
}

}  // namespace sofs::cli
