// Makes every screen once, in ScreenId order.
#include "all.hpp"

#include "account.hpp"
#include "admin.hpp"
#include "attempt_view.hpp"
#include "briefing.hpp"
#include "conversation.hpp"
#include "debrief.hpp"
#include "library.hpp"
#include "live_session.hpp"
#include "mapping.hpp"
#include "my_progress.hpp"
#include "network.hpp"
#include "scaling.hpp"
#include "sign_in.hpp"
#include "three_houses.hpp"
#include "trainer.hpp"

namespace sofs::ui {

std::array<std::unique_ptr<Screen>, kScreenCount> make_screens() {
    std::array<std::unique_ptr<Screen>, kScreenCount> s;
    s[static_cast<int>(ScreenId::SignIn)] = std::make_unique<SignInScreen>();
    s[static_cast<int>(ScreenId::Library)] = std::make_unique<LibraryScreen>();
    s[static_cast<int>(ScreenId::Briefing)] = std::make_unique<BriefingScreen>();
    s[static_cast<int>(ScreenId::Conversation)] = std::make_unique<ConversationScreen>();
    s[static_cast<int>(ScreenId::Mapping)] = std::make_unique<MappingScreen>();
    s[static_cast<int>(ScreenId::Scaling)] = std::make_unique<ScalingScreen>();
    s[static_cast<int>(ScreenId::ThreeHouses)] = std::make_unique<ThreeHousesScreen>();
    s[static_cast<int>(ScreenId::Debrief)] = std::make_unique<DebriefScreen>();
    s[static_cast<int>(ScreenId::MyProgress)] = std::make_unique<MyProgressScreen>();
    s[static_cast<int>(ScreenId::Trainer)] = std::make_unique<TrainerScreen>();
    s[static_cast<int>(ScreenId::Live)] = std::make_unique<LiveScreen>();
    s[static_cast<int>(ScreenId::AttemptView)] = std::make_unique<AttemptViewScreen>();
    s[static_cast<int>(ScreenId::Admin)] = std::make_unique<AdminScreen>();
    s[static_cast<int>(ScreenId::Account)] = std::make_unique<AccountScreen>();
    s[static_cast<int>(ScreenId::Network)] = std::make_unique<NetworkScreen>();
    return s;
}

}  // namespace sofs::ui
