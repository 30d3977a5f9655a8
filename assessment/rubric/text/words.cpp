// Words for the assessor: the tokeniser (byte offsets kept for evidence),
// contractions and apostrophes, Snowball stems, misspelling correction by
// Damerau-Levenshtein distance against the lexicons' own vocabulary, lexicon
// files, and phrase matching.
#include "rubric/text/words.hpp"

#include "util/data_dir.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hunspell/hunspell.hxx>
#include <libstemmer.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

namespace sofs::rubric {

namespace {

bool ascii_alnum(unsigned char c) { return std::isalnum(c) != 0; }

// A raw word of the text: its bytes and where it sits.
struct Piece {
    std::uint32_t begin, end;
    std::string lower;
    bool boundary_after = false;
};

// Reads one apostrophe at i (', ’ or ‘); returns its length in bytes or 0.
std::size_t apostrophe_at(std::string_view s, std::size_t i) {
    if (s[i] == '\'') return 1;
    if (i + 2 < s.size() + 0 && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98))
        return 3;
    return 0;
}

// UTF-8 punctuation that separates words: dashes, quotes, ellipsis, non-breaking space.
std::size_t separator_at(std::string_view s, std::size_t i) {
    auto c = (unsigned char)s[i];
    if (c == 0xE2 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x80) return 3;
    if (c == 0xC2 && i + 1 < s.size() && (unsigned char)s[i + 1] == 0xA0) return 2;
    return 0;
}

bool is_word_byte(std::string_view s, std::size_t i) {
    auto c = (unsigned char)s[i];
    if (ascii_alnum(c)) return true;
    if (c >= 0x80) return separator_at(s, i) == 0 && apostrophe_at(s, i) == 0;
    return false;
}

const char* const kAbbreviations[] = {"mr", "mrs", "ms", "dr", "pc", "st", "eg", "e.g", "ie", "i.e", "etc", "no"};

// Splits contractions: "doesn't" -> "does" "not", "he'll" -> "he" "will", "Ryan's" -> "ryan".
void split_contraction(const std::string& w, std::vector<std::string>& out) {
    auto ends = [&](const char* suf) {
        std::size_t n = std::char_traits<char>::length(suf);
        return w.size() > n && w.compare(w.size() - n, n, suf) == 0;
    };
    static const char* const kNoApostrophe[][2] = {
        {"dont", "do"},       {"doesnt", "does"}, {"didnt", "did"},     {"cant", "can"},
        {"wont", "will"},     {"isnt", "is"},     {"wasnt", "was"},     {"arent", "are"},
        {"werent", "were"},   {"couldnt", "could"}, {"wouldnt", "would"}, {"shouldnt", "should"},
        {"hasnt", "has"},     {"havent", "have"}, {"hadnt", "had"},     {"mustnt", "must"}};
    for (const auto& p : kNoApostrophe)
        if (w == p[0]) {
            out.push_back(p[1]);
            out.push_back("not");
            return;
        }
    if (ends("n't")) {
        std::string base = w.substr(0, w.size() - 3);
        if (base == "wo") base = "will";
        else if (base == "ca") base = "can";
        else if (base == "sha") base = "shall";
        out.push_back(base);
        out.push_back("not");
        return;
    }
    if (w == "can't") { out.push_back("can"); out.push_back("not"); return; }
    static const char* const kTails[][2] = {{"'ll", "will"}, {"'re", "are"}, {"'m", "am"},
                                            {"'ve", "have"}, {"'d", "would"}};
    for (const auto& t : kTails)
        if (ends(t[0])) {
            out.push_back(w.substr(0, w.size() - std::char_traits<char>::length(t[0])));
            out.push_back(t[1]);
            return;
        }
    if (ends("'s")) { out.push_back(w.substr(0, w.size() - 2)); return; }
    std::string clean;
    for (char c : w)
        if (c != '\'') clean += c;
    out.push_back(clean);
}

// Splits text into word pieces (lower case, contractions split) and notes
// where sentences end.
std::vector<Piece> pieces(std::string_view s) {
    std::vector<Piece> out;
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = (unsigned char)s[i];
        if (is_word_byte(s, i)) {
            std::size_t b = i;
            std::string raw;
            while (i < s.size()) {
                if (is_word_byte(s, i)) {
                    auto ch = (unsigned char)s[i];
                    raw += ch < 0x80 ? (char)std::tolower(ch) : (char)ch;
                    ++i;
                    continue;
                }
                std::size_t a = apostrophe_at(s, i);
                if (a && i + a < s.size() && is_word_byte(s, i + a)) {
                    raw += '\'';
                    i += a;
                    continue;
                }
                if (s[i] == '&' && i + 1 < s.size() && std::isalpha((unsigned char)s[i + 1]) && i > b) {
                    raw += '&';
                    ++i;
                    continue;
                }
                // "e.g." and decimals keep their dots
                if (s[i] == '.' && i + 1 < s.size() && std::isalnum((unsigned char)s[i + 1]) &&
                    (std::isdigit((unsigned char)s[i + 1]) || raw.size() == 1)) {
                    raw += '.';
                    ++i;
                    continue;
                }
                break;
            }
            std::vector<std::string> parts;
            split_contraction(raw, parts);
            for (auto& p : parts)
                if (!p.empty()) out.push_back(Piece{(std::uint32_t)b, (std::uint32_t)i, p, false});
            continue;
        }
        if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n') {
            bool boundary = true;
            if (c == '.' && !out.empty()) {
                for (const char* a : kAbbreviations)
                    if (out.back().lower == a && out.back().end == i) boundary = false;
            }
            if (c == '\n' && !out.empty() && !out.back().boundary_after) {
                // a single line break inside a paragraph is not a sentence end
                std::size_t j = i + 1;
                while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r')) ++j;
                boundary = j < s.size() && (s[j] == '\n' || s[j] == '-' || s[j] == '*');
            }
            if (boundary && !out.empty()) out.back().boundary_after = true;
            ++i;
            continue;
        }
        std::size_t sep = separator_at(s, i);
        i += sep ? sep : 1;
    }
    return out;
}

const char* const kNumberWords[] = {"one", "two", "three", "four", "five", "six", "seven", "eight",
                                    "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty",
                                    "a", "few", "several", "couple"};

bool is_number_word(const std::string& w) {
    if (!w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit((unsigned char)c); }))
        return true;
    for (const char* n : kNumberWords)
        if (w == n) return true;
    return false;
}

// Damerau-Levenshtein (optimal string alignment) with an early cut-off.
int distance(const std::string& a, const std::string& b, int limit) {
    int n = (int)a.size(), m = (int)b.size();
    if (std::abs(n - m) > limit) return limit + 1;
    std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (int j = 0; j <= m; ++j) prev[j] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int best = cur[0];
        for (int j = 1; j <= m; ++j) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            best = std::min(best, cur[j]);
        }
        if (best > limit) return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

}  // namespace

std::vector<std::string> phrase_words(std::string_view phrase) {
    std::vector<std::string> out;
    // "..." is a gap; keep it as its own word before the tokeniser drops dots
    std::string s(phrase);
    std::size_t pos = 0;
    while ((pos = s.find("...", pos)) != std::string::npos) {
        s.replace(pos, 3, " GAPWORD ");
        pos += 9;
    }
    for (auto& p : pieces(s)) out.push_back(p.lower);
    return out;
}

// ------------------------------------------------------------------ WordTable

namespace {
const char* const kDictionary = "/usr/share/hunspell/en_GB.dic";
const char* const kAffixes = "/usr/share/hunspell/en_GB.aff";
}  // namespace

// The build's word list (tools/make_word_list.cpp): a first line naming the
// dictionary it was made from ("sofs-words 1 SIZE MTIME"), then the words,
// sorted. Held here: the first word of every block of 64 and where the block
// starts; a question reads one block (about 600 bytes) from the file.
class WordTable::RealWords {
public:
    ~RealWords() {
        if (fd_ >= 0) ::close(fd_);
    }

    // Null when the list is missing, damaged or made from another dictionary.
    static std::unique_ptr<RealWords> open(const std::string& path) {
        std::ifstream in(path);
        std::string line;
        if (!in || !std::getline(in, line)) return nullptr;
        struct stat st {};
        if (::stat(kDictionary, &st) != 0) return nullptr;
        if (line != "sofs-words 1 " + std::to_string((long long)st.st_size) + " " + std::to_string((long long)st.st_mtime))
            return nullptr;
        auto r = std::make_unique<RealWords>();
        std::uint64_t at = line.size() + 1;
        std::string previous;
        for (std::size_t n = 0; std::getline(in, line); ++n) {
            if (line.empty() || line <= previous) return nullptr;  // not sorted: not ours
            if (n % 64 == 0) {
                r->firsts_.push_back(line);
                r->starts_.push_back(at);
            }
            at += line.size() + 1;
            previous = std::move(line);
        }
        if (r->firsts_.empty()) return nullptr;
        r->starts_.push_back(at);
        r->fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (r->fd_ < 0) return nullptr;
        return r;
    }

    // Empty when the file could not be read (the caller asks Hunspell).
    std::optional<bool> has(const std::string& w) const {
        auto it = std::upper_bound(firsts_.begin(), firsts_.end(), w);
        if (it == firsts_.begin()) return false;
        std::size_t b = static_cast<std::size_t>(it - firsts_.begin()) - 1;
        std::string block(starts_[b + 1] - starts_[b], '\0');
        if (::pread(fd_, block.data(), block.size(), static_cast<off_t>(starts_[b])) != (ssize_t)block.size())
            return std::nullopt;
        for (std::size_t a = 0; a < block.size();) {
            std::size_t e = block.find('\n', a);
            if (e == std::string::npos) return std::nullopt;
            if (std::string_view(block).substr(a, e - a) == w) return true;
            a = e + 1;
        }
        return false;
    }

private:
    int fd_ = -1;
    std::vector<std::string> firsts_;
    std::vector<std::uint64_t> starts_;  // one more than firsts_: the end
};

WordTable::WordTable() { stems_.push_back(""); }

WordTable::~WordTable() {
    if (stemmer_) sb_stemmer_delete(stemmer_);
    delete speller_;
}

bool WordTable::open(std::string* error) {
    stemmer_ = sb_stemmer_new("english", nullptr);
    if (!stemmer_) {
        if (error) *error = "the English stemmer (libstemmer) could not be started";
        return false;
    }
    return true;
}

bool WordTable::is_real_word(const std::string& w) const {
    bool listed = w.size() >= 4 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (listed && !real_words_tried_) {
        real_words_tried_ = true;
        if (std::string root = util::data_root(); !root.empty()) real_words_ = RealWords::open(root + "/words/en_GB.words");
    }
    if (listed && real_words_)
        if (std::optional<bool> r = real_words_->has(w)) return *r;
    Hunspell* sp = speller();
    return sp && sp->spell(w);
}

Hunspell* WordTable::speller() const {
    if (speller_tried_) return speller_;
    speller_tried_ = true;
    const char* aff = kAffixes;
    const char* dic = kDictionary;
    std::ifstream probe(dic);
    if (probe) speller_ = new Hunspell(aff, dic);
    // Without the dictionary, misspelling correction still works for words
    // that are close to a lexicon word; it is only less careful.
    return speller_;
}

void WordTable::release_dictionary() {
    std::lock_guard lock(mu_);
    delete speller_;
    speller_ = nullptr;
    speller_tried_ = false;
    real_words_.reset();
    real_words_tried_ = false;
}

std::string WordTable::stem(const std::string& w) const {
    if (!stemmer_) return w;
    const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(w.data()), (int)w.size());
    if (!s) return w;
    return std::string(reinterpret_cast<const char*>(s), sb_stemmer_length(stemmer_));
}

int WordTable::intern(const std::string& lower_word) {
    std::lock_guard lock(mu_);
    std::string st = stem(lower_word);
    auto it = stem_ids_.find(st);
    int id;
    if (it != stem_ids_.end()) {
        id = it->second;
    } else {
        id = (int)stems_.size();
        stems_.push_back(st);
        stem_ids_.emplace(st, id);
    }
    // Surface forms to correct misspellings towards, with common inflections.
    const std::string& w = lower_word;
    std::vector<std::string> forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "er"};
    if (w.size() > 2 && w.back() == 'e') forms.push_back(w.substr(0, w.size() - 1) + "ing");
    if (w.size() > 2 && w.back() == 'y') {
        forms.push_back(w.substr(0, w.size() - 1) + "ied");
        forms.push_back(w.substr(0, w.size() - 1) + "ies");
    }
    if (w.size() >= 3 && !std::strchr("aeiouwxy", w.back()) && std::strchr("aeiou", w[w.size() - 2])) {
        forms.push_back(w + w.back() + "ing");
        forms.push_back(w + w.back() + "ed");
    }
    for (auto& f : forms) {
        if (f != w && stem(f) != st) continue;
        bool seen = false;
        for (auto& v : vocabulary_)
            if (v.first == f) { seen = true; break; }
        if (!seen) vocabulary_.emplace_back(f, id);
    }
    cache_.clear();  // a new word may change earlier answers
    return id;
}

void WordTable::add_misspelling(const std::string& wrong, const std::string& right) {
    std::lock_guard lock(mu_);
    misspellings_[wrong] = right;
    cache_.clear();
}

std::string WordTable::mended(const std::string& lower_word) const {
    std::lock_guard lock(mu_);
    auto m = misspellings_.find(lower_word);
    // a possessive keeps its own form ("mum's"): the reading of people needs it
    if (m == misspellings_.end() || m->second.find(' ') != std::string::npos ||
        lower_word.find('\'') != std::string::npos)
        return {};
    return m->second;
}

void WordTable::freeze() {
    std::lock_guard lock(mu_);
    // by length, then alphabetically: a tie between two forms equally near a
    // misspelling is settled the same way whatever else the lexicons hold
    std::sort(vocabulary_.begin(), vocabulary_.end(), [](const auto& a, const auto& b) {
        if (a.first.size() != b.first.size()) return a.first.size() < b.first.size();
        return a.first < b.first;
    });
}

const std::string& WordTable::stem_of(int id) const {
    static const std::string empty;
    std::lock_guard lock(mu_);
    return id > 0 && id < (int)stems_.size() ? stems_[id] : empty;
}

int WordTable::id(std::string_view lower_word, bool* corrected) const {
    std::lock_guard lock(mu_);
    auto it = cache_.find(std::string(lower_word));
    if (it != cache_.end()) {
        if (corrected) *corrected = it->second.second;
        return it->second.first;
    }
    std::string w(lower_word);
    bool fixed = false;
    int id = id_uncached(w, &fixed);
    cache_.emplace(std::move(w), std::make_pair(id, fixed));
    if (corrected) *corrected = fixed;
    return id;
}

int WordTable::id_uncached(const std::string& word, bool* corrected) const {
    std::string w = word;
    if (auto m = misspellings_.find(w); m != misspellings_.end()) {
        w = m->second;
        *corrected = true;
    }
    if (auto s = stem_ids_.find(stem(w)); s != stem_ids_.end()) return s->second;
    if (w.size() < 4) return kUnknownWord;
    if (!std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha((unsigned char)c); }))
        return kUnknownWord;
    int limit = w.size() >= 8 ? 2 : 1;
    int best = limit + 1, best_id = kUnknownWord;
    for (const auto& [form, id] : vocabulary_) {
        if (form.size() + limit < w.size()) continue;
        if (form.size() > w.size() + limit) break;  // sorted by length
        if (form.size() < 3) continue;
        int d = distance(w, form, limit);
        if (d < best) {
            best = d;
            best_id = id;
            if (d == 1 && limit == 1) break;
        }
    }
    if (best > limit) return kUnknownWord;
    // Asked only now, of a word close to a lexicon word: most unknown words
    // are near none, and need no dictionary.
    if (is_real_word(w)) return kUnknownWord;  // a real word, just not one we use
    *corrected = true;
    return best_id;
}

// ------------------------------------------------------------------ lexicons

void Lexicon::index() {
    by_first.clear();
    for (int i = 0; i < (int)phrases.size(); ++i)
        if (!phrases[i].words.empty()) by_first[phrases[i].words[0]].push_back(i);
}

bool load_lexicon(const std::string& path, WordTable& words, Lexicon* out, std::vector<std::string>* errors) {
    std::ifstream in(path);
    if (!in) {
        errors->push_back(path + ": could not open this lexicon file");
        return false;
    }
    auto file_name = std::make_shared<const std::string>(path);
    std::string line, section;
    bool rules_only = false;  // the section's heading carries "!rules-only" (content/lexicons/README.md)
    int n = 0;
    bool ok = true;
    while (std::getline(in, line)) {
        ++n;
        if (auto h = line.find('#'); h != std::string::npos) line.erase(h);
        auto trim = [](std::string s) {
            std::size_t a = s.find_first_not_of(" \t\r"), b = s.find_last_not_of(" \t\r");
            return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
        };
        line = trim(line);
        if (line.empty()) continue;
        if (line.front() == '[') {
            // "[name]", or "[name] !rules-only": a mark after the heading
            std::size_t close = line.find(']');
            std::string mark = close == std::string::npos ? std::string() : trim(line.substr(close + 1));
            if (close == std::string::npos || close < 2 || !(mark.empty() || mark == "!rules-only")) {
                errors->push_back(path + ":" + std::to_string(n) +
                                  ": a section heading is written [name], with nothing after the ']' but the mark !rules-only");
                ok = false;
                continue;
            }
            section = trim(line.substr(1, close - 1));
            rules_only = !mark.empty();
            continue;
        }
        Phrase p;
        p.file = file_name;
        p.line = n;
        p.section = section;
        p.rules_only = rules_only;
        std::string phrase = line;
        if (auto arrow = line.find("=>"); arrow != std::string::npos) {
            phrase = trim(line.substr(0, arrow));
            p.note = trim(line.substr(arrow + 2));
            if (p.note.empty()) {
                errors->push_back(path + ":" + std::to_string(n) + ": nothing after '=>' in '" + line + "'");
                ok = false;
                continue;
            }
        }
        if (!phrase.empty() && phrase.front() == '=') {
            p.exact = true;
            phrase = trim(phrase.substr(1));
        }
        p.text = phrase;
        auto ws = phrase_words(phrase);
        if (p.exact) p.forms = ws;
        if (ws.empty()) {
            errors->push_back(path + ":" + std::to_string(n) + ": the entry '" + line + "' has no words to match");
            ok = false;
            continue;
        }
        for (auto& w : ws) {
            if (w == "gapword") p.words.push_back(kGap);
            else if (w == "num") p.words.push_back(kNumber);
            else p.words.push_back(words.intern(w));
        }
        if (p.words.front() == kGap || p.words.back() == kGap) {
            errors->push_back(path + ":" + std::to_string(n) + ": '...' must sit between words, as in 'leave ... alone'");
            ok = false;
            continue;
        }
        out->phrases.push_back(std::move(p));
    }
    out->phrases.shrink_to_fit();   // held for the process's life: no room to grow
    out->index();
    return ok;
}

// ------------------------------------------------------------------ text

Text tokenise(std::string_view raw, const WordTable& words) {
    Text t;
    t.raw = raw;
    auto ps = pieces(raw);
    t.tokens.reserve(ps.size());
    int sentence = 0, in_sentence = 0;
    std::size_t letters = 0, capitals = 0;
    for (auto& p : ps) {
        Token k;
        k.begin = p.begin;
        k.end = p.end;
        k.sentence = sentence;
        k.lower = std::move(p.lower);
        k.word = words.id(k.lower, &k.corrected);
        // a listed misspelling is read as the word meant ("mite" as "might"),
        // so the small-word sets (modals, negation) know it too
        if (k.corrected)
            if (std::string right = words.mended(k.lower); !right.empty()) k.lower = std::move(right);
        k.number = is_number_word(k.lower);
        std::string_view orig = raw.substr(p.begin, p.end - p.begin);
        std::size_t up = 0, alpha = 0;
        for (char c : orig)
            if (std::isalpha((unsigned char)c)) {
                ++alpha;
                if (std::isupper((unsigned char)c)) ++up;
            }
        letters += alpha;
        capitals += up;
        k.capital = !orig.empty() && std::isupper((unsigned char)orig[0]);
        k.acronym = alpha >= 2 && alpha <= 6 && up == alpha;
        bool same_word = !t.tokens.empty() && t.tokens.back().begin == k.begin;
        t.tokens.push_back(std::move(k));
        if (!same_word) ++in_sentence;
        if (p.boundary_after) {
            t.sentence_words.push_back(in_sentence);
            in_sentence = 0;
            ++sentence;
        }
    }
    if (in_sentence) t.sentence_words.push_back(in_sentence);
    t.shouting = letters >= 12 && capitals * 10 >= letters * 6;
    return t;
}

namespace {

bool match_from(const Text& t, const Phrase& p, std::size_t wi, int ti, int sentence, int* last) {
    if (wi == p.words.size()) {
        *last = ti - 1;
        return true;
    }
    int w = p.words[wi];
    if (w == kGap) {
        for (int skip = 0; skip <= 4; ++skip) {
            int at = ti + skip;
            if (at >= (int)t.tokens.size() || t.tokens[at].sentence != sentence) return false;
            if (match_from(t, p, wi + 1, at, sentence, last)) return true;
        }
        return false;
    }
    if (ti >= (int)t.tokens.size() || t.tokens[ti].sentence != sentence) return false;
    const Token& k = t.tokens[ti];
    bool ok = w == kNumber ? k.number : (k.word == w && w != kUnknownWord);
    if (ok && p.exact && wi < p.forms.size() && w != kNumber && !k.corrected) ok = k.lower == p.forms[wi];
    return ok && match_from(t, p, wi + 1, ti + 1, sentence, last);
}

}  // namespace

std::vector<Match> find_all(const Text& t, const Lexicon& lex) {
    std::vector<Match> out;
    for (int i = 0; i < (int)t.tokens.size(); ++i) {
        const Token& k = t.tokens[i];
        auto try_list = [&](int key) {
            auto it = lex.by_first.find(key);
            if (it == lex.by_first.end()) return;
            for (int pi : it->second) {
                int last = 0;
                if (match_from(t, lex.phrases[pi], 0, i, k.sentence, &last)) out.push_back(Match{pi, i, last});
            }
        };
        if (k.word != kUnknownWord) try_list(k.word);
        if (k.number) try_list(kNumber);
    }
    return out;
}

std::vector<Match> find_longest(const Text& t, const Lexicon& lex) {
    auto all = find_all(t, lex);
    std::sort(all.begin(), all.end(), [](const Match& a, const Match& b) {
        int la = a.last - a.first, lb = b.last - b.first;
        return la != lb ? la > lb : a.first < b.first;
    });
    std::vector<Match> out;
    std::vector<char> used(t.tokens.size(), 0);
    for (auto& m : all) {
        bool free = true;
        for (int i = m.first; i <= m.last; ++i)
            if (used[i]) free = false;
        if (!free) continue;
        for (int i = m.first; i <= m.last; ++i) used[i] = 1;
        out.push_back(m);
    }
    std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.first < b.first; });
    return out;
}

}  // namespace sofs::rubric
