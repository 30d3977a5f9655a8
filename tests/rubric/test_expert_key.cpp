// The case knowledge the assessor reads from the scenario (expert key
// `dangers`), the expert-key check behind SCN040, and the criteria catalogue
// behind `sofs criteria`.
#include "labelled.hpp"
#include "rubric/catalogue.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>

using namespace sofs::testing;
namespace fs = std::filesystem;

namespace {

std::string read_all(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("the expert-key check reports SCN040 for the code page's example, as a warning") {
    auto g = guidance();
    REQUIRE(g);
    std::string page = read_all(std::string(SOFS_SOURCE_DIR) + "/scenarios/codes/SCN040.md");
    std::smatch m;
    REQUIRE(std::regex_search(page, m, std::regex("```yaml\\n([\\s\\S]*?)```")));
    auto r = sofs::load_scenario_text(m[1], "scenario.yaml", (fs::temp_directory_path() / "sofs-no-audio").string());
    REQUIRE(r.scenario);
    CHECK_FALSE(r.diagnostics.has_errors());
    REQUIRE(r.scenario->expert.dangers.size() == 1);
    CHECK(r.scenario->expert.dangers[0].adults == std::vector<std::string>{"ava"});
    auto ds = sofs::check_expert_key(*r.scenario, *g);
    REQUIRE_FALSE(ds.empty());
    std::set<std::string> said;
    for (auto& d : ds) {
        CHECK(d.code == "SCN040");
        CHECK(d.severity == sofs::Severity::Warning);
        said.insert(d.message);
    }
    bool who = false, service = false;
    for (auto& s : said) {
        who = who || s.find("danger statement 1 does not meet DS-WHO") != std::string::npos;
        service = service || s.find("safety goal 1 does not meet SG-NOT-SERVICE") != std::string::npos;
    }
    CHECK(who);
    CHECK(service);
}

TEST_CASE("every bundled case declares its danger, and its own expert examples meet every criterion") {
    auto g = guidance();
    REQUIRE(g);
    for (auto& e : fs::directory_iterator(std::string(SOFS_SOURCE_DIR) + "/scenarios")) {
        if (e.path().extension() != ".yaml") continue;
        auto s = scenario_by_id(e.path().stem().string());
        REQUIRE(s);
        CAPTURE(s->id);
        CHECK_FALSE(s->expert.dangers.empty());
        for (auto& d : s->expert.dangers) {
            CHECK_FALSE(d.adults.empty());
            CHECK_FALSE(d.children.empty());
            CHECK_FALSE(d.does.empty());
        }
        for (auto& d : sofs::check_expert_key(*s, *g)) CHECK_MESSAGE(false, d.format());
    }
}

TEST_CASE("a goal in the case's own words answers its danger; the same words in another case do not") {
    auto g = guidance();
    REQUIRE(g);
    auto neglect = scenario_by_id("neglect-early-years");
    auto teen = scenario_by_id("teen-online-exploitation");
    REQUIRE(neglect);
    REQUIRE(teen);
    auto met = [&](const std::string& text, const sofs::Scenario& s, const char* id) {
        for (auto& v : sofs::assess_safety_goal(text, s, *g))
            if (v.criterion == id) return v.met;
        return false;
    };
    CHECK(met("Dad will text Irene by nine each morning to say he is up and Lily has had breakfast.", *neglect,
              "SG-ADDRESSES-DANGER"));
    CHECK(met("Every night Karen works, Josh will stay with Shelley.", *teen, "SG-ADDRESSES-DANGER"));
    CHECK_FALSE(met("Lily will have a tidy bedroom with new curtains.", *neglect, "SG-ADDRESSES-DANGER"));
}

TEST_CASE("an omission is behaviour, and an adult outside the family can be the adult") {
    auto g = guidance();
    REQUIRE(g);
    auto neglect = scenario_by_id("neglect-early-years");
    auto teen = scenario_by_id("teen-online-exploitation");
    auto behaviour = [&](const std::string& text, const sofs::Scenario& s) {
        for (auto& v : sofs::assess_danger_statement(text, s, *g))
            if (v.criterion == "DS-CAREGIVER-BEHAVIOUR") return v.met;
        return false;
    };
    CHECK(behaviour("We are worried that Dad might not put the heating on and Lily could get ill.", *neglect));
    CHECK(behaviour("We are worried Marcus doesn't bring Lily to her check-ups.", *neglect));
    CHECK(behaviour("We are worried that Jay may pressure Maya to send more pictures.", *teen));
    CHECK_FALSE(behaviour("We are worried about neglect.", *neglect));
}

TEST_CASE("the criteria catalogue lists every criterion once, with a name and a kind") {
    auto g = guidance();
    REQUIRE(g);
    auto all = sofs::criteria_catalogue(*g);
    std::set<std::string> ids;
    for (auto& c : all) {
        CAPTURE(c.id);
        CHECK(ids.insert(c.id).second);
        CHECK_FALSE(c.name.empty());
        CHECK(c.kind != "other");
    }
    for (auto& id : sofs::danger_statement_criteria()) CHECK(ids.count(id));
    for (auto& id : sofs::safety_goal_criteria()) CHECK(ids.count(id));
    CHECK(ids.count("MAP-PLACEMENT"));
}
