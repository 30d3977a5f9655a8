// DS-FUTURE: the statement looks forward.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"
#include "rubric/criteria/risk_status.hpp"
#include "rubric/reading/doers.hpp"

namespace sofs::rubric {

namespace {
// "... Maya and she is at risk": "and", "but" or "so" with a person after it who does or is something
bool new_clause(const Reading& r, int k) {
    const std::string& w = r.word(k);
    if (w != "and" && w != "but" && w != "so") return false;
    if (k + 1 >= r.n() || r.mention_at[k + 1] < 0) return false;
    const Mention& m = r.people[r.mention_at[k + 1]];
    return m.pronoun || r.is(m.last + 1, r.c.be_or_auxiliary) || r.is(m.last + 1, r.c.modal);
}
// "Jay told Maya he'll send her picture", "Amir lies awake scared he won't wake up": a
// future word after a person, in someone's reported words (clause-words.txt [reported])
// or a child's own fear, is theirs; it does not make the statement look forward (eleventh round)
bool reported_future(const Reading& r, int tok, const std::vector<Match>& worries) {
    if (tok < 1 || r.mention_at[tok - 1] < 0 || !r.same_sentence(tok - 1, tok)) return false;
    int k = r.people[r.mention_at[tok - 1]].first - 1;
    if (k >= 0 && r.word(k) == "that") --k;
    for (int j = k; j >= 0 && j >= k - 3 && r.same_sentence(j, tok); --j) {
        if (in_class(r, j, "reported")) return true;
        // a worry's content is the statement's look forward ("told us they worry Ryan will"),
        // unless the fear is a child's own
        const Match* fear = nullptr;
        if (starts_at(worries, j, &fear)) {
            const Mention* holder = r.subject_before(j);
            return r.phrase("worry-words", *fear).section == "fear" && holder && holder->who == Who::Child;
        }
        if (comma_before(r, j)) break;
    }
    return false;
}
}  // namespace

Verdict ds_future(const Reading& r, const Wording& w) {
    auto hyp = r.all("hypotheses");
    auto impacts = r.longest("impacts");
    auto worries = r.longest("worry-words");
    // deeds only: care said in general or explaining ("nobody can explain") is none
    std::vector<Match> behaviours;
    for (auto& m : r.longest("behaviours"))
        if (r.phrase("behaviours", m).section != "general") behaviours.push_back(m);
    for (auto& m : r.longest("future")) {
        // "may have pushed" looks back, not forward; "May" mid-sentence is the month
        // "could of stopped breathing" is "could have": it looks back too
        if (m.last + 1 < r.n() && (r.word(m.last + 1) == "have" || r.word(m.last + 1) == "of") &&
            r.same_sentence(m.first, m.last + 1)) {
            bool will_have = r.word(m.first) == "will";
            // "may have pushed" looks back; "may have nightmares" looks forward
            bool participle = m.last + 2 < r.n() && past_participle(r.word(m.last + 2));
            if (!will_have && participle) continue;
        }
        // "will keep putting herself at risk", "may be at further risk of harm": a risk
        // status names no future event (only what follows up to the next comma or full stop)
        // "stopped going to clinic": going somewhere, not what will happen (sixth round)
        if (r.word(m.first) == "going" && m.last + 1 < r.n() && r.same_sentence(m.last, m.last + 1) &&
            (r.mention_at[m.last + 1] >= 0 || r.is(m.last + 1, r.c.child_determiner) || r.word(m.last + 1) == "a" ||
             r.word(m.last + 1) == "his" || r.word(m.last + 1) == "their" || r.word(m.last + 1) == "my"))
            continue;
        if (r.word(m.first) == "going" && m.first > 0 && r.same_sentence(m.first - 1, m.first)) {
            const std::string& b = r.word(m.first - 1);  // "stopped going to clinic", "has been going to"
            if (b.rfind("stop", 0) == 0 || b.rfind("start", 0) == 0 || b == "keep" || b == "keeps" || b == "kept" || b == "been")
                continue;
        }
        // (eighth round) only in the future word's own clause: "Jay will keep contacting Maya and
        // she is at risk" looks forward; a harm inside the status or given as its cause ("a
        // potential risk to the child due to missed medication") names no event
        bool risk_only = false;
        for (int k = m.last + 1; k < r.n() && r.same_sentence(k, m.last) && k <= m.last + 8; ++k) {
            if (!risk_only && new_clause(r, k)) break;
            if (r.word(k) == "risk" || r.word(k) == "risks") risk_only = true;
            if ((starts_at(impacts, k) || starts_at(behaviours, k)) && !risk_status_before(r, k)) {
                risk_only = false;
                break;
            }
        }
        if (risk_only) continue;
        if (reported_future(r, m.first, worries)) continue;
        if (r.month_may(m.first)) continue;
        Evidence ev;
        ev.add(r, m.first, m.last);
        return w.make("DS-FUTURE", true, "", ev.spans, ev.words);
    }
    // "he can push Jade again and Mia can fall", "she maybe leave Kacper": "can" and
    // "maybe" before a harm or a deed say what could happen (written by many whose
    // first language is not English); not "can't", "cannot" (fifth round)
    for (int k = 0; k + 1 < r.n(); ++k) {
        if (r.word(k) != "can" && r.word(k) != "maybe") continue;
        if (r.is(k + 1, r.c.negation) || r.word(k + 1) == "n't") continue;
        if (k > 0 && r.word(k - 1) == "you") continue;  // "a temper you can see": anyone can, now
        // with a person right before ("Finn can go out the door and fall on the stairs"), the
        // harm may come later in the clause (seventh round)
        int reach = k > 0 && r.mention_at[k - 1] >= 0 && r.same_sentence(k - 1, k) ? 10 : 4;
        for (int j = k + 1; j < r.n() && j <= k + reach && r.same_sentence(j, k) && !comma_before(r, j); ++j) {
            if (starts_at(impacts, j) || starts_at(behaviours, j)) {
                Evidence ev;
                ev.add(r, k, k);
                return w.make("DS-FUTURE", true, "", ev.spans, ev.words);
            }
        }
    }
    // "if mam stay in bed ... he get burn again", "Amir gets burnt again on grill if mum cant get
    // up": a harm to come "again" under a condition in the same sentence, in the present as
    // English as a second language and notes put it, looks forward (eleventh round)
    for (auto& m : impacts) {
        if (m.last + 1 >= r.n() || r.word(m.last + 1) != "again" || !r.same_sentence(m.last, m.last + 1)) continue;
        int prev = r.back_over(m.first, {});
        if (prev >= 0 && (r.word(prev) == "was" || r.word(prev) == "were" || r.word(prev) == "been" || past_participle(r.word(m.first))))
            continue;
        bool condition = false;
        for (int k = 0; k < r.n(); ++k)
            if (r.same_sentence(k, m.first) && (r.word(k) == "if" || r.word(k) == "when")) condition = true;
        if (!condition) continue;
        Evidence ev;
        ev.add(r, m.first, m.last + 1);
        return w.make("DS-FUTURE", true, "", ev.spans, ev.words);
    }
    Evidence ev;
    for (auto& m : hyp) ev.add(r, m.first, m.last);
    return w.make("DS-FUTURE", false, "", ev.spans, ev.words);
}

}  // namespace sofs::rubric
