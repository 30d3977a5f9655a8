// The live screens' logic without a window (live_model.hpp).
#include "live_model.hpp"
#include "model/places.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sofs::live {

namespace {

std::string title_or_id(const std::function<std::string(const std::string&)>& f, const std::string& id) {
    if (!f) return id;
    std::string t = f(id);
    return t.empty() ? id : t;
}

std::string plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// CSV field: quoted when it holds a comma, quote or line break; a leading
// = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
std::string csv_field(std::string s) {
    if (!s.empty() && std::strchr("=+-@", s[0])) s = "'" + s;
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// Markdown: a statement on one line, with characters that would format it escaped.
std::string md_text(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\n' || c == '\r') { out += ' '; continue; }
        if (std::strchr("\\`*_[]#<>|", c)) out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

// ------------------------------------------------------------------ the room

std::vector<RoomLine> room_lines(const std::vector<Member>& members, bool show_names, const Titles& titles) {
    std::vector<RoomLine> out;
    int n = 0;
    for (const auto& m : members) {
        RoomLine l;
        ++n;
        l.who = show_names ? m.name : "Person " + std::to_string(n);
        l.started = m.step >= 0;
        l.finished = m.status == "finished";
        l.where = l.started ? title_or_id(titles.scene, m.scene) : "Not started yet";
        if (l.finished) l.handed_in = "Finished the case";
        else if (!m.task.empty()) l.handed_in = title_or_id(titles.task, m.task);
        out.push_back(std::move(l));
    }
    return out;
}

std::string room_summary(const std::vector<Member>& members) {
    if (members.empty()) return "No one has joined yet.";
    int started = 0, finished = 0;
    for (const auto& m : members) {
        if (m.step >= 0) ++started;
        if (m.status == "finished") ++finished;
    }
    std::string s = plural(static_cast<int>(members.size()), "person has", "people have") + " joined; " +
                    std::to_string(started) + " started";
    if (finished > 0) s += ", " + std::to_string(finished) + " finished";
    return s + ".";
}

// ------------------------------------------------------------------ votes

Bins bin_votes(const std::vector<int>& numbers, int low, int high) {
    Bins b;
    std::vector<int> kept;
    for (int n : numbers) {
        if (n < 0 || n > 10) continue;
        ++b.counts[static_cast<std::size_t>(n)];
        kept.push_back(n);
        if (n >= low && n <= high) ++b.in_range;
    }
    b.total = static_cast<int>(kept.size());
    for (int c : b.counts) b.tallest = std::max(b.tallest, c);
    if (!kept.empty()) {
        std::sort(kept.begin(), kept.end());
        std::size_t k = kept.size();
        b.middle = k % 2 ? kept[k / 2] : (kept[k / 2 - 1] + kept[k / 2]) / 2.0;
    }
    return b;
}

std::string vote_summary(const Bins& b, int low, int high) {
    if (b.total == 0) return "No votes.";
    std::string s = plural(b.total, "vote", "votes") + "; " + std::to_string(b.in_range) + " within the experts' range (" +
                    std::to_string(low) + " to " + std::to_string(high) + ")";
    char mid[32];
    std::snprintf(mid, sizeof mid, *b.middle == static_cast<int>(*b.middle) ? "%.0f" : "%.1f", *b.middle);
    return s + "; the middle is " + mid + ".";
}

std::string voted_line(int voted, int members) {
    return std::to_string(voted) + " of " + std::to_string(members) + (voted == 1 && members == 1 ? " has" : " have") +
           " voted";
}

// ------------------------------------------------------------------ the statement wall

void Wall::update(std::vector<WallItem> items) {
    for (auto& it : items)
        for (const auto& old : items_)
            if (old.key == it.key) {
                it.hidden = old.hidden;
                it.pinned = old.pinned;
            }
    items_ = std::move(items);
}

bool Wall::hide(const std::string& key, bool hidden) {
    for (auto& it : items_)
        if (it.key == key) {
            it.hidden = hidden;
            if (hidden) it.pinned = false;
            return true;
        }
    return false;
}

bool Wall::pin(const std::string& key, bool pinned) {
    for (auto& it : items_)
        if (it.key == key) {
            it.pinned = pinned;
            if (pinned) it.hidden = false;
            return true;
        }
    return false;
}

std::vector<const WallItem*> Wall::column(WallKind kind, bool with_hidden) const {
    std::vector<const WallItem*> out;
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& it : items_)
            if (it.kind == kind && it.pinned == (pass == 0) && (with_hidden || !it.hidden)) out.push_back(&it);
    return out;
}

int Wall::hidden_count() const {
    return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const WallItem& i) { return i.hidden; }));
}

std::string wall_label(WallKind kind, int number) {
    return std::string(kind == WallKind::Danger ? "Danger statement " : "Safety goal ") + std::to_string(number);
}

std::string marks_line(const std::vector<Mark>& marks) {
    std::string s;
    for (const auto& m : marks) {
        if (!s.empty()) s += "; ";
        s += (m.title.empty() ? m.criterion : m.title) + (m.met ? " (met)" : " (not met)");
    }
    return s.empty() ? "not marked" : s;
}

std::string Wall::markdown(const std::string& title) const {
    std::string md = "# " + md_text(title) + "\n\nThe room's statements, without names. Pinned ones first.\n";
    for (WallKind kind : {WallKind::Danger, WallKind::Goal}) {
        md += kind == WallKind::Danger ? "\n## Danger statements\n\n" : "\n## Safety goals\n\n";
        auto col = column(kind);
        if (col.empty()) md += "None yet.\n";
        int n = 0;
        for (const WallItem* it : col) {
            md += "- **" + wall_label(kind, ++n) + (it->pinned ? " (pinned)" : "") + ":** " + md_text(it->text) + "\n";
            md += "  - The assessor: " + marks_line(it->marks) + "\n";
        }
    }
    return md;
}

std::string Wall::csv_rows() const {
    std::string out;
    for (WallKind kind : {WallKind::Danger, WallKind::Goal}) {
        int n = 0;
        for (const WallItem* it : column(kind))
            out += "wall," + csv_field(wall_label(kind, ++n)) + "," +
                   (kind == WallKind::Danger ? "danger statement" : "safety goal") + "," + (it->pinned ? "pinned" : "") +
                   "," + csv_field(it->text) + "," + csv_field(marks_line(it->marks)) + "\n";
    }
    return out;
}

// ------------------------------------------------------------------ sorting votes

std::vector<SortingRow> compare_sortings(const std::vector<std::vector<Placed>>& rounds) {
    std::vector<SortingRow> rows;
    auto row_of = [&](const std::string& fact) -> SortingRow& {
        for (auto& r : rows)
            if (r.fact == fact) return r;
        rows.push_back({fact, std::vector<std::vector<PlaceCount>>(rounds.size()), false});
        return rows.back();
    };
    for (std::size_t i = 0; i < rounds.size(); ++i)
        for (const auto& p : rounds[i])
            if (p.count > 0) row_of(p.fact).rounds[i].push_back({p.place, p.count});
    for (auto& r : rows) {
        for (auto& cell : r.rounds)
            std::stable_sort(cell.begin(), cell.end(), [](const PlaceCount& a, const PlaceCount& b) {
                return a.count != b.count ? a.count > b.count : a.place < b.place;
            });
        // The most-chosen place (all of them, when tied) of the first and the last round that placed the fact.
        auto tops = [](const std::vector<PlaceCount>& cell) {
            std::set<Place> t;
            for (const auto& c : cell)
                if (c.count == cell.front().count) t.insert(c.place);
            return t;
        };
        const std::vector<PlaceCount>* first = nullptr;
        const std::vector<PlaceCount>* last = nullptr;
        for (const auto& cell : r.rounds)
            if (!cell.empty()) {
                if (!first) first = &cell;
                last = &cell;
            }
        r.moved = first && last && first != last && tops(*first) != tops(*last);
    }
    return rows;
}

std::optional<Place> place_from(const std::string& name) {
    if (std::optional<FactKind> k = fact_kind_from(name)) return Place{*k};
    if (std::optional<House> h = house_from(name)) return Place{*h};
    return std::nullopt;
}

std::string place_name(const Place& p) {
    return std::visit([](auto v) { return std::string(to_string(v)); }, p);
}

std::vector<Place> sorting_places(TaskKind kind) {
    std::vector<Place> out;
    if (kind == TaskKind::ThreeHouses)
        for (House h : kHousesInOrder) out.push_back(h);
    else
        for (FactKind k : kFactKindsInOrder) out.push_back(k);
    return out;
}

const char* place_words(const Place& place) {
    return std::visit([](auto v) { return display_name(v); }, place);
}

std::string placed_line(const std::vector<PlaceCount>& cell) {
    std::string s;
    for (const auto& c : cell) s += (s.empty() ? "" : "; ") + std::string(place_words(c.place)) + " " + std::to_string(c.count);
    return s.empty() ? "not placed" : s;
}

std::string round_title(int round) {
    return "Round " + std::to_string(round) + (round == 1 ? ": before discussion" : ": after discussion");
}

// ------------------------------------------------------------------ the session's export

std::string improvements_markdown(const std::vector<Improved>& improved) {
    if (improved.empty()) return "";
    std::string out = "\n## Improved together\n";
    int n = 0;
    for (const auto& imp : improved) {
        out += "\n### Improved together " + std::to_string(++n) + "\n\nThe " +
               (imp.kind == WallKind::Danger ? "danger statement" : "safety goal") + ": " + md_text(imp.original) + "\n\n";
        int k = 0;
        for (const auto& e : imp.edits) {
            out += std::to_string(++k) + ". " + md_text(e.text) + (e.picked ? " **(picked)**" : "") + "\n";
            out += "   - The assessor: " + marks_line(e.marks) + "\n";
        }
        if (k == 0) out += "No edits were proposed.\n";
        for (const auto& e : imp.edits)
            if (e.picked) out += "\nThe room's improved version: " + md_text(e.text) + "\n";
    }
    return out;
}

namespace {

std::string numbers_line(const std::vector<int>& numbers) {
    std::string s;
    for (int n : numbers) s += (s.empty() ? "" : " ") + std::to_string(n);
    return s.empty() ? "no votes" : s;
}

std::string fact_words(const VoteRecord& v, const std::string& id) {
    std::string t = v.fact_text ? v.fact_text(id) : "";
    return t.empty() ? id : t;
}

}  // namespace

std::string votes_markdown(const std::vector<VoteRecord>& votes) {
    if (votes.empty()) return "";
    std::string out = "\n## Votes\n\nEvery revealed round, without names; the rounds of each task side by side.\n";
    for (const auto& v : votes) {
        out += "\n### " + md_text(v.title) + "\n\n";
        std::string head = "|", rule = "|";
        if (v.sorting) {
            head += " Fact |";
            rule += " --- |";
        } else {
            head += " |";
            rule += " --- |";
        }
        for (int r : v.round_numbers) {
            head += " " + round_title(r) + " |";
            rule += " --- |";
        }
        out += head + "\n" + rule + "\n";
        if (!v.sorting) {
            std::string nums = "| The numbers |", summary = "| In words |";
            for (std::size_t i = 0; i < v.numbers.size(); ++i) {
                nums += " " + numbers_line(v.numbers[i]) + " |";
                summary += " " + md_text(vote_summary(bin_votes(v.numbers[i], v.low, v.high), v.low, v.high)) + " |";
            }
            out += nums + "\n" + summary + "\n\nThe experts' range is " + std::to_string(v.low) + " to " +
                   std::to_string(v.high) + "; their number is " + std::to_string(v.expert) + ".\n";
            continue;
        }
        auto rows = compare_sortings(v.placements);
        int moved = 0;
        for (const auto& row : rows) {
            out += "| " + md_text(fact_words(v, row.fact)) + (row.moved ? " *(the room moved it)*" : "") + " |";
            for (const auto& cell : row.rounds) out += " " + md_text(placed_line(cell)) + " |";
            out += "\n";
            moved += row.moved ? 1 : 0;
        }
        if (rows.empty()) out += "| No one sent a sorting. |\n";
        out += "\nHow many put each one in each place, most first.";
        if (v.round_numbers.size() > 1)
            out += " The room's most-chosen place changed for " + plural(moved, "fact", "facts") + " between the rounds.";
        out += "\n";
    }
    return out;
}

std::string session_csv(const Wall& wall, const std::vector<Improved>& improved, const std::vector<VoteRecord>& votes) {
    std::string out = "section,label,kind,status,text,details\n" + wall.csv_rows();
    int n = 0;
    for (const auto& imp : improved) {
        std::string label = "Improved together " + std::to_string(++n);
        std::string kind = imp.kind == WallKind::Danger ? "danger statement" : "safety goal";
        out += "improved together," + csv_field(label) + "," + kind + ",original," + csv_field(imp.original) + ",\n";
        int k = 0;
        for (const auto& e : imp.edits)
            out += "improved together," + csv_field(label + ", edit " + std::to_string(++k)) + "," + kind + "," +
                   (e.picked ? "picked" : "proposed") + "," + csv_field(e.text) + "," + csv_field(marks_line(e.marks)) + "\n";
    }
    for (const auto& v : votes) {
        if (!v.sorting) {
            for (std::size_t i = 0; i < v.numbers.size() && i < v.round_numbers.size(); ++i)
                out += "vote," + csv_field(v.title) + ",scaling," + csv_field(round_title(v.round_numbers[i])) + "," +
                       csv_field(numbers_line(v.numbers[i])) + "," +
                       csv_field(vote_summary(bin_votes(v.numbers[i], v.low, v.high), v.low, v.high)) + "\n";
            continue;
        }
        for (const auto& row : compare_sortings(v.placements)) {
            std::string details;
            for (std::size_t i = 0; i < row.rounds.size() && i < v.round_numbers.size(); ++i)
                details += (details.empty() ? "" : " | ") + round_title(v.round_numbers[i]) + ": " + placed_line(row.rounds[i]);
            out += "vote," + csv_field(v.title) + ",sorting," + (row.moved ? "moved" : "") + "," +
                   csv_field(fact_words(v, row.fact)) + "," + csv_field(details) + "\n";
        }
    }
    return out;
}

std::string export_name(const std::string& join_code, const std::string& what, const std::string& extension) {
    std::string code;
    for (char c : join_code)
        if (std::isalnum(static_cast<unsigned char>(c))) code += c;
    return "live-session-" + (code.empty() ? std::string("session") : code) + "-" + what + "." + extension;
}

std::optional<std::string> write_export(const std::string& folder, const std::string& file_name, const std::string& content,
                                        std::string* error) {
    if (folder.empty()) { *error = "choose a folder to export into"; return std::nullopt; }
    if (file_name.empty() || file_name.find('/') != std::string::npos || file_name == "." || file_name == ".." ||
        file_name.find("..") != std::string::npos) {
        *error = "the file name '" + file_name + "' must be a plain name inside the chosen folder";
        return std::nullopt;
    }
    struct stat st{};
    if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        *error = "the folder '" + folder + "' does not exist (make it first, or choose another)";
        return std::nullopt;
    }
    std::string path = folder + (folder.back() == '/' ? "" : "/") + file_name;
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = "could not write '" + path + "': " + std::strerror(errno);
        return std::nullopt;
    }
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t w = ::write(fd, content.data() + done, content.size() - done);
        if (w < 0) {
            if (errno == EINTR) continue;
            *error = "could not write '" + path + "': " + std::strerror(errno);
            ::close(fd);
            return std::nullopt;
        }
        done += static_cast<std::size_t>(w);
    }
    if (::close(fd) != 0) {
        *error = "could not finish writing '" + path + "': " + std::strerror(errno);
        return std::nullopt;
    }
    return path;
}

std::string shorten(const std::string& s, std::size_t n) {
    if (s.size() <= n) return s;
    std::size_t cut = s.rfind(' ', n);
    return s.substr(0, cut == std::string::npos || cut < n / 2 ? n : cut) + "...";
}

}  // namespace sofs::live
