// FNV-1a 64: simple, fast, and stable across platforms and compilers.
#include "runtime/hash.hpp"

namespace sofs {

std::uint64_t fnv1a64(std::string_view bytes) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

std::string content_hash(std::string_view bytes) {
    static const char* const kHex = "0123456789abcdef";
    std::uint64_t h = fnv1a64(bytes);
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 0xf];
    return out;
}

}  // namespace sofs
