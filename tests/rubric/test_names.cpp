// Nothing about a particular case lives in C++: the assessor and the screens
// read every person's name from the scenario. This test fails if the name of
// anyone in a bundled scenario appears in a string literal in assessment/ or
// ui/ source (comments may name them, as examples).
#include "labelled.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>

namespace fs = std::filesystem;

namespace {

// The string literals of a C++ source, comments left out.
std::vector<std::pair<int, std::string>> literals(const std::string& src) {
    std::vector<std::pair<int, std::string>> out;
    int line = 1;
    for (std::size_t i = 0; i < src.size(); ++i) {
        char ch = src[i];
        if (ch == '\n') ++line;
        if (ch == '/' && i + 1 < src.size() && src[i + 1] == '/') {
            while (i < src.size() && src[i] != '\n') ++i;
            ++line;
            continue;
        }
        if (ch == '/' && i + 1 < src.size() && src[i + 1] == '*') {
            for (i += 2; i + 1 < src.size() && !(src[i] == '*' && src[i + 1] == '/'); ++i)
                if (src[i] == '\n') ++line;
            ++i;
            continue;
        }
        if (ch == '\'' ) {  // a character literal
            for (++i; i < src.size() && src[i] != '\''; ++i)
                if (src[i] == '\\') ++i;
            continue;
        }
        if (ch != '"') continue;
        bool raw = i > 0 && src[i - 1] == 'R';
        std::string s;
        if (raw) {
            std::size_t open = src.find('(', i);
            std::string delim = ")" + src.substr(i + 1, open - i - 1) + "\"";
            std::size_t close = src.find(delim, open);
            s = src.substr(open + 1, close - open - 1);
            for (char c : s) line += c == '\n';
            i = close + delim.size() - 1;
        } else {
            for (++i; i < src.size() && src[i] != '"'; ++i) {
                if (src[i] == '\\') s += src[i++];
                s += src[i];
            }
        }
        out.push_back({line, s});
    }
    return out;
}

}  // namespace

TEST_CASE("no person's name from a bundled scenario appears in a string in assessment/ or ui/ source") {
    // Words the family uses for roles are not names ("Mum", "Dad", "Nain").
    static const std::set<std::string> roles = {"Mum", "Mummy", "Dad", "Daddy", "Mam", "Nan", "Nanny", "Nain", "Grandma",
                                                "Auntie", "Uncle", "Mr", "Mrs", "Ms", "Miss", "Dr", "PC", "DC", "Lil",
                                                "May", "Will", "The", "Little"};
    std::set<std::string> names;
    for (const auto& w : sofs::testing::bundled_name_words())
        if (w.size() >= 3 && !roles.count(w)) names.insert(w);
    REQUIRE(names.count("Kai"));
    std::vector<std::string> found;
    for (const char* dir : {"assessment", "ui"})
        for (auto& e : fs::recursive_directory_iterator(std::string(SOFS_SOURCE_DIR) + "/" + dir)) {
            auto ext = e.path().extension();
            if (ext != ".cpp" && ext != ".hpp") continue;
            std::ifstream in(e.path());
            std::string src((std::istreambuf_iterator<char>(in)), {});
            for (auto& [line, lit] : literals(src))
                for (auto& n : names) {
                    std::regex whole("(^|[^\\w])" + n + "([^\\w]|$)");
                    if (lit.find(n) != std::string::npos && std::regex_search(lit, whole))
                        found.push_back(fs::relative(e.path(), SOFS_SOURCE_DIR).string() + ":" + std::to_string(line) +
                                        ": '" + n + "'");
                }
        }
    for (auto& f : found) CHECK_MESSAGE(false, f);
    CHECK(found.empty());
}
