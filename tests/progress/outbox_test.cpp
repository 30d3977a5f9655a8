// The xAPI outbox and schema migrations applied in order from user_version.
#include "progress_fixture.hpp"
#include "progress/sqlite_store.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace progress_test;
using json = nlohmann::json;

TEST_SUITE("progress outbox") {

TEST_CASE("starts, answers and endings leave an xAPI statement with no free text") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    Actor alex = s->ensure_trainee("Alex Hill");
    Attempt a = finished_attempt(*s, alex.id, 3, {});
    auto unsent = s->unsent_statements();
    REQUIRE(unsent.size() == 3);  // start, the scaling answer, the end
    auto start = json::parse(unsent[0].statement);
    auto answer = json::parse(unsent[1].statement);
    auto end = json::parse(unsent[2].statement);
    CHECK(start["verb"]["id"] == "http://adlnet.gov/expapi/verbs/attempted");
    CHECK(answer["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered");
    CHECK(answer["object"]["id"] == "urn:sofs-simulator:scenario:reference-case/task/scale-1");
    CHECK(answer["result"]["score"]["raw"] == 3);
    CHECK(end["result"]["completion"] == true);
    CHECK(answer["id"] == unsent[1].id);
    CHECK(unsent[1].id.size() == 36);
    CHECK(unsent[1].id[14] == '4');
    for (const auto& u : unsent) {
        CHECK(u.attempt == a.id);
        CHECK(u.statement.find("Linda helps") == std::string::npos);  // the trainee's words stay here
        CHECK(u.statement.find("Alex") == std::string::npos);
    }
    WHEN("one is sent and one fails") {
        s->mark_sent(unsent[0].id);
        s->mark_send_failed(unsent[1].id, "no answer from the LRS");
        auto left = s->unsent_statements();
        THEN("the failed one is still waiting, with the same id") {
            REQUIRE(left.size() == 2);
            CHECK(left[0].id == unsent[1].id);
            CHECK(left[0].tries == 1);
        }
    }
}

TEST_CASE("an older file is migrated forward, one numbered migration at a time") {
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("p.db");
    {
        auto s = open_store(db, fast(clock));
        s->ensure_trainee("alex");
        // Make it look like a file written before migrations 2 to 5 existed.
        sqlite_database(*s).exec("DROP TABLE drafts; DROP TABLE xapi_outbox; DROP TABLE file_settings; "
                           "DROP TABLE sign_in_failures; DROP TABLE attempt_holders; DROP TABLE comments; "
                           "ALTER TABLE people DROP COLUMN must_change_password; PRAGMA user_version = 1");
    }
    auto s = open_store(db, fast(clock));
    CHECK(s->schema_version() == Store::latest_schema_version());
    CHECK(sqlite_database(*s).scalar_int("SELECT count(*) FROM sqlite_schema WHERE name = 'xapi_outbox'") == 1);
    CHECK(s->find_person("alex"));
    CHECK_FALSE(s->find_person("alex")->must_change_password);  // the new column, with its default
    CHECK(sqlite_database(*s).scalar_int("SELECT count(*) FROM sqlite_schema WHERE name = 'comments'") == 1);
}

TEST_CASE("a migration that fails part-way leaves the file as it was") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    sql::Database& db = sqlite_database(*s);
    const int before = s->schema_version();
    std::vector<MigrationStep> broken{{before + 1, "9998_broken.sql", "CREATE TABLE half_done(x); CREATE TABLE oops("}};
    CHECK_THROWS_WITH_AS(apply_migrations(db, broken, false), doctest::Contains("9998_broken.sql"), StoreError);
    CHECK(s->schema_version() == before);
    CHECK(db.scalar_int("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'") == 0);
    WHEN("a good one follows") {
        std::vector<MigrationStep> good{{before + 1, "9998_good.sql", "CREATE TABLE done_well(x);"}};
        apply_migrations(db, good, false);
        THEN("it and its version bump are both there") {
            CHECK(s->schema_version() == before + 1);
            CHECK(db.scalar_int("SELECT count(*) FROM sqlite_schema WHERE name = 'done_well'") == 1);
        }
    }
}

}  // TEST_SUITE
