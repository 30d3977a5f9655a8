#include "guidance_cli.hpp"

#include "load/loader.hpp"
#include "rubric/text/words.hpp"

#include <cstdio>

namespace sofs::cli {

std::shared_ptr<const Guidance> load_guidance(const char* cmd, const Parsed& p) {
    std::string content = p.get("content").value_or(Guidance::default_dir()), err;
    auto g = Guidance::load(content, &err);
    if (!g)
        std::fprintf(stderr, "sofs %s: the guidance data in '%s' could not be used:\n%s\n", cmd, content.c_str(),
                     err.c_str());
    if (g) note_second_opinion(cmd, *g);
    return g;
}

void note_second_opinion(const char* cmd, const Guidance& g) {
    if (g.data && !g.data->second_opinion_error.empty())
        std::fprintf(stderr, "sofs %s: note: the learned second opinion is off, so the rules judge alone: %s\n", cmd,
                     g.data->second_opinion_error.c_str());
}

std::shared_ptr<const Scenario> find_case(const std::string& dir, const std::string& id) {
    auto library = load_library({dir});
    for (const auto& s : library.scenarios)
        if (s->id == id) return s;
    return nullptr;
}

}  // namespace sofs::cli
