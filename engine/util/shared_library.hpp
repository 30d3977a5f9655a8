// A shared library opened when it is first needed (dlopen), not when the
// program starts. The programs' optional parts (sound and speech, the PDF
// certificate, the PostgreSQL store) each pull in dozens of libraries; linked
// the ordinary way, every start would load and relocate all of them (on this
// stack about a third of the application's start, and ~15 MiB of memory),
// although most runs use none. Each part keeps a table of the functions it
// calls, filled from one of these on first use.
#pragma once

#include <string>

namespace sofs::util {

class SharedLibrary {
public:
    // Opens `soname` (e.g. "libcairo.so.2"); ok() says whether it opened.
    explicit SharedLibrary(const char* soname);
    SharedLibrary(const SharedLibrary&) = delete;
    SharedLibrary& operator=(const SharedLibrary&) = delete;
    // Never closed: a library may have started threads or exit handlers.
    ~SharedLibrary() = default;

    // Whether it opened and every bind() so far found its function.
    bool ok() const { return handle_ != nullptr && problem_.empty(); }
    // Why not, in a sentence naming the library (and the function missing).
    const std::string& problem() const { return problem_; }

    // Sets `fn` to the library's function `name` (nullptr, and a problem,
    // when the library did not open or has no such function).
    template <class F>
    void bind(F& fn, const char* name) {
        fn = reinterpret_cast<F>(symbol(name));
    }

private:
    void* symbol(const char* name);
    void* handle_ = nullptr;
    std::string soname_;
    std::string problem_;
};

}  // namespace sofs::util
