// Vote, then reveal, on a sorting task in a live session: each member's
// sorting of the facts stays private until the trainer reveals the round;
// then everyone in the session sees how many put each fact in each place,
// with no names; `sofs live place` and `sofs live reveal` from the terminal.
#include "pg_fixture.hpp"

#include "../tools/run_support.hpp"

using namespace pg_test;

TEST_CASE("a sorting vote: private until revealed, then per fact how many put it in each place, no names") {
    if (!postgres_available()) return;
    Classroom room;
    for (const char* who : {"Ana Lowe", "Ben Okafor", "Cal Reyes"}) room.add(who, Role::Trainee, std::string("pw-77-") + who[0]);
    room.add("Tess Marsh", Role::Trainer, "tess-pw-77");
    room.cohort("Tuesday group", sofs::Audience::TwoDay, {"Tess Marsh", "Ana Lowe", "Ben Okafor", "Cal Reyes"});
    auto tess = room.as("Tess Marsh", "tess-pw-77");
    auto ana = room.as("Ana Lowe", "pw-77-A");
    auto ben = room.as("Ben Okafor", "pw-77-B");
    auto session = tess->open_live_session("Tuesday group", "reference-case");
    ana->join_live_session(session.join_code);
    ben->join_live_session(session.join_code);

    CHECK_THROWS_AS(ana->cast_placements(session.id, "sort-1", {{"fact-nan", "existing-safety"}}), StoreError);  // not open
    CHECK(tess->open_vote(session.id, "sort-1") == 1);
    tess->listen(session.id);
    ana->cast_placements(session.id, "sort-1", {{"fact-nan", "strength"}, {"fact-bruise", "past-harm"}});
    CHECK(tess->wait_for_changes(2000) == std::vector<std::string>{"votes"});
    ana->cast_placements(session.id, "sort-1", {{"fact-nan", "existing-safety"}, {"fact-bruise", "past-harm"}});  // changed
    ben->cast_placements(session.id, "sort-1", {{"fact-nan", "strength"}, {"fact-bruise", "past-harm"}});
    CHECK(tess->placements_cast(session.id, "sort-1") == 2);
    CHECK(tess->revealed_placements(session.id, "sort-1", 1).empty());   // hidden until revealed
    CHECK_THROWS_AS(ana->cast_placements(session.id, "sort-1", {}), StoreError);
    // Ana cannot read Ben's sorting from the table.
    auto peek = psql_as(room.uri("Ana Lowe", ""), "pw-77-A", "SELECT count(*) FROM placement_votes");
    CHECK(peek.out == "2\n");   // her own two rows only

    tools_test::TempDir dir;
    auto revealed = tools_test::run({"live", "reveal", std::to_string(session.id), "--task", "sort-1", "--db",
                                     room.uri("Tess Marsh", "tess-pw-77")});
    INFO(revealed.out, revealed.err);
    CHECK(revealed.rc == 0);
    CHECK(revealed.out.find("2 sorting(s):") != std::string::npos);
    CHECK(revealed.out.find("  fact-bruise: past-harm 2") != std::string::npos);
    CHECK(revealed.out.find("Ana") == std::string::npos);
    auto counts = ben->revealed_placements(session.id, "sort-1", 1);
    REQUIRE(counts.size() == 3);
    CHECK(counts[0].fact == "fact-bruise");
    CHECK(counts[0].count == 2);
    CHECK(counts[1].fact == "fact-nan");
    CHECK(counts[1].count == 1);
    CHECK(counts[1].place == "existing-safety");   // ties in place order
    CHECK_THROWS_AS(ben->cast_placements(session.id, "sort-1", {{"fact-nan", "grey"}}), StoreError);  // revealed: closed

    // From the terminal: a second round after discussion.
    CHECK(tess->open_vote(session.id, "sort-1") == 2);
    auto placed = tools_test::run({"live", "place", std::to_string(session.id), "--task", "sort-1",
                                   "fact-nan=existing-safety", "--db", room.uri("Ben Okafor", "pw-77-B")});
    INFO(placed.err);
    CHECK(placed.rc == 0);
    CHECK(tools_test::run({"live", "place", std::to_string(session.id), "--task", "sort-1", "fact-nan", "--db",
                           room.uri("Ben Okafor", "pw-77-B")}).rc == 2);
    // Someone outside the session sends nothing.
    auto cal = room.as("Cal Reyes", "pw-77-C");
    CHECK_THROWS_AS(cal->cast_placements(session.id, "sort-1", {{"fact-nan", "strength"}}), StoreError);
    tess->reveal_vote(session.id, "sort-1");
    auto second = tess->revealed_placements(session.id, "sort-1", 2);
    REQUIRE(second.size() == 1);
    CHECK(second[0].place == "existing-safety");
}

TEST_CASE("the statement wall's pins and hides are kept in the store, for the session's trainer only") {
    if (!postgres_available()) return;
    Classroom room;
    room.add("Ana Lowe", Role::Trainee, "ana-pw-77");
    room.add("Tess Marsh", Role::Trainer, "tess-pw-77");
    room.add("Tom Wade", Role::Trainer, "tom-pw-77");
    room.cohort("Tuesday group", sofs::Audience::TwoDay, {"Tess Marsh", "Tom Wade", "Ana Lowe"});
    auto as = [&](const std::string& name, const std::string& pw) { return room.as(name, pw); };
    auto tess = as("Tess Marsh", "tess-pw-77");
    auto session = tess->open_live_session("Tuesday group", "reference-case");
    tess->set_wall_mark(session.id, "Ana Lowe\ndanger-statement", true, false);
    tess->set_wall_mark(session.id, "Ben Okafor\nsafety-goal", false, true);
    tess->set_wall_mark(session.id, "Ana Lowe\ndanger-statement", true, true);   // changed, not added
    // A new connection (the trainer's window opened again) reads them back.
    auto again = as("Tess Marsh", "tess-pw-77")->wall_marks(session.id);
    REQUIRE(again.size() == 2);
    CHECK(again["Ana Lowe\ndanger-statement"].pinned);
    CHECK(again["Ana Lowe\ndanger-statement"].hidden);
    CHECK_FALSE(again["Ben Okafor\nsafety-goal"].pinned);
    // Another trainer of the cohort and a trainee neither read nor write them.
    auto tom = as("Tom Wade", "tom-pw-77");
    CHECK(tom->wall_marks(session.id).empty());
    CHECK_THROWS_AS(tom->set_wall_mark(session.id, "x", true, false), StoreError);
    auto ana = as("Ana Lowe", "ana-pw-77");
    CHECK_THROWS_AS(ana->wall_marks(session.id), StoreError);   // no grant at all
}

TEST_CASE("improve together: the trainer opens a wall statement, each member proposes an edit, the trainer picks one") {
    if (!postgres_available()) return;
    Classroom room;
    room.add("Ana Lowe", Role::Trainee, "ana-pw-77");
    room.add("Ben Okafor", Role::Trainee, "ben-pw-77");
    room.add("Tess Marsh", Role::Trainer, "tess-pw-77");
    room.cohort("Tuesday group", sofs::Audience::TwoDay, {"Tess Marsh", "Ana Lowe", "Ben Okafor"});
    auto uri = [&](const std::string& name, const std::string& pw) { return room.uri(name, pw); };
    auto tess = room.as("Tess Marsh", "tess-pw-77");
    auto ana = room.as("Ana Lowe", "ana-pw-77");
    auto ben = room.as("Ben Okafor", "ben-pw-77");
    auto session = tess->open_live_session("Tuesday group", "reference-case");
    ana->join_live_session(session.join_code);
    ben->join_live_session(session.join_code);
    const std::string sid = std::to_string(session.id);

    CHECK_THROWS_AS(ana->open_improvement(session.id, "danger", "Ryan is a bad dad."), StoreError);  // trainer only
    auto opened = tools_test::run({"live", "improve", sid, "--kind", "danger", "We", "are", "worried", "about", "Kai.", "--db",
                                   uri("Tess Marsh", "tess-pw-77")});
    INFO(opened.out, opened.err);
    REQUIRE(opened.rc == 0);
    auto current = ana->latest_improvement(session.id);
    REQUIRE(current);
    CHECK(current->original == "We are worried about Kai.");
    tess->listen(session.id);
    ana->propose_edit(current->id, "The school is worried that Kai could be hurt if Ryan hits Jade again.");
    CHECK(tess->wait_for_changes(2000) == std::vector<std::string>{"proposals"});
    ana->propose_edit(current->id, "The school is worried that Kai could be hurt or frightened if Ryan hits Jade again.");
    CHECK(tools_test::run({"live", "propose", sid, "Kai", "could", "be", "hurt.", "--db", uri("Ben Okafor", "ben-pw-77")}).rc == 0);
    // Members see only their own; the trainer sees both, without names.
    REQUIRE(ana->proposals(current->id).size() == 1);
    CHECK(ana->proposals(current->id)[0].mine);
    auto all = tess->proposals(current->id);
    REQUIRE(all.size() == 2);
    CHECK(all[0].text.find("hurt or frightened") != std::string::npos);
    auto listed = tools_test::run({"live", "proposals", sid, "--db", uri("Tess Marsh", "tess-pw-77")});
    CHECK(listed.out.find("Ana") == std::string::npos);
    CHECK_THROWS_AS(ana->pick_proposal(current->id, all[1].id), StoreError);
    tess->pick_proposal(current->id, all[0].id);
    auto picked = ben->latest_improvement(session.id);
    REQUIRE(picked);
    CHECK(picked->picked == all[0].id);
    CHECK(picked->picked_text == all[0].text);   // the room sees the picked words
    CHECK_THROWS_AS(ben->propose_edit(current->id, "Too late"), StoreError);   // picked: closed
    CHECK(tess->improvements(session.id).size() == 1);
}
