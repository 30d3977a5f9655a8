// util/shared_library: a library opened when first needed gives its
// functions; a missing library or function is a sentence naming it, never a
// crash (sound, the PDF and the PostgreSQL store rely on this).
#include "util/shared_library.hpp"

#include <doctest/doctest.h>

#include <string>

using sofs::util::SharedLibrary;

TEST_CASE("an installed library gives the functions asked for") {
    SharedLibrary libm("libm.so.6");
    double (*cube_root)(double) = nullptr;
    libm.bind(cube_root, "cbrt");
    REQUIRE(libm.ok());
    CHECK(libm.problem().empty());
    REQUIRE(static_cast<bool>(cube_root));
    CHECK(cube_root(27.0) == doctest::Approx(3.0));
}

TEST_CASE("a library that is not installed is a plain problem, and its functions are null") {
    SharedLibrary none("libsofs-no-such-library.so.9");
    int (*f)() = [] { return 1; };   // not null before
    none.bind(f, "anything");
    CHECK_FALSE(none.ok());
    CHECK_FALSE(static_cast<bool>(f));
    CHECK(none.problem().find("libsofs-no-such-library.so.9") != std::string::npos);
    CHECK(none.problem().find("could not be loaded") != std::string::npos);
}

TEST_CASE("a function the library lacks makes it not ok and is named") {
    SharedLibrary libm("libm.so.6");
    double (*cube_root)(double) = nullptr;
    void (*missing)(void) = nullptr;
    libm.bind(cube_root, "cbrt");
    libm.bind(missing, "sofs_no_such_function");
    CHECK(static_cast<bool>(cube_root));
    CHECK_FALSE(static_cast<bool>(missing));
    CHECK_FALSE(libm.ok());
    CHECK(libm.problem().find("sofs_no_such_function") != std::string::npos);
    CHECK(libm.problem().find("libm.so.6") != std::string::npos);
}
