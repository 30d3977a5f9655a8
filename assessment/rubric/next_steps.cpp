// Judging a trainee's next steps (one step a line) on two plain checks:
// does every step say who will do what, and does at least one step bring
// in the family or the people around them? The checks look for a person
// and an action on each line; they do not judge whether a step is wise.
#include "rubric/reading/doers.hpp"
#include "rubric/verdict.hpp"

namespace sofs {

using namespace rubric;

const std::vector<std::string>& next_steps_criteria() {
    static const std::vector<std::string> ids = {"NS-WHO-DOES-WHAT", "NS-FAMILY-NETWORK"};
    return ids;
}

namespace {

std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && (std::isspace((unsigned char)s[a]) || s[a] == '-' || s[a] == '*' || s[a] == '.' ||
                     std::isdigit((unsigned char)s[a]) || s[a] == ')'))
        ++a;
    while (b > a && (std::isspace((unsigned char)s[b - 1]) || s[b - 1] == '.')) --b;
    return std::string(s.substr(a, b - a));
}

// Steps: one a line; a single paragraph is split at full stops and semicolons.
std::vector<std::string> steps_of(const std::string& text) {
    std::vector<std::string> out;
    auto split = [&](char sep, const std::string& from, std::vector<std::string>& into) {
        std::size_t start = 0;
        while (start <= from.size()) {
            std::size_t end = from.find(sep, start);
            if (end == std::string::npos) end = from.size();
            auto t = trim(std::string_view(from).substr(start, end - start));
            if (!t.empty()) into.push_back(t);
            start = end + 1;
        }
    };
    split('\n', text, out);
    if (out.size() == 1) {
        std::vector<std::string> parts;
        std::string one = out.front();
        for (auto& ch : one)
            if (ch == ';') ch = '.';
        split('.', one, parts);
        if (parts.size() > 1) out = parts;
    }
    return out;
}

// An action word: a verb after "to", "will", "should", "must", "needs to",
// a step that starts with a verb ("Meet Linda"), or an event noun
// ("a family network meeting") that says what will happen.
bool has_action(const Text& t, const Guidance::Data& d) {
    const auto& leads = clause_words(d, "step-lead");  // clause-words.txt [step-lead]
    static const std::unordered_set<std::string> events = {
        "meeting", "meetings", "visit", "visits", "plan", "appointment", "session", "sessions", "conference", "review",
        "referral", "check", "call", "talk", "chat", "assessment", "explanation", "rota", "group", "course", "home"};
    for (std::size_t k = 0; k + 1 < t.tokens.size(); ++k)
        if (leads.count(t.tokens[k].lower) && t.tokens[k + 1].lower.size() > 1) return true;
    for (auto& tk : t.tokens)
        if (events.count(tk.lower)) return true;
    if (!find_all(t, d.lex("positive-actions")).empty() || !find_all(t, d.lex("services")).empty() ||
        !find_all(t, d.lex("observability")).empty())
        return true;
    return false;
}

}  // namespace

std::vector<Verdict> assess_next_steps(const std::string& text, const PreparedCase& c, const Guidance& g) {
    const auto& d = *g.data;
    auto steps = steps_of(text);
    std::vector<std::string> unclear;
    bool family = false;
    std::string family_step;
    for (auto& step : steps) {
        Text t = tokenise(step, d.words);
        auto people = find_people(t, c);
        bool who = false;
        for (auto& m : people) {
            if (m.who != Who::ChildGeneral && m.who != Who::Nobody && m.who != Who::Unknown) who = true;
            if (is_any_adult(m.who) || m.who == Who::Child) {
                if (!family) family_step = step;
                family = true;
            }
        }
        // "a family network meeting", "with the family": the network by name
        for (auto& tk : t.tokens)
            if (tk.lower == "network" || tk.lower == "family" || tk.lower == "families") {
                if (!family) family_step = step;
                family = true;
                who = true;
            }
        if (!who || !has_action(t, d)) unclear.push_back(step);
    }

    auto make = [&](const std::string& id, bool met, const std::string& reason, const std::string& words) {
        return make_verdict(d, c, id, met, reason, {}, words);
    };

    std::vector<Verdict> out;
    if (steps.empty()) {
        out.push_back(make("NS-WHO-DOES-WHAT", false, "empty", ""));
        out.push_back(make("NS-FAMILY-NETWORK", false, "empty", ""));
        return out;
    }
    std::string quoted;
    for (std::size_t i = 0; i < unclear.size() && i < 2; ++i) quoted += (i ? " and '" : "'") + unclear[i] + "'";
    out.push_back(make("NS-WHO-DOES-WHAT", unclear.empty(), "", quoted));
    out.push_back(make("NS-FAMILY-NETWORK", family, "", family ? "'" + family_step + "'" : ""));
    return out;
}

std::vector<Verdict> assess_next_steps(const std::string& text, const Scenario& s, const Guidance& g) {
    return assess_next_steps(text, *prepare_case(s, g), g);
}

}  // namespace sofs
