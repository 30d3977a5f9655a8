// sofs-sim --watch: for authors previewing their cases. A thread of its own
// looks at the case files' sizes and change times once a second (a stat per
// file; it sleeps in between, so no core spins) and wakes the window when one
// changed; the window's thread then reloads it (App::reload_watched).
#pragma once

#include "load/watch.hpp"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sofs::ui {

class CaseWatcher {
public:
    CaseWatcher(std::string folder, std::function<void()> wake, int period_ms = 1000);
    ~CaseWatcher();   // stops the thread (within a moment, not a period)
    CaseWatcher(const CaseWatcher&) = delete;
    CaseWatcher& operator=(const CaseWatcher&) = delete;
    // The files that changed since the last call (any thread).
    std::vector<std::string> take();

private:
    void run();
    CaseFileWatch watch_;
    std::function<void()> wake_;
    int period_ms_;
    std::mutex mutex_;
    std::condition_variable stop_cv_;
    bool stop_ = false;
    std::vector<std::string> changed_;
    std::thread thread_;
};

}  // namespace sofs::ui
