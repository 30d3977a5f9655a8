// A hand-written YAML parser for the part of YAML that scenario files use,
// about ten times faster than yaml-cpp's scanner. It builds exactly the
// records yaml-cpp's event path builds (same kinds, tags, 1-based byte
// columns, values after folding and escapes, including yaml-cpp's habit of
// marking a missing value at the next token), and gives up -- returns nothing
// -- on anything it does not know for certain, so YamlDoc::parse can hand the
// file to yaml-cpp, which then also reports any syntax error with its marks.
#include "load/yaml_tree.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace sofs::load_detail {
namespace {

using Kind = YamlDoc::Kind;

// Thrown inside the parser to abandon the fast path; never escapes parse_fast.
struct GiveUp {};
[[noreturn]] void give_up() { throw GiveUp{}; }

constexpr std::uint32_t kNoParent = 0xffffffffu;

// The plain scalars yaml-cpp reports as null rather than as a scalar.
bool is_null_word(std::string_view v) { return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL"; }

bool blank_or_end(char c) { return c == ' ' || c == '\n' || c == '\0'; }

// The characters each scan must stop at, one table load per byte instead of
// several comparisons: plain scalars and keys '\n' ':' '#'; double-quoted
// text '"' '\\' '\n'; single-quoted text '\'' '\n'.
struct StopTable {
    bool stop[256] = {};
    bool double_quoted[256] = {};
    bool single_quoted[256] = {};
    StopTable() {
        for (char c : {'\n', ':', '#'}) stop[static_cast<unsigned char>(c)] = true;
        for (char c : {'\n', '"', '\\'}) double_quoted[static_cast<unsigned char>(c)] = true;
        for (char c : {'\n', '\''}) single_quoted[static_cast<unsigned char>(c)] = true;
    }
};
const StopTable kStops;
inline bool is_stop(char c) { return kStops.stop[static_cast<unsigned char>(c)]; }

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

class FastParser {
public:
    FastParser(std::string_view text, YamlDoc& doc) : s_(text.data()), n_(text.size()), doc_(doc) {}

    void parse_document() {
        skip_blank_and_comments();
        if (eof()) return;  // empty or comments only: yaml-cpp reports no node at all
        if (cur() == '%') give_up();  // a directive
        if (col() == 0 && is_doc_marker()) {
            if (s_[p_] != '-') give_up();  // "..." before any document
            p_ += 3;
            end_of_value_line();
            next_token();
            if (eof()) give_up();  // "---" alone: yaml-cpp's own null mark
        }
        if (is_seq_entry())
            block_seq(col(), kNoParent, false);
        else if (line_is_key())
            block_map(col(), kNoParent);
        else
            give_up();  // a scalar document is not a scenario
        if (!eof()) give_up();
    }

private:
    const char* s_;
    std::size_t n_;
    std::size_t p_ = 0;
    int line_ = 0;
    std::size_t line_start_ = 0;
    YamlDoc& doc_;

    char at(std::size_t i) const { return i < n_ ? s_[i] : '\0'; }
    char cur() const { return at(p_); }
    bool eof() const { return p_ >= n_; }
    int col() const { return static_cast<int>(p_ - line_start_); }
    void newline() {  // at a '\n'
        ++p_;
        ++line_;
        line_start_ = p_;
    }
    void skip_spaces() {
        while (p_ < n_ && s_[p_] == ' ') ++p_;
    }
    std::size_t end_of_line(std::size_t from) const {
        const void* q = std::memchr(s_ + from, '\n', n_ - from);
        return q ? static_cast<std::size_t>(static_cast<const char*>(q) - s_) : n_;
    }
    bool is_doc_marker() const {
        return p_ + 3 <= n_ && ((s_[p_] == '-' && s_[p_ + 1] == '-' && s_[p_ + 2] == '-') ||
                                (s_[p_] == '.' && s_[p_ + 1] == '.' && s_[p_ + 2] == '.')) &&
               blank_or_end(at(p_ + 3));
    }
    bool is_seq_entry() const { return cur() == '-' && blank_or_end(at(p_ + 1)); }

    void skip_blank_and_comments() {
        for (;;) {
            skip_spaces();
            if (eof()) return;
            if (s_[p_] == '#') {
                p_ = end_of_line(p_);
                continue;
            }
            if (s_[p_] == '\n') {
                newline();
                continue;
            }
            return;
        }
    }
    // Moves to the next token; a '#' here always follows a blank (callers check).
    void next_token() {
        skip_blank_and_comments();
        if (!eof() && col() == 0 && is_doc_marker()) give_up();  // a second document or "..."
    }
    // After a value on its line only blanks and a comment may follow.
    void end_of_value_line() {
        skip_spaces();
        char c = cur();
        if (c == '\n' || c == '\0') return;
        if (c == '#' && p_ > 0 && s_[p_ - 1] == ' ') return;
        give_up();
    }

    // Children are gathered on one stack while their collection is open and
    // copied to the document's shared array when it closes.
    std::vector<std::uint32_t> stack_;

    std::uint32_t add(Kind kind, int line, int column, std::uint32_t parent) {
        auto i = static_cast<std::uint32_t>(doc_.records_.size());
        auto& r = doc_.records_.emplace_back();
        r.kind = kind;
        r.line = line + 1;
        r.column = column + 1;
        if (parent != kNoParent) stack_.push_back(i);
        return i;
    }
    // Opens a collection: returns where its children start on the stack.
    std::size_t open() const { return stack_.size(); }
    void close(std::uint32_t collection, std::size_t from) {
        auto& r = doc_.records_[collection];
        r.first_child = static_cast<std::uint32_t>(doc_.children_.size());
        r.child_count = static_cast<std::uint32_t>(stack_.size() - from);
        doc_.children_.insert(doc_.children_.end(), stack_.begin() + static_cast<std::ptrdiff_t>(from), stack_.end());
        stack_.resize(from);
    }
    // Counts nesting so that a file of thousands of '[' cannot exhaust the
    // stack; far past anything a scenario needs, yaml-cpp takes over.
    int depth_ = 0;
    struct Deeper {
        FastParser& parser;
        explicit Deeper(FastParser& p) : parser(p) {
            if (++parser.depth_ > 200) give_up();
        }
        ~Deeper() { --parser.depth_; }
        Deeper(const Deeper&) = delete;
        Deeper& operator=(const Deeper&) = delete;
    };

    // Closes a collection on every way out of its parsing function.
    struct Closer {
        FastParser& parser;
        std::uint32_t collection;
        std::size_t from;
        Closer(FastParser& p, std::uint32_t c) : parser(p), collection(c), from(p.open()) {}
        ~Closer() { parser.close(collection, from); }
        Closer(const Closer&) = delete;
        Closer& operator=(const Closer&) = delete;
    };

    void add_null_here(std::uint32_t parent) {
        // At the end of a text with no final line break yaml-cpp's mark is not
        // the end's position; leave such texts to it.
        if (eof() && (n_ == 0 || s_[n_ - 1] != '\n')) give_up();
        add(Kind::Null, line_, col(), parent);
    }
    void add_scalar(int line, int column, std::uint32_t parent, std::string&& value, bool plain) {
        if (plain && is_null_word(value)) {
            add(Kind::Null, line, column, parent);
            return;
        }
        std::uint32_t i = add(Kind::Scalar, line, column, parent);
        doc_.records_[i].value = std::move(value);
        doc_.records_[i].plain = plain;
    }

    // Where line_is_key found the ':' of a plain key starting at key_from_.
    mutable std::size_t key_from_ = static_cast<std::size_t>(-1), key_colon_ = 0;

    // Does the token here start a "key: value" entry on this line?
    bool line_is_key() const {
        char c = cur();
        if (c == '"' || c == '\'') {
            std::size_t q = p_ + 1;
            for (;; ++q) {
                char d = at(q);
                if (d == '\n' || d == '\0') return false;
                if (c == '"' && d == '\\') {
                    ++q;
                    continue;
                }
                if (d == c) {
                    if (c == '\'' && at(q + 1) == '\'') {
                        ++q;
                        continue;
                    }
                    break;
                }
            }
            return at(q + 1) == ':' && blank_or_end(at(q + 2));
        }
        if (c == '[' || c == '{') return false;
        for (std::size_t q = p_; q < n_; ++q) {
            char d = s_[q];
            if (!is_stop(d)) continue;
            if (d == '\n') return false;
            if (d == ':' && blank_or_end(at(q + 1))) {
                key_from_ = p_;
                key_colon_ = q;
                return true;
            }
            if (d == '#' && q > p_ && s_[q - 1] == ' ') return false;
        }
        return false;
    }

    static bool bad_plain_start(char c) {
        switch (c) {
            case ',': case '[': case ']': case '{': case '}': case '#': case '&': case '*': case '!': case '|':
            case '>': case '\'': case '"': case '%': case '@': case '`': case '?': case ':': case '\0':
                return true;
            default:
                return false;
        }
    }

    // A key and its ':' (line_is_key has said there is one).
    void parse_key(std::uint32_t map) {
        int line = line_, column = col();
        char c = cur();
        if (c == '"' || c == '\'') {
            std::string v;
            quoted_text(c, -1, true, v);
            if (cur() != ':') give_up();
            add_scalar(line, column, map, std::move(v), false);
        } else {
            if (bad_plain_start(c) || (c == '-' && blank_or_end(at(p_ + 1)))) give_up();
            std::size_t q = p_;
            if (key_from_ == p_)
                q = key_colon_;
            else
                while (!(s_[q] == ':' && blank_or_end(at(q + 1)))) ++q;
            std::size_t end = q;
            while (end > p_ && s_[end - 1] == ' ') --end;
            if (end - p_ > 1000) give_up();  // yaml-cpp limits simple keys
            add_scalar(line, column, map, std::string(s_ + p_, end - p_), true);
            p_ = q;
        }
        ++p_;  // the ':'
    }

    // A block mapping whose keys stand in column `c`.
    void block_map(int c, std::uint32_t parent) {
        std::uint32_t m = add(Kind::Map, line_, col(), parent);
        Closer closer(*this, m);
        for (;;) {
            parse_key(m);
            skip_spaces();
            char ch = cur();
            if (ch == '\n' || ch == '\0' || ch == '#') {
                next_token();
                if (eof()) {
                    add_null_here(m);
                    return;
                }
                int k = col();
                if (k > c)
                    block_node(c, m);
                else if (k == c && is_seq_entry())
                    block_seq(c, m, true);
                else
                    add_null_here(m);  // yaml-cpp marks a missing value at the next token
            } else {
                inline_node(c, m);
            }
            if (eof()) return;
            int k = col();
            if (k < c) return;
            if (k > c || is_seq_entry() || !line_is_key()) give_up();
        }
    }

    // A block sequence whose dashes stand in column `c`; `indentless` when it
    // hangs under a key in the same column.
    void block_seq(int c, std::uint32_t parent, bool indentless) {
        std::uint32_t sq = add(Kind::Sequence, line_, col(), parent);
        Closer closer(*this, sq);
        for (;;) {
            ++p_;  // the '-'
            skip_spaces();
            char ch = cur();
            if (ch == '\n' || ch == '\0' || ch == '#') {
                next_token();
                if (eof()) {
                    add_null_here(sq);
                    return;
                }
                if (col() > c)
                    block_node(c, sq);
                else
                    add_null_here(sq);
            } else {
                block_node(c, sq);
            }
            if (eof()) return;
            int k = col();
            if (k < c) return;
            if (k > c) give_up();
            if (is_seq_entry()) continue;
            if (indentless) return;
            give_up();
        }
    }

    // Any node starting here, inside a collection indented to `parent_indent`.
    void block_node(int parent_indent, std::uint32_t parent) {
        Deeper deeper(*this);
        if (is_seq_entry())
            block_seq(col(), parent, false);
        else if (line_is_key())
            block_map(col(), parent);
        else
            inline_node(parent_indent, parent);
    }

    // A scalar or flow collection; leaves the parser at the next token.
    void inline_node(int parent_indent, std::uint32_t parent) {
        char c = cur();
        switch (c) {
            case '|':
            case '>':
                block_scalar(parent_indent, parent);
                return;
            case '"':
            case '\'': {
                int line = line_, column = col();
                std::string v;
                quoted_text(c, parent_indent, false, v);
                add_scalar(line, column, parent, std::move(v), false);
                break;
            }
            case '[':
                flow_seq(parent);
                break;
            case '{':
                flow_map(parent);
                break;
            default:
                if (bad_plain_start(c) || (c == '-' && blank_or_end(at(p_ + 1)))) give_up();
                plain_block(parent_indent, parent);
                return;
        }
        end_of_value_line();
        next_token();
    }

    // Past a line break inside a scalar: skips the blank lines after it and
    // the next line's indentation; returns how many blank lines there were.
    int next_content_line() {
        int blanks = 0;
        newline();
        for (;;) {
            skip_spaces();
            if (cur() != '\n') return blanks;
            ++blanks;
            newline();
        }
    }
    // A folded line break: one space, or a line feed for each blank line.
    static void fold_line_break(std::string& v, int blanks) {
        if (blanks == 0)
            v += ' ';
        else
            v.append(static_cast<std::size_t>(blanks), '\n');
    }

    // A plain scalar in block context, folded over its continuation lines.
    void plain_block(int parent_indent, std::uint32_t parent) {
        int line = line_, column = col();
        std::string v;
        for (;;) {
            std::size_t q = p_;
            bool comment = false;
            for (; q < n_; ++q) {
                char d = s_[q];
                if (!is_stop(d)) continue;
                if (d == '\n') break;
                if (d == ':' && blank_or_end(at(q + 1))) give_up();
                if (d == '#' && q > p_ && s_[q - 1] == ' ') {
                    comment = true;
                    break;
                }
            }
            std::size_t end = q;
            while (end > p_ && s_[end - 1] == ' ') --end;
            v.append(s_ + p_, end - p_);
            p_ = q;
            if (comment || eof()) break;
            int blanks = next_content_line();
            if (eof() || col() <= parent_indent) break;
            if (cur() == '#') give_up();  // a comment line inside the scalar's indentation
            if (col() == 0 && is_doc_marker()) give_up();
            fold_line_break(v, blanks);
        }
        next_token();
        add_scalar(line, column, parent, std::move(v), true);
    }

    // A quoted scalar's text, escapes and line folding applied; leaves the
    // parser after the closing quote.
    void quoted_text(char quote, int parent_indent, bool one_line, std::string& v) {
        ++p_;
        std::size_t keep = 0;  // v's length without trailing spaces before a line break
        for (;;) {
            std::size_t q = p_;
            const bool* stops = quote == '"' ? kStops.double_quoted : kStops.single_quoted;
            while (q < n_ && !stops[static_cast<unsigned char>(s_[q])]) ++q;
            if (q > p_) {
                v.append(s_ + p_, q - p_);
                std::size_t e = q;
                while (e > p_ && s_[e - 1] == ' ') --e;
                if (e > p_) keep = v.size() - (q - e);
                p_ = q;
            }
            if (eof()) give_up();
            char d = s_[p_];
            if (d == quote) {
                if (quote == '\'' && at(p_ + 1) == '\'') {
                    v += '\'';
                    p_ += 2;
                    keep = v.size();
                    continue;
                }
                ++p_;
                return;
            }
            if (d == '\\') {
                escape(v);
                keep = v.size();
                continue;
            }
            // a line break inside the quotes: fold it
            if (one_line) give_up();
            v.resize(keep);
            int blanks = next_content_line();
            if (eof() || col() <= parent_indent) give_up();
            if (col() == 0 && is_doc_marker()) give_up();
            fold_line_break(v, blanks);
            keep = v.size();
        }
    }

    void escape(std::string& v) {
        char e = at(p_ + 1);
        p_ += 2;
        switch (e) {
            case '0': v += '\0'; return;
            case 'a': v += '\x07'; return;
            case 'b': v += '\x08'; return;
            case 't': v += '\t'; return;
            case 'n': v += '\n'; return;
            case 'v': v += '\x0B'; return;
            case 'f': v += '\x0C'; return;
            case 'r': v += '\r'; return;
            case 'e': v += '\x1B'; return;
            case ' ': v += ' '; return;
            case '"': v += '"'; return;
            case '\'': v += '\''; return;
            case '\\': v += '\\'; return;
            case '/': v += '/'; return;
            case 'x': hex_escape(v, 2); return;
            case 'u': hex_escape(v, 4); return;
            default: give_up();  // escaped line breaks, \N \_ \L \P \U and errors
        }
    }
    void hex_escape(std::string& v, int digits) {
        std::uint32_t cp = 0;
        for (int i = 0; i < digits; ++i) {
            char h = at(p_);
            int d;
            if (h >= '0' && h <= '9')
                d = h - '0';
            else if (h >= 'a' && h <= 'f')
                d = h - 'a' + 10;
            else if (h >= 'A' && h <= 'F')
                d = h - 'A' + 10;
            else
                give_up();
            cp = cp * 16 + static_cast<std::uint32_t>(d);
            ++p_;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) give_up();
        append_utf8(v, cp);
    }

    // Flow collections, which must close on the line they open.
    // After an item of a flow collection: true when `close` ends it, false after a
    // separating ',' (which must be followed by another item); anything else gives up.
    bool flow_item_end(char close) {
        skip_spaces();
        char d = cur();
        if (d == ',') {
            ++p_;
            skip_spaces();
            if (cur() == close) give_up();
            return false;
        }
        if (d == close) {
            ++p_;
            return true;
        }
        give_up();
    }
    // Past a flow collection's opening bracket; true when `close` follows at once (an empty one).
    bool flow_opened_empty(char close) {
        ++p_;
        skip_spaces();
        if (cur() != close) return false;
        ++p_;
        return true;
    }
    // A quoted scalar inside a flow collection (one line only).
    void flow_quoted(char quote, std::uint32_t parent) {
        int line = line_, column = col();
        std::string v;
        quoted_text(quote, -1, true, v);
        add_scalar(line, column, parent, std::move(v), false);
    }
    void flow_seq(std::uint32_t parent) {
        std::uint32_t sq = add(Kind::Sequence, line_, col(), parent);
        Closer closer(*this, sq);
        if (flow_opened_empty(']')) return;
        for (;;) {
            flow_value(sq);
            if (flow_item_end(']')) return;
        }
    }
    void flow_map(std::uint32_t parent) {
        std::uint32_t m = add(Kind::Map, line_, col(), parent);
        Closer closer(*this, m);
        if (flow_opened_empty('}')) return;
        for (;;) {
            char c = cur();
            if (c == '"' || c == '\'') {
                flow_quoted(c, m);
            } else {
                plain_flow(m, true);
            }
            if (cur() != ':' || at(p_ + 1) != ' ') give_up();
            ++p_;
            skip_spaces();
            flow_value(m);
            if (flow_item_end('}')) return;
        }
    }
    void flow_value(std::uint32_t parent) {
        Deeper deeper(*this);
        char c = cur();
        if (c == '[') {
            flow_seq(parent);
        } else if (c == '{') {
            flow_map(parent);
        } else if (c == '"' || c == '\'') {
            flow_quoted(c, parent);
        } else {
            plain_flow(parent, false);
        }
    }
    void plain_flow(std::uint32_t parent, bool key) {
        char c = cur();
        if (bad_plain_start(c) || (c == '-' && (blank_or_end(at(p_ + 1)) || std::strchr(",[]{}", at(p_ + 1)))))
            give_up();
        std::size_t q = p_;
        for (;; ++q) {
            char d = at(q);
            if (d == '\n' || d == '\0') give_up();
            if (d == ',' || d == ']' || d == '}') {
                if (key) give_up();
                break;
            }
            if (d == '[' || d == '{' || d == '?') give_up();
            if (d == ':') {
                char f = at(q + 1);
                if (f == ' ' || f == ',' || f == ']' || f == '}' || f == '\n' || f == '\0') {
                    if (!key) give_up();
                    break;
                }
            }
            if (d == '#' && s_[q - 1] == ' ') give_up();
        }
        std::size_t end = q;
        while (end > p_ && s_[end - 1] == ' ') --end;
        add_scalar(line_, col(), parent, std::string(s_ + p_, end - p_), true);
        p_ = end;
    }

    // A literal (|) or folded (>) block scalar.
    void block_scalar(int parent_indent, std::uint32_t parent) {
        int line = line_, column = col();
        bool literal = cur() == '|';
        ++p_;
        char chomp = 0;
        int explicit_indent = 0;
        for (int i = 0; i < 2; ++i) {
            char d = cur();
            if ((d == '+' || d == '-') && !chomp) {
                chomp = d;
                ++p_;
            } else if (d >= '1' && d <= '9' && !explicit_indent) {
                explicit_indent = d - '0';
                ++p_;
            }
        }
        if (!literal && chomp == '+') give_up();  // yaml-cpp folds the kept line breaks too
        end_of_value_line();
        p_ = end_of_line(p_);
        if (eof()) give_up();
        newline();
        int n = 0;
        if (explicit_indent) {
            if (parent_indent < 0) give_up();
            n = parent_indent + explicit_indent;
        } else {
            std::size_t q = p_;
            std::size_t widest_blank = 0;
            for (;;) {
                std::size_t k = q;
                while (at(k) == ' ') ++k;
                if (k >= n_) give_up();  // nothing but blank lines
                if (s_[k] == '\n') {
                    widest_blank = std::max(widest_blank, k - q);
                    q = k + 1;
                    continue;
                }
                n = static_cast<int>(k - q);
                break;
            }
            if (n <= parent_indent || widest_blank > static_cast<std::size_t>(n)) give_up();
        }
        std::string v;
        std::size_t pending = 0;  // blank lines not yet placed
        bool any = false;
        for (;;) {
            std::size_t k = p_;
            while (at(k) == ' ') ++k;
            std::size_t indent = k - p_;
            if (k >= n_) {
                if (indent > 0) give_up();  // spaces and no final line break
                break;
            }
            if (s_[k] == '\n') {
                if (indent > static_cast<std::size_t>(n)) give_up();  // a blank line that keeps spaces
                ++pending;
                p_ = k;
                newline();
                continue;
            }
            if (indent < static_cast<std::size_t>(n)) break;
            std::size_t e = end_of_line(k);
            if (e >= n_) give_up();  // the last line has no line break
            std::size_t from = p_ + static_cast<std::size_t>(n);
            if (!literal && s_[from] == ' ') give_up();  // more-indented lines in a folded scalar
            if (!any)
                v.append(pending, '\n');
            else if (literal)
                v.append(pending + 1, '\n');
            else if (pending == 0)
                v += ' ';
            else
                v.append(pending, '\n');
            v.append(s_ + from, e - from);
            any = true;
            pending = 0;
            p_ = e;
            newline();
        }
        if (!any) give_up();
        if (chomp == '+')
            v.append(pending + 1, '\n');
        else if (chomp == 0)
            v += '\n';
        add_scalar(line, column, parent, std::move(v), false);
        next_token();
    }
};

// Characters the fast parser never meets: control characters (tabs among
// them), a byte-order mark, the Unicode line breaks, DEL. Carriage returns
// are allowed only before a line feed; returns whether there are any.
bool outside_subset(const std::string& text, bool& has_cr) {
    has_cr = false;
    const auto* b = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    // The common case first, in a loop the compiler vectorises: printable
    // ASCII and line feeds only.
    unsigned char odd = 0;
    for (std::size_t i = 0; i < n; ++i) odd |= static_cast<unsigned char>((b[i] < 0x20 && b[i] != '\n') | (b[i] >= 0x7F));
    if (!odd) return false;
    if (n >= 1 && (b[0] == 0xEF || b[0] == 0xFE || b[0] == 0xFF)) return true;
    for (std::size_t i = 0; i < n; ++i) {
        unsigned char c = b[i];
        if (c >= 0x20 && c < 0x7F) continue;
        if (c == '\n') continue;
        if (c == '\r') {
            if (i + 1 >= n || b[i + 1] != '\n') return true;
            has_cr = true;
            continue;
        }
        if (c < 0x20 || c == 0x7F) return true;
        if (c == 0xC2 && i + 1 < n && b[i + 1] == 0x85) return true;
        if (c == 0xE2 && i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9)) return true;
    }
    return false;
}

}  // namespace

std::optional<YamlDoc> YamlDoc::parse_fast(const std::string& text) {
    bool has_cr = false;
    if (outside_subset(text, has_cr)) return std::nullopt;
    std::string unix_text;
    std::string_view view = text;
    if (has_cr) {  // CRLF: the '\r' ends a line, so dropping it moves no mark
        unix_text.reserve(text.size());
        for (char c : text)
            if (c != '\r') unix_text += c;
        view = unix_text;
    }
    YamlDoc doc;
    doc.records_.reserve(view.size() / 12);
    doc.children_.reserve(view.size() / 12);
    try {
        FastParser(view, doc).parse_document();
    } catch (const GiveUp&) {
        return std::nullopt;
    }
    return doc;
}

}  // namespace sofs::load_detail
