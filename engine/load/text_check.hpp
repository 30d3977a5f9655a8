// Checks on a scenario file's raw text, before and around YAML parsing
// (internal to the loader): the bytes are UTF-8 text without NUL or control
// characters (SCN034), any line-end convention reads as line ends (old Mac
// CR-only files included), and when the YAML parser gives up, an indentation
// or tab mistake is named at its own line (SCN036) instead of the parser's
// "end of map not found" a line later.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sofs::load_detail {

// One problem in the raw text. Lines and columns are 1-based; columns count
// bytes, as the YAML parser's marks do.
struct TextProblem {
    int line = 0, column = 0;
    const char* code = "";
    std::string message;
};

// Every byte that is not text: invalid UTF-8, NUL, control characters other
// than tab and the line ends, a byte-order mark after the start. At most
// `limit` problems are listed; a last one says how many more there are.
std::vector<TextProblem> check_encoding(std::string_view text, std::size_t limit = 10);

// The text with every CR LF and every lone CR turned into LF, so a file saved
// with Windows or old Mac line ends reads line by line as its author sees it.
// Returns the text unchanged (no copy needed) when it has no CR.
bool has_carriage_return(std::string_view text);
std::string unix_line_ends(std::string_view text);

// Called when the YAML parser stopped at line `parser_line`: the first line at
// or before it (or just after, since the parser often notices a line late)
// that is indented with a tab or does not line up with the lines around it.
// `found` is false when the indentation looks right, so the parser's own
// message stands.
struct IndentationMistake {
    bool found = false;
    TextProblem problem;
};
IndentationMistake find_indentation_mistake(std::string_view text, int parser_line);

}  // namespace sofs::load_detail
