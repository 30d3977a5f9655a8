// Filling a CPD record from the progress store (read interfaces only).
#include "cpd.hpp"

#include <algorithm>
#include <set>

namespace sofs::cpd {

namespace pg = sofs::progress;

namespace {

std::string day(std::int64_t ms) {
    std::string s = pg::format_time(ms, "%d %B %Y");
    if (!s.empty() && s[0] == '0') s.erase(0, 1);  // "3 May", not "03 May"
    return s;
}

std::string check_name(const CheckNames& names, const std::string& id) {
    auto it = names.find(id);
    return it != names.end() && !it->second.empty() ? it->second : "a practice check (no name in this version)";
}

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

}  // namespace

std::string duration_words(std::int64_t ms) {
    std::int64_t minutes = ms / 60000;
    if (minutes < 1) return "less than a minute";
    std::int64_t hours = minutes / 60;
    minutes %= 60;
    auto unit = [](std::int64_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    if (hours == 0) return unit(minutes, "minute", "minutes");
    std::string s = unit(hours, "hour", "hours");
    if (minutes) s += " " + unit(minutes, "minute", "minutes");
    return s;
}

std::string shorten(const std::string& text, std::size_t max_chars) {
    std::string s = one_line(text);
    if (s.size() <= max_chars) return s;
    std::size_t cut = s.rfind(' ', max_chars);
    if (cut == std::string::npos || cut < max_chars / 2) {
        cut = max_chars;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    }
    return s.substr(0, cut) + "\u2026";
}

CpdRecord build_record(pg::Store& store, const pg::Actor& who, const std::string& trainee, const CheckNames& names,
                       std::int64_t now_ms) {
    auto person = store.find_person(trainee);
    if (!person) throw pg::StoreError(pg::StoreError::Kind::NotFound, "there is no one called '" + trainee + "'");
    if (!store.may_see(who, person->id))
        throw pg::StoreError(pg::StoreError::Kind::Denied, "you may not see " + person->name + "'s record");

    std::map<std::string, std::string> titles;
    for (const auto& sp : store.scenario_progress(who, person->id))
        if (!sp.title.empty()) titles[sp.scenario] = sp.title;

    CpdRecord r;
    r.name = person->name;
    r.made_on = day(now_ms);
    r.comments_note =
        "Trainers' comments are what they wrote about the case, and the reasons they gave when they changed "
        "the assessor's decision on a check.";

    auto attempts = store.attempts(who, person->id);
    std::sort(attempts.begin(), attempts.end(),
              [](const pg::Attempt& a, const pg::Attempt& b) { return a.started_ms < b.started_ms; });
    std::int64_t first = 0, last = 0, total = 0;
    for (const auto& a : attempts) {
        if (a.status != pg::AttemptStatus::Finished) continue;
        CaseRecord c;
        auto t = titles.find(a.scenario);
        c.title = t != titles.end() ? t->second : "A practice case";
        c.started = day(a.started_ms);
        c.finished = day(a.finished_ms.value_or(a.started_ms));
        c.time_spent = duration_words(a.time_spent_ms);
        total += a.time_spent_ms;
        if (!first) first = a.started_ms;
        last = std::max(last, a.finished_ms.value_or(a.started_ms));

        // One line per check: met when it is met on every task it was judged on.
        std::map<std::string, bool> checks;
        std::vector<std::string> order;
        for (const auto& v : store.verdicts(who, a.id)) {
            std::string name = check_name(names, v.criterion);
            if (!checks.count(name)) {
                order.push_back(name);
                checks[name] = v.met;
            } else {
                checks[name] = checks[name] && v.met;
            }
            for (const auto& o : v.overrides)
                c.trainer_notes.push_back({false, name, o.met, o.trainer, one_line(o.reason), day(o.at_ms)});
        }
        for (const auto& cm : store.comments(who, a.id))
            c.trainer_notes.push_back({true, cm.criterion.empty() ? "" : check_name(names, cm.criterion), false,
                                       cm.trainer, shorten(cm.text, 1200), day(cm.at_ms)});
        for (const auto& name : order) {
            (checks[name] ? c.checks_met : c.checks_not_met).push_back(name);
        }
        c.met = static_cast<int>(c.checks_met.size());
        c.total = static_cast<int>(order.size());

        // The trainee's own words: the last answer given to each task.
        std::map<std::string, Answer> answers;
        std::vector<std::string> tasks;
        for (const auto& e : store.transcript(a.id).events) {
            if (e.kind != Event::Kind::Answer) continue;
            if (!answers.count(e.answer.task)) tasks.push_back(e.answer.task);
            answers[e.answer.task] = e.answer;
        }
        for (const auto& task : tasks) {
            const Answer& ans = answers[task];
            if (ans.number >= 0) {
                std::string why = ans.text.empty() ? "(no reason written)" : shorten(ans.text, 400);
                c.reflections.push_back({"Why I chose " + std::to_string(ans.number) + " on the safety scale", why});
            } else if (!ans.text.empty()) {
                c.reflections.push_back({"What I wrote", shorten(ans.text, 400)});
            }
        }
        r.cases.push_back(std::move(c));
    }
    r.total_time = duration_words(total);
    if (r.cases.empty()) r.period = "no cases finished yet";
    else if (day(first) == day(last)) r.period = day(first);
    else r.period = day(first) + " to " + day(last);
    return r;
}

}  // namespace sofs::cpd
