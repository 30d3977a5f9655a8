// The live session's two connections and the listener's thread (live_link.hpp).
#include "live_link.hpp"

#include "widgets.hpp"

namespace sofs::ui::live {

Link::~Link() { stop(); }

bool Link::connect(const std::string& db, std::string* error) {
    stop();
    try {
        store_ = progress::PgStore::open(db);
        db_ = db;
        return true;
    } catch (const std::exception& e) {
        *error = std::string("could not reach the course's store: ") + e.what();
        store_.reset();
        return false;
    }
}

bool Link::listen(progress::Id session, std::function<void()> wake, std::string* error) {
    return listen_with([session](progress::PgStore& s) { s.listen(session); }, std::move(wake), error);
}

bool Link::listen_network(progress::Id network, std::function<void()> wake, std::string* error) {
    return listen_with([network](progress::PgStore& s) { s.listen_network(network); }, std::move(wake), error);
}

bool Link::listen_with(const std::function<void(progress::PgStore&)>& subscribe, std::function<void()> wake,
                       std::string* error) {
    stop();
    std::unique_ptr<progress::PgStore> ear;
    try {
        ear = progress::PgStore::open(db_);
        subscribe(*ear);
    } catch (const std::exception& e) {
        *error = std::string("could not listen to the course's store: ") + e.what();
        return false;
    }
    stopping_ = false;
    // The thread sleeps in poll() on the socket; the half-second timeout only
    // lets it see stop() (the window is not woken unless something changed).
    listener_ = std::thread([this, ear = std::move(ear), wake = std::move(wake)] {
        while (!stopping_) {
            std::vector<std::string> got;
            try {
                got = ear->wait_for_changes(500);
            } catch (const std::exception& e) {
                std::lock_guard<std::mutex> lock(mutex_);
                problem_ = std::string("the live session's connection was lost: ") + e.what();
                if (wake) wake();
                return;
            }
            if (got.empty()) continue;
            {
                std::lock_guard<std::mutex> lock(mutex_);
                changes_.insert(changes_.end(), got.begin(), got.end());
            }
            ++wakes_;
            if (wake) wake();
        }
    });
    return true;
}

std::vector<std::string> Link::take_changes() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<std::string> out;
    out.swap(changes_);
    return out;
}

std::string Link::listener_problem() {
    std::lock_guard<std::mutex> lock(mutex_);
    return problem_;
}

void Link::stop() {
    stopping_ = true;
    if (listener_.joinable()) listener_.join();
}

bool connect_once(std::unique_ptr<Link>& link, const std::string& db, std::string* problem) {
    if (link && link->connected()) return true;
    link = std::make_unique<Link>();
    if (link->connect(db, problem)) return true;
    link.reset();
    return false;
}

void hear(Link* link, std::string* problem, const std::function<void()>& refresh) {
    if (!link) return;
    if (!link->take_changes().empty()) refresh();
    if (std::string p = link->listener_problem(); !p.empty()) *problem = p;
}

bool reachable(const Link* link, const std::string& problem, const char* retry_id, const std::function<void()>& retry) {
    if (!problem.empty()) {
        worry_text(problem);
        gap(0.3f);
    }
    if (link) return true;
    wrapped("This computer could not reach the course's store. Check the network, then come back to this screen.");
    if (big_button((std::string("Try again") + retry_id).c_str())) retry();
    return false;
}

bool change_store(Link& link, std::string* problem, const std::string& failed,
                  const std::function<void(progress::PgStore&)>& change) {
    problem->clear();
    try {
        change(link.store());
        return true;
    } catch (const std::exception& e) {
        *problem = failed + ": " + e.what();
        return false;
    }
}

}  // namespace sofs::ui::live
