// The store's shared suite, part two: cohorts, drafts, verdicts and
// overrides, the three reports, personal data and the health check, run
// against both engines (SQLite on :memory:, PostgreSQL on a fresh database)
// through the Store interface alone.
#include "pg_fixture.hpp"

#include "progress/report.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <algorithm>
#include <filesystem>

using namespace sofs::progress;
using namespace pg_test;
using json = nlohmann::json;

namespace {

struct Room {
    Person sam, dana, tutor;
    Actor trainer;
};

Room a_room(Engine& engine) {
    Store& st = engine.store_();
    Room r;
    r.sam = st.add_person(engine.admin, "Sam Ellery", Role::Trainee, "North", false, std::string("sam-password-1"));
    r.dana = st.add_person(engine.admin, "Dana Okoro", Role::Trainee, "South", true, std::string("dana-password-1"));
    r.tutor = st.add_person(engine.admin, "Ruth Tutor", Role::Trainer, "", false, std::string("ruth-password-1"));
    r.trainer = Actor{r.tutor.id, r.tutor.name, Role::Trainer};
    st.create_cohort(engine.admin, "March course", sofs::Audience::TwoDay);
    st.add_to_cohort(engine.admin, "March course", std::vector<std::string>{"Sam Ellery", "Ruth Tutor"});
    st.assign_scenario(engine.admin, "March course", "reference-case");
    return r;
}

std::vector<NewVerdict> two_verdicts() {
    return {{"danger-1", "names-the-harm", false, "hit", "The statement names what might happen.", "g1"},
            {"scale-1", "gives-a-number", true, "4", "A number was given.", "g2"}};
}

// An attempt of `person` played through (a_short_playthrough) and finished with two_verdicts().
Attempt a_finished_attempt(Store& st, Id person) {
    Attempt a = st.begin_attempt(person, header(), facts());
    for (const auto& e : a_short_playthrough()) st.record_event(a.id, e);
    st.finish_attempt(a.id, "plan-agreed", two_verdicts());
    return a;
}

}  // namespace

TEST_CASE_TEMPLATE("cohorts: made by an administrator, all or none added, scenarios assigned, seen by members", E,
                   SqliteEngine, PostgresEngine) {
    auto engine = E::make();
    if (!engine) return;
    INFO(E::kName);
    Store& st = engine->store_();
    Room r = a_room(*engine);
    CHECK_THROWS_AS(st.create_cohort(r.trainer, "Trainer's own", sofs::Audience::TwoDay), StoreError);
    CHECK_THROWS_AS(st.create_cohort(engine->admin, "march COURSE", sofs::Audience::FiveDay), StoreError);
    // One unknown name: no one is added.
    try {
        st.add_to_cohort(engine->admin, "March course", std::vector<std::string>{"Dana Okoro", "Nobody Known"});
        FAIL("an unknown name was accepted");
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreError::Kind::NotFound);
        CHECK(std::string(e.what()).find("Nobody Known") != std::string::npos);
    }
    auto c = st.find_cohort(engine->admin, "march course");
    REQUIRE(c);
    CHECK(c->trainees == std::vector<std::string>{"Sam Ellery"});
    CHECK(c->trainers == std::vector<std::string>{"Ruth Tutor"});
    CHECK(c->scenarios == std::vector<std::string>{"reference-case"});
    CHECK(st.cohorts(r.trainer).size() == 1);
    CHECK(st.cohorts(Actor{r.dana.id, r.dana.name, Role::Trainee}).empty());
    CHECK(st.may_see(r.trainer, r.sam.id));
    CHECK_FALSE(st.may_see(r.trainer, r.dana.id));
    auto progress = st.scenario_progress(r.trainer, r.sam.id);
    REQUIRE(progress.size() == 1);
    CHECK(progress[0].assigned);
    CHECK(progress[0].attempts == 0);
}

TEST_CASE_TEMPLATE("drafts: replaced on each save, cleared by the answer, gone when the attempt finishes", E,
                   SqliteEngine, PostgresEngine) {
    auto engine = E::make();
    if (!engine) return;
    INFO(E::kName);
    Store& st = engine->store_();
    Room r = a_room(*engine);
    Attempt a = st.begin_attempt(r.sam.id, header(), facts());
    st.save_draft(a.id, "danger-1", "Worried that");
    st.save_draft(a.id, "danger-1", "Worried that Kai");
    st.save_draft(a.id, "sort-1", "", {{"fact-nan", "existing-safety"}});
    REQUIRE(st.draft(a.id, "danger-1"));
    CHECK(st.draft(a.id, "danger-1")->text == "Worried that Kai");
    CHECK(st.draft(a.id, "sort-1")->placements.at("fact-nan") == "existing-safety");
    CHECK(st.drafts(a.id).size() == 2);
    auto events = a_short_playthrough();
    for (const auto& e : events) st.record_event(a.id, e);  // step 2 answers danger-1
    CHECK_FALSE(st.draft(a.id, "danger-1"));
    st.save_draft(a.id, "later-task", "half a thought");
    st.finish_attempt(a.id, "plan-agreed", {});
    CHECK(st.drafts(a.id).empty());
    CHECK_THROWS_AS(st.save_draft(a.id, "later-task", "too late"), StoreError);
    CHECK_THROWS_AS(st.save_draft(a.id, "", "no task"), StoreError);
}

TEST_CASE_TEMPLATE("overrides: a cohort's trainer overrules with a reason; verdicts, reports and disagreements show it", E,
                   SqliteEngine, PostgresEngine) {
    auto engine = E::make();
    if (!engine) return;
    INFO(E::kName);
    Store& st = engine->store_();
    Room r = a_room(*engine);
    Attempt a = a_finished_attempt(st, r.sam.id);
    CHECK_THROWS_AS(st.override_verdict(r.trainer, a.id, "names-the-harm", true, "   "), StoreError);
    CHECK_THROWS_AS(st.override_verdict(Actor{r.dana.id, r.dana.name, Role::Trainee}, a.id, "names-the-harm", true, "x"),
                    StoreError);
    CHECK_THROWS_AS(st.override_verdict(r.trainer, a.id, "no-such-criterion", true, "x"), StoreError);
    Override o = st.override_verdict(r.trainer, a.id, "names-the-harm", true, "Hitting his mum is named: it is met.");
    CHECK(o.trainer == "Ruth Tutor");
    auto vs = st.verdicts(r.trainer, a.id);
    REQUIRE(vs.size() == 2);
    CHECK(vs[0].criterion == "names-the-harm");
    CHECK_FALSE(vs[0].assessor_met);
    CHECK(vs[0].met);
    CHECK(vs[0].overruled());

    TraineeReport tr = st.trainee_report(r.trainer, "Sam Ellery");
    REQUIRE(tr.attempts.size() == 1);
    CHECK(tr.attempts[0].criteria_met == 2);
    CHECK(tr.attempts[0].scaling == 4);
    CHECK(tr.attempts[0].expert_scaling == 3);
    CHECK(tr.criteria_over_time.size() == 2);
    CHECK_THROWS_AS(st.trainee_report(r.trainer, "Dana Okoro"), StoreError);  // not in their cohort

    CohortReport cr = st.cohort_report(r.trainer, "March course");
    REQUIRE(cr.lines.size() == 1);
    CHECK(cr.lines[0].trainee.name == "Sam Ellery");
    CHECK(cr.lines[0].finished == 1);
    REQUIRE(cr.scaling.size() == 1);
    CHECK(cr.scaling[0].numbers == std::vector<int>{4});
    CHECK(cr.scaling[0].in_range == 1);
    CHECK_THROWS_AS(st.cohort_report(Actor{r.sam.id, r.sam.name, Role::Trainee}, "March course"), StoreError);

    DisagreementReport dr = st.disagreement_report(r.trainer);
    REQUIRE(dr.by_criterion.size() == 1);
    CHECK(dr.by_criterion[0].criterion == "names-the-harm");
    CHECK(dr.by_criterion[0].assessor_not_trainer_met == 1);
    // The report's JSON is the same code for both engines.
    CHECK(json::parse(to_json(cr)).is_object());
}

TEST_CASE_TEMPLATE("personal data: everything held about a trainee comes out as JSON, then an erase removes it", E,
                   SqliteEngine, PostgresEngine) {
    auto engine = E::make();
    if (!engine) return;
    INFO(E::kName);
    Store& st = engine->store_();
    Room r = a_room(*engine);
    Attempt a = a_finished_attempt(st, r.sam.id);
    st.override_verdict(r.trainer, a.id, "names-the-harm", true, "It is named.");
    st.add_comment(r.trainer, a.id, "You kept the family's own words.");
    json out = json::parse(st.export_person_json(engine->admin, "Sam Ellery"));
    // The trainer's comment is in the trainee's export, and in the trainer's as given.
    REQUIRE(out["attempts"][0]["comments"].size() == 1);
    CHECK(out["attempts"][0]["comments"][0]["text"] == "You kept the family's own words.");
    json given = json::parse(st.export_person_json(engine->admin, "Ruth Tutor"));
    CHECK(given["comments_given"].size() == 1);
    CHECK(given["overrides_given"].size() == 1);
    CHECK(out["person"]["name"] == "Sam Ellery");
    REQUIRE(out["attempts"].size() == 1);
    CHECK(out["attempts"][0]["events"].size() == 5);
    CHECK(out["attempts"][0]["events"][3]["answer"]["number"] == 4);
    CHECK(out["attempts"][0]["verdicts"][0]["overrides"].size() == 1);
    CHECK(out["cohorts"][0]["name"] == "March course");
    CHECK(out["xapi_statements"].size() >= 3);
    CHECK_THROWS_AS(st.export_person_json(Actor{r.dana.id, r.dana.name, Role::Trainee}, "Sam Ellery"), StoreError);
    // A trainer who has overruled someone stays (their overrides belong to the trainee's record).
    CHECK_THROWS_AS(st.erase_person(engine->admin, "Ruth Tutor"), StoreError);
    CHECK_THROWS_AS(st.erase_person(r.trainer, "Sam Ellery"), StoreError);
    EraseReport er = st.erase_person(engine->admin, "Sam Ellery");
    CHECK(er.attempts == 1);
    CHECK_FALSE(st.find_person("Sam Ellery"));
    CHECK_FALSE(st.attempt(engine->admin, a.id));
    CHECK(st.unsent_statements().empty());
    CHECK(st.find_person("Dana Okoro"));
}

TEST_CASE_TEMPLATE("the health check passes on a store just opened", E, SqliteEngine, PostgresEngine) {
    auto engine = E::make();
    if (!engine) return;
    INFO(E::kName);
    CHECK_NOTHROW(engine->store_().check());
    CHECK(engine->store_().schema_version() >= 1);
}

TEST_CASE("PostgreSQL backups are pg_dump files, the newest three kept, taken by the daily upkeep") {
    auto engine = PostgresEngine::make();
    if (!engine) return;
    auto home = std::filesystem::temp_directory_path() / ("sofs-pgdump-" + std::to_string(::getpid()));
    std::filesystem::remove_all(home);
    ::setenv("XDG_DATA_HOME", home.c_str(), 1);
    Store& st = engine->store_();
    Maintenance m = st.maintain(false);  // no dump yet: one is taken
    CHECK(m.checked);
    REQUIRE_FALSE(m.backup.empty());
    CHECK(std::filesystem::file_size(m.backup) > 0);
    CHECK(st.maintain(false).backup.empty());  // a recent one exists
    CHECK(std::filesystem::path(m.backup).parent_path().string().find(home.string()) == 0);
    std::filesystem::remove_all(home);
    ::unsetenv("XDG_DATA_HOME");
}

TEST_CASE("both engines have the same numbered migrations: version N is the same step of the schema on each") {
    auto names = [](const std::string& folder) {
        std::vector<std::string> out;
        for (const auto& f : std::filesystem::directory_iterator(std::string(SOFS_SOURCE_DIR) + "/" + folder))
            if (f.path().extension() == ".sql") out.push_back(f.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    };
    auto sqlite = names("assessment/progress/migrations");
    auto postgres = names("assessment/pgstore/migrations");
    CHECK(sqlite == postgres);
    CHECK(Store::latest_schema_version() == PgStore::latest_schema_version());
    CHECK(Store::latest_schema_version() == static_cast<int>(sqlite.size()));
}

TEST_CASE("both engines' outboxes hold the same xAPI statements, from the one builder") {
    auto sqlite = SqliteEngine::make();
    auto postgres = PostgresEngine::make();
    if (!postgres) return;
    auto statements_of = [](Engine& engine) {
        Store& st = engine.store_();
        Person sam = add_sam(engine);
        a_finished_attempt(st, sam.id);
        std::vector<json> out;
        for (const auto& u : st.unsent_statements()) {
            json j = json::parse(u.statement);
            // What differs by nature: the statement's id and time, the person's and attempt's numbers.
            j.erase("id");
            j.erase("timestamp");
            j["actor"]["account"].erase("name");
            j["context"]["extensions"].erase("urn:sofs-simulator:attempt");
            out.push_back(j);
        }
        return out;
    };
    auto from_sqlite = statements_of(*sqlite);
    auto from_postgres = statements_of(*postgres);
    REQUIRE(from_sqlite.size() == 7);  // start, choice, three answers, two verdicts
    CHECK(from_sqlite == from_postgres);
}
