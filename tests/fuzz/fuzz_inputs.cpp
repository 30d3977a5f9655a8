// A seeded, bounded fuzz of the inputs people hand the programs: scenario
// files (the loader, then a playthrough of what loads cleanly), conditions
// (the parser), and `sofs assess` input (JSON lines and transcripts, through
// the real command). Built with AddressSanitizer and UndefinedBehaviorSanitizer
// by `tools/quickstart.sh test`; runs under CTest as the test `fuzz`.
//
// The same seed gives the same cases. Cases run in batches, each in a forked
// child, so a crash or a sanitizer report is counted (and the batch's cases
// saved) instead of ending the run. Prints the cases run, the crashes and the
// sanitizer reports; exits 1 when there is any crash or report.
#include "load/loader.hpp"
#include "runtime/condition.hpp"
#include "runtime/session.hpp"
#include "runtime/stock_answer.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace sofs;

namespace {

struct Options {
    std::uint64_t seed = 20261130;
    int cases = 3000;                 // loader and condition cases
    int assess_runs = 40;             // `sofs assess` runs (each many statements)
    int batch = 100;                  // cases per forked child
    std::string sofs;                 // the `sofs` program; no assess cases without it
    std::string statements;           // JSON lines of trainees' statements (tests/labelled)
    std::string work = (fs::temp_directory_path() / "sofs-fuzz").string();
    std::vector<std::string> corpus;  // seed files and folders
};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

// ---------------------------------------------------------------- mutations

// Pieces that reach the loader's edges: nesting, bad bytes, line ends, tabs,
// paths out of the folder, YAML's own syntax.
const std::vector<std::string> kPieces = {
    "\t", "\r", "\r\n", std::string(1, '\0'), "\xC3", "\xE9", "\xEF\xBB\xBF", "\xF4\x90\x80\x80", "\x07",
    ": ", "- ", "#", "[", "]", "{", "}", "&a ", "*a", "!!str ", "|\n", ">-\n", "'", "\"", "\\", "---\n",
    "...\n", "? ", "not ", "(", ")", " and ", " or ", "revealed(", "visited(", ">= 99999999999",
    "audio: /etc/passwd", "audio: ../../x.ogg", "when: \"", "next: ", "id: ", "~", "null", "yes",
    "%YAML 1.2\n", "\n  ", "\n    - ", "\xE2\x80\xA8", "\xC2\x85",
};

class Mutator {
public:
    explicit Mutator(std::uint64_t seed) : rng_(seed) {}

    std::size_t below(std::size_t n) { return n ? std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_) : 0; }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }

    std::string mutate(std::string s, const std::vector<std::string>& others) {
        const std::size_t steps = 1 + below(chance(20) ? 12 : 3);
        for (std::size_t i = 0; i < steps; ++i) step(s, others);
        return s;
    }

    std::string repeat(const std::string& piece, std::size_t n) {
        std::string out;
        out.reserve(piece.size() * n);
        for (std::size_t i = 0; i < n; ++i) out += piece;
        return out;
    }

private:
    void step(std::string& s, const std::vector<std::string>& others) {
        const std::size_t at = below(s.size() + 1);
        switch (below(10)) {
            case 0:  // flip a byte
                if (!s.empty()) s[below(s.size())] ^= static_cast<char>(1u << below(8));
                break;
            case 1:  // a random byte
                s.insert(at, 1, static_cast<char>(below(256)));
                break;
            case 2:  // delete a range
                if (!s.empty()) s.erase(below(s.size()), 1 + below(chance(50) ? 8 : 200));
                break;
            case 3: {  // duplicate a range
                if (s.empty()) break;
                const std::size_t from = below(s.size());
                const std::string part = s.substr(from, 1 + below(300));
                s.insert(at, part);
                break;
            }
            case 4:  // a piece
            case 5:
                s.insert(at, kPieces[below(kPieces.size())]);
                break;
            case 6: {  // a piece many times: deep nesting, long names
                const std::string& piece = kPieces[below(kPieces.size())];
                s.insert(at, repeat(piece, 1 + below(chance(10) ? 30000 : 300)));
                break;
            }
            case 7: {  // splice from another file
                if (others.empty()) break;
                const std::string& o = others[below(others.size())];
                if (o.empty()) break;
                const std::size_t from = below(o.size());
                s.insert(at, o.substr(from, 1 + below(400)));
                break;
            }
            case 8: {  // change the indentation of a line
                std::size_t line = s.rfind('\n', at == 0 ? 0 : at - 1);
                line = line == std::string::npos ? 0 : line + 1;
                if (chance(50)) s.insert(line, chance(50) ? " " : "\t");
                else if (line < s.size() && s[line] == ' ') s.erase(line, 1);
                break;
            }
            default:  // cut the file short
                if (!s.empty() && chance(30)) s.resize(below(s.size()));
                break;
        }
    }

    std::mt19937_64 rng_;
};

// ---------------------------------------------------------------- targets

// Loads a text and, when it loads cleanly, plays it to an end (or 300 steps)
// with seeded choices and stock answers, as `sofs play --random` would.
// What the cases of a batch reached, written by the child for the parent.
struct Reached {
    long played = 0;              // scenario cases that loaded cleanly and were played
    std::set<std::string> codes;  // diagnostic codes produced
};

void loader_case(const std::string& text, const fs::path& folder, std::uint64_t seed, Reached& reached) {
    LoadResult r = load_scenario_text(text, "fuzz.yaml", folder.string());
    for (const auto& d : r.diagnostics.items) {
        (void)d.format();
        reached.codes.insert(d.code);
    }
    if (!r.scenario || r.diagnostics.has_errors()) return;
    ++reached.played;
    Session s(*r.scenario, seed, [] { return std::int64_t{0}; });
    std::mt19937_64 rng(seed);
    for (int step = 0; step < 300 && !s.ended(); ++step) {
        View v = s.view();
        switch (v.kind) {
            case View::Kind::Narration: s.advance(); break;
            case View::Kind::Choices:
                if (v.choices.empty()) return;
                s.choose(v.choices[rng() % v.choices.size()]->id);
                break;
            case View::Kind::Task:
                if (!v.task) return;
                s.answer(stock_answer(s, *v.task));
                break;
            case View::Kind::Ending: return;
        }
    }
}

void condition_case(const std::string& text) {
    ConditionError e;
    auto c = parse_condition(text, &e);
    if (c) for_each_leaf(*c, [](const Condition& leaf) { (void)leaf.name.size(); });
}

// Conditions from the grammar, then mutated.
std::string random_condition(Mutator& m) {
    static const std::vector<std::string> atoms = {"asked", "trust >= 6", "trust < -3", "revealed(push)",
                                                   "visited(first-visit)", "blamed", "n != 0", "2nd-visit"};
    std::string c;
    const std::size_t n = 1 + m.below(6);
    for (std::size_t i = 0; i < n; ++i) {
        if (i) c += m.chance(50) ? " and " : " or ";
        if (m.chance(30)) c += m.repeat("not ", m.below(m.chance(5) ? 30000 : 60));
        if (m.chance(20)) {
            const std::size_t depth = m.below(m.chance(5) ? 30000 : 60);
            c += m.repeat("(", depth) + atoms[m.below(atoms.size())] + m.repeat(")", depth);
        } else {
            c += atoms[m.below(atoms.size())];
        }
    }
    return m.chance(40) ? m.mutate(c, {}) : c;
}

// ---------------------------------------------------------------- the run

struct Totals {
    long cases = 0, crashes = 0, reports = 0;
};

int count_reports(const std::string& log) {
    int n = 0;
    for (const char* marker : {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:"})
        for (auto at = log.find(marker); at != std::string::npos; at = log.find(marker, at + 1)) ++n;
    return n;
}

// Runs `body` in a forked child with its standard error in `log`; returns
// whether the child ended by a signal or a sanitizer's exit, and the log.
template <typename Body>
bool run_child(const fs::path& log, Body&& body, std::string& log_text) {
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        if (std::FILE* f = std::freopen(log.c_str(), "w", stderr)) (void)f;
        body();
        std::exit(0);  // exit, not _exit: LeakSanitizer checks at exit
    }
    int status = 0;
    waitpid(pid, &status, 0);
    log_text = read_file(log);
    return WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) != 0);
}

std::vector<std::string> read_corpus(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& f : find_scenario_files(paths)) out.push_back(read_file(f));
    return out;
}

// Text for inside a JSON string: quotes, backslashes and control characters escaped.
std::string json_escape_raw(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') { out += '\\'; out += static_cast<char>(c); }
        else if (c < 0x20) { char b[8]; std::snprintf(b, sizeof b, "\\u%04x", c); out += b; }
        else out += static_cast<char>(c);
    }
    return out;
}

// The "text" of a statement's JSON line, still escaped as JSON (or "").
std::string text_of(const std::string& line) {
    const auto at = line.find("\"text\": \"");
    const auto end = at == std::string::npos ? at : line.find("\", \"", at + 9);
    return end == std::string::npos ? std::string() : line.substr(at + 9, end - at - 9);
}

// A transcript (as `sofs play` writes one) of a playthrough with stock
// answers, written texts taken from the statements: the seed for mutation.
std::string played_transcript(const Scenario& sc, const std::vector<std::string>& statements) {
    Session s(sc, 7, [] { return std::int64_t{0}; });
    for (int step = 0; step < 300 && !s.ended(); ++step) {
        View v = s.view();
        if (v.kind == View::Kind::Narration) s.advance();
        else if (v.kind == View::Kind::Choices && !v.choices.empty()) s.choose(v.choices.front()->id);
        else if (v.kind == View::Kind::Task && v.task) s.answer(stock_answer(s, *v.task));
        else break;
    }
    const Transcript& t = s.transcript();
    std::string out = "{\"scenario\": \"" + json_escape_raw(t.scenario) + "\", \"content_hash\": \"" + t.content_hash +
                      "\", \"seed\": " + std::to_string(t.seed) + ", \"events\": [";
    std::size_t k = 0;
    for (const auto& e : t.events) {
        out += std::string(k++ ? ", " : "") + "{\"step\": " + std::to_string(e.step) + ", \"kind\": \"" + to_string(e.kind) +
               "\", \"scene\": \"" + json_escape_raw(e.scene) + "\"";
        if (!e.choice.empty()) out += ", \"choice\": \"" + json_escape_raw(e.choice) + "\"";
        if (e.kind == Event::Kind::Answer) {
            std::string text = e.answer.text;
            if (!text.empty() && !statements.empty()) text = text_of(statements[k % statements.size()]);
            out += ", \"answer\": {\"task\": \"" + json_escape_raw(e.answer.task) + "\", \"text\": \"" +
                   (text == e.answer.text ? json_escape_raw(text) : text) + "\"";
            if (e.answer.number != -1) out += ", \"number\": " + std::to_string(e.answer.number);
            if (!e.answer.placements.empty()) {
                out += ", \"placements\": {";
                std::size_t j = 0;
                for (const auto& [a, b] : e.answer.placements)
                    out += std::string(j++ ? ", " : "") + "\"" + json_escape_raw(a) + "\": \"" + json_escape_raw(b) + "\"";
                out += "}";
            }
            if (!e.answer.picks.empty()) {
                out += ", \"picks\": [";
                std::size_t j = 0;
                for (const auto& p : e.answer.picks) out += std::string(j++ ? ", " : "") + "\"" + json_escape_raw(p) + "\"";
                out += "]";
            }
            out += "}";
        }
        if (!e.ending.empty()) out += ", \"ending\": \"" + json_escape_raw(e.ending) + "\"";
        out += ", \"at_ms\": 0}";
    }
    return out + "]}";
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) { std::fprintf(stderr, "fuzz_inputs: %s needs a value\n", a.c_str()); std::exit(2); }
            return argv[++i];
        };
        if (a == "--seed") o.seed = std::strtoull(value().c_str(), nullptr, 10);
        else if (a == "--cases") o.cases = std::atoi(value().c_str());
        else if (a == "--assess-runs") o.assess_runs = std::atoi(value().c_str());
        else if (a == "--batch") o.batch = std::max(1, std::atoi(value().c_str()));
        else if (a == "--sofs") o.sofs = value();
        else if (a == "--statements") o.statements = value();
        else if (a == "--work") o.work = value();
        else if (a == "--help") {
            std::puts("Usage: fuzz_inputs [--seed N] [--cases N] [--assess-runs N] [--batch N] [--sofs PROGRAM]\n"
                      "                   [--statements JSONL] [--work DIR] CORPUS-FILES-OR-FOLDERS...\n"
                      "Mutates the corpus's scenario files and generated conditions, loads, parses and plays\n"
                      "them, and runs `sofs assess` on mutated input; prints cases run, crashes and sanitizer\n"
                      "reports. Exit status 1 when there is any crash or report.");
            return 0;
        } else o.corpus.push_back(a);
    }
    const auto corpus = read_corpus(o.corpus);
    if (corpus.empty()) {
        std::fprintf(stderr, "fuzz_inputs: no scenario files in the corpus\n");
        return 2;
    }
    const fs::path work = fs::path(o.work) / std::to_string(getpid());
    fs::create_directories(work / "scenario");
    fs::create_directories(work / "failed");
    const auto started = std::chrono::steady_clock::now();

    Totals loader, conditions, assess;
    long played = 0;
    std::set<std::string> codes;
    Mutator plan(o.seed);
    // Loader and condition cases, in batches; each batch's cases are made from
    // the seed alone, so a failing batch can be written out and rerun.
    for (int first = 0; first < o.cases; first += o.batch) {
        const int count = std::min(o.batch, o.cases - first);
        const std::uint64_t batch_seed = o.seed * 1000003u + static_cast<std::uint64_t>(first);
        auto make_cases = [&](std::vector<std::string>& scenarios, std::vector<std::string>& conds) {
            Mutator m(batch_seed);
            for (int i = 0; i < count; ++i) {
                if (m.chance(70)) scenarios.push_back(m.mutate(corpus[m.below(corpus.size())], corpus));
                else conds.push_back(random_condition(m));
            }
        };
        std::vector<std::string> scenarios, conds;
        make_cases(scenarios, conds);
        std::string log;
        const fs::path counts = work / "batch.counts";
        fs::remove(counts);
        const bool failed = run_child(work / "batch.log", [&] {
            std::uint64_t k = batch_seed;
            Reached reached;
            for (const auto& s : scenarios) loader_case(s, work / "scenario", ++k, reached);
            for (const auto& c : conds) condition_case(c);
            std::string out = std::to_string(reached.played);
            for (const auto& code : reached.codes) out += " " + code;
            write_file(counts, out);
        }, log);
        {
            std::istringstream in(read_file(counts));
            long n = 0;
            if (in >> n) played += n;
            for (std::string code; in >> code;) codes.insert(code);
        }
        loader.cases += static_cast<long>(scenarios.size());
        conditions.cases += static_cast<long>(conds.size());
        const int reports = count_reports(log);
        if (failed || reports) {
            const fs::path keep = work / "failed" / ("batch-" + std::to_string(first));
            fs::create_directories(keep);
            for (std::size_t i = 0; i < scenarios.size(); ++i) write_file(keep / ("case-" + std::to_string(i) + ".yaml"), scenarios[i]);
            for (std::size_t i = 0; i < conds.size(); ++i) write_file(keep / ("condition-" + std::to_string(i) + ".txt"), conds[i]);
            write_file(keep / "sanitizer.log", log);
            std::fprintf(stderr, "fuzz: batch %d failed (%s); its cases are in %s\n%s\n", first,
                         reports ? "sanitizer report" : "crash", keep.c_str(), log.substr(0, 4000).c_str());
            (reports ? loader.reports : loader.crashes) += reports ? reports : 1;
        }
    }

    // `sofs assess`: statements as JSON lines (batch mode) and transcripts.
    if (!o.sofs.empty()) {
        const std::string scenario_file = (work / "case.yaml").string();
        std::shared_ptr<const Scenario> clean;
        for (const auto& c : corpus) {
            auto r = load_scenario_text(c, "case.yaml");
            if (r.scenario && !r.diagnostics.has_errors() && r.scenario->scenes.size() > 3) {
                write_file(scenario_file, c);
                clean = r.scenario;
                break;
            }
        }
        std::vector<std::string> lines;
        {
            std::istringstream in(read_file(o.statements));
            for (std::string l; std::getline(in, l);)
                if (!l.empty()) lines.push_back(l);
        }
        if (lines.empty()) lines.push_back("{\"id\": \"a1\", \"text\": \"\"}");
        const std::string transcript = clean ? played_transcript(*clean, lines) : "{}";
        Mutator m(o.seed ^ 0x5eedULL);
        const char* kinds[] = {"danger-statement", "safety-goal", "next-steps"};
        for (int run = 0; run < o.assess_runs && clean; ++run) {
            std::string input;
            std::string cmd;
            const fs::path in = work / "assess-in.txt";
            if (run % 5 == 4) {
                input = m.mutate(transcript, lines);
                write_file(in, input);
                cmd = o.sofs + " assess --scenario " + scenario_file + " --transcript " + in.string();
            } else {
                for (int line = 0; line < 60; ++line) {
                    std::string l = lines[m.below(lines.size())];
                    // Mostly inside the text (valid JSON, odd words); sometimes anywhere.
                    if (m.chance(80)) {
                        const auto at = l.find("\"text\": \"");
                        const auto end = at == std::string::npos ? at : l.find("\", \"", at + 9);
                        if (end != std::string::npos) {
                            std::string text = m.mutate(l.substr(at + 9, end - at - 9), {});
                            l = l.substr(0, at + 9) + json_escape_raw(text) + l.substr(end);
                        }
                    } else {
                        l = m.mutate(l, lines);
                    }
                    input += l + (m.chance(5) ? "\r\n" : "\n");
                }
                write_file(in, input);
                cmd = o.sofs + " assess --scenario " + scenario_file + " --kind " + kinds[run % 3] + " < " + in.string();
            }
            const fs::path log = work / "assess.log";
            const int status = std::system((cmd + " > /dev/null 2> " + log.string()).c_str());
            ++assess.cases;
            const std::string text = read_file(log);
            const int reports = count_reports(text);
            const bool crashed = status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) > 2;
            if (crashed || reports) {
                const fs::path keep = work / "failed" / ("assess-" + std::to_string(run));
                fs::create_directories(keep);
                write_file(keep / "input.txt", input);
                write_file(keep / "command.txt", cmd + "\n");
                write_file(keep / "sanitizer.log", text);
                std::fprintf(stderr, "fuzz: sofs assess run %d failed; its input is in %s\n%s\n", run, keep.c_str(),
                             text.substr(0, 4000).c_str());
                if (reports) assess.reports += reports;
                else ++assess.crashes;
            }
        }
    }

    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const long cases = loader.cases + conditions.cases + assess.cases;
    const long crashes = loader.crashes + conditions.crashes + assess.crashes;
    const long reports = loader.reports + conditions.reports + assess.reports;
    std::printf("fuzz: seed %llu: %ld cases run (%ld scenario files, %ld conditions, %ld sofs assess runs) in %.0f s\n",
                static_cast<unsigned long long>(o.seed), cases, loader.cases, conditions.cases, assess.cases, seconds);
    std::string code_list;
    for (const auto& c : codes) code_list += " " + c;
    std::printf("fuzz: %ld mutated files loaded cleanly and were played; codes produced:%s\n", played, code_list.c_str());
    std::printf("fuzz: %ld crashes, %ld sanitizer reports\n", crashes, reports);
    if (crashes == 0 && reports == 0) fs::remove_all(work);
    return crashes || reports ? 1 : 0;
}
