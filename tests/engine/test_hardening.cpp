// Hostile and damaged scenario input: every case ends in a diagnostic with a
// code and a place, never a crash, and no path outside the scenario's folder
// reaches the model. (The fuzz driver in tests/fuzz/ tries many more.)
#include "load/text_check.hpp"
#include "runtime/condition.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <unistd.h>

using namespace sofs;
namespace fs = std::filesystem;

namespace {

std::string repeat(const std::string& piece, std::size_t n) {
    std::string out;
    out.reserve(piece.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += piece;
    return out;
}

// The example scenario with one string replaced (which must be there).
std::string example_with(const std::string& from, const std::string& to) {
    std::string text = test::read_file(test::example_path());
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    return text;
}

int line_of(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    REQUIRE(at != std::string::npos);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

const Diagnostic* find_code(const Diagnostics& d, const std::string& code) {
    for (const auto& i : d.items)
        if (i.code == code) return &i;
    return nullptr;
}

// A fresh folder under the system's temporary folder, removed at the end.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name)
        : path(fs::temp_directory_path() / ("sofs-harden-" + name + "-" + std::to_string(getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

// A narrator's line of the example, to hang an audio path under.
const std::string kLine = "        text: \"Tess opens the door in her work uniform.\"";

}  // namespace

TEST_SUITE("hardening") {

// ---------------------------------------------------------------- depth

TEST_CASE("conditions nest up to the limit and no further") {
    ConditionError e;
    CHECK(parse_condition(repeat("not ", kMaxConditionDepth) + "asked", &e));
    CHECK(parse_condition(repeat("(", kMaxConditionDepth) + "asked" + repeat(")", kMaxConditionDepth), &e));
    CHECK_FALSE(parse_condition(repeat("not ", kMaxConditionDepth + 1) + "asked", &e));
    CHECK(e.too_deep);
    CHECK(e.at == 4 * kMaxConditionDepth + 1);
    CHECK(e.message.find("more than 50 deep at character") != std::string::npos);
}

TEST_CASE("20,000 nested 'not' or brackets are refused, not a stack overflow") {
    for (const std::string& text : {repeat("not ", 20000) + "asked",
                                    repeat("(", 20000) + "asked" + repeat(")", 20000),
                                    repeat("not (", 20000) + "asked" + repeat(")", 20000)}) {
        ConditionError e;
        CHECK_FALSE(parse_condition(text, &e));
        CHECK(e.too_deep);
    }
}

TEST_CASE("a scenario with a 20,000-deep condition gets SCN032 at the condition's line") {
    const std::string when = "when: \"" + repeat("not ", 20000) + "trust >= 6\"";
    // The example has no condition at this choice: add one.
    const std::string text = example_with("        move: childs-voice\n", "        move: childs-voice\n        " + when + "\n");
    auto r = load_scenario_text(text, "deep.yaml");
    const Diagnostic* d = find_code(r.diagnostics, "SCN032");
    REQUIRE_MESSAGE(d, test::all_messages(r.diagnostics));
    CHECK(d->line == line_of(text, "not not"));
    CHECK(d->message.size() < 400);  // the condition is shown shortened
}

TEST_CASE("a library with one too-deep file still offers the others") {
    TempDir dir("library");
    test::write_file((dir.path / "example.yaml").string(), test::read_file(test::example_path()));
    std::string deep = example_with("        move: childs-voice\n",
                                    "        move: childs-voice\n        when: \"" + repeat("not ", 20000) + "asked\"\n");
    deep.replace(deep.find("id: example"), 11, "id: deep");
    test::write_file((dir.path / "deep.yaml").string(), deep);
    auto lib = load_library({dir.path.string()});
    CHECK(lib.scenarios.size() == 1);
    CHECK(test::has_code(lib.diagnostics, "SCN032"));
}

TEST_CASE("sofs lint and sofs play refuse a 20,000-deep condition with SCN032 instead of crashing") {
    TempDir dir("cli");
    const std::string file = (dir.path / "example.yaml").string();
    test::write_file(file, example_with("        move: childs-voice\n",
                                        "        move: childs-voice\n        when: \"" + repeat("not ", 20000) + "asked\"\n"));
    auto lint = test::run(test::sofs_bin() + " lint " + file + " 2>&1");
    CHECK(lint.status == 1);
    CHECK(lint.out.find("error[SCN032]") != std::string::npos);
    auto play = test::run(test::sofs_bin() + " play " + file + " --random 2>&1");
    CHECK(play.status >= 1);
    CHECK(play.status <= 2);
    CHECK(play.out.find("SCN032") != std::string::npos);
}

TEST_CASE("YAML nested thousands deep is refused with SCN032 or SCN001, not a crash") {
    for (std::size_t depth : {300u, 5000u, 50000u}) {
        CAPTURE(depth);
        const std::string text = "id: x\nlists: " + repeat("[", depth) + repeat("]", depth) + "\n";
        auto r = load_scenario_text(text, "deep.yaml");
        CHECK((test::has_code(r.diagnostics, "SCN032") || depth < 2000));
        CHECK(r.diagnostics.has_errors());
    }
}

// ---------------------------------------------------------------- paths

TEST_CASE("audio paths that leave the scenario's folder are refused and dropped from the model") {
    for (const char* path : {"/etc/passwd", "../../../../etc/shadow", "audio/../../x.ogg", "audio\\\\..\\\\..\\\\x.ogg",
                                    "C:/Windows/win.ini", "\\\\\\\\server\\\\share\\\\a.ogg"}) {
        CAPTURE(path);
        const std::string text = example_with(kLine, kLine + "\n        audio: \"" + path + "\"");
        auto r = load_scenario_text(text, "example.yaml", test::tests_dir() + "/golden/example");
        const Diagnostic* d = find_code(r.diagnostics, "SCN033");
        REQUIRE_MESSAGE(d, test::all_messages(r.diagnostics));
        CHECK(d->line == line_of(text, std::string("audio: \"") + path));
        REQUIRE(r.scenario);
        for (const auto& sc : r.scenario->scenes)
            for (const auto& l : sc.lines) CHECK(l.audio != path);
    }
}

TEST_CASE("an audio file that is a link out of the folder is refused; one inside is not") {
    TempDir dir("links");
    fs::create_directories(dir.path / "audio");
    fs::create_directories(dir.path / "voices");
    test::write_file((dir.path / "voices" / "inside.ogg").string(), "OggS");
    fs::create_symlink("/etc/hostname", dir.path / "audio" / "out.ogg");
    fs::create_symlink("../voices/inside.ogg", dir.path / "audio" / "in.ogg");
    const std::string file = (dir.path / "example.yaml").string();
    test::write_file(file, example_with(kLine, kLine + "\n        audio: audio/out.ogg"));
    auto out = load_scenario_file(file);
    CHECK(test::has_code(out.diagnostics, "SCN033"));
    REQUIRE(out.scenario);
    for (const auto& l : out.scenario->scenes.front().lines) CHECK(l.audio != "audio/out.ogg");

    test::write_file(file, example_with(kLine, kLine + "\n        audio: audio/in.ogg"));
    auto in = load_scenario_file(file);
    CHECK_FALSE(test::has_code(in.diagnostics, "SCN033"));
    CHECK(test::all_messages(in.diagnostics).find("in.ogg") == std::string::npos);
    REQUIRE(in.scenario);
    CHECK(in.scenario->scenes.front().lines.front().audio == "audio/in.ogg");
}

TEST_CASE("the parse cache keeps SCN033 and the dropped path") {
    TempDir dir("cache");
    const std::string file = (dir.path / "example.yaml").string();
    test::write_file(file, example_with(kLine, kLine + "\n        audio: /etc/passwd"));
    LoadOptions o;
    o.cache_dir = (dir.path / "cache").string();
    auto first = load_scenario_file(file, o);
    auto second = load_scenario_file(file, o);  // from the cache
    CHECK(test::has_code(first.diagnostics, "SCN033"));
    CHECK(test::has_code(second.diagnostics, "SCN033"));
    REQUIRE(second.scenario);
    for (const auto& l : second.scenario->scenes.front().lines) CHECK(l.audio != "/etc/passwd");
}

// ---------------------------------------------------------------- bytes

TEST_CASE("bytes that are not text are errors at their line and column") {
    struct Case {
        std::string bytes;
        const char* words;
    };
    const Case cases[] = {
        {std::string(1, '\0'), "NUL"},   {"\xE9", "not valid UTF-8"},      {"\xC0\xAF", "not valid UTF-8"},
        {"\xED\xA0\x80", "not valid UTF-8"}, {"\xF4\x90\x80\x80", "not valid UTF-8"}, {"\xE2\x82", "not valid UTF-8"},
        {"\x07", "control character"},   {"\xC2\x9B", "control character"}, {"\xEF\xBB\xBF", "byte-order mark"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.words);
        const std::string text = example_with("Tess opens", "Tess" + c.bytes + " opens");
        auto r = load_scenario_text(text, "example.yaml");
        const Diagnostic* d = find_code(r.diagnostics, "SCN034");
        REQUIRE_MESSAGE(d, test::all_messages(r.diagnostics));
        CHECK(d->line == line_of(text, "Tess" + c.bytes));
        const std::size_t line_start = text.rfind('\n', text.find("Tess" + c.bytes)) + 1;
        CHECK(d->column == static_cast<int>(text.find("Tess" + c.bytes) - line_start) + 5);
        CHECK(d->message.find(c.words) != std::string::npos);
        CHECK_FALSE(r.scenario);
    }
}

TEST_CASE("UTF-8 text, a byte-order mark at the start and tabs inside a line are fine") {
    std::string text = "\xEF\xBB\xBF" + example_with("Tess opens", "Tess, caf\xC3\xA9 \xF0\x9F\x98\x80\tnow, opens");
    auto r = load_scenario_text(text, "example.yaml", test::tests_dir() + "/golden/example");
    CHECK_MESSAGE(!r.diagnostics.has_errors(), test::all_messages(r.diagnostics));
}

TEST_CASE("many bad bytes are listed up to ten, then counted") {
    const std::string text = example_with("Tess opens", "Tess " + repeat("\xFF", 25) + " opens");
    auto r = load_scenario_text(text, "example.yaml");
    CHECK(r.diagnostics.items.size() == 11);
    CHECK(r.diagnostics.items.back().message.find("15 more") != std::string::npos);
}

TEST_CASE("old Mac (CR only) and Windows (CR LF) line ends read like LF") {
    const std::string lf = test::read_file(test::example_path());
    std::string cr = lf, crlf;
    std::replace(cr.begin(), cr.end(), '\n', '\r');
    for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    const std::string dir = test::tests_dir() + "/golden/example";
    auto a = load_scenario_text(lf, "example.yaml", dir);
    auto b = load_scenario_text(cr, "example.yaml", dir);
    auto c = load_scenario_text(crlf, "example.yaml", dir);
    CHECK_MESSAGE(b.diagnostics.items.empty(), test::all_messages(b.diagnostics));
    CHECK_MESSAGE(c.diagnostics.items.empty(), test::all_messages(c.diagnostics));
    REQUIRE(a.scenario);
    REQUIRE(b.scenario);
    CHECK(b.scenario->scenes.size() == a.scenario->scenes.size());
    CHECK(b.scenario->scenes.back().pos.line == a.scenario->scenes.back().pos.line);
    CHECK(b.scenario->referral == a.scenario->referral);
}

// ---------------------------------------------------------------- lengths

TEST_CASE("a 120 KB name is refused with a short message") {
    const std::string text = example_with("name: Tess Reyes", "name: \"" + repeat("Ava ", 30000) + "\"");
    auto r = load_scenario_text(text, "example.yaml");
    const Diagnostic* d = find_code(r.diagnostics, "SCN035");
    REQUIRE_MESSAGE(d, test::all_messages(r.diagnostics).substr(0, 2000));
    CHECK(d->line == line_of(text, "Ava Ava"));
    CHECK(d->message.find("120000 characters") != std::string::npos);
    CHECK(d->message.size() < 300);
}

TEST_CASE("ids, names and texts have their limits, counted in characters") {
    const std::string id64(kMaxIdChars, 'a'), id65(kMaxIdChars + 1, 'a');
    auto ok = load_scenario_text(example_with("id: messy-flat", "id: " + id64), "example.yaml");
    CHECK_FALSE(test::has_code(ok.diagnostics, "SCN035"));
    auto long_id = load_scenario_text(example_with("id: messy-flat", "id: " + id65), "example.yaml");
    CHECK(test::has_code(long_id.diagnostics, "SCN035"));

    // 200 two-byte characters are 400 bytes but within the limit.
    auto wide = load_scenario_text(example_with("name: Tess Reyes", "name: \"" + repeat("\xC3\xA9", kMaxNameChars) + "\""),
                                   "example.yaml");
    CHECK_FALSE(test::has_code(wide.diagnostics, "SCN035"));

    auto text = load_scenario_text(example_with("Tess opens the door in her work uniform.", repeat("a", kMaxTextChars + 1)), "example.yaml");
    CHECK(test::has_code(text.diagnostics, "SCN035"));
}

TEST_CASE("a file over 4 MB is refused before it is parsed") {
    auto r = load_scenario_text(std::string(kMaxFileBytes + 1, '#'), "big.yaml");
    CHECK(test::has_code(r.diagnostics, "SCN035"));
    CHECK_FALSE(r.scenario);
}

// ---------------------------------------------------------------- indentation

TEST_CASE("a tab in the indentation is SCN036 at its own line") {
    const std::string text = example_with("    title: \"At the door\"", "\ttitle: \"At the door\"");
    auto r = load_scenario_text(text, "example.yaml");
    const Diagnostic* d = find_code(r.diagnostics, "SCN036");
    REQUIRE_MESSAGE(d, test::all_messages(r.diagnostics));
    CHECK(d->line == line_of(text, "\ttitle"));
    CHECK(d->message.find("tab") != std::string::npos);
    CHECK(d->message.rfind("indentation", 0) == 0);
}

TEST_CASE("a key a space short or a space too far is SCN036 at its own line") {
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"    title: \"At the door\"", "   title: \"At the door\""},
                                   {"    title: \"At the door\"", "     title: \"At the door\""}}) {
        const std::string text = example_with(from, to);
        auto r = load_scenario_text(text, "example.yaml");
        const Diagnostic* d = find_code(r.diagnostics, "SCN036");
        REQUIRE_MESSAGE(d, test::all_messages(r.diagnostics));
        CHECK(d->line == line_of(text, to));
        CHECK_FALSE(test::has_code(r.diagnostics, "SCN001"));
    }
}

TEST_CASE("a text going on over lines, or a block, indented too little is SCN036 at its own line") {
    const std::pair<std::string, std::string> cases[] = {
        {"relationship: \"Noah's class teacher\"", "relationship: Noah's class\n    teacher"},
        {"  and tired on most days", " and tired on most days"},
    };
    for (const auto& [from, to] : cases) {
        const std::string text = example_with(from, to);
        auto r = load_scenario_text(text, "example.yaml");
        const Diagnostic* d = find_code(r.diagnostics, "SCN036");
        REQUIRE_MESSAGE(d, test::all_messages(r.diagnostics));
        CHECK(d->line == line_of(text, to.substr(to.rfind('\n') + 1)));
    }
}

TEST_CASE("the indentation check finds nothing in the scenarios we ship") {
    auto files = find_scenario_files({test::source_dir() + "/scenarios", test::tests_dir() + "/golden"});
    REQUIRE(files.size() >= 3);
    for (const auto& f : files) {
        CAPTURE(f);
        const std::string text = test::read_file(f);
        auto m = load_detail::find_indentation_mistake(text, 1000000);
        CHECK_MESSAGE(!m.found, m.problem.line << ": " << m.problem.message);
    }
}

TEST_CASE("a syntax error that is not about indentation keeps the parser's SCN001") {
    const std::string text = example_with("aims: [1, 4, 6]", "aims: [1, 4, 6");
    auto r = load_scenario_text(text, "example.yaml");
    CHECK(test::has_code(r.diagnostics, "SCN001"));
    CHECK_FALSE(test::has_code(r.diagnostics, "SCN036"));
}

// ---------------------------------------------------------------- knock-on warnings

TEST_CASE("after a mistyped scene id the knock-on warnings are one line under the 'did you mean'") {
    std::string text = test::read_file(test::source_dir() + "/scenarios/reference-case.yaml");
    const auto at = text.find("next: first-visit");
    REQUIRE(at != std::string::npos);
    text.replace(at, 17, "next: first-vist");
    auto r = load_scenario_text(text, "reference-case.yaml", test::source_dir() + "/scenarios");
    const Diagnostic* typo = find_code(r.diagnostics, "SCN010");
    REQUIRE(typo);
    CHECK(typo->message.find("did you mean 'first-visit'") != std::string::npos);
    int unreachable = 0;
    for (const auto& d : r.diagnostics.items) unreachable += d.code == "SCN017";
    CHECK(unreachable == 1);
    const Diagnostic* folded = find_code(r.diagnostics, "SCN017");
    REQUIRE(folded);
    CHECK(folded->message.find("because of the unknown scene 'first-vist' at line " + std::to_string(typo->line)) !=
          std::string::npos);
    CHECK(r.diagnostics.items.size() == 2);
}

TEST_CASE("without an unknown id, each unreachable scene keeps its own warning at its own line") {
    auto r = load_scenario_file(test::tests_dir() + "/broken/unreachable-scene/scenario.yaml");
    const Diagnostic* d = find_code(r.diagnostics, "SCN017");
    REQUIRE(d);
    CHECK(d->message.find("because of") == std::string::npos);
}

}  // TEST_SUITE
