// WP-WHAT-IS-DONE: a Words and Pictures text names at least one concrete
// thing a named person or group is doing, or will do, that keeps the child
// safe; "everyone is working hard to keep you safe" and services alone do not.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/wp.hpp"

namespace sofs::rubric {

namespace {

bool someone_in(const Reading& r, int first, int last) {
    for (int k = first; k <= last; ++k)
        if (r.mention_at[k] >= 0) {
            Who who = r.people[r.mention_at[k]].who;
            if (who != Who::Nobody && who != Who::ChildGeneral && who != Who::Unknown) return true;
        }
    return false;
}

}  // namespace

Verdict wp_what_is_done(const Reading& r, const Wording& w) {
    const auto past = wp::past_forms(r);
    const auto services = r.longest("services");
    // Everyday verbs ("ring", "go to") say what is done only with someone after them.
    std::vector<std::string> needs_person;
    for (const auto& p : r.d.lex(wp::kLexicon).phrases)
        if (p.section == "needs-person") needs_person.push_back(p.text);
    auto is_generic = [&](const std::string& text) {
        for (const auto& n : needs_person)
            if (n == text) return true;
        return false;
    };

    std::vector<std::pair<Match, std::string>> doings;  // the match and its phrase as written
    for (auto& m : r.all("positive-actions"))
        if (r.phrase("positive-actions", m).section == "concrete") doings.push_back({m, r.phrase("positive-actions", m).text});
    for (auto& m : r.all("safe-states")) doings.push_back({m, r.phrase("safe-states", m).text});
    for (auto& m : find_all(r.t, r.c.case_words))
        if (r.c.case_words.phrases[m.phrase].section == "safe") doings.push_back({m, r.c.case_words.phrases[m.phrase].text});
    for (auto& m : wp::section(r, "doing")) doings.push_back({m, r.phrase(wp::kLexicon, m).text});
    for (auto& m : wp::section(r, "needs-person")) doings.push_back({m, r.phrase(wp::kLexicon, m).text});

    bool vague_only = !r.longest("vague-verbs").empty();
    for (auto& [m, text] : doings) {
        auto [first, last] = wp::sentence_of(r, m.first);
        // what has already happened, what could happen, and what will not happen are not what is being done
        if (past[m.first]) continue;
        int before = r.back_over(m.first, {});
        if (before >= 0 && past[before]) continue;
        if (wp::modal_before(r, m.first, 4, false)) continue;
        if (r.negated_before(m.first, 3)) continue;
        // "going to a course", "talk to a worker": a service, not the child's safety
        bool service = false;
        for (auto& s : services)
            if (s.first >= m.first && s.first <= m.last + 6 && s.first <= last) service = true;
        if (service) continue;
        if (is_generic(text)) {
            bool person_after = false;
            for (int k = m.last + 1; k <= last && k <= m.last + 4; ++k)
                if (r.mention_at[k] >= 0 && r.people[r.mention_at[k]].who != Who::Nobody) person_after = true;
            if (!person_after) continue;
        }
        if (!someone_in(r, first, last)) continue;
        Evidence ev;
        ev.add(r, first, last);
        return w.make("WP-WHAT-IS-DONE", true, "", ev.spans, ev.words);
    }
    if (vague_only) {
        Evidence ev;
        for (auto& m : r.longest("vague-verbs")) ev.add(r, m.first, m.last);
        return w.make("WP-WHAT-IS-DONE", false, "vague", ev.spans, ev.words);
    }
    return w.make("WP-WHAT-IS-DONE", false, "", {}, "");
}

}  // namespace sofs::rubric
