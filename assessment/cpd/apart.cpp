// The CPD record's PDF made by a fresh copy of the running program
// (write_pdf_apart), and that copy's side (pdf_worker). The record travels
// as JSON on the worker's standard input; the worker's reason for not
// writing, if any, comes back on its standard output.
//
// Why a fresh program and not fork(): a forked child carries every page of
// the application (its fonts, its cases, its store), so while it makes the
// PDF the machine holds the application twice over as far as the child's
// own accounting goes, and the child's peak is the application's plus
// Cairo's. A program started afresh holds only what the PDF needs.
#include "cpd.hpp"

#include "util/worker.hpp"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

namespace sofs::cpd {

namespace {

using nlohmann::json;

constexpr const char* kWorkerFlag = "--cpd-pdf-worker";
// The worker's answers. Anything else (a program that does not know the
// flag prints its usage and exits 2, a crash, a kill) means "not made":
// the caller then makes the PDF itself.
constexpr int kWritten = 0;
constexpr int kRefused = 41;   // the reason is on the worker's stdout

json notes_json(const std::vector<TrainerNote>& notes) {
    json a = json::array();
    for (const auto& n : notes)
        a.push_back({{"comment", n.is_comment}, {"check", n.check}, {"met", n.met},
                     {"trainer", n.trainer}, {"reason", n.reason}, {"date", n.date}});
    return a;
}

json record_json(const CpdRecord& r) {
    json cases = json::array();
    for (const auto& c : r.cases) {
        json refl = json::array();
        for (const auto& x : c.reflections) refl.push_back({{"label", x.label}, {"text", x.text}});
        cases.push_back({{"title", c.title}, {"started", c.started}, {"finished", c.finished},
                         {"time_spent", c.time_spent}, {"met", c.met}, {"total", c.total},
                         {"checks_met", c.checks_met}, {"checks_not_met", c.checks_not_met},
                         {"trainer_notes", notes_json(c.trainer_notes)}, {"reflections", refl}});
    }
    return {{"name", r.name}, {"period", r.period}, {"made_on", r.made_on}, {"total_time", r.total_time},
            {"comments_note", r.comments_note}, {"cases", cases}};
}

CpdRecord record_from(const json& j) {
    CpdRecord r;
    r.name = j.at("name").get<std::string>();
    r.period = j.at("period").get<std::string>();
    r.made_on = j.at("made_on").get<std::string>();
    r.total_time = j.at("total_time").get<std::string>();
    r.comments_note = j.at("comments_note").get<std::string>();
    for (const auto& jc : j.at("cases")) {
        CaseRecord c;
        c.title = jc.at("title").get<std::string>();
        c.started = jc.at("started").get<std::string>();
        c.finished = jc.at("finished").get<std::string>();
        c.time_spent = jc.at("time_spent").get<std::string>();
        c.met = jc.at("met").get<int>();
        c.total = jc.at("total").get<int>();
        c.checks_met = jc.at("checks_met").get<std::vector<std::string>>();
        c.checks_not_met = jc.at("checks_not_met").get<std::vector<std::string>>();
        for (const auto& jn : jc.at("trainer_notes"))
            c.trainer_notes.push_back({jn.at("comment").get<bool>(), jn.at("check").get<std::string>(),
                                       jn.at("met").get<bool>(), jn.at("trainer").get<std::string>(),
                                       jn.at("reason").get<std::string>(), jn.at("date").get<std::string>()});
        for (const auto& jr : jc.at("reflections"))
            c.reflections.push_back({jr.at("label").get<std::string>(), jr.at("text").get<std::string>()});
        r.cases.push_back(std::move(c));
    }
    return r;
}

bool write_all(int fd, const std::string& bytes) {
    for (std::size_t done = 0; done < bytes.size();) {
        ssize_t w = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        done += static_cast<std::size_t>(w);
    }
    return true;
}

// Reads `fd` to its end, or until `deadline`; false when the time ran out.
bool read_until_closed(int fd, std::string* out, std::chrono::steady_clock::time_point deadline) {
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) return false;
        pollfd pfd{fd, POLLIN, 0};
        int r = ::poll(&pfd, 1, static_cast<int>(left));
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return true;
        if (r == 0) return false;
        char buf[512];
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return true;   // the worker closed it: it is done
        out->append(buf, static_cast<std::size_t>(n));
    }
}

}  // namespace

namespace {

// The worker's side: the record on stdin, the PDF written, the reason for
// not writing it on stdout. Returns the exit code.
int make_pdf_as_worker(const std::string& path) {
    std::string problem;
    try {
        std::string input{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
        write_pdf(record_from(json::parse(input)), path);
        return kWritten;
    } catch (const CpdError& e) {
        problem = e.what();
    } catch (const std::exception& e) {
        problem = std::string("the record could not be read: ") + e.what();
    }
    return !problem.empty() && write_all(1, problem) ? kRefused : 1;
}

// Every program that can call write_pdf_apart links this file, and so this
// check, which runs before its main(): started as "<program> --cpd-pdf-worker
// FILE", the program makes the PDF and exits without running anything of its
// own (no window, no store, no tests). A program that does not contain
// write_pdf_apart is never started this way.
bool worker_check() {
    std::vector<std::string> args = util::started_as_worker(kWorkerFlag);
    if (args.size() != 3) return false;
    ::_exit(make_pdf_as_worker(args[2]));
}

[[maybe_unused]] const bool kStartedAsWorker = worker_check();

}  // namespace

void write_pdf_apart(const CpdRecord& record, const std::string& path) {
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0) return write_pdf(record, path);
    if (::pipe2(out, O_CLOEXEC) != 0) {
        ::close(in[0]);
        ::close(in[1]);
        return write_pdf(record, path);
    }
    pid_t child = util::start_self_as_worker("sofs-cpd-pdf", kWorkerFlag, {path}, in[0], out[1]);
    ::close(in[0]);
    ::close(out[1]);
    if (child < 0) {
        ::close(in[1]);
        ::close(out[0]);
        return write_pdf(record, path);
    }
    // A worker that is gone before reading must not kill us with SIGPIPE.
    struct sigaction ignore {}, old {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &old);
    write_all(in[1], record_json(record).dump());
    ::close(in[1]);
    ::sigaction(SIGPIPE, &old, nullptr);

    std::string problem;
    bool finished = read_until_closed(out[0], &problem, std::chrono::steady_clock::now() + std::chrono::seconds(60));
    ::close(out[0]);
    if (!finished) ::kill(child, SIGKILL);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    if (finished && WIFEXITED(status) && WEXITSTATUS(status) == kWritten) return;
    if (finished && WIFEXITED(status) && WEXITSTATUS(status) == kRefused && !problem.empty()) throw CpdError(problem);
    write_pdf(record, path);   // the worker could not do it: make it here
}

}  // namespace sofs::cpd
