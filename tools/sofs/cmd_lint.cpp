// `sofs lint`: check scenario files and print every problem found, like a
// compiler, then one summary line. Exit 0 when clean, 1 on any error (with
// --strict, warnings count as errors), 2 on bad usage.
#include "util/args.hpp"
#include "commands.hpp"
#include "guidance_cli.hpp"
#include "load/loader.hpp"
#include "rubric/catalogue.hpp"

#include <cstdio>

namespace sofs::cli {
namespace {

const char* kLintHelp =
    "Usage: sofs lint [--strict] [--quiet] [--cache DIR] PATH...\n"
    "\n"
    "Checks scenario files (YAML) and prints every problem found as\n"
    "  file:line:column: error[CODE]: message\n"
    "followed by a summary line such as \"3 files, 0 errors, 1 warning\".\n"
    "Each PATH is a scenario file or a folder searched for *.yaml and *.yml files.\n"
    "The codes are explained in scenarios/codes/ (one page each).\n"
    "Each case's own expert danger statements and safety goals are also judged\n"
    "by the assessor (assessment/CRITERIA.md); a criterion one fails is SCN040.\n"
    "\n"
    "Options:\n"
    "  --strict   treat warnings as errors\n"
    "  --quiet    print errors only (no warnings, no summary line)\n"
    "  --content DIR  the assessor's guidance data (default: the built-in content/)\n"
    "  --cache DIR  keep parsed files in DIR, so unchanged files are not parsed\n"
    "             again next time (the results are the same)\n"
    "  --help     show this help\n"
    "\n"
    "Exit status: 0 no errors, 1 errors found, 2 bad usage.\n";

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

int cmd_lint(const Args& args) {
    auto p = parse_args(args, {"cache", "content"}, {"strict", "quiet"});
    if (p.has("help")) {
        std::fputs(kLintHelp, stdout);
        return 0;
    }
    if (!p.error.empty() || p.positional.empty()) {
        std::fprintf(stderr, "sofs lint: %s\n\n%s",
                     p.error.empty() ? "name at least one scenario file or folder" : p.error.c_str(), kLintHelp);
        return 2;
    }
    const bool strict = p.has("strict"), quiet = p.has("quiet");
    Diagnostics all;
    auto files = find_scenario_files(p.positional, &all);
    // As a library, so that two files with one scenario id are caught too.
    LoadOptions options;
    options.cache_dir = p.get("cache").value_or("");
    Library lib = load_library(files, options);
    for (auto& d : lib.diagnostics.items) all.items.push_back(std::move(d));
    // The experts' own examples must meet the criteria they teach (SCN040).
    std::string content = p.get("content").value_or(Guidance::default_dir()), err;
    if (auto guidance = Guidance::load(content, &err)) {
        note_second_opinion("lint", *guidance);
        for (const auto& s : lib.scenarios)
            for (auto& d : check_expert_key(*s, *guidance)) all.items.push_back(std::move(d));
    } else {
        std::fprintf(stderr, "sofs lint: the assessor's guidance in '%s' could not be used, so the expert examples "
                             "were not judged:\n%s\n", content.c_str(), err.c_str());
    }
    std::size_t errors = 0, warnings = 0;
    for (auto& d : all.items) {
        if (strict) d.severity = Severity::Error;
        if (d.severity == Severity::Error) {
            ++errors;
        } else {
            ++warnings;
            if (quiet) continue;
        }
        std::fprintf(stdout, "%s\n", d.format().c_str());
    }
    if (!quiet)
        std::fprintf(stdout, "%s, %s, %s\n", plural(files.size(), "file").c_str(), plural(errors, "error").c_str(),
                     plural(warnings, "warning").c_str());
    return errors > 0 ? 1 : 0;
}

}  // namespace sofs::cli
