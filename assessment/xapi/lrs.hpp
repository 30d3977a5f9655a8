// Sending the outbox's xAPI statements to the organisation's Learning Record
// Store: its settings (endpoint and credentials, kept in a file only its
// owner can read), the HTTP transport (libcurl) and the sender that works
// through the outbox with retries and exponential backoff.
//
// Contracts:
// - Each statement is sent with PUT /statements?statementId=<id>: the same id
//   every time, so a statement whose answer was lost on the way is simply sent
//   again and the LRS keeps one copy (409 Conflict means it has it already).
// - A statement is marked sent only after the LRS accepted it; the outbox is
//   in the store, so a sender killed half-way resumes where it stopped.
// - Credentials never travel in clear: plain http:// is refused except to
//   this machine (127.0.0.1, ::1, localhost), which the tests use.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sofs::xapi {

class LrsError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// ---------------------------------------------------------------- settings

// Written by an administrator with `sofs lrs configure`. The file holds
// `key = value` lines: endpoint, username, password, home_page.
struct LrsSettings {
    std::string endpoint;    // the LRS's xAPI base, e.g. https://lrs.example.org/xapi/
    std::string username;    // HTTP Basic credentials (an LRS "key" and "secret")
    std::string password;
    std::string home_page = "urn:sofs-simulator";  // the actor accounts' system
    int timeout_ms = 30000;
};

// $XDG_CONFIG_HOME/sofs-simulator/lrs.conf, else ~/.config/sofs-simulator/lrs.conf.
std::string default_settings_path();
// Reads the settings. Throws LrsError naming the file and line for a missing
// file, an unknown key, a missing endpoint, or a file that anyone but its
// owner may read or write (the message says to run chmod 600).
LrsSettings load_settings(const std::string& path);
// Writes the settings with mode 0600 (the folder 0700), replacing the file in one step.
void save_settings(const std::string& path, const LrsSettings& s);
// Checks the endpoint: an absolute http(s) URL, http only to this machine.
// Returns an error in plain words, or nothing when it is fine.
std::optional<std::string> endpoint_problem(const std::string& endpoint);

// ---------------------------------------------------------------- sending

// Where the statements wait: implemented over the progress store's outbox.
class Outbox {
public:
    struct Item {
        std::string id;         // statement id
        std::string statement;  // JSON
        int tries = 0;          // failed or successful sends recorded so far
    };
    virtual ~Outbox() = default;
    virtual std::vector<Item> unsent(int limit) = 0;
    virtual void mark_sent(const std::string& id) = 0;
    virtual void mark_failed(const std::string& id, const std::string& error) = 0;
};

// One HTTP exchange with the LRS.
struct Reply {
    int status = 0;       // HTTP status; 0 when no answer came (network)
    std::string error;    // what went wrong, in words, when not accepted
};

class Transport {
public:
    virtual ~Transport() = default;
    virtual Reply put_statement(const std::string& id, const std::string& statement_json) = 0;
};

// libcurl: PUT <endpoint>statements?statementId=<id> with the xAPI headers
// (X-Experience-API-Version, Content-Type: application/json, Authorization: Basic).
class CurlTransport : public Transport {
public:
    explicit CurlTransport(LrsSettings settings);  // throws LrsError for a bad endpoint
    ~CurlTransport() override;
    Reply put_statement(const std::string& id, const std::string& statement_json) override;

private:
    LrsSettings settings_;
    void* curl_ = nullptr;
};

struct SendPolicy {
    int tries_per_statement = 6;       // in this run, before giving up until the next run
    int first_delay_ms = 500;          // then doubled after each failure
    int max_delay_ms = 60000;
    int batch = 100;                   // statements read from the outbox at once
    std::function<void(int ms)> sleep; // default: really sleep; tests record instead
};

struct SendReport {
    int sent = 0;          // accepted by the LRS in this run
    int already_there = 0; // of which the LRS had already (409)
    int refused = 0;       // rejected as malformed (400): left in the outbox with the reason
    int failures = 0;      // failed exchanges (network, 5xx, 429) in this run
    int left = 0;          // still unsent when the run stopped
    std::vector<int> delays_ms;  // the waits between retries, in order
    std::string stopped_because; // "" when the outbox was emptied
};

// Sends every unsent statement, oldest first. A network failure or a busy LRS
// (5xx, 429) is retried after a wait that doubles each time; when one
// statement has failed `tries_per_statement` times the run stops (the LRS is
// unreachable: later statements would fail too) and the rest wait for the next
// run. Refused credentials (401, 403) stop the run at once with an LrsError.
SendReport send_outbox(Outbox& outbox, Transport& transport, const SendPolicy& policy = {});

}  // namespace sofs::xapi
