// Wrapping text for the terminal.
#include "terminal_text.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace sofs::cli {

namespace {
// Characters, not bytes: UTF-8 continuation bytes do not take a column.
int columns(const std::string& s) {
    int n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}
}  // namespace

int terminal_width() {
    int w = 0;
    winsize ws{};
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) w = ws.ws_col;
    if (w <= 0)
        if (const char* c = std::getenv("COLUMNS")) w = std::atoi(c);
    if (w <= 0) w = 80;
    return std::max(w, 20);
}

std::string wrap_words(const std::string& text, int width, const std::string& first, const std::string& rest) {
    std::string out;
    std::string line = first;
    int used = columns(first);
    int indent = columns(rest);
    bool line_has_word = false;
    auto end_line = [&] {
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line;
        out += '\n';
        line = rest;
        used = indent;
        line_has_word = false;
    };
    std::size_t i = 0;
    while (i <= text.size()) {
        if (i == text.size()) break;
        if (text[i] == '\n') {
            end_line();
            ++i;
            continue;
        }
        if (text[i] == ' ' || text[i] == '\t') { ++i; continue; }
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '\n') ++j;
        std::string word = text.substr(i, j - i);
        int w = columns(word);
        if (line_has_word && used + 1 + w > width) end_line();
        if (line_has_word) { line += ' '; ++used; }
        line += word;
        used += w;
        line_has_word = true;
        i = j;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    return out;
}

}  // namespace sofs::cli
