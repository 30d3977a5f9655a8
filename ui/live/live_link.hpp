// The application's line to a live session on the course's PostgreSQL
// store. Two connections to the same store, as the same person: one for the
// screen's reads and actions (on the window's thread), one on a thread of
// its own that LISTENs on the session's channel and sleeps in poll() on the
// connection's socket (PgStore::wait_for_changes) until the server NOTIFYs.
// When something moves it sets a flag and wakes the window's event wait, so
// the screen redraws only then: no polling loop, no frames drawn while the
// room is still.
#pragma once

#include "live/live_model.hpp"
#include "postgres.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sofs::ui::live {

// The live session's logic and export live in assessment/live (shared with
// `sofs live export`); the screens name them live:: as before.
using namespace sofs::live;

class Link {
public:
    ~Link();
    // Connects (the screen's connection); false with `error` in plain words.
    bool connect(const std::string& db, std::string* error);
    bool connected() const { return store_ != nullptr; }
    progress::PgStore& store() { return *store_; }
    // Starts listening on `session` (stopping any earlier listener); `wake`
    // is called from the listener's thread after each change.
    bool listen(progress::Id session, std::function<void()> wake, std::string* error);
    // The same for a practice-lead network's board (PgStore::listen_network).
    bool listen_network(progress::Id network, std::function<void()> wake, std::string* error);
    // The kinds of change heard since the last call ("progress", "votes", ...).
    std::vector<std::string> take_changes();
    // Wakes heard so far (for tests and the demo's figures).
    int wakes() const { return wakes_; }
    // What went wrong on the listener's thread, if anything (it then stops).
    std::string listener_problem();
    void stop();

private:
    std::string db_;
    std::unique_ptr<progress::PgStore> store_;
    std::thread listener_;
    std::atomic<bool> stopping_{false};
    std::atomic<int> wakes_{0};
    std::mutex mutex_;
    std::vector<std::string> changes_;
    std::string problem_;
    bool listen_with(const std::function<void(progress::PgStore&)>& subscribe, std::function<void()> wake,
                     std::string* error);
};

// A screen's link, connected the first time it is needed; false (the link
// dropped, `problem` in plain words) when the store cannot be reached.
bool connect_once(std::unique_ptr<Link>& link, const std::string& db, std::string* problem);

// The start of each frame of a screen on the shared store (the live session,
// the network boards). `hear`: what the listener heard since the last frame,
// `refresh` called when something changed and its problem (if any) put in
// `problem`. `reachable`: the problem shown; when there is no link, the
// reason and a Try again button (ImGui id `retry_id`, calling `retry`),
// and false: the screen draws nothing more.
void hear(Link* link, std::string* problem, const std::function<void()>& refresh);
bool reachable(const Link* link, const std::string& problem, const char* retry_id, const std::function<void()>& retry);

// One change a screen asks of the shared store: `change` runs on the
// screen's connection; a store error becomes `*problem` in plain words
// ("<failed>: <why>"), cleared first. True when the change went in.
bool change_store(Link& link, std::string* problem, const std::string& failed,
                  const std::function<void(progress::PgStore&)>& change);

}  // namespace sofs::ui::live
