// A first password from an administrator, which its owner must change: kept
// in the file, cleared only when the person sets their own, and checked like
// every password (8 characters at least) on every path.
#include "progress_fixture.hpp"

#include <doctest/doctest.h>

using namespace progress_test;

TEST_CASE("a first password must be changed by its owner, and only then is it theirs") {
    TempDir dir;
    FixedClock clock;
    auto s = open_store(dir.file("p.db"), fast(clock));
    const Actor admin = Actor::system();
    s->add_person(admin, "Bea", Role::Trainee, "", false, std::string("first-pass-1"));
    CHECK_FALSE(s->find_person("Bea")->must_change_password);
    s->require_password_change(admin, "Bea", true);
    CHECK(s->find_person("Bea")->must_change_password);

    Actor bea = s->sign_in("Bea", "first-pass-1");
    // Another trainee and a trainer cannot ask for, or clear, the change.
    Actor sam = s->ensure_trainee("Sam");
    CHECK_THROWS_AS(s->require_password_change(sam, "Bea", false), StoreError);
    CHECK_THROWS_AS(s->set_password(sam, "Bea", "sams-pass-1"), StoreError);
    // An administrator resetting it leaves the change pending.
    s->set_password(admin, "Bea", "second-first-1");
    CHECK(s->find_person("Bea")->must_change_password);
    // Too short: refused, and still pending.
    CHECK_THROWS_AS(s->set_password(bea, "Bea", "short"), StoreError);
    CHECK(s->find_person("Bea")->must_change_password);
    s->set_password(bea, "Bea", "beas-own-pass");
    CHECK_FALSE(s->find_person("Bea")->must_change_password);
    CHECK_THROWS_AS(s->sign_in("Bea", "second-first-1"), StoreError);
    CHECK(s->sign_in("Bea", "beas-own-pass").name == "Bea");

    // Kept in the file.
    s->require_password_change(admin, "Bea", true);
    std::string path = s->path();
    s.reset();
    auto again = open_store(path, fast(clock));
    CHECK(again->find_person("Bea")->must_change_password);
    // No password, nothing to change.
    again->ensure_trainee("Cal");
    CHECK_THROWS_AS(again->require_password_change(admin, "Cal", true), StoreError);
    // Passwords are checked on the administrator's path too.
    CHECK_THROWS_AS(again->add_person(admin, "Dee", Role::Trainee, "", false, std::string("1234567")), StoreError);
    CHECK_FALSE(again->find_person("Dee"));
}
