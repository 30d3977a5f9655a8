// The session: the view it offers, its actions, determinism, and restore.
#include "runtime/stock_answer.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sofs;

namespace {

using test::example;

std::vector<std::string> ids(const View& v) {
    std::vector<std::string> out;
    for (const Choice* c : v.choices) out.push_back(c->id);
    return out;
}

bool offers(const View& v, const std::string& id) {
    auto all = ids(v);
    return std::find(all.begin(), all.end(), id) != all.end();
}

// Plays to the end taking the first choice offered and stock answers.
void play_first_choices(Session& s) { REQUIRE_FALSE(test::play_to_end(s, test::Pick::First)); }

}  // namespace

TEST_SUITE("session") {

SCENARIO("a new session starts in the start scene with a Start event") {
    GIVEN("the example scenario") {
        auto sc = example();
        WHEN("a session begins") {
            Session s(*sc, 42, test::counter_clock());
            THEN("the transcript holds one Start event at step 0 in the start scene") {
                REQUIRE(s.transcript().events.size() == 1);
                const Event& e = s.transcript().events[0];
                CHECK(e.kind == Event::Kind::Start);
                CHECK(e.step == 0);
                CHECK(e.scene == "doorstep");
                CHECK(e.at_ms == 1000);
                CHECK(s.transcript().scenario == "example");
                CHECK(s.transcript().seed == 42);
                CHECK(s.transcript().content_hash == sc->content_hash);
            }
            THEN("the view offers the scene's choices, and facts of the scene are revealed") {
                View v = s.view();
                CHECK(v.kind == View::Kind::Choices);
                CHECK(v.choices.size() == 2);
                CHECK(s.revealed("messy-flat"));
                CHECK(s.number("trust") == 4);
                CHECK(s.number("openness") == 3);
            }
            THEN("a line whose condition holds is shown") {
                CHECK(s.view().lines.size() == 2);  // trust < 5
            }
        }
    }
}

SCENARIO("a choice made in a scene is not offered again there") {
    GIVEN("a session at the doorstep") {
        Session s(*example(), 1, test::counter_clock());
        WHEN("the trainee threatens, which keeps them at the door") {
            REQUIRE_FALSE(s.choose("threaten"));
            View v = s.view();
            THEN("the reply is shown and only the other choice is offered") {
                CHECK(v.last_choice != nullptr);
                CHECK(v.reply.size() == 1);
                CHECK(ids(v) == std::vector<std::string>{"say-worry"});
            }
            THEN("choosing it again is refused and changes nothing") {
                auto before = s.transcript();
                auto err = s.choose("threaten");
                REQUIRE(err);
                CHECK(err->message.find("already") != std::string::npos);
                CHECK(s.transcript() == before);
            }
        }
    }
}

SCENARIO("choices whose condition fails are hidden") {
    GIVEN("a trainee who threatened at the door, then said the worry") {
        Session s(*example(), 1, test::counter_clock());
        REQUIRE_FALSE(s.choose("threaten"));
        REQUIRE_FALSE(s.choose("say-worry"));
        View v = s.view();
        REQUIRE(v.kind == View::Kind::Narration);  // the reply is read before moving on
        REQUIRE_FALSE(s.advance());
        WHEN("they reach the kitchen") {
            View k = s.view();
            THEN("the exception question (needs 'not blamed') and the network question (needs the fact) are hidden") {
                CHECK(k.scene->id == "kitchen");
                CHECK_FALSE(offers(k, "ask-exception"));
                CHECK_FALSE(offers(k, "ask-gran"));
                CHECK(offers(k, "move-on"));
                auto err = s.choose("ask-exception");
                REQUIRE(err);
                CHECK(err->message.find("not offered") != std::string::npos);
            }
        }
    }
    GIVEN("a trainee who said the worry at once") {
        Session s(*example(), 1, test::counter_clock());
        REQUIRE_FALSE(s.choose("say-worry"));
        REQUIRE_FALSE(s.advance());
        WHEN("they ask for the exception") {
            REQUIRE(offers(s.view(), "ask-exception"));
            CHECK_FALSE(offers(s.view(), "ask-gran"));
            REQUIRE_FALSE(s.choose("ask-exception"));
            THEN("the revealed fact makes the network question appear") {
                CHECK(s.revealed("gran-minded"));
                CHECK(offers(s.view(), "ask-gran"));
                CHECK(s.number("openness") == 5);
            }
        }
    }
}

SCENARIO("actions that do not fit the view are refused") {
    Session s(*example(), 1, test::counter_clock());
    CHECK(s.advance());                      // waiting for a choice
    CHECK(s.choose("no-such-choice"));
    Answer a;
    a.task = "ds";
    a.text = "x";
    CHECK(s.answer(a));                      // no task here
    CHECK(s.transcript().events.size() == 1);
}

SCENARIO("answers are checked against the task") {
    GIVEN("a session at the three-houses task") {
        Session s(*example(), 1, test::counter_clock());
        REQUIRE_FALSE(s.choose("say-worry"));
        REQUIRE_FALSE(s.advance());
        REQUIRE_FALSE(s.choose("move-on"));
        View v = s.view();
        REQUIRE(v.kind == View::Kind::Task);
        REQUIRE(v.task->id == "houses");
        THEN("a placement in a house that does not exist is refused") {
            Answer a;
            a.task = "houses";
            a.placements["the dark"] = "cellar";
            CHECK(s.answer(a));
        }
        THEN("an answer for another task is refused") {
            Answer a;
            a.task = "ds";
            CHECK(s.answer(a));
        }
        THEN("the stock answer is accepted and kept") {
            Answer a = stock_answer(s, *v.task);
            REQUIRE_FALSE(s.answer(a));
            CHECK(s.answers().at("houses") == a);
            CHECK(s.view().scene->id == "desk");
        }
    }
}

SCENARIO("a whole playthrough ends with an End event and numbered steps") {
    Session s(*example(), 9, test::counter_clock());
    play_first_choices(s);
    REQUIRE(s.ended());
    const auto& ev = s.transcript().events;
    CHECK(ev.back().kind == Event::Kind::End);
    CHECK(ev.back().ending == "network-plan");
    for (std::size_t i = 0; i < ev.size(); ++i) CHECK(ev[i].step == static_cast<int>(i));
    CHECK(s.view().kind == View::Kind::Ending);
    REQUIRE(s.view().ending);
    CHECK(s.view().ending->title == "A plan with Nana June");
    CHECK(s.advance());  // nothing after the end
}

SCENARIO("shuffled choices depend only on the seed") {
    auto order = [&](std::uint64_t seed) { return ids(Session(*example(), seed, test::counter_clock()).view()); };
    CHECK(order(5) == order(5));
    bool some_differ = false;
    for (std::uint64_t seed = 1; seed <= 16; ++seed) some_differ = some_differ || order(seed) != order(1);
    CHECK(some_differ);
}

SCENARIO("restore replays a transcript into the same state") {
    GIVEN("a playthrough stopped half way") {
        auto sc = example();
        Session s(*sc, 3, test::counter_clock());
        REQUIRE_FALSE(s.choose("threaten"));
        REQUIRE_FALSE(s.choose("say-worry"));
        REQUIRE_FALSE(s.advance());
        REQUIRE_FALSE(s.choose("move-on"));
        WHEN("it is restored from its transcript") {
            std::string why;
            auto r = Session::restore(*sc, s.transcript(), &why, test::counter_clock());
            REQUIRE_MESSAGE(r, why);
            THEN("the transcript, the view and the state are the same") {
                CHECK(r->transcript() == s.transcript());
                CHECK(r->view().kind == s.view().kind);
                CHECK(r->view().scene == s.view().scene);
                CHECK(r->number("trust") == s.number("trust"));
                CHECK(r->flag("blamed"));
                CHECK(r->revealed_facts() == s.revealed_facts());
            }
            THEN("both go on the same way to the same end") {
                play_first_choices(s);
                play_first_choices(*r);
                CHECK(r->transcript().events.size() == s.transcript().events.size());
                CHECK(r->transcript().events.back().ending == s.transcript().events.back().ending);
            }
        }
    }
    GIVEN("a finished playthrough") {
        auto sc = example();
        Session s(*sc, 4, test::counter_clock());
        play_first_choices(s);
        std::string why;
        auto r = Session::restore(*sc, s.transcript(), &why);
        REQUIRE_MESSAGE(r, why);
        CHECK(r->ended());
        CHECK(r->transcript() == s.transcript());
    }
}

SCENARIO("restore fails clearly when the scenario no longer has an id") {
    GIVEN("a transcript that made the choice 'threaten'") {
        auto sc = example();
        Session s(*sc, 3, test::counter_clock());
        REQUIRE_FALSE(s.choose("threaten"));
        WHEN("the scenario is edited and the choice removed") {
            Scenario edited = *sc;
            auto& choices = edited.scenes[edited.scene_index.at("doorstep")].choices;
            choices.erase(std::remove_if(choices.begin(), choices.end(),
                                         [](const Choice& c) { return c.id == "threaten"; }),
                          choices.end());
            std::string why;
            auto r = Session::restore(edited, s.transcript(), &why);
            THEN("restore says which id is gone") {
                CHECK_FALSE(r);
                CHECK(why.find("threaten") != std::string::npos);
                CHECK(why.find("no longer exists") != std::string::npos);
            }
        }
        WHEN("the transcript names a scene that does not exist") {
            Transcript t = s.transcript();
            t.events[1].scene = "attic";
            std::string why;
            CHECK_FALSE(Session::restore(*sc, t, &why));
            CHECK(why.find("attic") != std::string::npos);
        }
        WHEN("the transcript is for another scenario") {
            Transcript t = s.transcript();
            t.scenario = "other";
            std::string why;
            CHECK_FALSE(Session::restore(*sc, t, &why));
            CHECK(why.find("other") != std::string::npos);
        }
    }
}

}  // TEST_SUITE
