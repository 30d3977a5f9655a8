// The voice plan: see voices.hpp.
#include "runtime/voices.hpp"

#include "runtime/hash.hpp"

#include <set>

namespace sofs {
namespace {

// espeak-ng's own variant names (files in its voices/!v folder on Debian 12):
// identifiers of the synthesiser, not words of the practice.
const std::vector<std::string> kFemale = {"f1", "f2", "f3", "f4", "f5"};
const std::vector<std::string> kMale = {"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8"};
const std::vector<std::string> kNeutral = {"klatt", "klatt2", "klatt3", "klatt4"};
// English accents espeak-ng has, used in turn when a variant list runs out.
const std::vector<std::string> kAccents = {"en-gb", "en-gb-x-rp", "en-gb-scotland", "en-gb-x-gbcwmd",
                                           "en-gb-x-gbclan"};

bool lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

std::string variant_of(const std::string& voice) {
    auto plus = voice.find('+');
    return plus == std::string::npos ? "" : voice.substr(plus + 1);
}

std::string welsh_for(const std::string& voice) {
    if (voice.rfind("cy", 0) == 0 && (voice.size() == 2 || voice[2] == '+' || voice[2] == '-')) return voice;
    std::string v = variant_of(voice);
    return v.empty() ? "cy" : "cy+" + v;
}

// Pitch and speed from age and role: young children high and a little
// slower, teenagers in between, older people lower and slower.
void shape(const Person& p, int nth, SpeakerVoice& v) {
    int years = p.age_months ? 0 : p.age.value_or(p.role == PersonRole::Child ? 8 : 40);
    int pitch = 50, speed = 160;
    if (years < 5) { pitch = 88; speed = 145; }
    else if (years < 12) { pitch = 78; speed = 150; }
    else if (years < 18) { pitch = p.gender == "female" ? 68 : 60; speed = 160; }
    else if (years >= 65) { pitch = 38; speed = 145; }
    else pitch = 50 + ((nth % 3) - 1) * 6;   // adults: a small spread beside the variant
    v.pitch = pitch;
    v.speed = speed;
}

}  // namespace

bool valid_voice_name(const std::string& name, std::string* why) {
    auto fail = [&](const std::string& w) { if (why) *why = w; return false; };
    if (name.empty()) return fail("it is empty");
    if (name.size() > 40) return fail("it is longer than 40 characters");
    auto plus = name.find('+');
    std::string lang = name.substr(0, plus);
    if (lang.empty()) return fail("it has no language before the '+' (write, for example, en-gb+f3)");
    // A language tag: parts of 1..8 lower-case letters or digits joined by '-', the first of 2..3 letters.
    std::size_t start = 0, part = 0;
    while (start <= lang.size()) {
        auto dash = lang.find('-', start);
        std::string piece = lang.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
        if (piece.empty() || piece.size() > 8) return fail("'" + lang + "' is not a language tag such as en-gb or cy");
        for (char c : piece)
            if (!lower_or_digit(c)) return fail("'" + lang + "' is not a language tag such as en-gb or cy (lower-case letters, digits and '-')");
        if (part == 0) {
            if (piece.size() < 2 || piece.size() > 3) return fail("'" + lang + "' does not start with a two- or three-letter language code such as en or cy");
            for (char c : piece)
                if (c < 'a' || c > 'z') return fail("'" + lang + "' does not start with a language code of letters");
        }
        ++part;
        if (dash == std::string::npos) break;
        start = dash + 1;
    }
    if (plus != std::string::npos) {
        std::string variant = name.substr(plus + 1);
        if (variant.empty()) return fail("nothing follows the '+' (write a variant such as f3 or m2, or leave out the '+')");
        for (char c : variant)
            if (!(lower_or_digit(c) || (c >= 'A' && c <= 'Z') || c == '_' || c == '-'))
                return fail("'" + variant + "' is not a variant name such as f3, m2 or klatt");
    }
    return true;
}

std::map<std::string, SpeakerVoice> assign_voices(const Scenario& s) {
    std::map<std::string, SpeakerVoice> out;
    std::set<std::string> taken;
    for (const auto& p : s.people)
        if (!p.voice.empty()) taken.insert(p.voice);
    int nth_female = 0, nth_male = 0, nth_neutral = 0, nth = 0;
    for (const auto& p : s.people) {
        SpeakerVoice v;
        if (!p.voice.empty()) {
            v.voice = p.voice;
        } else {
            const auto& list = p.gender == "female" ? kFemale : p.gender == "male" ? kMale : kNeutral;
            int& k = p.gender == "female" ? nth_female : p.gender == "male" ? nth_male : nth_neutral;
            // Every (accent, variant) pair once; past that, voices repeat and only the pitch differs.
            std::size_t pairs = list.size() * kAccents.size();
            for (std::size_t tries = 0; tries <= pairs; ++tries, ++k) {
                std::size_t i = static_cast<std::size_t>(k) % pairs;
                v.voice = kAccents[i / list.size()] + "+" + list[i % list.size()];
                if (!taken.count(v.voice)) break;
            }
            ++k;
        }
        taken.insert(v.voice);
        v.welsh_voice = welsh_for(v.voice);
        shape(p, nth++, v);
        out[p.id] = v;
    }
    return out;
}

std::vector<SpokenLine> spoken_lines(const Scenario& s, bool narrator) {
    std::vector<SpokenLine> out;
    auto take = [&](const std::string& prefix, const std::vector<Line>& lines) {
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (narrator || s.person(lines[i].speaker)) out.push_back({prefix + std::to_string(i), &lines[i]});
    };
    for (const auto& scene : s.scenes) {
        take("s." + scene.id + ".", scene.lines);
        for (const auto& c : scene.choices) take("c." + c.id + ".", c.reply);
    }
    return out;
}

std::string line_key(const Scenario& s, const Line* line) {
    auto within = [&](const std::vector<Line>& v) {
        return !v.empty() && line >= v.data() && line < v.data() + v.size() ? static_cast<long>(line - v.data()) : -1L;
    };
    for (const auto& scene : s.scenes) {
        if (long i = within(scene.lines); i >= 0) return "s." + scene.id + "." + std::to_string(i);
        for (const auto& c : scene.choices)
            if (long i = within(c.reply); i >= 0) return "c." + c.id + "." + std::to_string(i);
    }
    return "";
}

std::string voice_file_name(const std::string& key, const std::string& text) {
    return key + "." + content_hash(text) + ".ogg";
}

}  // namespace sofs
