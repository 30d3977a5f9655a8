// The second opinion (second_opinion.hpp): features, the weights file and
// the combined verdict.
#include "rubric/second_opinion.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <cstdlib>

namespace sofs::rubric {

std::uint32_t FeatureMaker::hash(std::string_view s) {
    std::uint32_t h = 2166136261u;
    for (unsigned char ch : s) {
        h ^= ch;
        h *= 16777619u;
    }
    return h;
}

FeatureMaker::FeatureMaker(const Guidance::Data& d) {
    for (auto& [name, lex] : d.lexicons) {
        std::uint32_t file = hash("L:" + name);
        lexicon_names_[file] = "L:" + name;
        std::map<std::string, std::uint32_t> sections;
        for (auto& p : lex.phrases) {
            auto it = sections.find(p.section);
            if (it == sections.end()) {
                it = sections.emplace(p.section, hash("L:" + name + ":" + p.section)).first;
                lexicon_names_[it->second] = "L:" + name + ":" + p.section;
            }
            for (int w : p.words) {
                if (w <= kUnknownWord) continue;
                auto& v = lexicon_[w];
                for (std::uint32_t h : {file, it->second})
                    if (std::find(v.begin(), v.end(), h) == v.end()) v.push_back(h);
            }
        }
    }
    for (auto& p : d.lex("people-words").phrases)
        for (int w : p.words)
            if (w > kUnknownWord) people_words_.insert(w);
}

std::vector<Feature> FeatureMaker::text(const Reading& r, std::unordered_map<std::uint32_t, std::string>* names) const {
    std::vector<Feature> out;
    out.reserve(4 * r.n() + 4);
    auto named = [&](const std::string& s) {
        std::uint32_t h = hash(s);
        if (names) (*names)[h] = s;
        return h;
    };
    out.push_back({named("BIAS"), 1, -1, -1});
    auto word_of = [&](int i) -> std::string {
        const Token& tk = r.t.tokens[i];
        if (tk.number) return "NUM";
        int m = r.mention_at[i];
        if (m >= 0 && !r.people[m].pronoun && !r.people[m].person.empty() && tk.capital && !people_words_.count(tk.word)) {
            switch (r.people[m].who) {
            case Who::Child:
            case Who::ChildGeneral: return "P_CHILD";
            case Who::Caregiver:
            case Who::Family: return "P_ADULT";
            case Who::Professional: return "P_PRO";
            case Who::OtherAdult: return "P_OTHER";
            default: return "P_NAME";
            }
        }
        return tk.lower;
    };
    std::string prev = "<s>";
    int prev_tok = -1;
    for (int i = 0; i < r.n(); ++i) {
        std::string w = word_of(i);
        if (i > 0 && !r.same_sentence(i - 1, i)) {
            out.push_back({named("B:" + prev + " |"), 1, prev_tok, prev_tok});
            prev = "|";
            prev_tok = -1;
        }
        out.push_back({named("U:" + w), 1, i, i});
        out.push_back({named("B:" + prev + " " + w), 1, prev_tok >= 0 ? prev_tok : i, i});
        if (auto it = lexicon_.find(r.t.tokens[i].word); it != lexicon_.end())
            for (std::uint32_t h : it->second) {
                out.push_back({h, 1, -1, -1});
                if (names) (*names)[h] = lexicon_names_.at(h);
            }
        prev = std::move(w);
        prev_tok = i;
    }
    out.push_back({named("B:" + prev + " </s>"), 1, prev_tok, prev_tok});
    // Each feature once (value 1), as the trainer counts them.
    std::sort(out.begin(), out.end(), [](const Feature& a, const Feature& b) { return a.hash < b.hash; });
    out.erase(std::unique(out.begin(), out.end(), [](const Feature& a, const Feature& b) { return a.hash == b.hash; }),
              out.end());
    return out;
}

void FeatureMaker::add_rules(std::vector<Feature>& f, const std::vector<Verdict>& rules, const std::string& crit,
                             std::unordered_map<std::uint32_t, std::string>* names) {
    for (auto& v : rules) {
        std::string s = v.criterion == crit ? "RULE_SELF" : "RULE:" + v.criterion + (v.met ? "=1" : "=0");
        std::uint32_t h = hash(s);
        if (names) (*names)[h] = s;
        f.push_back({h, v.criterion == crit ? (v.met ? 1.f : -1.f) : 1.f, -1, -1});
    }
}

std::vector<Verdict> rules_verdicts(const Reading& r, const Wording& w, TextKind kind) {
    std::vector<Verdict> out;
    out.reserve(6);
    if (kind == TextKind::SafetyGoal) {
        GoalReading gr(r);
        for (auto& k : registry())
            if (k.kind == kind) out.push_back(k.goal(gr, w));
    } else {
        for (auto& k : registry())
            if (k.kind == kind) out.push_back(k.statement(r, w));
    }
    return out;
}

float SecondOpinion::Model::weight(std::uint32_t h) const {
    auto it = std::lower_bound(weights.begin(), weights.end(), h, [](auto& p, std::uint32_t x) { return p.first < x; });
    return it != weights.end() && it->first == h ? it->second : 0.f;
}

double SecondOpinion::probability(const Model& m, const std::vector<Feature>& f) const {
    double z = 0;
    for (auto& x : f) z += m.weight(x.hash) * x.value;
    return 1 / (1 + std::exp(-std::clamp(z, -30.0, 30.0)));
}

std::shared_ptr<const SecondOpinion> SecondOpinion::from_models(std::map<std::string, Model> models, const Guidance::Data& d) {
    std::shared_ptr<SecondOpinion> s(new SecondOpinion(d));
    for (auto& [id, m] : models) {
        std::sort(m.weights.begin(), m.weights.end());
        s->models_[id] = std::move(m);
    }
    return s;
}

std::shared_ptr<const SecondOpinion> SecondOpinion::load(const std::string& path, const Guidance::Data& d, std::string* error) {
    std::ifstream in(path);
    auto fail = [&](int line, const std::string& why) -> std::shared_ptr<const SecondOpinion> {
        if (error) *error = path + ":" + std::to_string(line) + ": " + why;
        return nullptr;
    };
    if (!in) return fail(0, "cannot be read");
    std::set<std::string> known;
    for (auto& k : registry()) known.insert(k.id);
    std::map<std::string, Model> models;
    Model* cur = nullptr;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        if (line[0] == '[') {
            if (line.back() != ']') return fail(n, "a criterion must be written [ID]");
            std::string id = line.substr(1, line.size() - 2);
            if (!known.count(id)) return fail(n, "'" + id + "' is not a criterion");
            if (models.count(id)) return fail(n, "'" + id + "' appears twice");
            cur = &models[id];
            continue;
        }
        if (!cur) return fail(n, "a weight before any [criterion]");
        std::istringstream words(line);
        std::string first;
        words >> first;
        if (first == "threshold") {
            double t = -1;
            std::string rest;
            if (!(words >> t) || (words >> rest) || t < 0.5 || t > 1.01)
                return fail(n, "expected 'threshold T' with T from 0.5 to 1.01");
            cur->threshold = t;
            continue;
        }
        char* end = nullptr;
        float wt = std::strtof(first.c_str(), &end);
        std::size_t at = line.find(first) + first.size();
        if (first.empty() || *end || !std::isfinite(wt) || at >= line.size() || line[at] != ' ' || at + 1 >= line.size())
            return fail(n, "expected 'WEIGHT FEATURE' (a number, one space, the feature) or 'threshold T'");
        cur->weights.push_back({FeatureMaker::hash(std::string_view(line).substr(at + 1)), wt});
    }
    for (auto& [id, m] : models) {
        std::sort(m.weights.begin(), m.weights.end());
        for (std::size_t i = 1; i < m.weights.size(); ++i)
            if (m.weights[i].first == m.weights[i - 1].first) return fail(n, "[" + id + "] has a feature twice");
    }
    std::shared_ptr<SecondOpinion> s(new SecondOpinion(d));
    s->models_ = std::move(models);
    return s;
}

std::size_t SecondOpinion::bytes() const {
    std::size_t b = sizeof(*this);
    for (auto& [id, m] : models_) b += id.size() + sizeof(Model) + m.weights.capacity() * sizeof(m.weights[0]) + 64;
    return b;
}

void SecondOpinion::apply(const Reading& r, const Wording& w, std::vector<Verdict>& verdicts) const {
    if (models_.empty()) return;
    std::vector<Feature> text;
    const std::vector<Verdict> rules = verdicts;  // the rules' verdicts, as every model saw them in training
    for (auto& v : verdicts) {
        auto it = models_.find(v.criterion);
        if (it == models_.end()) continue;
        if (text.empty()) text = maker_.text(r);
        std::vector<Feature> f = text;
        FeatureMaker::add_rules(f, rules, v.criterion);
        const Model& m = it->second;
        double p = probability(m, f);
        bool met = combine(v.met, p, m.threshold);
        if (met == v.met) continue;
        // The words that weighed most towards the new verdict.
        std::vector<std::pair<double, const Feature*>> pulls;
        for (auto& x : f) {
            double c = m.weight(x.hash) * x.value * (met ? 1 : -1);
            if (x.first >= 0 && c > 0) pulls.push_back({c, &x});
        }
        std::sort(pulls.begin(), pulls.end(), [](auto& a, auto& b) {
            return a.first != b.first ? a.first > b.first : a.second->first < b.second->first;
        });
        Evidence ev;
        std::vector<bool> used(r.n(), false);
        for (auto& [c, x] : pulls) {
            if (ev.quotes.size() == 3) break;
            bool overlap = false;
            for (int k = x->first; k <= x->last; ++k) overlap = overlap || used[k];
            if (overlap) continue;
            for (int k = x->first; k <= x->last; ++k) used[k] = true;
            ev.add(r, x->first, x->last);
        }
        Verdict nv = w.make(v.criterion, met, "", ev.spans, ev.words);
        nv.explanation += " (The rules read this as " + std::string(met ? "not met" : "met") +
                          "; a second reading learned from practice leads' judgements overturned them" +
                          (ev.words.empty() ? "" : ", weighing most " + ev.words) + ".)";
        v = std::move(nv);
    }
}

}  // namespace sofs::rubric
