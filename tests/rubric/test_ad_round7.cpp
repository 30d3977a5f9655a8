// SG-ADDRESSES-DANGER, seventh round: the expert key of a case holds every
// everyday word for its danger. In the low-mood case the night is part of it
// (the mother sleeps through on tablets and the older boy goes to his sister when
// she cries), so a goal about hearing or going to the little girl at night answers
// it. Each check could fail: the "not met" one guards the limit beside it.
#include "examples.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;
using sofs::testing::find;

namespace {

bool met(const std::string& case_id, const std::string& text) {
    return sofs::testing::met_in_case(assess_safety_goal, case_id, text, "SG-ADDRESSES-DANGER");
}

}  // namespace

TEST_CASE("a goal about the night in the low-mood case answers its danger") {
    CHECK(met("low-mood-neglect", "Every night Nia won't take sleeping tablets so she can hear Mali."));
    CHECK(met("low-mood-neglect", "Cai will not have to go to Mali in the night any more."));
    // what a GP appointment is about is the service, not the danger answered
    CHECK_FALSE(met("low-mood-neglect", "Nia will see her GP next week about her sleeping tablets."));
}
