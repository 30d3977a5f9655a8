// The model's names (as written in YAML files) and lookups by id.
#include "model/scenario.hpp"
#include "model/places.hpp"

#include <array>
#include <utility>

namespace sofs {
namespace {

template <typename E, std::size_t N>
const char* name_of(const std::array<std::pair<E, const char*>, N>& table, E e) {
    for (const auto& [v, n] : table)
        if (v == e) return n;
    return "";
}

template <typename E, std::size_t N>
std::optional<E> value_of(const std::array<std::pair<E, const char*>, N>& table, const std::string& s) {
    for (const auto& [v, n] : table)
        if (s == n) return v;
    return std::nullopt;
}

constexpr std::array<std::pair<Audience, const char*>, 4> kAudiences{{
    {Audience::TwoDay, "two-day"}, {Audience::FiveDay, "five-day"},
    {Audience::ELearning, "e-learning"}, {Audience::PracticeLead, "practice-lead"}}};
constexpr std::array<std::pair<Stage, const char*>, 5> kStages{{
    {Stage::Referral, "referral"}, {Stage::Visit, "visit"}, {Stage::ChildVoice, "child-voice"},
    {Stage::NetworkMeeting, "network-meeting"}, {Stage::Review, "review"}}};
constexpr std::array<std::pair<PersonRole, const char*>, 5> kRoles{{
    {PersonRole::Child, "child"}, {PersonRole::Caregiver, "caregiver"}, {PersonRole::Family, "family"},
    {PersonRole::Professional, "professional"}, {PersonRole::Other, "other"}}};
constexpr std::array<std::pair<FactKind, const char*>, 5> kFactKinds{{
    {FactKind::PastHarm, "past-harm"}, {FactKind::ComplicatingFactor, "complicating-factor"},
    {FactKind::Strength, "strength"}, {FactKind::ExistingSafety, "existing-safety"},
    {FactKind::Distractor, "distractor"}}};
constexpr std::array<std::pair<House, const char*>, 3> kHouses{{
    {House::Worries, "worries"}, {House::GoodThings, "good-things"}, {House::Dreams, "dreams"}}};
constexpr std::array<std::pair<MoveType, const char*>, 14> kMoves{{
    {MoveType::Exception, "exception"}, {MoveType::Scaling, "scaling"}, {MoveType::Coping, "coping"},
    {MoveType::PreferredFuture, "preferred-future"}, {MoveType::ChildsVoice, "childs-voice"},
    {MoveType::Network, "network"}, {MoveType::HonestWorry, "honest-worry"},
    {MoveType::BottomLine, "bottom-line"}, {MoveType::Blaming, "blaming"}, {MoveType::Jargon, "jargon"},
    {MoveType::LeadingClosed, "leading-closed"}, {MoveType::FalseReassurance, "false-reassurance"},
    {MoveType::Threat, "threat"}, {MoveType::TakingOver, "taking-over"}}};
constexpr std::array<std::pair<TaskKind, const char*>, 9> kTasks{{
    {TaskKind::DangerStatement, "danger-statement"}, {TaskKind::SafetyGoal, "safety-goal"},
    {TaskKind::PastHarm, "past-harm"}, {TaskKind::SortFacts, "sort-facts"}, {TaskKind::Scaling, "scaling"},
    {TaskKind::ThreeHouses, "three-houses"}, {TaskKind::SafetyNetwork, "safety-network"},
    {TaskKind::NextSteps, "next-steps"}, {TaskKind::WordsAndPictures, "words-and-pictures"}}};

template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::map<std::string, std::size_t>& index,
                    const std::string& id) {
    if (!index.empty()) {
        auto it = index.find(id);
        return it == index.end() ? nullptr : &items[it->second];
    }
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

}  // namespace

const Person* words_and_pictures_child(const Scenario& s) {
    return s.expert.words_and_pictures ? s.person(s.expert.words_and_pictures->child) : nullptr;
}

int words_and_pictures_age(const Scenario& s) {
    if (s.expert.words_and_pictures && s.expert.words_and_pictures->age >= 0) return s.expert.words_and_pictures->age;
    const Person* p = words_and_pictures_child(s);
    if (!p) return -1;
    return p->age ? *p->age : p->age_months ? *p->age_months / 12 : -1;
}

bool move_fits_practice(MoveType m) {
    switch (m) {
        case MoveType::Blaming: case MoveType::Jargon: case MoveType::LeadingClosed:
        case MoveType::FalseReassurance: case MoveType::Threat: case MoveType::TakingOver:
            return false;
        default:
            return true;
    }
}

const char* to_string(Audience a) { return name_of(kAudiences, a); }
const char* to_string(Stage s) { return name_of(kStages, s); }
const char* to_string(PersonRole r) { return name_of(kRoles, r); }
const char* to_string(FactKind k) { return name_of(kFactKinds, k); }
const char* to_string(House h) { return name_of(kHouses, h); }
std::optional<House> house_from(const std::string& s) { return value_of(kHouses, s); }

const char* display_name(FactKind k) {
    switch (k) {
        case FactKind::PastHarm: return "Past harm";
        case FactKind::ComplicatingFactor: return "Complicating factors";
        case FactKind::Strength: return "Existing strengths";
        case FactKind::ExistingSafety: return "Existing safety";
        case FactKind::Distractor: return "Not part of the mapping";
    }
    return "";
}

const char* display_name(House h) {
    switch (h) {
        case House::Worries: return "House of worries";
        case House::GoodThings: return "House of good things";
        case House::Dreams: return "House of dreams";
    }
    return "";
}
const char* to_string(MoveType m) { return name_of(kMoves, m); }
const char* to_string(TaskKind k) { return name_of(kTasks, k); }
std::optional<Audience> audience_from(const std::string& s) { return value_of(kAudiences, s); }
std::optional<Stage> stage_from(const std::string& s) { return value_of(kStages, s); }
std::optional<PersonRole> role_from(const std::string& s) { return value_of(kRoles, s); }
std::optional<FactKind> fact_kind_from(const std::string& s) { return value_of(kFactKinds, s); }
std::optional<MoveType> move_from(const std::string& s) { return value_of(kMoves, s); }
std::optional<TaskKind> task_kind_from(const std::string& s) { return value_of(kTasks, s); }

const char* aim_title(int aim) {
    static const char* const kAims[] = {
        "",
        "The worker understands risk from everyone's point of view",
        "The child finds ways to stay safe and chooses who can help",
        "Parents develop the safety plan and find their support network",
        "Parents trust the worker: helped, not judged",
        "Parents work with the worker openly, not defensively",
        "Parents understand the child's experience and the worries",
        "Wider family have clear parts in the safety plan",
        "Other agencies are clear about their worries and their help",
        "Parents feel able to care for their child, with a plan and network",
        "Family ties are stronger and the network is used",
        "The worker keeps watch over the plan and keeps good relationships",
        "The worker makes calm decisions grounded in what people do",
    };
    return aim >= 1 && aim <= 12 ? kAims[aim] : "";
}

const Person* Scenario::person(const std::string& id) const { return find_by_id(people, person_index, id); }
const Fact* Scenario::fact(const std::string& id) const { return find_by_id(facts, fact_index, id); }
const Scene* Scenario::scene(const std::string& id) const { return find_by_id(scenes, scene_index, id); }

const Ending* Scenario::ending(const std::string& id) const {
    for (const auto& e : endings)
        if (e.id == id) return &e;
    return nullptr;
}

const ScalingKey& Scenario::scaling_key(const std::string& task_id) const {
    const Task* t = task(task_id);
    return t && t->scaling ? *t->scaling : expert.scaling;
}

const Task* Scenario::task(const std::string& id) const {
    for (const auto& s : scenes)
        if (s.task && s.task->id == id) return &*s.task;
    return nullptr;
}

const Choice* Scenario::choice(const std::string& id) const {
    for (const auto& s : scenes)
        for (const auto& c : s.choices)
            if (c.id == id) return &c;
    return nullptr;
}

void Scenario::build_index() {
    scene_index.clear(); fact_index.clear(); person_index.clear();
    for (std::size_t i = 0; i < scenes.size(); ++i) scene_index.emplace(scenes[i].id, i);
    for (std::size_t i = 0; i < facts.size(); ++i) fact_index.emplace(facts[i].id, i);
    for (std::size_t i = 0; i < people.size(); ++i) person_index.emplace(people[i].id, i);
}

}  // namespace sofs
