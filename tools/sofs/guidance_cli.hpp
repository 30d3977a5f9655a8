// The guidance for the commands that judge or list criteria (assess, criteria).
#pragma once

#include "util/args.hpp"
#include "rubric/assess.hpp"

#include <memory>

namespace sofs::cli {

// The guidance from --content, else Guidance::default_dir(); null when it
// cannot be used, after printing "sofs CMD: the guidance data in '...' could
// not be used:" and why.
std::shared_ptr<const Guidance> load_guidance(const char* cmd, const Parsed& p);

}  // namespace sofs::cli
