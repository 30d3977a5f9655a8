// The CPD record: built from a progress file with a finished attempt and a
// trainer's override, written as a PDF, and read back with pdftotext.
#include "cpd/cpd.hpp"
#include "../progress/progress_fixture.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace progress_test;
namespace cpd = sofs::cpd;

namespace {

// pdftotext's reading of the file, on one line per text line.
std::string pdf_text(const std::string& pdf) {
    std::string cmd = "pdftotext -layout '" + pdf + "' - 2>&1";
    std::FILE* f = popen(cmd.c_str(), "r");
    REQUIRE(f != nullptr);
    std::string out;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) out.append(buf.data(), n);
    int rc = pclose(f);
    REQUIRE_MESSAGE(rc == 0, "pdftotext failed: " << out);
    return out;
}

// Spaces and line breaks squeezed to single spaces (pdftotext lays words out).
std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

struct OneTrainee {
    FixedClock clock;
    TempDir dir;
    std::unique_ptr<Store> s = open_store(dir.file("progress.db"), fast(clock));
    Actor admin = Actor::system();
    Actor dana, priya;
    Attempt a;
    OneTrainee() {
        s->add_person(admin, "Priya Shah", Role::Trainer, "", false, std::string("password-1"));
        dana = s->ensure_trainee("Dana Okafor");
        s->create_cohort(admin, "March", CohortKind::TwoDay);
        s->add_to_cohort(admin, "March", std::vector<std::string>{"Priya Shah", "Dana Okafor"});
        a = finished_attempt(*s, dana.id, 4,
                             {{"danger-1", "DS-WHO", true, "", "", ""}, {"danger-1", "DS-FUTURE", false, "", "", ""}});
        priya = s->sign_in("Priya Shah", "password-1");
        s->override_verdict(priya, a.id, "DS-FUTURE", true, "You said what could happen to Mia if nothing changes");
        s->add_comment(priya, a.id, "Warm and clear with Linda; next time ask Kai first");
        s->add_comment(priya, a.id, "Naming the worried people first made this easy to follow", "DS-WHO");
    }
};

const cpd::CheckNames kNames{{"DS-WHO", "Says who is worried"}, {"DS-FUTURE", "Says what could happen next"}};

}  // namespace

TEST_CASE("the CPD record is filled in words from the trainee's own record") {
    OneTrainee t;
    auto r = cpd::build_record(*t.s, t.dana, "Dana Okafor", kNames, 1795428000000LL + 86400000LL);
    CHECK(r.name == "Dana Okafor");
    REQUIRE(r.cases.size() == 1);
    const auto& c = r.cases[0];
    CHECK(c.title == "Kai and Mia");
    CHECK(c.started == "23 November 2026");
    CHECK(c.met == 2);  // the override made the second check met
    CHECK(c.total == 2);
    REQUIRE(c.trainer_notes.size() == 3);
    CHECK_FALSE(c.trainer_notes[0].is_comment);
    CHECK(c.trainer_notes[0].check == "Says what could happen next");
    // Comments that change no decision: one on the case, one beside a check.
    CHECK(c.trainer_notes[1].is_comment);
    CHECK(c.trainer_notes[1].check.empty());
    CHECK(c.trainer_notes[1].reason == "Warm and clear with Linda; next time ask Kai first");
    CHECK(c.trainer_notes[2].is_comment);
    CHECK(c.trainer_notes[2].check == "Says who is worried");
    CHECK(c.met == 2);  // comments changed nothing
    CHECK(c.trainer_notes[0].trainer == "Priya Shah");
    CHECK(c.trainer_notes[0].met);
    REQUIRE(c.reflections.size() == 1);
    CHECK(c.reflections[0].label == "Why I chose 4 on the safety scale");
    CHECK(c.reflections[0].text == "Linda helps, but Ryan still drinks");
    CHECK(c.time_spent == "2 minutes");

    // Another trainee may not read it.
    Actor other = t.s->ensure_trainee("Sam");
    CHECK_THROWS_AS(cpd::build_record(*t.s, other, "Dana Okafor", kNames, 0), StoreError);
    CHECK_THROWS_AS(cpd::build_record(*t.s, t.admin, "Nobody", kNames, 0), StoreError);
}

TEST_CASE("the CPD record PDF reads back with pdftotext and is private") {
    OneTrainee t;
    auto r = cpd::build_record(*t.s, t.dana, "Dana Okafor", kNames, 1795428000000LL + 86400000LL);
    std::string pdf = t.dir.file("cpd.pdf");
    cpd::write_pdf(r, pdf);
    struct stat st {};
    REQUIRE(stat(pdf.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    std::string text = squeeze(pdf_text(pdf));
    MESSAGE(text);
    CHECK(text.find("Dana Okafor") != std::string::npos);
    CHECK(text.find("Kai and Mia") != std::string::npos);
    CHECK(text.find("Says who is worried") != std::string::npos);
    CHECK(text.find("You said what could happen to Mia if nothing changes") != std::string::npos);
    // Trainer comments that changed no decision are in the record too, beside their check.
    CHECK(text.find("Warm and clear with Linda; next time ask Kai first") != std::string::npos);
    CHECK(text.find("Priya Shah, 23 November 2026, on the case:") != std::string::npos);
    CHECK(text.find("on \u201cSays who is worried\u201d: \u201cNaming the worried people first made this easy to follow\u201d") !=
          std::string::npos);
    CHECK(text.find("23 November 2026") != std::string::npos);
    CHECK(text.find("Checks met: 2 of 2") != std::string::npos);
    CHECK(text.find("Linda helps, but Ryan still drinks") != std::string::npos);
    CHECK(text.find("Page 1 of 1") != std::string::npos);
    // No internal ids reach the page.
    CHECK(text.find("DS-FUTURE") == std::string::npos);
    CHECK(text.find("reference-case") == std::string::npos);
    CHECK(text.find("danger-1") == std::string::npos);
}

TEST_CASE("a long record breaks into numbered A4 pages") {
    cpd::CpdRecord r;
    r.name = "Dana Okafor";
    r.period = "1 May 2026 to 2 May 2026";
    for (int i = 0; i < 12; ++i) {
        cpd::CaseRecord c;
        c.title = "Case number " + std::to_string(i + 1);
        c.started = c.finished = "1 May 2026";
        c.checks_met = {"Says who is worried", "Says what could happen next", "Plain words"};
        c.met = 3;
        c.total = 3;
        c.reflections.push_back({"What I wrote", cpd::shorten(std::string(600, 'a') + " end", 400)});
        r.cases.push_back(c);
    }
    TempDir dir;
    std::string pdf = dir.file("long.pdf");
    cpd::write_pdf(r, pdf);
    std::string text = pdf_text(pdf);
    CHECK(text.find("Page 1 of ") != std::string::npos);
    CHECK(text.find("Page 2 of ") != std::string::npos);
    CHECK(text.find("Case number 12") != std::string::npos);
    CHECK(text.find("Page 1 of 1\n") == std::string::npos);
}

TEST_CASE("a CPD record is not written into a folder that does not exist") {
    cpd::CpdRecord r;
    r.name = "Dana";
    TempDir dir;
    std::string bad = dir.file("no-such-folder/cpd.pdf");
    try {
        cpd::write_pdf(r, bad);
        FAIL("written");
    } catch (const cpd::CpdError& e) {
        CHECK(std::string(e.what()).find("does not exist") != std::string::npos);
    }
}

TEST_CASE("the application's PDF, made in a child process, reads the same, is private, and says why not") {
    OneTrainee t;
    auto r = cpd::build_record(*t.s, t.dana, "Dana Okafor", kNames, 1795428000000LL + 86400000LL);
    std::string here = t.dir.file("here.pdf"), apart = t.dir.file("apart.pdf");
    cpd::write_pdf(r, here);
    cpd::write_pdf_apart(r, apart);
    struct stat st {};
    REQUIRE(stat(apart.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(pdf_text(apart) == pdf_text(here));
    CHECK(pdf_text(apart).find("Dana Okafor") != std::string::npos);
    // The child's reason comes back as the same error.
    try {
        cpd::write_pdf_apart(r, t.dir.file("no-such-folder/cpd.pdf"));
        FAIL("written");
    } catch (const cpd::CpdError& e) {
        CHECK(std::string(e.what()).find("does not exist") != std::string::npos);
    }
}

bool cairo_loaded_here() {
    std::ifstream maps("/proc/self/maps");
    std::stringstream all;
    all << maps.rdbuf();
    return all.str().find("libcairo") != std::string::npos;
}

// Run on its own (ctest's cpd_worker), this process has never loaded Cairo
// before the call, and must not have after it: the PDF was made by a fresh
// program, not here. In the whole suite an earlier test has loaded it.
TEST_CASE("the application's PDF is made by a fresh program: Cairo never loads into the caller") {
    OneTrainee t;
    auto r = cpd::build_record(*t.s, t.dana, "Dana Okafor", kNames, 1795428000000LL + 86400000LL);
    bool before = cairo_loaded_here();
    std::string apart = t.dir.file("apart.pdf");
    cpd::write_pdf_apart(r, apart);
    CHECK(pdf_text(apart).find("Dana Okafor") != std::string::npos);
    if (!before) CHECK_FALSE(cairo_loaded_here());
}

// The worker's side of the exchange, as write_pdf_apart starts it: a record
// that cannot be read is refused with a reason (exit 41, the reason on
// stdout) and no file; the program's own main never runs.
TEST_CASE("started as a PDF worker, a program reads the record or says why not, and does nothing else") {
    TempDir dir;
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    REQUIRE(n > 0);
    self[n] = 0;
    std::string out = dir.file("worker.pdf"), said = dir.file("said.txt");
    std::string cmd = "echo 'not a record' | '" + std::string(self) + "' --cpd-pdf-worker '" + out + "' > '" + said + "'";
    int rc = std::system(cmd.c_str());
    REQUIRE(WIFEXITED(rc));
    CHECK(WEXITSTATUS(rc) == 41);
    std::ifstream in(said);
    std::stringstream words;
    words << in.rdbuf();
    CHECK(words.str().find("the record could not be read") != std::string::npos);
    CHECK(words.str().find("doctest") == std::string::npos);   // no test ran in the worker
    struct stat st {};
    CHECK(stat(out.c_str(), &st) != 0);
}

TEST_CASE("durations and shortened answers read as words") {
    CHECK(cpd::duration_words(30000) == "less than a minute");
    CHECK(cpd::duration_words(60000) == "1 minute");
    CHECK(cpd::duration_words(65 * 60000) == "1 hour 5 minutes");
    CHECK(cpd::shorten("one two three four", 9) == "one two\u2026");
    CHECK(cpd::shorten("line\nbreak", 100) == "line break");
}
