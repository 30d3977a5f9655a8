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

using namespace sofs::ui::live;

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
    w.update({{"ana\nds", WallKind::Danger, "Social workers are worried that Jay may be hit.", {{"DS-WHO", true}, {"DS-WHAT", false}}},
              {"ben\nds", WallKind::Danger, "Jay may be hurt when Dad drinks.", {{"DS-WHO", true}}},
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

    w.update({{"x", WallKind::Goal, "=HYPERLINK(\"x\"), then \"more\"", {{"SG-OVER-TIME", false}}}});
    std::string csv = w.csv();
    CHECK(csv.find("Safety goal 1,safety goal,no,\"'=HYPERLINK(\"\"x\"\"), then \"\"more\"\"\",SG-OVER-TIME (not met)\n") !=
          std::string::npos);
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
