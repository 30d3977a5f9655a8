// SDL_mixer and espeak-ng behind one small class. Channel 0 carries voices
// (a recorded line or a reading), channel 1 the cues.
#include "sound.hpp"

#include <SDL.h>
#include <SDL_mixer.h>
#include <espeak-ng/speak_lib.h>

#include <cmath>
#include <cstdio>
#include <cstring>

namespace sofs::ui {

std::vector<std::uint8_t> wav_image(const std::vector<std::int16_t>& samples, int rate) {
    std::vector<std::uint8_t> out;
    auto u32 = [&](std::uint32_t v) { for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i))); };
    auto u16 = [&](std::uint16_t v) { out.push_back(v & 0xff); out.push_back(v >> 8); };
    std::uint32_t data_bytes = static_cast<std::uint32_t>(samples.size() * 2);
    out.insert(out.end(), {'R', 'I', 'F', 'F'});
    u32(36 + data_bytes);
    out.insert(out.end(), {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '});
    u32(16); u16(1); u16(1); u32(static_cast<std::uint32_t>(rate)); u32(static_cast<std::uint32_t>(rate) * 2); u16(2); u16(16);
    out.insert(out.end(), {'d', 'a', 't', 'a'});
    u32(data_bytes);
    for (std::int16_t s : samples) u16(static_cast<std::uint16_t>(s));
    return out;
}

std::vector<std::int16_t> tone(double hz, double seconds, int rate, double loudness) {
    std::size_t n = static_cast<std::size_t>(seconds * rate);
    std::vector<std::int16_t> out(n);
    const double pi = 3.14159265358979;
    for (std::size_t i = 0; i < n; ++i) {
        double t = static_cast<double>(i) / rate;
        double pos = static_cast<double>(i) / (n ? n : 1);
        double env = std::sin(pi * pos);                  // soft in, soft out
        double v = std::sin(2 * pi * hz * t) * env * env * loudness;
        out[i] = static_cast<std::int16_t>(v * 32767);
    }
    return out;
}

static Mix_Chunk* chunk_from(const std::vector<std::int16_t>& samples, int rate) {
    auto wav = wav_image(samples, rate);
    SDL_RWops* rw = SDL_RWFromConstMem(wav.data(), static_cast<int>(wav.size()));
    return rw ? Mix_LoadWAV_RW(rw, 1) : nullptr;  // converts to the device's format
}

Sound::~Sound() {
    if (open_) {
        Mix_HaltChannel(-1);
        free_voice();
        for (auto*& c : cue_chunks_) if (c) { Mix_FreeChunk(c); c = nullptr; }
        Mix_CloseAudio();
    }
    if (speech_ready_) espeak_Terminate();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void Sound::open() {
    // SDL would otherwise take over SIGINT/SIGTERM and the window could not be stopped.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        std::fprintf(stderr, "sofs-sim: sound: %s\n", SDL_GetError());
        notice_ = "Sound is off: no sound system was found.";
        return;
    }
    if (Mix_OpenAudio(44100, AUDIO_S16SYS, 2, 1024) != 0) {
        std::fprintf(stderr, "sofs-sim: sound: %s\n", Mix_GetError());
        notice_ = "Sound is off: no audio device was found.";
        return;
    }
    Mix_AllocateChannels(4);
    open_ = true;
    cue_chunks_[0] = chunk_from(tone(660, 0.12, 22050, 0.18), 22050);
    cue_chunks_[1] = chunk_from(tone(880, 0.16, 22050, 0.18), 22050);
    cue_chunks_[2] = chunk_from(tone(440, 0.2, 22050, 0.15), 22050);
    set_volume(volume_, muted_);
}

void Sound::set_volume(int percent, bool muted) {
    volume_ = percent;
    muted_ = muted;
    if (!open_) return;
    int v = muted ? 0 : percent * MIX_MAX_VOLUME / 100;
    Mix_Volume(-1, v);
}

void Sound::free_voice() {
    if (voice_) {
        Mix_HaltChannel(0);
        Mix_FreeChunk(voice_);
        voice_ = nullptr;
    }
}

bool Sound::play_file(const std::string& path, std::string* error) {
    if (!open_) { if (error) *error = notice_; return false; }
    free_voice();
    voice_ = Mix_LoadWAV(path.c_str());
    if (!voice_) {
        if (error) *error = "could not play '" + path + "': " + Mix_GetError();
        return false;
    }
    Mix_PlayChannel(0, voice_, 0);
    return true;
}

void Sound::cue(Cue c) {
    if (!open_ || !cues_ || muted_) return;
    Mix_Chunk* ch = cue_chunks_[static_cast<int>(c)];
    if (ch && !Mix_Playing(0)) Mix_PlayChannel(1, ch, 0);
}

namespace {
// espeak calls this with each block of samples; user_data is our buffer.
int collect(short* wav, int n, espeak_EVENT* events) {
    if (wav && n > 0 && events) {
        auto* buf = static_cast<std::vector<std::int16_t>*>(events->user_data);
        if (buf) buf->insert(buf->end(), wav, wav + n);
    }
    return 0;
}
}  // namespace

bool Sound::init_speech(std::string* error) {
    if (speech_ready_) return true;
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, 0);
    if (rate <= 0) {
        if (error) *error = "reading aloud is not available: espeak-ng could not start (is its data installed?)";
        return false;
    }
    speech_rate_hz_ = rate;
    espeak_SetSynthCallback(collect);
    if (espeak_SetVoiceByName("en-gb") != EE_OK && espeak_SetVoiceByName("en") != EE_OK) {
        if (error) *error = "reading aloud is not available: no English voice was found for espeak-ng";
        return false;
    }
    speech_ready_ = true;
    return true;
}

bool Sound::read_aloud(const std::string& text, int rate_wpm, std::string* error) {
    if (!init_speech(error)) return false;
    espeak_SetParameter(espeakRATE, rate_wpm, 0);
    std::vector<std::int16_t> samples;
    espeak_ERROR r = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                  espeakCHARS_UTF8, nullptr, &samples);
    if (r != EE_OK) {
        if (error) *error = "reading aloud failed: espeak-ng could not read this text";
        return false;
    }
    ++readings_;
    if (!open_) { if (error) *error = notice_; return false; }
    free_voice();
    voice_ = chunk_from(samples, speech_rate_hz_);
    if (!voice_) {
        if (error) *error = std::string("reading aloud failed: ") + Mix_GetError();
        return false;
    }
    Mix_PlayChannel(0, voice_, 0);
    return true;
}

void Sound::stop() {
    if (open_) Mix_HaltChannel(0);
}

bool Sound::playing() const { return open_ && Mix_Playing(0) != 0; }

}  // namespace sofs::ui
