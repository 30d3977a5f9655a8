// Private files: see private_files.hpp.
#include "private_files.hpp"

#include "store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace fs = std::filesystem;

namespace sofs::progress {

namespace {
using K = StoreError::Kind;

std::string octal(mode_t m) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(m & 07777));
    return buf;
}
}  // namespace

void make_private_dirs(const std::string& dir) {
    if (dir.empty()) return;
    fs::path p(dir);
    std::vector<fs::path> missing;
    std::error_code ec;
    for (fs::path q = p; !q.empty() && !fs::exists(q, ec); q = q.parent_path()) {
        missing.push_back(q);
        if (q == q.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        // mkdir's mode is cut by the umask; chmod afterwards makes it exact.
        if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST)
            throw StoreError(errno == EACCES || errno == EROFS ? K::ReadOnly : K::Io,
                             "could not create the folder '" + it->string() + "': " + std::strerror(errno));
        ::chmod(it->c_str(), 0700);
    }
}

std::optional<std::string> tighten(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    if ((st.st_mode & 077) == 0) return std::nullopt;
    if (st.st_uid != ::geteuid())
        return "'" + path + "' can be read by others (mode " + octal(st.st_mode) +
               ") and belongs to someone else, so it could not be made private";
    bool dir = S_ISDIR(st.st_mode);
    mode_t want = dir ? 0700 : 0600;
    if (::chmod(path.c_str(), want) != 0)
        return "'" + path + "' can be read by others (mode " + octal(st.st_mode) +
               ") and could not be made private: " + std::strerror(errno);
    return "'" + path + "' could be read by others (mode " + octal(st.st_mode) + "); it is now readable by you only (" +
           octal(want) + ")";
}

std::optional<std::string> ensure_private_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0) fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);  // a read-only file can still be read
    if (fd < 0)
        throw StoreError(errno == EACCES || errno == EROFS ? K::ReadOnly : K::Io,
                         "could not open '" + path + "': " + std::strerror(errno));
    ::close(fd);
    return tighten(path);
}

bool write_private_file(const std::string& path, const std::string& text, std::string* error) {
    try {
        auto parent = fs::path(path).parent_path();
        if (!parent.empty()) make_private_dirs(parent.string());
    } catch (const StoreError& e) {
        if (error) *error = e.what();
        return false;
    }
    int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (error) *error = "could not write '" + path + "': " + std::strerror(errno);
        return false;
    }
    ::fchmod(fd, 0600);  // an older file of the same name may have been wider open
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (error) *error = "could not write '" + path + "': " + std::strerror(errno);
            ::close(fd);
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
        if (error) *error = "could not write '" + path + "': " + std::strerror(errno);
        return false;
    }
    return true;
}

}  // namespace sofs::progress
