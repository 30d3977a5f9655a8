// Reading and following plans; see plan.hpp.
#include "play/plan.hpp"

#include "runtime/stock_answer.hpp"

#include <yaml-cpp/yaml.h>

namespace sofs::play {

std::optional<std::vector<PlanStep>> read_plan(const std::string& path, std::string* error) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(path);
    } catch (const YAML::BadFile&) {
        *error = "could not open the script '" + path + "'";
        return std::nullopt;
    } catch (const YAML::ParserException& e) {
        *error = path + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                 ": the script is not valid YAML: " + e.msg;
        return std::nullopt;
    }
    if (root.IsNull()) return std::vector<PlanStep>{};
    if (!root.IsSequence()) {
        *error = path + ": a script is a list of steps such as '- choose: ask-exception'";
        return std::nullopt;
    }
    std::vector<PlanStep> steps;
    for (const auto& n : root) {
        PlanStep st;
        st.line = n.Mark().line + 1;
        const std::string at = path + ":" + std::to_string(st.line) + ": ";
        try {
            if (n.IsScalar() && n.Scalar() == "advance") {
                st.kind = PlanStep::Kind::Advance;
            } else if (n.IsMap() && n.size() == 1 && n["choose"]) {
                st.kind = PlanStep::Kind::Choose;
                st.choice = n["choose"].as<std::string>();
            } else if (n.IsMap() && n.size() == 1 && n["answer"]) {
                const auto a = n["answer"];
                if (a.IsScalar()) {
                    st.kind = PlanStep::Kind::StockAnswer;
                    st.answer.task = a.as<std::string>();
                } else if (a.IsMap()) {
                    st.kind = PlanStep::Kind::Answer;
                    for (auto it = a.begin(); it != a.end(); ++it) {
                        const auto key = it->first.as<std::string>();
                        if (key == "task") st.answer.task = it->second.as<std::string>();
                        else if (key == "text") st.answer.text = it->second.as<std::string>();
                        else if (key == "number") st.answer.number = it->second.as<int>();
                        else if (key == "placements") st.answer.placements = it->second.as<std::map<std::string, std::string>>();
                        else if (key == "picks") st.answer.picks = it->second.as<std::vector<std::string>>();
                        else {
                            *error = at + "an answer has no key '" + key + "' (task, text, number, placements, picks)";
                            return std::nullopt;
                        }
                    }
                    if (st.answer.task.empty()) {
                        *error = at + "an answer needs 'task'";
                        return std::nullopt;
                    }
                } else {
                    *error = at + "'answer' takes a task id (for a stock answer) or a map";
                    return std::nullopt;
                }
            } else {
                *error = at + "a step is 'advance', 'choose: CHOICE' or 'answer: {task: ID, ...}'";
                return std::nullopt;
            }
        } catch (const YAML::Exception& e) {
            *error = at + "this step has a value of the wrong type (" + e.msg + ")";
            return std::nullopt;
        }
        steps.push_back(std::move(st));
    }
    return steps;
}

std::string waiting_for(const View& v) {
    switch (v.kind) {
        case View::Kind::Choices: {
            std::string offered;
            for (const Choice* c : v.choices) offered += (offered.empty() ? "" : ", ") + c->id;
            return "a choice (" + (offered.empty() ? std::string("nothing") : offered) + ")";
        }
        case View::Kind::Task: return "an answer to task '" + v.task->id + "'";
        case View::Kind::Narration: return "advance";
        case View::Kind::Ending: return "nothing";
    }
    return "";
}

Outcome take_step(Playthrough& p, const PlanStep& st, const std::string& plan_path) {
    const View v = p.view();
    Outcome o;
    switch (st.kind) {
        case PlanStep::Kind::Advance: o = p.advance(); break;
        case PlanStep::Kind::Choose: o = p.choose(st.choice); break;
        case PlanStep::Kind::Answer: o = p.answer(st.answer); break;
        case PlanStep::Kind::StockAnswer:
            if (v.kind != View::Kind::Task) {
                o.problem = "scene '" + p.session().scene_id() + "' has no task waiting for an answer";
            } else {
                Answer a = stock_answer(p.session(), *v.task);
                a.task = st.answer.task;
                o = p.answer(a);
            }
            break;
    }
    if (!o.taken)
        o.problem = plan_path + ":" + std::to_string(st.line) + ": " + o.problem + " (the scenario is waiting for " +
                    waiting_for(v) + ")";
    return o;
}

}  // namespace sofs::play
