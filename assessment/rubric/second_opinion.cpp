// The second opinion (second_opinion.hpp): features, the weights file and
// the combined verdict. The assessor's path hashes words as they are read
// (no string is built per feature) and looks each feature up once for every
// modelled criterion; names and spans are made only to explain an overturn.
#include "rubric/second_opinion.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace sofs::rubric {

FeatureMaker::FeatureMaker(const Guidance::Data& d) {
    // A section whose heading is marked "!rules-only" (content/lexicons/README.md) is read by
    // the rules alone: the position words of the tenth round ("to", "at", "all" before an
    // appointment) fire on almost every text and as features cost the models held-out
    // agreement (train_second_opinion --measure --all).
    for (auto& [name, lex] : d.lexicons) {
        std::uint32_t file = hash("L:" + name);
        lexicon_names_[file] = "L:" + name;
        std::map<std::string, std::uint32_t> sections;
        for (auto& p : lex.phrases) {
            if (p.rules_only) continue;
            auto it = sections.find(p.section);
            if (it == sections.end()) {
                it = sections.emplace(p.section, hash("L:" + name + ":" + p.section)).first;
                lexicon_names_[it->second] = "L:" + name + ":" + p.section;
            }
            for (int w : p.words) {
                if (w <= kUnknownWord) continue;
                if (std::size_t(w) >= lexicon_.size()) lexicon_.resize(w + 1);
                auto& v = lexicon_[w];
                for (std::uint32_t h : {file, it->second})
                    if (std::find(v.begin(), v.end(), h) == v.end()) v.push_back(h);
            }
        }
    }
    for (auto& p : d.lex("people-words").phrases)
        for (int w : p.words)
            if (w > kUnknownWord) {
                if (std::size_t(w) >= people_words_.size()) people_words_.resize(w + 1, false);
                people_words_[w] = true;
            }
}

// Calls emit(hash, first token, last token, name) for every feature in text
// order (repeats included); name() builds the feature's name, only when asked.
template <class Emit>
void FeatureMaker::each(const Reading& r, bool named, Emit&& emit, bool lexicons) const {
    static const std::uint32_t kU = hash("U:"), kB = hash("B:"), kBias = hash("BIAS");
    auto cat = [&](std::string_view a, std::string_view b, std::string_view c = {}) {
        return named ? std::string(a) + std::string(b) + std::string(c) : std::string();
    };
    emit(kBias, -1, -1, [&] { return std::string("BIAS"); });
    auto word_of = [&](int i) -> std::string_view {
        const Token& tk = r.t.tokens[i];
        if (tk.number) return "NUM";
        int m = r.mention_at[i];
        if (m >= 0 && !r.people[m].pronoun && !r.people[m].person.empty() && tk.capital &&
            !(tk.word > kUnknownWord && std::size_t(tk.word) < people_words_.size() && people_words_[tk.word])) {
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
    std::string_view prev = "<s>";
    std::uint32_t bprev = more(kB, "<s> ");  // hash of "B:" + prev + " "
    int prev_tok = -1;
    for (int i = 0; i < r.n(); ++i) {
        std::string_view w = word_of(i);
        if (i > 0 && !r.same_sentence(i - 1, i)) {
            emit(more(bprev, "|"), prev_tok, prev_tok, [&] { return cat("B:", prev, " |"); });
            prev = "|";
            bprev = more(kB, "| ");
            prev_tok = -1;
        }
        emit(more(kU, w), i, i, [&] { return cat("U:", w); });
        emit(more(bprev, w), prev_tok >= 0 ? prev_tok : i, i, [&] { return cat("B:", prev, std::string(" ") + std::string(w)); });
        int id = r.t.tokens[i].word;
        if (lexicons && id > kUnknownWord && std::size_t(id) < lexicon_.size())
            for (std::uint32_t h : lexicon_[id]) emit(h, -1, -1, [&] { return lexicon_names_.at(h); });
        prev = w;
        bprev = more(more(kB, w), " ");
        prev_tok = i;
    }
    emit(more(bprev, "</s>"), prev_tok, prev_tok, [&] { return cat("B:", prev, " </s>"); });
}

std::vector<Feature> FeatureMaker::text(const Reading& r, std::unordered_map<std::uint32_t, std::string>* names) const {
    std::vector<Feature> out;
    out.reserve(4 * r.n() + 4);
    each(r, names != nullptr, [&](std::uint32_t h, int first, int last, auto&& name) {
        out.push_back({h, 1, first, last});
        if (names && !names->count(h)) (*names)[h] = name();
    });
    // Each feature once (value 1), as the trainer counts them; the first in text order keeps its span.
    std::stable_sort(out.begin(), out.end(), [](const Feature& a, const Feature& b) { return a.hash < b.hash; });
    out.erase(std::unique(out.begin(), out.end(), [](const Feature& a, const Feature& b) { return a.hash == b.hash; }),
              out.end());
    return out;
}

std::vector<Feature> FeatureMaker::case_relative(const Reading& r, std::unordered_map<std::uint32_t, std::string>* names) const {
    std::vector<Feature> out;
    auto put = [&](const std::string& name) {
        std::uint32_t h = hash(name);
        for (auto& x : out)
            if (x.hash == h) return;
        out.push_back({h, 1, -1, -1});
        if (names) (*names)[h] = name;
    };
    // the experts' words for this case's danger, said outside the people named
    int topic = 0, content = 0;
    for (int k = 0; k < r.n(); ++k) {
        if (r.mention_at[k] >= 0 || r.t.tokens[k].number) continue;
        ++content;
        if (r.c.danger_topic.count(topic_key(r.word(k)))) ++topic;
    }
    put(topic >= 3 ? "C:TOPIC=3+" : "C:TOPIC=" + std::to_string(topic));
    if (content > 0 && topic > 0) {
        std::uint32_t h = hash("C:TOPIC_SHARE");
        out.push_back({h, float(topic) / float(content), -1, -1});
        if (names) (*names)[h] = "C:TOPIC_SHARE";
    }
    // the case's own danger phrases, by kind (what the adults do, the harm, what safety looks like)
    for (auto& m : find_longest(r.t, r.c.case_words)) {
        put("C:OWN");
        put("C:OWN:" + r.c.case_words.phrases[m.phrase].section);
    }
    // a danger theme: this case's, or another worry's
    const Lexicon& th = r.d.lex("danger-themes");
    for (auto& m : find_longest(r.t, th)) {
        const std::string& sec = th.phrases[m.phrase].section;
        bool ours = std::find(r.c.danger_themes.begin(), r.c.danger_themes.end(), sec) != r.c.danger_themes.end();
        put(ours ? "C:THEME" : "C:THEME_OTHER");
    }
    // the people named: one a danger is about, or another
    auto in = [](const std::vector<std::vector<std::string>>& by_danger, const std::string& id) {
        for (auto& v : by_danger)
            if (std::find(v.begin(), v.end(), id) != v.end()) return true;
        return false;
    };
    for (auto& p : r.people) {
        if (p.person.empty()) continue;
        if (p.who == Who::Child || p.who == Who::ChildGeneral)
            put(in(r.c.danger_children, p.person) ? "C:DANGER_CHILD" : "C:OTHER_CHILD");
        else if (in(r.c.danger_adults, p.person))
            put("C:DANGER_ADULT");
    }
    return out;
}

void FeatureMaker::add_rules(std::vector<Feature>& f, const std::vector<Verdict>& rules, const std::string& crit,
                             std::unordered_map<std::uint32_t, std::string>* names) {
    // Only the criterion's own verdict: each criterion is judged on its own,
    // as practice leads label them, so another criterion's verdict never
    // decides this one (a goal that misses the danger may still say what the
    // caregivers will do).
    for (auto& v : rules) {
        if (v.criterion != crit) continue;
        std::uint32_t h = hash("RULE_SELF");
        if (names) (*names)[h] = "RULE_SELF";
        f.push_back({h, v.met ? 1.f : -1.f, -1, -1});
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

void SecondOpinion::index() {
    ids_.clear();
    rows_.clear();
    rule_w_.clear();
    lex_rows_.clear();
    const std::size_t K = models_.size();
    std::vector<std::uint32_t> all;
    for (auto& [id, m] : models_) {
        ids_.push_back(id);
        for (auto& [h, wt] : m.weights) all.push_back(h);
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    std::size_t cap = 16;
    while (cap < 2 * all.size()) cap *= 2;
    keys_.assign(cap, 0);
    slots_.assign(cap, 0);
    rows_.assign(all.size() * K, 0.f);
    for (std::size_t i = 0; i < all.size(); ++i) {
        std::size_t at = all[i] & (cap - 1);
        while (slots_[at]) at = (at + 1) & (cap - 1);
        keys_[at] = all[i];
        slots_[at] = std::uint32_t(i + 1);
    }
    count_ = 0;
    std::size_t k = 0;
    for (auto& [id, m] : models_) {
        for (auto& [h, wt] : m.weights) rows_[std::size_t(row(h)) * K + k] = wt;
        count_ += m.weights.size();
        rule_w_.push_back(weight(k, FeatureMaker::hash("RULE_SELF")));
        m.weights.clear();
        m.weights.shrink_to_fit();
        ++k;
    }
    // Each word's lexicon features that some model weighs, as rows.
    lex_rows_.resize(maker_.lexicon_.size());
    for (std::size_t w = 0; w < maker_.lexicon_.size(); ++w)
        for (std::uint32_t h : maker_.lexicon_[w])
            if (int i = row(h); i >= 0) lex_rows_[w].push_back(std::uint32_t(i));
}

int SecondOpinion::row(std::uint32_t h) const {
    if (slots_.empty()) return -1;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = h & mask;; at = (at + 1) & mask) {
        if (!slots_[at]) return -1;
        if (keys_[at] == h) return int(slots_[at]) - 1;
    }
}

double SecondOpinion::probability(std::size_t k, const std::vector<Feature>& f) const {
    double z = 0;
    for (auto& x : f) z += weight(k, x.hash) * x.value;
    return 1 / (1 + std::exp(-std::clamp(z, -30.0, 30.0)));
}

double SecondOpinion::z_rules(std::size_t k, const std::vector<Verdict>& rules) const {
    for (auto& v : rules)
        if (v.criterion == ids_[k]) return v.met ? rule_w_[k] : -rule_w_[k];
    return 0;
}

std::shared_ptr<const SecondOpinion> SecondOpinion::from_models(std::map<std::string, Model> models, const Guidance::Data& d) {
    std::shared_ptr<SecondOpinion> s(new SecondOpinion(d));
    for (auto& [id, m] : models) {
        std::sort(m.weights.begin(), m.weights.end());
        s->models_[id] = std::move(m);
    }
    s->index();
    return s;
}

std::vector<std::string> SecondOpinion::read_criteria(const std::string& path, std::string* error) {
    std::ifstream in(path);
    std::vector<std::string> out;
    if (!in) {
        if (error) *error = path + ":0: cannot be read";
        return out;
    }
    std::set<std::string> known;
    for (auto& k : registry()) known.insert(k.id);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::istringstream words(line);
        std::string id;
        while (words >> id) {
            if (!known.count(id)) {
                if (error) *error = path + ":" + std::to_string(n) + ": '" + id + "' is not a criterion";
                return {};
            }
            if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::shared_ptr<const SecondOpinion> SecondOpinion::load(const std::string& path, const Guidance::Data& d, std::string* error,
                                                         const std::vector<std::string>& criteria) {
    std::ifstream in(path);
    auto fail = [&](int line, const std::string& why) -> std::shared_ptr<const SecondOpinion> {
        if (error) *error = path + ":" + std::to_string(line) + ": " + why;
        return nullptr;
    };
    if (!in) return fail(0, "cannot be read");
    std::set<std::string> known;
    for (auto& k : registry()) known.insert(k.id);
    std::map<std::string, Model> models;
    std::map<std::string, int> first_line;
    std::string fingerprint;
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
            first_line[id] = n;
            continue;
        }
        std::istringstream words(line);
        std::string first;
        words >> first;
        if (first == "fingerprint" && !cur) {
            std::string rest;
            if (!(words >> fingerprint) || (words >> rest)) return fail(n, "expected 'fingerprint HEX'");
            continue;
        }
        if (!cur) return fail(n, "a weight before any [criterion]");
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
            if (m.weights[i].first == m.weights[i - 1].first) return fail(first_line[id], "[" + id + "] has a feature twice");
    }
    if (!criteria.empty())
        for (auto it = models.begin(); it != models.end();)
            it = std::find(criteria.begin(), criteria.end(), it->first) == criteria.end() ? models.erase(it) : std::next(it);
    std::shared_ptr<SecondOpinion> s(new SecondOpinion(d));
    s->models_ = std::move(models);
    s->fingerprint_ = fingerprint;
    s->index();
    return s;
}

std::size_t SecondOpinion::bytes() const {
    std::size_t b = sizeof(*this) + keys_.capacity() * 4 + slots_.capacity() * 4 + rows_.capacity() * sizeof(float);
    for (auto& v : lex_rows_) b += sizeof(v) + v.capacity() * 4;
    b += rule_w_.capacity() * sizeof(float);
    for (auto& [id, m] : models_) b += id.size() + sizeof(Model) + 64;
    return b;
}

void SecondOpinion::apply(const Reading& r, const Wording& w, std::vector<Verdict>& verdicts) const {
    if (models_.empty()) return;
    const std::size_t K = ids_.size();
    // The decisions first, all on the rules' verdicts as every model saw them in training.
    struct Flip {
        std::size_t verdict, model;
    };
    Flip flips[8];
    int nflips = 0;
    thread_local std::vector<double> z;
    thread_local std::vector<std::uint32_t> stamp;  // by row: the statement that last counted it (each feature once)
    thread_local std::uint32_t gen = 0;
    bool read = false;
    for (std::size_t vi = 0; vi < verdicts.size(); ++vi) {
        std::size_t k = 0;
        while (k < K && ids_[k] != verdicts[vi].criterion) ++k;
        if (k == K) continue;
        if (!read) {
            z.assign(K, 0.0);
            if (stamp.size() != rows_.size() / K || ++gen == 0) stamp.assign(rows_.size() / K, 0), gen = 1;
            auto add = [&](int i) {
                if (i < 0 || stamp[i] == gen) return;
                stamp[i] = gen;
                for (std::size_t j = 0; j < K; ++j) z[j] += rows_[std::size_t(i) * K + j];
            };
            maker_.each(r, false, [&](std::uint32_t h, int, int, auto&&) { add(row(h)); }, false);
            for (int t = 0; t < r.n(); ++t)
                if (int id = r.t.tokens[t].word; id > kUnknownWord && std::size_t(id) < lex_rows_.size())
                    for (std::uint32_t i : lex_rows_[id]) add(int(i));
            read = true;
        }
        double zk = z[k] + z_rules(k, verdicts);
        if (FeatureMaker::reads_case(ids_[k]))
            for (auto& x : maker_.case_relative(r)) zk += weight(k, x.hash) * x.value;
        double p = 1 / (1 + std::exp(-std::clamp(zk, -30.0, 30.0)));
        const Model& m = models_.at(ids_[k]);
        if (combine(verdicts[vi].met, p, m.threshold) != verdicts[vi].met && nflips < 8) flips[nflips++] = {vi, k};
    }
    if (!nflips) return;
    const std::vector<Feature> text = maker_.text(r);
    for (int i = 0; i < nflips; ++i) {
        Verdict& v = verdicts[flips[i].verdict];
        const std::size_t k = flips[i].model;
        bool met = !v.met;
        // The words that weighed most towards the new verdict.
        std::vector<std::pair<double, const Feature*>> pulls;
        for (auto& x : text) {
            double c = weight(k, x.hash) * x.value * (met ? 1 : -1);
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
            for (int t = x->first; t <= x->last; ++t) overlap = overlap || used[t];
            if (overlap) continue;
            for (int t = x->first; t <= x->last; ++t) used[t] = true;
            ev.add(r, x->first, x->last);
        }
        Verdict nv = w.make(v.criterion, met, "", ev.spans, ev.words);
        nv.explanation += " (A second reading, learned from practice leads' judgements, decided this where the checks read it as " +
                          std::string(met ? "not met" : "met") + (ev.words.empty() ? "" : "; it weighed most " + ev.words) + ".)";
        v = std::move(nv);
    }
}

std::string SecondOpinion::explain(const Reading& r, const std::vector<Verdict>& rules) const {
    std::string out;
    std::unordered_map<std::uint32_t, std::string> names;
    const std::vector<Feature> text = maker_.text(r, &names);
    char buf[256];
    for (auto& v : rules) {
        auto it = std::find(ids_.begin(), ids_.end(), v.criterion);
        if (it == ids_.end()) continue;
        const std::size_t k = it - ids_.begin();
        const Model& m = models_.at(v.criterion);
        std::vector<Feature> f = text;
        FeatureMaker::add_rules(f, rules, v.criterion, &names);
        if (FeatureMaker::reads_case(v.criterion))
            for (auto& x : maker_.case_relative(r, &names)) f.push_back(x);
        double p = probability(k, f);
        bool met = combine(v.met, p, m.threshold);
        std::snprintf(buf, sizeof buf, "  %-22s rules %-7s p(met) %.3f threshold %.2f -> %s%s\n", v.criterion.c_str(),
                      v.met ? "met" : "not met", p, m.threshold, met ? "met" : "not met",
                      met != v.met ? "  (the second opinion decided)" : "");
        out += buf;
        std::vector<std::pair<double, std::string>> pulls;
        for (auto& x : f)
            if (double c = weight(k, x.hash) * x.value; c != 0) pulls.push_back({c, names.count(x.hash) ? names[x.hash] : "?"});
        std::sort(pulls.begin(), pulls.end(), [](auto& a, auto& b) {
            return std::fabs(a.first) != std::fabs(b.first) ? std::fabs(a.first) > std::fabs(b.first) : a.second < b.second;
        });
        out += "      weighed most:";
        for (std::size_t i = 0; i < pulls.size() && i < 6; ++i) {
            std::snprintf(buf, sizeof buf, " %s %+.2f%s", pulls[i].second.c_str(), pulls[i].first, i + 1 < 6 && i + 1 < pulls.size() ? "," : "");
            out += buf;
        }
        out += "\n";
    }
    return out;
}

}  // namespace sofs::rubric
