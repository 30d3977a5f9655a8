// The course load test (issue 12, item 8): forty trainees, each a `sofs play
// --random` process signed in to one PostgreSQL store as their own login
// role, play the reference case at once in a live session, while the
// trainer's dashboard (this program, as the trainer's role) refreshes on
// every NOTIFY and a vote is opened, cast by everyone and revealed. One
// trainee's process is killed (SIGKILL) in the middle of the case and started
// again: it resumes its attempt.
//
// Checks (exit 1 when one fails): every answer a `sofs play` printed (it
// prints a step only once the store has it) is stored exactly once, and the
// store holds no answer that was not printed; the killed trainee lost
// nothing and has one attempt, finished; every trainee's attempt finished;
// the trainer's dashboard saw every answer; the reveal shows every vote.
// Prints the dashboard refresh time and the delay from an answer's commit to
// the trainer's screen (median and 95th percentile, aims < 200 ms and < 250 ms).
//
// Needs SOFS_TEST_POSTGRES (tools/pg-test-cluster.sh start); without it exits
// 77 (skipped), except under CI=true. Usage:
//   bench_course_load [--trainees N] [--step-delay-ms MS] [--sofs PATH] [--scenario FILE]
#include "pg_bench.hpp"
#include "postgres.hpp"

#include <libpq-fe.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

using namespace sofs::progress;
using pg_bench::Clock;
using pg_bench::ms;
using pg_bench::percentile;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

int failures = 0;
void check(bool ok, const std::string& what) {
    if (!ok) {
        ++failures;
        std::printf("  FAILED: %s\n", what.c_str());
    }
}

std::int64_t wall_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// One trainee's `sofs play`, its output in a file; the password in the child's PGPASSWORD only.
pid_t spawn_play(const std::string& sofs, const std::string& scenario, const std::string& uri, const std::string& name,
                 const std::string& password, int seed, int delay_ms, long long session, const std::string& out) {
    std::vector<std::string> args = {sofs,  "play",   scenario,     "--random", "--seed",
                                     std::to_string(seed), "--db", uri, "--user", name,
                                     "--step-delay-ms", std::to_string(delay_ms), "--live", std::to_string(session)};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_s;
    for (char** e = environ; *e; ++e)
        if (std::string(*e).rfind("PGPASSWORD=", 0) != 0 && std::string(*e).rfind("SOFS_PASSWORD=", 0) != 0)
            env_s.push_back(*e);
    env_s.push_back("PGPASSWORD=" + password);
    std::vector<char*> envp;
    for (auto& e : env_s) envp.push_back(e.data());
    envp.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, (out + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = 0;
    int rc = posix_spawn(&pid, sofs.c_str(), &fa, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        std::fprintf(stderr, "bench_course_load: could not start %s\n", sofs.c_str());
        std::exit(1);
    }
    return pid;
}

// The answer steps a `sofs play` printed (each printed once the store had it).
std::vector<int> printed_answers(const std::string& file, int* lines = nullptr) {
    std::vector<int> steps;
    std::ifstream in(file);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        json j = json::parse(line, nullptr, false);
        if (!j.is_object()) continue;  // a line cut short by the kill
        ++n;
        if (j.value("action", "") == "answer") steps.push_back(j.value("step", -1));
    }
    if (lines) *lines = n;
    return steps;
}

std::string file_text(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

int main(int argc, char** argv) {
    int trainees = 40, delay_ms = 40;
    std::string sofs = SOFS_BIN, scenario = std::string(SOFS_SOURCE_DIR) + "/scenarios/reference-case.yaml";
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--trainees") trainees = std::atoi(argv[i + 1]);
        else if (a == "--step-delay-ms") delay_ms = std::atoi(argv[i + 1]);
        else if (a == "--sofs") sofs = argv[i + 1];
        else if (a == "--scenario") scenario = argv[i + 1];
        else {
            std::fprintf(stderr, "bench_course_load: unknown option %s\n", a.c_str());
            return 2;
        }
    }
    const char* base = std::getenv("SOFS_TEST_POSTGRES");
    if (!base || !*base) {
        const char* ci = std::getenv("CI");
        std::fprintf(stderr, "bench_course_load: SKIPPED: set SOFS_TEST_POSTGRES (eval \"$(tools/pg-test-cluster.sh start)\")\n");
        return ci && std::string(ci) == "true" ? 1 : 77;
    }
    const std::string uri = base;
    pg_bench::ScratchDb db("bench_course_load", uri, "sofs_load_");
    const std::string& db_uri = db.uri;
    const std::string& dbname = db.name;
    auto as = [&](const std::string& role) { return db.as(role); };
    auto with_pw = [&](const std::string& role, const std::string& pw) { return db.as(role, pw); };
    const fs::path work = fs::temp_directory_path() / dbname;
    fs::create_directories(work);

    // The course: a trainer and N trainees, one cohort, the reference case.
    std::vector<std::string> names, roles, passwords;
    std::string tess_role;
    {
        auto admin = PgStore::open(db_uri);
        Actor root = admin->me();
        admin->create_cohort(root, "Load course", sofs::Audience::TwoDay);
        admin->add_person(root, "Tess Marsh", Role::Trainer, "", false, std::string("trainer-pass-1"));
        std::vector<std::string> members{"Tess Marsh"};
        for (int i = 0; i < trainees; ++i) {
            names.push_back("Trainee " + std::to_string(i));
            passwords.push_back("trainee-pass-" + std::to_string(i));
            admin->add_person(root, names.back(), Role::Trainee, "", false, passwords.back());
            roles.push_back(*admin->login_role(names.back()));
            members.push_back(names.back());
        }
        admin->add_to_cohort(root, "Load course", members);
        admin->assign_scenario(root, "Load course", "reference-case");
        tess_role = *admin->login_role("Tess Marsh");
    }
    auto tess = PgStore::open(with_pw(tess_role, "trainer-pass-1"));
    auto session = tess->open_live_session("Load course", "reference-case");
    // Each trainee joins from their own connection, and keeps one open for voting.
    std::vector<std::unique_ptr<PgStore>> voters;
    for (int i = 0; i < trainees; ++i) {
        voters.push_back(PgStore::open(with_pw(roles[i], passwords[i])));
        voters.back()->join_live_session(session.join_code);
    }
    tess->listen(session.id);
    tess->open_vote(session.id, "scaling");

    // Everyone plays at once.
    auto out_of = [&](int i, const char* run) { return (work / ("trainee-" + std::to_string(i) + run + ".jsonl")).string(); };
    std::vector<pid_t> pids(static_cast<std::size_t>(trainees));
    auto start = Clock::now();
    for (int i = 0; i < trainees; ++i)
        pids[static_cast<std::size_t>(i)] =
            spawn_play(sofs, scenario, as(roles[i]), names[i], passwords[i], 100 + i, delay_ms, session.id, out_of(i, ""));

    // Everyone votes while they play (from their own connections), in a thread of its own.
    std::thread voting([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        for (int i = 0; i < trainees; ++i) voters[static_cast<std::size_t>(i)]->cast_vote(session.id, "scaling", (i * 7) % 11);
    });

    std::vector<double> refresh, delay;
    std::set<std::pair<long long, int>> seen;
    std::int64_t cursor = 0;
    int wakes = 0, exited = 0, killed_lines = 0, reveal_round = 0;
    bool killed = false;
    std::vector<int> killed_printed;
    std::vector<int> statuses(static_cast<std::size_t>(trainees), -1);
    PGconn* screen = PQconnectdb(with_pw(tess_role, "trainer-pass-1").c_str());
    while (exited < trainees) {
        auto woke = tess->wait_for_changes(100);
        if (!woke.empty()) {
            ++wakes;
            // The dashboard: where everyone is.
            auto t0 = Clock::now();
            auto room = tess->room(session.id);
            refresh.push_back(ms(Clock::now() - t0));
            const std::int64_t shown_ms = wall_ms();
            // Which answers that refresh brought to the screen, and how long after their commit.
            std::string since = std::to_string(std::max<std::int64_t>(0, cursor - 5000));
            const char* params[] = {since.c_str()};
            PGresult* r = PQexecParams(screen,
                                       "SELECT attempt, step, recorded_ms FROM events WHERE kind = 'answer' "
                                       "AND recorded_ms >= $1",
                                       1, nullptr, params, nullptr, nullptr, 0);
            for (int row = 0; row < PQntuples(r); ++row) {
                std::pair<long long, int> key{std::atoll(PQgetvalue(r, row, 0)), std::atoi(PQgetvalue(r, row, 1))};
                std::int64_t at = std::atoll(PQgetvalue(r, row, 2));
                cursor = std::max(cursor, at);
                if (seen.insert(key).second) delay.push_back(static_cast<double>(shown_ms - at));
            }
            PQclear(r);
            (void)room;
        }
        // The vote: revealed once everyone has voted.
        if (!reveal_round && tess->votes_cast(session.id, "scaling") == trainees) reveal_round = tess->reveal_vote(session.id, "scaling");
        // One trainee's process is killed mid-case, then started again.
        if (!killed) {
            // Once it has handed in two answers: the kill lands while it works on the next.
            if (printed_answers(out_of(0, "")).size() >= 2) {
                kill(pids[0], SIGKILL);
                int st = 0;
                waitpid(pids[0], &st, 0);
                killed = true;
                killed_printed = printed_answers(out_of(0, ""), &killed_lines);
                pids[0] = spawn_play(sofs, scenario, as(roles[0]), names[0], passwords[0], 100, delay_ms, session.id,
                                     out_of(0, "-resumed"));
            }
        }
        for (int i = 0; i < trainees; ++i) {
            auto& st = statuses[static_cast<std::size_t>(i)];
            if (st != -1 || (i == 0 && !killed)) continue;
            int raw = 0;
            if (waitpid(pids[static_cast<std::size_t>(i)], &raw, WNOHANG) > 0) {
                st = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128;
                ++exited;
            }
        }
    }
    voting.join();
    const double play_s = ms(Clock::now() - start) / 1000;
    // A last refresh after everyone finished: nothing may be missing from the screen.
    {
        PGresult* r = PQexec(screen, "SELECT attempt, step FROM events WHERE kind = 'answer'");
        for (int row = 0; row < PQntuples(r); ++row)
            check(seen.count({std::atoll(PQgetvalue(r, row, 0)), std::atoi(PQgetvalue(r, row, 1))}) == 1,
                  "an answer never reached the trainer's screen");
        PQclear(r);
    }
    PQfinish(screen);

    // ---------------------------------------------------------------- checks
    auto numbers = tess->revealed_votes(session.id, "scaling", reveal_round ? reveal_round : 1);
    tess.reset();
    voters.clear();
    PGconn* c = PQconnectdb(db_uri.c_str());
    int answers_total = 0;
    for (int i = 0; i < trainees; ++i) {
        check(statuses[static_cast<std::size_t>(i)] == 0,
              names[i] + "'s sofs play exited with " + std::to_string(statuses[static_cast<std::size_t>(i)]) + ": " +
                  file_text(out_of(i, i == 0 ? "-resumed" : "") + ".err"));
        std::string pid = std::to_string(i);
        std::string who = names[i];
        const char* params[] = {who.c_str()};
        PGresult* r = PQexecParams(c,
                                   "SELECT a.status, e.step FROM attempts a JOIN people p ON p.id = a.person "
                                   "LEFT JOIN events e ON e.attempt = a.id AND e.kind = 'answer' WHERE p.name = $1 "
                                   "ORDER BY e.step",
                                   1, nullptr, params, nullptr, nullptr, 0);
        std::multiset<int> stored;
        std::set<std::string> statuses_seen;
        for (int row = 0; row < PQntuples(r); ++row) {
            statuses_seen.insert(PQgetvalue(r, row, 0));
            if (!PQgetisnull(r, row, 1)) stored.insert(std::atoi(PQgetvalue(r, row, 1)));
        }
        PQclear(r);
        PGresult* n = PQexecParams(c, "SELECT count(*) FROM attempts a JOIN people p ON p.id = a.person WHERE p.name = $1",
                                   1, nullptr, params, nullptr, nullptr, 0);
        int attempts = std::atoi(PQgetvalue(n, 0, 0));
        PQclear(n);
        std::multiset<int> printed;
        for (int s : printed_answers(out_of(i, ""))) printed.insert(s);
        if (i == 0)
            for (int s : printed_answers(out_of(0, "-resumed"))) printed.insert(s);
        answers_total += static_cast<int>(stored.size());
        check(attempts == 1 && statuses_seen == std::set<std::string>{"finished"},
              who + " should have one finished attempt (has " + std::to_string(attempts) + ")");
        check(stored == printed, who + ": the answers stored are not exactly the answers given (" +
                                     std::to_string(stored.size()) + " stored, " + std::to_string(printed.size()) +
                                     " printed)");
        check(std::set<int>(stored.begin(), stored.end()).size() == stored.size(), who + ": an answer stored twice");
        if (i == 0)
            for (int s : killed_printed)
                check(stored.count(s) == 1, who + ": answer at step " + std::to_string(s) + " given before the kill was lost");
    }
    PQfinish(c);
    fs::remove_all(work);
    roles.push_back(tess_role);
    db.drop(roles);

    check(killed && !killed_printed.empty(), "the trainee's process was killed after some answers");
    check(static_cast<int>(delay.size()) == answers_total, "the trainer's screen saw every answer once");
    check(reveal_round == 1 && static_cast<int>(numbers.size()) == trainees, "the reveal shows every vote");
    auto h = histogram(numbers);
    const double refresh_p95 = percentile(refresh, 0.95), delay_p95 = percentile(delay, 0.95);
    std::printf("course load: %d trainees, each `sofs play --random` as their own role, in %.1f s on one PostgreSQL store\n",
                trainees, play_s);
    std::printf("  answers stored: %d, each exactly once; one process killed after %d steps (%zu answers) and resumed\n",
                answers_total, killed_lines, killed_printed.size());
    std::printf("  dashboard woken %d times; refresh: median %.1f ms, p95 %.1f ms (aim < 200 ms: %s)\n", wakes,
                percentile(refresh, 0.5), refresh_p95, refresh_p95 < 200 ? "met" : "MISSED");
    std::printf("  answer committed -> on the trainer's screen: median %.1f ms, p95 %.1f ms over %zu answers "
                "(aim < 250 ms: %s)\n",
                percentile(delay, 0.5), delay_p95, delay.size(), delay_p95 < 250 ? "met" : "MISSED");
    std::printf("  vote on 'scaling' revealed with %zu numbers; histogram 0..10:", numbers.size());
    for (int n : h) std::printf(" %d", n);
    std::printf("\n  %s\n", failures == 0 ? "all checks passed" : "SOME CHECKS FAILED");
    return failures == 0 ? 0 : 1;
}
