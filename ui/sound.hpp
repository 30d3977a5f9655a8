// Sound: voice-over for lines that have audio, quiet cues made in code, and
// reading any panel aloud with espeak-ng (en-GB). Runs muted, and says so,
// when there is no audio device. Everything plays through SDL_mixer.
// Speech is made on a worker thread (espeak-ng is only ever called there), so
// reading a long panel never pauses the window; SDL_mixer is only called from
// the window's thread.
#pragma once

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

class Sound {
public:
    Sound();
    ~Sound();
    Sound(const Sound&) = delete;
    Sound& operator=(const Sound&) = delete;

    // Opens the audio device. On failure the app goes on muted and
    // `notice()` explains; never throws.
    void open();
    bool has_device() const { return open_; }
    const std::string& notice() const { return notice_; }

    void set_volume(int percent, bool muted);
    void set_cues(bool on) { cues_ = on; }

    // Voice-over for a line; returns false with a plain reason in `error`.
    bool play_file(const std::string& path, std::string* error);
    void cue(Cue c);
    // Asks for `text` to be read aloud (en-GB, words a minute) and returns at
    // once: the speech is made on the worker thread, one reading at a time,
    // and a new request cancels one not yet played. Returns false with a
    // plain reason when there is no device to play it on.
    bool read_aloud(const std::string& text, int rate_wpm, std::string* error);
    // Called on the worker thread when a reading is ready to play; the app
    // wakes its main loop with it (glfwPostEmptyEvent). It must not call Sound.
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
