// The plain-words table behind the live hints. The alternatives follow the
// practice guidance: say what people did and what could happen to the child,
// in the family's words.
#include "hints.hpp"

#include <algorithm>
#include <cctype>

namespace sofs::ui {
namespace {

struct Term {
    const char* words;
    const char* plain;
    Hint::Kind kind;
};

// Longer phrases first, so "domestic violence incident" wins over "domestic violence".
const Term kTerms[] = {
    {"significant harm", "say what could happen to the child: hurt, frightened, not fed", Hint::Kind::Jargon},
    {"at risk of harm", "say what could happen to which child", Hint::Kind::Jargon},
    {"at risk", "say what could happen to which child", Hint::Kind::Jargon},
    {"domestic violence", "say what happened: \"pushed Jade\", \"shouted and broke a plate\"", Hint::Kind::Jargon},
    {"domestic abuse", "say what happened: \"pushed Jade\", \"shouted at Jade\"", Hint::Kind::Jargon},
    {"substance misuse", "say what: \"drinking a lot\", \"using drugs\"", Hint::Kind::Jargon},
    {"alcohol misuse", "\"drinking a lot\"", Hint::Kind::Jargon},
    {"safeguarding", "\"keeping the children safe\"", Hint::Kind::Jargon},
    {"safeguarding concerns", "\"worries about the children's safety\"", Hint::Kind::Jargon},
    {"protective factors", "\"what is working well\"", Hint::Kind::Jargon},
    {"risk factors", "\"what we are worried about\"", Hint::Kind::Jargon},
    {"non-compliance", "say what did not happen: \"missed three visits\"", Hint::Kind::Jargon},
    {"non compliance", "say what did not happen: \"missed three visits\"", Hint::Kind::Jargon},
    {"engagement", "say what people did: \"came to every meeting\"", Hint::Kind::Jargon},
    {"engage with", "\"talk with\", \"work with\"", Hint::Kind::Jargon},
    {"disclosure", "\"told\" (\"Kai told PC Hughes ...\")", Hint::Kind::Jargon},
    {"disclosed", "\"told\" or \"said\"", Hint::Kind::Jargon},
    {"presenting", "\"seemed\", \"looked\"", Hint::Kind::Jargon},
    {"presented as", "\"seemed\", \"looked\"", Hint::Kind::Jargon},
    {"wellbeing", "say what: \"sleeping\", \"eating\", \"playing\", \"learning\"", Hint::Kind::Jargon},
    {"emotional harm", "say what: \"frightened\", \"upset\", \"can't sleep\"", Hint::Kind::Jargon},
    {"neglect", "say what: \"not fed\", \"left alone\", \"not taken to the doctor\"", Hint::Kind::Jargon},
    {"neglectful", "say what the adult did or did not do", Hint::Kind::Label},
    {"poor parenting", "say what the adult did or did not do", Hint::Kind::Jargon},
    {"chaotic lifestyle", "say what happens: \"often out late\", \"no food in the house\"", Hint::Kind::Jargon},
    {"chaotic", "say what happens day to day", Hint::Kind::Jargon},
    {"child protection", "\"keeping the children safe\"", Hint::Kind::Jargon},
    {"child in need", "\"a child who needs extra help\"", Hint::Kind::Jargon},
    {"strategy meeting", "\"a meeting of the professionals\"", Hint::Kind::Jargon},
    {"section 47", "\"a child protection enquiry\" explained in plain words", Hint::Kind::Jargon},
    {"multi-agency", "name who: \"the school, the police and social workers\"", Hint::Kind::Jargon},
    {"multi agency", "name who: \"the school, the police and social workers\"", Hint::Kind::Jargon},
    {"perpetrator", "use the person's name", Hint::Kind::Label},
    {"victim", "use the person's name", Hint::Kind::Label},
    {"incident", "say what happened", Hint::Kind::Jargon},
    {"volatile", "say what happened: \"shouted\", \"pushed\"", Hint::Kind::Jargon},
    {"DV", "say what happened: \"pushed\", \"hit\", \"shouted\"", Hint::Kind::Jargon},
    {"DA", "say what happened: \"pushed\", \"hit\", \"shouted\"", Hint::Kind::Jargon},
    {"CP", "\"keeping the children safe\"", Hint::Kind::Jargon},
    {"CIN", "\"a child who needs extra help\"", Hint::Kind::Jargon},
    {"LAC", "\"living away from home\"", Hint::Kind::Jargon},
    {"CSC", "\"children's services\" or \"social workers\"", Hint::Kind::Jargon},
    {"MASH", "\"the team that takes calls about children\"", Hint::Kind::Jargon},
    {"bad mother", "describe what she did, not what she is", Hint::Kind::Label},
    {"bad father", "describe what he did, not what he is", Hint::Kind::Label},
    {"alcoholic", "\"drinks a lot\", \"drinks every day\"", Hint::Kind::Label},
    {"drunk", "\"had been drinking\"", Hint::Kind::Label},
    {"aggressive man", "say what he did: \"shouted\", \"pushed\"", Hint::Kind::Label},
    {"aggressive", "say what the person did", Hint::Kind::Label},
    {"violent man", "say what he did", Hint::Kind::Label},
    {"doesn't care", "describe what happened, not a verdict on the person", Hint::Kind::Label},
    {"does not care", "describe what happened, not a verdict on the person", Hint::Kind::Label},
    {"liar", "say what was said and what others saw", Hint::Kind::Label},
    {"unfit", "describe what happened, not a verdict on the person", Hint::Kind::Label},
    {"in denial", "\"says it did not happen\"", Hint::Kind::Label},
};

bool word_char(unsigned char c) { return std::isalnum(c) || c >= 0x80 || c == '\''; }

bool upper_only(const char* w) {
    for (const char* p = w; *p; ++p)
        if (!std::isupper(static_cast<unsigned char>(*p))) return false;
    return true;
}

bool match_at(const std::string& text, std::size_t at, const char* words) {
    std::size_t n = std::char_traits<char>::length(words);
    if (at + n > text.size()) return false;
    bool acronym = upper_only(words);
    for (std::size_t i = 0; i < n; ++i) {
        char a = text[at + i], b = words[i];
        // Acronyms match in capitals only: "da" in "a da" is no acronym, "cp" is not "CP".
        if (acronym ? a != b : std::tolower(static_cast<unsigned char>(a)) != std::tolower(static_cast<unsigned char>(b)))
            return false;
    }
    if (at > 0 && word_char(static_cast<unsigned char>(text[at - 1]))) return false;
    if (at + n < text.size() && word_char(static_cast<unsigned char>(text[at + n]))) return false;
    return true;
}

}  // namespace

std::vector<Hint> find_hints(const std::string& text) {
    // Longest match at each position, left to right, never overlapping.
    std::vector<Hint> out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (i > 0 && word_char(static_cast<unsigned char>(text[i - 1]))) { ++i; continue; }
        const Term* best = nullptr;
        std::size_t best_len = 0;
        for (const Term& t : kTerms) {
            std::size_t n = std::char_traits<char>::length(t.words);
            if (n > best_len && match_at(text, i, t.words)) { best = &t; best_len = n; }
        }
        if (best) {
            out.push_back(Hint{i, i + best_len, text.substr(i, best_len), best->plain, best->kind});
            i += best_len;
        } else {
            ++i;
        }
    }
    return out;
}

std::vector<Hint> long_sentences(const std::string& text, int max_words) {
    std::vector<Hint> out;
    std::size_t start = 0;
    auto flush = [&](std::size_t end) {
        std::string s = text.substr(start, end - start);
        if (word_count(s) > max_words) {
            std::size_t b = start;
            while (b < end && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
            out.push_back(Hint{b, end, text.substr(b, end - b),
                               "split this sentence in two: it has " + std::to_string(word_count(s)) + " words",
                               Hint::Kind::LongSentence});
        }
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '.' || c == '!' || c == '?' || c == '\n') {
            flush(i + 1);
            start = i + 1;
        }
    }
    if (start < text.size()) flush(text.size());
    return out;
}

int word_count(const std::string& text) {
    int n = 0;
    bool in_word = false;
    for (unsigned char c : text) {
        bool w = !std::isspace(c);
        if (w && !in_word) ++n;
        in_word = w;
    }
    return n;
}

std::string reflow(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c != '\n') { out += c; continue; }
        std::size_t j = i;
        int breaks = 0;
        while (j < text.size() && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) {
            if (text[j] == '\n') ++breaks;
            ++j;
        }
        if (j >= text.size()) break;                 // trailing breaks dropped
        // A line starting with a list mark keeps its own line.
        bool list = text[j] == '-' || text[j] == '*';
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += breaks >= 2 ? "\n\n" : list ? "\n" : " ";
        i = j - 1;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    return out;
}

std::string plain_alternative(const std::string& words) {
    auto hits = find_hints(words);
    return hits.empty() ? std::string() : hits.front().plain;
}

std::vector<ByteSpan> merge_spans(std::vector<ByteSpan> spans) {
    std::sort(spans.begin(), spans.end(), [](auto& a, auto& b) { return a.begin < b.begin; });
    std::vector<ByteSpan> out;
    for (auto s : spans) {
        if (s.end <= s.begin) continue;
        if (!out.empty() && s.begin <= out.back().end) out.back().end = std::max(out.back().end, s.end);
        else out.push_back(s);
    }
    return out;
}

}  // namespace sofs::ui
