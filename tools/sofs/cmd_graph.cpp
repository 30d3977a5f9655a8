// `sofs graph`: a scenario's scenes and choices as a Graphviz DOT picture, for
// authors checking the shape of a vignette (`sofs graph x.yaml | dot -Tsvg`).
#include "util/args.hpp"
#include "commands.hpp"
#include "load/loader.hpp"

#include <cstdio>
#include <map>

namespace sofs::cli {
namespace {

const char* kGraphHelp =
    "Usage: sofs graph SCENARIO\n"
    "\n"
    "Prints the scenario as a Graphviz DOT graph: scenes are boxes labelled with\n"
    "their titles, grouped by stage; choices are arrows labelled with their move\n"
    "(red and dashed for moves that do not fit the practice); tasks are notes and\n"
    "endings double octagons. Draw it with, for example:\n"
    "  sofs graph scenarios/reference-case.yaml | dot -Tsvg > case.svg\n"
    "\n"
    "The graph is drawn even when the file has errors (they are printed on stderr).\n"
    "Exit status: 0 drawn, 1 the file could not be read, 2 bad usage.\n";

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') { out += "\\n"; continue; }
        out += c;
    }
    return out + "\"";
}

const char* stage_colour(Stage s) {
    switch (s) {
        case Stage::Referral: return "#e8eef7";
        case Stage::Visit: return "#eaf5ea";
        case Stage::ChildVoice: return "#fdf3e1";
        case Stage::NetworkMeeting: return "#f1e9f7";
        case Stage::Review: return "#f2f2f2";
    }
    return "white";
}

}  // namespace

int cmd_graph(const Args& args) {
    auto p = parse_args(args, {}, {});
    if (p.has("help")) {
        std::fputs(kGraphHelp, stdout);
        return 0;
    }
    if (!p.error.empty() || p.positional.size() != 1) {
        std::fprintf(stderr, "sofs graph: %s\n(see sofs graph --help)\n",
                     p.error.empty() ? "name exactly one scenario file" : p.error.c_str());
        return 2;
    }
    LoadResult r = load_scenario_file(p.positional[0]);
    for (const auto& d : r.diagnostics.items)
        if (d.severity == Severity::Error) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!r.scenario) return 1;
    const Scenario& sc = *r.scenario;

    std::string out = "digraph " + quoted(sc.id) + " {\n";
    out += "  label=" + quoted(sc.title) + "; labelloc=t; fontname=\"DejaVu Sans\";\n";
    out += "  node [fontname=\"DejaVu Sans\", shape=box, style=\"rounded,filled\"];\n";
    out += "  edge [fontname=\"DejaVu Sans\", fontsize=10];\n";
    out += "  \"start\" [shape=circle, label=\"start\", style=filled, fillcolor=black, fontcolor=white];\n";
    out += "  \"start\" -> " + quoted("scene:" + sc.start) + ";\n";

    std::map<Stage, std::vector<const Scene*>> by_stage;
    for (const auto& s : sc.scenes) by_stage[s.stage].push_back(&s);
    for (const auto& [stage, scenes] : by_stage) {
        out += std::string("  subgraph \"cluster_") + to_string(stage) + "\" {\n";
        out += std::string("    label=\"") + to_string(stage) + "\"; style=filled; color=\"" + stage_colour(stage) + "\";\n";
        for (const Scene* s : scenes) {
            out += "    " + quoted("scene:" + s->id) + " [label=" + quoted(s->title + "\n(" + s->id + ")") +
                   ", fillcolor=white];\n";
            if (s->task) {
                out += "    " + quoted("task:" + s->task->id) + " [shape=note, style=filled, fillcolor=\"#fff7c2\", label=" +
                       quoted(std::string(to_string(s->task->kind)) + "\n" + s->task->id) + "];\n";
            }
        }
        out += "  }\n";
    }
    for (const auto& e : sc.endings)
        out += "  " + quoted("ending:" + e.id) + " [shape=doubleoctagon, style=filled, fillcolor=\"#d9ead3\", label=" +
               quoted(e.title) + "];\n";

    for (const auto& s : sc.scenes) {
        const std::string from = quoted("scene:" + s.id);
        for (const auto& c : s.choices) {
            const bool fits = move_fits_practice(c.move);
            std::string label = std::string(to_string(c.move)) + (c.when ? "\n[" + c.when->source + "]" : "");
            std::string to = c.next.empty() ? from : quoted("scene:" + c.next);
            out += "  " + from + " -> " + to + " [label=" + quoted(label) +
                   (fits ? "" : ", color=\"#b00020\", fontcolor=\"#b00020\", style=dashed") + "];\n";
        }
        if (s.task) {
            out += "  " + from + " -> " + quoted("task:" + s.task->id) + " [style=bold];\n";
            std::string next = s.task->next.empty() ? s.next : s.task->next;
            if (!next.empty()) out += "  " + quoted("task:" + s.task->id) + " -> " + quoted("scene:" + next) + ";\n";
        } else if (!s.next.empty()) {
            out += "  " + from + " -> " + quoted("scene:" + s.next) + " [label=\"next\"];\n";
        }
        if (!s.ending.empty()) out += "  " + from + " -> " + quoted("ending:" + s.ending) + ";\n";
    }
    out += "}\n";
    std::fputs(out.c_str(), stdout);
    return 0;
}

}  // namespace sofs::cli
