// Reports: one trainee over time, a cohort at a glance, and trainers'
// disagreements with the assessor; JSON parsed back and CSV read field by field.
#include "progress_fixture.hpp"
#include "progress/report.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace progress_test;
using json = nlohmann::json;

namespace {

// A small RFC 4180 reader, so the tests check what a spreadsheet would see.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false, row_started = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
            row_started = true;
        } else if (c == ',') {
            rows.back().push_back(field), field.clear();
            row_started = true;
        } else if (c == '\n') {
            rows.back().push_back(field), field.clear();
            rows.emplace_back();
            row_started = false;
        } else {
            field += c;
            row_started = true;
        }
    }
    if (row_started) rows.back().push_back(field);
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

std::size_t column(const std::vector<std::string>& header, const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return i;
    FAIL("no column " << name);
    return 0;
}

struct Cohort3 {
    FixedClock clock;
    std::unique_ptr<Store> s = open_store(":memory:", fast(clock));
    Actor admin = Actor::system();
    Actor priya, alex, sam, jo;
    Attempt alex1, alex2, sam1;
    Cohort3() {
        s->add_person(admin, "Priya", Role::Trainer, "", false, std::string("password-1"));
        s->add_person(admin, "Hill, Alex", Role::Trainee, "North \"A\"", true, std::nullopt);
        alex = s->sign_in("Hill, Alex", "");
        sam = s->ensure_trainee("Sam");
        jo = s->ensure_trainee("Jo");
        s->create_cohort(admin, "March", CohortKind::TwoDay);
        for (auto n : {"Priya", "Hill, Alex", "Sam", "Jo"}) s->add_to_cohort(admin, "March", n);
        s->assign_scenario(admin, "March", "reference-case");
        alex1 = finished_attempt(*s, alex.id, 8,
                                 {{"danger-1", "DS-WHO", false, "", "", ""}, {"danger-1", "DS-FUTURE", false, "", "", ""}});
        alex2 = finished_attempt(*s, alex.id, 4,
                                 {{"danger-1", "DS-WHO", true, "", "", ""}, {"danger-1", "DS-FUTURE", false, "", "", ""}});
        sam1 = finished_attempt(*s, sam.id, 1,
                                {{"danger-1", "DS-WHO", true, "", "", ""}, {"danger-1", "DS-FUTURE", false, "", "", ""}});
        priya = s->sign_in("Priya", "password-1");
        s->override_verdict(priya, sam1.id, "DS-FUTURE", true, "\"could\" is there,\nsecond line");
    }
};

}  // namespace

TEST_SUITE("progress reports") {

TEST_CASE("a trainee's report: attempts, criteria over time, scaling against the experts, time") {
    Cohort3 c;
    auto r = trainee_report(*c.s, c.priya, "Hill, Alex");
    REQUIRE(r.attempts.size() == 2);
    CHECK(r.attempts[0].criteria_met == 0);
    CHECK(r.attempts[1].criteria_met == 1);
    CHECK(r.attempts[1].missed == std::vector<std::string>{"DS-FUTURE"});
    CHECK(r.attempts[0].scaling == 8);
    CHECK(r.attempts[0].expert_scaling == 3);
    CHECK(r.time_spent_ms == 2 * 121000);
    CHECK(r.criteria_over_time.size() == 4);

    auto j = json::parse(to_json(r));
    CHECK(j["trainee"]["agency_staff"] == true);
    CHECK(j["attempts"][0]["scaling"]["difference"] == 5);
    CHECK(j["attempts"][1]["scaling"]["trainee"] == 4);
    CHECK(j["criteria_over_time"][2]["criterion"] == "DS-WHO");
    CHECK(j["criteria_over_time"][2]["met"] == true);

    auto rows = read_csv(to_csv(r));
    REQUIRE(rows.size() == 5);  // header + 2 attempts x 2 criteria
    auto& h = rows[0];
    CHECK(rows[1][column(h, "trainee")] == "Hill, Alex");
    CHECK(rows[1][column(h, "team")] == "North \"A\"");
    CHECK(rows[3][column(h, "criterion")] == "DS-WHO");
    CHECK(rows[3][column(h, "met")] == "yes");
    CHECK(rows[1][column(h, "scaling")] == "8");
    CHECK(rows[1][column(h, "time_spent_s")] == "121");
    for (auto& row : rows) CHECK(row.size() == h.size());

    CHECK_THROWS_AS(trainee_report(*c.s, c.sam, "Hill, Alex"), StoreError);
    CHECK_NOTHROW(trainee_report(*c.s, c.alex, "Hill, Alex"));
}

TEST_CASE("a cohort's report: who has done what, most missed criteria, spread of scaling") {
    Cohort3 c;
    auto r = cohort_report(*c.s, c.priya, "March");
    REQUIRE(r.lines.size() == 3);  // Alex, Jo, Sam on the assigned scenario
    CHECK(r.lines[1].trainee.name == "Jo");
    CHECK(r.lines[1].attempts == 0);
    CHECK(r.lines[1].assigned);
    CHECK(r.lines[0].attempts == 2);
    CHECK(r.lines[0].scaling == 4);  // the latest finished attempt
    REQUIRE(r.most_missed.size() == 2);
    // Latest attempts: Alex missed DS-FUTURE; Sam's DS-FUTURE was overruled to met.
    CHECK(r.most_missed[0].criterion == "DS-FUTURE");
    CHECK(r.most_missed[0].missed == 1);
    CHECK(r.most_missed[1].missed == 0);
    REQUIRE(r.scaling.size() == 1);
    CHECK(r.scaling[0].numbers == std::vector<int>{1, 4});
    CHECK(r.scaling[0].in_range == 1);
    CHECK(r.scaling[0].below == 1);

    auto j = json::parse(to_json(r));
    CHECK(j["cohort"]["kind"] == "two-day");
    CHECK(j["trainees"].size() == 3);
    CHECK(j["scaling"][0]["median"] == 2.5);
    CHECK(j["most_missed"][0]["criterion"] == "DS-FUTURE");

    auto rows = read_csv(to_csv(r));
    REQUIRE(rows.size() == 4);
    auto& h = rows[0];
    CHECK(rows[1][column(h, "trainee")] == "Hill, Alex");
    CHECK(rows[1][column(h, "missed")] == "DS-FUTURE");
    CHECK(rows[2][column(h, "finished")] == "0");

    CHECK_THROWS_AS(cohort_report(*c.s, c.alex, "March"), StoreError);
    CHECK_THROWS_AS(cohort_report(*c.s, c.admin, "Nope"), StoreError);
}

TEST_CASE("the disagreements report lists overrides that differ from the assessor, by criterion") {
    Cohort3 c;
    // An override that agrees with the assessor is not a disagreement.
    c.s->override_verdict(c.priya, c.alex2.id, "DS-WHO", true, "agreed");
    c.s->override_verdict(c.priya, c.alex1.id, "DS-WHO", true, "names the police");
    auto r = disagreement_report(*c.s, c.priya);
    REQUIRE(r.by_criterion.size() == 2);
    CHECK(r.by_criterion[0].overruled == 1);
    int strict = 0;
    for (auto& d : r.by_criterion) strict += d.assessor_not_trainer_met;
    CHECK(strict == 2);

    auto j = json::parse(to_json(r));
    CHECK(j["disagreements"].size() == 2);
    auto rows = read_csv(to_csv(r));
    REQUIRE(rows.size() == 3);
    auto& h = rows[0];
    bool found_multiline = false;
    for (std::size_t i = 1; i < rows.size(); ++i)
        if (rows[i][column(h, "reason")] == "\"could\" is there,\nsecond line") found_multiline = true;
    CHECK(found_multiline);
    CHECK_THROWS_AS(disagreement_report(*c.s, c.alex), StoreError);
}

TEST_CASE("CSV fields are quoted only when they must be") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
}

}  // TEST_SUITE
