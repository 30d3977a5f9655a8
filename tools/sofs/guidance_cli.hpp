// The guidance for the commands that judge or list criteria (assess,
// criteria, network, live export), and the bundled case they judge against.
#pragma once

#include "util/args.hpp"
#include "rubric/assess.hpp"

#include <memory>
#include <string>

namespace sofs::cli {

// The guidance from --content, else Guidance::default_dir(); null when it
// cannot be used, after printing "sofs CMD: the guidance data in '...' could
// not be used:" and why.
std::shared_ptr<const Guidance> load_guidance(const char* cmd, const Parsed& p);

// When the learned second opinion's weights (content/models) could not be
// used, says so on stderr ("sofs CMD: note: ...", with the file and line):
// the rules then judge alone, and the person who changed the file should know.
void note_second_opinion(const char* cmd, const Guidance& g);

// The bundled case `id` from the folder `dir`, whole, or null.
std::shared_ptr<const Scenario> find_case(const std::string& dir, const std::string& id);

}  // namespace sofs::cli
