// Stock answers from the expert key; see stock_answer.hpp.
#include "runtime/stock_answer.hpp"

#include <algorithm>

namespace sofs {

std::vector<std::string> offered_facts(const Session& s, const Task& t) {
    if (!t.facts.empty()) return t.facts;
    return s.revealed_facts();
}

std::vector<std::string> offered_people(const Scenario& sc, const Task& t) {
    if (!t.people.empty()) return t.people;
    std::vector<std::string> out;
    for (const auto& p : sc.people)
        if (p.role != PersonRole::Professional) out.push_back(p.id);
    return out;
}

Answer stock_answer(const Session& s, const Task& t) {
    const Scenario& sc = s.scenario();
    const ExpertKey& x = sc.expert;
    Answer a;
    a.task = t.id;
    auto first_or = [](const std::vector<std::string>& v, const char* fallback) {
        return v.empty() ? std::string(fallback) : v.front();
    };
    switch (t.kind) {
        case TaskKind::DangerStatement:
            a.text = first_or(x.danger_statements, "The social worker is worried that the child could be hurt if nothing changes.");
            break;
        case TaskKind::SafetyGoal:
            a.text = first_or(x.safety_goals, "The parents will show the network that the child is safe every day.");
            break;
        case TaskKind::PastHarm:
            a.text = x.past_harm.empty() ? "What happened, to whom, when and how often." : x.past_harm;
            break;
        case TaskKind::NextSteps:
            for (const auto& step : x.next_steps) a.text += (a.text.empty() ? "" : "\n") + step;
            if (a.text.empty()) a.text = "Meet the family and their network this week.";
            break;
        case TaskKind::WordsAndPictures:
            a.text = x.words_and_pictures && !x.words_and_pictures->example.empty()
                         ? x.words_and_pictures->example
                         : "Your teacher was worried about you because you were hurt. Now a grown-up you know stays with you every day.";
            break;
        case TaskKind::Scaling:
            a.number = sc.scaling_key(t.id).expert;
            a.text = "There is real danger and some existing safety, so it sits at " + std::to_string(a.number) + ".";
            break;
        case TaskKind::SortFacts:
            for (const auto& id : offered_facts(s, t))
                if (const Fact* f = sc.fact(id)) a.placements[id] = to_string(f->kind);
            break;
        case TaskKind::ThreeHouses:
            for (const auto& w : x.three_houses.worries) a.placements[w] = to_string(House::Worries);
            for (const auto& g : x.three_houses.good_things) a.placements[g] = to_string(House::GoodThings);
            for (const auto& d : x.three_houses.dreams) a.placements[d] = to_string(House::Dreams);
            break;
        case TaskKind::SafetyNetwork: {
            auto offered = offered_people(sc, t);
            for (const auto& p : x.network)
                if (std::find(offered.begin(), offered.end(), p) != offered.end()) a.picks.push_back(p);
            if (a.picks.empty() && !offered.empty()) a.picks.push_back(offered.front());
            break;
        }
    }
    return a;
}

}  // namespace sofs
