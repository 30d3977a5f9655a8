// `sofs play`: play a scenario on the terminal, from a script, or at random.
// Non-interactive play prints one JSON line per step (see scenarios/PLAY-SCRIPT.md),
// the same lines for the same seed and script. With --db and --user every step
// is committed to the progress store BEFORE its line is printed, so a play
// killed mid-way loses nothing and the next run resumes where it stopped.
#include "terminal_text.hpp"
#include "args.hpp"
#include "commands.hpp"
#include "load/loader.hpp"
#include "recorder.hpp"
#include "runtime/session.hpp"
#include "runtime/stock_answer.hpp"
#include "transcript_json.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace sofs::cli {
namespace {

const char* kPlayHelp =
    "Usage: sofs play SCENARIO [--script FILE | --random] [--seed N]\n"
    "                 [--db PATH --user NAME] [--step-delay-ms N]\n"
    "\n"
    "Plays a scenario file. On a terminal, without --script or --random, you play\n"
    "it yourself: numbered choices, and prompts for each task.\n"
    "\n"
    "With --script or --random it prints one JSON line per step:\n"
    "  {\"step\":1,\"scene\":\"doorstep\",\"action\":\"choose\",\"choice\":\"say-worry\"}\n"
    "and a last line {\"step\":N,\"ending\":\"...\",\"title\":\"...\"}.\n"
    "\n"
    "Options:\n"
    "  --script FILE       follow a plan of steps (format: scenarios/PLAY-SCRIPT.md)\n"
    "  --random            choose at random and give stock answers from the expert key\n"
    "  --seed N            seed for --random and for shuffled choices (default 1);\n"
    "                      the same seed gives the same lines\n"
    "  --db PATH           record the attempt in this progress database (with --user);\n"
    "                      an unfinished attempt of that user is resumed\n"
    "  --user NAME         the trainee playing (created if unknown)\n"
    "  --step-delay-ms N   wait N milliseconds between steps\n"
    "  --help              show this help\n"
    "\n"
    "Exit status: 0 the scenario ended, 1 it could not be played to the end, 2 bad usage.\n";

using nlohmann::ordered_json;

// splitmix64 for --random's picks: one draw per step, so a resumed play can
// skip the draws of the steps already made and go on exactly as before.
struct Picker {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
};

// One step of a script.
struct ScriptStep {
    enum class Kind { Advance, Choose, Answer, StockAnswer } kind = Kind::Advance;
    std::string choice;
    Answer answer;
    int line = 0;
};

std::optional<std::vector<ScriptStep>> read_script(const std::string& path, std::string* error) {
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
    if (root.IsNull()) return std::vector<ScriptStep>{};
    if (!root.IsSequence()) {
        *error = path + ": a script is a list of steps such as '- choose: ask-exception'";
        return std::nullopt;
    }
    std::vector<ScriptStep> steps;
    for (const auto& n : root) {
        ScriptStep st;
        st.line = n.Mark().line + 1;
        const std::string at = path + ":" + std::to_string(st.line) + ": ";
        try {
            if (n.IsScalar() && n.Scalar() == "advance") {
                st.kind = ScriptStep::Kind::Advance;
            } else if (n.IsMap() && n.size() == 1 && n["choose"]) {
                st.kind = ScriptStep::Kind::Choose;
                st.choice = n["choose"].as<std::string>();
            } else if (n.IsMap() && n.size() == 1 && n["answer"]) {
                const auto a = n["answer"];
                if (a.IsScalar()) {
                    st.kind = ScriptStep::Kind::StockAnswer;
                    st.answer.task = a.as<std::string>();
                } else if (a.IsMap()) {
                    st.kind = ScriptStep::Kind::Answer;
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

ordered_json step_line(const Scenario& sc, const Event& e) {
    ordered_json j;
    j["step"] = e.step;
    if (e.kind == Event::Kind::End) {
        j["ending"] = e.ending;
        const Ending* end = sc.ending(e.ending);
        j["title"] = end ? end->title : "";
        return j;
    }
    j["scene"] = e.scene;
    j["action"] = to_string(e.kind);
    if (e.kind == Event::Kind::Choose) j["choice"] = e.choice;
    if (e.kind == Event::Kind::Answer) {
        j["task"] = e.answer.task;
        nlohmann::json a = e.answer;
        j["answer"] = ordered_json::parse(a.dump());
    }
    return j;
}

std::string offered(const View& v) {
    std::string out;
    for (const Choice* c : v.choices) out += (out.empty() ? "" : ", ") + c->id;
    return out.empty() ? "nothing" : out;
}

std::string waiting_for(const View& v) {
    switch (v.kind) {
        case View::Kind::Choices: return "a choice (" + offered(v) + ")";
        case View::Kind::Task: return "an answer to task '" + v.task->id + "'";
        case View::Kind::Narration: return "advance";
        case View::Kind::Ending: return "nothing";
    }
    return "";
}

// ---------------------------------------------------------------- interactive

std::string speaker_name(const Scenario& sc, const std::string& id) {
    if (id == "narrator") return "";
    const Person* p = sc.person(id);
    return p ? p->name : id;
}

// Prints a paragraph wrapped at word boundaries to the terminal's width.
void say(const std::string& first, const std::string& text, const std::string& rest = "    ") {
    std::printf("%s\n", cli::wrap_words(text, cli::terminal_width(), first, rest).c_str());
}

void show_lines(const Scenario& sc, const std::vector<const Line*>& lines) {
    for (const Line* l : lines) {
        std::string who = speaker_name(sc, l->speaker);
        if (who.empty()) say("  ", l->text);
        else say("  " + who + ": ", l->text);
    }
}

bool read_line(std::string& out) {
    std::fflush(stdout);
    return static_cast<bool>(std::getline(std::cin, out));
}

// Asks the trainee for one action; false when they quit (end of input or "q").
bool ask(Session& s, std::string& scene_shown, std::size_t& reply_shown) {
    const Scenario& sc = s.scenario();
    View v = s.view();
    if (v.scene && v.scene->id != scene_shown) {
        scene_shown = v.scene->id;
        std::printf("\n");
        say("== ", v.scene->title + " ==", "   ");
        if (!v.scene->place.empty()) say("   ", v.scene->place, "   ");
        show_lines(sc, v.lines);
    }
    // Each reply once, not again after a mistyped answer.
    if (!v.reply.empty() && reply_shown != s.transcript().events.size()) {
        reply_shown = s.transcript().events.size();
        show_lines(sc, v.reply);
    }
    std::string in;
    switch (v.kind) {
        case View::Kind::Narration:
            std::printf("\n[Enter to go on, q to stop] ");
            if (!read_line(in) || in == "q") return false;
            if (auto err = s.advance()) std::printf("%s\n", err->message.c_str());
            return true;
        case View::Kind::Choices: {
            std::printf("\nWhat do you say?\n");
            for (std::size_t i = 0; i < v.choices.size(); ++i)
                say("  " + std::to_string(i + 1) + ". ", v.choices[i]->text, "     ");
            std::printf("[1-%zu, q to stop] ", v.choices.size());
            if (!read_line(in) || in == "q") return false;
            std::size_t n = 0;
            try { n = std::stoul(in); } catch (...) { n = 0; }
            if (n < 1 || n > v.choices.size()) {
                std::printf("Please type a number from 1 to %zu.\n", v.choices.size());
                return true;
            }
            const Choice* c = v.choices[n - 1];
            if (auto err = s.choose(c->id)) std::printf("%s\n", err->message.c_str());
            else if (!c->feedback.empty()) say("  (feedback: ", c->feedback + ")");
            return true;
        }
        case View::Kind::Task: {
            const Task& t = *v.task;
            Answer a;
            a.task = t.id;
            std::printf("\n");
            say("Task: ", t.prompt);
            if (!t.hint.empty()) say("Hint: ", t.hint);
            switch (t.kind) {
                case TaskKind::Scaling:
                    std::printf("Your number, 0 to 10: ");
                    if (!read_line(in)) return false;
                    try { a.number = std::stoi(in); } catch (...) { a.number = -1; }
                    std::printf("Why that number? ");
                    if (!read_line(a.text)) return false;
                    break;
                case TaskKind::SortFacts:
                    std::printf("For each fact type 1 past harm, 2 complicating factor, 3 strength,\n"
                                "4 existing safety, 5 not relevant:\n");
                    for (const auto& id : offered_facts(s, t)) {
                        const Fact* f = sc.fact(id);
                        if (!f) continue;
                        std::printf("  %s\n  > ", f->text.c_str());
                        if (!read_line(in)) return false;
                        static const char* kCols[] = {"past-harm", "complicating-factor", "strength",
                                                      "existing-safety", "distractor"};
                        int k = in.empty() ? 0 : in[0] - '0';
                        if (k >= 1 && k <= 5) a.placements[id] = kCols[k - 1];
                    }
                    break;
                case TaskKind::ThreeHouses: {
                    std::printf("For each thing the child said type w (worries), g (good things) or d (dreams):\n");
                    std::vector<std::string> items;
                    for (const auto* list : {&sc.expert.three_houses.worries, &sc.expert.three_houses.good_things,
                                             &sc.expert.three_houses.dreams})
                        items.insert(items.end(), list->begin(), list->end());
                    std::sort(items.begin(), items.end());
                    for (const auto& item : items) {
                        std::printf("  \"%s\" > ", item.c_str());
                        if (!read_line(in)) return false;
                        if (in == "w") a.placements[item] = "worries";
                        if (in == "g") a.placements[item] = "good-things";
                        if (in == "d") a.placements[item] = "dreams";
                    }
                    break;
                }
                case TaskKind::SafetyNetwork: {
                    auto people = offered_people(sc, t);
                    for (std::size_t i = 0; i < people.size(); ++i)
                        std::printf("  %zu. %s\n", i + 1, speaker_name(sc, people[i]).c_str());
                    std::printf("Type the numbers of the people you choose, with spaces: ");
                    if (!read_line(in)) return false;
                    std::size_t pos = 0;
                    while (pos < in.size()) {
                        std::size_t used = 0;
                        try {
                            std::size_t n = std::stoul(in.substr(pos), &used);
                            if (n >= 1 && n <= people.size()) a.picks.push_back(people[n - 1]);
                        } catch (...) { break; }
                        pos += used;
                    }
                    break;
                }
                default:
                    std::printf("Type your answer; an empty line ends it.\n");
                    while (read_line(in) && !in.empty()) a.text += (a.text.empty() ? "" : "\n") + in;
                    break;
            }
            if (auto err = s.answer(a)) std::printf("That answer does not fit: %s\n", err->message.c_str());
            return true;
        }
        case View::Kind::Ending:
            return false;
    }
    return false;
}

}  // namespace

int cmd_play(const Args& args) {
    auto p = parse_args(args, {"script", "seed", "db", "user", "step-delay-ms"}, {"random"});
    if (p.has("help")) {
        std::fputs(kPlayHelp, stdout);
        return 0;
    }
    auto usage_error = [](const std::string& msg) {
        std::fprintf(stderr, "sofs play: %s\n(see sofs play --help)\n", msg.c_str());
        return 2;
    };
    if (!p.error.empty()) return usage_error(p.error);
    if (p.positional.size() != 1) return usage_error("name exactly one scenario file to play");
    if (p.has("script") && p.has("random")) return usage_error("use --script or --random, not both");
    if (p.has("db") != p.has("user")) return usage_error("--db and --user go together");
    std::string err;
    auto seed_opt = p.get_int("seed", &err);
    auto delay_opt = p.get_int("step-delay-ms", &err);
    if (!err.empty()) return usage_error(err);
    const std::uint64_t seed = static_cast<std::uint64_t>(seed_opt.value_or(1));
    const long long delay_ms = delay_opt.value_or(0);
    const bool scripted = p.has("script"), random = p.has("random");
    const bool interactive = !scripted && !random;
    if (interactive && !isatty(0))
        return usage_error("the input is not a terminal, so there is no one to play: "
                           "give --script FILE to follow a plan or --random --seed N to play at random");

    // The scenario must load without errors to be played.
    const std::string& path = p.positional[0];
    LoadResult loaded = load_scenario_file(path);
    if (!loaded.scenario || loaded.diagnostics.has_errors()) {
        for (const auto& d : loaded.diagnostics.items)
            if (d.severity == Severity::Error) std::fprintf(stderr, "%s\n", d.format().c_str());
        std::fprintf(stderr, "sofs play: '%s' has %zu error(s) and cannot be played (see sofs lint)\n", path.c_str(),
                     loaded.diagnostics.error_count());
        return 1;
    }
    const Scenario& sc = *loaded.scenario;

    std::vector<ScriptStep> script;
    if (scripted) {
        auto s = read_script(*p.get("script"), &err);
        if (!s) {
            std::fprintf(stderr, "sofs play: %s\n", err.c_str());
            return 1;
        }
        script = std::move(*s);
    }

    // Progress recording and resuming.
    std::unique_ptr<PlayRecorder> recorder;
    std::optional<Session> session;
    std::size_t saved_events = 0;  // events already in the store
    if (p.has("db")) {
        recorder = open_recorder(*p.get("db"), *p.get("user"), sc, &err);
        if (!recorder) {
            std::fprintf(stderr, "sofs play: could not record progress in '%s': %s\n", p.get("db")->c_str(),
                         err.c_str());
            return 1;
        }
        std::string why;
        if (auto t = recorder->unfinished(&why)) {
            session = Session::restore(sc, *t, &why);
            if (session) {
                saved_events = t->events.size();
            } else {
                std::fprintf(stderr, "sofs play: the unfinished attempt cannot be resumed (%s); starting afresh\n",
                             why.c_str());
            }
        } else if (!why.empty()) {
            std::fprintf(stderr, "sofs play: %s; starting afresh\n", why.c_str());
        }
    }
    const bool resumed = session.has_value();
    if (!session) session.emplace(sc, seed);
    Session& s = *session;
    if (recorder && !recorder->begin(s.transcript(), resumed, &err)) {
        std::fprintf(stderr, "sofs play: could not start the attempt in the progress store: %s\n", err.c_str());
        return 1;
    }

    // Every event not yet stored: record it, then print it.
    std::size_t printed = saved_events;
    auto flush_events = [&]() -> bool {
        const auto& events = s.transcript().events;
        for (; printed < events.size(); ++printed) {
            if (recorder && !recorder->record(events[printed], &err)) {
                std::fprintf(stderr, "sofs play: step %d could not be saved: %s\n", events[printed].step, err.c_str());
                return false;
            }
            if (!interactive) {
                std::string line = step_line(sc, events[printed]).dump();
                std::fprintf(stdout, "%s\n", line.c_str());
                std::fflush(stdout);
            }
        }
        return true;
    };
    if (!flush_events()) return 1;

    // Actions already taken (a resumed attempt): skip as many script steps and draws.
    std::size_t taken = 0;
    for (const auto& e : s.transcript().events)
        if (e.kind == Event::Kind::Advance || e.kind == Event::Kind::Choose || e.kind == Event::Kind::Answer) ++taken;
    Picker picker{seed ^ 0x5bd1e9955bd1e995ull};
    if (random)
        for (std::size_t i = 0; i < taken; ++i) picker.next();
    std::size_t next_step = taken;

    const std::size_t kMaxSteps = 100000;  // a random walk round a loop must still stop
    std::string scene_shown;
    std::size_t reply_shown = 0;
    while (!s.ended()) {
        View v = s.view();
        if (v.kind == View::Kind::Ending) break;  // a scenario with errors; cannot happen after lint
        std::optional<ActionError> fail;
        if (interactive) {
            if (!ask(s, scene_shown, reply_shown)) {
                std::printf("\n");
                say("", std::string("Stopped before the end") + (recorder ? "; your progress is saved." : "."), "");
                return 1;
            }
        } else if (random) {
            if (s.transcript().events.size() > kMaxSteps) {
                std::fprintf(stderr, "sofs play: no ending after %zu steps at random; the scenario may loop\n", kMaxSteps);
                return 1;
            }
            std::uint64_t draw = picker.next();
            if (v.kind == View::Kind::Narration) fail = s.advance();
            else if (v.kind == View::Kind::Choices) fail = s.choose(v.choices[draw % v.choices.size()]->id);
            else fail = s.answer(stock_answer(s, *v.task));
        } else {
            if (next_step >= script.size()) {
                std::fprintf(stderr, "sofs play: the script ended before the scenario did: scene '%s' is waiting for %s\n",
                             s.scene_id().c_str(), waiting_for(v).c_str());
                return 1;
            }
            const ScriptStep& st = script[next_step++];
            switch (st.kind) {
                case ScriptStep::Kind::Advance: fail = s.advance(); break;
                case ScriptStep::Kind::Choose: fail = s.choose(st.choice); break;
                case ScriptStep::Kind::Answer: fail = s.answer(st.answer); break;
                case ScriptStep::Kind::StockAnswer:
                    if (v.kind != View::Kind::Task) {
                        fail = ActionError{"scene '" + s.scene_id() + "' has no task waiting for an answer"};
                    } else {
                        Answer a = stock_answer(s, *v.task);
                        a.task = st.answer.task;
                        fail = s.answer(a);
                    }
                    break;
            }
            if (fail)
                fail->message = *p.get("script") + ":" + std::to_string(st.line) + ": " + fail->message +
                                " (the scenario is waiting for " + waiting_for(v) + ")";
        }
        if (fail) {
            std::fprintf(stderr, "sofs play: %s\n", fail->message.c_str());
            return 1;
        }
        if (!flush_events()) return 1;
        if (delay_ms > 0 && !s.ended()) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    }
    if (scripted && next_step < script.size()) {
        std::fprintf(stderr, "sofs play: the scenario ended, but the script has %zu more step(s) from line %d\n",
                     script.size() - next_step, script[next_step].line);
        return 1;
    }
    if (interactive) {
        View v = s.view();
        if (v.scene && v.scene->id != scene_shown) std::printf("\n== %s ==\n", v.scene->title.c_str());
        show_lines(sc, v.lines);
        if (v.ending) std::printf("\n== The end: %s ==\n%s\n", v.ending->title.c_str(), v.ending->debrief.c_str());
    }
    if (recorder && !recorder->finish(s.transcript(), &err)) {
        std::fprintf(stderr, "sofs play: the attempt could not be marked finished: %s\n", err.c_str());
        return 1;
    }
    return 0;
}

}  // namespace sofs::cli
