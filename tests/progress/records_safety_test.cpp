// People's records are safe (issue 10): sign-in by password on every path,
// private files, an erase that erases, inert exports, a store that opens in
// constant time, and the small refusals (one program per attempt, database
// addresses, names too long). Each reproducer from the issue is a case here.
#include "progress_fixture.hpp"
#include "progress/private_files.hpp"
#include "progress/report.hpp"
#include "progress/sqlite_store.hpp"

#include <sqlite3.h>

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <sstream>

using namespace progress_test;
using sofs::Event;

namespace {

unsigned mode_of(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
    return st.st_mode & 0777;
}

// Sets the process umask for the life of the object.
struct Umask {
    mode_t old;
    explicit Umask(mode_t m) : old(::umask(m)) {}
    ~Umask() { ::umask(old); }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

StoreError::Kind kind_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const StoreError& e) {
        return e.kind;
    }
    FAIL("no StoreError was thrown");
    return StoreError::Kind::Io;
}

// Wrong passwords for `name`, an hour apart (so no wait is in force), past the free tries.
void guess_past_free_tries(Store& s, FixedClock& clock, const std::string& name, const std::string& password) {
    for (int i = 0; i < kFreeSignInTries + 5; ++i) {
        *clock.ms += 3600 * 1000;
        CHECK_THROWS_AS(s.sign_in(name, password), StoreError);
    }
}

// Signing in as `name` now is refused with how long to wait, whatever the password.
void check_told_to_wait(Store& s, const std::string& name, const std::string& password) {
    try {
        s.sign_in(name, password);
        FAIL("signed in during the wait");
    } catch (const StoreError& e) {
        CHECK(std::string(e.what()).find("try again in") != std::string::npos);
    }
}

}  // namespace

TEST_SUITE("progress records safety") {

TEST_CASE("a trainer's or administrator's name alone never signs them in") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    s->add_person(Actor::system(), "Priya Shah", Role::Trainer, "", false, std::string("correct horse"));
    s->add_person(Actor::system(), "Ada Admin", Role::Admin, "", false, std::string("admin password"));
    WHEN("their names are typed as a new trainee") {
        THEN("ensure_trainee refuses instead of returning the trainer or administrator") {
            CHECK(kind_of([&] { s->ensure_trainee("Priya Shah"); }) == StoreError::Kind::NeedsPassword);
            CHECK(kind_of([&] { s->ensure_trainee("ada admin"); }) == StoreError::Kind::NeedsPassword);
        }
    }
    WHEN("a trainer's name is given with a password as a trainee") {
        THEN("even the right password does not make them a trainee here") {
            CHECK_THROWS_AS(s->ensure_trainee("Priya Shah", "correct horse"), StoreError);
        }
    }
    WHEN("they sign in with an empty or wrong password") {
        THEN("they are refused") {
            CHECK(kind_of([&] { s->sign_in("Priya Shah", ""); }) == StoreError::Kind::Denied);
            CHECK(kind_of([&] { s->sign_in("Ada Admin", "nope"); }) == StoreError::Kind::Denied);
        }
    }
}

TEST_CASE("a trainee profile with a password asks for it") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    s->add_person(Actor::system(), "Bea Secret", Role::Trainee, "", false, std::string("bea's password"));
    THEN("her name alone does not open her work") {
        CHECK(kind_of([&] { s->ensure_trainee("Bea Secret"); }) == StoreError::Kind::NeedsPassword);
        CHECK(kind_of([&] { s->sign_in("Bea Secret", ""); }) == StoreError::Kind::Denied);
    }
    THEN("her password does") {
        CHECK(s->ensure_trainee("Bea Secret", "bea's password").name == "Bea Secret");
        CHECK(s->sign_in("bea secret", "bea's password").role == Role::Trainee);
    }
    WHEN("a trainee sets her own password after checking the current one") {
        Actor cai = s->ensure_trainee("Cai");
        s->set_password(cai, "Cai", "cai's new password");
        THEN("her name alone no longer opens her work") {
            CHECK_THROWS_AS(s->ensure_trainee("Cai"), StoreError);
            CHECK(s->sign_in("Cai", "cai's new password").id == cai.id);
        }
        THEN("she cannot change someone else's") {
            CHECK(kind_of([&] { s->set_password(cai, "Bea Secret", "taken over!!"); }) == StoreError::Kind::Denied);
        }
    }
}

TEST_CASE("an administrator can require a password of every trainee in a file") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    Actor old = s->ensure_trainee("Old Hand");
    CHECK_FALSE(s->trainee_passwords_required());
    CHECK(kind_of([&] { s->require_trainee_passwords(old, true); }) == StoreError::Kind::Denied);
    s->require_trainee_passwords(Actor::system(), true);
    REQUIRE(s->trainee_passwords_required());
    THEN("a trainee without one is told to get one, by name or by sign-in") {
        CHECK(kind_of([&] { s->ensure_trainee("Old Hand"); }) == StoreError::Kind::NeedsPassword);
        CHECK(kind_of([&] { s->sign_in("Old Hand", ""); }) == StoreError::Kind::NeedsPassword);
    }
    THEN("a new profile must choose one") {
        CHECK(kind_of([&] { s->ensure_trainee("New Person"); }) == StoreError::Kind::NeedsPassword);
        CHECK(kind_of([&] { s->ensure_trainee("New Person", "short"); }) == StoreError::Kind::Invalid);
        Actor n = s->ensure_trainee("New Person", "long enough pw");
        CHECK(s->sign_in("New Person", "long enough pw").id == n.id);
    }
    THEN("once an administrator sets one, the trainee signs in with it") {
        s->set_password(Actor::system(), "Old Hand", "given by trainer");
        CHECK(s->sign_in("Old Hand", "given by trainer").id == old.id);
    }
}

TEST_CASE("wrong passwords make the next try wait longer, and the wait survives a restart") {
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("p.db");
    {
        auto s = open_store(db, fast(clock));
        s->add_person(Actor::system(), "Priya", Role::Trainer, "", false, std::string("the right one"));
        // Each try reads the test clock, which moves a second a reading: a few more tries make the wait long.
        guess_past_free_tries(*s, clock, "Priya", "guess");
    }
    CHECK(sign_in_wait_ms(kFreeSignInTries - 1) == 0);
    CHECK(sign_in_wait_ms(kFreeSignInTries) == 2000);
    CHECK(sign_in_wait_ms(kFreeSignInTries + 1) == 4000);
    CHECK(sign_in_wait_ms(100) == 15 * 60 * 1000);
    auto s = open_store(db, fast(clock));  // a restart
    WHEN("the right password is tried at once after the free tries") {
        THEN("it is refused, saying how long to wait") { check_told_to_wait(*s, "Priya", "the right one"); }
    }
    WHEN("the wait is over") {
        *clock.ms += 3600 * 1000;
        THEN("the right password works and the count starts again") {
            CHECK(s->sign_in("Priya", "the right one").role == Role::Trainer);
            CHECK_THROWS_AS(s->sign_in("Priya", "guess"), StoreError);
            CHECK(s->sign_in("Priya", "the right one").role == Role::Trainer);  // one wrong try: no wait
        }
    }
    WHEN("an unknown name is guessed at") {
        guess_past_free_tries(*s, clock, "Nobody", "x");
        THEN("it is made to wait just like a known name, so waiting tells nothing") { check_told_to_wait(*s, "Nobody", "x"); }
    }
}

TEST_CASE("an unknown name costs about the same time as a known one") {
    // Interactive cost, as the application uses: a known name runs Argon2id;
    // an unknown one must too (against a dummy hash), or timing finds names.
    FixedClock clock;
    OpenOptions o = fast(clock);
    o.password_cost = OpenOptions::PasswordCost::Interactive;
    auto s = open_store(":memory:", o);
    s->add_person(Actor::system(), "Priya", Role::Trainer, "", false, std::string("the right one"));
    auto time_of = [&](const std::string& name) {
        auto t0 = std::chrono::steady_clock::now();
        CHECK_THROWS_AS(s->sign_in(name, "wrong"), StoreError);
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    };
    double known = time_of("Priya"), unknown = time_of("Nobody at all");
    *clock.ms += 3600 * 1000;  // no wait between
    known = std::min(known, time_of("Priya"));
    unknown = std::min(unknown, time_of("Nobody at all"));
    MESSAGE("known name " << known * 1000 << " ms, unknown " << unknown * 1000 << " ms");
    CHECK(unknown > known * 0.5);
    CHECK(unknown < known * 2.0);
}

TEST_CASE("files and folders the store makes are private whatever the umask") {
    Umask loose(0);  // the worst case: everything the program makes would be 0666/0777
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("data/progress.db");
    {
        auto s = open_store(db, fast(clock));
        Actor a = s->ensure_trainee("Alex");
        auto at = s->begin_attempt(a.id, header(), facts());
        s->record_event(at.id, event(0, Event::Kind::Start, "referral"));
        s->backup_now();
        THEN("the file, its log, shared memory, the backups and their folders are the owner's only") {
            CHECK(mode_of(db) == 0600);
            CHECK(mode_of(db + "-wal") == 0600);
            CHECK(mode_of(db + "-shm") == 0600);
            CHECK(mode_of(dir.file("data")) == 0700);
            CHECK(mode_of(db + ".backups") == 0700);
            for (const auto& b : Store::backups(db)) CHECK(mode_of(b.path) == 0600);
        }
    }
    WHEN("an existing file is found readable by others") {
        ::chmod(db.c_str(), 0644);
        ::chmod((db + ".backups").c_str(), 0755);
        auto s = open_store(db, fast(clock));
        THEN("it is tightened on open and the person is told") {
            CHECK(mode_of(db) == 0600);
            CHECK(mode_of(db + ".backups") == 0700);
            REQUIRE(s->notices().size() >= 1);
            CHECK(s->notices()[0].find("readable by you only") != std::string::npos);
        }
    }
    WHEN("an export is written") {
        std::string err;
        REQUIRE(write_private_file(dir.file("out/report.csv"), "a,b\n", &err));
        THEN("it is private too") {
            CHECK(mode_of(dir.file("out/report.csv")) == 0600);
            CHECK(mode_of(dir.file("out")) == 0700);
        }
    }
}

TEST_CASE("an erase leaves no copy of the trainee's words in any file under the data folder") {
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("progress.db");
    const std::string marker = "MARKER-" + std::to_string(::getpid()) + "-kestrel-umbrella";
    {
        auto s = open_store(db, fast(clock));
        Actor keep = s->ensure_trainee("Keep Me");
        finished_attempt(*s, keep.id, 4, {});
        Actor alex = s->ensure_trainee("Alex Hill");
        Attempt a = s->begin_attempt(alex.id, header(), facts());
        s->record_event(a.id, event(0, Event::Kind::Start, "referral"));
        Event ans = event(1, Event::Kind::Answer, "map");
        ans.answer.task = "danger";
        ans.answer.text = "Worried that " + marker + " happens";
        s->record_event(a.id, ans);
        s->save_draft(a.id, "goal", "draft with " + marker);
        s->backup_now();                       // a backup holding the marker
        *clock.ms += 25LL * 3600 * 1000;
    }
    // Copies the program made along the way: a damaged file kept by restore, an orphaned partial backup.
    fs::copy_file(db, db + ".damaged-20261101-000000");
    fs::copy_file(Store::backups(db).front().path,
                  db + ".backups/progress-20261101-000000.db.otherhost.1.x.partial");
    auto s = open_store(db, fast(clock));
    EraseReport r = s->erase_person(Actor::system(), "Alex Hill");
    THEN("the report says what was removed, and nothing remains") {
        for (const auto& x : r.could_not) MESSAGE(x);
        CHECK(r.complete());
        CHECK(r.attempts == 1);
        std::string all;
        for (const auto& x : r.removed) all += x + "\n";
        CHECK(all.find("damaged copy") != std::string::npos);
        CHECK(all.find("unfinished backup") != std::string::npos);
        CHECK(all.find("the backup '") != std::string::npos);
        int files = 0;
        for (const auto& f : fs::recursive_directory_iterator(dir.path)) {
            if (!f.is_regular_file()) continue;
            ++files;
            CHECK_MESSAGE(slurp(f.path()).find(marker) == std::string::npos, f.path().string());
        }
        CHECK(files >= 2);
        CHECK(s->find_person("Keep Me"));  // the others' work stays
    }
}

TEST_CASE("an erase says so when another program holds the file") {
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("progress.db");
    auto s = open_store(db, fast(clock));
    Actor alex = s->ensure_trainee("Alex Hill");
    finished_attempt(*s, alex.id, 4, {});
    OpenOptions o = fast(clock);
    o.busy_timeout_ms = 50;
    auto reader = open_store(db, o);
    sqlite3* rh = nullptr;
    // A read held open in another connection keeps the log from being emptied.
    sqlite3_open_v2(db.c_str(), &rh, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_exec(rh, "BEGIN; SELECT count(*) FROM events;", nullptr, nullptr, nullptr);
    s->ensure_trainee("someone else");  // a write after the read began
    OpenOptions quick = fast(clock);
    quick.busy_timeout_ms = 50;
    auto eraser = open_store(db, quick);
    EraseReport r = eraser->erase_person(Actor::system(), "Alex Hill");
    sqlite3_exec(rh, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(rh);
    THEN("it is not called complete, and says what still holds a copy") {
        CHECK_FALSE(r.complete());
        REQUIRE(!r.could_not.empty());
        CHECK(r.could_not[0].find("another program") != std::string::npos);
    }
}

TEST_CASE("CSV cells cannot run as formulas; times and criteria are in words") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    Actor evil = s->ensure_trainee("=HYPERLINK(\"http://x\",\"y\")");
    Actor plus = s->ensure_trainee("+1+2");
    (void)plus;
    finished_attempt(*s, evil.id, 4, {{"d", "DS-WHO", false, "", "", ""}});
    auto r = trainee_report(*s, Actor::system(), evil.name);
    std::string csv = to_csv(r, {{"DS-WHO", "Says who is worried"}});
    THEN("the name starts with an apostrophe, the criterion is named, the time is ISO 8601") {
        CHECK(csv.find("\"'=HYPERLINK(") != std::string::npos);
        CHECK(csv.find("\n=") == std::string::npos);
        CHECK(csv.find("DS-WHO,Says who is worried") != std::string::npos);
        CHECK(csv.find("2026-11-23T") != std::string::npos);
        CHECK(csv.find("started_ms") == std::string::npos);
    }
    THEN("every dangerous first character is neutralised, plain numbers are not") {
        for (std::string bad : {"=1", "+1a", "-x", "@SUM(A1)", "\tx", "\rx"}) CHECK(csv_field(bad).find('\'') != std::string::npos);
        CHECK(csv_field("-2") == "-2");
        CHECK(csv_field("4") == "4");
        CHECK(csv_field("Alex") == "Alex");
    }
}

TEST_CASE("opening takes the same time whatever the file's size; the full check runs on demand") {
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("p.db");
    {
        auto s = open_store(db, fast(clock));
        s->ensure_trainee("Alex");
    }
    WHEN("a read-only command opens it (no upkeep)") {
        OpenOptions o = fast(clock);
        o.backup = false;
        fs::remove_all(db + ".backups");
        auto s = open_store(db, o);
        THEN("no backup is taken") { CHECK(Store::backups(db).empty()); }
        THEN("the full check can be asked for") { CHECK_NOTHROW(s->check()); }
    }
    WHEN("its tables are missing") {
        {
            auto s = open_store(db, fast(clock));
            sqlite_database(*s).exec("DROP TABLE overrides");
        }
        THEN("the cheap check on open finds it") {
            CHECK(kind_of([&] { open_store(db, fast(clock)); }) == StoreError::Kind::Damaged);
        }
    }
    WHEN("a backup was killed half-way (its program gone)") {
        fs::create_directories(db + ".backups");
        std::string orphan = db + ".backups/p-20261123-100000.db.otherhost.99.u.partial";
        std::ofstream(orphan) << "half";
        fs::last_write_time(orphan, fs::file_time_type::clock::now() - std::chrono::hours(2));
        auto cleaned = Store::clean_partial_backups(db);
        THEN("it is cleaned away") {
            CHECK(cleaned.size() == 1);
            CHECK_FALSE(fs::exists(orphan));
        }
    }
    WHEN("the file passes the check") {
        THEN("problem_with says nothing is wrong (restore then asks first)") { CHECK_FALSE(Store::problem_with(db)); }
    }
}

TEST_CASE("a read-only progress file can still be reported on and checked") {
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("p.db");
    {
        auto s = open_store(db, fast(clock));
        Actor a = s->ensure_trainee("Alex");
        finished_attempt(*s, a.id, 4, {});
    }
    ::chmod(db.c_str(), 0400);
    OpenOptions o = fast(clock);
    o.read_only = true;
    o.backup = false;
    auto s = open_store(db, o);
    CHECK_NOTHROW(s->check());
    auto r = trainee_report(*s, Actor::system(), "Alex");
    CHECK(r.attempts.size() == 1);
    CHECK(s->read_only());
}

TEST_CASE("cohort add is all or none") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    s->create_cohort(Actor::system(), "March", sofs::Audience::TwoDay);
    s->ensure_trainee("Alex");
    try {
        s->add_to_cohort(Actor::system(), "March", std::vector<std::string>{"Alex", "Nobdy"});
        FAIL("an unknown name was accepted");
    } catch (const StoreError& e) {
        CHECK(std::string(e.what()).find("'Nobdy'") != std::string::npos);
        CHECK(std::string(e.what()).find("no one was added") != std::string::npos);
    }
    CHECK(s->find_cohort(Actor::system(), "March")->trainees.empty());
}

TEST_CASE("a second program saving to the same attempt is told exactly that") {
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("p.db");
    auto first = open_store(db, fast(clock));
    Actor alex = first->ensure_trainee("Alex");
    Attempt a = first->begin_attempt(alex.id, header(), facts());
    first->record_event(a.id, event(0, Event::Kind::Start, "referral"));
    auto second = open_store(db, fast(clock));
    try {
        second->record_event(a.id, event(1, Event::Kind::Advance, "visit"));
        FAIL("two programs saved to one attempt");
    } catch (const StoreError& e) {
        std::string m = e.what();
        CHECK(m.find("open in another window or program") != std::string::npos);
        CHECK(m.find("has changed") == std::string::npos);
    }
    WHEN("the first one closes") {
        first.reset();
        THEN("the second carries on") { CHECK_NOTHROW(second->record_event(a.id, event(1, Event::Kind::Advance, "visit"))); }
    }
}

TEST_CASE("a database address is refused instead of becoming a file") {
    for (std::string url : {"postgresql://db.example/sofs", "postgres://x", "sqlite:progress.db", "mysql://a/b"}) {
        CHECK(kind_of([&] { Store::open(url); }) == StoreError::Kind::Unsupported);
    }
    CHECK_FALSE(fs::exists("postgresql:"));
}

TEST_CASE("names have a length limit") {
    FixedClock clock;
    auto s = open_store(":memory:", fast(clock));
    CHECK(kind_of([&] { s->ensure_trainee(std::string(120 * 1024, 'a')); }) == StoreError::Kind::Invalid);
    CHECK(kind_of([&] { s->ensure_trainee("two\nlines"); }) == StoreError::Kind::Invalid);
    CHECK_NOTHROW(s->ensure_trainee(std::string(120, 'a')));
}

}  // TEST_SUITE
