// Benchmark: loading and linting scenario files. Generates, in a temporary
// folder, a library of 1,000 scenarios of 50 scenes and one scenario of 5,000
// scenes, written the way authors write them (lines with speakers, choices
// with conditions and effects, facts, tasks, a full expert key), then times
// load_library (every check of `sofs lint`) on one core and prints the figures
// against the aims: library < 2 s, large scenario < 200 ms; once parsing the
// YAML (cold) and once from the loader's parse cache (warm, unchanged files).
#include "load/loader.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const char* kMoves[] = {"exception", "scaling", "coping", "preferred-future", "childs-voice",
                        "network", "honest-worry", "blaming", "jargon", "false-reassurance"};
const char* kKinds[] = {"past-harm", "complicating-factor", "strength", "existing-safety", "distractor"};
const char* kTasks[] = {"danger-statement", "safety-goal", "scaling", "sort-facts", "next-steps", "past-harm"};

std::string scenario_text(const std::string& id, int scenes) {
    const int facts = 20;
    std::string y;
    y.reserve(static_cast<std::size_t>(scenes) * 1400);
    y += "id: " + id + "\n";
    y += "title: \"Generated vignette " + id + "\"\n";
    y += "summary: >\n  A generated family for the loader benchmark: a referral, visits,\n  the child's voice and a network meeting.\n";
    y += "audiences: [two-day, five-day]\ntopics: [\"domestic abuse\", \"drinking\"]\nminutes: 30\nversion: 3\naims: [1, 4, 5, 6]\n";
    y += "referral: |\n  Police were called to the family home on Saturday night after a neighbour\n  heard shouting. The children were at home.\n";
    y += "people:\n";
    const char* people[] = {"child-a", "child-b", "mother", "father", "gran"};
    const char* roles[] = {"child", "child", "caregiver", "caregiver", "family"};
    for (int i = 0; i < 5; ++i)
        y += std::string("  - id: ") + people[i] + "\n    name: \"Person " + people[i] + "\"\n    age: " +
             std::to_string(3 + i * 9) + "\n    role: " + roles[i] + "\n    household: home\n    aliases: [\"" +
             people[i] + "-alias\"]\n";
    y += "facts:\n";
    for (int f = 0; f < facts; ++f)
        y += "  - id: fact-" + std::to_string(f) + "\n    kind: " + kKinds[f % 5] +
             "\n    text: \"Something a worker can learn about the family, number " + std::to_string(f) +
             ", in plain words.\"\n    source: police\n    why: \"Why the experts place it there.\"\n";
    y += "numbers:\n  trust: {initial: 4, min: 0, max: 10}\n  openness: {initial: 3, min: 0, max: 10}\n";
    y += "flags: [blamed, asked-exception, met-gran]\n";
    y += "start: scene-0\nscenes:\n";
    for (int s = 0; s < scenes; ++s) {
        const std::string sid = "scene-" + std::to_string(s);
        y += "  - id: " + sid + "\n    stage: visit\n    title: \"Scene " + std::to_string(s) +
             "\"\n    place: \"The family's kitchen, day " + std::to_string(s) + "\"\n";
        y += "    reveals: [fact-" + std::to_string(s % facts) + "]\n";
        y += "    lines:\n";
        y += "      - speaker: narrator\n        text: \"The kitchen is quiet when you arrive.\"\n";
        y += "      - speaker: mother\n        text: \"I didn't think you'd come back so soon.\"\n        when: \"trust < 5\"\n";
        y += "      - speaker: father\n        text: \"We've been trying, honestly we have.\"\n";
        if (s == scenes - 1) {
            y += "    ending: closed\n";
            continue;
        }
        if (s % 5 == 4) {
            y += "    task:\n      id: task-" + std::to_string(s) + "\n      kind: " + kTasks[(s / 5) % 6] +
                 "\n      prompt: \"Write it in words the family would understand.\"\n      next: scene-" +
                 std::to_string(s + 1) + "\n";
            continue;
        }
        y += "    choices:\n";
        for (int c = 0; c < 3; ++c) {
            const std::string cid = sid + "-c" + std::to_string(c);
            y += "      - id: " + cid + "\n        text: \"Can you tell me about a time when things went better?\"\n";
            y += std::string("        move: ") + kMoves[(s + c) % 10] + "\n";
            if (c == 1) y += "        when: \"not blamed and trust >= 3 or revealed(fact-" + std::to_string(s % facts) + ")\"\n";
            y += "        effects:\n          change: {trust: 1, openness: -1}\n          set: [asked-exception]\n";
            y += "          reveal: [fact-" + std::to_string((s + c + 1) % facts) + "]\n";
            y += "        reply:\n          - speaker: mother\n            text: \"Last month he went for a walk instead of shouting.\"\n";
            y += "        feedback: \"An exception question finds the times things go well.\"\n        serves: [4, 5]\n";
            if (c != 2) y += "        next: scene-" + std::to_string(std::min(s + 1 + c, scenes - 1)) + "\n";
        }
    }
    y += "endings:\n  - id: closed\n    title: \"A plan the family wrote\"\n    debrief: \"What went well.\"\n";
    y += "expert:\n  past_harm: \"On Saturday night the father pushed the mother while she held the baby.\"\n";
    y += "  danger_statements: [\"The social worker is worried that the children could be hurt.\"]\n";
    y += "  safety_goals: [\"The parents will show the network the children are safe.\"]\n";
    y += "  next_steps: [\"A network meeting this week.\"]\n  family_goals: [\"The children stay at home.\"]\n";
    y += "  evidence:\n    DS-CAREGIVER-BEHAVIOUR: [fact-0, fact-5]\n";
    y += "  scaling: {expert: 3, range: [2, 5], over_optimistic: \"Too high.\", over_pessimistic: \"Too low.\"}\n";
    y += "  network: [gran]\n  three_houses: {worries: [\"shouting\"], good_things: [\"football\"], dreams: [\"no shouting\"]}\n";
    return y;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main() {
    const fs::path root = fs::temp_directory_path() / ("sofs-bench-load-" + std::to_string(::getpid()));
    const fs::path lib_dir = root / "library";
    fs::create_directories(lib_dir);
    std::size_t bytes = 0;
    for (int i = 0; i < 1000; ++i) {
        const std::string id = "generated-" + std::to_string(i);
        std::string text = scenario_text(id, 50);
        bytes += text.size();
        std::ofstream(lib_dir / (id + ".yaml")) << text;
    }
    const std::string big_text = scenario_text("generated-large", 5000);
    const fs::path big = root / "generated-large.yaml";
    std::ofstream(big) << big_text;

    // Cold: every file parsed from YAML, as on a first start or after edits.
    auto t0 = std::chrono::steady_clock::now();
    sofs::Library lib = sofs::load_library({lib_dir.string()});
    const double lib_s = seconds_since(t0);
    std::size_t scenes = 0;
    for (const auto& s : lib.scenarios) scenes += s->scenes.size();
    t0 = std::chrono::steady_clock::now();
    sofs::LoadResult r = sofs::load_scenario_file(big.string());
    const double big_s = seconds_since(t0);

    // Warm: the parse cache filled once, then read back (unchanged files).
    sofs::LoadOptions cached;
    cached.cache_dir = (root / "cache").string();
    t0 = std::chrono::steady_clock::now();
    sofs::load_library({lib_dir.string()}, cached);
    sofs::load_scenario_file(big.string(), cached);
    const double fill_s = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    sofs::Library warm_lib = sofs::load_library({lib_dir.string()}, cached);
    const double warm_lib_s = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    sofs::LoadResult warm_big = sofs::load_scenario_file(big.string(), cached);
    const double warm_big_s = seconds_since(t0);

    auto verdict = [](double s, double aim) { return s < aim ? "meets the aim" : "MISSES the aim"; };
    std::printf("library: %zu scenarios, %zu scenes, %.1f MB of YAML\n", lib.scenarios.size(), scenes,
                static_cast<double>(bytes) / 1e6);
    std::printf("library, parsed from YAML: loaded and linted in %.2f s (aim 2 s): %s\n", lib_s, verdict(lib_s, 2.0));
    std::printf("library, from the parse cache: loaded and linted in %.2f s (aim 2 s): %s\n", warm_lib_s,
                verdict(warm_lib_s, 2.0));
    std::printf("large: 1 scenario, %zu scenes, %.1f MB of YAML\n", r.scenario ? r.scenario->scenes.size() : 0,
                static_cast<double>(big_text.size()) / 1e6);
    std::printf("large, parsed from YAML: loaded and linted in %.0f ms (aim 200 ms): %s\n", big_s * 1000,
                verdict(big_s, 0.2));
    std::printf("large, from the parse cache: loaded and linted in %.0f ms (aim 200 ms): %s\n", warm_big_s * 1000,
                verdict(warm_big_s, 0.2));
    std::printf("filling the cache (parse and write, both): %.2f s\n", fill_s);
    std::printf("diagnostics: library %zu errors, %zu warnings (cached %zu scenarios); large %zu errors, %zu warnings\n",
                lib.diagnostics.error_count(), lib.diagnostics.warning_count(), warm_lib.scenarios.size(),
                r.diagnostics.error_count(), r.diagnostics.warning_count());
    (void)warm_big;
    fs::remove_all(root);
    return 0;
}
