// Practice-lead networks on PostgreSQL: one board edited from two
// connections as two different roles, each change reaching the other open
// board through NOTIFY (no polling), row-level security hiding the board
// from anyone outside the network's cohort and letting only the practice
// lead or a trainer remove, and `sofs network` from separate processes.
#include "pg_fixture.hpp"
#include "network_board.hpp"

#include "../tools/run_support.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <fstream>

using namespace pg_test;
namespace nw = sofs::progress::network;

namespace {

struct Network : Classroom {
    std::unique_ptr<PgStore> lead, ana, cal;
    Network() {
        add("Lin Park", Role::Trainer, "lin-pw-77");
        add("Ana Lowe", Role::Trainee, "ana-pw-77");
        add("Cal Reyes", Role::Trainee, "cal-pw-77");
        cohort("North practice leads", sofs::Audience::PracticeLead, {"Lin Park", "Ana Lowe"});
        cohort("South practice leads", sofs::Audience::PracticeLead, {"Cal Reyes"});
        lead = as("Lin Park", "lin-pw-77");
        ana = as("Ana Lowe", "ana-pw-77");
        cal = as("Cal Reyes", "cal-pw-77");
    }
};

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("two roles edit one board at once; each change wakes the other's open board through NOTIFY") {
    if (!postgres_available()) return;
    Network n;
    // Only a practice lead or trainer in the cohort makes a board.
    CHECK_THROWS_WITH_AS(n.ana->create_network("North practice leads", "A family we work with"),
                         doctest::Contains("practice lead or trainer"), StoreError);
    CHECK_THROWS_AS(n.lead->create_network("South practice leads", "Not my network"), StoreError);
    Id board = n.lead->create_network("North practice leads", "Kai and Mia", "reference-case");
    Id real = n.lead->create_network("North practice leads", "A real case from Westbrook team");

    // Both boards open: each LISTENs on the board.
    n.lead->listen_network(board);
    n.ana->listen_network(board);
    CHECK(n.lead->wait_for_changes(0).empty());

    std::vector<double> notify_ms;
    // Ana (a trainee) adds; the lead's board is woken.
    auto t0 = std::chrono::steady_clock::now();
    Id harm = n.ana->add_network_item(board, "harm", "Kai saw his dad push his mum into the door on Saturday night");
    CHECK(n.lead->wait_for_changes(2000) == std::vector<std::string>{"board"});
    notify_ms.push_back(ms_since(t0));
    n.ana->wait_for_changes(200);  // her own change wakes her board too
    // The lead (a trainer) adds; Ana's board is woken.
    t0 = std::chrono::steady_clock::now();
    n.lead->add_network_item(board, "safety", "Nan has Kai and Mia to stay whenever Ryan has been drinking");
    CHECK(n.ana->wait_for_changes(2000) == std::vector<std::string>{"board"});
    notify_ms.push_back(ms_since(t0));
    n.lead->wait_for_changes(200);
    t0 = std::chrono::steady_clock::now();
    n.ana->scale_network(board, "Social worker", 3, "Nan is there most days, but the police came twice");
    CHECK(n.lead->wait_for_changes(2000) == std::vector<std::string>{"board"});
    notify_ms.push_back(ms_since(t0));
    n.lead->scale_network(board, "School", 6, "Kai is in class every day and talks to his teacher");
    n.lead->scale_network(board, "Jade (mum)", 7, "");
    n.ana->scale_network(board, "social worker ", 4, "After Nan's call, a little higher");  // the same perspective: replaced

    auto seen = n.lead->network_board(board);
    REQUIRE(seen);
    CHECK(seen->info.title == "Kai and Mia");
    CHECK(seen->info.i_lead);
    CHECK(seen->items.size() == 2);
    REQUIRE(seen->scales.size() == 3);
    auto sw = std::find_if(seen->scales.begin(), seen->scales.end(), [](auto& s) { return s.perspective == "social worker"; });
    REQUIRE(sw != seen->scales.end());
    CHECK(sw->number == 4);
    CHECK(nw::scale_summary(*seen) == "3 perspectives, from 4 (social worker) to 7 (Jade (mum)); the middle is 6.");
    CHECK(n.ana->network_board(board)->items.size() == 2);  // the same board from the other role
    CHECK_FALSE(n.ana->network_board(board)->info.i_may_remove);

    // Bad input is refused in plain words.
    CHECK_THROWS_WITH_AS(n.ana->add_network_item(board, "worries", "x"), doctest::Contains("not a place on the board"), StoreError);
    CHECK_THROWS_AS(n.ana->add_network_item(board, "harm", "   "), StoreError);
    CHECK_THROWS_AS(n.ana->scale_network(board, "Police", 11, ""), StoreError);
    CHECK_THROWS_AS(n.ana->scale_network(board, " ", 5, ""), StoreError);

    // Only the lead (or a trainer, or an administrator) removes.
    CHECK_THROWS_WITH_AS(n.ana->remove_network_item(board, harm), doctest::Contains("practice lead or a trainer"), StoreError);
    auto raw = psql_as(n.uri("Ana Lowe", ""), "ana-pw-77", "DELETE FROM network_items");
    CHECK(raw.rc == 0);
    CHECK(n.lead->network_board(board)->items.size() == 2);  // row-level security removed nothing
    n.ana->wait_for_changes(100);
    t0 = std::chrono::steady_clock::now();
    CHECK(n.lead->remove_network_item(board, harm));
    CHECK(n.ana->wait_for_changes(2000) == std::vector<std::string>{"board"});
    notify_ms.push_back(ms_since(t0));
    CHECK(n.ana->network_board(board)->items.size() == 1);
    CHECK_FALSE(n.lead->remove_network_item(board, harm));  // gone already

    // The real case's board is a separate board: nothing of Kai's on it.
    CHECK(n.ana->network_board(real)->items.empty());
    CHECK(n.ana->network_board(real)->info.scenario.empty());

    std::sort(notify_ms.begin(), notify_ms.end());
    MESSAGE("change committed on one connection -> the other board woken: median " << notify_ms[notify_ms.size() / 2]
                                                                                    << " ms, worst " << notify_ms.back()
                                                                                    << " ms (loopback)");
    CHECK(notify_ms.back() < 1000);
}

TEST_CASE("row-level security: a board is invisible to anyone outside its network's cohort, whatever they ask") {
    if (!postgres_available()) return;
    Network n;
    Id board = n.lead->create_network("North practice leads", "Kai and Mia", "reference-case");
    n.ana->add_network_item(board, "danger", "Kai could be hurt if the fighting happens again");
    n.ana->scale_network(board, "Police", 2, "Called out twice in a month");
    CHECK_FALSE(n.cal->network_board(board).has_value());
    CHECK(n.cal->networks().empty());
    CHECK_THROWS_AS(n.cal->add_network_item(board, "harm", "I should not be able to add this"), StoreError);
    CHECK_THROWS_AS(n.cal->scale_network(board, "Cal", 9, ""), StoreError);
    // Straight at the tables with psql, as Cal: nothing to read, nothing to write.
    auto cal_uri = n.uri("Cal Reyes", "");
    CHECK(psql_as(cal_uri, "cal-pw-77", "SELECT count(*) FROM networks").out == "0\n");
    CHECK(psql_as(cal_uri, "cal-pw-77", "SELECT count(*) FROM network_items").out == "0\n");
    CHECK(psql_as(cal_uri, "cal-pw-77", "SELECT count(*) FROM network_scales").out == "0\n");
    auto sneak = psql_as(cal_uri, "cal-pw-77",
                         "INSERT INTO network_items(network, kind, text, author, added_ms) "
                         "VALUES (" + std::to_string(board) + ", 'harm', 'x', sofs_me(), 0)");
    CHECK(sneak.rc != 0);
    CHECK(sneak.out.find("row-level security") != std::string::npos);
    // Ana cannot put words on the board in someone else's name either.
    auto forged = psql_as(n.uri("Ana Lowe", ""), "ana-pw-77",
                          "INSERT INTO network_items(network, kind, text, author, added_ms) VALUES (" +
                              std::to_string(board) + ", 'harm', 'x', " +
                              std::to_string(n.admin->find_person("Lin Park")->id) + ", 0)");
    CHECK(forged.rc != 0);
    // Once Cal joins the cohort, he sees it.
    n.admin->add_to_cohort("North practice leads", "Cal Reyes");
    REQUIRE(n.cal->network_board(board).has_value());
    CHECK(n.cal->network_board(board)->items.size() == 1);
}

TEST_CASE("a board of 40 items and 6 perspectives: refresh time after a change, and the exports") {
    if (!postgres_available()) return;
    Network n;
    Id board = n.lead->create_network("North practice leads", "Kai and Mia", "reference-case");
    const char* kinds[] = {"harm", "danger", "complicating", "strengths", "safety", "grey", "danger-statement",
                           "safety-goal", "next-step"};
    for (int i = 0; i < 40; ++i)
        (i % 2 ? n.ana : n.lead)->add_network_item(board, kinds[i % 9], "Item " + std::to_string(i) + " on the board");
    const char* who[] = {"Social worker", "Jade (mum)", "Ryan (dad)", "School", "Police", "Health visitor"};
    for (int i = 0; i < 6; ++i) n.ana->scale_network(board, who[i], 2 + i, "=HYPERLINK(\"x\") because");
    n.lead->listen_network(board);
    std::vector<double> refresh;
    for (int i = 0; i < 10; ++i) {
        n.ana->add_network_item(board, "grey", "More to find out " + std::to_string(i));
        REQUIRE_FALSE(n.lead->wait_for_changes(2000).empty());
        auto t0 = std::chrono::steady_clock::now();
        auto b = n.lead->network_board(board);
        refresh.push_back(ms_since(t0));
        REQUIRE(b);
        CHECK(b->items.size() == static_cast<std::size_t>(41 + i));
    }
    std::sort(refresh.begin(), refresh.end());
    MESSAGE("board refresh with 40-50 items and 6 perspectives: median " << refresh[refresh.size() / 2] << " ms, worst "
                                                                       << refresh.back() << " ms (loopback)");
    auto b = *n.lead->network_board(board);
    auto md = nw::markdown(b);
    CHECK(md.find("# Kai and Mia") != std::string::npos);
    CHECK(md.find("### Complicating factors\n\n- Item 2 on the board") != std::string::npos);
    CHECK(md.find("| Police | 6 |") != std::string::npos);
    auto csv = nw::csv(b, [](const PgStore::NetworkItem& it) {
        return std::vector<nw::BoardMark>{{"Says who is worried", it.kind == "danger-statement"}};
    });
    CHECK(csv.find(",\"'=HYPERLINK(\"\"x\"\") because\"") != std::string::npos);  // a spreadsheet runs no formula
    CHECK(csv.find("Danger statements,,Item 6 on the board,Says who is worried (met)") != std::string::npos);
    tools_test::TempDir dir;
    std::string err;
    auto path = nw::write_owner_only(dir.path.string(), nw::export_name(b, "md"), md, &err);
    REQUIRE_MESSAGE(path, err);
    CHECK(*path == dir.path.string() + "/network-" + std::to_string(board) + "-kai-and-mia.md");
    struct stat st{};
    REQUIRE(::stat(path->c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK_FALSE(nw::write_owner_only(dir.path.string(), "../escape.md", md, &err));
    CHECK(err.find("plain name") != std::string::npos);
}

TEST_CASE("`sofs network` from separate processes: create, add, scale, watch woken by another machine, show, export") {
    if (!postgres_available()) return;
    Network n;
    const std::string lead = n.uri("Lin Park", "lin-pw-77"), ana = n.uri("Ana Lowe", "ana-pw-77"),
                      cal = n.uri("Cal Reyes", "cal-pw-77");
    auto help = tools_test::run({"network", "--help"});
    CHECK(help.rc == 0);
    CHECK(help.out.find("sofs network scale BOARD --perspective NAME") != std::string::npos);
    CHECK(tools_test::run({"network", "list", "--db", "progress.db"}).rc == 2);   // needs the shared store
    auto made = tools_test::run({"network", "create", "--cohort", "North practice leads", "--scenario", "reference-case",
                                 "--scenarios", std::string(SOFS_SOURCE_DIR) + "/scenarios", "--db", lead});
    INFO(made.out, made.err);
    REQUIRE(made.rc == 0);
    const std::string id = made.out.substr(14, made.out.find(' ', 14) - 14);
    CHECK(made.out.find("is made: ") != std::string::npos);
    CHECK(tools_test::run({"network", "create", "--cohort", "North practice leads", "--db", lead}).rc == 2);
    auto nope = tools_test::run({"network", "create", "--cohort", "North practice leads", "--title", "Mine", "--db", ana});
    CHECK(nope.rc == 1);
    CHECK(nope.err.find("practice lead or trainer") != std::string::npos);

    auto watch = tools_test::start({"network", "watch", id, "--for-ms", "4000", "--db", lead});
    std::string seen;
    char buf[4096];
    while (seen.find("Items (number: place)") == std::string::npos) {
        ssize_t got = read(watch.out, buf, sizeof buf);
        if (got <= 0) break;
        seen.append(buf, static_cast<std::size_t>(got));
    }
    auto added = tools_test::run({"network", "add", id, "--to", "danger-statement", "The", "social", "worker", "is",
                                  "worried", "that", "Ryan", "may", "hit", "Jade", "again", "when", "he", "has", "been",
                                  "drinking,", "and", "Kai", "could", "be", "hurt.", "--db", ana});
    INFO(added.err);
    CHECK(added.rc == 0);
    seen += tools_test::drain(watch.out);
    tools_test::drain(watch.err);
    CHECK(tools_test::wait_exit(watch.pid) == 0);
    INFO(seen);
    CHECK(seen.find("--- the board changed ---") != std::string::npos);
    CHECK(seen.find("- The social worker is worried that Ryan may hit Jade again") != std::string::npos);

    CHECK(tools_test::run({"network", "add", id, "--to", "worries", "x", "--db", ana}).rc == 2);
    CHECK(tools_test::run({"network", "scale", id, "--perspective", "School", "--number", "6", "--reason",
                           "In class every day", "--db", ana}).rc == 0);
    CHECK(tools_test::run({"network", "scale", id, "--perspective", "Police", "--number", "12", "--db", ana}).rc == 2);
    auto shown = tools_test::run({"network", "show", id, "--db", lead});
    INFO(shown.out, shown.err);
    CHECK(shown.rc == 0);
    CHECK(shown.out.find("| School | 6 | In class every day |") != std::string::npos);
    CHECK(shown.out.find("  - Assessor: ") != std::string::npos);   // marks beside the danger statement
    CHECK(shown.out.find("(met)") != std::string::npos);
    CHECK(tools_test::run({"network", "show", id, "--db", cal}).rc == 1);   // not in the network

    tools_test::TempDir dir;
    auto exported = tools_test::run({"network", "export", id, "--out", dir.path.string(), "--format", "csv", "--db", lead});
    INFO(exported.out, exported.err);
    REQUIRE(exported.rc == 0);
    std::string path = exported.out.substr(std::string("written to ").size());
    path.pop_back();
    struct stat st{};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    std::ifstream in(path);
    std::string first;
    std::getline(in, first);
    CHECK(first == "place,number,text,assessor");
    auto removed = tools_test::run({"network", "remove", id, "1", "--db", ana});
    CHECK(removed.rc == 1);
    CHECK(tools_test::run({"network", "remove", id, "1", "--db", lead}).rc == 0);
}
