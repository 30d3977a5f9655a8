// criteria/: a caregiver taking a child to routine appointments (sg_appointments.hpp).
#include "rubric/criteria/sg_appointments.hpp"
#include "rubric/reading/doers.hpp"

#include <unordered_set>

namespace sofs::rubric {

namespace {
// The appointment words of the case's missed care: its danger names missed
// appointments ("miss ... clinic", "not take ... to the dentist", "miss ... jabs"),
// a phrase of dangers.does with "miss" or "take" in it that shares a word with an
// appointment ("clinic" of "miss ... clinic"). Empty when the danger is not that.
std::vector<int> missed_appointment_words(const Reading& r) {
    const Lexicon& ap = r.d.lex("appointments");
    std::vector<int> missed;
    for (auto& p : r.c.case_words.phrases) {
        if (p.section != "does") continue;
        if (p.text.find("miss") == std::string::npos && p.text.find("take") == std::string::npos) continue;
        for (int w : p.words)
            for (auto& a : ap.phrases)
                for (int x : a.words)
                    if (w >= 0 && w == x) missed.push_back(w);
    }
    return missed;
}

// Then taking a child to any appointment is care.
bool danger_is_missed(const Reading& r) { return !missed_appointment_words(r).empty(); }

}  // namespace

bool missed_care_answered(const GoalReading& g, Match* where) {
    const Reading& r = g.r;
    const std::vector<int> missed = missed_appointment_words(r);
    if (missed.empty()) return false;
    for (auto& m : r.longest("appointments")) {
        bool ours = false;
        for (int k = m.first; k <= m.last; ++k)
            ours = ours || std::find(missed.begin(), missed.end(), r.t.tokens[k].word) != missed.end();
        if (!ours || r.mention_at[m.first] >= 0) continue;
        // what is attended: "to", "at", "every", "all" ... before it (grammar.txt [attended])
        bool attended = false, miss = false, adults = false;
        for (int k = m.first - 1, left = 3; k >= 0 && left > 0 && r.same_sentence(k, m.first); --k, --left) {
            if (r.mention_at[k] >= 0) {
                const Mention& p = r.people[r.mention_at[k]];
                if (p.who != Who::Child && p.who != Who::ChildGeneral) {
                    adults = true;  // "his GP appointment"
                    break;
                }
                k = p.first;  // "attend Osian's clinic appointments": the child's own
                continue;
            }
            if (r.grammar_word(k, "attended")) attended = true;
            if (r.grammar_word(k, "missed")) miss = true;
        }
        // "every appointment with her GP": an adult's own
        if (int k = m.last + 2; k < r.n() && r.same_sentence(k, m.last) && r.word(m.last + 1) == "with" && r.mention_at[k] >= 0) {
            Who who = r.people[r.mention_at[k]].who;
            adults = adults || (r.people[r.mention_at[k]].pronoun && who != Who::Child && who != Who::ChildGeneral);
        }
        if (!(attended || miss) || adults) continue;
        // "attend all appointments": an appointment of no kind is the child's only with a child named
        bool any_kind = true;
        for (int k = m.first; k <= m.last; ++k) any_kind = any_kind && r.grammar_word(k, "any-appointment");
        bool child = false;
        for (auto& p : r.people) child = child || p.who == Who::Child || p.who == Who::ChildGeneral;
        if (any_kind && !child && !miss) continue;
        const Clause* gov = nullptr;
        for (auto& c : g.clauses)
            if (c.verb >= 0 && c.verb <= m.first && r.same_sentence(c.verb, m.first) && (!gov || c.verb >= gov->verb)) gov = &c;
        // "Anil will send all clinic letters"; "less stupid at clinic" (an inner state)
        if (gov && (g.professional(*gov) || gov->kind == Clause::NonAction)) continue;
        *where = m;
        return true;
    }
    return false;
}

bool routine_appointment(const GoalReading& g, const Clause& c, int* last) {
    const Reading& r = g.r;
    static const std::unordered_set<std::string> taking = {"take", "takes", "taking", "bring", "brings", "bringing", "drive", "drives", "driving"};
    if (c.verb < 0 || !g.caregiver(c) || !taking.count(r.word(c.verb))) return false;
    int k = c.verb + 1;
    while (k < r.n() && r.same_sentence(k, c.verb) && (r.word(k) == "both" || r.word(k) == "the")) ++k;
    if (k >= r.n() || r.mention_at[k] < 0 || r.people[r.mention_at[k]].who != Who::Child) return false;
    int to = r.people[r.mention_at[k]].last + 1;
    if (to >= r.n() || !r.same_sentence(to, c.verb) || (r.word(to) != "to" && r.word(to) != "for")) return false;
    // taking the child to be seen when hurt or in pain is care: a harm or a condition in the goal
    for (auto& m : r.all("impacts"))
        if (r.same_sentence(m.first, c.verb)) return false;
    const auto& condition = clause_words(r, "appt-condition");  // clause-words.txt [appt-condition]
    for (int k = 0; k < r.n(); ++k)
        if (r.same_sentence(k, c.verb) && condition.count(r.word(k))) return false;
    auto found = r.longest("appointments");
    for (std::size_t i = 0; i < found.size(); ++i) {
        Match m = found[i];
        if (m.first <= to || m.first > to + 6 || !r.same_sentence(m.first, to)) continue;
        if (danger_is_missed(r)) return false;
        // "health visitor checks": one appointment in two words of the list
        for (std::size_t j = i + 1; j < found.size() && found[j].first == m.last + 1; ++j) m.last = found[j].last;
        // more care of the child's own after it ("... to the dentist and make sure he has his milk in a cup")
        for (auto& p : g.positives) {
            if (p.first <= m.last || !r.same_sentence(p.first, m.last) || r.phrase("positive-actions", p).section == "general") continue;
            bool someone_else = false;  // "... and Nadia will check": another person's part
            for (int k = m.last + 1; k < p.first; ++k)
                if (r.mention_at[k] >= 0) someone_else = true;
            if (!someone_else) return false;
        }
        *last = m.last;
        return true;
    }
    return false;
}

}  // namespace sofs::rubric
