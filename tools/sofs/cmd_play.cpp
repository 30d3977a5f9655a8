// `sofs play`: play a scenario on the terminal, from a script, or at random.
// Non-interactive play prints one JSON line per step (see scenarios/PLAY-SCRIPT.md),
// the same lines for the same seed and script. The playthrough (assessment/play)
// does the work the application does too: with --db and --user every step is
// committed to the progress store BEFORE its line is printed, so a play killed
// mid-way loses nothing and the next run resumes where it stopped; the end is
// assessed and stored with its verdicts.
#include "codec/transcript_json.hpp"
#include "terminal_text.hpp"
#include "commands.hpp"
#include "postgres.hpp"
#include "load/loader.hpp"
#include "play/plan.hpp"
#include "play/playthrough.hpp"
#include "runtime/stock_answer.hpp"
#include "util/args.hpp"

#include <algorithm>
#include <chrono>
#include "progress_cli.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <set>
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
    "  --user NAME         the trainee playing (created if unknown); a trainee with a\n"
    "                      password gives it in $SOFS_PASSWORD. Someone given a first\n"
    "                      password by an administrator chooses their own before\n"
    "                      playing: sofs user passwd NAME --own --db PATH\n"
    "  --step-delay-ms N   wait N milliseconds between steps\n"
    "  --live SESSION      play in a live session (a PostgreSQL --db, the session joined\n"
    "                      with sofs live join): at each pause point play holds until\n"
    "                      the trainer releases it (sofs live release)\n"
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

// Asks the trainee for one action and gives it to the playthrough (`last`
// says how that went); false when they quit (end of input or "q").
bool ask(play::Playthrough& pt, std::string& scene_shown, std::size_t& reply_shown, play::Outcome& last) {
    const Session& s = pt.session();
    const Scenario& sc = pt.scenario();
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
            last = pt.advance();
            if (!last.taken) say("", last.problem);
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
            last = pt.choose(c->id);
            if (!last.taken) say("", last.problem);
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
                        static const FactKind kCols[] = {FactKind::PastHarm, FactKind::ComplicatingFactor,
                                                         FactKind::Strength, FactKind::ExistingSafety,
                                                         FactKind::Distractor};
                        int k = in.empty() ? 0 : in[0] - '0';
                        if (k >= 1 && k <= 5) a.placements[id] = to_string(kCols[k - 1]);
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
                        if (in == "w") a.placements[item] = to_string(House::Worries);
                        if (in == "g") a.placements[item] = to_string(House::GoodThings);
                        if (in == "d") a.placements[item] = to_string(House::Dreams);
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
                case TaskKind::WordsAndPictures:
                    if (const Person* child = words_and_pictures_child(sc))
                        std::printf("Write to %s (aged %d) as 'you', in words a child of that age understands.\n",
                                    child->name.c_str(), words_and_pictures_age(sc));
                    [[fallthrough]];
                default:
                    std::printf("Type your answer; an empty line ends it.\n");
                    while (read_line(in) && !in.empty()) a.text += (a.text.empty() ? "" : "\n") + in;
                    break;
            }
            last = pt.answer(a);
            if (!last.taken) say("That answer does not fit: ", last.problem);
            return true;
        }
        case View::Kind::Ending:
            return false;
    }
    return false;
}

}  // namespace

int cmd_play(const Args& args) {
    auto p = parse_args(args, {"script", "seed", "db", "user", "step-delay-ms", "live"}, {"random"});
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
    auto live_opt = p.get_int("live", &err);
    if (!err.empty()) return usage_error(err);
    if (live_opt && !(p.has("db") && progress::is_postgres_location(*p.get("db"))))
        return usage_error("--live needs the session's PostgreSQL store: --db postgresql://YOU@HOST/DB");
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

    std::vector<play::PlanStep> script;
    if (scripted) {
        auto s = play::read_plan(*p.get("script"), &err);
        if (!s) {
            std::fprintf(stderr, "sofs play: %s\n", err.c_str());
            return 1;
        }
        script = std::move(*s);
    }

    // The store, when progress is kept.
    std::unique_ptr<progress::Store> store;
    play::Setup setup;
    setup.seed = seed;
    if (p.has("db")) {
        const std::string db = *p.get("db");
        try {
            store = progress::open_any_store(db.empty() ? progress::Store::default_path() : db);
            setup.store = store.get();
            // A trainee whose profile has a password (or a file that asks every
            // trainee for one) gives it in $SOFS_PASSWORD; trainers never play here.
            const char* pw = std::getenv("SOFS_PASSWORD");
            setup.trainee = pw && *pw ? store->ensure_trainee(*p.get("user"), pw) : store->ensure_trainee(*p.get("user"));
            // A first password from an administrator is known to someone else:
            // its holder chooses their own before any work is recorded under it.
            if (progress_cli::first_password_pending("play", *store, setup.trainee->name, db)) return 1;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "sofs play: could not record progress in '%s': %s\n", db.c_str(), e.what());
            return 1;
        }
        // The assessor judges the end; without guidance the attempt is kept for later.
        setup.guidance = [g = std::shared_ptr<const Guidance>()](std::string* problem) mutable -> const Guidance* {
            if (!g) g = Guidance::load(Guidance::default_dir(), problem);
            return g.get();
        };
    }
    // Each event is printed once the store has it.
    if (!interactive)
        setup.on_saved = [&sc](const Event& e) {
            std::string line = step_line(sc, e).dump();
            std::fprintf(stdout, "%s\n", line.c_str());
            std::fflush(stdout);
        };
    auto shared = loaded.scenario;
    play::Playthrough pt(shared, std::move(setup));
    auto tell = [&pt](bool interactive_run) {
        for (const auto& n : pt.take_notices()) {
            if (n.problem || !interactive_run) std::fprintf(stderr, "sofs play: %s\n", n.text.c_str());
            else std::printf("%s\n", n.text.c_str());
        }
    };
    tell(interactive);
    if (store && !pt.saving()) {
        std::fprintf(stderr, "sofs play: could not start the attempt in the progress store\n");
        return 1;
    }
    const Session& s = pt.session();
    // A resumed attempt whose ending was stored just before the program was
    // stopped (before its line was printed): the ending is told now, once;
    // the playthrough has already marked the attempt finished. Interactively
    // the ending is shown below, as at the end of any play.
    if (!interactive && pt.resumed() && s.ended() && !s.transcript().events.empty() &&
        s.transcript().events.back().kind == Event::Kind::End) {
        std::string line = step_line(sc, s.transcript().events.back()).dump();
        std::fprintf(stdout, "%s\n", line.c_str());
        std::fflush(stdout);
    }

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
    // In a live session, a pause point holds play until the trainer releases it.
    auto* live_store = live_opt ? dynamic_cast<progress::PgStore*>(store.get()) : nullptr;
    std::set<std::string> paused_at;
    while (!s.ended()) {
        View v = pt.view();
        if (v.kind == View::Kind::Ending) break;  // a scenario with errors; cannot happen after lint
        if (live_store && v.scene && !v.scene->pause.empty() && paused_at.insert(v.scene->id).second) {
            if (interactive) {
                std::printf("\n-- Pause: %s\n(waiting for the trainer to go on)\n", v.scene->pause.c_str());
            } else {
                ordered_json j;
                j["pause"] = v.scene->id;
                j["question"] = v.scene->pause;
                std::printf("%s\n", j.dump().c_str());
            }
            std::fflush(stdout);
            try {
                live_store->hold_at_pause(*live_opt, v.scene->id);
            } catch (const progress::StoreError& e) {
                std::fprintf(stderr, "sofs play: could not wait at the pause point: %s\n", e.what());
                return 1;
            }
            if (!interactive) std::printf("{\"released\":\"%s\"}\n", v.scene->id.c_str());
            std::fflush(stdout);
        }
        play::Outcome o;
        o.taken = true;
        if (interactive) {
            if (!ask(pt, scene_shown, reply_shown, o)) {
                std::printf("\n");
                say("", std::string("Stopped before the end") + (pt.saving() ? "; your progress is saved." : "."), "");
                return 1;
            }
            if (!o.taken) o = play::Outcome{true, true, ""};   // a mistyped answer: ask again
        } else if (random) {
            if (s.transcript().events.size() > kMaxSteps) {
                std::fprintf(stderr, "sofs play: no ending after %zu steps at random; the scenario may loop\n", kMaxSteps);
                return 1;
            }
            std::uint64_t draw = picker.next();
            if (v.kind == View::Kind::Narration) o = pt.advance();
            else if (v.kind == View::Kind::Choices) o = pt.choose(v.choices[draw % v.choices.size()]->id);
            else o = pt.answer(stock_answer(s, *v.task));
        } else {
            if (next_step >= script.size()) {
                std::fprintf(stderr, "sofs play: the script ended before the scenario did: scene '%s' is waiting for %s\n",
                             s.scene_id().c_str(), play::waiting_for(v).c_str());
                return 1;
            }
            o = play::take_step(pt, script[next_step++], *p.get("script"));
        }
        if (!o) {
            std::fprintf(stderr, "sofs play: %s\n", o.problem.c_str());
            return 1;
        }
        tell(interactive);
        if (delay_ms > 0 && !s.ended()) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    }
    if (scripted && next_step < script.size()) {
        std::fprintf(stderr, "sofs play: the scenario ended, but the script has %zu more step(s) from line %d\n",
                     script.size() - next_step, script[next_step].line);
        return 1;
    }
    if (interactive) {
        View v = pt.view();
        if (v.scene && v.scene->id != scene_shown) {
            std::printf("\n");
            say("== ", v.scene->title + " ==", "   ");
        }
        show_lines(sc, v.lines);
        if (v.ending) {
            std::printf("\n");
            say("== The end: ", v.ending->title + " ==", "   ");
            say("", v.ending->debrief, "");
        }
    }
    // Finishing problems (the guidance missing, the store failing) were told above.
    tell(interactive);
    if (store && !pt.finish_saved()) {
        std::fprintf(stderr, "sofs play: the attempt could not be marked finished\n");
        return 1;
    }
    return 0;
}

}  // namespace sofs::cli
