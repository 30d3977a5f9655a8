// LRS settings, the libcurl transport and the outbox sender (see lrs.hpp).
#include "lrs.hpp"

#include "statement.hpp"

#include <curl/curl.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

namespace sofs::xapi {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- settings

std::string default_settings_path() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return std::string(x) + "/sofs-simulator/lrs.conf";
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.config/sofs-simulator/lrs.conf";
}

namespace {
std::string trim(const std::string& s) {
    auto a = s.find_first_not_of(" \t\r");
    if (a == std::string::npos) return "";
    auto b = s.find_last_not_of(" \t\r");
    return s.substr(a, b - a + 1);
}

bool is_loopback_host(const std::string& host) {
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host.rfind("127.", 0) == 0;
}
}  // namespace

std::optional<std::string> endpoint_problem(const std::string& endpoint) {
    std::string scheme_end = "://";
    auto p = endpoint.find(scheme_end);
    if (endpoint.empty()) return "no LRS endpoint is set";
    if (p == std::string::npos) return "the LRS endpoint '" + endpoint + "' is not a URL (it should start with https://)";
    std::string scheme = endpoint.substr(0, p);
    std::string rest = endpoint.substr(p + scheme_end.size());
    std::string host = rest.substr(0, rest.find_first_of("/?#"));
    if (auto at = host.rfind('@'); at != std::string::npos)
        return "the LRS endpoint must not carry credentials in the URL; give them with --username and the password on standard input";
    if (host.empty()) return "the LRS endpoint '" + endpoint + "' names no server";
    if (host.front() != '[') host = host.substr(0, host.find(':'));
    else host = host.substr(0, host.find(']') + 1);
    if (scheme == "https") return std::nullopt;
    if (scheme == "http") {
        if (is_loopback_host(host)) return std::nullopt;
        return "the LRS endpoint '" + endpoint + "' uses plain http: the credentials would cross the network readable; use https://";
    }
    return "the LRS endpoint '" + endpoint + "' is not an http(s) URL";
}

LrsSettings load_settings(const std::string& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0)
        throw LrsError(path + ": no LRS settings (" + std::strerror(errno) +
                       "); an administrator writes them with `sofs lrs configure`");
    if ((st.st_mode & 077) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        throw LrsError(path + ": holds the LRS password but others may read or change it (mode " + mode +
                       "); run `chmod 600 " + path + "` and change the password at the LRS");
    }
    if (st.st_uid != ::geteuid())
        throw LrsError(path + ": belongs to another user; the LRS settings must be the sender's own file");
    std::ifstream in(path);
    if (!in) throw LrsError(path + ": cannot be read (" + std::strerror(errno) + ")");
    LrsSettings s;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        std::string t = trim(line);
        if (t.empty() || t[0] == '#') continue;
        auto eq = t.find('=');
        if (eq == std::string::npos)
            throw LrsError(path + ":" + std::to_string(n) + ": expected `key = value`, found '" + t + "'");
        std::string key = trim(t.substr(0, eq)), value = trim(t.substr(eq + 1));
        if (key == "endpoint") s.endpoint = value;
        else if (key == "username") s.username = value;
        else if (key == "password") s.password = value;
        else if (key == "home_page") s.home_page = value;
        else if (key == "timeout_ms") {
            try {
                s.timeout_ms = std::stoi(value);
            } catch (const std::exception&) {
                throw LrsError(path + ":" + std::to_string(n) + ": timeout_ms must be a number of milliseconds");
            }
        } else
            throw LrsError(path + ":" + std::to_string(n) + ": unknown setting '" + key +
                           "' (known: endpoint, username, password, home_page, timeout_ms)");
    }
    if (auto problem = endpoint_problem(s.endpoint)) throw LrsError(path + ": " + *problem);
    if (!s.endpoint.empty() && s.endpoint.back() != '/') s.endpoint += '/';
    return s;
}

void save_settings(const std::string& path, const LrsSettings& s) {
    if (auto problem = endpoint_problem(s.endpoint)) throw LrsError(*problem);
    for (const std::string* v : {&s.endpoint, &s.username, &s.password, &s.home_page})
        if (v->find('\n') != std::string::npos) throw LrsError("LRS settings cannot contain line breaks");
    fs::path p(path);
    if (p.has_parent_path()) {
        std::error_code ec;
        if (!fs::exists(p.parent_path())) {
            fs::create_directories(p.parent_path(), ec);
            if (ec) throw LrsError(p.parent_path().string() + ": cannot be created (" + ec.message() + ")");
            fs::permissions(p.parent_path(), fs::perms::owner_all, ec);
        }
    }
    std::string tmp = path + ".new";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw LrsError(tmp + ": cannot be written (" + std::strerror(errno) + ")");
    ::fchmod(fd, 0600);  // whatever the umask
    std::ostringstream o;
    o << "# The organisation's Learning Record Store, for `sofs lrs send`. Keep this file 0600.\n"
      << "endpoint = " << s.endpoint << "\nusername = " << s.username << "\npassword = " << s.password
      << "\nhome_page = " << s.home_page << "\ntimeout_ms = " << s.timeout_ms << "\n";
    std::string text = o.str();
    bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    int err = errno;
    ::close(fd);
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        throw LrsError(path + ": cannot be written (" + std::strerror(ok ? errno : err) + ")");
    }
}

// ---------------------------------------------------------------- libcurl

namespace {
std::once_flag curl_once;

size_t keep_body(char* data, size_t size, size_t n, void* out) {
    auto* s = static_cast<std::string*>(out);
    if (s->size() < 2000) s->append(data, std::min<size_t>(size * n, 2000 - s->size()));
    return size * n;
}
}  // namespace

CurlTransport::CurlTransport(LrsSettings settings) : settings_(std::move(settings)) {
    if (auto problem = endpoint_problem(settings_.endpoint)) throw LrsError(*problem);
    if (settings_.endpoint.back() != '/') settings_.endpoint += '/';
    std::call_once(curl_once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    curl_ = curl_easy_init();
    if (!curl_) throw LrsError("libcurl could not start");
}

CurlTransport::~CurlTransport() {
    if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

Reply CurlTransport::put_statement(const std::string& id, const std::string& statement_json) {
    CURL* c = static_cast<CURL*>(curl_);
    curl_easy_reset(c);
    std::string url = settings_.endpoint + "statements?statementId=" + id;
    std::string body;
    char error[CURL_ERROR_SIZE] = {};
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, (std::string("X-Experience-API-Version: ") + kVersion).c_str());
    headers = curl_slist_append(headers, "Content-Type: application/json");
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "PUT");
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, statement_json.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(statement_json.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.timeout_ms));
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(settings_.timeout_ms, 10000)));
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect must not carry the credentials elsewhere
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, keep_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
    CURLcode rc = curl_easy_perform(c);
    curl_slist_free_all(headers);
    Reply r;
    if (rc != CURLE_OK) {
        r.error = std::string("could not reach the LRS at ") + settings_.endpoint + ": " +
                  (error[0] ? error : curl_easy_strerror(rc));
        return r;
    }
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    r.status = static_cast<int>(status);
    if (status < 200 || status >= 300)
        r.error = "the LRS answered " + std::to_string(status) + (body.empty() ? "" : ": " + body);
    return r;
}

// ---------------------------------------------------------------- sending

SendReport send_outbox(Outbox& outbox, Transport& transport, const SendPolicy& policy) {
    auto sleep = policy.sleep ? policy.sleep
                              : [](int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); };
    SendReport report;
    std::vector<std::string> refused;  // this run's malformed statements: skipped until the next run
    for (;;) {
        auto items = outbox.unsent(policy.batch + static_cast<int>(refused.size()));
        std::erase_if(items, [&](const Outbox::Item& i) {
            return std::find(refused.begin(), refused.end(), i.id) != refused.end();
        });
        if (items.empty()) break;
        for (const auto& item : items) {
            int delay = policy.first_delay_ms;
            for (int attempt = 1;; ++attempt) {
                Reply r = transport.put_statement(item.id, item.statement);
                if ((r.status >= 200 && r.status < 300) || r.status == 409) {
                    // 409: the LRS holds a statement with this id already: ours, sent before its answer was lost.
                    outbox.mark_sent(item.id);
                    ++report.sent;
                    if (r.status == 409) ++report.already_there;
                    break;
                }
                outbox.mark_failed(item.id, r.error);
                if (r.status == 401 || r.status == 403) {
                    report.left = static_cast<int>(outbox.unsent(1000000).size());
                    throw LrsError("the LRS refused the credentials (" + std::to_string(r.status) +
                                   "): check the username and password with `sofs lrs configure`; nothing more was sent");
                }
                if (r.status == 400 || r.status == 413) {
                    ++report.refused;
                    refused.push_back(item.id);
                    break;
                }
                ++report.failures;
                if (attempt >= policy.tries_per_statement) {
                    report.stopped_because = r.error + " (" + std::to_string(attempt) +
                                             " tries); the rest wait in the outbox for the next run";
                    report.left = static_cast<int>(outbox.unsent(1000000).size());
                    return report;
                }
                report.delays_ms.push_back(delay);
                sleep(delay);
                delay = std::min(delay * 2, policy.max_delay_ms);
            }
        }
    }
    report.left = static_cast<int>(refused.size());
    if (!refused.empty())
        report.stopped_because = std::to_string(refused.size()) + " statement(s) refused by the LRS as malformed";
    return report;
}

}  // namespace sofs::xapi
