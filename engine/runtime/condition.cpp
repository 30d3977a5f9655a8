// A small recursive-descent parser for conditions; see condition.hpp for the grammar.
#include "runtime/condition.hpp"

#include <cctype>
#include <charconv>

namespace sofs {
namespace {

struct Token {
    enum class Kind { Name, Number, Cmp, LParen, RParen, End, Bad } kind = Kind::End;
    std::string text;
    std::size_t at = 0;  // 0-based offset in the source
};

bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

class Parser {
public:
    explicit Parser(const std::string& s) : s_(s) { next(); }

    std::optional<Condition> parse(ConditionError* error) {
        auto c = parse_or();
        if (c && tok_.kind != Token::Kind::End) fail("expected 'and', 'or' or the end");
        if (!err_.message.empty()) {
            if (error) *error = err_;
            return std::nullopt;
        }
        c->source = s_;
        return c;
    }

private:
    void next() {
        std::size_t i = pos_;
        while (i < s_.size() && std::isspace(static_cast<unsigned char>(s_[i]))) ++i;
        tok_ = Token{};
        tok_.at = i;
        if (i >= s_.size()) {
            pos_ = i;
            return;
        }
        char c = s_[i];
        if (c == '(') { tok_.kind = Token::Kind::LParen; tok_.text = "("; pos_ = i + 1; return; }
        if (c == ')') { tok_.kind = Token::Kind::RParen; tok_.text = ")"; pos_ = i + 1; return; }
        if (c == '<' || c == '>' || c == '=' || c == '!') {
            std::size_t j = i + 1;
            if (j < s_.size() && s_[j] == '=') ++j;
            tok_.text = s_.substr(i, j - i);
            tok_.kind = (tok_.text == "=" || tok_.text == "!") ? Token::Kind::Bad : Token::Kind::Cmp;
            pos_ = j;
            return;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) ||
            (c == '-' && i + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i + 1])))) {
            std::size_t j = i + 1;
            while (j < s_.size() && std::isdigit(static_cast<unsigned char>(s_[j]))) ++j;
            // A digit followed by letters or hyphens is a name such as "2nd-visit".
            if (j < s_.size() && name_char(s_[j]) && c != '-') {
                while (j < s_.size() && name_char(s_[j])) ++j;
                tok_.kind = Token::Kind::Name;
            } else {
                tok_.kind = Token::Kind::Number;
            }
            tok_.text = s_.substr(i, j - i);
            pos_ = j;
            return;
        }
        if (name_char(c)) {
            std::size_t j = i;
            while (j < s_.size() && name_char(s_[j])) ++j;
            tok_.kind = Token::Kind::Name;
            tok_.text = s_.substr(i, j - i);
            pos_ = j;
            return;
        }
        tok_.kind = Token::Kind::Bad;
        tok_.text = std::string(1, c);
        pos_ = i + 1;
    }

    void fail(const std::string& what) {
        if (!err_.message.empty()) return;
        std::string found = tok_.kind == Token::Kind::End ? "the end" : "'" + tok_.text + "'";
        err_.message = what + ", found " + found + " at character " + std::to_string(tok_.at + 1);
        err_.at = tok_.at + 1;
    }

    // One level of 'not', '(' or the 'and'/'or' under it; false (with the
    // error set) past kMaxConditionDepth, before the next level is parsed.
    bool deeper() {
        if (++depth_ <= kMaxConditionDepth) return true;
        if (err_.message.empty()) {
            err_.message = "'not', 'and', 'or' and brackets nest more than " + std::to_string(kMaxConditionDepth) +
                           " deep at character " + std::to_string(tok_.at + 1) + "; write the condition more simply";
            err_.at = tok_.at + 1;
            err_.too_deep = true;
        }
        return false;
    }
    struct Level {
        Parser& p;
        bool ok;
        explicit Level(Parser& parser) : p(parser), ok(parser.deeper()) {}
        ~Level() { --p.depth_; }
        Level(const Level&) = delete;
        Level& operator=(const Level&) = delete;
    };

    bool keyword(const char* k) const { return tok_.kind == Token::Kind::Name && tok_.text == k; }

    std::optional<Condition> parse_or() { return parse_chain("or", Condition::Op::Or, &Parser::parse_and); }
    std::optional<Condition> parse_and() { return parse_chain("and", Condition::Op::And, &Parser::parse_unary); }

    // `operand (word operand)*`: one operand alone, or all of them under `op`.
    std::optional<Condition> parse_chain(const char* word, Condition::Op op,
                                         std::optional<Condition> (Parser::*operand)()) {
        auto left = (this->*operand)();
        if (!left) return std::nullopt;
        if (!keyword(word)) return left;
        Condition c;
        c.op = op;
        c.args.push_back(std::move(*left));
        while (keyword(word)) {
            next();
            auto right = (this->*operand)();
            if (!right) return std::nullopt;
            c.args.push_back(std::move(*right));
        }
        return c;
    }

    std::optional<Condition> parse_unary() {
        if (keyword("not")) {
            Level level(*this);
            if (!level.ok) return std::nullopt;
            next();
            auto inner = parse_unary();
            if (!inner) return std::nullopt;
            Condition c;
            c.op = Condition::Op::Not;
            c.args.push_back(std::move(*inner));
            return c;
        }
        return parse_primary();
    }

    std::optional<Condition> parse_primary() {
        if (tok_.kind == Token::Kind::LParen) {
            Level level(*this);
            if (!level.ok) return std::nullopt;
            next();
            auto inner = parse_or();
            if (!inner) return std::nullopt;
            if (tok_.kind != Token::Kind::RParen) {
                fail("expected ')'");
                return std::nullopt;
            }
            next();
            return inner;
        }
        if (tok_.kind != Token::Kind::Name || keyword("and") || keyword("or")) {
            fail("expected a flag, a number comparison, revealed(...) , visited(...) or '('");
            return std::nullopt;
        }
        std::string name = tok_.text;
        next();
        if (name == "revealed" || name == "visited") {
            if (tok_.kind != Token::Kind::LParen) {
                fail("expected '(' after '" + name + "'");
                return std::nullopt;
            }
            next();
            if (tok_.kind != Token::Kind::Name) {
                fail(std::string("expected ") + (name == "revealed" ? "a fact id" : "a scene id"));
                return std::nullopt;
            }
            Condition c;
            c.op = name == "revealed" ? Condition::Op::Revealed : Condition::Op::Visited;
            c.name = tok_.text;
            next();
            if (tok_.kind != Token::Kind::RParen) {
                fail("expected ')'");
                return std::nullopt;
            }
            next();
            return c;
        }
        Condition c;
        c.name = name;
        if (tok_.kind == Token::Kind::Bad && (tok_.text == "=" || tok_.text == "!")) {
            fail("expected a comparison such as '==' or '!='");
            return std::nullopt;
        }
        if (tok_.kind != Token::Kind::Cmp) {
            c.op = Condition::Op::Flag;
            return c;
        }
        const std::string op = tok_.text;
        c.op = Condition::Op::Compare;
        c.cmp = op == "<" ? Condition::Cmp::Lt : op == "<=" ? Condition::Cmp::Le
              : op == "==" ? Condition::Cmp::Eq : op == "!=" ? Condition::Cmp::Ne
              : op == ">=" ? Condition::Cmp::Ge : Condition::Cmp::Gt;
        next();
        if (tok_.kind != Token::Kind::Number) {
            fail("expected a whole number after '" + op + "'");
            return std::nullopt;
        }
        auto [p, ec] = std::from_chars(tok_.text.data(), tok_.text.data() + tok_.text.size(), c.value);
        if (ec != std::errc()) {
            fail("number out of range");
            return std::nullopt;
        }
        (void)p;
        next();
        return c;
    }

    const std::string& s_;
    std::size_t pos_ = 0;
    Token tok_;
    ConditionError err_;
    int depth_ = 0;
};

}  // namespace

std::optional<Condition> parse_condition(const std::string& text, ConditionError* error) {
    return Parser(text).parse(error);
}

std::optional<Condition> parse_condition(const std::string& text, std::string* error) {
    ConditionError e;
    auto c = Parser(text).parse(&e);
    if (!c && error) *error = e.message;
    return c;
}

void for_each_leaf(const Condition& c, const std::function<void(const Condition&)>& visit) {
    switch (c.op) {
        case Condition::Op::Not: case Condition::Op::And: case Condition::Op::Or:
            for (const auto& a : c.args) for_each_leaf(a, visit);
            break;
        case Condition::Op::True:
            break;
        default:
            visit(c);
    }
}

const char* to_string(Condition::Cmp c) {
    switch (c) {
        case Condition::Cmp::Lt: return "<";
        case Condition::Cmp::Le: return "<=";
        case Condition::Cmp::Eq: return "==";
        case Condition::Cmp::Ne: return "!=";
        case Condition::Cmp::Ge: return ">=";
        case Condition::Cmp::Gt: return ">";
    }
    return "?";
}

}  // namespace sofs
