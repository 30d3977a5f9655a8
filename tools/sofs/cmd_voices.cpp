// `sofs voices`: the voice plan of scenarios as JSON lines -- who speaks with
// which espeak-ng voice, and every spoken line with its stable key and the
// file name its generated voice gets. tools/make-voices reads this and
// renders the files, so the script and the application share one plan
// (engine/runtime/voices).
#include "util/args.hpp"
#include "commands.hpp"
#include "load/loader.hpp"
#include "runtime/voices.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

namespace sofs::cli {
namespace {

const char* kVoicesHelp =
    "Usage: sofs voices [--narrator] [--welsh-words FILE] SCENARIO-OR-FOLDER...\n"
    "\n"
    "Prints, as one JSON object a line, the voice plan of every scenario found:\n"
    "  {\"kind\":\"scenario\",\"scenario\":ID,\"file\":PATH}\n"
    "  {\"kind\":\"person\",\"scenario\":ID,\"person\":ID,\"name\":...,\"voice\":\"en-gb+f3\",\n"
    "   \"welsh_voice\":\"cy+f3\",\"pitch\":50,\"speed\":160,\"chosen\":true|false}\n"
    "  {\"kind\":\"line\",\"scenario\":ID,\"key\":\"s.first-visit.0\",\"speaker\":ID,\n"
    "   \"text\":...,\"file\":\"s.first-visit.0.<hash>.ogg\",\"audio\":AUTHORED-PATH-OR-\"\",\n"
    "   \"runs\":[[\"cy\",\"Bore da.\"],[\"en\",\"Good morning.\"]]}\n"
    "A line's key is its scene and position (s.SCENE.N) or its choice and\n"
    "position in the reply (c.CHOICE.N); the file name carries a hash of the\n"
    "text. Only lines a person says are listed; --narrator adds the narrator's.\n"
    "\"chosen\" is false when the person's voice was written in the file.\n"
    "\"runs\" cut the text into Welsh and English sentences, using the word list\n"
    "welsh-words.txt beside the scenario file (or --welsh-words FILE).\n"
    "\n"
    "Scenarios with errors are left out (their problems are printed on stderr).\n"
    "Exit status: 0 every file planned, 1 some file had errors, 2 bad usage.\n";

}  // namespace

int cmd_voices(const Args& args) {
    auto p = parse_args(args, {"welsh-words"}, {"narrator"});
    if (p.has("help")) {
        std::fputs(kVoicesHelp, stdout);
        return 0;
    }
    if (!p.error.empty() || p.positional.empty()) {
        std::fprintf(stderr, "sofs voices: %s\n(see sofs voices --help)\n",
                     p.error.empty() ? "name at least one scenario file or folder" : p.error.c_str());
        return 2;
    }
    const bool narrator = p.has("narrator");
    Library lib = load_library(p.positional);
    for (const auto& d : lib.diagnostics.items)
        if (d.severity == Severity::Error) std::fprintf(stderr, "%s\n", d.format().c_str());
    auto emit = [](const nlohmann::json& j) { std::printf("%s\n", j.dump().c_str()); };
    // The Welsh word list: the one named, else the one beside each scenario.
    auto read_words = [](const std::filesystem::path& path, bool must) -> std::optional<std::set<std::string>> {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            if (must) std::fprintf(stderr, "sofs voices: cannot read the Welsh word list '%s'\n", path.c_str());
            return must ? std::nullopt : std::optional<std::set<std::string>>(std::set<std::string>{});
        }
        std::stringstream text;
        text << in.rdbuf();
        return read_word_list(text.str());
    };
    std::optional<std::set<std::string>> named;
    if (auto f = p.get("welsh-words")) {
        named = read_words(*f, true);
        if (!named) return 2;
    }
    for (const auto& sc : lib.scenarios) {
        emit({{"kind", "scenario"}, {"scenario", sc->id}, {"file", sc->file}});
        auto voices = assign_voices(*sc);
        std::set<std::string> welsh =
            named ? *named : *read_words(std::filesystem::path(sc->file).parent_path() / "welsh-words.txt", false);
        for (const auto& person : sc->people) {
            const SpeakerVoice& v = voices.at(person.id);
            emit({{"kind", "person"}, {"scenario", sc->id}, {"person", person.id}, {"name", person.name},
                  {"voice", v.voice}, {"welsh_voice", v.welsh_voice}, {"pitch", v.pitch}, {"speed", v.speed},
                  {"chosen", person.voice.empty()}});
        }
        for (const auto& sl : spoken_lines(*sc, narrator)) {
            std::string audio;
            if (!sl.line->audio.empty())
                audio = (std::filesystem::path(sc->file).parent_path() / sl.line->audio).lexically_normal().string();
            nlohmann::json runs = nlohmann::json::array();
            for (const auto& r : language_runs(sl.line->text, welsh)) runs.push_back({r.welsh ? "cy" : "en", r.text});
            emit({{"kind", "line"}, {"scenario", sc->id}, {"key", sl.key}, {"speaker", sl.line->speaker},
                  {"text", sl.line->text}, {"file", voice_file_name(sl.key, sl.line->text)}, {"audio", audio},
                  {"runs", runs}});
        }
    }
    std::fflush(stdout);
    return lib.diagnostics.has_errors() ? 1 : 0;
}

}  // namespace sofs::cli
