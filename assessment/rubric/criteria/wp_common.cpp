// Words and Pictures: helpers the five WP criteria share (wp.hpp).
#include "rubric/criteria/wp.hpp"

namespace sofs::rubric::wp {

std::vector<Match> section(const Reading& r, const char* name) {
    std::vector<Match> out;
    for (auto& m : r.all(kLexicon))
        if (r.phrase(kLexicon, m).section == name) out.push_back(m);
    return out;
}

std::vector<bool> marks(const Reading& r, const char* name) {
    std::vector<bool> out(r.n(), false);
    for (auto& m : section(r, name))
        for (int k = m.first; k <= m.last; ++k) out[k] = true;
    return out;
}

std::vector<bool> past_forms(const Reading& r) {
    auto past = marks(r, "past-verb");
    auto not_past = marks(r, "not-past");
    for (int k = 0; k < r.n(); ++k) {
        const std::string& w = r.word(k);
        if (!past[k] && !not_past[k] && r.mention_at[k] < 0 && w.size() >= 4 && w.compare(w.size() - 2, 2, "ed") == 0)
            past[k] = true;
    }
    return past;
}

std::vector<Match> events(const Reading& r) {
    std::vector<Match> out;
    auto categories = r.longest("categories");
    auto keep = [&](const Match& m) {
        if (!overlaps(m, categories)) out.push_back(m);
    };
    for (auto& m : find_all(r.t, r.c.case_words)) {
        const auto& sec = r.c.case_words.phrases[m.phrase].section;
        if (sec == "does" || sec == "harm") keep(m);
    }
    for (auto& m : r.all("behaviours"))
        if (r.phrase("behaviours", m).section == "action") keep(m);
    for (auto& m : r.all("impacts")) {
        const auto& sec = r.phrase("impacts", m).section;
        if (sec == "harm" || sec == "witness") keep(m);
    }
    for (auto& m : section(r, "happened")) keep(m);
    return out;
}

bool modal_before(const Reading& r, int tok, int window, bool will_counts) {
    for (int k = tok - 1; k >= 0 && k >= tok - window && r.same_sentence(k, tok); --k) {
        const std::string& w = r.word(k);
        if (w == "keep" || w == "keeps") continue;
        if (!will_counts && (w == "will" || w == "can" || w == "shall")) continue;
        if (r.is(k, r.c.modal)) return true;
    }
    return false;
}

std::pair<int, int> sentence_of(const Reading& r, int tok) {
    int a = tok, b = tok;
    while (a > 0 && r.same_sentence(a - 1, tok)) --a;
    while (b + 1 < r.n() && r.same_sentence(b + 1, tok)) ++b;
    return {a, b};
}

}  // namespace sofs::rubric::wp
