// Loading the practice guidance data from content/: the lexicons (plain text,
// one entry a line) and the criteria texts (YAML). Every problem is reported
// with file:line so a practice lead can fix the data without touching code.
#include "rubric/text/words.hpp"
#include "rubric/second_opinion.hpp"

#include "util/data_dir.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace sofs {

namespace {

// The lexicons the judging rules rely on; a missing one is an error.
const char* const kRequiredLexicons[] = {
    "worry-words", "people-words", "grammar", "behaviours", "categories", "labels", "jargon",
    "impacts", "vague-harm", "time-frames", "services", "positive-actions", "non-actions",
    "observability", "danger-themes", "safe-states", "allowed-acronyms", "hypotheses", "past-time",
    "future", "goal-modals", "prohibitions", "strength-words", "vague-verbs", "words-and-pictures"};

std::string scalar(const YAML::Node& n) {
    try {
        return n.as<std::string>();
    } catch (const YAML::Exception&) {
        return "";
    }
}

// A text field that is either one string or a map of reason -> string;
// the map's keys are stored as "field.reason" ("not_met.vague").
void read_text_field(const YAML::Node& node, const std::string& key, const std::string& file,
                     std::map<std::string, std::string>& out, std::vector<std::string>* errors) {
    if (node.IsScalar()) {
        out[key] = scalar(node);
    } else if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            std::string reason = scalar(it->first);
            if (!it->second.IsScalar()) {
                errors->push_back(file + ":" + std::to_string(it->second.Mark().line + 1) + ": '" + key + "." +
                                  reason + "' must be plain text");
                continue;
            }
            out[reason == "default" ? key : key + "." + reason] = scalar(it->second);
        }
    } else {
        errors->push_back(file + ":" + std::to_string(node.Mark().line + 1) + ": '" + key +
                          "' must be text or a list of reasons with their texts");
    }
}

bool load_criteria(const std::string& path, Guidance::Data& d, std::vector<std::string>* errors) {
    YAML::Node root;
    try {
        root = YAML::LoadFile(path);
    } catch (const YAML::BadFile&) {
        errors->push_back(path + ": could not open the criteria file");
        return false;
    } catch (const YAML::ParserException& e) {
        errors->push_back(path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
        return false;
    }
    if (!root.IsMap()) {
        errors->push_back(path + ":1: expected criterion ids, each with its texts");
        return false;
    }
    static const std::vector<std::string> kKeys = {"name", "met", "not_met", "guidance", "source", "improve"};
    for (auto it = root.begin(); it != root.end(); ++it) {
        std::string id = scalar(it->first);
        int line = it->first.Mark().line + 1;
        if (!it->second.IsMap()) {
            errors->push_back(path + ":" + std::to_string(line) + ": '" + id + "' must hold name, met, not_met, guidance, source, improve");
            continue;
        }
        rubric::CriterionText c;
        c.id = id;
        std::map<std::string, std::string> fields;
        for (auto f = it->second.begin(); f != it->second.end(); ++f) {
            std::string key = scalar(f->first);
            if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
                errors->push_back(path + ":" + std::to_string(f->first.Mark().line + 1) + ": unknown key '" + key +
                                  "' in " + id + " (expected one of name, met, not_met, guidance, source, improve)");
                continue;
            }
            read_text_field(f->second, key, path, fields, errors);
        }
        for (const char* must : {"met", "not_met", "guidance"})
            if (!fields.count(must))
                errors->push_back(path + ":" + std::to_string(line) + ": " + id + " has no '" + must + "'");
        c.name = fields["name"];
        c.met = fields["met"];
        c.not_met = fields["not_met"];
        c.guidance = fields["guidance"];
        c.source = fields["source"];
        c.improve = fields["improve"];
        // reasons ("not_met.vague") are stored as their own entries under "ID#reason"
        for (auto& [k, v] : fields) {
            auto dot = k.find('.');
            if (dot == std::string::npos) continue;
            std::string field = k.substr(0, dot), reason = k.substr(dot + 1);
            auto& slot = d.criteria[id + "#" + reason];
            if (slot.id.empty()) slot = c;
            slot.id = id;
            if (field == "not_met") slot.not_met = v;
            else if (field == "improve") slot.improve = v;
            else if (field == "met") slot.met = v;
        }
        d.criteria[id] = c;
    }
    // reasons inherit anything they did not set from their criterion
    for (auto& [k, v] : d.criteria) {
        auto hash = k.find('#');
        if (hash == std::string::npos) continue;
        const auto& base = d.criteria[k.substr(0, hash)];
        if (v.guidance.empty()) v.guidance = base.guidance;
        if (v.source.empty()) v.source = base.source;
    }
    return true;
}

bool load_moves(const std::string& path, Guidance::Data& d, std::vector<std::string>* errors) {
    if (!fs::exists(path)) return true;  // optional
    YAML::Node root;
    try {
        root = YAML::LoadFile(path);
    } catch (const YAML::ParserException& e) {
        errors->push_back(path + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
        return false;
    } catch (const YAML::Exception& e) {
        errors->push_back(path + ": " + e.what());
        return false;
    }
    if (!root.IsMap()) {
        errors->push_back(path + ":1: expected move names, each with 'fits' and 'try_instead'");
        return false;
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        std::string move = scalar(it->first);
        if (!move_from(move)) {
            errors->push_back(path + ":" + std::to_string(it->first.Mark().line + 1) + ": '" + move +
                              "' is not a conversation move (see scenarios/FORMAT.md)");
            continue;
        }
        rubric::MoveText m;
        if (it->second.IsMap()) {
            if (it->second["fits"]) m.fits = scalar(it->second["fits"]);
            if (it->second["try_instead"]) m.try_instead = scalar(it->second["try_instead"]);
        }
        d.moves[move] = m;
    }
    return true;
}

}  // namespace

const rubric::Lexicon& Guidance::Data::lex(const std::string& name) const {
    static const rubric::Lexicon empty;
    auto it = lexicons.find(name);
    return it == lexicons.end() ? empty : it->second;
}

const rubric::CriterionText& Guidance::Data::text(const std::string& criterion) const {
    static const rubric::CriterionText empty;
    auto it = criteria.find(criterion);
    if (it != criteria.end()) return it->second;
    auto hash = criterion.find('#');
    if (hash != std::string::npos) return text(criterion.substr(0, hash));
    return empty;
}

// $SOFS_CONTENT_DIR, else content/ in the data folder found beside the program.
std::string Guidance::default_dir() { return util::data_dir("content"); }

std::map<std::string, std::string> Guidance::criterion_names(const std::string& content_dir, std::string* error) {
    Data d;
    std::vector<std::string> errors;
    load_criteria((fs::path(content_dir) / "guidance" / "criteria.yaml").string(), d, &errors);
    std::map<std::string, std::string> out;
    if (!errors.empty()) {
        if (error) *error = errors.front();
        return out;
    }
    for (const auto& [id, text] : d.criteria)
        if (id.find('#') == std::string::npos) out[id] = text.name;
    return out;
}

void Guidance::release_dictionary() const {
    if (data) data->words.release_dictionary();
}

std::shared_ptr<const Guidance> Guidance::load(const std::string& content_dir, std::string* error, bool second_opinion) {
    auto d = std::make_shared<Data>();
    d->dir = content_dir;
    std::vector<std::string> errors;
    std::string why;
    if (!d->words.open(&why)) errors.push_back(why);

    fs::path lexdir = fs::path(content_dir) / "lexicons";
    std::error_code ec;
    if (!fs::is_directory(lexdir, ec)) {
        if (error) *error = "could not find the lexicons folder '" + lexdir.string() + "'";
        return nullptr;
    }
    std::vector<fs::path> files;
    for (auto& e : fs::directory_iterator(lexdir, ec))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());

    // Misspellings first: they are corrections, not a lexicon ("mite => might").
    fs::path misspelt = lexdir / "misspellings.txt";
    if (fs::exists(misspelt)) {
        rubric::Lexicon m;
        rubric::WordTable scratch;  // entries are read as text only
        if (rubric::load_lexicon(misspelt.string(), scratch, &m, &errors))
            for (auto& p : m.phrases) {
                if (p.note.empty() || p.note.find(' ') != std::string::npos) {
                    errors.push_back(*p.file + ":" + std::to_string(p.line) +
                                     ": write a misspelling as 'wrong => right' with one word on each side");
                    continue;
                }
                std::string wrong = p.text, right = p.note;
                std::transform(wrong.begin(), wrong.end(), wrong.begin(), ::tolower);
                std::transform(right.begin(), right.end(), right.begin(), ::tolower);
                d->words.add_misspelling(wrong, right);
            }
    }
    for (auto& f : files) {
        std::string name = f.stem().string();
        if (name == "misspellings") continue;
        rubric::Lexicon lex;
        rubric::load_lexicon(f.string(), d->words, &lex, &errors);
        d->lexicons[name] = std::move(lex);
    }
    for (const char* must : kRequiredLexicons)
        if (!d->lexicons.count(must))
            errors.push_back((lexdir / (std::string(must) + ".txt")).string() + ": this lexicon is missing");
    d->words.freeze();

    // The second opinion's weights, when the content has them (assessment/CRITERIA.md).
    // A bad file is reported (second_opinion_error) and the rules judge alone.
    fs::path models = fs::path(content_dir) / "models";
    if (second_opinion && fs::exists(models / "second-opinion.txt", ec) &&
        fs::exists(models / "second-opinion-criteria.txt", ec)) {
        std::string bad;
        auto crits = rubric::SecondOpinion::read_criteria((models / "second-opinion-criteria.txt").string(), &bad);
        if (bad.empty() && !crits.empty())
            d->second_opinion = rubric::SecondOpinion::load((models / "second-opinion.txt").string(), *d, &bad, crits);
        if (!d->second_opinion) d->second_opinion_error = bad;
    }

    fs::path gdir = fs::path(content_dir) / "guidance";
    load_criteria((gdir / "criteria.yaml").string(), *d, &errors);
    load_moves((gdir / "moves.yaml").string(), *d, &errors);
    for (const auto& id : danger_statement_criteria())
        if (!d->criteria.count(id)) errors.push_back((gdir / "criteria.yaml").string() + ": no texts for " + id);
    for (const auto& id : safety_goal_criteria())
        if (!d->criteria.count(id)) errors.push_back((gdir / "criteria.yaml").string() + ": no texts for " + id);

    if (!errors.empty()) {
        if (error) {
            *error = "";
            for (auto& e : errors) *error += (error->empty() ? "" : "\n") + e;
        }
        return nullptr;
    }
    auto g = std::make_shared<Guidance>();
    g->data = d;
    return g;
}

}  // namespace sofs
