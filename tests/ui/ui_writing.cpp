// The writing box's rules without a window: line breaking at word
// boundaries, caret moves over UTF-8, typing, paste, undo and redo; and the
// conversation log rebuilt from a transcript.
#include "visit_log.hpp"
#include "writing_box.hpp"

#include "load/loader.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;
using namespace sofs::ui;

namespace {
// Every byte is 10 units wide: a 100-unit line holds 10 characters.
float mono(const char* b, const char* e) { return 10.0f * static_cast<float>(e - b); }
std::vector<std::string> shown(const std::string& text, float width) {
    std::vector<std::string> out;
    for (auto l : wrap_lines(text, width, mono)) out.push_back(text.substr(l.begin, l.end - l.begin));
    return out;
}
}  // namespace

TEST_SUITE("ui writing box") {
    TEST_CASE("GIVEN a sentence longer than the box WHEN it is wrapped THEN lines break between words and keep every byte") {
        std::string t = "Ryan pushed Jade against the kitchen door";
        auto lines = shown(t, 100);
        REQUIRE(lines.size() == 7);   // no two words together fit in 10 characters
        CHECK(lines[0] == "Ryan ");
        CHECK(lines[1] == "pushed ");
        CHECK(lines[2] == "Jade ");
        CHECK(lines[3] == "against ");
        CHECK(lines[6] == "door");
        std::string joined;
        for (auto& l : lines) joined += l;
        CHECK(joined == t);
        for (auto& l : lines) {
            std::string trimmed = l.substr(0, l.find_last_not_of(' ') + 1);
            CHECK(trimmed.size() * 10 <= 100);   // no line is wider than the box (trailing spaces aside)
        }
    }

    TEST_CASE("GIVEN a word wider than the whole box WHEN it is wrapped THEN it is broken between characters") {
        auto lines = shown("abcdefghijklmnopqrstuvwxy", 100);
        REQUIRE(lines.size() == 3);
        CHECK(lines[0] == "abcdefghij");
        CHECK(lines[2] == "uvwxy");
    }

    TEST_CASE("GIVEN newlines WHEN the text is wrapped THEN each starts a line and a final newline opens an empty line") {
        auto l = wrap_lines("one\ntwo\n", 100, mono);
        REQUIRE(l.size() == 3);
        CHECK(l[0].begin == 0);
        CHECK(l[0].end == 3);
        CHECK(l[1].begin == 4);
        CHECK(l[2].begin == 8);
        CHECK(l[2].end == 8);
        CHECK(line_of(l, 5) == 1);
        CHECK(line_of(l, 8) == 2);
    }

    TEST_CASE("GIVEN empty text WHEN it is wrapped THEN there is one empty line for the caret") {
        auto l = wrap_lines("", 100, mono);
        REQUIRE(l.size() == 1);
        CHECK(l[0].end == 0);
    }

    TEST_CASE("GIVEN Welsh letters WHEN the caret moves THEN it steps over whole characters") {
        TextEdit e;
        e.reset("Llanwŷdd");   // ŷ is two bytes
        e.move_to(5, false);
        e.right(false, false);
        CHECK(e.caret == 7);
        e.left(false, false);
        CHECK(e.caret == 5);
        e.backspace(false);
        CHECK(e.text == "Llanŷdd");
    }

    TEST_CASE("GIVEN typed words WHEN undo is pressed THEN each word comes off in turn, and redo puts it back") {
        TextEdit e;
        for (char c : std::string("Kai saw")) e.type(std::string(1, c));
        CHECK(e.text == "Kai saw");
        REQUIRE(e.undo());
        CHECK(e.text == "Kai ");
        REQUIRE(e.undo());
        CHECK(e.text == "Kai");
        REQUIRE(e.redo());
        CHECK(e.text == "Kai ");
    }

    TEST_CASE("GIVEN a selection WHEN text is pasted THEN it replaces the selection, and tabs and CR LF are made safe") {
        TextEdit e;
        e.reset("Ryan was violent.");
        e.anchor = 9;
        e.caret = 16;
        CHECK(e.selected() == "violent");
        e.paste("shouted\tand\r\npushed");
        CHECK(e.text == "Ryan was shouted and\npushed.");
        CHECK(e.caret == e.text.size() - 1);
        REQUIRE(e.undo());
        CHECK(e.text == "Ryan was violent.");
    }

    TEST_CASE("GIVEN a caret in a word WHEN Ctrl+Backspace and word moves are used THEN whole words are taken") {
        TextEdit e;
        e.reset("the kitchen door");
        e.backspace(true);
        CHECK(e.text == "the kitchen ");
        e.move_to(0, false);
        e.right(true, true);
        CHECK(e.selected() == "the ");
        std::string cut = e.cut();
        CHECK(cut == "the ");
        CHECK(e.text == "kitchen ");
    }
}

TEST_SUITE("ui conversation log") {
    TEST_CASE("GIVEN the reference case played through two moves WHEN the log is rebuilt THEN every exchange stays, in order") {
        auto lib = load_library({std::string(SOFS_SOURCE_DIR) + "/scenarios"});
        std::shared_ptr<const Scenario> ref;
        for (auto& s : lib.scenarios)
            if (s->id == "reference-case") ref = s;
        REQUIRE(ref);
        Session session(*ref, 1, [] { return std::int64_t(0); });
        int moves = 0;
        std::vector<std::string> chosen;
        for (int i = 0; i < 200 && moves < 3 && !session.ended(); ++i) {
            View v = session.view();
            if (v.kind == View::Kind::Narration) REQUIRE_FALSE(session.advance());
            else if (v.kind == View::Kind::Choices) {
                chosen.push_back(v.choices.front()->id);
                REQUIRE_FALSE(session.choose(v.choices.front()->id));
                ++moves;
            } else break;
        }
        REQUIRE(moves >= 2);
        auto log = visit_log(*ref, session.transcript());
        std::vector<std::string> exchanges;
        for (const auto& e : log)
            if (e.kind == VisitEntry::Kind::Exchange) exchanges.push_back(e.choice->id);
        CHECK(exchanges == chosen);
        REQUIRE_FALSE(log.empty());
        CHECK(log.front().kind == VisitEntry::Kind::SceneOpening);
    }
}
