// The --watch thread.
#include "case_watch.hpp"

#include <algorithm>
#include <chrono>

namespace sofs::ui {

CaseWatcher::CaseWatcher(std::string folder, std::function<void()> wake, int period_ms)
    : watch_({std::move(folder)}), wake_(std::move(wake)), period_ms_(period_ms) {
    watch_.changed();   // take note of the files as they are now
    thread_ = std::thread([this] { run(); });
}

CaseWatcher::~CaseWatcher() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    stop_cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void CaseWatcher::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_) {
        if (stop_cv_.wait_for(lock, std::chrono::milliseconds(period_ms_), [this] { return stop_; })) break;
        lock.unlock();
        std::vector<std::string> now = watch_.changed();
        lock.lock();
        if (now.empty()) continue;
        for (auto& f : now)
            if (std::find(changed_.begin(), changed_.end(), f) == changed_.end()) changed_.push_back(std::move(f));
        if (wake_) wake_();
    }
}

std::vector<std::string> CaseWatcher::take() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<std::string> out;
    out.swap(changed_);
    return out;
}

}  // namespace sofs::ui
