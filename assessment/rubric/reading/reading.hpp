// reading/: one text under judgement, with the people found in it and small
// grammar helpers (subjects, participles, adverbs) the criteria share.
#pragma once

#include "rubric/case/prepared.hpp"
#include "rubric/reading/people.hpp"

#include <unordered_set>

namespace sofs::rubric {

// One text under judgement, with the people found in it.
struct Reading {
    const Text& t;
    const Guidance::Data& d;
    const PreparedCase& c;
    std::vector<Mention> people;
    std::vector<int> mention_at;  // token -> index in people, or -1

    Reading(const Text& text, const Guidance::Data& data, const PreparedCase& pc)
        : t(text), d(data), c(pc), people(find_people(text, pc)), mention_at(text.tokens.size(), -1) {
        for (int i = 0; i < (int)people.size(); ++i)
            for (int k = people[i].first; k <= people[i].last; ++k) mention_at[k] = i;
    }

    int n() const { return (int)t.tokens.size(); }
    bool is(int tok, const std::unordered_set<std::string>& set) const {
        return tok >= 0 && tok < n() && set.count(t.tokens[tok].lower) > 0;
    }
    bool same_sentence(int a, int b) const { return t.tokens[a].sentence == t.tokens[b].sentence; }
    // "before May", "since May": a capitalised "May" inside a sentence is the month, not a guess.
    bool month_may(int tok) const {
        const Token& k = t.tokens[tok];
        return k.lower == "may" && k.capital && tok > 0 && same_sentence(tok - 1, tok);
    }
    const std::string& word(int tok) const { return t.tokens[tok].lower; }

    // The nearest mention ending before `tok` in the same sentence.
    const Mention* before(int tok) const {
        for (int k = tok - 1; k >= 0 && same_sentence(k, tok); --k)
            if (mention_at[k] >= 0) return &people[mention_at[k]];
        return nullptr;
    }
    // The nearest mention before `tok` that could be a subject: one after a
    // preposition ("in Jade's arms", "shout at Jade") is passed over.
    const Mention* subject_before(int tok, bool chains = false) const {
        static const std::unordered_set<std::string> prepositions = {
            "in", "with", "at", "to", "from", "of", "by", "on", "for", "into", "onto", "towards", "against", "near", "around", "about",
            "between", "behind", "under", "over", "beside", "among"};
        for (int k = tok - 1; k >= 0 && same_sentence(k, tok); --k) {
            if (mention_at[k] < 0) continue;
            const Mention& m = people[mention_at[k]];
            if (m.last == tok - 1) return &m;  // right before: "Ryan's drinking", "about Ryan shouting"
            // the head of "Kai and Mia": what comes before it decides
            int head = m.first;
            while (chains && head >= 2 && same_sentence(head - 2, tok) && (t.tokens[head - 1].lower == "and" || t.tokens[head - 1].lower == "or") &&
                   mention_at[head - 2] >= 0)
                head = people[mention_at[head - 2]].first;
            k = head;
            if (head > 0 && same_sentence(head - 1, tok) && prepositions.count(t.tokens[head - 1].lower)) continue;
            return &m;
        }
        return before(tok);
    }
    // The nearest mention starting after `tok`, within `max` tokens, same sentence.
    const Mention* after(int tok, int max) const {
        for (int k = tok + 1; k < n() && k <= tok + max && same_sentence(k, tok); ++k)
            if (mention_at[k] >= 0) return &people[mention_at[k]];
        return nullptr;
    }
    // Skips adverbs and auxiliaries backwards from tok-1; returns the first other token or -1.
    int back_over(int tok, const std::unordered_set<std::string>& also) const {
        int k = tok - 1;
        while (k >= 0 && same_sentence(k, tok) && (is(k, c.skip) || is(k, also))) --k;
        return k >= 0 && same_sentence(k, tok) ? k : -1;
    }
    bool negated_before(int tok, int window) const {
        for (int k = tok - 1; k >= 0 && k >= tok - window && same_sentence(k, tok); --k)
            if (is(k, c.negation)) return true;
        return false;
    }
    std::vector<Match> all(const char* lexicon) const { return find_all(t, d.lex(lexicon)); }
    std::vector<Match> longest(const char* lexicon) const { return find_longest(t, d.lex(lexicon)); }
    const Phrase& phrase(const char* lexicon, const Match& m) const { return d.lex(lexicon).phrases[m.phrase]; }
    // Token `tok` is a one-word entry of the grammar lexicon's `section`.
    bool grammar_word(int tok, const char* section) const;
    Span span(int first, int last) const { return Span{t.tokens[first].begin, t.tokens[last].end}; }
    std::string quote(int first, int last) const {
        return std::string(t.raw.substr(t.tokens[first].begin, t.tokens[last].end - t.tokens[first].begin));
    }
};

inline bool overlaps(const Match& a, const std::vector<Match>& others) {
    for (auto& o : others)
        if (a.first <= o.last && o.first <= a.last) return true;
    return false;
}


bool starts_at(const std::vector<Match>& ms, int tok, const Match** out = nullptr);

// The subject of a verb at `tok`: the nearest mention before it in the sentence.
const Mention* subject_of(const Reading& r, int tok);
bool past_participle(const std::string& w);
// "fully", "gradually": an adverb between "will" and its verb.
bool adverb(const std::string& w);
bool past_participle_like(const std::string& w);
// The subject of a verb joined by "and"/"or" to an earlier verb of the same
// clause ("Kai might try to protect his mum and get hurt"): the nearest
// person before it who is followed by a modal or auxiliary ("Kai might").
// Null when the verb is not coordinated.
const Mention* coordinated_subject(const Reading& r, int tok);
// A pronoun read as a child of the case named before it who fits ("he",
// "she", "him", "her": that gender or unknown; "they", "them": children), where
// the sense needs a child and the reading of people took it for an adult: "If
// Mererid and Iwan don't check Osian's insulin, he could end up in intensive
// care". Anything else is returned as it is.
const Mention* child_for_pronoun(const Reading& r, const Mention* target);

}  // namespace sofs::rubric
