// A compact, read-only YAML document tree: a flat array of records, so
// loading a library spends its time parsing, not allocating. Built by a fast
// hand-written parser for the subset scenario files use (yaml_fast.cpp), or by
// yaml-cpp's event parser whenever the fast one gives up (anything outside the
// subset, and every syntax error, so error marks stay yaml-cpp's). Both build
// the same records: kinds, scalars with their tag ("?" plain, "!" quoted or
// block), 1-based positions (columns in bytes, as yaml-cpp counts), map entries
// in file order (duplicates kept, for SCN005), aliases resolved.
#pragma once

#include "model/scenario.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace sofs::load_detail {

class YamlDoc;

class YamlNode {
public:
    YamlNode() = default;
    YamlNode(const YamlDoc* doc, std::uint32_t index) : doc_(doc), index_(index) {}

    bool IsDefined() const { return doc_ != nullptr; }
    bool IsNull() const;
    bool IsScalar() const;
    bool IsSequence() const;
    bool IsMap() const;
    const std::string& Scalar() const;
    const char* Tag() const;     // "?" for a plain scalar, "!" for a quoted or block one, "" otherwise
    SourcePos pos() const;       // 1-based
    std::size_t size() const;    // items of a sequence, entries of a map
    YamlNode operator[](std::size_t i) const;  // a sequence's item
    std::vector<YamlNode> items() const;                           // a sequence's items
    std::vector<std::pair<YamlNode, YamlNode>> entries() const;    // a map's keys and values, in order

private:
    const YamlDoc* doc_ = nullptr;
    std::uint32_t index_ = 0;
    friend class YamlDoc;
};

class YamlDoc {
public:
    enum class Kind : std::uint8_t { Null, Scalar, Sequence, Map };
    struct Record {
        Kind kind = Kind::Null;
        bool plain = false;
        int line = 0, column = 0;
        // This record's children are children_[first_child, first_child + child_count):
        // a sequence's items; a map's key, value, key, value... One shared array
        // rather than a vector per collection saves an allocation per map.
        std::uint32_t first_child = 0, child_count = 0;
        std::string value;
    };

    // Parses the first document of `text`; throws YAML::ParserException (with
    // its mark) on a syntax error. An empty text gives a Null root. Tries the
    // fast parser first and falls back to yaml-cpp whenever it gives up.
    static YamlDoc parse(const std::string& text);

    // The hand-written parser (yaml_fast.cpp) for the subset scenario files
    // use: block maps and sequences, plain, quoted and block scalars, one-line
    // flow collections, comments. It returns nothing -- never a wrong tree --
    // for anything outside that subset and for every syntax error, so that
    // yaml-cpp can parse the file and report errors with its own marks.
    static std::optional<YamlDoc> parse_fast(const std::string& text);

    // yaml-cpp's event parser, always (the reference the fast one must match).
    static YamlDoc parse_with_yaml_cpp(const std::string& text);
    YamlNode root() const { return records_.empty() ? YamlNode() : YamlNode(this, 0); }

    std::span<const std::uint32_t> children(std::uint32_t record) const {
        const Record& r = records_[record];
        return {children_.data() + r.first_child, r.child_count};
    }

    std::vector<Record> records_;
    std::vector<std::uint32_t> children_;
};

// The small accessors are inline: the loader calls them for every node.
inline bool YamlNode::IsNull() const { return !doc_ || doc_->records_[index_].kind == YamlDoc::Kind::Null; }
inline bool YamlNode::IsScalar() const { return doc_ && doc_->records_[index_].kind == YamlDoc::Kind::Scalar; }
inline bool YamlNode::IsSequence() const { return doc_ && doc_->records_[index_].kind == YamlDoc::Kind::Sequence; }
inline bool YamlNode::IsMap() const { return doc_ && doc_->records_[index_].kind == YamlDoc::Kind::Map; }
inline const std::string& YamlNode::Scalar() const {
    static const std::string empty;
    return IsScalar() ? doc_->records_[index_].value : empty;
}
inline const char* YamlNode::Tag() const {
    if (!IsScalar()) return "";
    return doc_->records_[index_].plain ? "?" : "!";
}
inline SourcePos YamlNode::pos() const {
    if (!doc_) return {};
    const auto& r = doc_->records_[index_];
    return {r.line, r.column};
}

}  // namespace sofs::load_detail
