// Sound: voice-over for lines that have audio, quiet cues made in code, and
// reading any panel aloud with espeak-ng (en-GB). Runs muted, and says so,
// when there is no audio device. Everything plays through SDL_mixer.
#pragma once

#include <cstdint>
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
    Sound() = default;
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
    // Reads `text` aloud (en-GB, words a minute); stops whatever was reading.
    bool read_aloud(const std::string& text, int rate_wpm, std::string* error);
    void stop();
    // True while a voice or reading is playing (the main loop keeps drawing).
    bool playing() const;
    // How many times speech was synthesised (tests and the tour check it).
    int readings() const { return readings_; }

private:
    bool open_ = false;
    bool cues_ = true;
    bool speech_ready_ = false;
    int speech_rate_hz_ = 22050;
    int volume_ = 80;
    bool muted_ = false;
    int readings_ = 0;
    std::string notice_;
    Mix_Chunk* voice_ = nullptr;     // channel 0: voice-over or reading
    Mix_Chunk* cue_chunks_[3] = {nullptr, nullptr, nullptr};
    void free_voice();
    bool init_speech(std::string* error);
};

}  // namespace sofs::ui
