// reading/: the people named in a trainee's text (names, roles, pronouns),
// each read as what they are to this case.
#include "rubric/reading/people.hpp"
#include "rubric/case/prepared.hpp"

#include <algorithm>
#include <unordered_set>

namespace sofs::rubric {

namespace {

Who who_from_section(const std::string& s, char* gender, bool* pronoun) {
    *pronoun = false;
    auto dash = s.rfind('-');
    std::string kind = dash == std::string::npos ? s : s.substr(0, dash);
    std::string g = dash == std::string::npos ? "" : s.substr(dash + 1);
    *gender = g == "f" ? 'f' : g == "m" ? 'm' : g == "p" ? 'p' : '?';
    if (kind == "child") return Who::Child;
    if (kind == "caregiver") return Who::Caregiver;
    if (kind == "family") return Who::Family;
    if (kind == "other") return Who::OtherAdult;
    if (kind == "professional") return Who::Professional;
    if (kind == "speaker") return Who::Speaker;
    if (kind == "everyone") return Who::Everyone;
    if (kind == "nobody") return Who::Nobody;
    if (kind == "pronoun") {
        *pronoun = true;
        return Who::Unknown;
    }
    return Who::Unknown;
}

// The case's only child whose age is the number a "NUM year old" or "NUM months
// old" mention starts with, or null.
const Person* child_aged(const Text& t, const Match& m, const PreparedCase& c) {
    if (!c.scenario) return nullptr;
    const std::string& num = t.tokens[m.first].lower;
    if (num.empty() || num.size() > 2 || !std::all_of(num.begin(), num.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        return nullptr;
    int n = std::stoi(num);
    bool months = m.first + 1 < (int)t.tokens.size() && t.tokens[m.first + 1].lower.rfind("month", 0) == 0;
    // the case's children first (a friend of the same age is not whom the case is about)
    for (bool by_role : {true, false}) {
        const Person* only = nullptr;
        int fits = 0;
        for (const auto& p : c.scenario->people) {
            if (by_role && p.role != PersonRole::Child) continue;
            if (months ? (p.age_months && *p.age_months == n) : (p.age && *p.age == n && *p.age < 18)) only = &p, ++fits;
        }
        if (fits == 1) return only;
        if (fits > 1) return nullptr;
    }
    return nullptr;
}

}  // namespace

std::vector<Mention> find_people(const Text& t, const PreparedCase& c) {
    std::vector<Mention> out;
    for (auto& m : find_longest(t, c.people)) {
        const Phrase& p = c.people.phrases[m.phrase];
        Mention x;
        x.first = m.first;
        x.last = m.last;
        x.who = who_from_section(p.section, &x.gender, &x.pronoun);
        x.person = p.note;
        // A name that is also a little word ("May" for Maya, "Will"): a name only when
        // written with a capital and not straight after someone ("Jay may threaten";
        // clause-words.txt [name-little])
        if (!p.note.empty() && m.first == m.last) {
            const Token& tk = t.tokens[m.first];
            if (c.name_little.count(tk.lower) &&
                (!tk.capital || (!out.empty() && out.back().last == m.first - 1) || (m.first > 0 && t.tokens[m.first - 1].lower == "i")))
                continue;
        }
        // "children", "a child": this family's only with a determiner or a name before
        if (x.who == Who::Child && p.note.empty()) {
            bool identified = false;
            if (m.first > 0) {
                const Token& prev = t.tokens[m.first - 1];
                if (prev.sentence == t.tokens[m.first].sentence) {
                    if (c.child_determiner.count(prev.lower)) identified = true;
                    if (!out.empty() && out.back().last == m.first - 1) identified = true;
                }
            }
            // "baby hungry", "Baby found on the sofa": a bare singular in notes is this family's baby
            // (clause-words.txt [bare-child])
            // (also after a comma, a clause of notes of its own: "push Jade again, baby could get dropped")
            bool comma = m.first > 0 && t.tokens[m.first].begin > t.tokens[m.first - 1].end &&
                         t.raw.substr(t.tokens[m.first - 1].end, t.tokens[m.first].begin - t.tokens[m.first - 1].end)
                                 .find(',') != std::string_view::npos;
            if (!identified && m.first == m.last && c.bare_child.count(t.tokens[m.first].lower) &&
                (m.first == 0 || t.tokens[m.first - 1].sentence != t.tokens[m.first].sentence ||
                 !c.be.count(t.tokens[m.first - 1].lower)) &&
                (m.first == 0 || t.tokens[m.first - 1].sentence != t.tokens[m.first].sentence || comma ||
                 t.tokens[m.first - 1].lower == "and" || t.tokens[m.first - 1].lower == "for" ||
                 t.tokens[m.first - 1].lower == "with" || t.tokens[m.first - 1].lower == "so"))
                identified = true;
            if (!identified) x.who = Who::ChildGeneral;
            // "Mia, who is a baby": a description of someone already named
            if (!identified && m.first >= 2 && (t.tokens[m.first - 1].lower == "a" || t.tokens[m.first - 1].lower == "an") &&
                c.be.count(t.tokens[m.first - 2].lower))
                continue;
            // "Mia, who is seven months old": an age, not another child; but "leaves a 14 year
            // old in charge": the case's only child of that age (sixth round)
            if (!identified && !p.words.empty() && p.words[0] == kNumber) {
                const Person* aged = m.first > 0 && !c.be.count(t.tokens[m.first - 1].lower) ? child_aged(t, m, c) : nullptr;
                if (!aged) continue;
                x.who = Who::Child;
                x.person = aged->id;
                x.gender = gender_letter(aged->gender);
            }
        }
        out.push_back(std::move(x));
    }
    // Possessive pronouns before a mention ("her son", "his children") name no one themselves.
    std::vector<Mention> kept;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i].pronoun && i + 1 < out.size() && out[i + 1].first == out[i].last + 1) continue;
        kept.push_back(out[i]);
    }
    // A mention in object position ("looking after Kai"): the word before it
    // is neither a joining word (clause-words.txt [object-joins]) nor the start of the sentence.
    auto object_position = [&](std::size_t j) {
        const auto& joins = c.object_joins;
        int at = kept[j].first;
        for (;;) {
            if (at == 0 || !(t.tokens[at - 1].sentence == t.tokens[at].sentence)) return false;
            const std::string& prev = t.tokens[at - 1].lower;
            if (prev == "and" && j > 0 && kept[j - 1].last == at - 2) {  // "Kai and Mia": ask of Kai
                --j;
                at = kept[j].first;
                continue;
            }
            return joins.count(prev) == 0;
        }
    };
    // Resolve pronouns to the nearest earlier mention that fits; a subject
    // pronoun ("he will ...") prefers a subject to an object.
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (!kept[i].pronoun) continue;
        char g = kept[i].gender;
        const std::string& pw = t.tokens[kept[i].first].lower;
        bool subject_pronoun = pw == "he" || pw == "she" || pw == "they";
        std::size_t fallback = kept.size();
        for (std::size_t j = i; j-- > 0;) {
            const Mention& e = kept[j];
            if (e.pronoun && e.who == Who::Unknown) continue;
            bool fits = g == 'p' ? (e.gender == 'p')
                                 : (e.gender == g || (e.gender == '?' && e.who != Who::ChildGeneral &&
                                                      e.who != Who::Professional && e.who != Who::Everyone &&
                                                      e.who != Who::Nobody && e.who != Who::Speaker));
            // two people joined by "and" are "they"
            // ("Mali or Elis ... they": either of them, so both)
            if (g == 'p' && !fits && j > 0 && e.first >= 2 && kept[j - 1].last == e.first - 2 &&
                (t.tokens[e.first - 1].lower == "and" || t.tokens[e.first - 1].lower == "or"))
                fits = true;
            // "when Iwan is in the shed and Mererid is at work, they ...": two adults of the
            // family named apart in the pronoun's sentence are "they" before the worriers
            // (not past the children a "they" in object place may mean: "in front of the children")
            if (g == 'p' && !fits && pw == "they" && fallback == kept.size() && is_any_adult(e.who) && e.who != Who::Professional &&
                !e.pronoun && t.tokens[e.first].sentence == t.tokens[kept[i].first].sentence)
                for (std::size_t k = j; k-- > 0 && !fits;)
                    fits = kept[k].who == e.who && !kept[k].pronoun && !kept[k].person.empty() &&
                           kept[k].person != e.person && t.tokens[kept[k].first].sentence == t.tokens[e.first].sentence;
            if (!fits) continue;
            // "Nadia and I are worried ... for Lily. She could get cold": the child named
            // since is meant, not the professional who holds the worry
            if (e.who == Who::Professional && fallback != kept.size()) break;
            if (subject_pronoun && object_position(j) && !is_any_adult(e.who)) {
                if (fallback == kept.size()) fallback = j;
                continue;
            }
            fallback = kept.size();
            kept[i].who = e.who;
            kept[i].person = e.person;
            break;
        }
        if (fallback != kept.size()) {
            kept[i].who = kept[fallback].who;
            kept[i].person = kept[fallback].person;
        }
    }
    return kept;
}


}  // namespace sofs::rubric
