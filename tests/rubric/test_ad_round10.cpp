// SG-ADDRESSES-DANGER, tenth round (ad10). In a case whose danger is missed
// appointments of a kind (its dangers.does says "miss ... clinic"), going to
// the child's appointments of that kind is the child's care, the danger
// answered, even said as a service ("attend all clinic appointments"); an
// adult's own appointment, an appointment of no kind with no child named, the
// clinic as someone spoken to and an inner state at clinic are not
// (assessment/CRITERIA.md, SG-ADDRESSES-DANGER; grammar.txt [attended],
// [missed], [any-appointment]; criteria/sg_appointments.cpp).
#include "examples.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;

namespace {
bool met(const std::string& case_id, const std::string& text) {
    return sofs::testing::goal_met(case_id, text, "SG-ADDRESSES-DANGER");
}
bool service_met(const std::string& case_id, const std::string& text) {
    return sofs::testing::goal_met(case_id, text, "SG-NOT-SERVICE");
}
}  // namespace

TEST_CASE("the child's own appointments answer a danger of missed appointments") {
    const std::string diabetes = "conference-scaling-differences";
    CHECK(met(diabetes, "Mam and Dad will attend every diabetes clinic appointment for a year."));
    CHECK(met(diabetes, "The parents will go to all of Osian's clinic appointments."));
    // still attendance in place of safety for SG-NOT-SERVICE: the two criteria are judged apart
    CHECK_FALSE(service_met(diabetes, "Parents to attend all clinic appointments."));
    CHECK(met("neglect-early-years", "No more missed appointments."));
    CHECK(met("neglect-early-years", "Marcus will make sure Lily gets to all her health appointments."));
}

TEST_CASE("not the child's care: an adult's own appointment, no kind and no child, the clinic spoken to") {
    CHECK_FALSE(met("neglect-early-years", "Marcus will keep to the plan and attend all appointments."));
    CHECK_FALSE(met("low-mood-neglect", "Nia will go to every appointment with her GP for six months."));
    CHECK_FALSE(met("neglect-early-years", "Marcus will attend his GP appointment next week."));
    CHECK_FALSE(met("conference-scaling-differences", "Mererid will phone the clinic when she has a question."));
    CHECK_FALSE(met("conference-scaling-differences", "Mererid will feel less nervous at clinic."));
    // a case whose danger is not missed appointments: a routine appointment is not its danger
    CHECK_FALSE(met("reference-case", "Jade and Ryan will attend all appointments."));
}
