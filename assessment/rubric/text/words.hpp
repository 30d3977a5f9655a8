// text/: the assessor's view of words: lexicons loaded from content/, a
// tokeniser that keeps byte offsets for evidence, and phrase matching on
// stems so that "shouted", "shouting" and a misspelt "shoutin" all count as
// "shout". Internal to assessment/rubric; other layers use assess.hpp.
#pragma once

#include "rubric/assess.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

struct sb_stemmer;
class Hunspell;

namespace sofs::rubric {

// Special word ids inside phrases.
constexpr int kUnknownWord = 0;  // a word no lexicon uses
constexpr int kGap = -1;         // "..." in a phrase: up to four words of anything
constexpr int kNumber = -2;      // "NUM" in a phrase: a number, in digits or words

// One lexicon entry: "shout at", "DV => say what happened, such as ...".
struct Phrase {
    std::vector<int> words;   // word ids (stems), with kGap / kNumber slots
    std::string text;         // as written in the file
    std::string note;         // after "=>": a plain alternative, a correction, ...
    std::string section;      // the [section] it sits under, "" before any
    bool exact = false;       // written "=word": the word as written, not its stem ("=alcoholic" is not "alcohol")
    bool rules_only = false;  // its section's heading is marked "!rules-only": read by the rules, never a second-opinion feature
    std::vector<std::string> forms;  // the words as written, for exact phrases
    std::shared_ptr<const std::string> file;  // the lexicon file's path, one copy for all its phrases
    int line = 0;
};

struct Lexicon {
    std::vector<Phrase> phrases;
    std::unordered_map<int, std::vector<int>> by_first;  // first word id -> phrase indexes
    void index();
};

// Looks up a word's id, correcting misspellings against the lexicons'
// vocabulary. Thread-safe; every distinct word is worked out once and cached.
class WordTable {
public:
    WordTable();
    ~WordTable();
    WordTable(const WordTable&) = delete;
    WordTable& operator=(const WordTable&) = delete;

    bool open(std::string* error);              // the stemmer and the dictionary
    int intern(const std::string& lower_word);  // at load time: a lexicon word's id (its stem)
    void add_misspelling(const std::string& wrong, const std::string& right);
    void freeze();                              // builds the vocabulary for corrections
    int id(std::string_view lower_word, bool* corrected = nullptr) const;  // at judging time; corrected: a misspelling was mended
    const std::string& stem_of(int id) const;
    // The right word for a listed misspelling (misspellings.txt: "mite" ->
    // "might"), or empty: the reading rules then see the word as meant.
    std::string mended(const std::string& lower_word) const;
    // Frees the dictionary; the next word that needs it reads it again.
    // Words already worked out stay cached (the dictionary does not change).
    void release_dictionary();

private:
    int id_uncached(const std::string& w, bool* corrected) const;
    std::string stem(const std::string& w) const;

    mutable std::mutex mu_;
    sb_stemmer* stemmer_ = nullptr;
    // "Is this a real English word?" Asked only of a word that is close to a
    // lexicon word, before reading it as that word misspelt. Answered from
    // the word list the build makes from the en_GB dictionary (words/en_GB.words
    // in the data folder: an index of about 100 KiB in memory, one small read
    // per word) when it was made from the dictionary installed; else from
    // Hunspell, whose dictionary (several MiB) is read the first time a word
    // needs it. Both give the same answer (tools/make_word_list.cpp).
    bool is_real_word(const std::string& w) const;
    class RealWords;
    mutable std::unique_ptr<RealWords> real_words_;
    mutable bool real_words_tried_ = false;
    Hunspell* speller() const;
    mutable Hunspell* speller_ = nullptr;
    mutable bool speller_tried_ = false;
    std::unordered_map<std::string, int> stem_ids_;
    std::vector<std::string> stems_;
    std::unordered_map<std::string, std::string> misspellings_;
    std::vector<std::pair<std::string, int>> vocabulary_;  // surface form -> id
    mutable std::unordered_map<std::string, std::pair<int, bool>> cache_;
};

class SecondOpinion;  // second_opinion.hpp

struct CriterionText {
    std::string id, name, met, not_met, guidance, source, improve;
};

struct MoveText {
    std::string fits, try_instead;
};

}  // namespace sofs::rubric

namespace sofs {

struct Guidance::Data {
    std::string dir;
    std::map<std::string, rubric::Lexicon> lexicons;   // by file name without .txt
    std::map<std::string, rubric::CriterionText> criteria;
    std::map<std::string, rubric::MoveText> moves;     // move name -> reflection texts
    mutable rubric::WordTable words;
    // The learned second opinion (content/models/second-opinion.txt), or null: the rules alone.
    std::shared_ptr<const rubric::SecondOpinion> second_opinion;
    std::string second_opinion_error;  // "file:line: problem" when its files are wrong (the rules then judge alone)
    // Per-scenario preparation, cached by address and content hash.
    mutable std::mutex case_mu;
    mutable std::map<const Scenario*, std::pair<std::string, std::shared_ptr<const PreparedCase>>> cases;

    const rubric::Lexicon& lex(const std::string& name) const;
    const rubric::CriterionText& text(const std::string& criterion) const;
};

}  // namespace sofs

namespace sofs::rubric {

// One token of the trainee's text.
struct Token {
    std::uint32_t begin = 0, end = 0;  // bytes in the text (a contraction's parts share its span)
    int word = kUnknownWord;           // word id, or kUnknownWord
    int sentence = 0;
    bool number = false;
    bool acronym = false;              // all capitals, two to six letters, as written
    bool capital = false;              // first letter a capital
    bool corrected = false;            // misspelt, read as the nearest lexicon word
    std::string lower;                 // lower-cased, apostrophes normalised
};

struct Text {
    std::string_view raw;
    std::vector<Token> tokens;
    std::vector<int> sentence_words;   // words per sentence
    bool shouting = false;             // written mostly in capitals
};

Text tokenise(std::string_view text, const WordTable& words);

struct Match {
    int phrase = 0;        // index in the lexicon
    int first = 0, last = 0;  // token range, inclusive
};

// Every match of every phrase, then with overlaps resolved longest-first.
std::vector<Match> find_all(const Text& t, const Lexicon& lex);
std::vector<Match> find_longest(const Text& t, const Lexicon& lex);

// Loads one lexicon file; errors are "file:line: message".
bool load_lexicon(const std::string& path, WordTable& words, Lexicon* out,
                  std::vector<std::string>* errors);
// Splits a phrase as the tokeniser would, before interning (for lexicon words).
std::vector<std::string> phrase_words(std::string_view phrase);

}  // namespace sofs::rubric

