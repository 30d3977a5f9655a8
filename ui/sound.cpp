// SDL_mixer and espeak-ng behind one small class. Channel 0 carries voices
// (a recorded line or a reading), channel 1 the cues.
#include "sound.hpp"

#include <SDL.h>
#include <SDL_mixer.h>
#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

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

static Mix_Chunk* chunk_from(std::vector<std::int16_t> samples, int rate) {
    auto wav = wav_image(samples, rate);
    std::vector<std::int16_t>().swap(samples);   // only one copy of a long reading at a time
    SDL_RWops* rw = SDL_RWFromConstMem(wav.data(), static_cast<int>(wav.size()));
    return rw ? Mix_LoadWAV_RW(rw, 1) : nullptr;  // converts to the device's format
}

// The speech worker. A request carries a generation number; stop() and every
// new request raise the current generation, and the worker drops (or aborts
// mid-way, through espeak's callback) any work of an older one.
struct Sound::Speech {
    struct Request {
        std::string text;
        int rate_wpm = 160;
        std::string voice;   // "" = the reading voice (en-GB)
        std::string welsh_voice;
        int pitch = 50;
        std::vector<LanguageRun> runs;   // empty: `text` in `voice`
        std::uint64_t generation = 0;
    };
    struct Made {
        std::uint64_t generation = 0;
        std::vector<std::int16_t> samples;
        int rate_hz = 22050;
        std::string error;
    };

    std::mutex m;
    std::condition_variable work, done;
    std::optional<Request> request;     // waiting for the worker
    std::optional<Made> made;           // waiting for the window's thread
    bool busy = false;                  // the worker is making speech
    bool quit = false;
    std::atomic<std::uint64_t> generation{0};
    std::atomic<int> readings{0};
    std::function<void()> wake;
    std::thread thread;

    ~Speech() {
        {
            std::lock_guard<std::mutex> lk(m);
            quit = true;
            ++generation;
        }
        work.notify_all();
        if (thread.joinable()) thread.join();
    }
    void run();
};

namespace {
// What espeak's callback needs: where the samples go, and whether to go on.
struct Collecting {
    std::vector<std::int16_t>* samples;
    const std::atomic<std::uint64_t>* current;
    std::uint64_t mine;
};

// espeak calls this with each block of samples; returning 1 aborts synthesis
// (a newer request, or stop(), has made this one useless).
int collect(short* wav, int n, espeak_EVENT* events) {
    auto* c = events ? static_cast<Collecting*>(events->user_data) : nullptr;
    if (!c) return 0;
    if (c->current->load() != c->mine) return 1;
    if (wav && n > 0) c->samples->insert(c->samples->end(), wav, wav + n);
    return 0;
}

// espeak-ng keeps one state for the whole process, and espeak_Terminate
// followed by a second espeak_Initialize hangs in Debian's 1.51. So it is
// started once per process, never terminated, and used by one worker at a
// time under this lock.
std::mutex g_espeak;

// Starts espeak-ng (once); returns its sample rate, or 0 with a plain reason.
// Call with g_espeak held.
int start_espeak(std::string* error) {
    static int rate = 0;
    static std::string problem;
    static bool tried = false;
    if (!tried) {
        tried = true;
        rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, 0);
        if (rate <= 0) {
            rate = 0;
            problem = "reading aloud is not available: espeak-ng could not start (is its data installed?)";
        } else {
            espeak_SetSynthCallback(collect);
            if (espeak_SetVoiceByName("en-gb") != EE_OK && espeak_SetVoiceByName("en") != EE_OK) {
                rate = 0;
                problem = "reading aloud is not available: no English voice was found for espeak-ng";
            }
        }
    }
    *error = problem;
    return rate;
}
}  // namespace

void Sound::Speech::run() {
    std::unique_lock<std::mutex> lk(m);
    for (;;) {
        work.wait(lk, [&] { return quit || request; });
        if (quit) break;
        Request r = std::move(*request);
        request.reset();
        busy = true;
        lk.unlock();

        Made out;
        out.generation = r.generation;
        {
            std::lock_guard<std::mutex> speaking(g_espeak);
            int rate_hz = start_espeak(&out.error);
            if (rate_hz > 0) {
                out.rate_hz = rate_hz;
                if (r.runs.empty()) r.runs.push_back({false, r.text});
                Collecting c{&out.samples, &generation, r.generation};
                for (const auto& run : r.runs) {
                    // A line's own voice, or the reading voice; a voice espeak-ng
                    // lacks falls back to the reading voice rather than silence.
                    const std::string& v = run.welsh ? r.welsh_voice : r.voice;
                    if (v.empty() || espeak_SetVoiceByName(v.c_str()) != EE_OK)
                        if (espeak_SetVoiceByName("en-gb") != EE_OK) espeak_SetVoiceByName("en");
                    espeak_SetParameter(espeakRATE, r.rate_wpm, 0);
                    espeak_SetParameter(espeakPITCH, r.voice.empty() ? 50 : r.pitch, 0);
                    if (espeak_Synth(run.text.c_str(), run.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                     nullptr, &c) != EE_OK) {
                        out.error = "reading aloud failed: espeak-ng could not read this text";
                        break;
                    }
                }
            }
        }

        lk.lock();
        busy = false;
        bool wanted = r.generation == generation.load() && !quit;
        if (wanted) {
            if (out.error.empty()) ++readings;
            made = std::move(out);
            // Under the lock, so the wake is sent before anyone waiting on
            // `done` can see the reading (wake must not call back into Sound).
            if (wake) wake();
        }
        done.notify_all();
    }
}

Sound::Sound() = default;

Sound::~Sound() {
    speech_.reset();   // joins the worker before the mixer goes
    if (open_) {
        Mix_HaltChannel(-1);
        free_voice();
        for (auto*& c : cue_chunks_) if (c) { Mix_FreeChunk(c); c = nullptr; }
        Mix_CloseAudio();
    }
    if (tried_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

std::string Sound::take_open_problem() {
    if (!tried_ || open_ || problem_told_) return "";
    problem_told_ = true;
    return notice_;
}

void Sound::open() {
    if (tried_) return;
    tried_ = true;
    // SDL would otherwise take over SIGINT/SIGTERM and the window could not be stopped.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        std::fprintf(stderr, "sofs-sim: sound: %s\n", SDL_GetError());
        notice_ = "Sound is off: no sound system was found.";
        return;
    }
    // Speech and cues are made at 22,050 Hz, mono (the voice files are 16 kHz
    // mono): a device in that form keeps each clip a quarter of the size it
    // would be at 44.1 kHz stereo.
    if (Mix_OpenAudio(22050, AUDIO_S16SYS, 1, 512) != 0) {
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
    ensure_open();
    if (!open_) { if (error) *error = notice_; return false; }
    stop();   // a reading still being made would otherwise cut into the line
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
    if (!cues_ || muted_) return;
    ensure_open();
    if (!open_) return;
    Mix_Chunk* ch = cue_chunks_[static_cast<int>(c)];
    if (ch && !Mix_Playing(0)) Mix_PlayChannel(1, ch, 0);
}

void Sound::set_wake(std::function<void()> wake) {
    if (!speech_) speech_ = std::make_unique<Speech>();
    std::lock_guard<std::mutex> lk(speech_->m);
    speech_->wake = std::move(wake);
}

bool Sound::read_aloud(const std::string& text, int rate_wpm, std::string* error, const SpeakerVoice* voice,
                       const std::vector<LanguageRun>* runs) {
    ensure_open();
    if (!speech_) speech_ = std::make_unique<Speech>();
    Speech& sp = *speech_;
    {
        std::lock_guard<std::mutex> lk(sp.m);
        if (!sp.thread.joinable()) sp.thread = std::thread([&sp] { sp.run(); });
        std::uint64_t g = ++sp.generation;   // cancels the reading being made, if any
        sp.request = Speech::Request{};
        sp.request->text = text;
        sp.request->rate_wpm = rate_wpm;
        sp.request->generation = g;
        if (voice) {
            sp.request->voice = voice->voice;
            sp.request->welsh_voice = voice->welsh_voice;
            if (runs) sp.request->runs = *runs;
            sp.request->pitch = voice->pitch;
            sp.request->rate_wpm = std::max(80, rate_wpm * voice->speed / 160);
        }
        sp.made.reset();
    }
    sp.work.notify_one();
    free_voice();   // what was reading stops now, not when the new speech is ready
    if (!open_) { if (error) *error = notice_; return false; }
    return true;
}

std::string Sound::play_ready() {
    Speech::Made m;
    {
        std::lock_guard<std::mutex> lk(speech_->m);
        if (!speech_->made) return "";
        m = std::move(*speech_->made);
        speech_->made.reset();
    }
    if (!m.error.empty()) return m.error;
    if (!open_) return "";   // made (and counted), but there is nothing to play it on
    free_voice();
    voice_ = chunk_from(std::move(m.samples), m.rate_hz);
    if (!voice_) return std::string("reading aloud failed: ") + Mix_GetError();
    Mix_PlayChannel(0, voice_, 0);
    return "";
}

std::string Sound::poll() {
    // A line that has finished is let go: a voice clip is a few MiB of samples.
    if (voice_ && !Mix_Playing(0)) free_voice();
    return speech_ ? play_ready() : "";
}

std::string Sound::finish_reading() {
    if (!speech_) return "";
    {
        std::unique_lock<std::mutex> lk(speech_->m);
        speech_->done.wait(lk, [&] { return !speech_->request && !speech_->busy; });
    }
    return play_ready();
}

bool Sound::reading_pending() const {
    if (!speech_) return false;
    std::lock_guard<std::mutex> lk(speech_->m);
    return speech_->request || speech_->busy || speech_->made;
}

int Sound::readings() const { return speech_ ? speech_->readings.load() : 0; }

void Sound::stop() {
    if (speech_) {
        std::lock_guard<std::mutex> lk(speech_->m);
        ++speech_->generation;
        speech_->request.reset();
        speech_->made.reset();
    }
    free_voice();
}

std::set<std::string> welsh_words_for(const Scenario& s) {
    std::ifstream in(std::filesystem::path(s.file).parent_path() / "welsh-words.txt", std::ios::binary);
    if (!in) return {};
    std::stringstream text;
    text << in.rdbuf();
    return read_word_list(text.str());
}

LineVoice pick_line_voice(const Scenario& s, const Line& line, const std::string& voices_dir,
                          const std::set<std::string>& welsh_words) {
    namespace fs = std::filesystem;
    std::error_code ec;
    LineVoice out;
    if (!line.audio.empty()) {
        fs::path p = fs::path(s.file).parent_path() / line.audio;
        if (fs::is_regular_file(p, ec)) {
            out.source = LineVoice::Source::Authored;
            out.path = p.string();
            return out;
        }
    }
    if (!voices_dir.empty()) {
        std::string key = line_key(s, &line);
        if (!key.empty()) {
            fs::path p = fs::path(voices_dir) / s.id / voice_file_name(key, line.text);
            if (fs::is_regular_file(p, ec)) {
                out.source = LineVoice::Source::Generated;
                out.path = p.string();
                return out;
            }
        }
    }
    if (s.person(line.speaker)) {
        auto voices = assign_voices(s);
        out.source = LineVoice::Source::Live;
        out.voice = voices[line.speaker];
        out.runs = language_runs(line.text, welsh_words);
    }
    return out;
}

std::string find_voices_dir(const std::string& scenarios_dir) {
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("SOFS_VOICES_DIR"); env && *env) return env;
    std::error_code ec;
    std::vector<fs::path> candidates;
    if (!scenarios_dir.empty()) {
        fs::path sc = fs::path(scenarios_dir);
        if (!sc.has_filename()) sc = sc.parent_path();   // "scenarios/" names the same folder
        candidates.push_back(sc.parent_path() / "voices");
    }
    char buf[4096];
    ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) {
        fs::path exe_dir = fs::path(std::string(buf, static_cast<std::size_t>(n))).parent_path();
        candidates.push_back(exe_dir / "voices");
        candidates.push_back(exe_dir.parent_path() / "voices");
        candidates.push_back(exe_dir.parent_path() / "share" / "sofs-simulator" / "voices");
    }
    for (const auto& c : candidates)
        if (fs::is_directory(c, ec)) return c.string();
    return "";
}

bool Sound::playing() const { return open_ && Mix_Playing(0) != 0; }

}  // namespace sofs::ui
