// Sign-in in the application (issue 10): the Records calls the sign-in
// screen makes. A trainer's name typed as a trainee opens nothing; a
// trainee profile with a password asks for it; a trainee sets and changes
// their own; the dashboard's CSV export is private and inert.
#include "records.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace sofs::ui;

namespace {
struct Folder {
    std::filesystem::path path;
    explicit Folder(const std::string& name) : path(std::filesystem::temp_directory_path() / name) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~Folder() { std::filesystem::remove_all(path); }
};
}  // namespace

TEST_SUITE("ui sign-in") {
    TEST_CASE("GIVEN a trainer WHEN their name is typed in the trainee box THEN nothing opens and a password is asked for") {
        Folder dir("sofs-ui-sign-in-1");
        Records r((dir.path / "p.db").string(), true);
        REQUIRE_MESSAGE(r.ok(), r.problem());
        std::string err;
        REQUIRE(r.add_person("Priya Shah", pg::Role::Trainer, std::string("trainer password"), &err));
        bool needs = false;
        CHECK_FALSE(r.enter_as_trainee("Priya Shah", "", &err, &needs));
        CHECK(needs);
        CHECK_FALSE(r.enter_as_trainee("priya shah", "trainer password", &err, &needs));  // not as a trainee
        auto trainer = r.sign_in("Priya Shah", "trainer password", &err);
        REQUIRE(trainer);
        CHECK(trainer->role == pg::Role::Trainer);
    }

    TEST_CASE("GIVEN a trainee with a password WHEN her name is clicked THEN her password is asked for, and opens her work") {
        Folder dir("sofs-ui-sign-in-2");
        Records r((dir.path / "p.db").string(), true);
        std::string err;
        REQUIRE(r.add_person("Bea Secret", pg::Role::Trainee, std::string("bea's password"), &err));
        bool needs = false;
        CHECK_FALSE(r.enter_as_trainee("Bea Secret", "", &err, &needs));
        CHECK(needs);
        CHECK_FALSE(r.enter_as_trainee("Bea Secret", "wrong password", &err, &needs));
        CHECK(err.find("wrong name or password") != std::string::npos);
        auto bea = r.enter_as_trainee("Bea Secret", "bea's password", &err, &needs);
        REQUIRE_MESSAGE(bea, err);
        CHECK(bea->role == pg::Role::Trainee);
    }

    TEST_CASE("GIVEN a trainee without a password WHEN she sets one and changes it THEN only the latest opens her work") {
        Folder dir("sofs-ui-sign-in-3");
        Records r((dir.path / "p.db").string(), true);
        std::string err;
        bool needs = false;
        REQUIRE(r.enter_as_trainee("Cai", "", &err, &needs));
        REQUIRE_MESSAGE(r.change_password("Cai", "", "first password", &err), err);
        CHECK_FALSE(r.enter_as_trainee("Cai", "", &err, &needs));
        CHECK(needs);
        CHECK_FALSE(r.change_password("Cai", "not it", "second password", &err));
        REQUIRE_MESSAGE(r.change_password("Cai", "first password", "second password", &err), err);
        CHECK_FALSE(r.enter_as_trainee("Cai", "first password", &err, &needs));
        CHECK(r.enter_as_trainee("Cai", "second password", &err, &needs));
    }

    TEST_CASE("GIVEN a name starting with = WHEN the dashboard exports a cohort THEN the file is private and the cell inert") {
        Folder dir("sofs-ui-sign-in-4");
        {
            pg::OpenOptions o;
            o.password_cost = pg::OpenOptions::PasswordCost::Minimal;
            auto s = pg::Store::open((dir.path / "p.db").string(), o);
            s->create_cohort(pg::Actor::system(), "March", pg::CohortKind::TwoDay);
            s->assign_scenario(pg::Actor::system(), "March", "reference-case");
        }
        Records r((dir.path / "p.db").string(), true);
        std::string err;
        bool needs = false;
        REQUIRE(r.enter_as_trainee("=1+1", "", &err, &needs));
        REQUIRE(r.add_to_cohort("March", "=1+1", &err));
        auto report = r.cohort_report(pg::Actor::system(), "March", &err);
        REQUIRE_MESSAGE(report, err);
        std::string file = (dir.path / "out" / "march.csv").string();
        REQUIRE_MESSAGE(r.export_cohort_csv(*report, {{"DS-WHO", "Says who is worried"}}, file, &err), err);
        struct stat st {};
        REQUIRE(::stat(file.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        CHECK(text.str().find(",'=1+1,") != std::string::npos);
    }
}
