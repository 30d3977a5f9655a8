// Three Houses with the child: the trainee puts what the child said into
// the house of worries, the house of good things and the house of dreams.
#pragma once

#include "model/scenario.hpp"
#include "screen.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sofs::ui {

class ThreeHousesScreen : public Screen {
public:
    ScreenId id() const override { return ScreenId::ThreeHouses; }
    const char* stable_id() const override { return "three-houses"; }
    const char* title() const override { return "Three Houses"; }
    const char* help() const override;
    void enter(App& app) override;
    void leave(App& app) override;
    void draw(App& app) override;
    std::string read_aloud_text(App& app) override;

    void put(const std::string& item, std::optional<House> house);  // nullopt = back to the child's words
    const std::map<std::string, House>& houses() const { return houses_; }
    const std::vector<std::string>& items() const { return items_; }
    bool hand_in(App& app);

private:
    std::vector<std::string> items_;                 // what the child said, in a fixed order
    std::map<std::string, House> houses_;            // item -> its house
    std::string moving_;
    bool moved_ = false;                             // houses_ changed since the draft was last saved
    std::string problem_;
    std::string child_;
    void draw_house(App& app, House house, float w, float h);
    void draw_item(const std::string& item, float max_w);
    void keep_draft(App& app);
};

}  // namespace sofs::ui
