// Faults the store must survive and explain: a damaged file (with the backup
// to restore from), a read-only file, a full disk, and two programs writing
// the same file at once.
#include "progress_fixture.hpp"
#include "progress/sqlite_store.hpp"

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <thread>
#include <vector>

using namespace progress_test;
using sofs::Event;

namespace {

// A file with some trainees' work in it, closed cleanly (WAL checkpointed).
void fill(const std::string& path, const FixedClock& clock, int trainees) {
    auto s = open_store(path, fast(clock));
    for (int i = 0; i < trainees; ++i) {
        Actor t = s->ensure_trainee("trainee " + std::to_string(i));
        finished_attempt(*s, t.id, i % 11, {{"danger-1", "DS-WHO", i % 2 == 0, "we", "", ""}});
    }
}

void scribble(const std::string& path, std::streamoff at, std::size_t n) {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    REQUIRE(f);
    f.seekp(at);
    std::string garbage(n, '\0');
    for (std::size_t i = 0; i < n; ++i) garbage[i] = static_cast<char>((i * 37 + 11) & 0xff);
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
}

// `s` (a file holding three people) reads, and refuses a write saying it is
// read-only; the refusal's message.
std::string refuses_writing(Store& s) {
    CHECK(s.read_only());
    CHECK(s.people(Actor::system()).size() == 3);
    try {
        s.ensure_trainee("new person");
        FAIL("wrote to a read-only file");
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreError::Kind::ReadOnly);
        CHECK(std::string(e.what()).find("read-only") != std::string::npos);
        return e.what();
    }
    return "";
}

// Runs `work(k)` in `count` child processes at once (k = 0 .. count-1) and
// checks that each exited 0; a child whose work throws exits 1 (a StoreError
// is printed first).
void in_children(int count, const std::function<void(int)>& work) {
    std::vector<pid_t> kids(static_cast<std::size_t>(count));
    for (int k = 0; k < count; ++k) {
        pid_t kid = fork();
        REQUIRE(kid >= 0);
        if (kid == 0) {
            int rc = 0;
            try {
                work(k);
            } catch (const StoreError& e) {
                std::fprintf(stderr, "child %d: %s\n", k, e.what());
                rc = 1;
            } catch (...) {
                rc = 1;
            }
            _exit(rc);
        }
        kids[static_cast<std::size_t>(k)] = kid;
    }
    for (pid_t kid : kids) {
        int status = 0;
        REQUIRE(waitpid(kid, &status, 0) == kid);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
}

}  // namespace

TEST_SUITE("progress faults") {

TEST_CASE("a damaged file is reported with the backup to restore from") {
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("progress.db");
    fill(db, clock, 60);
    // A day later the file is opened again: a new backup of the full file is taken.
    *clock.ms += 25LL * 3600 * 1000;
    { open_store(db, fast(clock)); }
    auto backups = Store::backups(db);
    REQUIRE(backups.size() == 2);

    GIVEN("garbage written over pages in the middle of the file") {
        scribble(db, 4096 * 3, 4096 * 2);
        try {
            // Opening reads the header and schema only; the full check finds it.
            open_store(db, fast(clock))->check();
            FAIL("a damaged file passed the check");
        } catch (const StoreError& e) {
            std::string m = e.what();
            CHECK(e.kind == StoreError::Kind::Damaged);
            CHECK(m.find("the progress file '" + db + "' is damaged") != std::string::npos);
            CHECK(m.find(backups.front().path) != std::string::npos);
            CHECK(m.find("sofs report restore --db " + db) != std::string::npos);
        }
        WHEN("it is restored from the newest backup") {
            CHECK(Store::restore(db) == backups.front().path);
            auto s = open_store(db, fast(clock));
            THEN("the work from the backup is back and the damaged file is kept aside") {
                CHECK(s->people(Actor::system()).size() == 60);
                bool kept = false;
                for (auto& f : fs::directory_iterator(dir.path))
                    if (f.path().filename().string().find("progress.db.damaged-") == 0) kept = true;
                CHECK(kept);
            }
        }
    }
    GIVEN("garbage over the file's header") {
        scribble(db, 0, 100);
        CHECK_THROWS_WITH_AS(open_store(db, fast(clock)), doctest::Contains("is damaged"), StoreError);
    }
}

TEST_CASE("the rolling backup is taken at most once a day and keeps the last three") {
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("p.db");
    for (int day = 0; day < 5; ++day) {
        { open_store(db, fast(clock)); }
        { open_store(db, fast(clock)); }  // the same day: no second backup
        *clock.ms += 24LL * 3600 * 1000 + 1000;
    }
    auto b = Store::backups(db);
    REQUIRE(b.size() == 3);
    CHECK(b[0].taken_ms > b[1].taken_ms);
    CHECK(b[0].taken_ms - b[2].taken_ms >= 2 * 24LL * 3600 * 1000);
}

TEST_CASE("a read-only file can be read but not written, and says so") {
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("p.db");
    fill(db, clock, 3);
    OpenOptions o = fast(clock);
    o.read_only = true;
    auto s = open_store(db, o);
    CHECK(refuses_writing(*s).find(db) != std::string::npos);
    if (geteuid() != 0) {  // root ignores file permissions
        s.reset();
        fs::permissions(db, fs::perms::owner_read);
        auto r = open_store(db, fast(clock));
        CHECK(r->read_only());
        CHECK_THROWS_AS(r->ensure_trainee("new person"), StoreError);
    }
}

TEST_CASE("a file the system will not let anyone write is opened for reading and refuses writes plainly") {
    // Root ignores permission bits, so where we can, make the file immutable instead.
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("p.db");
    fill(db, clock, 3);
    const std::string quoted = "'" + db + "'";
    bool immutable = geteuid() == 0 ? std::system(("chattr +i " + quoted + " 2>/dev/null").c_str()) == 0
                                    : (fs::permissions(db, fs::perms::owner_read), true);
    struct Undo {
        std::string q;
        ~Undo() { [[maybe_unused]] int rc = std::system(("chattr -i " + q + " 2>/dev/null").c_str()); }
    } undo{quoted};
    if (!immutable) {
        MESSAGE("cannot make a read-only file here (chattr +i failed); skipped");
        return;
    }
    auto s = open_store(db, fast(clock));
    refuses_writing(*s);
    CHECK(s->people(Actor::system()).size() == 3);
}

TEST_CASE("a full disk gives a clear error and loses nothing already saved") {
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("p.db");
    int saved = 0;
    {
        auto s = open_store(db, fast(clock));
        Actor alex = s->ensure_trainee("alex");
        Attempt a = s->begin_attempt(alex.id, header(), facts());
        // The disk "fills up" a few pages from now.
        sql::Database& d = sqlite_database(*s);
        d.exec("PRAGMA max_page_count = " + std::to_string(d.scalar_int("PRAGMA page_count") + 6));
        bool full = false;
        for (int step = 0; step < 200 && !full; ++step) {
            Event e = event(step, step == 0 ? Event::Kind::Start : Event::Kind::Answer, "write");
            e.answer.task = "danger-1";
            e.answer.text = std::string(3000, 'a' + step % 26);
            try {
                s->record_event(a.id, e);
                ++saved;
            } catch (const StoreError& ex) {
                full = true;
                CHECK(ex.kind == StoreError::Kind::Full);
                CHECK(std::string(ex.what()).find("the disk is full") != std::string::npos);
                CHECK(std::string(ex.what()).find("everything saved before it is safe") != std::string::npos);
            }
        }
        REQUIRE(full);
        REQUIRE(saved > 0);
    }
    auto s = open_store(db, fast(clock));
    auto t = s->transcript(s->open_attempt(s->find_person("alex")->id, "reference-case")->id);
    CHECK(static_cast<int>(t.events.size()) == saved);
    CHECK(t.events.back().answer.text == std::string(3000, 'a' + (saved - 1) % 26));
}

TEST_CASE("two connections writing the same file at once both succeed") {
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("p.db");
    { open_store(db, fast(clock)); }
    const int n = 150;
    auto writer = [&](const std::string& name) {
        OpenOptions o = fast(clock);
        o.clock = wall_clock();
        o.backup = false;
        auto s = open_store(db, o);
        Actor t = s->ensure_trainee(name);
        Attempt a = s->begin_attempt(t.id, header(), facts());
        for (int i = 0; i < n; ++i) s->record_event(a.id, event(i, i ? Event::Kind::Advance : Event::Kind::Start, "x"));
    };
    WHEN("two threads, each with its own connection") {
        std::exception_ptr e1, e2;
        std::thread a([&] { try { writer("one"); } catch (...) { e1 = std::current_exception(); } });
        std::thread b([&] { try { writer("two"); } catch (...) { e2 = std::current_exception(); } });
        a.join();
        b.join();
        CHECK_FALSE(e1);
        CHECK_FALSE(e2);
        auto s = open_store(db, fast(clock));
        CHECK(sqlite_database(*s).scalar_int("SELECT count(*) FROM events") == 2 * n);
    }
    WHEN("two processes") {
        in_children(2, [&](int k) { writer(k ? "proc-two" : "proc-one"); });
        auto s = open_store(db, fast(clock));
        CHECK(sqlite_database(*s).scalar_int("SELECT count(*) FROM events") == 2 * n);
        CHECK(sqlite_database(*s).scalar_int("SELECT count(*) FROM attempts WHERE status = 'open'") == 2);
    }
}

TEST_CASE("a writer killed mid-stream leaves a sound file holding every committed event in order") {
    TempDir dir;
    FixedClock clock;
    const std::string db = dir.file("p.db");
    Id attempt = 0;
    {
        auto s = open_store(db, fast(clock));
        attempt = s->begin_attempt(s->ensure_trainee("alex").id, header(), facts()).id;
    }
    int pipefd[2];
    REQUIRE(pipe(pipefd) == 0);
    pid_t kid = fork();
    REQUIRE(kid >= 0);
    if (kid == 0) {
        close(pipefd[0]);
        try {
            OpenOptions o;
            o.backup = false;
            auto s = open_store(db, o);
            for (int step = 0; step < 100000; ++step) {
                Event e = event(step, step ? Event::Kind::Answer : Event::Kind::Start, "write");
                e.answer.task = "danger-1";
                e.answer.text = std::string(500 + step % 700, 'x');
                s->record_event(attempt, e);
                // Tell the parent each step once it is committed.
                [[maybe_unused]] auto n = write(pipefd[1], &step, sizeof step);
            }
        } catch (...) {
        }
        _exit(0);
    }
    close(pipefd[1]);
    int last = -1, step = 0;
    while (last < 150 && read(pipefd[0], &step, sizeof step) == sizeof step) last = step;
    kill(kid, SIGKILL);
    while (read(pipefd[0], &step, sizeof step) == sizeof step) last = step;  // committed before the kill
    close(pipefd[0]);
    int status = 0;
    waitpid(kid, &status, 0);
    REQUIRE(WIFSIGNALED(status));

    auto s = open_store(db, fast(clock));  // quick_check runs here
    auto t = s->transcript(attempt);
    // Every step reported committed is there; at most the one in flight beyond it; no gaps.
    CHECK(static_cast<int>(t.events.size()) >= last + 1);
    CHECK(static_cast<int>(t.events.size()) <= last + 2);
    for (std::size_t i = 0; i < t.events.size(); ++i) CHECK(t.events[i].step == static_cast<int>(i));
}

TEST_CASE("several processes creating the same new file at once all succeed") {
    TempDir dir;
    const std::string db = dir.file("new.db");
    in_children(4, [&](int k) {
        OpenOptions o;
        o.password_cost = OpenOptions::PasswordCost::Minimal;
        auto s = open_store(db, o);
        Actor t = s->ensure_trainee("trainee " + std::to_string(k));
        s->begin_attempt(t.id, header(), facts());
    });
    FixedClock clock;
    auto s = open_store(db, fast(clock));
    CHECK(s->people(Actor::system()).size() == 4);
    CHECK(s->schema_version() == Store::latest_schema_version());
}

}  // TEST_SUITE
