// Places and houses are typed on the screens (engine FactKind and House);
// their names are written only where the board meets the store, the
// transcript or the live tables. These tests put every place and house
// through each of those edges and back: a misspelt name in any of them
// would bring a card back in the wrong place or not at all, and fail here.
#include "live/live_model.hpp"
#include "model/places.hpp"
#include "load/loader.hpp"
#include "play/playthrough.hpp"
#include "records.hpp"
#include "screens/library.hpp"
#include "screens/mapping.hpp"
#include "screens/three_houses.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>

using namespace sofs;
using namespace sofs::ui;

TEST_CASE("GIVEN every place in the mapping and every house WHEN put on the board, kept as drafts and the case reopened "
          "THEN each comes back as itself, stored under the engine's name") {
    auto dir = std::filesystem::temp_directory_path() / "sofs-ui-places-test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::string db = (dir / "progress.db").string();
    auto loaded = load_scenario_file(std::string(SOFS_SOURCE_DIR) + "/scenarios/reference-case.yaml");
    REQUIRE(loaded.scenario);
    const Scenario& s = *loaded.scenario;
    REQUIRE(s.facts.size() >= std::size(kFactKindsInOrder));
    // One fact in each place, one of the child's words in each house.
    std::map<std::string, FactKind> places;
    for (std::size_t i = 0; i < std::size(kFactKindsInOrder); ++i) places[s.facts[i].id] = kFactKindsInOrder[i];
    const auto& key = s.expert.three_houses;
    REQUIRE_FALSE(key.worries.empty());
    REQUIRE_FALSE(key.good_things.empty());
    REQUIRE_FALSE(key.dreams.empty());
    std::map<std::string, House> houses{{key.worries.front(), House::Dreams},
                                        {key.good_things.front(), House::Worries},
                                        {key.dreams.front(), House::GoodThings}};
    auto setup = [](Records& r) {
        play::Setup st;
        std::string err;
        st.store = r.store();
        st.trainee = r.ensure_trainee("Alex Hill", &err);
        REQUIRE_MESSAGE(st.trainee, err);
        return st;
    };
    {
        Records r(db, true);
        REQUIRE_MESSAGE(r.ok(), r.problem());
        play::Playthrough p(loaded.scenario, setup(r));
        REQUIRE(p.saving());
        for (const auto& [fact, place] : places) CHECK(p.place_fact(fact, place));
        CHECK(p.place_houses(houses));
        CHECK(p.board().placements == places);
        // The drafts carry the engine's names, which the session accepts in an answer.
        std::set<std::string> names;
        for (const auto& d : r.store()->drafts(p.attempt()->id))
            for (const auto& [what, name] : d.placements) names.insert(name);
        for (FactKind k : kFactKindsInOrder) CHECK(names.count(to_string(k)) == 1);
        for (House h : kHousesInOrder) CHECK(names.count(to_string(h)) == 1);
    }
    Records again(db, true);
    play::Playthrough p(loaded.scenario, setup(again));
    REQUIRE(p.resumed());
    CHECK(p.board().placements == places);
    CHECK(p.board().houses == houses);
    std::filesystem::remove_all(dir);
}

TEST_CASE("GIVEN the board's places WHEN written as the transcript's names and read back THEN they are the same; "
          "a misspelt name is left off, never put somewhere") {
    std::map<std::string, FactKind> places;
    for (FactKind k : kFactKindsInOrder) places[std::string("fact-") + to_string(k)] = k;
    CHECK(play::fact_places(play::stored_places(places)) == places);
    std::map<std::string, House> houses;
    for (House h : kHousesInOrder) houses[std::string("words-") + to_string(h)] = h;
    CHECK(play::house_places(play::stored_places(houses)) == houses);
    CHECK(play::fact_places({{"f1", "strenght"}, {"f2", "Strength"}, {"f3", "worries"}}).empty());
    CHECK(play::house_places({{"i1", "good things"}, {"i2", "past-harm"}}).empty());
}

TEST_CASE("GIVEN a Three Houses screen WHEN each of the child's words is put in each house THEN it is in that house, "
          "and taken out it has none") {
    ThreeHousesScreen screen;
    for (House h : kHousesInOrder) {
        screen.put("shouting", h);
        REQUIRE(screen.houses().count("shouting") == 1);
        CHECK(screen.houses().at("shouting") == h);
    }
    screen.put("shouting", std::nullopt);
    CHECK(screen.houses().empty());
}

TEST_CASE("GIVEN the places a live sorting vote offers WHEN named for the live tables and read back THEN each is itself, "
          "with its own words on screen") {
    auto facts = live::sorting_places(TaskKind::SortFacts);
    auto homes = live::sorting_places(TaskKind::ThreeHouses);
    CHECK(facts.size() == std::size(kFactKindsInOrder));
    CHECK(homes.size() == std::size(kHousesInOrder));
    std::set<std::string> names, words;
    for (const auto* list : {&facts, &homes})
        for (const live::Place& p : *list) {
            std::optional<live::Place> back = live::place_from(live::place_name(p));
            REQUIRE(back);
            CHECK(*back == p);
            names.insert(live::place_name(p));
            words.insert(live::place_words(p));
        }
    CHECK(names.size() == facts.size() + homes.size());   // no two places share a name
    CHECK(words.size() == facts.size() + homes.size());   // nor the words a trainee reads
    CHECK(std::string(live::place_words(FactKind::ComplicatingFactor)) == display_name(FactKind::ComplicatingFactor));
    CHECK(std::string(live::place_words(House::Worries)) == "House of worries");
    CHECK_FALSE(live::place_from("strenght"));
    CHECK_FALSE(live::place_from(""));
}

TEST_CASE("GIVEN case files that could not be read WHEN the notice and the empty case list say so THEN they promise other cases only when "
          "there are some, and never say no file was found") {
    using sofs::ui::no_cases_text;
    using sofs::ui::unread_cases_notice;
    std::string none_left = unread_cases_notice({"case.yaml"}, 0);
    CHECK(none_left.find("'case.yaml'") != std::string::npos);
    CHECK(none_left.find("Every other case works") == std::string::npos);   // there was no other case
    CHECK(none_left.find("no other case") != std::string::npos);
    std::string some_left = unread_cases_notice({"a.yaml", "b.yaml"}, 11);
    CHECK(some_left.find("2 case files could not be read ('a.yaml', 'b.yaml')") != std::string::npos);
    CHECK(some_left.find("Every other case works") != std::string::npos);
    // A folder whose one file is broken is not a folder where none was found.
    std::string broken = no_cases_text("/cases", 1);
    CHECK(broken.find("none were found") == std::string::npos);
    CHECK(broken.find("could be read") != std::string::npos);
    CHECK(no_cases_text("/cases", 0).find("none were found in the folder '/cases'") != std::string::npos);
}

TEST_CASE("GIVEN a case about one child WHEN the safety network task asks its question THEN it names her, not 'the children'") {
    auto one = load_scenario_file(std::string(SOFS_SOURCE_DIR) + "/scenarios/teen-missing-boyfriend.yaml");
    REQUIRE(one.scenario);
    std::string q = sofs::ui::network_question(*one.scenario);
    CHECK(q.find("keep Leah safe") != std::string::npos);
    CHECK(q.find("the children") == std::string::npos);
    auto two = load_scenario_file(std::string(SOFS_SOURCE_DIR) + "/scenarios/reference-case.yaml");
    REQUIRE(two.scenario);
    CHECK(sofs::ui::network_question(*two.scenario).find("keep the children safe") != std::string::npos);
}
