// The twelfth round's DS-PLAIN feedback choice (assessment/CRITERIA.md,
// DS-PLAIN): the plain alternative offered for a professional word invents no
// event. It either quotes the case's own expert words ({danger_example},
// {impact_example}, {past_harm_example}) or names no happening at all: never
// a made-up deed filled with the case's names ("Mia could be dropped",
// "Kai heard the shouting", "Linda has a spare room" in a case with no Linda).
#include "examples.hpp"

#include "rubric/case/prepared.hpp"
#include "rubric/verdict.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace {

// The spans of `s` written in single quotes: a quote opens at the start or
// after a space, colon or bracket, and closes before the end, a space or
// punctuation ("children's" holds no quote).
std::vector<std::string> quoted_spans(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\'' || (i > 0 && s[i - 1] != ' ' && s[i - 1] != ':' && s[i - 1] != '(')) continue;
        for (std::size_t j = i + 1; j < s.size(); ++j) {
            if (s[j] != '\'') continue;
            char after = j + 1 < s.size() ? s[j + 1] : ' ';
            if (after == ' ' || after == ',' || after == '.' || after == ';' || after == ')' || after == '?') {
                out.push_back(s.substr(i + 1, j - i - 1));
                i = j;
                break;
            }
        }
    }
    return out;
}

// Its words: letters, with any byte of a UTF-8 letter ("Gwŷn" is one word).
std::vector<std::string> words_of(const std::string& s) {
    std::vector<std::string> out;
    std::string w;
    for (char ch : s + " ") {
        if (std::isalpha(static_cast<unsigned char>(ch)) || static_cast<unsigned char>(ch) >= 0x80) {
            w += ch;
        } else if (!w.empty()) {
            out.push_back(w);
            w.clear();
        }
    }
    return out;
}

// The forms a named span may take without telling of an event: a name alone
// ("{adult}"), help or a plan for the children, keeping them safe.
bool names_no_event(const std::vector<std::string>& ws, const std::set<std::string>& names) {
    for (std::size_t k = 0; k < ws.size(); ++k) {
        if (!names.count(ws[k])) continue;
        // a run of names read as one ("Kai and Mia", "Finn, Rory and Mia")
        std::size_t end = k + 1;
        while (end < ws.size() &&
               (names.count(ws[end]) || (ws[end] == "and" && end + 1 < ws.size() && names.count(ws[end + 1]))))
            ++end;
        std::string before = k > 0 ? ws[k - 1] : "", after = end < ws.size() ? ws[end] : "";
        bool alone = k == 0 && end == ws.size();
        bool for_them = before == "for" && after.empty();
        bool kept_safe = (before == "keep" || before == "keeping") && after == "safe" && end + 1 == ws.size();
        if (!alone && !for_them && !kept_safe) return false;
        k = end - 1;
    }
    return true;
}

}  // namespace

TEST_CASE("no jargon suggestion invents an event with a case's names, in any bundled case") {
    auto g = sofs::testing::guidance();
    REQUIRE(g);
    // Every word of a person's name or alias in any bundled case: a suggestion
    // naming one of them tells of that person.
    const std::set<std::string> names = sofs::testing::bundled_name_words();
    const auto& jargon = g->data->lex("jargon");
    REQUIRE_FALSE(jargon.phrases.empty());
    int checked = 0, quoted_from_case = 0;
    for (const auto& id : sofs::testing::bundled_case_ids()) {
        auto s = sofs::testing::bundled_case(id);
        REQUIRE(s);
        auto prepared = sofs::prepare_case(*s, *g);
        std::string expert = s->expert.past_harm;
        for (const auto& x : s->expert.danger_statements) expert += "\n" + x;
        for (const auto& x : s->expert.safety_goals) expert += "\n" + x;
        for (const auto& phrase : jargon.phrases) {
            std::string filled = sofs::rubric::fill_wording(phrase.note, *prepared, "", "");
            CAPTURE(id);
            CAPTURE(phrase.text);
            CAPTURE(filled);
            CHECK(filled.find('{') == std::string::npos);
            for (const auto& span : quoted_spans(filled)) {
                ++checked;
                // the case's own expert words, as written
                if (!span.empty() && expert.find(span) != std::string::npos) {
                    ++quoted_from_case;
                    continue;
                }
                CAPTURE(span);
                CHECK(names_no_event(words_of(span), names));
            }
        }
    }
    CHECK(checked > 0);
    CHECK(quoted_from_case > 0);
}

TEST_CASE("the check would catch the suggestions it replaced") {
    std::set<std::string> names{"Mia", "Kai", "Linda", "Ryan", "Jade"};
    CHECK_FALSE(names_no_event(words_of("Mia could be dropped"), names));
    CHECK_FALSE(names_no_event(words_of("Kai heard the shouting"), names));
    CHECK_FALSE(names_no_event(words_of("did not feed Kai"), names));
    CHECK_FALSE(names_no_event(words_of("Linda has a spare room"), names));
    CHECK(names_no_event(words_of("help for Kai and Mia"), names));
    CHECK(names_no_event(words_of("a plan to keep Kai and Mia safe"), names));
    CHECK(names_no_event(words_of("Ryan"), names));
    CHECK(quoted_spans("say 'the children's mental health service'") ==
          std::vector<std::string>{"the children's mental health service"});
}

TEST_CASE("DS-PLAIN: 'safeguarding' is answered with the case's own danger, not a made-up fall") {
    auto g = sofs::testing::rules_guidance();
    REQUIRE(g);
    for (const char* id : {"teen-online-exploitation", "reference-case"}) {
        auto s = sofs::testing::bundled_case(id);
        REQUIRE(s);
        auto vs = sofs::assess_danger_statement("We have safeguarding concerns about the children.", *s, *g);
        const sofs::Verdict* v = sofs::testing::find(vs, "DS-PLAIN");
        REQUIRE(v);
        CHECK_FALSE(v->met);
        CAPTURE(v->improve);
        CHECK(v->improve.find("dropped") == std::string::npos);
        auto prepared = sofs::prepare_case(*s, *g);
        CHECK(v->improve.find(prepared->danger_example) != std::string::npos);
    }
}
