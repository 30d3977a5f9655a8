// The voice plan (engine/runtime/voices): voice names, one voice per person,
// stable line keys and file names.
#include "test_support.hpp"

#include "load/loader.hpp"
#include "runtime/hash.hpp"
#include "runtime/voices.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace sofs;

TEST_SUITE("voices") {
    TEST_CASE("GIVEN voice names WHEN checked THEN espeak-ng's shapes pass and others say why") {
        for (const char* ok : {"en-gb+f3", "cy+m2", "en-gb-x-rp", "cy", "en-gb+klatt", "en+Annie"}) CHECK_MESSAGE(valid_voice_name(ok, nullptr), ok);
        std::string why;
        CHECK_FALSE(valid_voice_name("English+F3", &why));
        CHECK(why.find("language tag") != std::string::npos);
        CHECK_FALSE(valid_voice_name("en-gb+", &why));
        CHECK(why.find("nothing follows") != std::string::npos);
        CHECK_FALSE(valid_voice_name("+f3", &why));
        CHECK_FALSE(valid_voice_name("e+f3", &why));
        CHECK_FALSE(valid_voice_name("en--gb", &why));
        CHECK_FALSE(valid_voice_name("en-gb+f 3", &why));
        CHECK_FALSE(valid_voice_name("", &why));
    }

    TEST_CASE("GIVEN every bundled scenario WHEN voices are assigned THEN no two people of a case share one") {
        for (const auto& f : find_scenario_files({test::source_dir() + "/scenarios", test::tests_dir() + "/voices"})) {
            auto r = load_scenario_file(f);
            REQUIRE(r.scenario);
            auto voices = assign_voices(*r.scenario);
            CAPTURE(f);
            CHECK(voices.size() == r.scenario->people.size());
            std::set<std::string> seen;
            for (const auto& [id, v] : voices) {
                CHECK_MESSAGE(seen.insert(v.voice).second, id << " shares " << v.voice);
                CHECK(valid_voice_name(v.voice, nullptr));
                CHECK(valid_voice_name(v.welsh_voice, nullptr));
                CHECK(v.welsh_voice.rfind("cy", 0) == 0);
            }
            // The same file gives the same plan (nothing random, nothing from the machine).
            auto again = assign_voices(*load_scenario_file(f).scenario);
            for (const auto& [id, v] : voices) CHECK(again.at(id).voice == v.voice);
        }
    }

    TEST_CASE("GIVEN more people of one gender than variants WHEN voices are assigned THEN accents keep them apart") {
        Scenario s;
        for (int i = 0; i < 12; ++i) {
            Person p;
            p.id = "w" + std::to_string(i);
            p.gender = "female";
            p.age = 30;
            s.people.push_back(p);
        }
        s.people[3].voice = "en-gb+f1";   // written in the file: nobody else gets it
        auto voices = assign_voices(s);
        std::set<std::string> seen;
        for (const auto& [id, v] : voices) CHECK(seen.insert(v.voice).second);
        CHECK(voices.at("w3").voice == "en-gb+f1");
        CHECK(voices.at("w0").voice == "en-gb+f2");
    }

    TEST_CASE("GIVEN the small voice scenario WHEN its spoken lines are listed THEN keys are stable and the narrator is left out") {
        auto r = load_scenario_file(test::tests_dir() + "/voices/small/small-voices.yaml");
        REQUIRE(r.scenario);
        const Scenario& s = *r.scenario;
        auto lines = spoken_lines(s);
        std::vector<std::string> keys;
        for (const auto& l : lines) keys.push_back(l.key);
        CHECK(keys == std::vector<std::string>{"s.visit.1", "s.visit.2", "s.visit.3", "c.ask.0", "c.ask.1", "s.close.0"});
        CHECK(spoken_lines(s, true).size() == 7);
        for (const auto& l : lines) CHECK(line_key(s, l.line) == l.key);
        Line elsewhere;
        CHECK(line_key(s, &elsewhere) == "");
        CHECK(voice_file_name("s.visit.1", "Come in.") == "s.visit.1." + content_hash("Come in.") + ".ogg");
        CHECK(voice_file_name("s.visit.1", "Come in.") != voice_file_name("s.visit.1", "Come in!"));
    }

    TEST_CASE("GIVEN the bundled Welsh word list WHEN lines are cut into runs THEN Welsh sentences are Welsh and English stays English") {
        auto words = read_word_list(test::read_file(test::source_dir() + "/scenarios/welsh-words.txt"));
        REQUIRE(words.count("diolch"));
        CHECK_FALSE(words.count("#"));
        auto runs = language_runs("Dw i isio dweud rhywbeth. I want to say something. I don't want Mam and Dad in trouble.", words);
        REQUIRE(runs.size() == 2);
        CHECK(runs[0].welsh);
        CHECK(runs[0].text == "Dw i isio dweud rhywbeth.");
        CHECK_FALSE(runs[1].welsh);
        CHECK(runs[1].text == "I want to say something. I don't want Mam and Dad in trouble.");
        runs = language_runs("...Ie. Yes. Diolch.", words);
        REQUIRE(runs.size() == 3);
        CHECK(runs[0].welsh);
        CHECK_FALSE(runs[1].welsh);
        CHECK(runs[2].welsh);
        // A curly apostrophe reads as a straight one; Welsh letters count by themselves.
        CHECK(language_runs("Mae\u2019n well gen i siarad Cymraeg.", words).at(0).welsh);
        CHECK(language_runs("Tŷ pryderon.", words).at(0).welsh);
        // Welsh names in an English sentence do not make it Welsh.
        CHECK_FALSE(language_runs("Good things: Nain on Tuesdays. Mam reading Dewin y Dŵr at bedtime.", words).at(0).welsh);
        CHECK(language_runs("Good things: Nain on Tuesdays.", words).size() == 1);
        // Without a list everything is English, and the text comes back whole.
        runs = language_runs("Bore da. Diolch.", {});
        REQUIRE(runs.size() == 1);
        CHECK_FALSE(runs[0].welsh);
        CHECK(runs[0].text == "Bore da. Diolch.");
    }
}
