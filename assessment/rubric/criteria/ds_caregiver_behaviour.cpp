// DS-CAREGIVER-BEHAVIOUR: a specific thing an identified adult did, does,
// might do or fails to do. The reading of who does what is in
// reading/doers.hpp and reading/deeds.hpp.
// What meets it and why: assessment/CRITERIA.md.
#include "rubric/criteria/criteria.hpp"
#include "rubric/reading/deeds.hpp"

#include <algorithm>

namespace sofs::rubric {

namespace {

// The adult a case phrase is about: a named adult of that danger (or a pronoun
// read as one) earlier in the sentence, or someone unnamed outside the family
// ("men he knows", "a man"); else after "by" ("pictures sent by Jay").
const Mention* case_agent(const Reading& r, const Match& m, const std::vector<std::string>& adults) {
    auto fits = [&](const Mention& x) {
        if (!is_any_adult(x.who)) return false;
        if (x.person.empty()) return x.who == Who::OtherAdult;
        return std::find(adults.begin(), adults.end(), x.person) != adults.end();
    };
    // (not a possessive further back: "on Karen's work nights, Josh could wake up on his own")
    for (int k = m.first - 1; k >= 0 && r.same_sentence(k, m.first); --k)
        if (r.mention_at[k] >= 0 && fits(r.people[r.mention_at[k]]) &&
            !(written_possessive(r, r.people[r.mention_at[k]]) && r.people[r.mention_at[k]].last + 1 < m.first))
            return &r.people[r.mention_at[k]];
    for (int j = m.last + 1; j + 1 < r.n() && j <= m.last + 4 && r.same_sentence(j, m.last); ++j)
        if (r.word(j) == "by" && r.mention_at[j + 1] >= 0 && fits(r.people[r.mention_at[j + 1]]))
            return &r.people[r.mention_at[j + 1]];
    return nullptr;
}

// "thinks smacking is fine", "believing hitting is ok": a deed named by its "-ing" as
// what someone holds to be right is an opinion, not the deed (seventh round).
bool opinion(const Reading& r, int first) {
    // (and over "that": "doesn't understand that smacking is harmful", eighth round)
    int b = first > 0 && r.word(first - 1) == "that" ? first - 2 : first - 1;
    return ends_ing(r.word(first)) && b >= 0 && r.same_sentence(b, first) && in_class(r, b, "belief");
}

// "Aga may not cope with her late shifts", "Jade may not cope with Ryan's drinking": a deed
// named as what an inner state is about (over "with", "about" and whose it is) is that
// state's object, not a deed said to be done (thirteenth round).
bool inner_object(const Reading& r, const std::vector<Match>& inner, int first) {
    for (int k = first - 1, steps = 0; k >= 0 && steps < 4 && r.same_sentence(k, first) && !comma_before(r, k + 1); --k, ++steps) {
        for (auto& m : inner)
            if (m.last == k) return true;
        bool whose = r.mention_at[k] >= 0 && (r.people[r.mention_at[k]].pronoun || written_possessive(r, r.people[r.mention_at[k]]));
        if (r.mention_at[k] >= 0 && !whose) return false;
        if (r.mention_at[k] >= 0) k = r.people[r.mention_at[k]].first;
        else if (r.word(k) != "with" && r.word(k) != "about" && !r.is(k, r.c.child_determiner)) return false;
    }
    return false;
}

// "a drink-driving conviction": a deed named as the kind of a record held is the record, a
// fact of history, not the deed said of the adult (thirteenth round).
bool record(const Reading& r, const Match& m) {
    return m.last + 1 < r.n() && r.same_sentence(m.last, m.last + 1) && !comma_before(r, m.last + 1) &&
           in_class(r, m.last + 1, "record");
}

// What the case's own danger says these adults do or fail to do (expert key `dangers`).
bool case_behaviour(const Reading& r, const Wording& w, const std::vector<Match>& labels, Verdict* out) {
    auto inner = find_longest(r.t, r.d.lex("non-actions"));
    for (auto& m : find_longest(r.t, r.c.case_words)) {
        const Phrase& p = r.c.case_words.phrases[m.phrase];
        if (p.section != "does" || overlaps(m, labels) || opinion(r, m.first) || inner_object(r, inner, m.first) || record(r, m)) continue;
        if (r.negated_before(m.first, 2) && r.word(m.first) != "not") continue;
        std::size_t i = std::stoul(p.note);
        if (i >= r.c.danger_adults.size()) continue;
        const Mention* agent = case_agent(r, m, r.c.danger_adults[i]);
        if (!agent) continue;
        if (suffered(r, m.first, m.last)) continue;
        // "on Karen's work nights", "Claire's tablets": whose thing it is, not a deed ("Ryan's
        // drinking", a deed named by its "-ing", still is); after "her" ("went to her late
        // shift") the one who does it is named before
        const std::string& first = r.word(m.first);
        if (agent->last + 1 == m.first && !ends_ing(first)) {
            const std::string& aw = r.word(agent->last);
            if (written_possessive(r, *agent)) continue;
            if (agent->pronoun && (aw == "her" || aw == "his" || aw == "their")) {
                Match earlier = m;
                earlier.first = agent->first;
                agent = case_agent(r, earlier, r.c.danger_adults[i]);
                if (!agent) continue;
            }
        }
        Evidence ev;
        ev.add(r, agent->first, agent->last);
        ev.add(r, m.first, m.last);
        *out = w.make("DS-CAREGIVER-BEHAVIOUR", true, "", ev.spans, ev.words);
        return true;
    }
    return false;
}

}  // namespace

Verdict ds_behaviour(const Reading& r, const Wording& w) {
    auto cats = r.longest("categories");
    auto labels = r.longest("labels");
    std::vector<Match> general;
    auto inner = find_longest(r.t, r.d.lex("non-actions"));
    for (auto& m : r.longest("behaviours")) {
        const Phrase& p = r.phrase("behaviours", m);
        if (p.section == "general") {
            general.push_back(m);
            continue;
        }
        if (overlaps(m, cats) || overlaps(m, labels)) continue;
        if (r.negated_before(m.first, 2) && r.word(m.first) != "not") continue;
        if (opinion(r, m.first) || inner_object(r, inner, m.first) || record(r, m)) continue;
        const Mention* agent = nullptr;
        int prev = r.back_over(m.first, {});
        bool passive = p.section != "state" && prev >= 0 && r.is(prev, r.c.be) &&
                       past_participle_like(r.word(m.first));
        if (passive) {
            // the doer after "by", up to eight words on, not past a comma ("left ... again by his mum")
            for (int j = m.last + 1; j < r.n() && j <= m.last + 8 && r.same_sentence(j, m.last) && !comma_before(r, j); ++j)
                if (r.word(j) == "by" && j + 1 < r.n()) {
                    // "by his father": the possessive before the person is passed over
                    int a = j + 1;
                    if (a + 1 < r.n() && r.mention_at[a] < 0 && r.is(a, r.c.child_determiner)) ++a;
                    if (r.mention_at[a] < 0) continue;
                    agent = &r.people[r.mention_at[a]];
                    break;
                }
        } else {
            if (suffered(r, m.first, m.last)) continue;  // "Leah could end up badly hurt", "will get hurt"
            agent = main_clause_doer(r, subject_of(r, m.first), m.first);
        }
        // "older men Maya has met online may ask her ...": the adult right before the child is the subject
        if (agent && agent->who == Who::Child && agent->first > 0 && r.mention_at[agent->first - 1] >= 0 &&
            is_any_adult(r.people[r.mention_at[agent->first - 1]].who))
            agent = &r.people[r.mention_at[agent->first - 1]];
        // "the shouting and pushing between Ryan and Jade", "shouting from Ryan": a named adult after the deed
        if ((!agent || !is_any_adult(agent->who)) && ends_ing(r.word(m.last)))
            for (int j = m.last + 1; j < r.n() && j <= m.last + 6 && r.same_sentence(j, m.last); ++j)
                if ((r.word(j) == "between" || r.word(j) == "from" || r.word(j) == "by") && j + 1 < r.n() &&
                    r.mention_at[j + 1] >= 0) {
                    agent = &r.people[r.mention_at[j + 1]];
                    break;
                }
        if (!passive && (!agent || !is_any_adult(agent->who))) agent = joined_doer(r, m.first);
        if (!passive && (!agent || !is_any_adult(agent->who))) agent = doer_past_objects(r, m.first);
        if (!agent || !is_any_adult(agent->who)) continue;
        Evidence ev;
        ev.add(r, agent->first, agent->last);
        ev.add(r, m.first, m.last);
        return w.make("DS-CAREGIVER-BEHAVIOUR", true, "", ev.spans, ev.words);
    }
    std::vector<Match> blocked = cats;
    blocked.insert(blocked.end(), labels.begin(), labels.end());
    for (auto& m : r.longest("vague-harm")) blocked.push_back(m);
    for (auto& m : r.longest("jargon")) blocked.push_back(m);
    blocked.insert(blocked.end(), general.begin(), general.end());  // "meet Ruby's needs", "prioritise them"
    if (Verdict v; case_behaviour(r, w, labels, &v)) return v;
    if (Deed d; omission(r, general, &d) || too_to(r, general, &d) || acts_on_child(r, blocked, &d)) {
        Evidence ev;
        ev.add(r, d.who->first, d.who->last);
        ev.add(r, d.first, d.last);
        return w.make("DS-CAREGIVER-BEHAVIOUR", true, "", ev.spans, ev.words);
    }
    Evidence ev;
    std::string reason;
    for (auto& m : cats) {
        ev.add(r, m.first, m.last);
        reason = "category";
    }
    if (reason.empty())
        for (auto& m : labels) {
            ev.add(r, m.first, m.last);
            reason = "label";
        }
    return w.make("DS-CAREGIVER-BEHAVIOUR", false, reason, ev.spans, ev.words);
}

}  // namespace sofs::rubric
