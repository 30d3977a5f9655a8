// sofs-sim: the Signs of Safety practice simulator a trainee and a trainer use.
// Everything lives in sofs_ui; this file only reads the command line.
#include "app.hpp"

#include <malloc.h>

#include <cstdio>

int main(int argc, char** argv) {
    sofs::ui::mark_process_start();
    // One malloc arena for every thread (the case index reader, sound,
    // speech): glibc would give each thread its own, each holding freed
    // memory of its own; the threads seldom allocate at the same time.
    mallopt(M_ARENA_MAX, 1);
    std::string error;
    bool help = false;
    sofs::ui::Options o = sofs::ui::parse_options(argc, argv, &error, &help);
    if (help) {
        std::fputs(sofs::ui::usage(), stdout);
        return 0;
    }
    if (!error.empty()) {
        std::fprintf(stderr, "sofs-sim: %s\n\n%s", error.c_str(), sofs::ui::usage());
        return 2;
    }
    sofs::ui::App app(o);
    return app.run();
}
