// `sofs-sim --live-script FILE`: drives one sofs-sim through a live session
// from inside, one step a frame, for the two-window demonstration and its
// test (a trainer's and a trainee's sofs-sim on one PostgreSQL store). Files
// let the two programs wait for each other: the trainer writes the join
// code to a file the trainee reads; `wait-for FILE` holds until it exists.
// Steps, one a line ('#' starts a comment):
//   sign-in NAME | PASSWORD         open-session COHORT | CASE-ID
//   write-code FILE                 join-from FILE
//   open-case                       play-until KIND   (danger-statement, scaling, ...)
//   answer TEXT | NUMBER            go live           tab room|vote|wall
//   names on|off                    open-vote         vote N
//   wait-votes N                    reveal            wait-revealed N
//   wait-wall N                     wait-answer       export-wall FOLDER
//   text-size PERCENT               shot FILE         touch FILE
//   wait-for FILE                   frames N          quit
//   go network                      network-open TITLE   (the newest board of that title)
//   wait-board ITEMS [| SCALES]     project on|off       network-export FOLDER
//   network-add PLACE | TEXT        network-scale WHO | NUMBER | WHY
//   send-sorting   (a trainee sends their sorting once a sorting vote is open)
//   improve N      (the trainer opens the wall's Nth danger statement)   propose TEXT
//   wait-proposals N                pick N   (the Nth proposal)
//   move-fact FACT | PLACE  (a trainee changes their sorting before send-sorting)
//   vote-task TASK  (the trainer shows that task's rounds without opening a vote)
//   scroll FRACTION (the network board's projection scrolled to 0 = top ... 1 = bottom)
//   idle SECONDS   the app waits calmly (no frames unless woken); prints the
//                  CPU time the process used and the frames it drew meanwhile
#pragma once

#include <deque>
#include <memory>
#include <string>

namespace sofs::ui {

class App;

class LiveScript {
public:
    // Reads the steps; nullptr with `error` naming the file and line.
    static std::unique_ptr<LiveScript> load(const std::string& path, std::string* error);
    // Runs what is due before a frame; quits the app (status 1) on a failed
    // step and after the last one (status 0). A waiting step gives up after
    // `timeout_s` seconds.
    void before_frame(App& app);
    int timeout_s = 60;
    // False during an `idle` step: the main loop then waits for events as it does for a person.
    bool busy() const;

private:
    struct Step {
        int line = 0;
        std::string verb, arg;
    };
    std::string path_;
    std::deque<Step> steps_;
    int frames_ = 0;        // frames left to wait
    double waiting_since_ = -1;
    double idle_until_ = -1;
    double idle_cpu_ = 0;
    int idle_frames_ = 0;
    bool step(App& app, const Step& s, bool* done, std::string* error);
};

}  // namespace sofs::ui
