// Benchmark: the progress store at the size of a large training programme
// (1,000 trainees x 20 attempts x 40 events, with verdicts). Prints the time
// to record one answer durably (each its own committed transaction,
// synchronous=FULL, on a real file) beside this disk's floor for any durable
// write (a 4 KiB write + fdatasync, measured in the same run, before and
// after), as a ratio; a 30-trainee cohort report; and opening the file and
// reporting one trainee, as `sofs report --user` does, against a file that
// holds only that trainee. Aims: recording within 1.2x of the floor; cohort
// report < 50 ms; open + one-trainee report within 1.2x of the small file's.
#include "progress/report.hpp"
#include "progress/store.hpp"
#include "progress/sqlite_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace sofs::progress;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    std::size_t i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

const char* kCriteria[] = {"DS-WHO", "DS-CAREGIVER-BEHAVIOUR", "DS-CHILD-IMPACT", "DS-FUTURE", "DS-PLAIN",
                           "DS-NON-BLAMING", "SG-CAREGIVER-ACTION", "SG-ADDRESSES-DANGER", "SG-OBSERVABLE",
                           "SG-OVER-TIME", "SG-NOT-SERVICE", "SC-IN-RANGE"};

// Fills a new store with `trainees` trainees ("trainee 0", ...) of `attempts`
// attempts of `events` events each, in big transactions.
void build(Store& store, sql::Database& db, int trainees, int attempts, int events) {
    // ---- build the database in big transactions
    const Actor admin = Actor::system();
    store.add_person(admin, "Trainer", Role::Trainer, "", false, std::string("trainer-password"));
    store.create_cohort(admin, "Cohort 0", CohortKind::FiveDay);
    store.add_to_cohort(admin, "Cohort 0", "Trainer");
    store.assign_scenario(admin, "Cohort 0", "reference-case");
    store.remember_scenario({"reference-case", "h1", "Kai and Mia", 3, 2, 5});
    std::int64_t now = 1795428000000LL;
    {
        sql::Statement person(db, "INSERT INTO people(name, role, team, agency, created_ms) VALUES (?1,'trainee',?2,?3,?4)");
        sql::Statement member(db, "INSERT INTO cohort_members(cohort, person) VALUES (1, ?1)");
        sql::Statement attempt(db,
                               "INSERT INTO attempts(person, scenario, content_hash, seed, started_ms, finished_ms, ending, "
                               "status) VALUES (?1, 'reference-case', 'h1', ?2, ?3, ?4, ?5, ?6)");
        sql::Statement event(db,
                             "INSERT INTO events(attempt, step, kind, scenario, content_hash, scene, choice, task, answer, "
                             "ending, at_ms, recorded_ms) VALUES (?1,?2,?3,'reference-case','h1',?4,?5,?6,?7,?8,?9,?9)");
        sql::Statement verdict(db,
                               "INSERT INTO verdicts(attempt, task, criterion, met, evidence_words, explanation, created_ms) "
                               "VALUES (?1, 'danger-1', ?2, ?3, 'we are worried', 'because', ?4)");
        for (int batch = 0; batch * 100 < trainees; ++batch) {
            sql::Transaction tx(db);
            for (int t = batch * 100; t < std::min(trainees, (batch + 1) * 100); ++t) {
                person.reset();
                person.bind(1, "trainee " + std::to_string(t)).bind(2, "team " + std::to_string(t % 12)).bind(3, t % 7 == 0).bind(4, now);
                person.run();
                Id pid = sqlite3_last_insert_rowid(db.get());
                if (t < 30) {
                    member.reset();
                    member.bind(1, pid);
                    member.run();
                }
                for (int a = 0; a < attempts; ++a) {
                    bool finished = a + 1 < attempts;
                    std::int64_t start = now + (t * attempts + a) * 60000LL;
                    attempt.reset();
                    attempt.bind(1, pid).bind(2, a).bind(3, start);
                    if (finished) attempt.bind(4, start + 50000).bind(5, "plan-agreed").bind(6, "finished");
                    else attempt.bind_null(4).bind_null(5).bind(6, "open");
                    attempt.run();
                    Id aid = sqlite3_last_insert_rowid(db.get());
                    for (int e = 0; e < events; ++e) {
                        const char* kind = e == 0 ? "start" : (finished && e == events - 1) ? "end" : e % 5 == 4 ? "answer" : e % 2 ? "choose" : "advance";
                        event.reset();
                        event.bind(1, aid).bind(2, e).bind(3, kind).bind(4, "scene-" + std::to_string(e / 4));
                        event.bind(5, std::string(kind) == "choose" ? "choice-" + std::to_string(e) : std::string());
                        bool answer = std::string(kind) == "answer";
                        event.bind(6, answer ? "task-" + std::to_string(e) : std::string());
                        if (answer)
                            event.bind(7, "{\"task\":\"task-" + std::to_string(e) + "\",\"text\":\"We are worried that when Ryan has been drinking he may push Jade.\",\"number\":" + std::to_string(e % 11) + ",\"placements\":{},\"picks\":[]}");
                        else
                            event.bind_null(7);
                        event.bind(8, std::string(kind) == "end" ? "plan-agreed" : "").bind(9, start + e * 1000);
                        event.run();
                    }
                    if (finished)
                        for (int c = 0; c < 12; ++c) {
                            verdict.reset();
                            verdict.bind(1, aid).bind(2, kCriteria[c]).bind(3, (t + a + c) % 3 != 0).bind(4, start);
                            verdict.run();
                        }
                }
            }
            tx.commit();
        }
    }
}

// Median of `n` runs of: open the file as a read-only command does (no
// upkeep), build one trainee's report as JSON, close.
double open_and_report_ms(const std::string& path, const OpenOptions& base, const std::string& trainee, int n) {
    std::vector<double> ms;
    for (int i = 0; i < n; ++i) {
        OpenOptions o = base;
        o.backup = false;
        auto s = Clock::now();
        {
            auto st = Store::open(path, o);
            auto r = trainee_report(*st, Actor::system(), trainee);
            (void)to_json(r);
        }
        ms.push_back(ms_since(s));
    }
    return percentile(ms, 0.5);
}

// Median of 4 KiB write + fdatasync on the disk holding `dir`: the floor
// under any durable commit there.
double fdatasync_floor_ms(const fs::path& dir, int n, double* p99) {
    std::vector<double> sync_ms;
    int fd = ::open((dir / "fsync-probe").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::string page(4096, 'x');
    for (int i = 0; i < n && fd >= 0; ++i) {
        auto s = Clock::now();
        if (::write(fd, page.data(), page.size()) < 0 || ::fdatasync(fd) != 0) break;
        sync_ms.push_back(ms_since(s));
    }
    if (fd >= 0) ::close(fd);
    fs::remove(dir / "fsync-probe");
    if (sync_ms.empty()) return 0;
    if (p99) *p99 = percentile(sync_ms, 0.99);
    return percentile(sync_ms, 0.5);
}

}  // namespace

int main(int argc, char** argv) {
    const int trainees = 1000, attempts = 20, events = 40, answers = 500;
    fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "sofs-bench-progress";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "progress.db").string();

    OpenOptions o;
    o.password_cost = OpenOptions::PasswordCost::Minimal;
    o.backup = false;
    auto store = Store::open(path, o);
    sql::Database& db = sqlite_database(*store);

    auto t0 = Clock::now();
    build(*store, db, trainees, attempts, events);
    double build_ms = ms_since(t0);
    std::int64_t rows = db.scalar_int("SELECT count(*) FROM events");
    std::printf("bench_progress: built %d trainees x %d attempts x %d events (%lld events, %lld verdicts) in %.1f s; file %.0f MB\n",
                trainees, attempts, events, static_cast<long long>(rows),
                static_cast<long long>(db.scalar_int("SELECT count(*) FROM verdicts")), build_ms / 1000,
                static_cast<double>(fs::file_size(path) + (fs::exists(path + "-wal") ? fs::file_size(path + "-wal") : 0)) / 1e6);

    // ---- record answers durably, one committed transaction each
    Actor alex = store->ensure_trainee("bench trainee");
    sofs::Transcript header{"reference-case", "h1", 7, {}};
    Attempt a = store->begin_attempt(alex.id, header, {"reference-case", "h1", "Kai and Mia", 3, 2, 5});
    double floor_p99 = 0;
    double floor_before = fdatasync_floor_ms(dir, 200, &floor_p99);
    std::vector<double> record_ms;
    for (int i = 0; i < answers; ++i) {
        sofs::Event e;
        e.step = i;
        e.kind = i == 0 ? sofs::Event::Kind::Start : sofs::Event::Kind::Answer;
        e.scene = "write";
        e.answer.task = "danger-1";
        e.answer.text = "We are worried that Ryan may push Jade while she holds Mia, answer " + std::to_string(i);
        e.at_ms = i * 1000;
        auto s = Clock::now();
        store->record_event(a.id, e);
        record_ms.push_back(ms_since(s));
    }
    double floor_after = fdatasync_floor_ms(dir, 200, nullptr);
    double floor = (floor_before + floor_after) / 2;
    double record = percentile(record_ms, 0.5);
    std::printf("this disk's floor, one 4 KiB write + fdatasync: median %.3f ms before, %.3f ms after (p99 %.3f ms)\n",
                floor_before, floor_after, floor_p99);
    std::printf("record one answer durably (synchronous=FULL, WAL, own transaction, %d answers): median %.3f ms, "
                "p99 %.3f ms, max %.3f ms\n",
                answers, record, percentile(record_ms, 0.99), percentile(record_ms, 1.0));
    std::printf("durable answer / fdatasync floor: %.2fx (aim <= 1.2x)\n", floor > 0 ? record / floor : 0.0);

    // ---- a cohort report of 30 trainees
    Actor trainer = store->sign_in("Trainer", "trainer-password");
    std::vector<double> report_ms;
    std::size_t bytes = 0;
    for (int i = 0; i < 20; ++i) {
        auto s = Clock::now();
        auto r = cohort_report(*store, trainer, "Cohort 0");
        bytes = to_json(r).size() + to_csv(r).size();
        report_ms.push_back(ms_since(s));
    }
    std::printf("cohort report, 30 trainees x 20 attempts, JSON and CSV (%zu bytes): median %.2f ms, max %.2f ms (aim < 50 ms)\n",
                bytes, percentile(report_ms, 0.5), percentile(report_ms, 1.0));

    std::vector<double> trainee_ms;
    for (int i = 0; i < 20; ++i) {
        auto s = Clock::now();
        auto r = trainee_report(*store, trainer, "trainee 3");
        (void)to_json(r);
        trainee_ms.push_back(ms_since(s));
    }
    std::printf("trainee report, 20 attempts: median %.2f ms\n", percentile(trainee_ms, 0.5));
    store.reset();

    // ---- open + one trainee's report: the 1,000-trainee file against a file holding only that trainee
    const std::string small = (dir / "small.db").string();
    {
        auto st = Store::open(small, o);
        build(*st, sqlite_database(*st), 1, attempts, events);
    }
    const std::string empty = (dir / "empty.db").string();
    { Store::open(empty, o); }
    open_and_report_ms(path, o, "trainee 0", 3);  // warm the page cache for both
    open_and_report_ms(small, o, "trainee 0", 3);
    double big_ms = open_and_report_ms(path, o, "trainee 0", 21);
    double small_ms = open_and_report_ms(small, o, "trainee 0", 21);
    std::vector<double> empty_open;
    for (int i = 0; i < 21; ++i) {
        OpenOptions e = o;
        e.backup = false;
        auto s = Clock::now();
        { Store::open(empty, e); }
        empty_open.push_back(ms_since(s));
    }
    std::printf("open + one trainee's report (20 attempts): %.2f ms in the %d-trainee file (%.0f MB), %.2f ms in a file "
                "of that trainee alone: %.2fx (aim <= 1.2x); opening an empty file: %.2f ms\n",
                big_ms, trainees, static_cast<double>(fs::file_size(path)) / 1e6, small_ms,
                small_ms > 0 ? big_ms / small_ms : 0.0, percentile(empty_open, 0.5));
    {
        OpenOptions c = o;
        c.backup = false;
        auto again = Store::open(path, c);
        auto s = Clock::now();
        again->check();
        double check_ms = ms_since(s);
        s = Clock::now();
        auto m = again->maintain(true);
        std::printf("the full check (sofs report check, the daily upkeep): %.0f ms; check + the day's backup: %.0f ms\n",
                    check_ms, ms_since(s));
    }
    fs::remove_all(dir);
    return 0;
}
