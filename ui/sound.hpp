// Sound: voice-over for lines that have audio, quiet cues made in code, and
// reading any panel aloud with espeak-ng (en-GB). Runs muted, and says so,
// when there is no audio device. Everything plays through SDL_mixer.
// Speech is made on a worker thread (espeak-ng is only ever called there), so
// reading a long panel never pauses the window; SDL_mixer is only called from
// the window's thread.
#pragma once

#include "model/scenario.hpp"
#include "runtime/voices.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

struct Mix_Chunk;

namespace sofs::ui {

enum class Cue { Step, Saved, Gentle };

// A mono 16-bit WAV file image in memory (pure; tested).
std::vector<std::uint8_t> wav_image(const std::vector<std::int16_t>& samples, int rate);
// A short soft tone with a smooth start and end (no clicks).
std::vector<std::int16_t> tone(double hz, double seconds, int rate, double loudness = 0.25);

// Where a line's voice comes from, best first: the scenario's own recording
// (`audio:`), then the file tools/make-voices generated for it, then live
// synthesis in the speaker's voice (the same plan the script uses). The
// narrator has no live voice. Pure apart from looking for files (tested).
struct LineVoice {
    enum class Source { None, Authored, Generated, Live };
    Source source = Source::None;
    std::string path;    // Authored and Generated: the file to play
    SpeakerVoice voice;  // Live: the speaker's espeak-ng voice
    std::vector<LanguageRun> runs;  // Live: the text in Welsh and English runs
};
// `welsh_words`: the list beside the scenario (welsh_words_for), which tells
// the live voice which sentences to read in Welsh.
LineVoice pick_line_voice(const Scenario& s, const Line& line, const std::string& voices_dir,
                          const std::set<std::string>& welsh_words = {});
// The Welsh word list beside the scenario's file (welsh-words.txt); empty if none.
std::set<std::string> welsh_words_for(const Scenario& s);

// The folder of generated voices (one folder per scenario id inside), with
// no path fixed at build time: $SOFS_VOICES_DIR when set; else "voices"
// beside the scenarios folder (an installed data folder); else "voices"
// beside or above the program's folder (a build tree: build/voices). ""
// when there is none, and lines then fall back to live synthesis.
std::string find_voices_dir(const std::string& scenarios_dir);

class Sound {
public:
    Sound();
    ~Sound();
    Sound(const Sound&) = delete;
    Sound& operator=(const Sound&) = delete;

    // Opens the audio device. On failure the app goes on muted and
    // `notice()` explains; never throws. Called once: later calls do nothing.
    // Nobody needs to call it: the first sound (or has_device()) opens the
    // device, so a start that plays nothing never starts SDL's audio (which
    // costs a sound thread and, without a desktop session, a D-Bus
    // autolaunch that holds up the window).
    void open();
    // Opens the device when not yet tried; true when there is one.
    bool has_device() { ensure_open(); return open_; }
    // True once the device has been tried (opened or failed).
    bool tried() const { return tried_; }
    const std::string& notice() const { return notice_; }
    // The notice, once, when the first try to open the device has failed
    // (the app shows it then); "" otherwise.
    std::string take_open_problem();

    void set_volume(int percent, bool muted);
    void set_cues(bool on) { cues_ = on; }

    // Voice-over for a line; returns false with a plain reason in `error`.
    bool play_file(const std::string& path, std::string* error);
    void cue(Cue c);
    // Asks for `text` to be read aloud (en-GB, words a minute) and returns at
    // once: the speech is made on the worker thread, one reading at a time,
    // and a new request cancels one not yet played. Returns false with a
    // plain reason when there is no device to play it on.
    // With `voice`, the text is spoken in that espeak-ng voice and pitch (a
    // line's live voice), at `rate_wpm` scaled by the voice's own speed.
    // With `runs` too, each run is spoken in turn, Welsh ones in the voice's
    // Welsh voice.
    bool read_aloud(const std::string& text, int rate_wpm, std::string* error,
                    const SpeakerVoice* voice = nullptr, const std::vector<LanguageRun>* runs = nullptr);
    // Called on the worker thread when a reading is ready to play, and on the
    // audio thread when a line ends; the app wakes its main loop with it
    // (glfwPostEmptyEvent). It must not call Sound.
    void set_wake(std::function<void()> wake);
    // The window's thread, every turn of the loop: starts a reading that is
    // ready. Returns a problem in plain words, or "".
    std::string poll();
    // Blocks until the latest request has been made (or failed), then plays
    // it as poll() does (the tour and tests; a condition wait, not a sleep).
    std::string finish_reading();
    // True while speech is being made for a request.
    bool reading_pending() const;
    // Stops what is playing and cancels any reading still being made.
    void stop();
    // True while a voice or reading is playing (the main loop keeps drawing).
    bool playing() const;
    // How many readings were made in full (tests and the tour check it).
    int readings() const;

private:
    void ensure_open() { if (!tried_) open(); }
    bool tried_ = false;
    bool problem_told_ = false;
    bool open_ = false;
    bool cues_ = true;
    int volume_ = 80;
    bool muted_ = false;
    std::string notice_;
    Mix_Chunk* voice_ = nullptr;     // channel 0: voice-over or reading
    Mix_Chunk* cue_chunks_[3] = {nullptr, nullptr, nullptr};
    struct Speech;                   // the worker thread and its hand-over, in sound.cpp
    std::unique_ptr<Speech> speech_;
    void free_voice();
    std::string play_ready();
};

}  // namespace sofs::ui
