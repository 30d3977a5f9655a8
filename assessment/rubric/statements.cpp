// Judging danger statements and safety goals on every criterion of their
// kind (content/guidance/criteria.yaml). Concept matching on stems against the lexicons in
// content/, with the case's own people and dangers worked out once per
// scenario. Each criterion judges one thing only.
#include "words.hpp"

#include <algorithm>
#include <set>

namespace sofs {

using namespace rubric;

const std::vector<std::string>& danger_statement_criteria() {
    static const std::vector<std::string> ids = {"DS-WHO",   "DS-CAREGIVER-BEHAVIOUR", "DS-CHILD-IMPACT",
                                                 "DS-FUTURE", "DS-PLAIN",               "DS-NON-BLAMING"};
    return ids;
}

const std::vector<std::string>& safety_goal_criteria() {
    static const std::vector<std::string> ids = {"SG-CAREGIVER-ACTION", "SG-ADDRESSES-DANGER", "SG-OBSERVABLE",
                                                 "SG-OVER-TIME",        "SG-NOT-SERVICE",      "SG-PLAIN"};
    return ids;
}

namespace {

std::string first_name(const std::string& full) {
    auto sp = full.find(' ');
    return sp == std::string::npos ? full : full.substr(0, sp);
}

std::string lower(std::string s) {
    for (auto& c : s) c = (char)std::tolower((unsigned char)c);
    return s;
}

std::unordered_set<std::string> single_words(const Lexicon& lex, const std::string& section) {
    std::unordered_set<std::string> out;
    for (auto& p : lex.phrases)
        if (p.section == section && p.words.size() == 1) out.insert(lower(p.text));
    return out;
}

void add_name(Lexicon& lex, WordTable& words, const std::string& text, const std::string& section,
              const std::string& person) {
    auto ws = phrase_words(text);
    if (ws.empty()) return;
    Phrase p;
    p.text = text;
    p.section = section;
    p.note = person;
    for (auto& w : ws) p.words.push_back(words.intern(w));
    lex.phrases.push_back(std::move(p));
}

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

// What identifies a scenario's content for the cache (scenarios built in
// code may have no content hash).
std::string fingerprint(const Scenario& s) {
    std::string f = s.id + "|" + s.content_hash + "|" + std::to_string(s.people.size());
    for (const auto& p : s.people) f += "|" + p.name;
    for (const auto& d : s.expert.danger_statements) f += "|" + std::to_string(d.size());
    return f;
}

}  // namespace

std::shared_ptr<const PreparedCase> prepare_case(const Scenario& s, const Guidance& g) {
    const auto& d = *g.data;
    {
        std::lock_guard lock(d.case_mu);
        auto it = d.cases.find(&s);
        if (it != d.cases.end() && it->second.first == fingerprint(s)) return it->second.second;
    }
    auto c = std::make_shared<PreparedCase>();
    c->scenario = &s;
    c->content_hash = s.content_hash;
    c->people = d.lex("people-words");
    // Role words are matched as written: stems would make "manage" a manager.
    for (auto& p : c->people.phrases) {
        p.exact = true;
        p.forms = phrase_words(p.text);
    }
    for (const auto& p : s.people) {
        std::string section;
        bool child = p.role == PersonRole::Child || (p.age && *p.age < 16) || (!p.age && p.age_months);
        if (child) section = "child";
        else if (p.role == PersonRole::Caregiver) section = "caregiver";
        else if (p.role == PersonRole::Family) section = "family";
        // a neighbour the experts count in the safety network cares like family; a stranger does not
        else if (p.role == PersonRole::Other)
            section = std::find(s.expert.network.begin(), s.expert.network.end(), p.id) != s.expert.network.end() ? "family" : "other";
        else section = "professional";
        char gender = p.gender == "female" ? 'f' : p.gender == "male" ? 'm' : '?';
        if (gender != '?') section += std::string("-") + gender;
        add_name(c->people, d.words, p.name, section, p.id);
        if (first_name(p.name) != p.name) add_name(c->people, d.words, first_name(p.name), section, p.id);
        for (const auto& a : p.aliases) add_name(c->people, d.words, a, section, p.id);
    }
    // "Mr Doyle", "Ms Carter": a caregiver before other family with the same surname.
    std::set<std::string> titled;
    for (PersonRole role : {PersonRole::Caregiver, PersonRole::Family})
        for (const auto& p : s.people) {
            if (p.role != role) continue;
            auto sp = p.name.rfind(' ');
            if (sp == std::string::npos) continue;
            std::string surname = p.name.substr(sp + 1);
            std::vector<std::string> titles;
            if (p.gender != "female") titles.push_back("Mr");
            if (p.gender != "male") titles.insert(titles.end(), {"Mrs", "Ms", "Miss"});
            std::string section = role == PersonRole::Caregiver ? "caregiver" : "family";
            if (p.gender == "female") section += "-f";
            if (p.gender == "male") section += "-m";
            for (auto& t : titles) {
                std::string phrase = t + " " + surname;
                if (titled.insert(lower(phrase)).second) add_name(c->people, d.words, phrase, section, p.id);
            }
        }
    c->people.index();

    const auto& gr = d.lex("grammar");
    c->be = single_words(gr, "be");
    c->negation = single_words(gr, "negation");
    c->skip = single_words(gr, "skip");
    c->auxiliary = single_words(gr, "auxiliary");
    c->be_or_auxiliary = c->be;
    c->be_or_auxiliary.insert(c->auxiliary.begin(), c->auxiliary.end());
    c->conjunction = single_words(gr, "conjunction");
    c->child_determiner = single_words(gr, "child-determiner");

    // The themes of the case's dangers, from the expert key.
    std::vector<std::string> sources = s.expert.danger_statements;
    if (sources.empty()) sources.push_back(s.expert.past_harm);
    // the facts the experts say a verdict on this criterion may rest on
    std::vector<std::string> theme_sources = sources;
    if (auto ev = s.expert.evidence.find("SG-ADDRESSES-DANGER"); ev != s.expert.evidence.end())
        for (const auto& id : ev->second)
            if (const Fact* f = s.fact(id); f && f->kind != FactKind::Strength && f->kind != FactKind::Distractor)
                theme_sources.push_back(f->text);
    std::set<std::string> themes;
    const auto& th = d.lex("danger-themes");
    for (const auto& src : theme_sources) {
        auto t = tokenise(src, d.words);
        for (auto& m : find_all(t, th)) themes.insert(th.phrases[m.phrase].section);
    }
    c->danger_themes.assign(themes.begin(), themes.end());

    // Names for worked examples: the caregiver the expert statement names first.
    std::vector<const Person*> carers, kids;
    for (const auto& p : s.people) {
        if (p.role == PersonRole::Caregiver) carers.push_back(&p);
        if (p.role == PersonRole::Child) kids.push_back(&p);
    }
    std::string key = sources.empty() ? "" : lower(sources.front());
    std::stable_sort(carers.begin(), carers.end(), [&](const Person* a, const Person* b) {
        auto pa = key.find(lower(first_name(a->name))), pb = key.find(lower(first_name(b->name)));
        return pa < pb;
    });
    c->adult = carers.empty() ? "the adult" : first_name(carers[0]->name);
    c->partner = carers.size() > 1 ? first_name(carers[1]->name) : "the other parent";
    c->child = kids.empty() ? "the child" : first_name(kids[0]->name);
    const Person* youngest = nullptr;
    auto months = [](const Person* p) { return p->age_months ? *p->age_months : p->age ? *p->age * 12 : 999; };
    for (auto* k : kids)
        if (!youngest || months(k) < months(youngest)) youngest = k;
    c->baby = youngest ? first_name(youngest->name) : c->child;
    if (kids.size() >= 2) {
        c->children.clear();
        for (std::size_t i = 0; i < kids.size(); ++i)
            c->children += (i ? (i + 1 == kids.size() ? " and " : ", ") : "") + first_name(kids[i]->name);
    } else {
        c->children = c->child;
    }
    for (std::size_t i = 0; i < carers.size(); ++i)
        c->caregivers += (i ? (i + 1 == carers.size() ? " and " : ", ") : "") + first_name(carers[i]->name);
    if (c->caregivers.empty()) c->caregivers = "the parents";
    // Worked examples from the experts' own words, so a rewrite always fits the case.
    auto sentences = [](const std::string& text) {
        std::vector<std::string> out;
        std::size_t start = 0;
        for (std::size_t i = 0; i < text.size(); ++i)
            if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && (i + 1 == text.size() || text[i + 1] == ' ')) {
                std::size_t a = text.find_first_not_of(' ', start);
                if (a != std::string::npos && a <= i) out.push_back(text.substr(a, i - a));  // without the full stop
                start = i + 1;
            }
        if (start < text.size() && text.find_first_not_of(' ', start) != std::string::npos)
            out.push_back(text.substr(text.find_first_not_of(' ', start)));
        return out;
    };
    // A long example is cut at its first natural break (", as", ", which", ", and"),
    // keeping at least eight words and never cutting inside "Jay, and men he knows,".
    auto shorten = [](std::string x) {
        auto words_in = [](const std::string& t) {
            std::size_t n = 0;
            bool in = false;
            for (char ch : t) {
                bool sp = ch == ' ';
                if (!sp && !in) ++n;
                in = !sp;
            }
            return n;
        };
        if (words_in(x) <= 25) return x;
        std::size_t best = std::string::npos;
        for (const char* cut : {", as ", ", which ", ", and "}) {
            for (std::size_t at = x.find(cut); at != std::string::npos; at = x.find(cut, at + 1)) {
                if (words_in(x.substr(0, at)) < 8) continue;
                std::size_t next_comma = x.find(',', at + 2);
                if (std::string(cut) == ", and " && next_comma != std::string::npos &&
                    words_in(x.substr(at + 2, next_comma - at - 2)) <= 5)
                    continue;
                best = std::min(best, at);
                break;
            }
        }
        return best == std::string::npos ? x : x.substr(0, best);
    };
    if (!s.expert.danger_statements.empty()) {
        auto ss = sentences(s.expert.danger_statements.front());
        for (auto& x : ss) x = shorten(x);
        if (!ss.empty()) c->danger_example = ss.front();
        for (auto& x : ss)
            if (lower(x).rfind("if nothing changes", 0) == 0) c->impact_example = x;
        if (c->impact_example.empty()) c->impact_example = ss.size() > 1 ? ss[1] : c->danger_example;
    }
    if (!s.expert.safety_goals.empty()) {
        auto ss = sentences(s.expert.safety_goals.front());
        for (auto& x : ss) x = shorten(x);
        if (!ss.empty()) c->goal_example = ss.front();
        c->goal_action_example = ss.size() > 1 ? ss[1] : c->goal_example;
        c->goal_seen_example = ss.empty() ? "" : ss.back();
    }

    std::lock_guard lock(d.case_mu);
    d.cases[&s] = {fingerprint(s), c};
    return c;
}

namespace rubric {

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
        // written with a capital and not straight after someone ("Jay may threaten")
        if (!p.note.empty() && m.first == m.last) {
            static const std::unordered_set<std::string> little = {"may", "will", "can", "might", "must", "should", "would",
                                                                   "could", "did", "does", "am", "is", "are", "was"};
            const Token& tk = t.tokens[m.first];
            if (little.count(tk.lower) &&
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
            if (!identified) x.who = Who::ChildGeneral;
            // "Mia, who is a baby": a description of someone already named
            if (!identified && m.first >= 2 && (t.tokens[m.first - 1].lower == "a" || t.tokens[m.first - 1].lower == "an") &&
                c.be.count(t.tokens[m.first - 2].lower))
                continue;
            // "Mia, who is seven months old": an age, not another child
            if (!identified && !p.words.empty() && p.words[0] == kNumber) continue;
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
    // is neither a joining word nor the start of the sentence.
    auto object_position = [&](std::size_t j) {
        static const std::unordered_set<std::string> joins = {
            "and", "or", "that", "when", "if", "while", "because", "so", "but", "then", "as", "until", "unless", "where", "whenever"};
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
            if (g == 'p' && !fits && j > 0 && e.first >= 2 && kept[j - 1].last == e.first - 2 &&
                t.tokens[e.first - 1].lower == "and")
                fits = true;
            if (!fits) continue;
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

}  // namespace rubric

namespace {

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
    Span span(int first, int last) const { return Span{t.tokens[first].begin, t.tokens[last].end}; }
    std::string quote(int first, int last) const {
        return std::string(t.raw.substr(t.tokens[first].begin, t.tokens[last].end - t.tokens[first].begin));
    }
};

bool overlaps(const Match& a, const std::vector<Match>& others) {
    for (auto& o : others)
        if (a.first <= o.last && o.first <= a.last) return true;
    return false;
}

// The wording of a verdict, from content/guidance/criteria.yaml with the
// case's own names filled in.
struct Wording {
    const Guidance::Data& d;
    const PreparedCase& c;

    std::string fill(const std::string& s, const std::string& words, const std::string& plain = "") const {
        return rubric::fill_wording(s, c, words, plain);
    }

    // `reason` picks "ID#reason" texts when the criteria file has them.
    Verdict make(const std::string& id, bool met, const std::string& reason, std::vector<Span> spans,
                 const std::string& words, const std::string& plain = "") const {
        Verdict v;
        v.criterion = id;
        v.met = met;
        v.evidence = std::move(spans);
        v.evidence_words = words;
        const CriterionText& tx = d.text(reason.empty() ? id : id + "#" + reason);
        v.explanation = fill(met ? tx.met : tx.not_met, words, plain);
        v.guidance = tx.guidance + (tx.source.empty() ? "" : " (" + tx.source + ")");
        v.improve = met ? "" : fill(tx.improve, words, plain);
        return v;
    }
};

// Collects evidence: spans and quoted words.
struct Evidence {
    std::vector<Span> spans;
    std::vector<std::string> quotes;
    std::string words;  // "'DV', 'substance misuse' and 'significant harm'"
    void add(const Reading& r, int first, int last) {
        spans.push_back(r.span(first, last));
        std::string q = "'" + r.quote(first, last) + "'";
        if (std::find(quotes.begin(), quotes.end(), q) != quotes.end()) return;
        quotes.push_back(q);
        words.clear();
        for (std::size_t i = 0; i < quotes.size(); ++i)
            words += (i == 0 ? "" : i + 1 == quotes.size() ? " and " : ", ") + quotes[i];
    }
};

// ------------------------------------------------------------------ shared judgements

struct PlainResult {
    bool met = true;
    std::string reason;  // "jargon", "acronym", "long"
    Evidence ev;
    std::string plain;   // the first jargon term's plain alternative
};

PlainResult judge_plain(const Reading& r) {
    PlainResult out;
    for (auto& m : r.longest("jargon")) {
        const Phrase& p = r.phrase("jargon", m);
        out.ev.add(r, m.first, m.last);
        if (out.met) {
            out.plain = p.note;
            out.reason = "jargon";
        }
        out.met = false;
    }
    if (!r.t.shouting) {
        const auto& allowed = r.d.lex("allowed-acronyms");
        std::unordered_set<int> ok;
        for (auto& p : allowed.phrases)
            if (p.words.size() == 1) ok.insert(p.words[0]);
        for (int k = 0; k < r.n(); ++k) {
            const Token& tk = r.t.tokens[k];
            if (!tk.acronym || r.mention_at[k] >= 0) continue;
            if (tk.word != kUnknownWord && ok.count(tk.word)) continue;
            if (tk.lower == "i") continue;
            bool already = false;
            for (auto& s : out.ev.spans)
                if (s.begin <= tk.begin && tk.end <= s.end) already = true;
            if (already) continue;
            out.ev.add(r, k, k);
            if (out.met) out.reason = "acronym";
            out.met = false;
        }
    }
    for (int first = 0; first < r.n();) {
        int last = first;
        while (last + 1 < r.n() && r.same_sentence(last + 1, first)) ++last;
        int words = r.t.sentence_words[r.t.tokens[first].sentence];
        if (words > 40) {
            if (out.met) out.reason = "long";
            out.met = false;
            out.ev.spans.push_back(r.span(first, last));
            if (out.ev.words.empty()) out.ev.words = "a sentence of " + std::to_string(words) + " words";
            else out.ev.words += ", and a sentence of " + std::to_string(words) + " words";
        }
        first = last + 1;
    }
    return out;
}

// ------------------------------------------------------------------ danger statements

Verdict ds_who(const Reading& r, const Wording& w) {
    for (auto& m : r.all("worry-words")) {
        // "we are (all) worried", "the school's worry", "Linda worries"
        int k = r.back_over(m.first, r.c.be_or_auxiliary);
        const Mention* holder = nullptr;
        if (k >= 0 && r.mention_at[k] >= 0) holder = &r.people[r.mention_at[k]];
        // "Were worried that..." at the start of a sentence is "We're" without its apostrophe
        if (!holder && k < 0 && m.first > 0 && r.word(m.first - 1) == "were" &&
            (m.first == 1 || !r.same_sentence(m.first - 2, m.first - 1))) {
            Evidence ev;
            ev.add(r, m.first - 1, m.last);
            return w.make("DS-WHO", true, "", ev.spans, ev.words);
        }
        // "worries raised by the nursery", "concerns from the police"
        if (!holder)
            for (int j = m.last + 1; j < r.n() && j <= m.last + 3 && r.same_sentence(j, m.last); ++j)
                if ((r.word(j) == "by" || r.word(j) == "from" || r.word(j) == "for" || r.word(j) == "of" ||
                     r.word(j) == "among" || r.word(j) == "to") &&
                    j + 1 < r.n() && (r.mention_at[j + 1] >= 0 || (j + 2 < r.n() && r.word(j + 1) == "the" && r.mention_at[j + 2] >= 0))) {
                    const Mention* head = &r.people[r.mention_at[j + 1] >= 0 ? r.mention_at[j + 1] : r.mention_at[j + 2]];
                    // "the children's social worker": the possessive names whose, the next mention who
                    while (head->last + 1 < r.n() && r.same_sentence(head->last + 1, j) && r.mention_at[head->last + 1] >= 0)
                        head = &r.people[r.mention_at[head->last + 1]];
                    const Mention& e = *head;
                    // "worries raised by the nursery", "the worry for social workers"; not "concern for Kai"
                    bool by_from = r.word(j) == "by" || r.word(j) == "from";
                    if (by_from || e.who == Who::Speaker || e.who == Who::Professional || e.who == Who::Everyone)
                        holder = &e;
                    break;
                }
        // "What worries us is ...", "what concerns the nursery"
        if (!holder && m.last + 1 < r.n() && r.same_sentence(m.last, m.last + 1) && r.mention_at[m.last + 1] >= 0) {
            const Mention& after = r.people[r.mention_at[m.last + 1]];
            if (after.who == Who::Speaker || after.who == Who::Professional || after.who == Who::Everyone)
                holder = &after;
        }
        // "Everybody at the network meeting is worried", "Social workers in the team are concerned"
        if (!holder && k >= 0)
            for (int j = k - 1; j >= 0 && j >= k - 5 && r.same_sentence(j, k); --j) {
                if (r.word(j) == "that" || r.word(j) == "if" || r.word(j) == "when") break;
                if (r.mention_at[j] < 0) continue;
                const Mention& e = r.people[r.mention_at[j]];
                if (e.who == Who::Speaker || e.who == Who::Professional || e.who == Who::Everyone) holder = &e;
                break;
            }
        if (!holder) continue;
        if (holder->who == Who::Nobody || holder->who == Who::ChildGeneral) continue;
        // "Kai was scared" is what happened to a child, not someone holding a worry
        if (holder->who == Who::Child && r.phrase("worry-words", m).section == "fear") continue;
        if (holder->first > 0 && r.is(holder->first - 1, r.c.negation)) continue;
        bool negated = false;
        for (int j = holder->last + 1; j < m.first; ++j)
            if (r.is(j, r.c.negation)) negated = true;
        if (negated) continue;
        Evidence ev;
        ev.add(r, std::min(holder->first, m.first), std::max(holder->last, m.last));
        return w.make("DS-WHO", true, "", ev.spans, ev.words);
    }
    return w.make("DS-WHO", false, "", {}, "");
}

// The subject of a verb at `tok`: the nearest mention before it in the sentence.
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

// "fully", "gradually": an adverb between "will" and its verb.
bool adverb(const std::string& w) {
    static const std::unordered_set<std::string> verbs = {"apply", "supply", "reply", "rely", "comply", "multiply", "bully"};
    return w.size() >= 5 && w.compare(w.size() - 2, 2, "ly") == 0 && !verbs.count(w);
}

bool past_participle_like(const std::string& w) {
    return w.size() > 2 && (w.compare(w.size() - 2, 2, "ed") == 0 || w == "hit" || w == "hurt" || w == "left" ||
                            w == "thrown" || w == "kicked" || w == "shaken" || w == "beaten" || w == "struck");
}

Verdict ds_behaviour(const Reading& r, const Wording& w) {
    auto cats = r.longest("categories");
    auto labels = r.longest("labels");
    for (auto& m : r.longest("behaviours")) {
        if (overlaps(m, cats) || overlaps(m, labels)) continue;
        const Phrase& p = r.phrase("behaviours", m);
        if (r.negated_before(m.first, 2) && r.word(m.first) != "not") continue;
        const Mention* agent = nullptr;
        int prev = r.back_over(m.first, {});
        bool passive = p.section != "state" && prev >= 0 && r.is(prev, r.c.be) &&
                       past_participle_like(r.word(m.first));
        if (passive) {
            for (int j = m.last + 1; j < r.n() && j <= m.last + 4 && r.same_sentence(j, m.last); ++j)
                if (r.word(j) == "by" && j + 1 < r.n() && r.mention_at[j + 1] >= 0) {
                    agent = &r.people[r.mention_at[j + 1]];
                    break;
                }
        } else {
            agent = subject_of(r, m.first);
        }
        // "older men Maya has met online may ask her ...": the adult right before the child is the subject
        if (agent && agent->who == Who::Child && agent->first > 0 && r.mention_at[agent->first - 1] >= 0 &&
            is_any_adult(r.people[r.mention_at[agent->first - 1]].who))
            agent = &r.people[r.mention_at[agent->first - 1]];
        // "the shouting and pushing between Ryan and Jade", "shouting from Ryan": a named adult after the deed
        if ((!agent || !is_any_adult(agent->who)) && r.word(m.last).size() > 4 &&
            r.word(m.last).compare(r.word(m.last).size() - 3, 3, "ing") == 0)
            for (int j = m.last + 1; j < r.n() && j <= m.last + 6 && r.same_sentence(j, m.last); ++j)
                if ((r.word(j) == "between" || r.word(j) == "from" || r.word(j) == "by") && j + 1 < r.n() &&
                    r.mention_at[j + 1] >= 0) {
                    agent = &r.people[r.mention_at[j + 1]];
                    break;
                }
        if (!agent || !is_any_adult(agent->who)) continue;
        Evidence ev;
        ev.add(r, agent->first, agent->last);
        ev.add(r, m.first, m.last);
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

// The subject of a verb joined by "and"/"or" to an earlier verb of the same
// clause ("Kai might try to protect his mum and get hurt"): the nearest
// person before it who is followed by a modal or auxiliary ("Kai might").
// Null when the verb is not coordinated.
const Mention* coordinated_subject(const Reading& r, int tok) {
    static const std::unordered_set<std::string> between = {"get", "gets", "got", "getting", "be", "end", "up", "then", "also", "even"};
    static const std::unordered_set<std::string> modals = {"may", "might", "could", "will", "would", "can", "should", "must", "is", "are", "was", "were", "has", "have", "had", "keeps", "keep"};
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

Verdict ds_child_impact(const Reading& r, const Wording& w) {
    bool general_child = false;
    for (auto& m : r.longest("impacts")) {
        const Phrase& p = r.phrase("impacts", m);
        if (r.word(m.first) != "not" && r.negated_before(m.first, 2)) continue;
        const Mention* target = nullptr;
        int prev = r.back_over(m.first, {});
        bool state = prev >= 0 && r.is(prev, r.c.be);
        if (p.section == "witness" || p.section == "development" || state) {
            target = r.subject_before(m.first);
        } else {
            target = r.after(m.last, 4);
            if (!target || !(target->who == Who::Child || target->who == Who::ChildGeneral)) {
                const Mention* left = r.before(m.first);
                if (!target || (left && (left->who == Who::Child || left->who == Who::ChildGeneral))) target = left;
            }
        }
        // "Kai might try to protect his mum and get hurt": a second verb shares
        // the first verb's subject, the first person named in the clause
        if ((!target || target->who != Who::Child) && p.section != "witness")
            if (const Mention* s = coordinated_subject(r, m.first)) target = s;
        // "Kai, who could be left terrified": the person the relative clause is about
        if (!target || target->who != Who::Child)
            for (int k = m.first - 1; k >= 1 && k >= m.first - 6 && r.same_sentence(k, m.first); --k)
                if (r.word(k) == "who") {
                    if (r.mention_at[k - 1] >= 0 && r.people[r.mention_at[k - 1]].who == Who::Child) target = &r.people[r.mention_at[k - 1]];
                    break;
                }
        if (!target) continue;
        if (target->who == Who::ChildGeneral) general_child = true;
        if (target->who != Who::Child) continue;
        Evidence ev;
        ev.add(r, target->first, target->last);
        ev.add(r, m.first, m.last);
        return w.make("DS-CHILD-IMPACT", true, "", ev.spans, ev.words);
    }
    Evidence ev;
    std::string reason;
    for (auto& m : r.longest("vague-harm")) {
        ev.add(r, m.first, m.last);
        reason = "vague";
    }
    if (reason.empty()) {
        bool any_child = false;
        for (auto& p : r.people)
            if (p.who == Who::Child) any_child = true;
        if (general_child || !any_child) reason = any_child ? "" : "no-child";
        if (general_child && !any_child) reason = "general";
    }
    return w.make("DS-CHILD-IMPACT", false, reason, ev.spans, ev.words);
}

Verdict ds_future(const Reading& r, const Wording& w) {
    auto hyp = r.all("hypotheses");
    for (auto& m : r.longest("future")) {
        // "may have pushed" looks back, not forward; "May" mid-sentence is the month
        if (m.last + 1 < r.n() && r.word(m.last + 1) == "have" && r.same_sentence(m.first, m.last + 1)) {
            bool will_have = r.word(m.first) == "will";
            // "may have pushed" looks back; "may have nightmares" looks forward
            bool participle = m.last + 2 < r.n() && past_participle(r.word(m.last + 2));
            if (!will_have && participle) continue;
        }
        const Token& tk = r.t.tokens[m.first];
        if (tk.lower == "may" && tk.capital && m.first > 0 && r.same_sentence(m.first - 1, m.first)) continue;
        Evidence ev;
        ev.add(r, m.first, m.last);
        return w.make("DS-FUTURE", true, "", ev.spans, ev.words);
    }
    Evidence ev;
    for (auto& m : hyp) ev.add(r, m.first, m.last);
    return w.make("DS-FUTURE", false, "", ev.spans, ev.words);
}

Verdict plain_verdict(const Reading& r, const Wording& w, const char* id) {
    auto p = judge_plain(r);
    if (p.met) return w.make(id, true, "", {}, "");
    std::string plain = w.fill(p.plain, "");
    return w.make(id, false, p.reason, p.ev.spans, p.ev.words, plain);
}

Verdict ds_non_blaming(const Reading& r, const Wording& w) {
    Evidence ev;
    for (auto& m : r.longest("labels")) {
        if (r.negated_before(m.first, 3)) continue;
        // "could be violent towards Jade" describes what someone might do, not who they are
        if (m.last + 1 < r.n() && (r.word(m.last + 1) == "towards" || r.word(m.last + 1) == "toward")) continue;
        ev.add(r, m.first, m.last);
    }
    if (ev.spans.empty()) return w.make("DS-NON-BLAMING", true, "", {}, "");
    return w.make("DS-NON-BLAMING", false, "", ev.spans, ev.words);
}

// ------------------------------------------------------------------ safety goals

// What one "X will ..." clause of a goal asks for.
struct Clause {
    const Mention* subject = nullptr;
    int modal_first = 0, verb = -1;  // token of the first verb after the modal
    int end = 0;                     // last token of the sentence
    enum Kind { Positive, Prohibition, Service, NonAction, Watch, None } kind = None;
    bool concrete = false;           // a concrete, observable action
};

bool starts_at(const std::vector<Match>& ms, int tok, const Match** out = nullptr) {
    for (auto& m : ms)
        if (m.first == tok) {
            if (out) *out = &m;
            return true;
        }
    return false;
}

struct GoalReading {
    const Reading& r;
    std::vector<Clause> clauses;
    std::vector<Match> modals, services, prohibitions, nonactions, positives, safe, behaviours, themes, observe, times;

    explicit GoalReading(const Reading& rd) : r(rd) {
        services = r.longest("services");
        prohibitions = r.all("prohibitions");
        nonactions = r.all("non-actions");
        positives = r.longest("positive-actions");
        safe = r.all("safe-states");
        behaviours = r.longest("behaviours");
        themes = r.all("danger-themes");
        observe = r.longest("observability");
        times = r.all("time-frames");
        modals = r.longest("goal-modals");
        for (auto& m : modals) read_clause(m);
    }

    // "Linda will check", "the nursery will see": watching, not caring.
    bool watching(int v) const {
        const Match* m = nullptr;
        return starts_at(observe, v, &m) && r.phrase("observability", *m).section == "watch";
    }

    // "go to AA", "keep every appointment": a plain verb carrying a service.
    bool carries_service(int v) const {
        static const char* const kCarriers[] = {"go", "goes", "get", "keep", "see", "talk", "speak", "meet", "start",
                                                "begin", "join", "use", "finish", "take", "do", "make", "book"};
        for (const char* c : kCarriers)
            if (r.word(v) == c) return true;
        return false;
    }
    bool service_within(int from, int to) const {
        for (auto& m : services)
            if (m.first >= from && m.first <= to && m.first < r.n() && r.same_sentence(m.first, from - 1)) return true;
        return false;
    }

    Clause::Kind kind_at(int v, bool* concrete, const Mention* subject = nullptr) const {
        const Match* hit = nullptr;
        *concrete = false;
        if (v < 0 || v >= r.n()) return Clause::None;
        if (r.is(v, r.c.negation) || starts_at(prohibitions, v)) return Clause::Prohibition;
        if (starts_at(services, v) || (carries_service(v) && service_within(v + 1, v + 6))) {
            *concrete = true;
            return Clause::Service;
        }
        if (starts_at(nonactions, v)) {
            // "will manage his drinking by staying at Dean's": the means is what will be done
            for (int k = v + 1; k < r.n() && k <= v + 8 && r.same_sentence(k, v); ++k)
                if (r.word(k) == "by" && k + 1 < r.n() && r.same_sentence(k + 1, v) && starts_at(positives, k + 1))
                    return kind_at(k + 1, concrete, subject);
            return Clause::NonAction;
        }
        // "Linda will check", "the nursery will see" watch; "Ryan will only see the children when sober",
        // "Jade will check on them every hour" is care
        if (watching(v) && !(subject && subject->who == Who::Caregiver)) return Clause::Watch;
        // "Jade will check this": watching what another does, not caring for the children
        if (watching(v) && v + 1 < r.n() &&
            (r.word(v + 1) == "this" || r.word(v + 1) == "that" || r.word(v + 1) == "it" || r.word(v + 1) == "these"))
            return Clause::Watch;
        // "will tell the social worker", "will let the school know": keeping professionals informed, not care
        static const std::unordered_set<std::string> informing = {"tell", "inform", "update", "let"};
        if (informing.count(r.word(v)) && v + 1 < r.n() && r.mention_at[v + 1] >= 0 &&
            r.people[r.mention_at[v + 1]].who == Who::Professional)
            return Clause::Watch;
        // "will drink less", "will only drink at weekends": the danger itself, rationed
        // ("will go for a walk" is not "go for" someone: the longer phrase decides)
        const Match* pos = nullptr;
        starts_at(positives, v, &pos);
        for (auto& b : behaviours)
            if (b.first == v && !(pos && pos->last > b.last)) return Clause::Prohibition;
        if (r.is(v, r.c.be) && !starts_at(positives, v)) {
            if (v + 1 < r.n() && (starts_at(safe, v + 1) || (r.is(v + 1, r.c.skip) && starts_at(safe, v + 2)))) {
                *concrete = true;
                return Clause::Positive;
            }
            return Clause::NonAction;
        }
        if (starts_at(positives, v, &hit)) {
            *concrete = r.phrase("positive-actions", *hit).section == "concrete";
            // "make sure ... sober", "keep ... calm": concrete when a safe state follows
            if (!*concrete)
                for (auto& s : safe)
                    if (s.first > v && s.first <= v + 8 && r.same_sentence(s.first, v)) *concrete = true;
            return Clause::Positive;
        }
        if (r.mention_at[v] >= 0) return Clause::None;
        return Clause::Positive;  // an everyday verb we have no list for: an action all the same
    }

    void read_clause(const Match& m) {
        Clause c;
        c.modal_first = m.first;
        // the person right before "will" is its subject; otherwise the nearest
        // one not inside a phrase such as "in Kai and Mia's lives"
        int k = r.back_over(m.first, {});
        c.subject = k >= 0 && r.mention_at[k] >= 0 ? &r.people[r.mention_at[k]] : r.subject_before(m.first, true);
        // "Ryan will see his GP and will stay at Dean's": the same subject again
        if (k >= 0 && r.is(k, r.c.conjunction) && !clauses.empty() && r.same_sentence(clauses.back().modal_first, m.first))
            c.subject = clauses.back().subject;
        int v = m.last + 1;
        // "will have stopped": passed over; "will have the children", "will do a course": the verb itself
        while (v < r.n() && r.same_sentence(v, m.last) &&
               (r.is(v, r.c.skip) || adverb(r.word(v)) ||
                (r.is(v, r.c.auxiliary) && v + 1 < r.n() && past_participle(r.word(v + 1)))))
            ++v;
        if (v >= r.n() || !r.same_sentence(v, m.last)) return;
        if (starts_at(modals, v)) return;  // "will agree to attend": the next modal reads it
        c.verb = v;
        c.end = v;
        while (c.end + 1 < r.n() && r.same_sentence(c.end + 1, v)) ++c.end;
        c.kind = kind_at(v, &c.concrete, c.subject);
        // coordinated actions: "will stop drinking and stay at his brother's"
        for (int k = v + 1; k <= c.end; ++k) {
            if (!r.is(k, r.c.conjunction)) continue;
            int u = k + 1;
            while (u <= c.end && r.is(u, r.c.skip)) ++u;
            if (u > c.end) break;
            if (starts_at(positives, u) || starts_at(services, u) || starts_at(prohibitions, u) ||
                r.is(u, r.c.negation)) {
                Clause extra = c;
                extra.verb = u;
                extra.kind = kind_at(u, &extra.concrete, extra.subject);
                clauses.push_back(extra);
            }
        }
        clauses.push_back(c);
    }

    bool caregiver(const Clause& c) const { return c.subject && is_adult(c.subject->who); }
    bool professional(const Clause& c) const {
        return c.subject && (c.subject->who == Who::Professional || c.subject->who == Who::Speaker);
    }
    // A danger behaviour ruled out: "will not drink", "without shouting", "no shouting".
    // Only small words, other behaviours or "and"/"or" may stand between the
    // "not" and the behaviour ("will never hit or push", "not be drinking").
    bool ruled_out(const Match& b) const {
        for (int k = b.first - 1; k >= 0 && k >= b.first - 6 && r.same_sentence(k, b.first); --k) {
            if (r.is(k, r.c.negation)) return true;
            for (auto& p : prohibitions)
                if (k >= p.first && k <= p.last) return true;
            bool small = r.is(k, r.c.skip) || r.is(k, r.c.be) || r.is(k, r.c.auxiliary) || r.is(k, r.c.conjunction);
            bool another = false;
            for (auto& o : behaviours)
                if (k >= o.first && k <= o.last) another = true;
            for (auto& o : themes)
                if (k >= o.first && k <= o.last) another = true;
            if (r.mention_at[k] >= 0) {  // "shout at Jade or push her": the object of the behaviour before
                another = true;
            }
            if (!small && !another) return false;
        }
        return false;
    }
    bool behaviour_ruled_out() const {
        for (auto& b : behaviours)
            if (ruled_out(b)) return true;
        for (auto& b : themes)
            if (ruled_out(b)) return true;
        return false;
    }
    bool in_service(const Match& m) const { return overlaps(m, services); }
};

Verdict sg_caregiver_action(const GoalReading& g, const Wording& w) {
    const Reading& r = g.r;
    std::string reason = "none";
    for (auto& c : g.clauses) {
        if (!g.caregiver(c)) {
            if (g.professional(c) && reason == "none") reason = "professional";
            continue;
        }
        if (c.kind == Clause::Positive) {
            Evidence ev;
            ev.add(r, c.subject->first, c.subject->last);
            ev.add(r, c.modal_first, c.verb);
            return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
        }
        if (c.kind == Clause::Prohibition) reason = "prohibition";
        else if (c.kind == Clause::Service && reason != "prohibition") reason = "service";
        else if (c.kind == Clause::NonAction && reason == "none") reason = "vague";
    }
    // "looked after by Jade": the caregiver acting in a passive sentence
    for (auto& p : g.positives)
        for (int j = p.first + 1; j < r.n() && j <= p.last + 2; ++j)
            if (r.word(j) == "by" && j + 1 < r.n() && r.mention_at[j + 1] >= 0 &&
                is_adult(r.people[r.mention_at[j + 1]].who)) {
                Evidence ev;
                ev.add(r, p.first, j + 1);
                return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
            }
    // "We want Jade and Ryan to keep ...", "we expect Ryan to stay ...": what is asked of the caregivers
    for (auto& p : g.positives) {
        if (p.first < 2 || r.word(p.first - 1) != "to" || r.mention_at[p.first - 2] < 0) continue;
        const Mention& who = r.people[r.mention_at[p.first - 2]];
        int head = who.first;
        while (head >= 2 && r.word(head - 1) == "and" && r.mention_at[head - 2] >= 0) head = r.people[r.mention_at[head - 2]].first;
        static const std::unordered_set<std::string> asking = {"want", "wants", "expect", "expects", "like", "need", "needs", "ask", "asks", "asked"};
        if (head == 0 || !asking.count(r.word(head - 1)) || !is_adult(who.who) || g.watching(p.first)) continue;
        Evidence ev;
        ev.add(r, who.first, p.last);
        return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
    }
    // "Jade and Ryan keeping Kai and Mia with a sober adult", "are keeping ...": no modal, still an action
    for (auto& p : g.positives) {
        const std::string& first = r.word(p.first);
        bool ing = first.size() >= 5 && first.compare(first.size() - 3, 3, "ing") == 0;
        int k = r.back_over(p.first, r.c.be);
        if (k < 0 || r.mention_at[k] < 0) continue;
        const Mention& who = r.people[r.mention_at[k]];
        // "will see that Jade and Ryan talk calmly": a present-tense action in what others will see
        int head = who.first;
        while (head >= 2 && r.word(head - 1) == "and" && r.mention_at[head - 2] >= 0) head = r.people[r.mention_at[head - 2]].first;
        // "a home where Jade and Ryan sort out ...": the same, describing the children's life
        bool seen_that = head > 0 && (r.word(head - 1) == "that" || r.word(head - 1) == "where");
        if (!ing && !seen_that) continue;
        if (!is_adult(who.who) || g.watching(p.first)) continue;
        // "when he is looking after them" sets a condition; it asks for nothing
        static const std::unordered_set<std::string> conditions = {"when", "while", "if", "whenever", "as", "until"};
        if (who.first > 0 && conditions.count(r.word(who.first - 1))) continue;
        Evidence ev;
        ev.add(r, who.first, p.last);
        return w.make("SG-CAREGIVER-ACTION", true, "", ev.spans, ev.words);
    }
    return w.make("SG-CAREGIVER-ACTION", false, reason, {}, "");
}

Verdict sg_addresses_danger(const GoalReading& g, const Wording& w) {
    const Reading& r = g.r;
    const auto& th = r.d.lex("danger-themes");
    const Match* theme = nullptr;
    for (auto& m : g.themes) {
        const std::string& sec = th.phrases[m.phrase].section;
        if (std::find(r.c.danger_themes.begin(), r.c.danger_themes.end(), sec) == r.c.danger_themes.end()) continue;
        if (g.in_service(m)) continue;
        theme = &m;
        break;
    }
    const Mention* child = nullptr;
    for (auto& p : r.people)
        if (p.who == Who::Child) {
            child = &p;
            break;
        }
    if (theme && child) {
        Evidence ev;
        ev.add(r, child->first, child->last);
        ev.add(r, theme->first, theme->last);
        return w.make("SG-ADDRESSES-DANGER", true, "", ev.spans, ev.words);
    }
    std::string reason = theme ? "no-child" : child ? "other" : !g.services.empty() ? "service" : "general";
    Evidence ev;
    if (theme) ev.add(r, theme->first, theme->last);
    return w.make("SG-ADDRESSES-DANGER", false, reason, ev.spans, ev.words);
}

Verdict sg_observable(const GoalReading& g, const Wording& w) {
    const Reading& r = g.r;
    const auto& ob = r.d.lex("observability");
    for (auto& m : g.observe) {
        const std::string& sec = ob.phrases[m.phrase].section;
        if (sec == "watch") {
            // "the nursery will see", "everyone will know"; not "Ryan will know the impact"
            const Mention* who = r.before(m.first);
            if (!who || who->who == Who::Caregiver || who->who == Who::Child) continue;
        }
        Evidence ev;
        ev.add(r, m.first, m.last);
        return w.make("SG-OBSERVABLE", true, "", ev.spans, ev.words);
    }
    for (auto& c : g.clauses)
        if (c.concrete && c.kind != Clause::NonAction) {
            Evidence ev;
            ev.add(r, c.modal_first, c.verb);
            return w.make("SG-OBSERVABLE", true, "", ev.spans, ev.words);
        }
    if (g.behaviour_ruled_out()) return w.make("SG-OBSERVABLE", true, "", {}, "");
    // "will shout less", "will drink less": the behaviour itself, which others can see
    for (auto& c : g.clauses)
        if (c.kind == Clause::Prohibition && starts_at(g.behaviours, c.verb)) {
            Evidence ev;
            ev.add(r, c.modal_first, c.verb);
            return w.make("SG-OBSERVABLE", true, "", ev.spans, ev.words);
        }
    // attendance can be checked, even when it is not a description of safety
    for (auto& m : g.services) {
        Evidence ev;
        ev.add(r, m.first, m.last);
        return w.make("SG-OBSERVABLE", true, "", ev.spans, ev.words);
    }
    // a concrete action anywhere, unless an inner state governs it ("understand how ...")
    bool inner = false;
    for (auto& c : g.clauses)
        if (c.kind == Clause::NonAction && starts_at(g.nonactions, c.verb)) inner = true;
    if (!inner)
        for (auto& p : g.positives)
            if (r.phrase("positive-actions", p).section == "concrete") {
                Evidence ev;
                ev.add(r, p.first, p.last);
                return w.make("SG-OBSERVABLE", true, "", ev.spans, ev.words);
            }
    for (auto& s : g.safe) {
        Evidence ev;
        ev.add(r, s.first, s.last);
        return w.make("SG-OBSERVABLE", true, "", ev.spans, ev.words);
    }
    return w.make("SG-OBSERVABLE", false, "", {}, "");
}

Verdict sg_over_time(const GoalReading& g, const Wording& w) {
    if (!g.times.empty()) {
        Evidence ev;
        ev.add(g.r, g.times.front().first, g.times.front().last);
        return w.make("SG-OVER-TIME", true, "", ev.spans, ev.words);
    }
    return w.make("SG-OVER-TIME", false, "", {}, "");
}

Verdict sg_not_service(const GoalReading& g, const Wording& w) {
    const Reading& r = g.r;
    bool service_asked = false, safety_described = false, professional_only = !g.clauses.empty();
    Evidence svc;
    for (auto& c : g.clauses) {
        if (!g.professional(c)) professional_only = false;
        if (c.kind == Clause::Service && !g.professional(c)) {
            service_asked = true;
            int last = c.verb;
            for (auto& m : g.services)
                if (m.first >= c.verb && m.first <= c.verb + 6 && m.last <= c.end) {
                    last = std::max(last, m.last);
                    break;
                }
            svc.add(r, c.verb, last);
        }
        if (g.caregiver(c) && c.kind == Clause::Positive && c.concrete) safety_described = true;
    }
    // a service named with no "X will" before it ("Attend a parenting course.")
    for (auto& m : g.services) {
        bool in_clause = false;
        for (auto& c : g.clauses)
            if (m.first >= c.verb && m.first <= c.end) in_clause = true;
        const Mention* who = r.before(m.first);
        if (!in_clause && !(who && (who->who == Who::Professional || who->who == Who::Everyone))) {
            service_asked = true;
            svc.add(r, m.first, m.last);
        }
    }
    if (g.behaviour_ruled_out()) safety_described = true;
    for (auto& s : g.safe)
        if (!g.in_service(s)) safety_described = true;
    if (professional_only && !safety_described) {
        Evidence ev;
        return w.make("SG-NOT-SERVICE", false, "professional", ev.spans, ev.words);
    }
    if (service_asked && !safety_described) return w.make("SG-NOT-SERVICE", false, "", svc.spans, svc.words);
    return w.make("SG-NOT-SERVICE", true, "", {}, "");
}

}  // namespace

std::vector<Verdict> assess_danger_statement(const std::string& text, const PreparedCase& c, const Guidance& g) {
    const auto& d = *g.data;
    Text t = tokenise(text, d.words);
    Reading r(t, d, c);
    Wording w{d, c};
    return {ds_who(r, w), ds_behaviour(r, w), ds_child_impact(r, w),
            ds_future(r, w), plain_verdict(r, w, "DS-PLAIN"), ds_non_blaming(r, w)};
}

std::vector<Verdict> assess_safety_goal(const std::string& text, const PreparedCase& c, const Guidance& g) {
    const auto& d = *g.data;
    Text t = tokenise(text, d.words);
    Reading r(t, d, c);
    Wording w{d, c};
    GoalReading gr(r);
    return {sg_caregiver_action(gr, w), sg_addresses_danger(gr, w), sg_observable(gr, w),
            sg_over_time(gr, w),        sg_not_service(gr, w),       plain_verdict(r, w, "SG-PLAIN")};
}

std::vector<Verdict> assess_danger_statement(const std::string& text, const Scenario& s, const Guidance& g) {
    return assess_danger_statement(text, *prepare_case(s, g), g);
}

std::vector<Verdict> assess_safety_goal(const std::string& text, const Scenario& s, const Guidance& g) {
    return assess_safety_goal(text, *prepare_case(s, g), g);
}

}  // namespace sofs
