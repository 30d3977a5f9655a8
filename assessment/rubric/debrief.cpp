// The whole debrief for a transcript: each task's latest answer judged
// (free text, the sorting of facts, past harm, scaling, Three Houses, the
// safety network), bookends across tasks (every danger statement answered by
// a safety goal), and what the conversation moves did for the twelve aims.
#include "rubric/criteria/criteria.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace sofs {

using namespace rubric;

namespace {

std::string fill(const std::string& s, const PreparedCase& c, const std::string& words) {
    return rubric::fill_wording(s, c, words);
}

// Every verdict here comes from the one verdict builder (verdict.hpp).
Verdict verdict(const Guidance::Data& d, const PreparedCase& c, const std::string& id, bool met,
                const std::string& reason, const std::string& words) {
    return make_verdict(d, c, id, met, reason, {}, words);
}

std::string quoted(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? (i + 1 == items.size() ? " and " : ", ") : "") + ("'" + items[i] + "'");
    return out;
}

// ------------------------------------------------------------------ sorting facts

// Answers arrive as the engine's names of the map's sections; they are
// turned into FactKind here, at the edge, and compared as values.
std::string placement_words(FactKind k) {
    switch (k) {
        case FactKind::PastHarm: return "past harm";
        case FactKind::ComplicatingFactor: return "complicating factors";
        case FactKind::Strength: return "existing strengths";
        case FactKind::ExistingSafety: return "existing safety";
        case FactKind::Distractor: return "'set aside'";
    }
    return "'set aside'";
}

std::vector<Verdict> judge_sort(const Answer& a, const Scenario& s, const Guidance::Data& d, const PreparedCase& c) {
    std::vector<Verdict> out;
    for (const auto& [fact_id, placed] : a.placements) {
        const Fact* f = s.fact(fact_id);
        if (!f) continue;
        const std::optional<FactKind> where = fact_kind_from(placed);
        bool met = where == f->kind;
        Verdict v = verdict(d, c, "MAP-PLACEMENT", met, "", "'" + f->text + "'");
        if (!met) {
            v.explanation = "You placed '" + f->text + "' under " + (where ? placement_words(*where) : placed) +
                            (f->kind == FactKind::Distractor
                                 ? "; it is better set aside, as it is not part of the mapping. "
                                 : "; it belongs under " + placement_words(f->kind) + ". ") +
                            f->why;
        } else if (!f->why.empty()) {
            v.explanation += " " + f->why;
        }
        out.push_back(std::move(v));
    }
    // The mapping as a whole: met only when every fact of the task is where the experts put it.
    std::vector<std::string> facts;
    if (const Task* task = s.task(a.task)) facts = task->facts;
    for (const auto& [fact_id, placed] : a.placements)
        if (std::find(facts.begin(), facts.end(), fact_id) == facts.end()) facts.push_back(fact_id);
    int right = 0, total = 0;
    std::vector<std::string> wrong;
    for (const auto& id : facts) {
        const Fact* f = s.fact(id);
        if (!f) continue;
        ++total;
        auto it = a.placements.find(id);
        if (it != a.placements.end() && fact_kind_from(it->second) == f->kind) ++right;
        else wrong.push_back(f->text);
    }
    if (total > 0) {
        std::string count = std::to_string(right) + " of " + std::to_string(total);
        Verdict whole = verdict(d, c, "MAP-WHOLE", wrong.empty(), "", count);
        if (!wrong.empty()) whole.explanation += " Not yet where they belong: " + quoted(wrong) + ".";
        out.push_back(std::move(whole));
    }
    return out;
}

// ------------------------------------------------------------------ past harm

Verdict judge_past_harm(const Answer& a, const Scenario& s, const Guidance& g, const PreparedCase& c) {
    const auto& d = *g.data;
    Text t = tokenise(a.text, d.words);
    auto ds = assess_danger_statement(a.text, c, g);
    // Who did what, or what happened to the child: where no one yet knows who hurt a child,
    // or the harm is care not given, what the child went through is what happened.
    bool behaviour = false, to_child = false;
    for (auto& v : ds) {
        if (v.criterion == "DS-CAREGIVER-BEHAVIOUR") behaviour = v.met;
        if (v.criterion == "DS-CHILD-IMPACT") to_child = v.met;
    }
    bool when = !find_all(t, d.lex("past-time")).empty();
    bool past_tense = false;
    for (auto& k : t.tokens)
        if (k.lower == "was" || k.lower == "were" || k.lower == "had" || k.lower == "did" ||
            (k.lower.size() > 4 && k.lower.compare(k.lower.size() - 2, 2, "ed") == 0))
            past_tense = true;
    (void)s;
    // "Ryan is an alcoholic and there is domestic violence": labels and jargon say what
    // someone is, or name a category, not what happened (the same checks as a danger statement)
    Reading r(t, d, c);
    std::vector<std::string> guesses;
    for (auto& m : find_longest(t, d.lex("hypotheses"))) {
        if (m.first == m.last && r.month_may(m.first)) continue;  // "in the three months before May"
        guesses.push_back(std::string(a.text.substr(t.tokens[m.first].begin, t.tokens[m.last].end - t.tokens[m.first].begin)));
    }
    std::vector<std::string> labels, jargon;
    for (auto& m : blaming_labels(r)) labels.push_back(r.quote(m.first, m.last));
    for (auto& m : find_longest(t, d.lex("categories"))) jargon.push_back(r.quote(m.first, m.last));
    auto plain = judge_plain(r);
    for (auto& item : plain.items)
        if (item.kind != "long") jargon.push_back(a.text.substr(item.span.begin, item.span.end - item.span.begin));
    if (!labels.empty()) return verdict(d, c, "PH-WHAT-HAPPENED", false, "label", quoted(labels));
    if (!jargon.empty()) return verdict(d, c, "PH-WHAT-HAPPENED", false, "jargon", quoted(jargon));
    if (!guesses.empty()) {
        Verdict v = verdict(d, c, "PH-WHAT-HAPPENED", false, "hypothesis", quoted(guesses));
        return v;
    }
    bool met = (behaviour || to_child) && (when || past_tense);
    return verdict(d, c, "PH-WHAT-HAPPENED", met, "", "");
}

// ------------------------------------------------------------------ scaling

std::vector<Verdict> judge_scaling(const Answer& a, const Scenario& s, const Guidance& g, const PreparedCase& c) {
    const auto& d = *g.data;
    const ScalingKey& k = s.scaling_key(a.task);
    std::vector<Verdict> out;
    int n = a.number;
    bool in_range = n >= k.low && n <= k.high;
    Verdict r = verdict(d, c, "SC-IN-RANGE", in_range, "", std::to_string(n));
    if (!in_range)
        r.explanation = "You chose " + std::to_string(n) + "; the experts place this case at " + std::to_string(k.expert) +
                        ", and a number from " + std::to_string(k.low) + " to " + std::to_string(k.high) +
                        " is within reason.";
    out.push_back(r);
    if (in_range) {
        out.push_back(verdict(d, c, "SC-DIRECTION", true, "", std::to_string(n)));
    } else if (n > k.high) {
        out.push_back(verdict(d, c, "SC-DIRECTION", false, "optimistic", k.over_optimistic));
    } else {
        out.push_back(verdict(d, c, "SC-DIRECTION", false, "pessimistic", k.over_pessimistic));
    }
    // The reason weighs both sides: something working well and something worrying.
    Text t = tokenise(a.text, d.words);
    auto words_of = [&](const char* lex) { return find_all(t, d.lex(lex)); };
    bool strength = !words_of("strength-words").empty();
    bool worry = !words_of("worry-words").empty() || !words_of("behaviours").empty() ||
                 !words_of("danger-themes").empty() || !words_of("vague-harm").empty() ||
                 !words_of("categories").empty();
    std::string reason = strength && worry ? "" : strength ? "no-worry" : worry ? "no-strength" : "";
    out.push_back(verdict(d, c, "SC-JUSTIFIED", strength && worry, reason, ""));
    return out;
}

// ------------------------------------------------------------------ three houses, network

std::string norm(const std::string& s) {
    std::string out;
    for (char ch : s)
        if (std::isalnum((unsigned char)ch)) out += (char)std::tolower((unsigned char)ch);
    return out;
}

Verdict judge_three_houses(const Answer& a, const Scenario& s, const Guidance::Data& d, const PreparedCase& c) {
    const auto& key = s.expert.three_houses;
    std::map<std::string, std::string> expected;
    // (answers hold the engine's names of the houses: engine/model's to_string)
    for (auto& w : key.worries) expected[norm(w)] = to_string(House::Worries);
    for (auto& w : key.good_things) expected[norm(w)] = to_string(House::GoodThings);
    for (auto& w : key.dreams) expected[norm(w)] = to_string(House::Dreams);
    std::vector<std::string> wrong;
    for (const auto& [item, house] : a.placements) {
        auto it = expected.find(norm(item));
        if (it != expected.end() && it->second != house) wrong.push_back(item);
    }
    return verdict(d, c, "TH-HEARD", wrong.empty(), "", quoted(wrong));
}

Verdict judge_network(const Answer& a, const Scenario& s, const Guidance::Data& d, const PreparedCase& c) {
    std::vector<std::string> missing, present;
    for (const auto& id : s.expert.network) {
        const Person* p = s.person(id);
        std::string name = p ? p->name : id;
        if (std::find(a.picks.begin(), a.picks.end(), id) == a.picks.end()) missing.push_back(name);
        else present.push_back(name);
    }
    return verdict(d, c, "NET-PEOPLE", missing.empty(), "", quoted(missing.empty() ? present : missing));
}

// ------------------------------------------------------------------ bookends

struct Concerns {
    std::set<std::string> themes;
    std::set<std::string> children;  // person ids; "*" for "the children"
};

Concerns concerns_of(const std::string& text, const Guidance::Data& d, const PreparedCase& c) {
    Concerns out;
    Text t = tokenise(text, d.words);
    const auto& th = d.lex("danger-themes");
    for (auto& m : find_all(t, th)) out.themes.insert(th.phrases[m.phrase].section);
    for (auto& m : find_people(t, c))
        if (m.who == Who::Child) out.children.insert(m.person.empty() ? "*" : m.person);
    return out;
}

}  // namespace

Debrief assess(const Transcript& t, const Scenario& s, const Guidance& g) {
    const auto& d = *g.data;
    auto prepared = prepare_case(s, g);
    const PreparedCase& c = *prepared;
    Debrief out;

    // The latest answer to each task, in the order tasks were first answered.
    std::vector<std::string> order;
    std::map<std::string, Answer> latest;
    std::vector<const Choice*> chosen;
    for (const auto& e : t.events) {
        if (e.kind == Event::Kind::Answer) {
            if (!latest.count(e.answer.task)) order.push_back(e.answer.task);
            latest[e.answer.task] = e.answer;
        } else if (e.kind == Event::Kind::Choose) {
            if (const Choice* ch = s.choice(e.choice)) chosen.push_back(ch);
        }
    }

    std::vector<std::string> danger_texts, goal_texts;
    for (const auto& id : order) {
        const Task* task = s.task(id);
        if (!task) continue;
        const Answer& a = latest[id];
        TaskAssessment ta;
        ta.task = id;
        ta.kind = task->kind;
        switch (task->kind) {
            case TaskKind::DangerStatement:
                ta.verdicts = assess_danger_statement(a.text, c, g);
                danger_texts.push_back(a.text);
                break;
            case TaskKind::SafetyGoal:
                ta.verdicts = assess_safety_goal(a.text, c, g);
                goal_texts.push_back(a.text);
                break;
            case TaskKind::PastHarm: ta.verdicts.push_back(judge_past_harm(a, s, g, c)); break;
            case TaskKind::SortFacts: ta.verdicts = judge_sort(a, s, d, c); break;
            case TaskKind::Scaling: ta.verdicts = judge_scaling(a, s, g, c); break;
            case TaskKind::ThreeHouses: ta.verdicts.push_back(judge_three_houses(a, s, d, c)); break;
            case TaskKind::SafetyNetwork: ta.verdicts.push_back(judge_network(a, s, d, c)); break;
            case TaskKind::NextSteps: ta.verdicts = assess_next_steps(a.text, c, g); break;
            case TaskKind::WordsAndPictures: ta.verdicts = assess_words_and_pictures(a.text, c, g); break;
        }
        out.tasks.push_back(std::move(ta));
    }

    // Bookends: every danger statement answered by a goal about the same
    // behaviour and the same children.
    for (const auto& ds : danger_texts) {
        if (goal_texts.empty()) break;
        Concerns danger = concerns_of(ds, d, c);
        bool answered = false;
        std::string shared;
        for (const auto& sg : goal_texts) {
            Concerns goal = concerns_of(sg, d, c);
            std::vector<std::string> themes;
            for (auto& th : danger.themes)
                if (goal.themes.count(th)) themes.push_back(th);
            bool children = danger.children.empty() || goal.children.count("*") || danger.children.count("*");
            for (auto& ch : danger.children)
                if (goal.children.count(ch)) children = true;
            if (!themes.empty() && children && !goal.children.empty()) {
                answered = true;
                shared = "both speak of " + quoted(themes) + " and the same children";
                break;
            }
        }
        out.overall.push_back(verdict(d, c, "BOOKENDS", answered, "", shared));
    }

    // Conversation moves: counts, fit, aims, and what to try next time.
    std::set<int> served, undermined;
    std::set<MoveType> used;
    for (const Choice* ch : chosen) {
        out.moves.count_by_move[to_string(ch->move)]++;
        if (move_fits_practice(ch->move)) out.moves.fitting++;
        else out.moves.not_fitting++;
        served.insert(ch->serves.begin(), ch->serves.end());
        undermined.insert(ch->undermines.begin(), ch->undermines.end());
        used.insert(ch->move);
    }
    out.moves.aims_served.assign(served.begin(), served.end());
    out.moves.aims_undermined.assign(undermined.begin(), undermined.end());
    for (MoveType m : used) {
        auto it = d.moves.find(to_string(m));
        if (it == d.moves.end()) continue;
        if (move_fits_practice(m)) {
            if (!it->second.fits.empty()) out.moves.reflections.push_back(fill(it->second.fits, c, ""));
        } else if (!it->second.try_instead.empty()) {
            out.moves.reflections.push_back(fill(it->second.try_instead, c, ""));
        }
    }
    // Moves the practice values that were not tried: one or two prompts, not a list.
    int prompts = 0;
    for (MoveType m : {MoveType::Exception, MoveType::ChildsVoice, MoveType::Network, MoveType::Scaling}) {
        if (used.count(m) || prompts >= 2 || chosen.empty()) continue;
        auto it = d.moves.find(to_string(m));
        if (it == d.moves.end() || it->second.try_instead.empty()) continue;
        out.moves.reflections.push_back(fill(it->second.try_instead, c, ""));
        ++prompts;
    }
    for (int aim : out.moves.aims_undermined)
        if (!served.count(aim))
            out.moves.reflections.push_back(std::string("Some choices worked against aim ") + std::to_string(aim) +
                                            " (" + aim_title(aim) + "). What might you do differently to support it?");
    return out;
}

}  // namespace sofs
