// Raw-text checks for scenario files: encoding, line ends, and naming an
// indentation mistake when the YAML parser gives up. See text_check.hpp.
#include "load/text_check.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

namespace sofs::load_detail {
namespace {

std::string hex_byte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", b);
    return buf;
}

std::string code_point(std::uint32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", cp);
    return buf;
}

// The length of the UTF-8 sequence starting at b[i] and its code point;
// 0 when the bytes there are not valid UTF-8 (overlong forms, surrogates,
// past U+10FFFF, cut short).
std::size_t utf8_sequence(const unsigned char* b, std::size_t n, std::size_t i, std::uint32_t& cp) {
    const unsigned char c = b[i];
    std::size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c == 0xE0) { len = 3; cp = c & 0x0F; lo = 0xA0; }
    else if (c == 0xED) { len = 3; cp = c & 0x0F; hi = 0x9F; }
    else if (c >= 0xE1 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c == 0xF0) { len = 4; cp = c & 0x07; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) { len = 4; cp = c & 0x07; }
    else if (c == 0xF4) { len = 4; cp = c & 0x07; hi = 0x8F; }
    else return 0;
    if (i + len > n) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const unsigned char d = b[i + k];
        if (k == 1 ? (d < lo || d > hi) : (d < 0x80 || d > 0xBF)) return 0;
        cp = (cp << 6) | (d & 0x3F);
    }
    return len;
}

}  // namespace

std::vector<TextProblem> check_encoding(std::string_view text, std::size_t limit) {
    std::vector<TextProblem> out;
    std::size_t more = 0;
    auto add = [&](int line, int col, std::string msg) {
        if (out.size() < limit)
            out.push_back({line, col, "SCN034", std::move(msg)});
        else
            ++more;
    };
    const auto* b = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = b[i];
        const int col = static_cast<int>(i - line_start) + 1;
        if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < n && b[i + 1] == '\n') ++i;
            ++i;
            ++line;
            line_start = i;
            continue;
        }
        if (c >= 0x20 && c < 0x7F) { ++i; continue; }
        if (c == '\t') { ++i; continue; }
        if (c == 0) {
            add(line, col, "a NUL byte (character 0) is not text: a scenario file is plain UTF-8 text; "
                           "was it saved by a word processor, or damaged?");
            ++i;
            continue;
        }
        if (c < 0x20 || c == 0x7F) {
            add(line, col, "the control character " + code_point(c) +
                               " is not allowed in a scenario file (most editors do not show it): delete it");
            ++i;
            continue;
        }
        std::uint32_t cp = 0;
        const std::size_t len = utf8_sequence(b, n, i, cp);
        if (len == 0) {
            add(line, col, "byte " + hex_byte(c) + " is not valid UTF-8: save the file as UTF-8 "
                           "(it may have been saved as Latin-1 or Windows-1252)");
            ++i;
            continue;
        }
        if (cp >= 0x80 && cp <= 0x9F && cp != 0x85)
            add(line, col, "the control character " + code_point(cp) + " is not allowed in a scenario file: delete it");
        else if (cp == 0xFEFF && i != 0)
            add(line, col, "an invisible byte-order mark (U+FEFF) in the middle of the file: delete it");
        i += len;
    }
    if (more && !out.empty())
        out.push_back({out.back().line, out.back().column, "SCN034",
                       "and " + std::to_string(more) + " more bytes that are not text after this one"});
    return out;
}

bool has_carriage_return(std::string_view text) { return text.find('\r') != std::string_view::npos; }

std::string unix_line_ends(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
        } else {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        }
    }
    return out;
}

// ---------------------------------------------------------------- indentation

namespace {

// Where a quoted text that opens at s[from] closes on the same line, or npos.
std::size_t closing_quote(std::string_view s, std::size_t from) {
    const char q = s[from];
    for (std::size_t i = from + 1; i < s.size(); ++i) {
        if (q == '"' && s[i] == '\\') { ++i; continue; }
        if (s[i] == q) {
            if (q == '\'' && i + 1 < s.size() && s[i + 1] == '\'') { ++i; continue; }
            return i;
        }
    }
    return std::string_view::npos;
}

// After a key's ':' (or a dash), what the value is.
enum class Value { Empty, Inline, Plain, BlockScalar, OpenQuote, OpenFlow };

// How deep brackets stand at the end of `s` (quotes skipped); the running
// depth goes in and out.
void flow_depth(std::string_view s, int& depth, char& quote) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quote) {
            if (quote == '"' && c == '\\') { ++i; continue; }
            if (c == quote) {
                if (quote == '\'' && i + 1 < s.size() && s[i + 1] == '\'') { ++i; continue; }
                quote = 0;
            }
            continue;
        }
        if (c == '"' || c == '\'') quote = c;
        else if (c == '[' || c == '{') ++depth;
        else if (c == ']' || c == '}') --depth;
        else if (c == '#' && (i == 0 || s[i - 1] == ' ')) return;
    }
}

Value value_kind(std::string_view rest, int& flow, char& quote) {
    std::size_t i = 0;
    while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
    if (i == rest.size() || rest[i] == '#') return Value::Empty;
    const char c = rest[i];
    if (c == '|' || c == '>') return Value::BlockScalar;
    if (c == '"' || c == '\'') {
        if (closing_quote(rest, i) == std::string_view::npos) {
            quote = c;
            return Value::OpenQuote;
        }
        return Value::Inline;
    }
    if (c == '[' || c == '{') {
        int depth = 0;
        char q = 0;
        flow_depth(rest.substr(i), depth, q);
        if (depth > 0) {
            flow = depth;
            quote = q;
            return Value::OpenFlow;
        }
        return Value::Inline;
    }
    return Value::Plain;  // plain text, which may go on over the next lines
}

// Where the ':' of a "key: value" line is (relative to `s`), or npos.
std::size_t key_colon(std::string_view s) {
    std::size_t i = 0;
    if (!s.empty() && (s[0] == '"' || s[0] == '\'')) {
        i = closing_quote(s, 0);
        if (i == std::string_view::npos) return i;
        ++i;
        return i < s.size() && s[i] == ':' && (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\t')
                   ? i : std::string_view::npos;
    }
    if (!s.empty() && (s[0] == '[' || s[0] == '{' || s[0] == '#')) return std::string_view::npos;
    for (; i < s.size(); ++i) {
        if (s[i] == '#' && i > 0 && s[i - 1] == ' ') return std::string_view::npos;
        if (s[i] == ':' && (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\t')) return i;
    }
    return std::string_view::npos;
}

std::string columns_list(const std::vector<int>& indents) {
    std::vector<int> cols;
    for (int i : indents)
        if (std::find(cols.begin(), cols.end(), i + 1) == cols.end()) cols.push_back(i + 1);
    std::sort(cols.begin(), cols.end());
    std::string out;
    for (std::size_t k = 0; k < cols.size(); ++k)
        out += (k == 0 ? "" : k + 1 == cols.size() ? " or " : ", ") + std::to_string(cols[k]);
    return out;
}

}  // namespace

IndentationMistake find_indentation_mistake(std::string_view text, int parser_line) {
    IndentationMistake result;
    // The columns (0-based) of the block collections open at this point.
    std::vector<int> open;
    bool expect_child = true;  // the line before opened a value on the lines below
    int last_line = 0;         // the last structural line, for messages
    // Lines that belong to a value rather than to the structure.
    int block_parent = -1;     // inside a block scalar whose parent stands here
    int block_indent = -1;     // ... whose first line is indented this far
    int block_line = 0;        // ... which starts on this line
    bool plain_value = false;  // the last structural line ends in a plain value that may go on
    char quote = 0;            // inside a quoted text running over lines
    int flow = 0;              // inside brackets running over lines

    auto mistake = [&](int line, int col, std::string msg) {
        result.found = true;
        result.problem = {line, col, "SCN036", "indentation: " + std::move(msg)};
    };

    int line_no = 0;
    std::size_t from = 0;
    while (from <= text.size() && line_no <= parser_line) {
        std::size_t to = text.find('\n', from);
        if (to == std::string_view::npos) to = text.size();
        const std::string_view s = text.substr(from, to - from);
        from = to + 1;
        ++line_no;

        int spaces = 0;
        while (spaces < static_cast<int>(s.size()) && s[static_cast<std::size_t>(spaces)] == ' ') ++spaces;
        std::size_t ws = static_cast<std::size_t>(spaces);
        while (ws < s.size() && (s[ws] == ' ' || s[ws] == '\t')) ++ws;
        const bool blank = ws == s.size();

        if (block_parent >= 0) {
            if (blank) continue;
            if (spaces > block_parent && ws == static_cast<std::size_t>(spaces)) {
                if (block_indent < 0) block_indent = spaces;
                if (spaces >= block_indent) continue;
                mistake(line_no, spaces + 1,
                        "this line is part of the text block that starts on line " + std::to_string(block_line) +
                            " but is indented " + std::to_string(spaces) + " spaces, less than the block's first line (" +
                            std::to_string(block_indent) + "): every line of the block needs at least as many");
                return result;
            }
            block_parent = -1;
        }
        if (quote && !flow) {
            // Inside a quoted text: look for its end.
            for (std::size_t i = 0; i < s.size(); ++i) {
                if (quote == '"' && s[i] == '\\') { ++i; continue; }
                if (s[i] == quote) {
                    if (quote == '\'' && i + 1 < s.size() && s[i + 1] == '\'') { ++i; continue; }
                    quote = 0;
                    break;
                }
            }
            continue;
        }
        if (flow) {
            flow_depth(s, flow, quote);
            if (flow <= 0) { flow = 0; quote = 0; }
            continue;
        }
        if (blank || s[ws] == '#') continue;
        if (ws == 3 && line_no == 1 && s.substr(0, 3) == "---") continue;
        if (s.substr(ws).starts_with("---") || s.substr(ws).starts_with("...")) continue;

        if (ws > static_cast<std::size_t>(spaces) || (spaces < static_cast<int>(s.size()) && s[static_cast<std::size_t>(spaces)] == '\t')) {
            const std::size_t tab = s.find('\t');
            mistake(line_no, static_cast<int>(tab) + 1,
                    "this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces "
                    "(most editors can show tabs and turn them into spaces)");
            return result;
        }

        std::string_view content = s.substr(ws);
        const bool dash = content[0] == '-' && (content.size() == 1 || content[1] == ' ');
        const std::size_t colon = dash ? std::string_view::npos : key_colon(content);
        if (!dash && colon == std::string_view::npos) {
            // Text continuing a plain value from the line above, which must be
            // indented more than that value's key; anything else is a mistake
            // the parser names better than we can.
            const int holder = open.empty() ? -1 : open.back();
            if (plain_value && spaces <= holder) {
                mistake(line_no, spaces + 1,
                        "this line seems to continue the text on line " + std::to_string(last_line) + ", but is indented " +
                            std::to_string(spaces) + " spaces: a text that goes on over lines must be indented more "
                            "than its key (column " + std::to_string(holder + 1) + "), or be written in quotes");
                return result;
            }
            continue;
        }

        const int n = spaces;
        const int top = open.empty() ? -1 : open.back();
        if (n > top) {
            if (!expect_child && top >= 0) {
                mistake(line_no, n + 1,
                        "this line is indented " + std::to_string(n) + " spaces, more than line " +
                            std::to_string(last_line) + " above it, which already has its value: keys of one map "
                            "stand in one column, and line " + std::to_string(last_line) + "'s is column " +
                            std::to_string(top + 1));
                return result;
            }
            open.push_back(n);
        } else if (n < top) {
            const std::vector<int> was = open;
            while (!open.empty() && open.back() > n) open.pop_back();
            if (open.empty() || open.back() != n) {
                mistake(line_no, n + 1,
                        "this line is indented " + std::to_string(n) + " spaces and so lines up with nothing above "
                        "it; the keys and list items it could belong to stand in column " + columns_list(was));
                return result;
            }
        }
        last_line = line_no;

        // What the line opens below it.
        int f = 0;
        char q = 0;
        Value v;
        std::size_t col = static_cast<std::size_t>(n);
        if (dash) {
            // "- " items: the item's own content may be a key, which opens a map
            // at its column, or another dash.
            std::string_view rest = content;
            while (rest.size() >= 1 && rest[0] == '-' && (rest.size() == 1 || rest[1] == ' ')) {
                std::size_t skip = 1;
                while (skip < rest.size() && rest[skip] == ' ') ++skip;
                col += skip;
                rest = rest.substr(skip);
                if (!rest.empty() && rest[0] == '-' && (rest.size() == 1 || rest[1] == ' '))
                    open.push_back(static_cast<int>(col));
            }
            const std::size_t c2 = rest.empty() ? std::string_view::npos : key_colon(rest);
            if (rest.empty()) {
                v = Value::Empty;
            } else if (c2 != std::string_view::npos) {
                open.push_back(static_cast<int>(col));
                v = value_kind(rest.substr(c2 + 1), f, q);
            } else {
                v = value_kind(rest, f, q);
            }
        } else {
            v = value_kind(content.substr(colon + 1), f, q);
        }
        expect_child = v == Value::Empty;
        plain_value = v == Value::Plain;
        if (v == Value::BlockScalar) {
            block_parent = open.empty() ? n : open.back();
            block_indent = -1;
            block_line = line_no;
        }
        if (v == Value::OpenQuote) quote = q;
        if (v == Value::OpenFlow) { flow = f; quote = q; }
    }
    return result;
}

}  // namespace sofs::load_detail
