// The live session screen's logic without a window: what the trainer's room
// shows for given session rows, a vote's bins on the 0-10 line, the
// statement wall's hide and pin, and its export staying in its folder.
#include "live/live_model.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace sofs::live;
using sofs::FactKind;
using sofs::House;

namespace {

Titles case_titles() {
    Titles t;
    t.scene = [](const std::string& id) { return id == "kitchen" ? std::string("The family's kitchen") : std::string(); };
    t.task = [](const std::string& id) { return id == "ds" ? std::string("Danger statement") : std::string(); };
    return t;
}

std::vector<Member> three() {
    return {{"Ana Lowe", "", -1, "", "", ""},
            {"Ben Okafor", "kitchen", 7, "answer", "ds", "open"},
            {"Cal Reyes", "ending-good", 30, "end", "sc", "finished"}};
}

}  // namespace

TEST_CASE("the room: anonymous by default, where each person is, what they handed in") {
    auto lines = room_lines(three(), false, case_titles());
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].who == "Person 1");
    CHECK(lines[1].who == "Person 2");
    CHECK(lines[0].where == "Not started yet");
    CHECK_FALSE(lines[0].started);
    CHECK(lines[1].where == "The family's kitchen");
    CHECK(lines[1].handed_in == "Danger statement");
    CHECK(lines[2].finished);
    CHECK(lines[2].handed_in == "Finished the case");
    CHECK(lines[2].where == "ending-good");   // an id the case does not know is shown as it is
    for (const auto& l : lines) CHECK(l.who.find("Lowe") == std::string::npos);

    auto named = room_lines(three(), true, case_titles());
    CHECK(named[1].who == "Ben Okafor");
    CHECK(room_summary(three()) == "3 people have joined; 2 started, 1 finished.");
    CHECK(room_summary({}) == "No one has joined yet.");
    CHECK(room_summary({three()[0]}) == "1 person has joined; 0 started.");
}

TEST_CASE("a vote's bins on the 0-10 line, with the experts' range") {
    Bins b = bin_votes({3, 3, 4, 7, 2, 3}, 2, 4);
    CHECK(b.total == 6);
    CHECK(b.counts[3] == 3);
    CHECK(b.counts[7] == 1);
    CHECK(b.counts[0] == 0);
    CHECK(b.tallest == 3);
    CHECK(b.in_range == 5);
    REQUIRE(b.middle);
    CHECK(*b.middle == doctest::Approx(3.0));
    CHECK(vote_summary(b, 2, 4) == "6 votes; 5 within the experts' range (2 to 4); the middle is 3.");

    Bins odd = bin_votes({0, 10, 11, -1}, 4, 6);   // out of the scale: not counted
    CHECK(odd.total == 2);
    CHECK(odd.counts[0] == 1);
    CHECK(odd.counts[10] == 1);
    CHECK(odd.in_range == 0);
    CHECK(*odd.middle == doctest::Approx(5.0));
    CHECK(vote_summary(odd, 4, 6) == "2 votes; 0 within the experts' range (4 to 6); the middle is 5.");
    CHECK(vote_summary(bin_votes({4, 5}, 4, 6), 4, 6).find("the middle is 4.5") != std::string::npos);
    CHECK(vote_summary(bin_votes({}, 4, 6), 4, 6) == "No votes.");
    CHECK(voted_line(3, 5) == "3 of 5 have voted");
}

TEST_CASE("the statement wall: pinned first, hidden left off, kept across updates, exported without names") {
    Wall w;
    w.update({{"ana\nds", WallKind::Danger, "Social workers are worried that Jay may be hit.", {{"DS-WHO", true, ""}, {"DS-WHAT", false, ""}}},
              {"ben\nds", WallKind::Danger, "Jay may be hurt when Dad drinks.", {{"DS-WHO", true, ""}}},
              {"ben\nsg", WallKind::Goal, "Mum and Dad will show, over six months, that Jay is safe.", {}}});
    CHECK(w.column(WallKind::Danger).size() == 2);
    CHECK(w.column(WallKind::Goal).size() == 1);
    CHECK(marks_line({{"DS-WHO", true, "Says who is worried"}, {"DS-WHAT", false, ""}}) ==
          "Says who is worried (met); DS-WHAT (not met)");
    CHECK(marks_line({}) == "not marked");
    CHECK(w.pin("ben\nds"));
    CHECK(w.column(WallKind::Danger)[0]->text == "Jay may be hurt when Dad drinks.");
    CHECK(w.hide("ana\nds"));
    CHECK(w.column(WallKind::Danger).size() == 1);
    CHECK(w.column(WallKind::Danger, true).size() == 2);
    CHECK(w.hidden_count() == 1);
    CHECK_FALSE(w.hide("nobody\nds"));

    // New rows from the store: hidden and pinned stay so, a new statement joins.
    w.update({{"ana\nds", WallKind::Danger, "Social workers are worried that Jay may be hit.", {}},
              {"ben\nds", WallKind::Danger, "Jay may be hurt when Dad drinks, and not fed.", {}},
              {"cal\nds", WallKind::Danger, "A third.", {}}});
    auto col = w.column(WallKind::Danger);
    REQUIRE(col.size() == 2);
    CHECK(col[0]->pinned);
    CHECK(col[0]->text == "Jay may be hurt when Dad drinks, and not fed.");
    CHECK(col[1]->text == "A third.");
    CHECK(w.hidden_count() == 1);
    // Pinning a hidden one shows it again.
    CHECK(w.pin("ana\nds"));
    CHECK(w.hidden_count() == 0);
    CHECK(w.hide("ana\nds"));

    std::string md = w.markdown("Statement wall, session K7Q2MX");
    CHECK(md.find("Danger statement 1 (pinned):** Jay may be hurt") != std::string::npos);
    CHECK(md.find("Danger statement 2:** A third.") != std::string::npos);
    CHECK(md.find("may be hit") == std::string::npos);   // hidden
    CHECK(md.find("ana") == std::string::npos);
    CHECK(md.find("ben") == std::string::npos);
    CHECK(md.find("## Safety goals\n\nNone yet.") != std::string::npos);

    w.update({{"x", WallKind::Goal, "=HYPERLINK(\"x\"), then \"more\"", {{"SG-OVER-TIME", false, ""}}}});
    std::string csv = session_csv(w, {}, {});
    CHECK(csv.rfind("section,label,kind,status,text,details\n", 0) == 0);
    CHECK(csv.find("wall,Safety goal 1,safety goal,,\"'=HYPERLINK(\"\"x\"\"), then \"\"more\"\"\",SG-OVER-TIME (not met)\n") !=
          std::string::npos);
}

TEST_CASE("a sorting vote's rounds side by side: where the room put each fact, and what it moved") {
    using K = FactKind;
    std::vector<Placed> r1 = {{"push", K::PastHarm, 4}, {"push", K::ComplicatingFactor, 1}, {"linda", K::ExistingSafety, 3},
                              {"linda", K::Strength, 2}, {"flat", K::Distractor, 5}};
    std::vector<Placed> r2 = {{"push", K::PastHarm, 5}, {"linda", K::Strength, 4}, {"linda", K::ExistingSafety, 1},
                              {"new", K::Strength, 1}};
    auto rows = compare_sortings({r1, r2});
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].fact == "push");
    CHECK_FALSE(rows[0].moved);
    CHECK(placed_line(rows[0].rounds[0]) == "Past harm 4; Complicating factors 1");
    CHECK(rows[1].fact == "linda");
    CHECK(rows[1].moved);   // existing safety -> existing strengths
    CHECK(placed_line(rows[1].rounds[1]) == "Existing strengths 4; Existing safety 1");
    CHECK(rows[2].fact == "flat");
    CHECK_FALSE(rows[2].moved);   // only the first round placed it
    CHECK(placed_line(rows[2].rounds[1]) == "not placed");
    CHECK(placed_line(rows[2].rounds[0]) == "Not part of the mapping 5");
    CHECK(rows[3].rounds[0].empty());
    // A tie in one round and one of the tied places in the other is still a change of mind.
    auto tie = compare_sortings({{{"a", K::PastHarm, 2}, {"a", K::Strength, 2}}, {{"a", K::PastHarm, 3}}});
    CHECK(tie[0].moved);
    CHECK(std::string(place_words(House::GoodThings)) == "House of good things");
    CHECK(round_title(1) == "Round 1: before discussion");
    CHECK(round_title(2) == "Round 2: after discussion");

    VoteRecord sorting;
    sorting.title = "Mapping the facts: Place each thing";
    sorting.sorting = true;
    sorting.round_numbers = {1, 2};
    sorting.placements = {r1, r2};
    sorting.fact_text = [](const std::string& id) { return id == "linda" ? std::string("Linda has a spare room.") : ""; };
    VoteRecord scale;
    scale.title = "Safety scale: Where is it?";
    scale.low = 2;
    scale.high = 5;
    scale.expert = 3;
    scale.round_numbers = {1, 2};
    scale.numbers = {{2, 3, 7}, {3, 3, 4}};
    std::string md = votes_markdown({scale, sorting});
    CHECK(md.find("| | Round 1: before discussion | Round 2: after discussion |") != std::string::npos);
    CHECK(md.find("| The numbers | 2 3 7 | 3 3 4 |") != std::string::npos);
    CHECK(md.find("| Fact | Round 1: before discussion | Round 2: after discussion |") != std::string::npos);
    CHECK(md.find("| Linda has a spare room. *(the room moved it)* | Existing safety 3; Existing strengths 2 | "
                  "Existing strengths 4; Existing safety 1 |") != std::string::npos);
    CHECK(md.find("| push | Past harm 4; Complicating factors 1 | Past harm 5 |") != std::string::npos);
    CHECK(md.find("changed for 1 fact between the rounds") != std::string::npos);

    std::string csv = session_csv(Wall{}, {}, {scale, sorting});
    CHECK(csv.find("vote,Safety scale: Where is it?,scaling,Round 2: after discussion,3 3 4,") != std::string::npos);
    CHECK(csv.find("vote,Mapping the facts: Place each thing,sorting,moved,Linda has a spare room.,"
                   "Round 1: before discussion: Existing safety 3; Existing strengths 2 | "
                   "Round 2: after discussion: Existing strengths 4; Existing safety 1\n") != std::string::npos);
}

TEST_CASE("every export of the session carries the statements improved together, without names") {
    Wall w;
    w.update({{"ana\nds", WallKind::Danger, "Jay may be hit.", {{"DS-WHO", false, ""}}}});
    Improved imp;
    imp.kind = WallKind::Danger;
    imp.original = "Jay may be hit.";
    imp.edits = {{"Social workers are worried that Jay may be hit.", {{"DS-WHO", true, "Says who is worried"}}, true},
                 {"Jay *may* be hit, again.", {{"DS-WHO", false, "Says who is worried"}}, false}};
    Improved none;
    none.kind = WallKind::Goal;
    none.original = "Jay will be safe.";
    std::string md = improvements_markdown({imp, none});
    CHECK(md.find("## Improved together") != std::string::npos);
    CHECK(md.find("The danger statement: Jay may be hit.") != std::string::npos);
    CHECK(md.find("1. Social workers are worried that Jay may be hit. **(picked)**\n   - The assessor: Says who is worried (met)") !=
          std::string::npos);
    CHECK(md.find("2. Jay \\*may\\* be hit, again.\n   - The assessor: Says who is worried (not met)") != std::string::npos);
    CHECK(md.find("The room's improved version: Social workers are worried") != std::string::npos);
    CHECK(md.find("The safety goal: Jay will be safe.\n\nNo edits were proposed.") != std::string::npos);
    CHECK(improvements_markdown({}).empty());

    std::string csv = session_csv(w, {imp, none}, {});
    CHECK(csv.find("wall,Danger statement 1,danger statement,,Jay may be hit.,DS-WHO (not met)\n") != std::string::npos);
    CHECK(csv.find("improved together,Improved together 1,danger statement,original,Jay may be hit.,\n") != std::string::npos);
    CHECK(csv.find("improved together,\"Improved together 1, edit 1\",danger statement,picked,"
                   "Social workers are worried that Jay may be hit.,Says who is worried (met)\n") != std::string::npos);
    CHECK(csv.find("improved together,\"Improved together 1, edit 2\",danger statement,proposed,\"Jay *may* be hit, again.\","
                   "Says who is worried (not met)\n") != std::string::npos);
    CHECK(csv.find("improved together,Improved together 2,safety goal,original,Jay will be safe.,\n") != std::string::npos);
    CHECK(csv.find("ana") == std::string::npos);
}

TEST_CASE("the wall's export is written inside the chosen folder and nowhere else") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("sofs-live-export-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string err;
    auto path = write_export(dir.string(), export_name("K7Q2MX", "wall", "md"), "# wall\n", &err);
    REQUIRE_MESSAGE(path, err);
    CHECK(*path == (dir / "live-session-K7Q2MX-wall.md").string());
    std::ifstream in(*path);
    std::stringstream got;
    got << in.rdbuf();
    CHECK(got.str() == "# wall\n");
    struct stat st{};
    REQUIRE(::stat(path->c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    CHECK_FALSE(write_export(dir.string(), "../escape.md", "x", &err));
    CHECK(err.find("plain name inside the chosen folder") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.parent_path() / "escape.md"));
    CHECK_FALSE(write_export((dir / "missing").string(), "a.md", "x", &err));
    CHECK(err.find("does not exist") != std::string::npos);
    CHECK_FALSE(write_export("", "a.md", "x", &err));
    CHECK(export_name("K7/Q2", "wall", "csv") == "live-session-K7Q2-wall.csv");
    fs::remove_all(dir);
}
