// The byte form shared by the parse cache (cache.cpp) and the case library's
// index (library_index.cpp): fixed-width integers in the machine's order
// (little-endian on every platform we build for) and length-prefixed strings.
// Reading checks every length against the bytes left and, once anything is
// short, sets `ok` false and returns zeros, so a damaged file is refused
// rather than trusted.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>

namespace sofs::load_detail {

class ByteWriter {
public:
    std::string out;
    void u32(std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); }
    void i32(int v) { u32(static_cast<std::uint32_t>(v)); }
    void u64(std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), 8); }
    void str(const std::string& s) { u32(static_cast<std::uint32_t>(s.size())); out += s; }
};

class ByteReader {
public:
    ByteReader(const char* data, std::size_t size) : p_(data), end_(data + size) {}
    bool ok = true;
    std::uint32_t u32() { std::uint32_t v = 0; take(&v, 4); return v; }
    int i32() { return static_cast<int>(u32()); }
    std::uint64_t u64() { std::uint64_t v = 0; take(&v, 8); return v; }
    std::string str() {
        std::uint32_t n = u32();
        if (!ok || left() < n) { ok = false; return {}; }
        std::string s(p_, n);
        p_ += n;
        return s;
    }
    // A count of items each at least `min_bytes` long: refuses counts the bytes left cannot hold.
    std::uint32_t count(std::size_t min_bytes) {
        std::uint32_t n = u32();
        if (ok && left() / (min_bytes ? min_bytes : 1) < n) ok = false;
        return ok ? n : 0;
    }
    bool at_end() const { return p_ == end_; }

private:
    std::size_t left() const { return static_cast<std::size_t>(end_ - p_); }
    void take(void* to, std::size_t n) {
        if (!ok || left() < n) { ok = false; return; }
        std::memcpy(to, p_, n);
        p_ += n;
    }
    const char* p_;
    const char* end_;
};

}  // namespace sofs::load_detail
