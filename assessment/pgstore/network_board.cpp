// A practice-lead network's board laid out and exported (network_board.hpp).
#include "network_board.hpp"

#include "progress/private_files.hpp"
#include "progress/report.hpp"

#include <algorithm>
#include <cctype>
#include <sys/stat.h>

namespace sofs::progress::network {

const std::vector<Place>& columns() {
    static const std::vector<Place> c = {
        {"harm", "Past harm", "What has happened to the children, and how it affected them"},
        {"danger", "Future danger", "What everyone is worried could happen if nothing changes"},
        {"complicating", "Complicating factors", "What makes the problems harder to solve"},
        {"strengths", "Strengths", "What is good in the family and the people around it"},
        {"safety", "Existing safety", "Strengths shown as protection, again and again, over time"},
        {"grey", "Grey areas", "What no one knows yet, or people disagree about"},
    };
    return c;
}

const std::vector<Place>& statements() {
    static const std::vector<Place> s = {
        {"danger-statement", "Danger statements", "Who is worried, about what the adults might do, and what it could mean for the child"},
        {"safety-goal", "Safety goals", "What the adults will do, for how long, so everyone is confident the child is safe"},
        {"next-step", "Next steps", "Who does what next, and by when"},
    };
    return s;
}

bool known_kind(const std::string& kind) {
    for (const auto* list : {&columns(), &statements()})
        for (const auto& p : *list)
            if (kind == p.kind) return true;
    return false;
}

std::string kind_title(const std::string& kind) {
    for (const auto* list : {&columns(), &statements()})
        for (const auto& p : *list)
            if (kind == p.kind) return p.title;
    return kind;
}

std::string kinds_list() {
    std::string out;
    for (const auto* list : {&columns(), &statements()})
        for (const auto& p : *list) out += (out.empty() ? "" : ", ") + std::string(p.kind);
    return out;
}

std::vector<const PgStore::NetworkItem*> items_of(const PgStore::NetworkBoard& b, const std::string& kind) {
    std::vector<const PgStore::NetworkItem*> out;
    for (const auto& i : b.items)
        if (i.kind == kind) out.push_back(&i);
    return out;
}

std::vector<std::vector<const PgStore::PerspectiveScale*>> by_number(const PgStore::NetworkBoard& b) {
    std::vector<std::vector<const PgStore::PerspectiveScale*>> out(11);
    for (const auto& s : b.scales)
        if (s.number >= 0 && s.number <= 10) out[static_cast<std::size_t>(s.number)].push_back(&s);
    return out;
}

std::string scale_summary(const PgStore::NetworkBoard& b) {
    if (b.scales.empty()) return "No one has scaled yet.";
    std::vector<const PgStore::PerspectiveScale*> s;
    for (const auto& x : b.scales) s.push_back(&x);
    std::stable_sort(s.begin(), s.end(), [](auto* a, auto* c) { return a->number < c->number; });
    std::vector<int> n;
    for (auto* x : s) n.push_back(x->number);
    std::size_t k = n.size();
    double mid = k % 2 ? n[k / 2] : (n[k / 2 - 1] + n[k / 2]) / 2.0;
    char m[16];
    std::snprintf(m, sizeof m, mid == static_cast<int>(mid) ? "%.0f" : "%.1f", mid);
    if (k == 1)
        return "One perspective: " + s[0]->perspective + " at " + std::to_string(s[0]->number) + ".";
    return std::to_string(k) + " perspectives, from " + std::to_string(s.front()->number) + " (" + s.front()->perspective +
           ") to " + std::to_string(s.back()->number) + " (" + s.back()->perspective + "); the middle is " + m + ".";
}

namespace {

std::string one_line(const std::string& t) {
    std::string out;
    for (char c : t) out += (c == '\n' || c == '\r') ? ' ' : c;
    return out;
}

std::string marks_text(const std::vector<BoardMark>& marks) {
    std::string out;
    for (const auto& m : marks) out += (out.empty() ? "" : "; ") + m.title + (m.met ? " (met)" : " (not yet)");
    return out;
}

}  // namespace

std::string markdown(const PgStore::NetworkBoard& b, const MarksFor& marks) {
    std::string out = "# " + one_line(b.info.title) + "\n\n";
    out += b.info.scenario.empty() ? "A real case, mapped by the practice-lead network"
                                   : "Mapped by the practice-lead network from the bundled case `" + b.info.scenario + "`";
    if (!b.info.cohort.empty()) out += " (" + one_line(b.info.cohort) + ")";
    out += ".\n\n## The mapping\n";
    for (const auto* list : {&columns(), &statements()})
        for (const auto& p : *list) {
            out += "\n### " + std::string(p.title) + "\n\n";
            auto its = items_of(b, p.kind);
            if (its.empty()) out += "_Nothing yet._\n";
            for (auto* it : its) {
                out += "- " + one_line(it->text) + "\n";
                if (marks) {
                    auto m = marks(*it);
                    if (!m.empty()) out += "  - Assessor: " + marks_text(m) + "\n";
                }
            }
        }
    out += "\n## Scaling from each perspective\n\n";
    out += "0 means the children will be hurt again; 10 means everyone is confident they are safe enough to close the case.\n\n";
    if (b.scales.empty()) out += "_No one has scaled yet._\n";
    else {
        out += "| Perspective | Number | Why |\n|---|---|---|\n";
        auto cell = [](const std::string& t) {
            std::string o;
            for (char c : one_line(t)) o += c == '|' ? std::string("\\|") : std::string(1, c);
            return o;
        };
        for (const auto& s : b.scales)
            out += "| " + cell(s.perspective) + " | " + std::to_string(s.number) + " | " + cell(s.reason) + " |\n";
        out += "\n" + scale_summary(b) + "\n";
    }
    return out;
}

std::string csv(const PgStore::NetworkBoard& b, const MarksFor& marks) {
    std::string out = "place,number,text,assessor\n";
    for (const auto* list : {&columns(), &statements()})
        for (const auto& p : *list)
            for (auto* it : items_of(b, p.kind))
                out += csv_field(p.title) + ",," + csv_field(it->text) + "," +
                       csv_field(marks ? marks_text(marks(*it)) : "") + "\n";
    for (const auto& s : b.scales)
        out += csv_field("Scaling: " + s.perspective) + "," + std::to_string(s.number) + "," + csv_field(s.reason) + ",\n";
    return out;
}

std::string export_name(const PgStore::NetworkBoard& b, const std::string& extension) {
    std::string slug;
    for (char c : b.info.title) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) slug += static_cast<char>(std::tolower(u));
        else if (!slug.empty() && slug.back() != '-') slug += '-';
        if (slug.size() >= 40) break;
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return "network-" + std::to_string(b.info.id) + (slug.empty() ? "" : "-" + slug) + "." + extension;
}

std::optional<std::string> write_owner_only(const std::string& folder, const std::string& file_name,
                                            const std::string& content, std::string* error) {
    if (folder.empty()) { *error = "choose a folder to export into"; return std::nullopt; }
    if (file_name.empty() || file_name.find('/') != std::string::npos || file_name.find("..") != std::string::npos ||
        file_name == ".") {
        *error = "the file name '" + file_name + "' must be a plain name inside the chosen folder";
        return std::nullopt;
    }
    struct stat st{};
    if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        *error = "the folder '" + folder + "' does not exist (make it first, or choose another)";
        return std::nullopt;
    }
    std::string path = folder + (folder.back() == '/' ? "" : "/") + file_name;
    if (!write_private_file(path, content, error)) return std::nullopt;
    return path;
}

}  // namespace sofs::progress::network
