// DS-NON-BLAMING: behaviour, not labels or verdicts on a person.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"
#include "rubric/reading/doers.hpp"

namespace sofs::rubric {

namespace {

// "puts his sheep before his son", "chooses her bed over her kids": a label
// pattern ending in a ranking word ranks a choice above a child only when a
// child of the case follows (over "his", "her own", "the").
bool ranks_child(const Reading& r, const Match& m) {
    const std::string& text = r.phrase("labels", m).text;
    if (text.find("...") == std::string::npos || !in_class(r, m.last, "ranking")) return true;
    for (int j = m.last + 1; j < r.n() && j <= m.last + 3 && r.same_sentence(j, m.last); ++j) {
        if (r.mention_at[j] < 0) continue;
        const Mention& p = r.people[r.mention_at[j]];
        if (p.who == Who::Child || p.who == Who::ChildGeneral) return true;
        if (!p.pronoun) return false;
        j = p.last;
    }
    return false;
}

// "Maya could be bullied", "Maya gets bullied": a label word matched only by its
// stem, written as a participle after "be" or "get" with a child as its subject,
// is what is done to the child, not a label on anyone ("a bully" stays a label,
// and so does "dad is addicted"; tenth round).
bool done_to_someone(const Reading& r, const Match& m) {
    if (m.first != m.last || m.first == 0 || !r.same_sentence(m.first - 1, m.first)) return false;
    const std::string& w = r.word(m.first);
    if (w == r.phrase("labels", m).text || w.size() < 3 || w.compare(w.size() - 2, 2, "ed") != 0) return false;
    if (!r.is(m.first - 1, r.c.be) && !in_class(r, m.first - 1, "get-passive")) return false;
    const Mention* p = r.subject_before(m.first - 1);
    return p && (p->who == Who::Child || p->who == Who::ChildGeneral);
}

// "Liam's controlling behaviour will escalate": a word for a kind of behaviour
// before "behaviour" names what someone does, not who they are (tenth round).
bool names_behaviour(const Reading& r, const Match& m) {
    return m.first == m.last && m.last + 1 < r.n() && r.same_sentence(m.last, m.last + 1) &&
           in_class(r, m.last, "behaviour-kind") && in_class(r, m.last + 1, "behaviour-noun");
}

// "not a bad mother", "has never been violent", "not really an alcoholic": a
// negation cancels a label only when nothing but "be", an article or a small
// adverb ([be], [skip]) stands between them; any other word means the negation
// denies something else and the verdict stands ("doesn't have the brains to",
// "I don't think she's being honest with herself"; tenth round).
bool negation_cancels(const Reading& r, const Match& m) {
    for (int k = m.first - 1; k >= 0 && k >= m.first - 3 && r.same_sentence(k, m.first); --k) {
        if (r.is(k, r.c.negation)) return true;
        const std::string& w = r.word(k);
        if (!r.is(k, r.c.be) && !r.is(k, r.c.skip) && w != "a" && w != "an" && w != "the") return false;
    }
    return false;
}

}  // namespace

std::vector<Match> blaming_labels(const Reading& r) {
    std::vector<Match> out;
    for (auto& m : r.longest("labels")) {
        if (negation_cancels(r, m)) continue;
        // "could be violent towards Jade" describes what someone might do, not who they are
        if (m.last + 1 < r.n() && (r.word(m.last + 1) == "towards" || r.word(m.last + 1) == "toward")) continue;
        // "he lies awake", "lying in bed", "was lying on the sofa": lying down, not telling lies
        if (m.last + 1 < r.n() && r.same_sentence(m.last, m.last + 1) &&
            (r.word(m.last + 1) == "awake" || r.word(m.last + 1) == "down" || r.word(m.last + 1) == "in" ||
             r.word(m.last + 1) == "on" || r.word(m.last + 1) == "around" || r.word(m.last + 1) == "there") &&
            r.word(m.last).rfind("l", 0) == 0)
            continue;
        // "Leila may not cope": a worry about what could happen, not a verdict (eighth round)
        if (r.word(m.first) == "not" && m.first > 0 && r.same_sentence(m.first - 1, m.first) &&
            in_class(r, m.first - 1, "possibility"))
            continue;
        // "the LD team", "a learning disability nurse": a service named
        if (m.last + 1 < r.n() && r.same_sentence(m.last, m.last + 1) && in_class(r, m.last + 1, "diagnosis-service"))
            continue;
        if (!ranks_child(r, m)) continue;
        if (done_to_someone(r, m) || names_behaviour(r, m)) continue;
        // "this is dangerous for children", "it is dangerous": said of a thing, not a person
        if (m.first >= 2 && r.same_sentence(m.first - 2, m.first) && r.is(m.first - 1, r.c.be) &&
            in_class(r, m.first - 2, "thing-subject"))
            continue;
        // "this is neglect": the same when the label's own words begin with "is" (tenth round)
        if (m.first >= 1 && m.first < m.last && r.same_sentence(m.first - 1, m.first) && r.is(m.first, r.c.be) &&
            in_class(r, m.first - 1, "thing-subject"))
            continue;
        out.push_back(m);
    }
    return out;
}

Verdict ds_non_blaming(const Reading& r, const Wording& w) {
    Evidence ev;
    for (auto& m : blaming_labels(r)) ev.add(r, m.first, m.last);
    if (ev.spans.empty()) return w.make("DS-NON-BLAMING", true, "", {}, "");
    return w.make("DS-NON-BLAMING", false, "", ev.spans, ev.words);
}

}  // namespace sofs::rubric
