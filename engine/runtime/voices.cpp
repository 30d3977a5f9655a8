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

std::set<std::string> read_word_list(const std::string& text) {
    std::set<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
        std::size_t b = line.find_first_not_of(" \t");
        if (b == std::string::npos || line[b] == '#') continue;
        line = line.substr(b);
        for (char& c : line)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        out.insert(line);
    }
    return out;
}

namespace {
// The right single quotation mark, U+2019, as UTF-8.
const std::string kCurly = "\xE2\x80\x99";

bool is_letter_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

// The words of a sentence, lower-cased (ASCII), curly apostrophes made straight.
std::vector<std::string> words_of(const std::string& sentence) {
    std::vector<std::string> out;
    std::string w;
    auto flush = [&] {
        while (!w.empty() && w.back() == '\'') w.pop_back();
        if (!w.empty()) out.push_back(w);
        w.clear();
    };
    for (std::size_t i = 0; i < sentence.size();) {
        if (sentence.compare(i, kCurly.size(), kCurly) == 0) {
            if (!w.empty()) w += '\'';
            i += kCurly.size();
            continue;
        }
        unsigned char c = static_cast<unsigned char>(sentence[i]);
        if (c == '\'') {
            if (!w.empty()) w += '\'';
        } else if (is_letter_byte(c)) {
            w += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else {
            flush();
        }
        ++i;
    }
    flush();
    return out;
}

bool sentence_is_welsh(const std::string& sentence, const std::set<std::string>& welsh_words) {
    auto words = words_of(sentence);
    std::size_t welsh = 0;
    for (const auto& w : words)
        if (welsh_words.count(w) || w.find("\xC5\xB5") != std::string::npos || w.find("\xC5\xB7") != std::string::npos)
            ++welsh;   // U+0175 ŵ, U+0177 ŷ
    return welsh > 0 && 2 * welsh >= words.size();
}
}  // namespace

std::vector<LanguageRun> language_runs(const std::string& text, const std::set<std::string>& welsh_words) {
    std::vector<LanguageRun> runs;
    auto add = [&](const std::string& sentence) {
        std::size_t b = sentence.find_first_not_of(" \t\n");
        if (b == std::string::npos) return;
        std::string s = sentence.substr(b);
        bool welsh = !welsh_words.empty() && sentence_is_welsh(s, welsh_words);
        if (!runs.empty() && runs.back().welsh == welsh) runs.back().text += " " + s;
        else runs.push_back({welsh, s});
    };
    std::string cur;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        bool space = c == ' ' || c == '\n' || c == '\t';
        bool after_end = !cur.empty() && (cur.back() == '.' || cur.back() == '!' || cur.back() == '?' ||
                                          (cur.size() >= 3 && cur.compare(cur.size() - 3, 3, "\xE2\x80\xA6") == 0));
        if (space && after_end) {
            add(cur);
            cur.clear();
            continue;
        }
        cur += c;
    }
    add(cur);
    if (runs.empty()) runs.push_back({false, text});
    return runs;
}

}  // namespace sofs
