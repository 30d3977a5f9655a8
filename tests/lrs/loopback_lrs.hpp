// A stand-in Learning Record Store for the tests, on 127.0.0.1 at a free
// port (cpp-httplib, in a thread of the test program). No open-source LRS
// installs from Debian's or npm's registries, so this one checks what a real
// LRS would refuse and records what arrived:
// - PUT /xapi/statements?statementId=ID only;
// - the headers xAPI requires: X-Experience-API-Version 1.0.x,
//   Content-Type application/json, Authorization Basic with the test's key;
// - a body that is a JSON object whose "id" is the statementId;
// - a repeated id: 204 when the statement is the same, 409 when it differs.
// A test can make it fail the next N requests with 503, to see the retries.
#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lrs_test {

class LoopbackLrs {
public:
    struct Arrival {
        std::string id;
        std::string body;
    };

    LoopbackLrs(std::string user, std::string password) {
        expected_auth_ = "Basic " + base64(user + ":" + password);
        server_.Put("/xapi/statements", [this](const httplib::Request& q, httplib::Response& r) { handle(q, r); });
        server_.Post("/xapi/statements", [](const httplib::Request&, httplib::Response& r) {
            r.status = 405;  // the sender puts each statement under its own id
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        // bind_to_any_port already listens, so requests queue until the thread
        // accepts them; stop() is only heard once the accept loop runs, so wait for it.
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~LoopbackLrs() {
        server_.stop();
        if (thread_.joinable()) thread_.join();
    }

    std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port_) + "/xapi/"; }
    int port() const { return port_; }

    void fail_next(int n) {
        std::lock_guard lock(m_);
        fail_next_ = n;
    }
    // Every statement accepted, in the order it arrived (repeats once).
    std::vector<Arrival> stored() {
        std::lock_guard lock(m_);
        return stored_;
    }
    // Every request that arrived, accepted or not.
    int requests() {
        std::lock_guard lock(m_);
        return requests_;
    }
    // What the last refused request lacked, in words.
    std::vector<std::string> refusals() {
        std::lock_guard lock(m_);
        return refusals_;
    }

private:
    static std::string base64(const std::string& in) {
        static const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        std::string out;
        unsigned bits = 0;
        int n = 0;
        for (unsigned char c : in) {
            bits = (bits << 8) | c;
            n += 8;
            while (n >= 6) out += abc[(bits >> (n -= 6)) & 63];
        }
        if (n > 0) out += abc[(bits << (6 - n)) & 63];
        while (out.size() % 4) out += '=';
        return out;
    }

    void refuse(httplib::Response& r, int status, const std::string& why) {
        refusals_.push_back(why);
        r.status = status;
        r.set_content(why, "text/plain");
    }

    void handle(const httplib::Request& q, httplib::Response& r) {
        std::lock_guard lock(m_);
        ++requests_;
        if (fail_next_ > 0) {
            --fail_next_;
            r.status = 503;
            r.set_content("busy", "text/plain");
            return;
        }
        if (q.get_header_value("Authorization") != expected_auth_)
            return refuse(r, 401, "Authorization is not Basic with the test's key and secret");
        std::string version = q.get_header_value("X-Experience-API-Version");
        if (version.rfind("1.0.", 0) != 0) return refuse(r, 400, "X-Experience-API-Version 1.0.x is missing");
        std::string type = q.get_header_value("Content-Type");
        if (type.rfind("application/json", 0) != 0) return refuse(r, 400, "Content-Type is not application/json");
        std::string id = q.get_param_value("statementId");
        if (id.empty()) return refuse(r, 400, "statementId is missing");
        auto body = nlohmann::json::parse(q.body, nullptr, false);
        if (!body.is_object()) return refuse(r, 400, "the body is not a JSON object");
        if (body.value("id", "") != id) return refuse(r, 400, "the statement's id is not the statementId");
        auto old = by_id_.find(id);
        if (old != by_id_.end()) {
            if (old->second != q.body) return refuse(r, 409, "a different statement has this id");
            r.status = 204;
            return;
        }
        by_id_[id] = q.body;
        stored_.push_back({id, q.body});
        r.status = 204;
    }

    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
    std::string expected_auth_;
    std::mutex m_;
    int fail_next_ = 0;
    int requests_ = 0;
    std::vector<Arrival> stored_;
    std::map<std::string, std::string> by_id_;
    std::vector<std::string> refusals_;
};

}  // namespace lrs_test
