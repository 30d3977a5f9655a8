// reading/: who did it (doers.hpp).
#include "rubric/reading/doers.hpp"

#include <algorithm>
#include <unordered_map>

namespace sofs::rubric {

const std::unordered_set<std::string>& clause_words(const Reading& r, const std::string& section) {
    return clause_words(r.d, section);
}

const std::unordered_set<std::string>& clause_words(const Guidance::Data& d, const std::string& section) {
    // built once per thread for each loaded lexicon (its address and size say which)
    struct Cache {
        const Lexicon* lex = nullptr;
        std::size_t size = 0;
        std::unordered_map<std::string, std::unordered_set<std::string>> sections;
    };
    thread_local Cache cache;
    static const std::unordered_set<std::string> none;
    const Lexicon& lex = d.lex("clause-words");
    if (cache.lex != &lex || cache.size != lex.phrases.size()) {
        cache.sections.clear();
        for (const Phrase& p : lex.phrases) {
            std::string w = p.text;
            std::transform(w.begin(), w.end(), w.begin(), [](unsigned char ch) { return (char)std::tolower(ch); });
            cache.sections[p.section].insert(w);
        }
        cache.lex = &lex;
        cache.size = lex.phrases.size();
    }
    auto it = cache.sections.find(section);
    return it == cache.sections.end() ? none : it->second;
}

bool ends_ing(const std::string& w) { return w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0; }

bool comma_before(const Reading& r, int k) {
    if (k <= 0 || k >= r.n()) return false;
    std::size_t from = r.t.tokens[k - 1].end, to = r.t.tokens[k].begin;
    return to > from && r.t.raw.substr(from, to - from).find(',') != std::string_view::npos;
}

bool possessive(const Reading& r, const Mention& m) {
    const std::string& last = r.word(m.last);
    return last.size() > 2 && last.compare(last.size() - 2, 2, "'s") == 0;
}

bool written_possessive(const Reading& r, const Mention& x) {
    std::string_view raw = r.t.raw.substr(r.t.tokens[x.last].begin, r.t.tokens[x.last].end - r.t.tokens[x.last].begin);
    auto ends = [&](std::string_view suf) { return raw.size() > suf.size() && raw.substr(raw.size() - suf.size()) == suf; };
    return ends("'s") || ends("\xE2\x80\x99s") || ends("s'");
}

bool not_a_subject(const Reading& r, const Mention& m) {
    if (possessive(r, m)) return true;
    int before = m.first - 1;
    if (before >= 0 && r.same_sentence(before, m.first) && r.is(before, r.c.child_determiner) && r.mention_at[before] < 0)
        --before;
    return before >= 0 && r.same_sentence(before, m.first) && in_class(r, before, "preposition-object");
}

bool passive_at(const Reading& r, int first) {
    if (!past_participle_like(r.word(first))) return false;
    int prev = first - 1;
    while (prev >= 0 && r.same_sentence(prev, first) && (r.is(prev, r.c.skip) || adverb(r.word(prev)))) --prev;
    if (prev < 0 || !r.same_sentence(prev, first)) return false;
    return r.is(prev, r.c.be) || in_class(r, prev, "get-passive") ||
           (r.word(prev) == "up" && prev > 0 && r.word(prev - 1).rfind("end", 0) == 0);
}

bool suffered(const Reading& r, int first, int last) {
    if (!passive_at(r, first)) return false;
    for (int j = last + 1; j < r.n() && j <= last + 4 && r.same_sentence(j, last); ++j)
        if (r.word(j) == "by") return false;
    return true;
}

const Mention* doer_past_objects(const Reading& r, int tok) {
    bool anyone = false;
    for (int k = tok - 1; k >= 0 && r.same_sentence(k, tok); --k) {
        if (r.mention_at[k] < 0) continue;
        anyone = true;
        const Mention& m = r.people[r.mention_at[k]];
        k = m.first;
        if (not_a_subject(r, m)) continue;
        return is_any_adult(m.who) ? &m : nullptr;
    }
    if (anyone) return nullptr;
    // a sentence opening with the deed (over adverbs only)
    int open = tok - 1;
    while (open >= 0 && r.same_sentence(open, tok) && (r.is(open, r.c.skip) || adverb(r.word(open)))) --open;
    if (open >= 0 && r.same_sentence(open, tok)) return nullptr;
    // done to someone named right after ("Grabbed her arm"; not "Missing x4", "High risk")
    if (!(tok + 1 < r.n() && r.same_sentence(tok, tok + 1) && r.mention_at[tok + 1] >= 0)) return nullptr;
    Who after = r.people[r.mention_at[tok + 1]].who;
    if (after != Who::Child && !is_any_adult(after)) return nullptr;  // "Missed school twice"
    for (int k = tok - 1; k >= 0; --k) {
        if (r.mention_at[k] < 0) continue;
        const Mention& m = r.people[r.mention_at[k]];
        if (is_any_adult(m.who) && !m.pronoun) return &m;
        k = m.first;
    }
    return nullptr;
}

const Mention* joined_doer(const Reading& r, int tok) {
    const auto& lead = clause_words(r, "joined-lead");
    int j = tok - 1;
    while (j >= 0 && r.same_sentence(j, tok) && r.mention_at[j] < 0 &&
           (r.is(j, lead) || r.is(j, r.c.modal) || r.is(j, r.c.skip) || adverb(r.word(j))))
        --j;
    if (j < 0 || !r.same_sentence(j, tok) || !(r.word(j) == "and" || r.word(j) == "or" || r.word(j) == "by")) return nullptr;
    for (int k = j - 1; k >= 0 && r.same_sentence(k, j); --k) {
        if (r.mention_at[k] < 0) continue;
        const Mention& m = r.people[r.mention_at[k]];
        k = m.first;
        if (not_a_subject(r, m)) continue;
        // "Mia could be dropped or choke": a child who is the subject does the second verb too
        if ((m.who == Who::Child || m.who == Who::ChildGeneral) && m.last + 1 < r.n() &&
            (r.is(m.last + 1, r.c.modal) || r.is(m.last + 1, r.c.be_or_auxiliary)))
            return nullptr;
        if (m.who == Who::Child || m.who == Who::ChildGeneral || m.who == Who::Professional) continue;
        return is_any_adult(m.who) ? &m : nullptr;
    }
    return nullptr;
}

const Mention* main_clause_doer(const Reading& r, const Mention* agent, int tok) {
    if (!agent || !agent->pronoun || agent->first < 1 || agent->last >= tok) return agent;
    int h = agent->first - 1;
    if (r.mention_at[h] < 0 || !r.same_sentence(h, agent->first) || comma_before(r, agent->first)) return agent;
    const Mention* head = &r.people[r.mention_at[h]];
    if (head->pronoun || !is_any_adult(head->who)) return agent;
    // the aside closes with a comma before the deed: the subject before it opened
    bool closed = false;
    for (int j = agent->last + 1; j <= tok; ++j)
        if (comma_before(r, j)) closed = true;
    int open = head->first;
    if (open > 0 && r.is(open - 1, clause_words(r, "joint"))) --open;
    if (closed && comma_before(r, open) && open > 0 && r.mention_at[open - 1] >= 0) {
        const Mention& before = r.people[r.mention_at[open - 1]];
        if (is_any_adult(before.who) && !possessive(r, before) && r.same_sentence(before.last, open)) return &before;
    }
    return head;
}

int verb_from(const Reading& r, int v, int from) {
    const auto& lead = clause_words(r, "deed-lead");
    while (v < r.n() && r.same_sentence(v, from) &&
           (r.is(v, r.c.modal) || r.is(v, r.c.skip) || adverb(r.word(v)) || r.is(v, lead) ||
            (r.is(v, r.c.be_or_auxiliary) && v + 1 < r.n() && r.same_sentence(v, v + 1) &&
             (r.is(v + 1, lead) || r.is(v + 1, r.c.skip) || r.is(v + 1, r.c.negation) || ends_ing(r.word(v + 1)) ||
              past_participle(r.word(v + 1))))))
        ++v;
    return v;
}

const Mention* unnamed_child(const Reading& r, const Mention* target, Mention* scratch) {
    if (!target || !target->pronoun || target->who != Who::Unknown || !r.c.scenario) return target;
    const std::string& pw = r.word(target->first);
    char g = pw == "he" || pw == "him" || pw == "his" ? 'm' : pw == "she" || pw == "her" ? 'f' : '?';
    if (g == '?') return target;
    // the case's children first (a friend of fifteen is not whom the case is about)
    const Person* only = nullptr;
    int fits = 0;
    for (bool by_role : {true, false}) {
        for (const auto& p : r.c.scenario->people) {
            bool child = by_role ? p.role == PersonRole::Child : ((p.age && *p.age < 16) || (!p.age && p.age_months));
            if (!child) continue;
            char pg = gender_letter(p.gender);
            if (pg != g && pg != '?') continue;
            only = &p;
            ++fits;
        }
        if (fits) break;
    }
    if (fits != 1) return target;
    *scratch = *target;
    scratch->who = Who::Child;
    scratch->person = only->id;
    return scratch;
}

}  // namespace sofs::rubric
