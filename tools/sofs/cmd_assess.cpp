// `sofs assess`: the assessor in batch, with no window. Danger statements or
// safety goals as JSON lines on stdin, verdicts as JSON lines on stdout in the
// same order (the interface in assessment/CRITERIA.md); or a whole debrief
// for one transcript file.
#include "util/args.hpp"
#include "commands.hpp"
#include "guidance_cli.hpp"
#include "load/loader.hpp"
#include "rubric/assess.hpp"
#include "codec/transcript_json.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace sofs::cli {
namespace {

const char* kAssessHelp =
    "Usage: sofs assess --scenario FILE --kind danger-statement|safety-goal|next-steps|words-and-pictures [--content DIR] < in.jsonl > out.jsonl\n"
    "       sofs assess --scenario FILE --transcript FILE [--content DIR]\n"
    "\n"
    "Judges a trainee's writing against the criteria of the Signs of Safety\n"
    "practice guidance (see assessment/CRITERIA.md).\n"
    "\n"
    "Batch mode reads one JSON object a line on standard input,\n"
    "  {\"id\": \"a1\", \"text\": \"We are worried that...\"}\n"
    "and writes one line for each, in the same order,\n"
    "  {\"id\": \"a1\", \"criteria\": {\"DS-WHO\": true, ...}, \"feedback\": {\"DS-WHO\": \"...\", ...}}\n"
    "with every criterion of the kind. A line that cannot be read gets\n"
    "  {\"id\": \"a1\", \"error\": \"line 3: ...\"}\n"
    "and the run goes on. Blank lines are skipped.\n"
    "\n"
    "Transcript mode prints the whole debrief of one playthrough (a transcript\n"
    "JSON file as `sofs play` writes it) as one JSON object.\n"
    "\n"
    "Options:\n"
    "  --scenario FILE   the scenario the writing is about (its people and dangers)\n"
    "  --kind KIND       danger-statement, safety-goal, next-steps or words-and-pictures\n"
    "                    (batch mode; for next-steps the text holds one step a line,\n"
    "                    \"\\n\" between; words-and-pictures is judged for the child and\n"
    "                    age in the scenario's expert key)\n"
    "  --transcript FILE a transcript JSON file (transcript mode)\n"
    "  --content DIR     the guidance data folder (default: $SOFS_CONTENT_DIR, else the installed content/)\n"
    "  --help            show this help\n"
    "\n"
    "Exit status: 0 done (even when some lines were malformed), 2 unusable\n"
    "arguments, scenario, guidance data or transcript.\n";

int usage_error(const std::string& what) {
    std::fprintf(stderr, "sofs assess: %s\n\nRun 'sofs assess --help' for how to use it.\n", what.c_str());
    return 2;
}

nlohmann::json verdict_json(const Verdict& v) {
    nlohmann::json j = {{"criterion", v.criterion}, {"met", v.met}, {"explanation", v.explanation},
                        {"guidance", v.guidance}};
    if (!v.evidence_words.empty()) j["evidence_words"] = v.evidence_words;
    if (!v.evidence.empty()) {
        auto spans = nlohmann::json::array();
        for (auto& s : v.evidence) spans.push_back({s.begin, s.end});
        j["evidence"] = spans;
    }
    if (!v.improve.empty()) j["improve"] = v.improve;
    return j;
}

// What a trainee reads for one criterion: why, then what to try.
std::string feedback_text(const Verdict& v) {
    std::string out = v.explanation;
    if (!v.met && !v.improve.empty()) out += (out.empty() ? "" : " ") + v.improve;
    return out;
}

int run_transcript(const std::string& path, const Scenario& s, const Guidance& g) {
    std::ifstream in(path);
    if (!in) return usage_error("could not open the transcript '" + path + "'");
    std::stringstream buf;
    buf << in.rdbuf();
    std::string err;
    auto t = transcript_from_json(buf.str(), &err);
    if (!t) return usage_error("could not read the transcript '" + path + "': " + err);
    if (!t->scenario.empty() && t->scenario != s.id)
        std::fprintf(stderr, "sofs assess: warning: the transcript is of scenario '%s', not '%s'\n",
                     t->scenario.c_str(), s.id.c_str());
    Debrief d = assess(*t, s, g);
    nlohmann::json out;
    out["scenario"] = s.id;
    auto tasks = nlohmann::json::array();
    for (auto& ta : d.tasks) {
        nlohmann::json tj = {{"task", ta.task}, {"kind", to_string(ta.kind)}};
        auto vs = nlohmann::json::array();
        for (auto& v : ta.verdicts) vs.push_back(verdict_json(v));
        tj["verdicts"] = vs;
        tasks.push_back(tj);
    }
    out["tasks"] = tasks;
    nlohmann::json moves;
    moves["count_by_move"] = d.moves.count_by_move;
    moves["fitting"] = d.moves.fitting;
    moves["not_fitting"] = d.moves.not_fitting;
    moves["aims_served"] = d.moves.aims_served;
    moves["aims_undermined"] = d.moves.aims_undermined;
    moves["reflections"] = d.moves.reflections;
    out["moves"] = moves;
    auto overall = nlohmann::json::array();
    for (auto& v : d.overall) overall.push_back(verdict_json(v));
    out["overall"] = overall;
    std::cout << out.dump(2) << "\n";
    return 0;
}

}  // namespace

int cmd_assess(const Args& args) {
    auto p = parse_args(args, {"scenario", "kind", "content", "transcript"}, {});
    if (p.has("help")) {
        std::fputs(kAssessHelp, stdout);
        return 0;
    }
    if (!p.error.empty()) return usage_error(p.error);
    if (!p.positional.empty()) return usage_error("unexpected argument '" + p.positional.front() + "'");
    auto scenario_path = p.get("scenario");
    if (!scenario_path) return usage_error("name the scenario with --scenario FILE");
    auto transcript = p.get("transcript");
    auto kind = p.get("kind");
    if (!transcript && !kind) return usage_error("say what to judge with --kind danger-statement or --kind safety-goal");
    bool goals = false, steps = false, words_pictures = false;
    if (kind) {
        if (*kind == "safety-goal") goals = true;
        else if (*kind == "next-steps") steps = true;
        else if (*kind == "words-and-pictures") words_pictures = true;
        else if (*kind != "danger-statement")
            return usage_error("--kind must be danger-statement, safety-goal, next-steps or words-and-pictures, not '" +
                               *kind + "'");
    }

    auto guidance = load_guidance("assess", p);
    if (!guidance) return 2;

    auto loaded = load_scenario_file(*scenario_path);
    for (auto& d : loaded.diagnostics.items)
        if (d.severity == Severity::Error) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!loaded.scenario || loaded.diagnostics.has_errors()) {
        std::fprintf(stderr, "sofs assess: the scenario '%s' could not be used%s\n", scenario_path->c_str(),
                     loaded.scenario ? " (see the problems above)" : "");
        return 2;
    }
    const Scenario& s = *loaded.scenario;
    if (transcript) return run_transcript(*transcript, s, *guidance);

    auto prepared = prepare_case(s, *guidance);
    const auto& ids = words_pictures ? words_and_pictures_criteria()
                       : steps       ? next_steps_criteria()
                       : goals       ? safety_goal_criteria()
                                     : danger_statement_criteria();
    std::ios::sync_with_stdio(false);
    std::string line;
    long n = 0;
    while (std::getline(std::cin, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        nlohmann::ordered_json out;  // keys in the documented order: id, criteria, feedback
        nlohmann::json in = nlohmann::json::parse(line, nullptr, false);
        std::string problem;
        if (in.is_discarded()) {
            problem = "this line is not JSON";
        } else if (!in.is_object()) {
            problem = "expected an object such as {\"id\": \"a1\", \"text\": \"...\"}";
        } else {
            if (in.contains("id")) {
                if (in["id"].is_string() || in["id"].is_number()) out["id"] = in["id"];
                else problem = "\"id\" must be text or a number";
            } else {
                problem = "the object has no \"id\"";
            }
            if (problem.empty()) {
                if (!in.contains("text")) problem = "the object has no \"text\"";
                else if (!in["text"].is_string()) problem = "\"text\" must be text";
            }
        }
        if (!problem.empty()) {
            out["error"] = "line " + std::to_string(n) + ": " + problem;
            std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
            continue;
        }
        std::string text = in["text"].get<std::string>();
        auto verdicts = words_pictures ? assess_words_and_pictures(text, *prepared, *guidance)
                        : steps ? assess_next_steps(text, *prepared, *guidance)
                        : goals ? assess_safety_goal(text, *prepared, *guidance)
                                : assess_danger_statement(text, *prepared, *guidance);
        nlohmann::ordered_json criteria = nlohmann::ordered_json::object(), feedback = nlohmann::ordered_json::object();
        for (const auto& id : ids)
            for (const auto& v : verdicts)
                if (v.criterion == id) {
                    criteria[id] = v.met;
                    feedback[id] = feedback_text(v);
                }
        out["criteria"] = criteria;
        out["feedback"] = feedback;
        std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    }
    std::cout.flush();
    return 0;
}

}  // namespace sofs::cli
