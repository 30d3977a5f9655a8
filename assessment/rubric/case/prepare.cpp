// case/: a scenario prepared for judging, once per scenario and cached in
// the Guidance. Everything the assessor knows about a case comes from the
// scenario file: its people (names, aliases, roles) and its expert key (the
// danger in the family's words, the examples used in feedback).
#include "rubric/case/prepared.hpp"
#include "rubric/criteria/criteria.hpp"
#include "rubric/reading/people.hpp"

#include <algorithm>
#include <set>

namespace sofs {

using namespace rubric;

namespace {

std::string first_name(const std::string& full) {
    auto sp = full.find(' ');
    return sp == std::string::npos ? full : full.substr(0, sp);
}

std::string lower(std::string s) {
    for (auto& c : s) c = (char)std::tolower((unsigned char)c);
    return s;
}

// A child's first name and aliases ("Kacper", "Kacpi"), in lower case, each once.
std::vector<std::string> child_names(const Person& p) {
    std::vector<std::string> out = {lower(first_name(p.name))};
    for (const auto& a : p.aliases)
        if (std::find(out.begin(), out.end(), lower(a)) == out.end()) out.push_back(lower(a));
    return out;
}

std::unordered_set<std::string> single_words(const Lexicon& lex, const std::string& section) {
    std::unordered_set<std::string> out;
    for (auto& p : lex.phrases)
        if (p.section == section && p.words.size() == 1) out.insert(lower(p.text));
    return out;
}

// "Gwŷn" is also written "Gwyn": Welsh and other accented letters folded to plain ones.
std::string folded(const std::string& s) {
    static const std::pair<const char*, const char*> letters[] = {
        {"ŵ", "w"}, {"ŷ", "y"}, {"â", "a"}, {"ê", "e"}, {"î", "i"}, {"ô", "o"}, {"û", "u"}, {"é", "e"}, {"è", "e"},
        {"á", "a"}, {"í", "i"}, {"ó", "o"}, {"ú", "u"}, {"ï", "i"}, {"ë", "e"}, {"ä", "a"}, {"ö", "o"}, {"ü", "u"}};
    std::string out = s;
    for (auto& [from, to] : letters)
        for (std::size_t at = out.find(from); at != std::string::npos; at = out.find(from, at))
            out.replace(at, std::char_traits<char>::length(from), to);
    return out;
}

void add_name(Lexicon& lex, WordTable& words, const std::string& text, const std::string& section,
              const std::string& person);

void add_name_forms(Lexicon& lex, WordTable& words, const std::string& text, const std::string& section,
                    const std::string& person) {
    add_name(lex, words, text, section, person);
    if (folded(text) != text) add_name(lex, words, folded(text), section, person);
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

// What identifies a scenario's content for the cache (scenarios built in
// code may have no content hash).
std::string fingerprint(const Scenario& s) {
    std::string f = s.id + "|" + s.content_hash + "|" + std::to_string(s.people.size());
    for (const auto& p : s.people) f += "|" + p.name;
    for (const auto& d : s.expert.danger_statements) f += "|" + std::to_string(d.size());
    for (const auto& d : s.expert.dangers) f += "|d" + std::to_string(d.does.size() + d.harm.size() + d.safe.size());
    if (const auto& wp = s.expert.words_and_pictures) f += "|wp" + wp->child + std::to_string(wp->age);
    return f;
}

}  // namespace

}  // namespace sofs

namespace sofs::rubric {

std::string topic_key(const std::string& lower_word) {
    std::string w = lower_word;
    auto ends = [&](const char* x) {
        std::size_t n = std::char_traits<char>::length(x);
        return w.size() > n + 2 && w.compare(w.size() - n, n, x) == 0;
    };
    if (ends("'s")) w.resize(w.size() - 2);
    if (ends("ies")) w = w.substr(0, w.size() - 3) + "y";
    else if (ends("ing")) w.resize(w.size() - 3);
    else if (ends("ed")) w.resize(w.size() - 2);
    else if (ends("sses") || ends("xes") || ends("ches") || ends("shes")) w.resize(w.size() - 2);
    else if (ends("s") && !ends("ss")) w.resize(w.size() - 1);
    if (ends("e")) w.resize(w.size() - 1);
    return w;
}

}  // namespace sofs::rubric

namespace sofs {

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
        add_name_forms(c->people, d.words, p.name, section, p.id);
        if (first_name(p.name) != p.name) add_name_forms(c->people, d.words, first_name(p.name), section, p.id);
        for (const auto& a : p.aliases) add_name_forms(c->people, d.words, a, section, p.id);
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
    c->modal = single_words(gr, "modal");
    c->service_noun = single_words(gr, "service-noun");
    c->service_about = single_words(gr, "service-about");
    c->seen_verb = single_words(gr, "seen-verb");
    const auto& cw = d.lex("clause-words");
    c->name_little = single_words(cw, "name-little");
    c->bare_child = single_words(cw, "bare-child");
    c->object_joins = single_words(cw, "object-joins");

    // The case's own danger, in the family's words. "not feed" also reads
    // "never feed" and "fail to feed": an omission however it is put.
    for (std::size_t i = 0; i < s.expert.dangers.size(); ++i) {
        const CaseDanger& dg = s.expert.dangers[i];
        c->danger_adults.push_back(dg.adults);
        c->danger_children.push_back(dg.children);
        auto add = [&](const std::vector<std::string>& phrases, const char* section) {
            for (const auto& text : phrases) {
                std::vector<std::string> variants = {text};
                if (lower(text).rfind("not ", 0) == 0)
                    for (const char* lead : {"never ", "fail to ", "forget to ", "not be able to "})
                        variants.push_back(lead + text.substr(4));
                // "look after him" also reads "look after Finn": a pronoun of the phrase
                // stands for each of the danger's children by name
                for (std::size_t n = variants.size(), vi = 0; vi < n; ++vi) {
                    std::string v = " " + lower(variants[vi]) + " ";
                    for (const char* pronoun : {" him ", " her ", " them "}) {
                        auto at = v.find(pronoun);
                        if (at == std::string::npos) continue;
                        for (const auto& id : dg.children)
                            if (const Person* kid = s.person(id))
                                for (const auto& name : child_names(*kid)) {
                                    std::string x = v;
                                    x.replace(at, std::char_traits<char>::length(pronoun), " " + name + " ");
                                    variants.push_back(x.substr(1, x.size() - 2));
                                }
                    }
                }
                for (const auto& v : variants) {
                    Phrase p;
                    p.text = v;
                    p.section = section;
                    p.note = std::to_string(i);
                    for (auto& w : phrase_words(v))
                        p.words.push_back(w == "gapword" ? kGap : w == "num" ? kNumber : d.words.intern(w));
                    if (!p.words.empty() && p.words.front() != kGap && p.words.back() != kGap)
                        c->case_words.phrases.push_back(std::move(p));
                }
            }
        };
        add(dg.does, "does");
        add(dg.harm, "harm");
        add(dg.safe, "safe");
    }
    c->case_words.index();

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
    // a word with another everyday sense brings its theme in only with company
    // ("high" blood sugar is not drugs): grammar.txt [theme-needs-company]
    std::unordered_set<std::string> needs_company;
    for (auto& p : d.lex("grammar").phrases)
        if (p.section == "theme-needs-company") needs_company.insert(p.text);
    for (const auto& src : theme_sources) {
        auto t = tokenise(src, d.words);
        for (auto& m : find_all(t, th))
            if (!needs_company.count(th.phrases[m.phrase].text)) themes.insert(th.phrases[m.phrase].section);
    }
    c->danger_themes.assign(themes.begin(), themes.end());

    // The danger's own topic words, from the same sources and the `dangers` phrases.
    {
        std::unordered_set<std::string> common;
        for (const char* name : {"grammar", "worry-words", "future", "time-frames", "goal-modals", "people-words", "hypotheses", "vague-verbs", "non-actions", "prohibitions", "observability", "positive-actions"})
            for (auto& p : d.lex(name).phrases) {
                if (std::string(name) == "grammar" && (p.section == "seen-verb" || p.section == "service-noun" || p.section == "theme-needs-company")) continue;
                for (auto& w : phrase_words(p.text)) common.insert(topic_key(w));
            }
        std::vector<std::string> texts = sources;
        for (const auto& dg : s.expert.dangers)
            for (const auto* list : {&dg.does, &dg.harm})
                for (const auto& x : *list) texts.push_back(x);
        for (const auto& src : texts) {
            auto t = tokenise(src, d.words);
            auto people = find_people(t, *c);
            std::vector<bool> person(t.tokens.size(), false);
            for (auto& m : people)
                for (int k = m.first; k <= m.last; ++k) person[k] = true;
            for (std::size_t k = 0; k < t.tokens.size(); ++k) {
                if (person[k]) continue;
                std::string key = topic_key(t.tokens[k].lower);
                if (key.size() < 4 || common.count(key)) continue;
                if (!std::all_of(key.begin(), key.end(), [](char ch) { return std::isalpha((unsigned char)ch); })) continue;
                c->danger_topic.insert(key);
            }
        }
    }

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
    // Words and Pictures is written to one child, at that child's age.
    {
        const Person* wp_child = youngest;
        int age = -1;
        if (const auto& wp = s.expert.words_and_pictures) {
            if (const Person* p = s.person(wp->child)) wp_child = p;
            age = wp->age;
        }
        if (wp_child) {
            c->wp_child = first_name(wp_child->name);
            if (age < 0) age = wp_child->age ? *wp_child->age : wp_child->age_months ? *wp_child->age_months / 12 : -1;
        }
        c->wp_child = c->wp_child.empty() ? "the child" : c->wp_child;
        c->wp_age = age < 0 ? 10 : age;
    }
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
    {
        auto ss = sentences(s.expert.past_harm);
        c->past_harm_example = ss.empty() ? "" : shorten(ss.front());
    }
    if (!s.expert.safety_goals.empty()) {
        auto ss = sentences(s.expert.safety_goals.front());
        for (auto& x : ss) x = shorten(x);
        if (!ss.empty()) c->goal_example = ss.front();
        c->goal_seen_example = ss.empty() ? "" : ss.back();
        // The example of what the family will do: the first expert sentence,
        // after the opening one, that the assessor itself reads as the
        // caregivers' deed, so a professional's checking ("Anil will see a
        // reading ...") or a prohibition ("No one will ...") is never offered
        // as what the family will do. The opening sentence is the last resort.
        auto caregivers_deed = [&](const std::string& sentence) {
            for (const auto& v : judge_text(sentence, *c, g, TextKind::SafetyGoal))
                if (v.criterion == "SG-CAREGIVER-ACTION") return v.met;
            return false;
        };
        std::vector<std::string> later(ss.size() > 1 ? ss.begin() + 1 : ss.end(), ss.end());
        for (std::size_t k = 1; k < s.expert.safety_goals.size(); ++k)
            for (auto& x : sentences(s.expert.safety_goals[k])) later.push_back(shorten(x));
        if (!ss.empty()) later.push_back(ss.front());
        auto pick = std::find_if(later.begin(), later.end(), caregivers_deed);
        c->goal_action_example = pick != later.end() ? *pick : c->goal_example;
    }

    std::lock_guard lock(d.case_mu);
    d.cases[&s] = {fingerprint(s), c};
    return c;
}

}  // namespace sofs
