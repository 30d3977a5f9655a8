// The words-and-pictures task kind in the loader, the parse cache and the
// playthrough: the task and its expert key read from a file, the key's
// problems reported with their codes, and an answer taken like any text.
#include "runtime/session.hpp"
#include "runtime/stock_answer.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>

using namespace sofs;
namespace fs = std::filesystem;

namespace {

// A tiny case with a words-and-pictures task; `key` is the expert key's words_and_pictures block.
std::string tiny(const std::string& key) {
    return R"(id: tiny
title: "A tiny vignette"
summary: "One visit, one ending."
audiences: [two-day]
topics: ["example"]
minutes: 5
version: 1
aims: [1]
referral: "The school rang about Sam."
people:
  - {id: sam, name: Sam, age: 5, role: child}
  - {id: ava, name: Ava, age: 30, role: caregiver, aliases: [Mum]}
facts:
  - {id: alone, kind: past-harm, text: "Sam was left alone one evening."}
start: visit
scenes:
  - id: visit
    title: "The visit"
    reveals: [alone]
    task: {id: wp, kind: words-and-pictures, prompt: "Write to Sam.", next: end}
  - id: end
    title: "End"
    ending: done
endings:
  - {id: done, title: "Done"}
expert:
  danger_statements: ["The school is worried Sam could be hurt if left alone again."]
)" + key;
}

const std::string kKey = R"(  words_and_pictures:
    child: sam
    example: "Your teacher was worried because you were on your own one evening. Now Mum stays with you every evening."
)";

}  // namespace

TEST_SUITE("words and pictures") {

SCENARIO("a words-and-pictures task and its key are read from the file") {
    GIVEN("a case whose key names Sam without an age") {
        auto r = load_scenario_text(tiny(kKey), "tiny.yaml");
        THEN("it loads without errors, with the task kind, the child and Sam's own age") {
            CAPTURE(test::all_messages(r.diagnostics));
            REQUIRE(r.scenario);
            CHECK_FALSE(r.diagnostics.has_errors());
            const Task* t = r.scenario->task("wp");
            REQUIRE(t);
            CHECK(t->kind == TaskKind::WordsAndPictures);
            CHECK(std::string(to_string(TaskKind::WordsAndPictures)) == "words-and-pictures");
            REQUIRE(r.scenario->expert.words_and_pictures);
            CHECK(r.scenario->expert.words_and_pictures->child == "sam");
            CHECK(r.scenario->expert.words_and_pictures->age == -1);
            CHECK(words_and_pictures_age(*r.scenario) == 5);
            CHECK(words_and_pictures_child(*r.scenario)->name == "Sam");
        }
    }
    GIVEN("a key with its own age") {
        auto r = load_scenario_text(tiny(kKey + "    age: 8\n"), "tiny.yaml");
        THEN("the key's age is the one the words must fit") {
            REQUIRE(r.scenario);
            CHECK(words_and_pictures_age(*r.scenario) == 8);
        }
    }
}

SCENARIO("the key's problems are reported with their codes") {
    GIVEN("no words_and_pictures in the expert key") {
        auto r = load_scenario_text(tiny(""), "tiny.yaml");
        THEN("the task lacks its key: SCN021") { CHECK(test::has_code(r.diagnostics, "SCN021")); }
    }
    GIVEN("a key for an unknown person") {
        std::string key = kKey;
        key.replace(key.find("child: sam"), 10, "child: zed");
        auto r = load_scenario_text(tiny(key), "tiny.yaml");
        THEN("SCN012") { CHECK(test::has_code(r.diagnostics, "SCN012")); }
    }
    GIVEN("an age that is not a child's") {
        auto r = load_scenario_text(tiny(kKey + "    age: 30\n"), "tiny.yaml");
        THEN("SCN041") { CHECK(test::has_code(r.diagnostics, "SCN041")); }
    }
    GIVEN("a key without its example") {
        auto r = load_scenario_text(tiny("  words_and_pictures:\n    child: sam\n"), "tiny.yaml");
        THEN("a required key is missing: SCN003") { CHECK(test::has_code(r.diagnostics, "SCN003")); }
    }
    GIVEN("an unknown key in it") {
        auto r = load_scenario_text(tiny(kKey + "    pictures: 3\n"), "tiny.yaml");
        THEN("SCN004") { CHECK(test::has_code(r.diagnostics, "SCN004")); }
    }
}

SCENARIO("the key survives the parse cache") {
    GIVEN("the reference case loaded through an empty cache folder twice") {
        fs::path dir = fs::temp_directory_path() / ("sofs-wp-cache-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        LoadOptions opt;
        opt.cache_dir = dir.string();
        const std::string file = test::source_dir() + "/scenarios/reference-case.yaml";
        auto parsed = load_scenario_file(file);
        load_scenario_file(file, opt);
        auto cached = load_scenario_file(file, opt);
        fs::remove_all(dir);
        THEN("the words and pictures key and task come back the same") {
            REQUIRE(cached.scenario);
            REQUIRE(cached.scenario->expert.words_and_pictures);
            CHECK(cached.scenario->expert.words_and_pictures->example == parsed.scenario->expert.words_and_pictures->example);
            CHECK(cached.scenario->expert.words_and_pictures->age == 3);
            CHECK(cached.scenario->task("words-pictures")->kind == TaskKind::WordsAndPictures);
        }
    }
}

SCENARIO("a words-and-pictures answer is taken like any written answer") {
    GIVEN("a session at the task") {
        auto r = load_scenario_text(tiny(kKey), "tiny.yaml");
        REQUIRE(r.scenario);
        Session s(*r.scenario, 1, test::counter_clock());
        REQUIRE(s.view().kind == View::Kind::Task);
        WHEN("an empty answer is given") {
            Answer a;
            a.task = "wp";
            a.text = "  ";
            THEN("it is refused") { CHECK(s.answer(a).has_value()); }
        }
        WHEN("the stock answer is given") {
            Answer a = stock_answer(s, *s.view().task);
            THEN("it is the experts' example and the case ends") {
                CHECK(a.text == r.scenario->expert.words_and_pictures->example);
                CHECK_FALSE(s.answer(a).has_value());
                CHECK((s.ended() || s.view().kind == View::Kind::Ending));
            }
        }
    }
}

}  // TEST_SUITE
