// A fresh folder under the system's temporary directory for one test
// (sofs-TAG-<random>), removed with everything in it, even folders a test
// left without write permission, when the object goes.
#pragma once

#include <filesystem>
#include <random>
#include <string>

namespace test_files {

struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& tag = "test") {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() /
               ("sofs-" + tag + "-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(path, ec);
    }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

}  // namespace test_files
