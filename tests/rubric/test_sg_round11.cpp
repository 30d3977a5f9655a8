// Safety goals, eleventh round: a manner or an inner state said as the
// caregivers' deed ("will stay calm", "will know where Leah is") is no deed
// (SG-CAREGIVER-ACTION, as SG-OBSERVABLE already read it); what a caregiver
// makes sure of is found past a time before it; the adult not named may be
// said by what they are ("an awake adult"). The "not met" checks guard the limits.
#include "examples.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sofs;

using sofs::testing::goal_met;

TEST_CASE("SG-CAREGIVER-ACTION: a manner or an inner state is no deed") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK_FALSE(goal_met("teen-missing-boyfriend", "Mo and Tony will know where Leah is every night.", ca));
    CHECK_FALSE(goal_met("teen-missing-boyfriend", "From now on Nan and Grandad will trust Leah and be calmer with her.", ca));
    CHECK_FALSE(goal_met("unexplained-injury-baby", "Priya and Tomasz will stay calm when Leo cries every evening.", ca));
    CHECK_FALSE(goal_met("months-of-reviews", "Liam and Sophie will be calm and honest with Graham from now on.", ca));
    // a deed beside it is a deed; a manner someone is named to see is met, as the labels have it
    CHECK(goal_met("teen-online-exploitation", "Karen will always know where Maya is and will collect her by ten.", ca));
    CHECK(goal_met("teen-online-exploitation", "Karen will know where Maya is at night and collect her if she is out after nine.", ca));
    CHECK(goal_met("reference-case", "Ryan will stay calm every day for the next six months, and Linda will see this.", ca));
    CHECK(goal_met("practice-lead-mapping", "Gwŷn will walk away when he is angry and stay calm at bedtime.", ca));
}

TEST_CASE("SG-OBSERVABLE: what a caregiver makes sure of, past a time before it") {
    const char* ob = "SG-OBSERVABLE";
    CHECK(goal_met("unexplained-injury-baby",
                   "Priya and Tomasz will make sure that every day for the next six months Leo is always cared for with "
                   "Lakshmi or Joanne there too.",
                   ob));
    CHECK(goal_met("unexplained-injury-baby", "Priya and Tomasz will make sure that for six months Leo is with Lakshmi.", ob));
    // what follows the time is judged as before
    CHECK_FALSE(goal_met("unexplained-injury-baby", "Priya and Tomasz will make sure that for six months Leo is not hurt.", ob));
    CHECK_FALSE(goal_met("unexplained-injury-baby", "Priya and Tomasz will make sure that every day Leo is safe.", ob));
}

TEST_CASE("SG-OBSERVABLE: an adult not named, said by what they are") {
    const char* ob = "SG-OBSERVABLE";
    CHECK(goal_met("toddler-parent-drug-use", "Claire and Sam will make sure there is always an awake adult with Finn.", ob));
    CHECK(goal_met("unexplained-injury-baby", "Priya and Tomasz will ensure Leo is supervised by a protective adult at all times.", ob));
    CHECK(goal_met("school-referral-three-questions", "Leila will make sure a responsible adult walks Yusuf to school.", ob));
    // still nobody of the family (SG-CAREGIVER-ACTION), and still an absence when ruled out
    CHECK_FALSE(goal_met("toddler-parent-drug-use", "An awake adult will be with Finn every morning.", "SG-CAREGIVER-ACTION"));
    CHECK_FALSE(goal_met("toddler-parent-drug-use", "Claire will make sure there is never an awake adult missing.", ob));
}

TEST_CASE("SG-CAREGIVER-ACTION: taking a child to routine appointments is attending, unless missing them is the danger") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK_FALSE(goal_met("father-learning-disability-baby", "Cerys will take Ruby to all her health visitor checks.", ca));
    CHECK_FALSE(goal_met("unexplained-injury-baby", "Priya and Tomasz will take Leo to all his baby checks.", ca));
    // where the case's danger is the missed appointments, taking the child is the deed
    CHECK(goal_met("neglect-early-years", "Marcus will take Lily to all her jabs and health checks.", ca));
    // and a deed beside it is still met
    CHECK(goal_met("father-learning-disability-baby",
                   "Cerys will take Ruby to all her health visitor checks and Joel will make every bottle with the scoop card.", ca));
}

TEST_CASE("SG-CAREGIVER-ACTION and SG-OBSERVABLE: what a deed is for, after \"so\", is not the deed") {
    CHECK_FALSE(goal_met("low-mood-neglect", "Every night Nia won't take sleeping tablets so she can hear Mali.", "SG-OBSERVABLE"));
    CHECK_FALSE(goal_met("low-mood-neglect", "Every night Nia won't take sleeping tablets so she can hear Mali.", "SG-CAREGIVER-ACTION"));
    CHECK_FALSE(goal_met("school-referral-three-questions", "Leila will get better so that she can do the mornings.", "SG-CAREGIVER-ACTION"));
    // the deed itself is still read, and a presence said as the purpose still counts
    CHECK(goal_met("low-mood-neglect", "Nia will set an alarm for seven so she can get Cai and Mali up.", "SG-CAREGIVER-ACTION"));
    CHECK(goal_met("low-mood-neglect", "Nia will set an alarm for seven so she can get Cai and Mali up.", "SG-OBSERVABLE"));
    CHECK(goal_met("teen-online-exploitation", "Karen will change her shifts so she is home with Josh every night.", "SG-OBSERVABLE"));
}

TEST_CASE("SG-OBSERVABLE: deeds joined by \"or\" under \"never\", and a list of people seen") {
    const char* ob = "SG-OBSERVABLE";
    CHECK_FALSE(goal_met("teen-missing-boyfriend", "Leah will never again get into Dean's car or go to flats in Saltmarsh.", ob));
    CHECK_FALSE(goal_met("teen-missing-boyfriend", "Leah will not meet Dean or go to his flat.", ob));
    // "stop ... or" and "never ... and" are not read so: "or" under "not" or "never" only
    CHECK(goal_met("teen-missing-boyfriend", "Leah will never go out alone and will text Mo at ten every night.", ob));
    CHECK(goal_met("unexplained-injury-baby",
                   "Each time, I want to see Priya, Tomasz and Lakshmi handing him over to each other whenever one of them is worn out.",
                   ob));
    CHECK(goal_met("unexplained-injury-baby", "Gwen will see Priya and Tomasz bathing Leo together.", ob));
}

TEST_CASE("SG-CAREGIVER-ACTION: keeping an eye, with nothing seen, is care said in general") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK_FALSE(goal_met("practice-lead-mapping", "Gwyn wont hit the kids no more and Ffion will keep an eye.", ca));
    CHECK_FALSE(goal_met("neglect-early-years", "Irene will keep an eye.", ca));
    // a deed beside it is met
    CHECK(goal_met("neglect-early-years", "Irene will keep an eye and will pop up every morning to help Marcus get Lily dressed.", ca));
}

TEST_CASE("SG-CAREGIVER-ACTION: going to a service in the present tense of notes is attending") {
    const char* ca = "SG-CAREGIVER-ACTION";
    CHECK_FALSE(goal_met("conference-scaling-differences", "Mererid and Iwan they go to diabetes course for parents every week.", ca));
    CHECK_FALSE(goal_met("low-mood-neglect", "Nia she go to the group for mums every week.", ca));
    // a deed of care in the same form is still met
    CHECK(goal_met("low-mood-neglect", "Nain come every morning and make the breakfast for Cai and Mali.", ca));
}
