// Trainers' comments on the PostgreSQL store under row-level security, each
// person on their own connection as their own login role: a trainee reads the
// comments on their own attempts and no one else's, another trainee sees none,
// and a trainer of another cohort cannot comment (neither through the store
// nor by writing the row with psql). Needs SOFS_TEST_POSTGRES
// (tools/pg-test-cluster.sh); skipped with a message without it.
#include "pg_fixture.hpp"

using namespace pg_test;

namespace {

// A finished attempt of `store`'s own person, with one verdict to comment beside.
Attempt finished_attempt(PgStore& store, const std::string& words) {
    Actor me = store.me();
    Attempt a = store.begin_attempt(me.id, header(), facts());
    store.record_event(a.id, event(0, sofs::Event::Kind::Start, "referral"));
    auto answer = event(1, sofs::Event::Kind::Answer, "write-up");
    answer.answer.task = "danger-1";
    answer.answer.text = words;
    store.record_event(a.id, answer);
    NewVerdict v;
    v.criterion = "ds-names-harm";
    v.task = "danger-1";
    v.met = false;
    store.finish_attempt(a.id, "ending-ok", {v});
    return a;
}

}  // namespace

TEST_CASE("row-level security: trainers' comments are read by the trainee whose attempt it is, and written only by their trainers") {
    if (!postgres_available()) return;
    Classroom room;
    room.add("Cara Nwosu", Role::Trainee, "cara-pw-7");
    room.add("Dev Patel", Role::Trainee, "dev-pw-77");
    room.add("Elin Rhys", Role::Trainer, "elin-pw-7");
    room.add("Finn Doyle", Role::Trainer, "finn-pw-7");
    room.cohort("Monday group", sofs::Audience::TwoDay, {"Elin Rhys", "Cara Nwosu"});
    room.cohort("Friday group", sofs::Audience::TwoDay, {"Finn Doyle", "Dev Patel"});
    auto open_as = [&](const char* name, const char* pw) { return room.as(name, pw); };

    auto cara = open_as("Cara Nwosu", "cara-pw-7");
    auto dev = open_as("Dev Patel", "dev-pw-77");
    auto elin = open_as("Elin Rhys", "elin-pw-7");
    auto finn = open_as("Finn Doyle", "finn-pw-7");
    Attempt cara_attempt = finished_attempt(*cara, "Worried that Kai will be hurt when the adults fight");
    Attempt dev_attempt = finished_attempt(*dev, "Worried that Mia is left alone at night");

    // Cara's trainer comments on the whole case and beside a check.
    Comment whole = elin->add_comment(elin->me(), cara_attempt.id, "CARA-CASE: you kept Kai at the centre.", "", "");
    Comment beside = elin->add_comment(elin->me(), cara_attempt.id, "CARA-CHECK: name what happened to Kai.", "ds-names-harm", "");
    CHECK(whole.trainer == "Elin Rhys");
    CHECK(beside.task == "danger-1");   // the check's task, found from its verdict
    // Dev's trainer comments on Dev's attempt.
    finn->add_comment(finn->me(), dev_attempt.id, "DEV-CASE: a clear, plain statement.", "", "");

    SUBCASE("the trainee reads both comments on her own attempt") {
        auto seen = cara->comments(cara->me(), cara_attempt.id);
        REQUIRE(seen.size() == 2);
        CHECK(seen[0].text == whole.text);
        // Her trainer's row in people is not hers to read: the comment says who in words.
        CHECK((seen[0].trainer == "Elin Rhys" || seen[0].trainer == "your trainer"));
        CHECK(elin->comments(elin->me(), cara_attempt.id).at(0).trainer == "Elin Rhys");
        CHECK(seen[1].criterion == "ds-names-harm");
        // Through psql too: her comments, not Dev's.
        auto rows = psql_as(room.uri("Cara Nwosu", ""), "cara-pw-7", "SELECT text FROM comments ORDER BY id");
        INFO(rows.out);
        CHECK(rows.rc == 0);
        CHECK(rows.out.find("CARA-CASE") != std::string::npos);
        CHECK(rows.out.find("DEV-CASE") == std::string::npos);
    }
    SUBCASE("the trainee sees her trainer's override too, and the check as overruled") {
        elin->override_verdict(elin->me(), cara_attempt.id, "ds-names-harm", true, "Named in supervision.", "");
        auto verdicts = cara->verdicts(cara->me(), cara_attempt.id);
        REQUIRE(verdicts.size() == 1);
        CHECK(verdicts[0].met);
        REQUIRE(verdicts[0].overrides.size() == 1);
        CHECK(verdicts[0].overrides[0].reason == "Named in supervision.");
    }
    SUBCASE("another trainee sees none of her comments") {
        CHECK_THROWS_AS(dev->comments(dev->me(), cara_attempt.id), StoreError);   // her attempt is not his to read
        auto rows = psql_as(room.uri("Dev Patel", ""), "dev-pw-77",
                            "SELECT count(*) FROM comments WHERE attempt = " + std::to_string(cara_attempt.id));
        INFO(rows.out);
        CHECK(rows.out == "0\n");
        auto his = dev->comments(dev->me(), dev_attempt.id);
        REQUIRE(his.size() == 1);
        CHECK(his[0].text.find("DEV-CASE") == 0);
    }
    SUBCASE("a trainer of another cohort cannot comment, through the store or with psql") {
        CHECK_THROWS_AS(finn->add_comment(finn->me(), cara_attempt.id, "FINN: not my trainee", "", ""), StoreError);
        auto forged = psql_as(room.uri("Finn Doyle", ""), "finn-pw-7",
                              "INSERT INTO comments(attempt, trainer, text, at_ms) VALUES (" + std::to_string(cara_attempt.id) +
                                  ", (SELECT id FROM people WHERE name = 'Finn Doyle'), 'FINN-FORGED', 0)");
        INFO(forged.out);
        CHECK(forged.rc != 0);
        // Nor does he read hers.
        auto rows = psql_as(room.uri("Finn Doyle", ""), "finn-pw-7", "SELECT text FROM comments");
        CHECK(rows.out.find("CARA") == std::string::npos);
        CHECK(rows.out.find("DEV-CASE") != std::string::npos);
        CHECK(cara->comments(cara->me(), cara_attempt.id).size() == 2);   // nothing was added
    }
    SUBCASE("a trainee cannot write a comment, not even on her own attempt") {
        CHECK_THROWS_AS(cara->add_comment(cara->me(), cara_attempt.id, "CARA: praise for me", "", ""), StoreError);
        auto forged = psql_as(room.uri("Cara Nwosu", ""), "cara-pw-7",
                              "INSERT INTO comments(attempt, trainer, text, at_ms) VALUES (" + std::to_string(cara_attempt.id) +
                                  ", (SELECT id FROM people WHERE name = 'Cara Nwosu'), 'CARA-FORGED', 0)");
        CHECK(forged.rc != 0);
    }
}
