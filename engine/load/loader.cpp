// The scenario loader: YAML text -> Scenario, with every problem collected as
// a Diagnostic. Pass one walks the YAML tree once, checking structure (types,
// required, unknown and duplicate keys) and recording every reference to an
// id with its position; pass two checks meaning (duplicate ids, references,
// the scene graph, the expert key) with hash lookups, so loading stays linear
// in the size of the file. The codes are documented in scenarios/codes/.
#include "load/loader.hpp"

#include "load/cache.hpp"
#include "load/text_check.hpp"
#include "load/yaml_tree.hpp"

#include "runtime/condition.hpp"
#include "runtime/hash.hpp"
#include "runtime/voices.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

namespace sofs {
namespace {

namespace fs = std::filesystem;
using Node = load_detail::YamlNode;

// ---------------------------------------------------------------- small helpers

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

// " (did you mean 'x'?)" when one of the candidates is close, else "".
template <typename Range>
std::string did_you_mean(std::string_view word, const Range& candidates) {
    std::string best;
    std::size_t best_d = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        std::string_view cv(c);
        std::size_t d = edit_distance(word, cv);
        if (d < best_d && d < std::max(word.size(), cv.size())) {
            best_d = d;
            best = std::string(cv);
        }
    }
    return best.empty() ? "" : " (did you mean '" + best + "'?)";
}

// A value as quoted in a message: whole when short, else its start and how
// long it is, so a hostile 100 KB value cannot flood the output.
std::string shown(std::string_view v) {
    constexpr std::size_t kShown = 60;
    if (v.size() <= kShown) return std::string(v);
    std::size_t cut = kShown;
    while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
    return std::string(v.substr(0, cut)) + "... (" + std::to_string(v.size()) + " bytes)";
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

// Characters, not bytes: the limits are for people reading the text.
std::size_t char_count(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// Keys whose text is a name or a title, held to kMaxNameChars.
bool name_like_key(std::string_view key) {
    static constexpr std::string_view kNames[] = {"name", "title", "place", "speaker", "gender", "relationship",
                                                  "household", "kind", "role", "move", "stage", "source"};
    return std::find(std::begin(kNames), std::end(kNames), key) != std::end(kNames);
}

// Why a file reference (relative to the scenario's folder) would reach
// outside that folder, or "" when it stays inside. Judged on the text alone:
// absolute paths, drive letters, '..' steps (with either slash) and control
// characters are refused; links on disk are checked when the file is looked
// for (check_audio).
std::string leaves_folder(std::string_view path) {
    if (path.starts_with('/') || path.starts_with('\\'))
        return "is an absolute path";
    if (path.size() >= 2 && path[1] == ':' && std::isalpha(static_cast<unsigned char>(path[0])))
        return "starts with a drive letter";
    for (char c : path)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return "contains a control character";
    std::size_t from = 0;
    while (from <= path.size()) {
        std::size_t to = path.find_first_of("/\\", from);
        if (to == std::string_view::npos) to = path.size();
        if (path.substr(from, to - from) == "..") return "steps out with '..'";
        from = to + 1;
    }
    return "";
}

bool valid_id(std::string_view s) {
    if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9'))) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

SourcePos pos_of(const Node& n) {
    return n.pos();
}

const char* shape(const Node& n) {
    if (n.IsMap()) return "a map";
    if (n.IsSequence()) return "a list";
    if (n.IsNull()) return "empty";
    return "text";
}

enum class Need { Optional, Required };

// Key equality, looking at the length and first letter before the rest:
// the loader compares keys many times per map, and most pairs differ early.
inline bool same_key(std::string_view a, std::string_view b) {
    return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a.compare(b) == 0));
}

// What a value is, for messages: either the words themselves or a function
// that builds them. The loader reads every field of every file but reports
// few problems, so the words are built only when a problem is reported.
template <typename What>
std::string words(const What& what) {
    if constexpr (std::is_invocable_v<const What&>)
        return what();
    else
        return std::string(what);
}

// Whether a plain scalar is one of the words YAML 1.1 reads as true or false
// (any case). None is longer than five letters, so longer text is never one.
bool yaml11_bool_word(std::string_view v) {
    if (v.size() > 5) return false;
    char low[5];
    for (std::size_t i = 0; i < v.size(); ++i)
        low[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(v[i])));
    const std::string_view l(low, v.size());
    static constexpr std::string_view kBools[] = {"yes", "no", "on", "off", "y", "n", "true", "false"};
    for (std::string_view b : kBools)
        if (l == b) return true;
    return false;
}

// One YAML map, with its keys checked once: duplicates, unknown keys.
struct Map {
    struct Entry {
        std::string_view key;  // into the YAML document, which outlives every Map
        SourcePos key_pos;
        Node value;
    };
    SourcePos pos;
    std::string what;  // "scene 'first-visit'", for messages
    std::vector<Entry> entries;

    const Entry* find(std::string_view key) const {
        for (const auto& e : entries)
            if (same_key(e.key, key)) return &e;
        return nullptr;
    }
};

// Where a description sits in the loader's shared buffer of descriptions.
// References keep their words there, so recording one allocates nothing.
struct Described {
    std::uint32_t at = 0, size = 0;
};

// A reference to an id, checked in pass two.
struct Ref {
    enum class Kind { Scene, Fact, Person, Ending, Flag, Number } kind;
    std::string id;
    SourcePos pos;
    Described what;  // "'next' of choice 'x'"
};

const char* kind_word(Ref::Kind k) {
    switch (k) {
        case Ref::Kind::Scene: return "scene";
        case Ref::Kind::Fact: return "fact";
        case Ref::Kind::Person: return "person";
        case Ref::Kind::Ending: return "ending";
        case Ref::Kind::Flag: return "flag";
        case Ref::Kind::Number: return "number";
    }
    return "";
}

const char* ref_code(Ref::Kind k) {
    switch (k) {
        case Ref::Kind::Scene: return "SCN010";
        case Ref::Kind::Fact: return "SCN011";
        case Ref::Kind::Person: return "SCN012";
        case Ref::Kind::Ending: return "SCN013";
        case Ref::Kind::Flag: return "SCN014";
        case Ref::Kind::Number: return "SCN015";
    }
    return "";
}

template <typename E, typename F>
std::vector<std::string> names_of(std::initializer_list<E> values, F to_str) {
    std::vector<std::string> out;
    for (E v : values) out.push_back(to_str(v));
    return out;
}

// ---------------------------------------------------------------- the loader

class Loader {
public:
    Loader(std::string file, std::string base_dir, Diagnostics& d)
        : file_(std::move(file)), base_dir_(std::move(base_dir)), d_(d) {}

    std::shared_ptr<Scenario> load(const std::string& text);
    std::vector<load_detail::AudioRef> take_audio() { return std::move(audio_); }

private:
    // diagnostics
    void error(SourcePos p, const char* code, const std::string& msg) {
        d_.error(file_, p.line, p.column, code, msg);
    }
    void warning(SourcePos p, const char* code, const std::string& msg) {
        d_.warning(file_, p.line, p.column, code, msg);
    }

    // structure
    std::optional<Map> open_map(const Node& n, SourcePos where, std::string what,
                                std::initializer_list<std::string_view> known);
    bool present(const Map& m, std::string_view key, Need need);
    // The entry under `key` when it has a value; null when it is missing
    // (reported as `need` says) or empty (reported when `empty_is_error`).
    const Map::Entry* valued(const Map& m, std::string_view key, Need need, bool empty_is_error);
    std::optional<std::string> text(const Map& m, std::string_view key, Need need);
    template <typename What>
    std::optional<std::string> scalar_text(const Node& n, SourcePos p, const What& what);
    std::optional<std::string> id(const Map& m, std::string_view key, Need need);
    std::optional<int> integer(const Map& m, std::string_view key, Need need);
    template <typename What>
    std::optional<int> integer_node(const Node& n, SourcePos p, const What& what);
    std::optional<bool> boolean(const Map& m, std::string_view key);
    // The items of a list (each with its position); empty when missing or wrong.
    std::vector<std::pair<Node, SourcePos>> list(const Map& m, std::string_view key, Need need);
    // The map entry holding the list under `key`, after checking it is one; null when missing or wrong.
    const Map::Entry* sequence(const Map& m, std::string_view key, Need need);
    // Walks the list under `key` (see sequence), calling add(out, item, its position) for each item.
    template <typename T, typename Add>
    std::vector<T> each_item(const Map& m, std::string_view key, Need need, Add&& add);
    std::vector<std::string> text_list(const Map& m, std::string_view key, Need need);
    std::vector<std::string> id_list(const Map& m, std::string_view key, Need need, Ref::Kind refs);
    std::vector<int> aim_list(const Map& m, std::string_view key, Need need);
    std::optional<Condition> condition(const Map& m, std::string_view key);
    template <typename E>
    std::optional<E> enumeration(const Map& m, std::string_view key, Need need, const char* what,
                                 std::optional<E> (*from)(const std::string&),
                                 const std::vector<std::string>& names);

    // Words for a reference, kept in descriptions_ (one buffer for the file).
    Described describe(std::initializer_list<std::string_view> parts) {
        Described d{static_cast<std::uint32_t>(descriptions_.size()), 0};
        for (std::string_view part : parts) descriptions_.append(part);
        d.size = static_cast<std::uint32_t>(descriptions_.size()) - d.at;
        return d;
    }
    std::string description(Described d) const { return descriptions_.substr(d.at, d.size); }
    void ref(Ref::Kind k, const std::string& id, SourcePos p, Described what) { refs_.push_back({k, id, p, what}); }
    void ref(Ref::Kind k, const std::string& id, SourcePos p, std::initializer_list<std::string_view> what) {
        ref(k, id, p, describe(what));
    }

    // the parts of a scenario
    void read_person(const Node& n, SourcePos p);
    void read_fact(const Node& n, SourcePos p);
    void read_numbers(const Map& top);
    std::vector<Line> read_lines(const Map& m, std::string_view key, const std::string& owner);
    void read_scene(const Node& n, SourcePos p);
    void read_choice(const Node& n, SourcePos p, Scene& scene);
    void read_task(const Map& scene_map, Scene& scene);
    bool read_scaling_key(const Node& n, SourcePos key_pos, const std::string& what, ScalingKey& k);
    void read_ending(const Node& n, SourcePos p);
    void read_expert(const Map& top);

    // meaning
    void check_meaning();
    void check_graph();

    std::string file_, base_dir_;
    Diagnostics& d_;
    std::shared_ptr<Scenario> s_;
    std::vector<Ref> refs_;
    std::string descriptions_;  // the words of every Ref, back to back
    std::vector<load_detail::AudioRef> audio_;
    std::vector<std::pair<std::string, SourcePos>> flag_pos_;
    std::unordered_map<std::string, SourcePos> number_pos_;
    std::vector<SourcePos> choice_pos_, task_pos_;  // parallel to the flattened choices/tasks
    SourcePos start_pos_;
    // The first unknown id of each kind of reference (pass two), so that the
    // warnings that follow from it are folded into one line under it.
    struct Unknown {
        std::string id;
        SourcePos pos;
    };
    std::unordered_map<int, Unknown> first_unknown_;
    // One warning per item, or, when an unknown id of `kind` explains them,
    // one line for them all (a typo's "did you mean" then stands out).
    void knock_on_warnings(Ref::Kind kind, const char* code, const std::vector<std::pair<std::string, SourcePos>>& items,
                           const std::string& one_each, const std::string& together);
    bool has_expert_ = false, has_scaling_ = false, has_three_houses_ = false;
    SourcePos expert_pos_;
};

std::optional<Map> Loader::open_map(const Node& n, SourcePos where, std::string what,
                                    std::initializer_list<std::string_view> known) {
    if (!n.IsMap()) {
        error(n.IsNull() ? where : pos_of(n), "SCN002", what + " should be a map of keys, not " + shape(n));
        return std::nullopt;
    }
    Map m;
    m.pos = pos_of(n);
    m.entries.reserve(n.size());
    for (const auto& [k, v] : n.entries()) {
        if (!k.IsScalar()) {
            error(pos_of(k), "SCN002", "a key in " + what + " should be a word, not " + shape(k));
            continue;
        }
        m.entries.push_back({std::string_view(k.Scalar()), pos_of(k), v});
    }
    m.what = std::move(what);
    // Name the item by its id in messages when it has one.
    // "a choice in scene 's1'" becomes "choice 'c1' in scene 's1'".
    if (const auto* e = m.find("id"); e && e->value.IsScalar()) {
        std::string_view w = m.what;
        if (w.starts_with("a ")) w.remove_prefix(2);
        else if (w.starts_with("an ")) w.remove_prefix(3);
        const auto space = std::min(w.find(' '), w.size());
        const std::string& id_text = e->value.Scalar();
        std::string named;
        named.reserve(w.size() + id_text.size() + 3);
        named.append(w.substr(0, space)).append(" '").append(id_text).append("'").append(w.substr(space));
        m.what = std::move(named);
    }
    for (std::size_t i = 0; i < m.entries.size(); ++i) {
        const auto& e = m.entries[i];
        for (std::size_t j = 0; j < i; ++j) {
            if (same_key(m.entries[j].key, e.key)) {
                error(e.key_pos, "SCN005",
                      "key '" + std::string(e.key) + "' appears twice in " + m.what + " (first at line " +
                          std::to_string(m.entries[j].key_pos.line) + "); YAML keeps only the first");
                break;
            }
        }
        if (std::none_of(known.begin(), known.end(), [&](std::string_view k) { return same_key(k, e.key); }))
            error(e.key_pos, "SCN004", "unknown key '" + shown(e.key) + "' in " + m.what + did_you_mean(e.key, known));
    }
    return m;
}

bool Loader::present(const Map& m, std::string_view key, Need need) {
    if (m.find(key)) return true;
    if (need == Need::Required) error(m.pos, "SCN003", m.what + " needs the key '" + std::string(key) + "'");
    return false;
}

const Map::Entry* Loader::valued(const Map& m, std::string_view key, Need need, bool empty_is_error) {
    const auto* e = m.find(key);
    if (!e) {
        present(m, key, need);
        return nullptr;
    }
    if (!e->value.IsNull()) return e;
    if (empty_is_error) error(e->key_pos, "SCN002", "'" + std::string(key) + "' of " + m.what + " has no value");
    return nullptr;
}

template <typename What>
std::optional<std::string> Loader::scalar_text(const Node& n, SourcePos p, const What& what) {
    if (!n.IsScalar()) {
        error(p, "SCN002", words(what) + " should be text, not " + shape(n));
        return std::nullopt;
    }
    const std::string& v = n.Scalar();
    if (v.size() > kMaxTextChars && char_count(v) > kMaxTextChars) {
        error(p, "SCN035", words(what) + " is " + std::to_string(char_count(v)) + " characters long; a text may have at most " +
                               std::to_string(kMaxTextChars) + ": split it into several lines");
        return std::nullopt;
    }
    if (n.Tag()[0] == '?' && yaml11_bool_word(v))
        warning(p, "SCN024", words(what) + " is the bare word '" + v +
                                 "', which YAML 1.1 tools read as true or false; write it in quotes");
    return v;
}

std::optional<std::string> Loader::text(const Map& m, std::string_view key, Need need) {
    const auto* e = valued(m, key, need, need == Need::Required);
    if (!e) return std::nullopt;
    auto what = [&] { return "'" + std::string(key) + "' of " + m.what; };
    auto v = scalar_text(e->value, pos_of(e->value), what);
    if (v && v->size() > kMaxNameChars && name_like_key(key) && char_count(*v) > kMaxNameChars) {
        error(pos_of(e->value), "SCN035", what() + " is " + std::to_string(char_count(*v)) +
                                              " characters long; a name or title may have at most " +
                                              std::to_string(kMaxNameChars));
        return std::nullopt;
    }
    return v;
}

std::optional<std::string> Loader::id(const Map& m, std::string_view key, Need need) {
    auto v = text(m, key, need);
    if (v && v->size() > kMaxIdChars && char_count(*v) > kMaxIdChars) {
        error(pos_of(m.find(key)->value), "SCN035",
              "the id '" + shown(*v) + "' is " + std::to_string(char_count(*v)) + " characters long; an id may have at most " +
                  std::to_string(kMaxIdChars));
        return std::nullopt;
    }
    if (v && !valid_id(*v)) {
        error(pos_of(m.find(key)->value), "SCN006",
              "'" + shown(*v) + "' is not a valid id: use lower-case letters, digits and hyphens, like 'first-visit'");
    }
    return v;
}

template <typename What>
std::optional<int> Loader::integer_node(const Node& n, SourcePos p, const What& what) {
    if (!n.IsScalar()) {
        error(p, "SCN002", words(what) + " should be a whole number, not " + shape(n));
        return std::nullopt;
    }
    const std::string& v = n.Scalar();
    int out = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || ptr != v.data() + v.size()) {
        error(p, "SCN002", words(what) + " should be a whole number, not '" + shown(v) + "'");
        return std::nullopt;
    }
    return out;
}

std::optional<int> Loader::integer(const Map& m, std::string_view key, Need need) {
    const auto* e = valued(m, key, need, true);
    if (!e) return std::nullopt;
    auto what = [&] { return "'" + std::string(key) + "' of " + m.what; };
    return integer_node(e->value, pos_of(e->value), what);
}

std::optional<bool> Loader::boolean(const Map& m, std::string_view key) {
    const auto* e = m.find(key);
    if (!e) return std::nullopt;
    auto what = [&] { return "'" + std::string(key) + "' of " + m.what; };
    if (e->value.IsScalar()) {
        std::string v = e->value.Scalar();
        for (auto& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (v == "true" || v == "yes" || v == "on") return true;
        if (v == "false" || v == "no" || v == "off") return false;
    }
    error(e->value.IsNull() ? e->key_pos : pos_of(e->value), "SCN002", what() + " should be true or false");
    return std::nullopt;
}

const Map::Entry* Loader::sequence(const Map& m, std::string_view key, Need need) {
    const auto* e = m.find(key);
    if (!e) {
        present(m, key, need);
        return nullptr;
    }
    if (e->value.IsNull()) return nullptr;
    if (!e->value.IsSequence()) {
        error(pos_of(e->value), "SCN002",
              "'" + std::string(key) + "' of " + m.what + " should be a list, not " + shape(e->value));
        return nullptr;
    }
    return e;
}

// An item's position for messages; an empty item has none, so its key's.
SourcePos item_pos(const Map::Entry& list_entry, const Node& item) {
    return item.IsNull() ? list_entry.key_pos : pos_of(item);
}

template <typename T, typename Add>
std::vector<T> Loader::each_item(const Map& m, std::string_view key, Need need, Add&& add) {
    std::vector<T> out;
    const auto* e = sequence(m, key, need);
    if (!e) return out;
    const std::size_t count = e->value.size();
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const Node n = e->value[i];
        add(out, n, item_pos(*e, n));
    }
    return out;
}

std::vector<std::pair<Node, SourcePos>> Loader::list(const Map& m, std::string_view key, Need need) {
    return each_item<std::pair<Node, SourcePos>>(
        m, key, need, [](auto& out, const Node& n, const SourcePos& p) { out.emplace_back(n, p); });
}

std::vector<std::string> Loader::text_list(const Map& m, std::string_view key, Need need) {
    return each_item<std::string>(m, key, need, [&](auto& out, const Node& n, const SourcePos& p) {
        if (auto v = scalar_text(n, p, [&] { return "an item of '" + std::string(key) + "' in " + m.what; }))
            out.push_back(std::move(*v));
    });
}

std::vector<std::string> Loader::id_list(const Map& m, std::string_view key, Need need, Ref::Kind refs) {
    return each_item<std::string>(m, key, need, [&](auto& out, const Node& n, const SourcePos& p) {
        auto v = scalar_text(n, p, [&] { return "an item of '" + std::string(key) + "' in " + m.what; });
        if (!v) return;
        ref(refs, *v, p, {"'", key, "' of ", m.what});
        out.push_back(std::move(*v));
    });
}

std::vector<int> Loader::aim_list(const Map& m, std::string_view key, Need need) {
    return each_item<int>(m, key, need, [&](auto& out, const Node& n, const SourcePos& p) {
        auto v = integer_node(n, p, [&] { return "an aim in '" + std::string(key) + "' of " + m.what; });
        if (!v) return;
        if (*v < 1 || *v > 12) {
            error(p, "SCN022", "aim " + std::to_string(*v) + " in '" + std::string(key) + "' of " + m.what +
                                   " does not exist: the aims are numbered 1 to 12");
            return;
        }
        out.push_back(*v);
    });
}

std::optional<Condition> Loader::condition(const Map& m, std::string_view key) {
    const auto* e = m.find(key);
    if (!e) return std::nullopt;
    SourcePos p = e->value.IsNull() ? e->key_pos : pos_of(e->value);
    // Read as it stands, without the length limit on texts: a condition's
    // own limit is its depth (SCN032), and a long flat one is harmless.
    if (!e->value.IsScalar()) {
        text(m, key, Need::Required);  // reports what is wrong
        return std::nullopt;
    }
    const std::optional<std::string> src = e->value.Scalar();
    ConditionError why;
    auto c = parse_condition(*src, &why);
    if (!c) {
        error(p, why.too_deep ? "SCN032" : "SCN016",
              "the condition '" + shown(*src) + "' in " + m.what + " cannot be read: " + why.message);
        return std::nullopt;
    }
    const Described what = describe({"the condition '", shown(*src), "' of ", m.what});
    for_each_leaf(*c, [&](const Condition& leaf) {
        switch (leaf.op) {
            case Condition::Op::Flag: ref(Ref::Kind::Flag, leaf.name, p, what); break;
            case Condition::Op::Compare: ref(Ref::Kind::Number, leaf.name, p, what); break;
            case Condition::Op::Revealed: ref(Ref::Kind::Fact, leaf.name, p, what); break;
            case Condition::Op::Visited: ref(Ref::Kind::Scene, leaf.name, p, what); break;
            default: break;
        }
    });
    return c;
}

template <typename E>
std::optional<E> Loader::enumeration(const Map& m, std::string_view key, Need need, const char* what,
                                     std::optional<E> (*from)(const std::string&),
                                     const std::vector<std::string>& names) {
    auto v = text(m, key, need);
    if (!v) return std::nullopt;
    auto e = from(*v);
    if (!e)
        error(pos_of(m.find(key)->value), "SCN007",
              "'" + shown(*v) + "' is not a " + what + did_you_mean(*v, names) + "; use one of: " + join(names));
    return e;
}

// ---------------------------------------------------------------- parts

void Loader::read_person(const Node& n, SourcePos p) {
    auto m = open_map(n, p, "a person",
                      {"id", "name", "age", "age_months", "role", "gender", "relationship", "household",
                       "parents", "partners", "siblings", "aliases", "voice"});
    if (!m) return;
    static const auto kRoles = names_of({PersonRole::Child, PersonRole::Caregiver, PersonRole::Family,
                                         PersonRole::Professional, PersonRole::Other},
                                        [](PersonRole r) { return to_string(r); });
    Person person;
    person.pos = m->pos;
    person.id = id(*m, "id", Need::Required).value_or("");
    person.name = text(*m, "name", Need::Required).value_or("");
    person.age = integer(*m, "age", Need::Optional);
    person.age_months = integer(*m, "age_months", Need::Optional);
    if (auto r = enumeration<PersonRole>(*m, "role", Need::Required, "role", role_from, kRoles)) person.role = *r;
    person.gender = text(*m, "gender", Need::Optional).value_or("");
    if (!person.gender.empty() && person.gender != "female" && person.gender != "male")
        error(pos_of(m->find("gender")->value), "SCN007",
              "'" + person.gender + "' is not a gender the genogram draws; use female or male, or leave it out");
    person.relationship = text(*m, "relationship", Need::Optional).value_or("");
    person.household = text(*m, "household", Need::Optional).value_or("");
    person.parents = id_list(*m, "parents", Need::Optional, Ref::Kind::Person);
    person.partners = id_list(*m, "partners", Need::Optional, Ref::Kind::Person);
    person.siblings = id_list(*m, "siblings", Need::Optional, Ref::Kind::Person);
    person.aliases = text_list(*m, "aliases", Need::Optional);
    auto voice = text(*m, "voice", Need::Optional);
    person.voice = voice.value_or("");
    if (std::string why; voice && !valid_voice_name(person.voice, &why))
        error(pos_of(m->find("voice")->value), "SCN045",
              "'" + person.voice + "' is not an espeak-ng voice name: " + why +
                  "; write a language and a variant such as en-gb+f3 or cy+m2, or leave it out");
    s_->people.push_back(std::move(person));
}

void Loader::read_fact(const Node& n, SourcePos p) {
    auto m = open_map(n, p, "a fact", {"id", "kind", "text", "source", "why"});
    if (!m) return;
    static const auto kKinds = names_of({FactKind::PastHarm, FactKind::ComplicatingFactor, FactKind::Strength,
                                         FactKind::ExistingSafety, FactKind::Distractor},
                                        [](FactKind k) { return to_string(k); });
    Fact f;
    f.pos = m->pos;
    f.id = id(*m, "id", Need::Required).value_or("");
    if (auto k = enumeration<FactKind>(*m, "kind", Need::Required, "kind of fact", fact_kind_from, kKinds))
        f.kind = *k;
    f.text = text(*m, "text", Need::Required).value_or("");
    f.source = text(*m, "source", Need::Optional).value_or("");
    f.why = text(*m, "why", Need::Optional).value_or("");
    s_->facts.push_back(std::move(f));
}

void Loader::read_numbers(const Map& top) {
    const auto* e = top.find("numbers");
    if (!e || e->value.IsNull()) return;
    auto m = open_map(e->value, e->key_pos, "'numbers'", {});
    if (!m) return;
    // open_map reported every key as unknown: numbers' keys are names, so undo that.
    d_.items.erase(std::remove_if(d_.items.begin(), d_.items.end(),
                                  [&](const Diagnostic& d) {
                                      return d.code == "SCN004" && d.file == file_ &&
                                             d.message.find("in 'numbers'") != std::string::npos;
                                  }),
                   d_.items.end());
    std::unordered_set<std::string> seen;
    for (const auto& entry : m->entries) {
        if (!seen.insert(std::string(entry.key)).second) continue;  // reported as SCN005
        if (entry.key.size() > kMaxIdChars)
            error(entry.key_pos, "SCN035", "the number name '" + shown(entry.key) + "' is longer than an id may be (" +
                                               std::to_string(kMaxIdChars) + " characters)");
        else if (!valid_id(entry.key))
            error(entry.key_pos, "SCN006",
                  "'" + shown(entry.key) + "' is not a valid number name: use lower-case letters, digits and hyphens");
        Variable v;
        v.name = entry.key;
        const std::string what = "number '" + std::string(entry.key) + "'";
        if (entry.value.IsScalar()) {  // shorthand: `trust: 4` is {initial: 4, min: 0, max: 10}
            if (auto i = integer_node(entry.value, pos_of(entry.value), what)) v.initial = *i;
        } else {
            auto vm = open_map(entry.value, entry.key_pos, what, {"initial", "min", "max"});
            if (!vm) continue;
            v.initial = integer(*vm, "initial", Need::Optional).value_or(0);
            v.min = integer(*vm, "min", Need::Optional).value_or(0);
            v.max = integer(*vm, "max", Need::Optional).value_or(10);
        }
        if (v.min > v.max || v.initial < v.min || v.initial > v.max)
            error(entry.key_pos, "SCN026",
                  what + " needs min <= initial <= max, but has min " + std::to_string(v.min) + ", initial " +
                      std::to_string(v.initial) + ", max " + std::to_string(v.max));
        number_pos_.emplace(v.name, entry.key_pos);
        s_->numbers.push_back(std::move(v));
    }
}

std::vector<Line> Loader::read_lines(const Map& owner, std::string_view key, const std::string& owner_what) {
    std::vector<Line> out;
    auto items = list(owner, key, Need::Optional);
    if (items.empty()) return out;
    out.reserve(items.size());
    const std::string line_what = "a line of " + owner_what;
    for (const auto& [n, p] : items) {
        auto m = open_map(n, p, line_what, {"speaker", "text", "audio", "when"});
        if (!m) continue;
        Line l;
        l.pos = m->pos;
        l.speaker = text(*m, "speaker", Need::Required).value_or("");
        if (!l.speaker.empty() && l.speaker != "narrator")
            ref(Ref::Kind::Person, l.speaker, pos_of(m->find("speaker")->value), {"'speaker' of ", m->what});
        l.text = text(*m, "text", Need::Required).value_or("");
        l.audio = text(*m, "audio", Need::Optional).value_or("");
        if (!l.audio.empty()) {
            const SourcePos ap = pos_of(m->find("audio")->value);
            if (const std::string why = leaves_folder(l.audio); !why.empty()) {
                // Refused and dropped from the model, so no program is ever handed the path.
                error(ap, "SCN033", "audio file '" + shown(l.audio) + "' " + why +
                                        ": a file a scenario uses must be inside the scenario's folder; "
                                        "write its path from there, such as 'audio/visit-1.ogg'");
                l.audio.clear();
            } else {
                audio_.push_back({l.audio, ap});
            }
        }
        l.when = condition(*m, "when");
        out.push_back(std::move(l));
    }
    return out;
}

void Loader::read_choice(const Node& n, SourcePos p, Scene& scene) {
    auto m = open_map(n, p, "a choice in scene '" + scene.id + "'",
                      {"id", "text", "move", "when", "effects", "reply", "feedback", "serves", "undermines",
                       "next"});
    if (!m) return;
    static const auto kMoves = names_of(
        {MoveType::Exception, MoveType::Scaling, MoveType::Coping, MoveType::PreferredFuture,
         MoveType::ChildsVoice, MoveType::Network, MoveType::HonestWorry, MoveType::BottomLine,
         MoveType::Blaming, MoveType::Jargon, MoveType::LeadingClosed, MoveType::FalseReassurance,
         MoveType::Threat, MoveType::TakingOver},
        [](MoveType t) { return to_string(t); });
    Choice c;
    c.pos = m->pos;
    c.id = id(*m, "id", Need::Required).value_or("");
    const std::string what = "choice '" + c.id + "'";
    c.text = text(*m, "text", Need::Required).value_or("");
    if (auto mv = enumeration<MoveType>(*m, "move", Need::Required, "move type", move_from, kMoves)) c.move = *mv;
    c.when = condition(*m, "when");
    if (const auto* e = m->find("effects"); e && !e->value.IsNull()) {
        if (auto em = open_map(e->value, e->key_pos, "the effects of " + what, {"reveal", "change", "set", "clear"})) {
            c.effects.reveal = id_list(*em, "reveal", Need::Optional, Ref::Kind::Fact);
            c.effects.set = id_list(*em, "set", Need::Optional, Ref::Kind::Flag);
            c.effects.clear = id_list(*em, "clear", Need::Optional, Ref::Kind::Flag);
            if (const auto* ch = em->find("change"); ch && !ch->value.IsNull()) {
                if (!ch->value.IsMap()) {
                    error(pos_of(ch->value), "SCN002",
                          "'change' of " + what + " should be a map such as {trust: 1}, not " + shape(ch->value));
                } else {
                    for (const auto& [key, value] : ch->value.entries()) {
                        if (!key.IsScalar()) continue;
                        const std::string name = key.Scalar();
                        SourcePos kp = pos_of(key);
                        if (c.effects.change.count(name)) {
                            error(kp, "SCN005", "key '" + name + "' appears twice in 'change' of " + what);
                            continue;
                        }
                        auto delta = integer_node(value, pos_of(value), [&] { return "the change to '" + name + "'"; });
                        ref(Ref::Kind::Number, name, kp, {"'change' of ", what});
                        if (delta) c.effects.change.emplace(name, *delta);
                    }
                }
            }
        }
    }
    c.reply = read_lines(*m, "reply", what);
    c.feedback = text(*m, "feedback", Need::Optional).value_or("");
    c.serves = aim_list(*m, "serves", Need::Optional);
    c.undermines = aim_list(*m, "undermines", Need::Optional);
    c.next = id(*m, "next", Need::Optional).value_or("");
    if (!c.next.empty()) ref(Ref::Kind::Scene, c.next, pos_of(m->find("next")->value), {"'next' of ", what});
    choice_pos_.push_back(c.pos);
    scene.choices.push_back(std::move(c));
}

// An expert scaling key: the case's (`expert: scaling:`) or one scaling
// task's own (`task: expert:`), `what` naming it in messages.
bool Loader::read_scaling_key(const Node& n, SourcePos key_pos, const std::string& what, ScalingKey& k) {
    auto sm = open_map(n, key_pos, what, {"expert", "range", "over_optimistic", "over_pessimistic"});
    if (!sm) return false;
    auto expert = integer(*sm, "expert", Need::Required);
    if (expert) k.expert = *expert;
    bool range_ok = false;
    if (const auto* r = sm->find("range")) {
        if (!r->value.IsSequence() || r->value.size() != 2) {
            error(r->value.IsNull() ? r->key_pos : pos_of(r->value), "SCN023",
                  "'range' of " + what + " should be two numbers, lowest and highest, like [2, 5]");
        } else {
            auto lo = integer_node(r->value[0], pos_of(r->value[0]), "the low end of 'range'");
            auto hi = integer_node(r->value[1], pos_of(r->value[1]), "the high end of 'range'");
            if (lo && hi) {
                k.low = *lo;
                k.high = *hi;
                range_ok = true;
                if (k.low < 0 || k.high > 10 || k.low > k.high) {
                    error(pos_of(r->value), "SCN023",
                          "'range' [" + std::to_string(k.low) + ", " + std::to_string(k.high) +
                              "] of " + what + " must lie within 0..10, lowest first");
                    range_ok = false;
                }
            }
        }
    }
    if (expert && (*expert < 0 || *expert > 10)) {
        error(pos_of(sm->find("expert")->value), "SCN023",
              "the experts' number " + std::to_string(*expert) + " in " + what + " must be from 0 to 10");
    } else if (expert && range_ok && (*expert < k.low || *expert > k.high)) {
        error(pos_of(sm->find("expert")->value), "SCN023",
              "the experts' number " + std::to_string(*expert) + " in " + what + " lies outside its own range [" +
                  std::to_string(k.low) + ", " + std::to_string(k.high) + "]");
    }
    if (!sm->find("range")) { k.low = k.expert; k.high = k.expert; }
    k.over_optimistic = text(*sm, "over_optimistic", Need::Optional).value_or("");
    k.over_pessimistic = text(*sm, "over_pessimistic", Need::Optional).value_or("");
    return true;
}

void Loader::read_task(const Map& scene_map, Scene& scene) {
    const auto* e = scene_map.find("task");
    if (!e || e->value.IsNull()) return;
    auto m = open_map(e->value, e->key_pos, "the task of scene '" + scene.id + "'",
                      {"id", "kind", "prompt", "hint", "facts", "people", "next", "expert"});
    if (!m) return;
    static const auto kKinds = names_of(
        {TaskKind::DangerStatement, TaskKind::SafetyGoal, TaskKind::PastHarm, TaskKind::SortFacts,
         TaskKind::Scaling, TaskKind::ThreeHouses, TaskKind::SafetyNetwork, TaskKind::NextSteps,
         TaskKind::WordsAndPictures},
        [](TaskKind k) { return to_string(k); });
    Task t;
    t.pos = m->pos;
    t.id = id(*m, "id", Need::Required).value_or("");
    if (auto k = enumeration<TaskKind>(*m, "kind", Need::Required, "task kind", task_kind_from, kKinds)) t.kind = *k;
    t.prompt = text(*m, "prompt", Need::Required).value_or("");
    t.hint = text(*m, "hint", Need::Optional).value_or("");
    t.facts = id_list(*m, "facts", Need::Optional, Ref::Kind::Fact);
    t.people = id_list(*m, "people", Need::Optional, Ref::Kind::Person);
    t.next = id(*m, "next", Need::Optional).value_or("");
    if (!t.next.empty())
        ref(Ref::Kind::Scene, t.next, pos_of(m->find("next")->value), {"'next' of task '", t.id, "'"});
    if (const auto* x = m->find("expert"); x && !x->value.IsNull()) {
        if (t.kind != TaskKind::Scaling) {
            error(x->key_pos, "SCN052",
                  "task '" + t.id + "' is a " + to_string(t.kind) +
                      " task; only a scaling task has its own 'expert' key (the experts' number for that review)");
        } else {
            ScalingKey k;
            if (read_scaling_key(x->value, x->key_pos, "the expert scaling of task '" + t.id + "'", k))
                t.scaling = std::move(k);
        }
    }
    task_pos_.push_back(t.pos);
    scene.task = std::move(t);
}

void Loader::read_scene(const Node& n, SourcePos p) {
    auto m = open_map(n, p, "a scene",
                      {"id", "stage", "title", "place", "reveals", "lines", "shuffle", "choices", "task", "next",
                       "ending", "pause"});
    if (!m) return;
    static const auto kStages = names_of({Stage::Referral, Stage::Visit, Stage::ChildVoice, Stage::NetworkMeeting,
                                          Stage::Review},
                                         [](Stage st) { return to_string(st); });
    Scene scene;
    scene.pos = m->pos;
    scene.id = id(*m, "id", Need::Required).value_or("");
    const std::string what = "scene '" + scene.id + "'";
    if (auto st = enumeration<Stage>(*m, "stage", Need::Optional, "stage", stage_from, kStages)) scene.stage = *st;
    scene.title = text(*m, "title", Need::Required).value_or("");
    scene.place = text(*m, "place", Need::Optional).value_or("");
    scene.reveals = id_list(*m, "reveals", Need::Optional, Ref::Kind::Fact);
    scene.lines = read_lines(*m, "lines", what);
    scene.shuffle = boolean(*m, "shuffle").value_or(false);
    auto choices = list(*m, "choices", Need::Optional);
    scene.choices.reserve(choices.size());
    for (const auto& [cn, cp] : choices) read_choice(cn, cp, scene);
    read_task(*m, scene);
    scene.next = id(*m, "next", Need::Optional).value_or("");
    if (!scene.next.empty()) ref(Ref::Kind::Scene, scene.next, pos_of(m->find("next")->value), {"'next' of ", what});
    scene.ending = id(*m, "ending", Need::Optional).value_or("");
    if (!scene.ending.empty())
        ref(Ref::Kind::Ending, scene.ending, pos_of(m->find("ending")->value), {"'ending' of ", what});
    if (m->find("pause")) {
        scene.pause_pos = pos_of(m->find("pause")->value);
        scene.pause = text(*m, "pause", Need::Optional).value_or("");
        // What the room talks about is shown on every screen while play holds.
        std::size_t words = 0;
        bool in_word = false;
        for (unsigned char c : scene.pause) {
            bool space = c == ' ' || c == '\n' || c == '\t';
            if (!space && !in_word) ++words;
            in_word = !space;
        }
        if (scene.pause.find_first_not_of(" \t\n") == std::string::npos)
            error(scene.pause_pos, "SCN050", "the pause point of " + what +
                                                 " needs the question the room will talk about while play holds");
        else if (words > 60)
            error(scene.pause_pos, "SCN050", "the pause point of " + what + " is " + std::to_string(words) +
                                                 " words: at most 60 fit on every screen while play holds");
        if (!scene.ending.empty())
            error(scene.pause_pos, "SCN051", what + " is an ending: a pause there comes after the trainees have "
                                                    "seen how it ends; put it on the scene before");
    }
    s_->scenes.push_back(std::move(scene));
}

void Loader::read_ending(const Node& n, SourcePos p) {
    auto m = open_map(n, p, "an ending", {"id", "title", "debrief"});
    if (!m) return;
    Ending e;
    e.pos = m->pos;
    e.id = id(*m, "id", Need::Required).value_or("");
    e.title = text(*m, "title", Need::Required).value_or("");
    e.debrief = text(*m, "debrief", Need::Optional).value_or("");
    s_->endings.push_back(std::move(e));
}

void Loader::read_expert(const Map& top) {
    const auto* e = top.find("expert");
    if (!e) return;  // reported as missing by the caller
    auto m = open_map(e->value, e->key_pos, "the expert key",
                      {"past_harm", "danger_statements", "safety_goals", "next_steps", "family_goals", "evidence",
                       "scaling", "network", "three_houses", "dangers", "words_and_pictures"});
    if (!m) return;
    has_expert_ = true;
    expert_pos_ = m->pos;
    ExpertKey& x = s_->expert;
    x.pos = m->pos;
    x.past_harm = text(*m, "past_harm", Need::Optional).value_or("");
    x.danger_statements = text_list(*m, "danger_statements", Need::Optional);
    x.safety_goals = text_list(*m, "safety_goals", Need::Optional);
    x.next_steps = text_list(*m, "next_steps", Need::Optional);
    x.family_goals = text_list(*m, "family_goals", Need::Optional);
    x.network = id_list(*m, "network", Need::Optional, Ref::Kind::Person);
    if (const auto* ev = m->find("evidence"); ev && !ev->value.IsNull()) {
        if (!ev->value.IsMap()) {
            error(pos_of(ev->value), "SCN002", std::string("'evidence' of the expert key should be a map, not ") + shape(ev->value));
        } else {
            for (const auto& [key, v] : ev->value.entries()) {
                if (!key.IsScalar()) continue;
                const std::string crit = key.Scalar();
                if (x.evidence.count(crit)) {
                    error(pos_of(key), "SCN005", "key '" + crit + "' appears twice in 'evidence' of the expert key");
                    continue;
                }
                auto& facts = x.evidence[crit];
                if (v.IsNull()) continue;
                if (!v.IsSequence()) {
                    error(pos_of(v), "SCN002", "the evidence for '" + crit + "' should be a list of fact ids");
                    continue;
                }
                for (const auto& f : v.items()) {
                    if (auto id_text = scalar_text(f, pos_of(f), "an item of the evidence for '" + crit + "'")) {
                        ref(Ref::Kind::Fact, *id_text, pos_of(f), {"the evidence for '", crit, "'"});
                        facts.push_back(*id_text);
                    }
                }
            }
        }
    }
    if (const auto* sc = m->find("scaling"); sc && !sc->value.IsNull())
        has_scaling_ = read_scaling_key(sc->value, sc->key_pos, "the expert scaling", x.scaling);
    // The case's own danger: whose behaviour, towards which children, and what safety looks like.
    for (auto& [item, pos] : list(*m, "dangers", Need::Optional)) {
        auto dm = open_map(item, pos, "a danger of the expert key", {"adults", "children", "does", "harm", "safe"});
        if (!dm) continue;
        CaseDanger dg;
        dg.pos = dm->pos;
        dg.adults = id_list(*dm, "adults", Need::Required, Ref::Kind::Person);
        dg.children = id_list(*dm, "children", Need::Required, Ref::Kind::Person);
        dg.does = text_list(*dm, "does", Need::Required);
        dg.harm = text_list(*dm, "harm", Need::Optional);
        dg.safe = text_list(*dm, "safe", Need::Optional);
        x.dangers.push_back(std::move(dg));
    }
    if (const auto* th = m->find("three_houses"); th && !th->value.IsNull()) {
        if (auto hm = open_map(th->value, th->key_pos, "the expert three houses", {"worries", "good_things", "dreams"})) {
            has_three_houses_ = true;
            x.three_houses.worries = text_list(*hm, "worries", Need::Optional);
            x.three_houses.good_things = text_list(*hm, "good_things", Need::Optional);
            x.three_houses.dreams = text_list(*hm, "dreams", Need::Optional);
        }
    }
    // Words and Pictures: the experts' explanation for one child, and the age it is written for.
    if (const auto* wp = m->find("words_and_pictures"); wp && !wp->value.IsNull()) {
        if (auto wm = open_map(wp->value, wp->key_pos, "the expert words and pictures", {"child", "age", "example"})) {
            WordsAndPicturesKey k;
            k.pos = wm->pos;
            k.child = id(*wm, "child", Need::Required).value_or("");
            if (!k.child.empty()) ref(Ref::Kind::Person, k.child, pos_of(wm->find("child")->value), {"'child' of the expert words and pictures"});
            if (auto age = integer(*wm, "age", Need::Optional)) {
                if (*age < 0 || *age > 17)
                    error(pos_of(wm->find("age")->value), "SCN041",
                          "the words and pictures 'age' " + std::to_string(*age) + " must be a child's age in years, 0 to 17");
                else
                    k.age = *age;
            }
            k.example = text(*wm, "example", Need::Required).value_or("");
            x.words_and_pictures = std::move(k);
        }
    }
}

// ---------------------------------------------------------------- whole file

std::shared_ptr<Scenario> Loader::load(const std::string& text_in) {
    // The raw text first: bytes that are not text stop here, before the YAML
    // parser can misread them, and every line-end convention reads as LF.
    if (text_in.size() > kMaxFileBytes) {
        d_.error(file_, 0, 0, "SCN035",
                 "the file is " + std::to_string(text_in.size() / 1024) + " KB; a scenario file may be at most " +
                     std::to_string(kMaxFileBytes / 1024 / 1024) + " MB: split the case or move long texts out");
        return nullptr;
    }
    if (auto problems = load_detail::check_encoding(text_in); !problems.empty()) {
        for (auto& p : problems) d_.error(file_, p.line, p.column, p.code, std::move(p.message));
        return nullptr;
    }
    std::string unix_text;
    if (load_detail::has_carriage_return(text_in)) unix_text = load_detail::unix_line_ends(text_in);
    const std::string& yaml_text = unix_text.empty() ? text_in : unix_text;
    load_detail::YamlDoc doc;
    try {
        doc = load_detail::YamlDoc::parse(yaml_text);
    } catch (const YAML::DeepRecursion& e) {
        d_.error(file_, e.mark.line + 1, e.mark.column + 1, "SCN032",
                 "lists and maps nest more than " + std::to_string(e.depth() - 1) +
                     " deep here; no scenario needs this: write the structure more simply");
        return nullptr;
    } catch (const YAML::ParserException& e) {
        // The parser often stops a line after an indentation mistake, with
        // words about maps; name the mistake at its own line instead.
        if (auto m = load_detail::find_indentation_mistake(yaml_text, e.mark.line + 1); m.found) {
            d_.error(file_, m.problem.line, m.problem.column, m.problem.code, std::move(m.problem.message));
            return nullptr;
        }
        d_.error(file_, e.mark.line + 1, e.mark.column + 1, "SCN001", "this is not valid YAML: " + e.msg);
        return nullptr;
    } catch (const YAML::Exception& e) {
        d_.error(file_, 0, 0, "SCN001", std::string("this is not valid YAML: ") + e.what());
        return nullptr;
    }
    const Node root = doc.root();
    if (!root.IsDefined() || root.IsNull()) {
        d_.error(file_, 0, 0, "SCN009", "the file is empty: a scenario needs at least id, title and scenes");
        return nullptr;
    }
    s_ = std::make_shared<Scenario>();
    s_->file = file_;
    s_->content_hash = content_hash(text_in);
    auto top = open_map(root, {1, 1}, "a scenario",
                        {"id", "title", "summary", "audiences", "topics", "minutes", "version", "aims", "referral",
                         "people", "facts", "numbers", "flags", "start", "scenes", "endings", "expert"});
    if (!top) return s_;
    top->pos = {1, 1};
    Scenario& s = *s_;
    s.pos = top->pos;
    s.id = id(*top, "id", Need::Required).value_or("");
    s.title = text(*top, "title", Need::Required).value_or("");
    s.summary = text(*top, "summary", Need::Required).value_or("");
    static const auto kAudiences = names_of({Audience::TwoDay, Audience::FiveDay, Audience::ELearning,
                                             Audience::PracticeLead},
                                            [](Audience a) { return to_string(a); });
    for (const auto& [n, p] : list(*top, "audiences", Need::Required)) {
        auto v = scalar_text(n, p, "an audience");
        if (!v) continue;
        if (auto a = audience_from(*v)) {
            s.audiences.push_back(*a);
        } else {
            error(p, "SCN007", "'" + *v + "' is not an audience" + did_you_mean(*v, kAudiences) +
                                   "; use one of: " + join(kAudiences));
        }
    }
    s.topics = text_list(*top, "topics", Need::Required);
    s.minutes = integer(*top, "minutes", Need::Required).value_or(0);
    s.version = integer(*top, "version", Need::Required).value_or(1);
    s.aims = aim_list(*top, "aims", Need::Required);
    s.referral = text(*top, "referral", Need::Required).value_or("");
    for (const auto& [n, p] : list(*top, "people", Need::Required)) read_person(n, p);
    for (const auto& [n, p] : list(*top, "facts", Need::Required)) read_fact(n, p);
    read_numbers(*top);
    for (const auto& [n, p] : list(*top, "flags", Need::Optional)) {
        auto v = scalar_text(n, p, "a flag");
        if (!v) continue;
        if (v->size() > kMaxIdChars)
            error(p, "SCN035", "the flag name '" + shown(*v) + "' is longer than an id may be (" + std::to_string(kMaxIdChars) +
                                   " characters)");
        else if (!valid_id(*v))
            error(p, "SCN006", "'" + shown(*v) + "' is not a valid flag name: use lower-case letters, digits and hyphens");
        flag_pos_.emplace_back(*v, p);
        s.flags.push_back(*v);
    }
    s.start = id(*top, "start", Need::Required).value_or("");
    if (!s.start.empty()) {
        start_pos_ = pos_of(top->find("start")->value);
        ref(Ref::Kind::Scene, s.start, start_pos_, {"'start'"});
    }
    auto scenes = list(*top, "scenes", Need::Required);
    s.scenes.reserve(scenes.size());
    for (const auto& [n, p] : scenes) read_scene(n, p);
    for (const auto& [n, p] : list(*top, "endings", Need::Required)) read_ending(n, p);
    if (present(*top, "expert", Need::Required)) read_expert(*top);
    s.build_index();
    check_meaning();
    return s_;
}

// ---------------------------------------------------------------- meaning

void Loader::check_meaning() {
    Scenario& s = *s_;
    using Seen = std::unordered_map<std::string, SourcePos>;
    auto unique = [&](Seen& seen, const std::string& id, SourcePos p, const char* kind) {
        if (id.empty()) return;
        auto [it, fresh] = seen.emplace(id, p);
        if (!fresh)
            error(p, "SCN008", std::string("two ") + kind + "s have the id '" + id + "' (the first is at line " +
                                   std::to_string(it->second.line) + "); ids must be unique");
    };
    Seen people, facts, scenes, endings, choices, tasks, flags;
    people.reserve(s.people.size());
    facts.reserve(s.facts.size());
    scenes.reserve(s.scenes.size());
    for (const auto& p : s.people) unique(people, p.id, p.pos, "people");
    for (const auto& f : s.facts) unique(facts, f.id, f.pos, "fact");
    for (const auto& e : s.endings) unique(endings, e.id, e.pos, "ending");
    for (const auto& [f, p] : flag_pos_) unique(flags, f, p, "flag");
    for (const auto& sc : s.scenes) {
        unique(scenes, sc.id, sc.pos, "scene");
        for (const auto& c : sc.choices) unique(choices, c.id, c.pos, "choice");
        if (sc.task) unique(tasks, sc.task->id, sc.task->pos, "task");
    }
    std::unordered_set<std::string> revealed;
    for (const auto& sc : s.scenes) {
        revealed.insert(sc.reveals.begin(), sc.reveals.end());
        for (const auto& c : sc.choices) revealed.insert(c.effects.reveal.begin(), c.effects.reveal.end());
    }

    auto known_list = [&](const Seen& m) {
        std::vector<std::string> out;
        out.reserve(m.size());
        for (const auto& [k, v] : m) out.push_back(k);
        return out;
    };
    std::vector<std::string> scene_names, fact_names, person_names, ending_names, flag_names, number_names;
    auto names_for = [&](Ref::Kind k) -> const std::vector<std::string>& {
        auto& cache = k == Ref::Kind::Scene ? scene_names : k == Ref::Kind::Fact ? fact_names
                    : k == Ref::Kind::Person ? person_names : k == Ref::Kind::Ending ? ending_names
                    : k == Ref::Kind::Flag ? flag_names : number_names;
        if (cache.empty()) {
            const Seen& src = k == Ref::Kind::Scene ? scenes : k == Ref::Kind::Fact ? facts
                            : k == Ref::Kind::Person ? people : k == Ref::Kind::Ending ? endings : flags;
            if (k == Ref::Kind::Number) {
                for (const auto& v : s.numbers) cache.push_back(v.name);
            } else {
                cache = known_list(src);
            }
            std::sort(cache.begin(), cache.end());
        }
        return cache;
    };
    for (const auto& r : refs_) {
        bool ok = false;
        switch (r.kind) {
            case Ref::Kind::Scene: ok = scenes.count(r.id) > 0; break;
            case Ref::Kind::Fact: ok = facts.count(r.id) > 0; break;
            case Ref::Kind::Person: ok = people.count(r.id) > 0; break;
            case Ref::Kind::Ending: ok = endings.count(r.id) > 0; break;
            case Ref::Kind::Flag: ok = flags.count(r.id) > 0; break;
            case Ref::Kind::Number: ok = number_pos_.count(r.id) > 0; break;
        }
        if (ok) continue;
        std::string msg = description(r.what) + " names unknown " + kind_word(r.kind) + " '" + shown(r.id) + "'";
        if (r.kind == Ref::Kind::Flag && number_pos_.count(r.id)) {
            msg += ", which is a number: compare it, as in '" + r.id + " > 0'";
        } else if (r.kind == Ref::Kind::Scene && endings.count(r.id)) {
            msg += "; '" + r.id + "' is an ending: reach it from a scene with 'ending: " + r.id + "'";
        } else if (r.kind == Ref::Kind::Flag || r.kind == Ref::Kind::Number) {
            msg += did_you_mean(r.id, names_for(r.kind));
            msg += std::string("; declare it under '") + (r.kind == Ref::Kind::Flag ? "flags" : "numbers") + "'";
        } else {
            msg += did_you_mean(r.id, names_for(r.kind));
        }
        error(r.pos, ref_code(r.kind), msg);
        first_unknown_.try_emplace(static_cast<int>(r.kind), Unknown{r.id, r.pos});
    }

    // Each scene's ways on.
    for (const auto& sc : s.scenes) {
        const std::string what = "scene '" + sc.id + "'";
        if (!sc.ending.empty() && (!sc.choices.empty() || sc.task || !sc.next.empty())) {
            error(sc.pos, "SCN025", what + " closes the scenario with 'ending' but also has " +
                                        (!sc.choices.empty() ? "choices" : sc.task ? "a task" : "'next'") +
                                        ": an ending scene only shows its lines");
        }
        if (sc.task && !sc.task->next.empty() && !sc.next.empty()) {
            error(sc.pos, "SCN025", what + " has both a task with 'next' and its own 'next': keep one");
        }
        if (!sc.ending.empty()) continue;
        bool way_on = !sc.next.empty() || (sc.task && !sc.task->next.empty());
        for (const auto& c : sc.choices) way_on = way_on || !c.next.empty();
        if (!way_on) {
            std::string how = sc.choices.empty() && !sc.task
                                  ? "it has no choices, no task, no 'next' and no 'ending'"
                              : sc.task ? "its task has no 'next'"
                                        : "none of its choices has 'next' and it has no 'next' of its own";
            error(sc.pos, "SCN018", what + " has no way on: " + how);
        }
    }

    // Tasks and the expert key.
    for (const auto& sc : s.scenes) {
        if (!sc.task) continue;
        const Task& t = *sc.task;
        const char* missing = nullptr;
        switch (t.kind) {
            case TaskKind::DangerStatement: if (s.expert.danger_statements.empty()) missing = "danger_statements"; break;
            case TaskKind::SafetyGoal: if (s.expert.safety_goals.empty()) missing = "safety_goals"; break;
            case TaskKind::PastHarm: if (s.expert.past_harm.empty()) missing = "past_harm"; break;
            case TaskKind::Scaling: if (!has_scaling_ && !t.scaling) missing = "scaling"; break;
            case TaskKind::ThreeHouses: if (!has_three_houses_) missing = "three_houses"; break;
            case TaskKind::SafetyNetwork: if (s.expert.network.empty()) missing = "network"; break;
            case TaskKind::NextSteps: if (s.expert.next_steps.empty()) missing = "next_steps"; break;
            case TaskKind::WordsAndPictures: if (!s.expert.words_and_pictures) missing = "words_and_pictures"; break;
            case TaskKind::SortFacts: if (s.facts.empty()) missing = "facts"; break;
        }
        if (missing)
            error(t.pos, "SCN021", "task '" + t.id + "' (" + to_string(t.kind) + ") needs '" + missing +
                                       (std::string(missing) == "facts" ? "' in the scenario" : "' in the expert key") +
                                       " to judge the trainee's answer");
    }

    // Words and Pictures is written to one child of the case, at an age its words must fit.
    if (const auto& wp = s.expert.words_and_pictures) {
        const Person* child = wp->child.empty() ? nullptr : s.person(wp->child);
        if (child && child->role != PersonRole::Child)
            error(wp->pos, "SCN041", "words and pictures is written for '" + wp->child + "', who is a " +
                                         to_string(child->role) + ", not a child: name a child of the case");
        else if (child && wp->age < 0 && !child->age && !child->age_months)
            error(wp->pos, "SCN041", "words and pictures needs the age of '" + wp->child +
                                         "': give 'age' here or 'age' or 'age_months' for the person");
    }

    std::unordered_set<std::string> used_endings;
    for (const auto& sc : s.scenes)
        if (!sc.ending.empty()) used_endings.insert(sc.ending);
    std::vector<std::pair<std::string, SourcePos>> unused, unrevealed;
    for (const auto& e : s.endings)
        if (!e.id.empty() && !used_endings.count(e.id)) unused.emplace_back(e.id, e.pos);
    knock_on_warnings(Ref::Kind::Ending, "SCN030", unused, "is not used by any scene, so no trainee can reach it",
                      "not used by any scene");
    for (const auto& f : s.facts)
        if (!f.id.empty() && !revealed.count(f.id)) unrevealed.emplace_back(f.id, f.pos);
    knock_on_warnings(Ref::Kind::Fact, "SCN027", unrevealed,
                      "is never revealed by a scene or a choice, so the trainee cannot learn it",
                      "never revealed by a scene or a choice");

    // The file name and the id.
    if (!s.id.empty()) {
        std::string stem = fs::path(file_).stem().string();
        if (!stem.empty() && stem != "scenario" && stem != s.id && (fs::path(file_).extension() == ".yaml" || fs::path(file_).extension() == ".yml"))
            warning({1, 1}, "SCN028", "the scenario id '" + s.id + "' differs from the file name '" + stem +
                                          "': progress is kept by id, so name the file " + s.id + ".yaml");
    }

    check_graph();
}

void Loader::check_graph() {
    const Scenario& s = *s_;
    const std::size_t n = s.scenes.size();
    if (n == 0 || !s.scene(s.start)) return;  // reported already
    std::vector<std::vector<std::size_t>> out(n), in(n);
    auto edge = [&](std::size_t from, const std::string& to) {
        auto it = s.scene_index.find(to);
        if (it == s.scene_index.end()) return;
        out[from].push_back(it->second);
        in[it->second].push_back(from);
    };
    for (std::size_t i = 0; i < n; ++i) {
        const Scene& sc = s.scenes[i];
        if (!sc.next.empty()) edge(i, sc.next);
        if (sc.task && !sc.task->next.empty()) edge(i, sc.task->next);
        for (const auto& c : sc.choices)
            if (!c.next.empty()) edge(i, c.next);
    }
    // Forward from the start; backward from every ending scene.
    std::vector<char> reached(n, 0), can_end(n, 0);
    std::vector<std::size_t> stack;
    std::size_t start = s.scene_index.at(s.start);
    reached[start] = 1;
    stack.push_back(start);
    while (!stack.empty()) {
        std::size_t i = stack.back();
        stack.pop_back();
        for (std::size_t j : out[i])
            if (!reached[j]) { reached[j] = 1; stack.push_back(j); }
    }
    for (std::size_t i = 0; i < n; ++i)
        if (!s.scenes[i].ending.empty()) { can_end[i] = 1; stack.push_back(i); }
    while (!stack.empty()) {
        std::size_t i = stack.back();
        stack.pop_back();
        for (std::size_t j : in[i])
            if (!can_end[j]) { can_end[j] = 1; stack.push_back(j); }
    }
    std::vector<std::pair<std::string, SourcePos>> unreached, circling;
    for (std::size_t i = 0; i < n; ++i) {
        const Scene& sc = s.scenes[i];
        if (sc.id.empty() || s.scene_index.at(sc.id) != i) continue;  // duplicates reported already
        if (!reached[i]) {
            unreached.emplace_back(sc.id, sc.pos);
            continue;
        }
        if (can_end[i]) continue;
        if (!out[i].empty())  // dead ends are SCN018 already
            circling.emplace_back(sc.id, sc.pos);
    }
    knock_on_warnings(Ref::Kind::Scene, "SCN017", unreached, "cannot be reached from the start scene '" + s.start + "'",
                      "cannot be reached from the start scene '" + s.start + "'");
    if (first_unknown_.count(static_cast<int>(Ref::Kind::Scene))) {
        knock_on_warnings(Ref::Kind::Scene, "SCN019", circling, "leads only round in circles: no way from it reaches an ending",
                          "lead only round in circles, to no ending");
    } else {
        for (const auto& [id, pos] : circling)
            warning(pos, "SCN019", "from scene '" + id + "' the trainee can only go round in circles: no way leads to an ending");
    }
}

void Loader::knock_on_warnings(Ref::Kind kind, const char* code,
                               const std::vector<std::pair<std::string, SourcePos>>& items, const std::string& one_each,
                               const std::string& together) {
    if (items.empty()) return;
    const auto cause = first_unknown_.find(static_cast<int>(kind));
    if (cause == first_unknown_.end() || items.size() == 1) {
        for (const auto& [id, pos] : items) {
            std::string msg = std::string(kind_word(kind)) + " '" + id + "' " + one_each;
            if (cause != first_unknown_.end())
                msg += ", perhaps because of the unknown " + std::string(kind_word(kind)) + " '" + shown(cause->second.id) +
                       "' at line " + std::to_string(cause->second.pos.line);
            warning(pos, code, msg);
        }
        return;
    }
    constexpr std::size_t kNamed = 4;
    std::string names;
    for (std::size_t i = 0; i < items.size() && i < kNamed; ++i)
        names += (i == 0 ? "'" : "', '") + items[i].first;
    names += "'";
    if (items.size() > kNamed) names += " and " + std::to_string(items.size() - kNamed) + " more";
    warning(items.front().second, code,
            std::to_string(items.size()) + " " + kind_word(kind) + "s (" + names + ") " + together +
                ", probably because of the unknown " + kind_word(kind) + " '" + shown(cause->second.id) + "' at line " +
                std::to_string(cause->second.pos.line) + ": fix that first");
}

// Audio files, each path checked once: outside the file, so checked on every
// load, cached or not.
// A file that exists but, through a link, lies outside the scenario's folder
// is refused like an absolute path (SCN033) and dropped from the scenario.
void check_audio(const std::string& file, const std::string& base_dir,
                 const std::vector<load_detail::AudioRef>& audio, Diagnostics& d, Scenario* scenario) {
    enum class Found { Missing, Inside, Outside };
    std::unordered_map<std::string, Found> exists;
    std::optional<fs::path> folder;
    for (const auto& a : audio) {
        auto [it, fresh] = exists.emplace(a.path, Found::Missing);
        if (fresh) {
            std::error_code ec;
            fs::path full = base_dir.empty() ? fs::path(a.path) : fs::path(base_dir) / a.path;
            if (fs::is_regular_file(full, ec)) {
                if (!folder) folder = fs::weakly_canonical(base_dir.empty() ? fs::path(".") : fs::path(base_dir), ec);
                const fs::path real = fs::weakly_canonical(full, ec);
                const auto [f_end, r_it] = std::mismatch(folder->begin(), folder->end(), real.begin(), real.end());
                it->second = !ec && f_end == folder->end() ? Found::Inside : Found::Outside;
            }
        }
        if (it->second == Found::Outside) {
            d.error(file, a.pos.line, a.pos.column, "SCN033",
                    "audio file '" + shown(a.path) + "' leads outside the scenario's folder through a link: "
                    "a file a scenario uses must be inside the scenario's folder");
            if (scenario) {
                auto drop = [&](std::vector<Line>& lines) {
                    for (auto& l : lines)
                        if (l.audio == a.path) l.audio.clear();
                };
                for (auto& sc : scenario->scenes) {
                    drop(sc.lines);
                    for (auto& c : sc.choices) drop(c.reply);
                }
            }
            continue;
        }
        if (it->second == Found::Missing)
            d.warning(file, a.pos.line, a.pos.column, "SCN020",
                      "audio file '" + a.path + "' is missing" +
                          (base_dir.empty() ? std::string() : " (looked in " + base_dir + ")") +
                          "; the line will be shown without sound");
    }
}

std::string dir_of(const std::string& path) {
    fs::path p(path);
    return p.has_parent_path() ? p.parent_path().string() : std::string(".");
}

void sort_by_position(Diagnostics& d, std::size_t from) {
    std::stable_sort(d.items.begin() + static_cast<std::ptrdiff_t>(from), d.items.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
}

}  // namespace

// ---------------------------------------------------------------- public API

namespace {

load_detail::Parsed parse(const std::string& text, const std::string& display_path, const std::string& base_dir) {
    load_detail::Parsed p;
    Diagnostics d;
    Loader loader(display_path, base_dir, d);
    p.scenario = loader.load(text);
    p.audio = loader.take_audio();
    p.diagnostics = std::move(d.items);
    return p;
}

LoadResult finish(load_detail::Parsed p, const std::string& display_path, const std::string& base_dir) {
    LoadResult r;
    r.diagnostics.items = std::move(p.diagnostics);
    check_audio(display_path, base_dir, p.audio, r.diagnostics, p.scenario.get());
    r.scenario = std::move(p.scenario);
    sort_by_position(r.diagnostics, 0);
    return r;
}

LoadResult load_text(const std::string& text, const std::string& display_path, const std::string& base_dir,
                     const LoadOptions& options) {
    if (options.cache_dir.empty()) return finish(parse(text, display_path, base_dir), display_path, base_dir);
    const std::string hash = content_hash(text);
    const std::string file = load_detail::cache_path(options.cache_dir, hash, display_path);
    if (auto cached = load_detail::read_cache(file, hash)) return finish(std::move(*cached), display_path, base_dir);
    load_detail::Parsed p = parse(text, display_path, base_dir);
    load_detail::write_cache(file, p, hash);
    return finish(std::move(p), display_path, base_dir);
}

}  // namespace

std::string default_cache_dir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return (fs::path(xdg) / "sofs" / "scenarios").string();
    if (const char* home = std::getenv("HOME"); home && *home)
        return (fs::path(home) / ".cache" / "sofs" / "scenarios").string();
    return "";
}

LoadResult load_scenario_text(const std::string& text, const std::string& display_path, const std::string& base_dir) {
    return load_text(text, display_path, base_dir, LoadOptions{});
}

LoadResult load_scenario_file(const std::string& path) { return load_scenario_file(path, LoadOptions{}); }

LoadResult load_scenario_file(const std::string& path, const LoadOptions& options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadResult r;
        std::error_code ec;
        std::string why = !fs::exists(path, ec) ? "no such file" : fs::is_directory(path, ec) ? "it is a folder" : "permission denied";
        r.diagnostics.error(path, 0, 0, "SCN009", "could not open '" + path + "': " + why);
        return r;
    }
    std::string text;
    in.seekg(0, std::ios::end);
    auto size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size > 0) {
        text.resize(static_cast<std::size_t>(size));
        in.read(text.data(), size);
        text.resize(static_cast<std::size_t>(in.gcount()));
    }
    return load_text(text, path, dir_of(path), options);
}

std::vector<std::string> find_scenario_files(const std::vector<std::string>& paths, Diagnostics* missing) {
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> here;
            for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (!it->is_regular_file(ec)) continue;
                auto ext = it->path().extension().string();
                if (ext == ".yaml" || ext == ".yml") here.push_back(it->path().string());
            }
            if (ec && missing) missing->error(p, 0, 0, "SCN009", "could not read the folder '" + p + "': " + ec.message());
            std::sort(here.begin(), here.end());
            out.insert(out.end(), here.begin(), here.end());
        } else if (fs::exists(p, ec)) {
            out.push_back(p);
        } else if (missing) {
            missing->error(p, 0, 0, "SCN009", "could not open '" + p + "': no such file or folder");
        }
    }
    return out;
}

Library load_library(const std::vector<std::string>& paths) { return load_library(paths, LoadOptions{}); }

Library load_library(const std::vector<std::string>& paths, const LoadOptions& options) {
    Library lib;
    auto files = find_scenario_files(paths, &lib.diagnostics);
    std::unordered_map<std::string, std::string> ids;  // scenario id -> file
    for (const auto& f : files) {
        LoadResult r = load_scenario_file(f, options);
        bool ok = r.scenario && !r.diagnostics.has_errors();
        if (r.scenario && !r.scenario->id.empty()) {
            auto [it, fresh] = ids.emplace(r.scenario->id, f);
            if (!fresh) {
                r.diagnostics.error(f, 1, 1, "SCN029",
                                    "scenario id '" + r.scenario->id + "' is also used by " + it->second +
                                        "; progress is kept by id, so each scenario needs its own");
                ok = false;
            }
        }
        for (auto& d : r.diagnostics.items) lib.diagnostics.items.push_back(std::move(d));
        if (ok) lib.scenarios.push_back(options.index_only ? index_entry(*r.scenario) : r.scenario);
    }
    return lib;
}

std::shared_ptr<const Scenario> index_entry(const Scenario& s) {
    auto e = std::make_shared<Scenario>();
    e->id = s.id;
    e->title = s.title;
    e->summary = s.summary;
    e->audiences = s.audiences;
    e->topics = s.topics;
    e->minutes = s.minutes;
    e->version = s.version;
    e->aims = s.aims;
    e->file = s.file;
    e->content_hash = s.content_hash;
    e->pos = s.pos;
    return e;
}

bool is_index_entry(const Scenario& s) { return s.scenes.empty() && !s.file.empty(); }

LoadResult load_case_body(const Scenario& entry, const LoadOptions& options) {
    LoadResult r = load_scenario_file(entry.file, options);
    if (r.scenario && !r.diagnostics.has_errors() && r.scenario->id != entry.id)
        r.diagnostics.error(entry.file, 1, 1, "SCN029",
                            "the file now holds scenario '" + r.scenario->id + "', not '" + entry.id + "'");
    return r;
}

}  // namespace sofs
