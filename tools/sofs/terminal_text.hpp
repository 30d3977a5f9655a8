// Text for a terminal: paragraphs wrapped at word boundaries to the
// terminal's width, so `sofs play` never breaks a word mid-line (and a screen
// reader reading the terminal hears whole words).
#pragma once

#include <string>

namespace sofs::cli {

// The width to wrap at: the terminal's columns when stdout is a terminal,
// else $COLUMNS, else 80; never less than 20.
int terminal_width();

// `text` wrapped to `width` columns (counted in characters, not bytes): the
// first line starts with `first`, the others with `rest` (usually spaces of
// the same width). Words longer than a line are left whole on their own line.
// Newlines in the text start new lines. The result ends without a newline.
std::string wrap_words(const std::string& text, int width, const std::string& first = "", const std::string& rest = "");

}  // namespace sofs::cli
