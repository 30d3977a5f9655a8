// Voices for spoken lines: which espeak-ng voice speaks each person's lines,
// the stable key of every spoken line, and the name of its generated voice
// file. `sofs voices` hands this plan to tools/make-voices, which renders the
// files; the application uses the same functions to find a line's file, or to
// synthesise the line live in the same voice when there is no file. One plan,
// so the script and the application can never disagree about a name.
#pragma once

#include "model/scenario.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace sofs {

// An espeak-ng voice and how it is spoken.
struct SpeakerVoice {
    std::string voice;        // "en-gb+f3": a language (or accent) and a variant
    std::string welsh_voice;  // the same variant speaking Welsh: "cy+f3"
    int pitch = 50;           // espeak-ng's 0..99
    int speed = 160;          // words a minute
};

// True when `name` has the shape of an espeak-ng voice: a language tag of
// lower-case letters and digits in hyphen-joined parts ("en-gb", "cy",
// "en-gb-x-rp"), then optionally "+" and a variant name of letters, digits,
// '_' or '-' ("f3", "m2", "klatt"). Otherwise `why` says what is wrong.
// Whether espeak-ng has that voice is checked where espeak-ng runs.
bool valid_voice_name(const std::string& name, std::string* why);

// One distinct voice per person of the scenario, keyed by person id. A
// person's own `voice:` is used as given; everyone else gets a variant
// from the list for their gender (female, male, or a neutral list when no
// gender is given), in the order the people are listed, skipping any voice
// already taken, and moving to another English accent when a list runs out.
// The pitch follows age and role (children higher), so the plan depends on
// the file alone and is the same on every machine.
std::map<std::string, SpeakerVoice> assign_voices(const Scenario& s);

// A line somebody says (its speaker is a person, not the narrator).
struct SpokenLine {
    std::string key;   // "s.first-visit.0" (scene line) or "c.fv-coping.1" (reply line)
    const Line* line;
};

// Every line of the scenario whose speaker is a person (and the narrator's
// too when `narrator`), in file order, with its stable key: a scene's lines
// by position ("s.<scene-id>.<n>"), a choice's reply lines by position
// ("c.<choice-id>.<n>"). Positions count every line, shown or not.
std::vector<SpokenLine> spoken_lines(const Scenario& s, bool narrator = false);

// The key of a line of `s` (a pointer into it, as a session's view gives);
// "" when the line is not part of `s`.
std::string line_key(const Scenario& s, const Line* line);

// The generated voice file's name for a line: "<key>.<fnv1a64 of the text>.ogg".
// The text's hash is in the name, so a file made before the line was edited
// is never played for the new words.
std::string voice_file_name(const std::string& key, const std::string& text);

// A run of sentences in one language, for reading a line that mixes Welsh
// and English ("Dw i'n deall. I understand.") in the right voice for each.
struct LanguageRun {
    bool welsh = false;
    std::string text;
};

// The Welsh words list: one word a line, lower case, '#' starts a comment.
std::set<std::string> read_word_list(const std::string& text);

// The line cut into sentences (after . ! ? or an ellipsis, before a space)
// and joined into runs of the same language. A sentence is Welsh when at
// least half of its words are in `welsh_words` or are written with ŵ or ŷ
// (words compared in lower case, with ’ read as '). With no words listed
// every sentence is English.
std::vector<LanguageRun> language_runs(const std::string& text, const std::set<std::string>& welsh_words);

}  // namespace sofs
