// reading/: grammar helpers shared by the criteria.
#include "rubric/reading/reading.hpp"

#include "rubric/reading/doers.hpp"

namespace sofs::rubric {

bool Reading::grammar_word(int tok, const char* section) const {
    const Lexicon& gr = d.lex("grammar");
    auto it = gr.by_first.find(t.tokens[tok].word);
    if (it == gr.by_first.end()) return false;
    for (int p : it->second)
        if (gr.phrases[p].words.size() == 1 && gr.phrases[p].section == section) return true;
    return false;
}

bool starts_at(const std::vector<Match>& ms, int tok, const Match** out) {
    for (auto& m : ms)
        if (m.first == tok) {
            if (out) *out = &m;
            return true;
        }
    return false;
}

const Mention* subject_of(const Reading& r, int tok) { return r.subject_before(tok); }

bool past_participle(const std::string& w) {
    static const std::unordered_set<std::string> irregular = {
        "been", "done", "seen", "hit", "hurt", "left", "had", "got", "thrown", "broken", "struck", "fallen",
        "heard", "felt", "taken", "shaken", "beaten", "kept", "put", "caught", "held"};
    auto ends = [&](const char* suf) {
        std::size_t n = std::char_traits<char>::length(suf);
        return w.size() > n + 1 && w.compare(w.size() - n, n, suf) == 0;
    };
    return irregular.count(w) || ends("ed") || ends("en");
}


bool adverb(const std::string& w) {
    static const std::unordered_set<std::string> verbs = {"apply", "supply", "reply", "rely", "comply", "multiply", "bully"};
    return w.size() >= 5 && w.compare(w.size() - 2, 2, "ly") == 0 && !verbs.count(w);
}

bool past_participle_like(const std::string& w) {
    return w.size() > 2 && (w.compare(w.size() - 2, 2, "ed") == 0 || w == "hit" || w == "hurt" || w == "left" ||
                            w == "thrown" || w == "kicked" || w == "shaken" || w == "beaten" || w == "struck");
}

const Mention* coordinated_subject(const Reading& r, int tok) {
    // clause-words.txt [coord-between]: may stand between "and"/"or" and the verb; [coord-modal]:
    // right after the earlier mention, makes it the verb's subject
    const auto& between = clause_words(r, "coord-between");
    const auto& modals = clause_words(r, "coord-modal");
    int k = r.back_over(tok, between);
    if (k < 0 || !(r.word(k) == "and" || r.word(k) == "or")) return nullptr;
    for (int j = k - 1; j >= 0 && r.same_sentence(j, k); --j) {
        if (r.mention_at[j] < 0) continue;
        const Mention& m = r.people[r.mention_at[j]];
        j = m.first;
        if (m.last + 1 < k && modals.count(r.word(m.last + 1))) return &m;
    }
    return nullptr;
}

const Mention* child_for_pronoun(const Reading& r, const Mention* target) {
    if (!target || !target->pronoun || target->who == Who::Child) return target;
    const std::string& pw = r.word(target->first);
    bool plural = pw == "they" || pw == "them";
    if (!plural && pw != "he" && pw != "she" && pw != "him" && pw != "her") return target;
    for (int k = target->first - 1; k >= 0; --k) {
        if (r.mention_at[k] < 0) continue;
        const Mention& m = r.people[r.mention_at[k]];
        k = m.first;
        if (m.who != Who::Child || m.pronoun) continue;
        if (plural ? m.gender == 'p' : (m.gender == '?' || m.gender == target->gender)) return &m;
    }
    return target;
}

}  // namespace sofs::rubric
