// The parse cache's binary form: little-endian fixed-width integers and
// length-prefixed strings, written in model order. A format version and the
// content hash open the file; reading checks every length against the bytes
// left, so a damaged file is refused rather than trusted.
#include "load/cache.hpp"

#include "load/bytes.hpp"

#include "runtime/hash.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace sofs::load_detail {
namespace {

constexpr char kMagic[8] = {'S', 'O', 'F', 'S', 'C', 'A', 'C', '1'};
constexpr std::uint32_t kFormat = 6;  // raise whenever the model or the loader's checks change

class Writer : public ByteWriter {
public:
    void strs(const std::vector<std::string>& v) { u32(static_cast<std::uint32_t>(v.size())); for (const auto& s : v) str(s); }
    void ints(const std::vector<int>& v) { u32(static_cast<std::uint32_t>(v.size())); for (int i : v) i32(i); }
    void pos(const SourcePos& p) { i32(p.line); i32(p.column); }
    void opt_int(const std::optional<int>& v) { u32(v ? 1 : 0); if (v) i32(*v); }
    void cond(const Condition& c) {
        u32(static_cast<std::uint32_t>(c.op)); str(c.name); u32(static_cast<std::uint32_t>(c.cmp)); i32(c.value);
        str(c.source);
        u32(static_cast<std::uint32_t>(c.args.size()));
        for (const auto& a : c.args) cond(a);
    }
    void opt_cond(const std::optional<Condition>& c) { u32(c ? 1 : 0); if (c) cond(*c); }
    void line(const Line& l) { str(l.speaker); str(l.text); str(l.audio); opt_cond(l.when); pos(l.pos); }
    void lines(const std::vector<Line>& v) { u32(static_cast<std::uint32_t>(v.size())); for (const auto& l : v) line(l); }
};

class Reader : public ByteReader {
public:
    using ByteReader::ByteReader;
    // An enumeration's value, refused when above its last one.
    template <typename E>
    E en(std::uint32_t last) {
        std::uint32_t v = u32();
        if (v > last) ok = false;
        return static_cast<E>(ok ? v : 0);
    }
    std::vector<std::string> strs() { std::vector<std::string> v(count(4)); for (auto& s : v) s = str(); return v; }
    std::vector<int> ints() { std::vector<int> v(count(4)); for (auto& i : v) i = i32(); return v; }
    SourcePos pos() { SourcePos p; p.line = i32(); p.column = i32(); return p; }
    std::optional<int> opt_int() { if (u32()) return i32(); return std::nullopt; }
    Condition cond(int depth = 0) {
        Condition c;
        if (depth > 200) { ok = false; return c; }
        c.op = en<Condition::Op>(7); c.name = str(); c.cmp = en<Condition::Cmp>(5);
        c.value = i32(); c.source = str();
        c.args.resize(count(16));
        for (auto& a : c.args) a = cond(depth + 1);
        return c;
    }
    std::optional<Condition> opt_cond() { if (u32()) return cond(); return std::nullopt; }
    Line line() { Line l; l.speaker = str(); l.text = str(); l.audio = str(); l.when = opt_cond(); l.pos = pos(); return l; }
    std::vector<Line> lines() { std::vector<Line> v(count(24)); for (auto& l : v) l = line(); return v; }
};

void write_scaling(Writer& w, const ScalingKey& k) {
    w.i32(k.expert); w.i32(k.low); w.i32(k.high); w.str(k.over_optimistic); w.str(k.over_pessimistic);
}

ScalingKey read_scaling(Reader& r) {
    ScalingKey k;
    k.expert = r.i32(); k.low = r.i32(); k.high = r.i32(); k.over_optimistic = r.str(); k.over_pessimistic = r.str();
    return k;
}

void write_scenario(Writer& w, const Scenario& s) {
    w.str(s.id); w.str(s.title); w.str(s.summary);
    w.u32(static_cast<std::uint32_t>(s.audiences.size()));
    for (auto a : s.audiences) w.u32(static_cast<std::uint32_t>(a));
    w.strs(s.topics); w.i32(s.minutes); w.i32(s.version); w.ints(s.aims); w.str(s.referral);
    w.u32(static_cast<std::uint32_t>(s.people.size()));
    for (const auto& p : s.people) {
        w.str(p.id); w.str(p.name); w.opt_int(p.age); w.opt_int(p.age_months); w.u32(static_cast<std::uint32_t>(p.role));
        w.str(p.relationship); w.str(p.household); w.strs(p.parents); w.strs(p.partners); w.strs(p.siblings); w.strs(p.aliases);
        w.str(p.gender); w.str(p.voice); w.pos(p.pos);
    }
    w.u32(static_cast<std::uint32_t>(s.facts.size()));
    for (const auto& f : s.facts) {
        w.str(f.id); w.str(f.text); w.u32(static_cast<std::uint32_t>(f.kind)); w.str(f.source); w.str(f.why); w.pos(f.pos);
    }
    w.u32(static_cast<std::uint32_t>(s.numbers.size()));
    for (const auto& v : s.numbers) { w.str(v.name); w.i32(v.initial); w.i32(v.min); w.i32(v.max); }
    w.strs(s.flags); w.str(s.start);
    w.u32(static_cast<std::uint32_t>(s.scenes.size()));
    for (const auto& sc : s.scenes) {
        w.str(sc.id); w.u32(static_cast<std::uint32_t>(sc.stage)); w.str(sc.title); w.str(sc.place); w.strs(sc.reveals);
        w.lines(sc.lines);
        w.u32(static_cast<std::uint32_t>(sc.choices.size()));
        for (const auto& c : sc.choices) {
            w.str(c.id); w.str(c.text); w.u32(static_cast<std::uint32_t>(c.move)); w.opt_cond(c.when);
            w.strs(c.effects.reveal);
            w.u32(static_cast<std::uint32_t>(c.effects.change.size()));
            for (const auto& [k, v] : c.effects.change) { w.str(k); w.i32(v); }
            w.strs(c.effects.set); w.strs(c.effects.clear);
            w.lines(c.reply); w.str(c.feedback); w.ints(c.serves); w.ints(c.undermines); w.str(c.next); w.pos(c.pos);
        }
        w.u32(sc.shuffle ? 1 : 0);
        w.u32(sc.task ? 1 : 0);
        if (sc.task) {
            const Task& t = *sc.task;
            w.str(t.id); w.u32(static_cast<std::uint32_t>(t.kind)); w.str(t.prompt); w.str(t.hint); w.strs(t.facts);
            w.strs(t.people); w.str(t.next); w.pos(t.pos);
            w.u32(t.scaling ? 1 : 0);
            if (t.scaling) write_scaling(w, *t.scaling);
        }
        w.str(sc.next); w.str(sc.ending); w.str(sc.pause); w.pos(sc.pause_pos); w.pos(sc.pos);
    }
    w.u32(static_cast<std::uint32_t>(s.endings.size()));
    for (const auto& e : s.endings) { w.str(e.id); w.str(e.title); w.str(e.debrief); w.pos(e.pos); }
    const ExpertKey& x = s.expert;
    w.str(x.past_harm); w.strs(x.danger_statements); w.strs(x.safety_goals); w.strs(x.next_steps); w.strs(x.family_goals);
    w.u32(static_cast<std::uint32_t>(x.evidence.size()));
    for (const auto& [k, v] : x.evidence) { w.str(k); w.strs(v); }
    write_scaling(w, x.scaling);
    w.strs(x.network);
    w.strs(x.three_houses.worries); w.strs(x.three_houses.good_things); w.strs(x.three_houses.dreams); w.pos(x.pos);
    w.u32(static_cast<std::uint32_t>(x.dangers.size()));
    for (const auto& dg : x.dangers) { w.strs(dg.adults); w.strs(dg.children); w.strs(dg.does); w.strs(dg.harm); w.strs(dg.safe); w.pos(dg.pos); }
    w.u32(x.words_and_pictures ? 1 : 0);
    if (const auto& wp = x.words_and_pictures) { w.str(wp->child); w.i32(wp->age); w.str(wp->example); w.pos(wp->pos); }
    w.str(s.file); w.str(s.content_hash); w.pos(s.pos);
}

void read_scenario(Reader& r, Scenario& s) {
    s.id = r.str(); s.title = r.str(); s.summary = r.str();
    s.audiences.resize(r.count(4));
    for (auto& a : s.audiences) a = r.en<Audience>(3);
    s.topics = r.strs(); s.minutes = r.i32(); s.version = r.i32(); s.aims = r.ints(); s.referral = r.str();
    s.people.resize(r.count(40));
    for (auto& p : s.people) {
        p.id = r.str(); p.name = r.str(); p.age = r.opt_int(); p.age_months = r.opt_int(); p.role = r.en<PersonRole>(4);
        p.relationship = r.str(); p.household = r.str(); p.parents = r.strs(); p.partners = r.strs(); p.siblings = r.strs(); p.aliases = r.strs();
        p.gender = r.str(); p.voice = r.str(); p.pos = r.pos();
    }
    s.facts.resize(r.count(28));
    for (auto& f : s.facts) {
        f.id = r.str(); f.text = r.str(); f.kind = r.en<FactKind>(4); f.source = r.str(); f.why = r.str(); f.pos = r.pos();
    }
    s.numbers.resize(r.count(16));
    for (auto& v : s.numbers) { v.name = r.str(); v.initial = r.i32(); v.min = r.i32(); v.max = r.i32(); }
    s.flags = r.strs(); s.start = r.str();
    s.scenes.resize(r.count(40));
    for (auto& sc : s.scenes) {
        sc.id = r.str(); sc.stage = r.en<Stage>(4); sc.title = r.str(); sc.place = r.str(); sc.reveals = r.strs();
        sc.lines = r.lines();
        sc.choices.resize(r.count(60));
        for (auto& c : sc.choices) {
            c.id = r.str(); c.text = r.str(); c.move = r.en<MoveType>(13); c.when = r.opt_cond();
            c.effects.reveal = r.strs();
            std::uint32_t changes = r.count(8);
            for (std::uint32_t i = 0; i < changes && r.ok; ++i) { std::string k = r.str(); c.effects.change[k] = r.i32(); }
            c.effects.set = r.strs(); c.effects.clear = r.strs();
            c.reply = r.lines(); c.feedback = r.str(); c.serves = r.ints(); c.undermines = r.ints(); c.next = r.str(); c.pos = r.pos();
        }
        sc.shuffle = r.u32() != 0;
        if (r.u32()) {
            Task t;
            t.id = r.str(); t.kind = r.en<TaskKind>(8); t.prompt = r.str(); t.hint = r.str(); t.facts = r.strs();
            t.people = r.strs(); t.next = r.str(); t.pos = r.pos();
            if (r.u32()) t.scaling = read_scaling(r);
            sc.task = std::move(t);
        }
        sc.next = r.str(); sc.ending = r.str(); sc.pause = r.str(); sc.pause_pos = r.pos(); sc.pos = r.pos();
        if (!r.ok) return;
    }
    s.endings.resize(r.count(20));
    for (auto& e : s.endings) { e.id = r.str(); e.title = r.str(); e.debrief = r.str(); e.pos = r.pos(); }
    ExpertKey& x = s.expert;
    x.past_harm = r.str(); x.danger_statements = r.strs(); x.safety_goals = r.strs(); x.next_steps = r.strs(); x.family_goals = r.strs();
    std::uint32_t ev = r.count(8);
    for (std::uint32_t i = 0; i < ev && r.ok; ++i) { std::string k = r.str(); x.evidence[k] = r.strs(); }
    x.scaling = read_scaling(r);
    x.network = r.strs();
    x.three_houses.worries = r.strs(); x.three_houses.good_things = r.strs(); x.three_houses.dreams = r.strs(); x.pos = r.pos();
    x.dangers.resize(r.count(28));
    for (auto& dg : x.dangers) { dg.adults = r.strs(); dg.children = r.strs(); dg.does = r.strs(); dg.harm = r.strs(); dg.safe = r.strs(); dg.pos = r.pos(); }
    if (r.u32()) {
        WordsAndPicturesKey wp;
        wp.child = r.str(); wp.age = r.i32(); wp.example = r.str(); wp.pos = r.pos();
        x.words_and_pictures = std::move(wp);
    }
    s.file = r.str(); s.content_hash = r.str(); s.pos = r.pos();
}

}  // namespace

std::string cache_path(const std::string& cache_dir, const std::string& content_hash, const std::string& display_path) {
    // The display path is part of the key: diagnostics name the file, and SCN028 depends on its name.
    return (std::filesystem::path(cache_dir) / (content_hash + "-" + sofs::content_hash(display_path) + ".bin")).string();
}

bool write_cache(const std::string& file, const Parsed& p, const std::string& content_hash) {
    Writer w;
    w.out.append(kMagic, sizeof kMagic);
    w.u32(kFormat);
    w.str(content_hash);
    w.u32(p.scenario ? 1 : 0);
    if (p.scenario) write_scenario(w, *p.scenario);
    w.u32(static_cast<std::uint32_t>(p.diagnostics.size()));
    for (const auto& d : p.diagnostics) {
        w.str(d.file); w.i32(d.line); w.i32(d.column); w.u32(d.severity == Severity::Error ? 1 : 0); w.str(d.code); w.str(d.message);
    }
    w.u32(static_cast<std::uint32_t>(p.audio.size()));
    for (const auto& a : p.audio) { w.str(a.path); w.pos(a.pos); }
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(file).parent_path(), ec);
    // Written beside, then renamed: a reader never sees half a file.
    const std::string tmp = file + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        out.write(w.out.data(), static_cast<std::streamsize>(w.out.size()));
        if (!out) return false;
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec) std::filesystem::remove(tmp, ec);
    return !ec;
}

std::optional<Parsed> read_cache(const std::string& file, const std::string& content_hash) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buf;
    buf << in.rdbuf();
    const std::string bytes = buf.str();
    if (bytes.size() < sizeof kMagic || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return std::nullopt;
    Reader r(bytes.data() + sizeof kMagic, bytes.size() - sizeof kMagic);
    if (r.u32() != kFormat || r.str() != content_hash || !r.ok) return std::nullopt;
    Parsed p;
    if (r.u32()) {
        p.scenario = std::make_shared<Scenario>();
        read_scenario(r, *p.scenario);
    }
    p.diagnostics.resize(r.count(24));
    for (auto& d : p.diagnostics) {
        d.file = r.str(); d.line = r.i32(); d.column = r.i32(); d.severity = r.u32() ? Severity::Error : Severity::Warning;
        d.code = r.str(); d.message = r.str();
    }
    p.audio.resize(r.count(12));
    for (auto& a : p.audio) { a.path = r.str(); a.pos = r.pos(); }
    if (!r.ok || !r.at_end()) return std::nullopt;
    if (p.scenario) p.scenario->build_index();
    return p;
}

}  // namespace sofs::load_detail
