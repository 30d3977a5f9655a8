#include "util/shared_library.hpp"

#include <dlfcn.h>

namespace sofs::util {

SharedLibrary::SharedLibrary(const char* soname) : soname_(soname) {
    // RTLD_LOCAL: its symbols stay out of the global scope, so the symbol
    // look-ups of libraries opened later (OpenGL's driver) stay short.
    handle_ = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!handle_) {
        const char* why = dlerror();
        problem_ = "the library " + soname_ + " could not be loaded" + (why ? std::string(": ") + why : std::string());
    }
}

void* SharedLibrary::symbol(const char* name) {
    if (!handle_) return nullptr;
    dlerror();
    void* p = dlsym(handle_, name);
    if (!p && problem_.empty()) problem_ = "the library " + soname_ + " has no function " + name + " (a different version?)";
    return p;
}

}  // namespace sofs::util
