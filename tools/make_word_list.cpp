// Build step: the list of real English words the assessor asks about
// (assessment/rubric/text/words.cpp, WordTable::is_real_word), written from
// the system's en_GB Hunspell dictionary so the assessor need not hold
// Hunspell's dictionary in memory (about 6 MiB) to answer "is this a real
// word?".
//
//   make_word_list UNMUNCH DIC AFF OUT
//
// Hunspell's own `unmunch` (package hunspell-tools) expands the dictionary
// into every word it accepts. The dictionary's lines are given to it without
// their tab-separated notes ("astray<TAB>Adverb"), which unmunch would read as
// part of the word. Kept: words of four or more lower-case ASCII letters (the
// only words the assessor asks about), each one checked with Hunspell itself,
// sorted and unique. The first line names the dictionary it was made from
// (its size and modification time): a program that finds another dictionary
// installed asks Hunspell instead, so a verdict never depends on a stale list.
#include <hunspell/hunspell.hxx>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: make_word_list UNMUNCH DIC AFF OUT\n");
        return 2;
    }
    const std::string unmunch = argv[1], dic = argv[2], aff = argv[3], out = argv[4];
    struct stat st {};
    if (stat(dic.c_str(), &st) != 0) {
        std::fprintf(stderr, "make_word_list: %s: cannot read the dictionary\n", dic.c_str());
        return 1;
    }
    std::ifstream in(dic);
    const std::string clean = out + ".dic.tmp";
    {
        std::ofstream c(clean);
        std::string line;
        while (std::getline(in, line)) c << line.substr(0, line.find('\t')) << '\n';
        if (!c) {
            std::fprintf(stderr, "make_word_list: %s: cannot write\n", clean.c_str());
            return 1;
        }
    }
    const std::string cmd = "'" + unmunch + "' '" + clean + "' '" + aff + "' 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) {
        std::fprintf(stderr, "make_word_list: cannot run %s\n", unmunch.c_str());
        return 1;
    }
    Hunspell speller(aff.c_str(), dic.c_str());
    std::vector<std::string> words;
    std::string w;
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) {
        w = buf;
        while (!w.empty() && (w.back() == '\n' || w.back() == '\r')) w.pop_back();
        if (w.size() < 4 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
        if (speller.spell(w)) words.push_back(w);
    }
    int rc = pclose(p);
    unlink(clean.c_str());
    if (rc != 0 || words.empty()) {
        std::fprintf(stderr, "make_word_list: %s gave no words (exit %d)\n", unmunch.c_str(), rc);
        return 1;
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    const std::string tmp = out + ".tmp";
    {
        std::ofstream o(tmp);
        o << "sofs-words 1 " << (long long)st.st_size << ' ' << (long long)st.st_mtime << '\n';
        for (const auto& x : words) o << x << '\n';
        if (!o) {
            std::fprintf(stderr, "make_word_list: %s: cannot write\n", tmp.c_str());
            return 1;
        }
    }
    if (std::rename(tmp.c_str(), out.c_str()) != 0) {
        std::perror("make_word_list: rename");
        return 1;
    }
    std::printf("make_word_list: %zu words from %s\n", words.size(), dic.c_str());
    return 0;
}
