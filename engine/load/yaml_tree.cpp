// Builds the compact YAML tree from yaml-cpp's events (the fallback and the
// reference for the fast parser), and the tree's accessors.
#include "load/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <unordered_map>

namespace sofs::load_detail {
namespace {


class Builder : public YAML::EventHandler {
public:
    explicit Builder(YamlDoc& doc) : doc_(doc) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& m, YAML::anchor_t anchor) override { add(YamlDoc::Kind::Null, m, anchor); }
    void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
        auto it = anchors_.find(anchor);
        if (it == anchors_.end()) return;  // yaml-cpp refuses unknown aliases before this
        attach(it->second);
    }
    void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t anchor, const std::string& value) override {
        std::uint32_t i = add(YamlDoc::Kind::Scalar, m, anchor);
        auto& r = doc_.records_[i];
        r.value = value;
        r.plain = tag == "?";
    }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(add(YamlDoc::Kind::Sequence, m, anchor));
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
        open(add(YamlDoc::Kind::Map, m, anchor));
    }
    void OnMapEnd() override { close(); }

private:
    std::uint32_t add(YamlDoc::Kind kind, const YAML::Mark& m, YAML::anchor_t anchor) {
        auto i = static_cast<std::uint32_t>(doc_.records_.size());
        YamlDoc::Record r;
        r.kind = kind;
        r.line = m.line + 1;
        r.column = m.column + 1;
        doc_.records_.push_back(std::move(r));
        if (anchor) anchors_[anchor] = i;
        attach(i);
        return i;
    }
    // Children wait on one stack while their collection is open and are copied
    // to the document's shared array when it closes.
    void attach(std::uint32_t i) {
        if (!open_.empty()) waiting_.push_back(i);
    }
    void open(std::uint32_t collection) { open_.push_back({collection, waiting_.size()}); }
    void close() {
        auto [collection, from] = open_.back();
        open_.pop_back();
        auto& r = doc_.records_[collection];
        r.first_child = static_cast<std::uint32_t>(doc_.children_.size());
        r.child_count = static_cast<std::uint32_t>(waiting_.size() - from);
        doc_.children_.insert(doc_.children_.end(), waiting_.begin() + static_cast<std::ptrdiff_t>(from), waiting_.end());
        waiting_.resize(from);
    }

    YamlDoc& doc_;
    std::vector<std::pair<std::uint32_t, std::size_t>> open_;  // open collections, where their children start
    std::vector<std::uint32_t> waiting_;
    std::unordered_map<YAML::anchor_t, std::uint32_t> anchors_;
};

}  // namespace

YamlDoc YamlDoc::parse(const std::string& text) {
    if (auto fast = parse_fast(text)) return std::move(*fast);
    return parse_with_yaml_cpp(text);
}

YamlDoc YamlDoc::parse_with_yaml_cpp(const std::string& text) {
    YamlDoc doc;
    doc.records_.reserve(text.size() / 12);
    std::istringstream in(text);
    YAML::Parser parser(in);
    Builder b(doc);
    parser.HandleNextDocument(b);
    return doc;
}

std::size_t YamlNode::size() const {
    if (!doc_) return 0;
    const auto& r = doc_->records_[index_];
    if (r.kind == YamlDoc::Kind::Sequence) return r.child_count;
    if (r.kind == YamlDoc::Kind::Map) return r.child_count / 2;
    return 0;
}
YamlNode YamlNode::operator[](std::size_t i) const {
    if (!IsSequence() || i >= doc_->records_[index_].child_count) return {};
    return {doc_, doc_->children(index_)[i]};
}
std::vector<YamlNode> YamlNode::items() const {
    std::vector<YamlNode> out;
    if (!IsSequence()) return out;
    const auto c = doc_->children(index_);
    out.reserve(c.size());
    for (auto i : c) out.emplace_back(doc_, i);
    return out;
}
std::vector<std::pair<YamlNode, YamlNode>> YamlNode::entries() const {
    std::vector<std::pair<YamlNode, YamlNode>> out;
    if (!IsMap()) return out;
    const auto c = doc_->children(index_);
    out.reserve(c.size() / 2);
    for (std::size_t i = 0; i + 1 < c.size(); i += 2) out.emplace_back(YamlNode(doc_, c[i]), YamlNode(doc_, c[i + 1]));
    return out;
}

}  // namespace sofs::load_detail
