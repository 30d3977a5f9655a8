// Rereading a finished attempt: the golden plan played on a file, overruled
// and commented on by a trainer, then read back as the trainee sees it: the
// whole conversation in order, every answer, the feedback with the
// override's reason and the comments beside their check, and no ids.
#include "../progress/progress_fixture.hpp"
#include "../rubric/fixture.hpp"

#include "play/plan.hpp"
#include "play/playthrough.hpp"
#include "play/reread.hpp"
#include "play/verdicts.hpp"

#include <doctest/doctest.h>

using namespace progress_test;
using namespace sofs;

namespace {

struct Played {
    TempDir dir;
    FixedClock clock;
    std::unique_ptr<Store> store = Store::open(dir.file("p.db"), fast(clock));
    Actor alex, sam, priya;
    Attempt attempt;
    std::vector<StoredVerdict> stored;
    Played() {
        const Actor admin = Actor::system();
        store->add_person(admin, "Priya", Role::Trainer, "", false, std::string("password-1"));
        alex = store->ensure_trainee("alex");
        sam = store->ensure_trainee("sam");
        store->create_cohort(admin, "C1", CohortKind::TwoDay);
        store->add_to_cohort(admin, "C1", std::vector<std::string>{"Priya", "alex"});
        std::string err;
        auto plan = play::read_plan(std::string(SOFS_TESTS_DIR) + "/golden/reference-case/plan.yaml", &err);
        REQUIRE(plan);
        play::Setup s;
        s.store = store.get();
        s.trainee = alex;
        s.seed = 7;
        auto t = std::make_shared<std::int64_t>(0);
        s.clock = [t] { return *t += 250; };
        s.guidance = [](std::string*) -> const Guidance* { return sofs::testing::guidance().get(); };
        play::Playthrough p(sofs::testing::reference_case(), s);
        for (const auto& step : *plan) {
            if (p.session().ended()) break;
            REQUIRE(play::take_step(p, step, "plan.yaml"));
        }
        REQUIRE(p.finished());
        attempt = *p.attempt();
        stored = store->verdicts(admin, attempt.id);
        REQUIRE(!stored.empty());
        priya = store->sign_in("Priya", "password-1");
    }
};

bool has(const std::vector<play::RereadLine>& lines, play::RereadLine::Kind k, const std::string& words) {
    for (const auto& l : lines)
        if (l.kind == k && (l.text.find(words) != std::string::npos)) return true;
    return false;
}

}  // namespace

TEST_SUITE("play") {

TEST_CASE("GIVEN a finished, overruled and commented attempt WHEN the trainee rereads it THEN all of it is there in words") {
    Played p;
    const StoredVerdict& v = p.stored.front();
    p.store->override_verdict(p.priya, p.attempt.id, v.criterion, !v.met, "I read it differently: see line two", v.task);
    p.store->add_comment(p.priya, p.attempt.id, "Well paced throughout.");
    p.store->add_comment(p.priya, p.attempt.id, "A good start here.", v.criterion, v.task);
    auto names = sofs::Guidance::criterion_names(SOFS_CONTENT_DIR, nullptr);

    auto r = play::reread(*p.store, p.alex, p.attempt.id, sofs::testing::reference_case().get(), names);
    CHECK(r.problem.empty());
    CHECK(r.title == sofs::testing::reference_case()->title);
    CHECK_FALSE(r.ending.empty());

    // The conversation: every move the trainee made, in order, each with its reply.
    const auto& scn = *sofs::testing::reference_case();
    std::vector<std::string> moves;
    for (const auto& e : p.store->transcript(p.attempt.id).events)
        if (e.kind == Event::Kind::Choose) moves.push_back(scn.choice(e.choice)->text);
    REQUIRE_FALSE(moves.empty());
    std::vector<std::string> shown;
    for (const auto& l : r.conversation)
        if (l.kind == play::RereadLine::Kind::Move) shown.push_back(l.text);
    CHECK(shown == moves);
    CHECK(r.conversation.front().kind == play::RereadLine::Kind::Scene);
    CHECK(has(r.conversation, play::RereadLine::Kind::Scene, scn.scene(scn.start)->title));
    CHECK(r.conversation.back().kind != play::RereadLine::Kind::Scene);
    bool replies = false, speech = false;
    for (const auto& l : r.conversation) {
        replies |= l.kind == play::RereadLine::Kind::Reply;
        speech |= l.kind == play::RereadLine::Kind::Speech && !l.who.empty();
    }
    CHECK(replies);
    CHECK(speech);
    CHECK(has(r.conversation, play::RereadLine::Kind::Ending, r.ending));

    // Every answer handed in, in words.
    std::set<std::string> tasks;
    for (const auto& e : p.store->transcript(p.attempt.id).events)
        if (e.kind == Event::Kind::Answer) tasks.insert(e.answer.task);
    CHECK(r.answers.size() == tasks.size());
    bool scale = false;
    for (const auto& a : r.answers) {
        CHECK_FALSE(a.label.empty());
        CHECK_FALSE(a.lines.empty());
        if (a.label == "Safety scale") scale = a.lines[0].rfind("Your number: ", 0) == 0;
    }
    CHECK(scale);

    // The feedback: the overruled check carries the reason and the comment beside it.
    std::size_t checks = 0;
    const play::RereadCheck* changed = nullptr;
    for (const auto& t : r.feedback)
        for (const auto& c : t.checks) {
            ++checks;
            CHECK(c.name != c.criterion);  // a name in words, not the id
            if (c.criterion == v.criterion && t.task == v.task) changed = &c;
        }
    CHECK(checks == p.stored.size());
    REQUIRE(changed);
    CHECK(changed->met == !v.met);
    CHECK(changed->assessor_met == v.met);
    REQUIRE(changed->overrides.size() == 1);
    CHECK(changed->overrides[0].reason == "I read it differently: see line two");
    REQUIRE(changed->comments.size() == 1);
    CHECK(changed->comments[0].text == "A good start here.");
    REQUIRE(r.case_comments.size() == 1);
    CHECK(r.case_comments[0].text == "Well paced throughout.");
    CHECK(r.case_comments[0].trainer == "Priya");

    // No ids in what is shown.
    for (const auto& l : r.conversation) CHECK(l.text.find("reference-case") == std::string::npos);
    for (const auto& a : r.answers) CHECK(a.label.find('-') == std::string::npos);
}

TEST_CASE("GIVEN another trainee WHEN they try to reread THEN they are refused; a trainer of the cohort may") {
    Played p;
    CHECK_THROWS_AS(play::reread(*p.store, p.sam, p.attempt.id, sofs::testing::reference_case().get(), {}), StoreError);
    auto r = play::reread(*p.store, p.priya, p.attempt.id, sofs::testing::reference_case().get(), {});
    CHECK_FALSE(r.conversation.empty());
}

TEST_CASE("GIVEN the case file is gone WHEN the attempt is reread THEN answers and feedback remain and the gap is explained") {
    Played p;
    auto r = play::reread(*p.store, p.alex, p.attempt.id, nullptr, {});
    CHECK(r.conversation.empty());
    CHECK(r.problem.find("no longer in the case list") != std::string::npos);
    CHECK_FALSE(r.answers.empty());
    CHECK_FALSE(r.feedback.empty());
}

}  // TEST_SUITE
