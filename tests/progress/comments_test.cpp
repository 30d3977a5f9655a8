// Trainers' comments: stored beside an attempt or one check, changing no
// verdict, read only by the trainee and their trainers, carried by the
// export and removed by the erase.
#include "progress_fixture.hpp"
#include "progress/sqlite_store.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace progress_test;

namespace {

struct CommentRoom {
    FixedClock clock;
    TempDir dir;
    std::unique_ptr<Store> s = open_store(dir.file("p.db"), fast(clock));
    const Actor admin = Actor::system();
    Actor alex, sam, priya, omar;
    Attempt a;
    CommentRoom() {
        s->add_person(admin, "Priya", Role::Trainer, "", false, std::string("password-1"));
        s->add_person(admin, "Omar", Role::Trainer, "", false, std::string("password-2"));
        alex = s->ensure_trainee("Alex");
        sam = s->ensure_trainee("Sam");
        s->create_cohort(admin, "C1", CohortKind::FiveDay);
        s->add_to_cohort(admin, "C1", std::vector<std::string>{"Priya", "Alex"});
        a = finished_attempt(*s, alex.id, 4,
                             {{"danger-1", "DS-WHO", false, "", "no one named", ""},
                              {"danger-1", "DS-PLAIN", true, "", "plain", ""}});
        priya = s->sign_in("Priya", "password-1");
        omar = s->sign_in("Omar", "password-2");
    }
};

}  // namespace

TEST_CASE("a trainer's comment is kept and changes no verdict") {
    CommentRoom r;
    Comment whole = r.s->add_comment(r.priya, r.a.id, "You stayed calm when Ryan raised his voice.");
    Comment beside = r.s->add_comment(r.priya, r.a.id, "Say who is worried by name, as you did with Linda.", "DS-WHO");
    CHECK(whole.criterion.empty());
    CHECK(beside.criterion == "DS-WHO");
    CHECK(beside.task == "danger-1");  // found from the verdict

    auto seen = r.s->comments(r.alex, r.a.id);
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].text == "You stayed calm when Ryan raised his voice.");
    CHECK(seen[0].trainer == "Priya");
    CHECK(seen[1].criterion == "DS-WHO");
    CHECK(seen[0].at_ms < seen[1].at_ms);

    // No verdict moved: DS-WHO is still not met, and nothing is overruled.
    auto v = r.s->verdicts(r.alex, r.a.id);
    REQUIRE(v.size() == 2);
    CHECK_FALSE(v[0].met);
    CHECK_FALSE(v[0].overruled());
    CHECK(v[1].met);

    // The data survives reopening the file (the migration made a real table).
    std::string path = r.s->path();
    r.s.reset();
    auto again = open_store(path, fast(r.clock));
    CHECK(again->comments(Actor::system(), r.a.id).size() == 2);
    CHECK(again->schema_version() == Store::latest_schema_version());
}

TEST_CASE("comments are private to the trainee and their trainers") {
    CommentRoom r;
    r.s->add_comment(r.priya, r.a.id, "A warm start.");
    CHECK(r.s->comments(r.alex, r.a.id).size() == 1);   // the trainee
    CHECK(r.s->comments(r.priya, r.a.id).size() == 1);  // their trainer
    CHECK(r.s->comments(r.admin, r.a.id).size() == 1);  // who holds the file
    CHECK_THROWS_AS(r.s->comments(r.sam, r.a.id), StoreError);   // another trainee
    CHECK_THROWS_AS(r.s->comments(r.omar, r.a.id), StoreError);  // a trainer of another cohort
    try {
        r.s->comments(r.sam, r.a.id);
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreError::Kind::Denied);
    }
}

TEST_CASE("who may comment, and what a comment needs") {
    CommentRoom r;
    auto kind_of = [](auto&& f) {
        try {
            f();
        } catch (const StoreError& e) {
            return e.kind;
        }
        return StoreError::Kind::Io;  // "no error" shows as a failed CHECK below
    };
    using K = StoreError::Kind;
    CHECK(kind_of([&] { r.s->add_comment(r.alex, r.a.id, "I think I did well"); }) == K::Denied);
    CHECK(kind_of([&] { r.s->add_comment(r.omar, r.a.id, "Not my trainee"); }) == K::Denied);
    CHECK(kind_of([&] { r.s->add_comment(r.priya, r.a.id, "  \n "); }) == K::Invalid);
    CHECK(kind_of([&] { r.s->add_comment(r.priya, r.a.id, std::string(9000, 'x')); }) == K::Invalid);
    CHECK(kind_of([&] { r.s->add_comment(r.priya, r.a.id, "On a check that was not judged", "SG-NOPE"); }) ==
          K::NotFound);
    CHECK(kind_of([&] { r.s->add_comment(r.priya, 9999, "No such attempt"); }) == K::NotFound);
    CHECK(kind_of([&] { r.s->add_comment(r.priya, r.a.id, "A task without its check", "", "danger-1"); }) ==
          K::Invalid);
    CHECK(r.s->comments(r.admin, r.a.id).empty());  // nothing half-written
}

TEST_CASE("the export carries comments; the erase removes them and keeps a commenting trainer") {
    CommentRoom r;
    r.s->add_comment(r.priya, r.a.id, "UNIQUE-COMMENT-MARKER");
    auto j = nlohmann::json::parse(r.s->export_person_json(r.admin, "Alex"));
    CHECK(j["attempts"][0]["comments"][0]["text"] == "UNIQUE-COMMENT-MARKER");
    auto jp = nlohmann::json::parse(r.s->export_person_json(r.admin, "Priya"));
    CHECK(jp["comments_given"][0]["text"] == "UNIQUE-COMMENT-MARKER");

    // A trainer whose comments stay on a trainee's record is not erased.
    try {
        r.s->erase_person(r.admin, "Priya");
        FAIL("a trainer whose comments stand on a record was erased");
    } catch (const StoreError& e) {
        CHECK(std::string(e.what()) ==
              "'Priya' has left 1 comment as a trainer; those stay with the trainees' records, so 'Priya' cannot be erased here");
    }
    r.s->erase_person(r.admin, "Alex");
    sql::Database& db = sqlite_database(*r.s);
    CHECK(db.scalar_int("SELECT count(*) FROM comments") == 0);
    CHECK(db.scalar_int("PRAGMA foreign_key_check") == 0);
    r.s->erase_person(r.admin, "Priya");  // nothing of hers remains on anyone's record now
    CHECK_FALSE(r.s->find_person("Priya"));
}
