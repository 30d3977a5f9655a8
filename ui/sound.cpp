// SDL_mixer and espeak-ng behind one small class. Channel 0 carries voices
// (a recorded line or a reading), channel 1 the cues. Both libraries are
// opened with the first sound or reading (util/shared_library), not at start:
// with what they pull in (PulseAudio, ALSA, FluidSynth, GLib, JACK...) they
// are most of the libraries the program would otherwise load before its first
// frame, and a run that plays nothing needs none of them.
#include "sound.hpp"

#include "util/shared_library.hpp"
#include "util/worker.hpp"

#include <SDL.h>
#include <SDL_mixer.h>
#include <espeak-ng/speak_lib.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

namespace sofs::ui {

namespace {

// The SDL and SDL_mixer functions Sound calls, from libSDL2_mixer (which
// brings libSDL2 with it). Loaded once, on the main thread.
struct MixerApi {
    util::SharedLibrary lib{"libSDL2_mixer-2.0.so.0"};
    decltype(&::SDL_SetHint) SDL_SetHint = nullptr;
    decltype(&::SDL_InitSubSystem) SDL_InitSubSystem = nullptr;
    decltype(&::SDL_QuitSubSystem) SDL_QuitSubSystem = nullptr;
    decltype(&::SDL_GetError) SDL_GetError = nullptr;
    decltype(&::SDL_RWFromConstMem) SDL_RWFromConstMem = nullptr;
    decltype(&::SDL_RWFromFile) SDL_RWFromFile = nullptr;
    decltype(&::Mix_OpenAudio) Mix_OpenAudio = nullptr;
    decltype(&::Mix_CloseAudio) Mix_CloseAudio = nullptr;
    decltype(&::Mix_AllocateChannels) Mix_AllocateChannels = nullptr;
    decltype(&::Mix_Volume) Mix_Volume = nullptr;
    decltype(&::Mix_LoadWAV_RW) Mix_LoadWAV_RW = nullptr;
    decltype(&::Mix_FreeChunk) Mix_FreeChunk = nullptr;
    decltype(&::Mix_PlayChannelTimed) Mix_PlayChannelTimed = nullptr;
    decltype(&::Mix_HaltChannel) Mix_HaltChannel = nullptr;
    decltype(&::Mix_Playing) Mix_Playing = nullptr;
    decltype(&::Mix_ChannelFinished) Mix_ChannelFinished = nullptr;

    MixerApi() {
        lib.bind(SDL_SetHint, "SDL_SetHint");
        lib.bind(SDL_InitSubSystem, "SDL_InitSubSystem");
        lib.bind(SDL_QuitSubSystem, "SDL_QuitSubSystem");
        lib.bind(SDL_GetError, "SDL_GetError");
        lib.bind(SDL_RWFromConstMem, "SDL_RWFromConstMem");
        lib.bind(SDL_RWFromFile, "SDL_RWFromFile");
        lib.bind(Mix_OpenAudio, "Mix_OpenAudio");
        lib.bind(Mix_CloseAudio, "Mix_CloseAudio");
        lib.bind(Mix_AllocateChannels, "Mix_AllocateChannels");
        lib.bind(Mix_Volume, "Mix_Volume");
        lib.bind(Mix_LoadWAV_RW, "Mix_LoadWAV_RW");
        lib.bind(Mix_FreeChunk, "Mix_FreeChunk");
        lib.bind(Mix_PlayChannelTimed, "Mix_PlayChannelTimed");
        lib.bind(Mix_HaltChannel, "Mix_HaltChannel");
        lib.bind(Mix_Playing, "Mix_Playing");
        lib.bind(Mix_ChannelFinished, "Mix_ChannelFinished");
    }
    void play(int channel, Mix_Chunk* chunk) const { Mix_PlayChannelTimed(channel, chunk, 0, -1); }
};

// SDL_mixer, opened on first use and kept for the process's life.
const MixerApi& mixer_library() {
    static const MixerApi* api = new MixerApi;
    return *api;
}

// The mixer's functions; nullptr when SDL_mixer is not installed or not whole.
const MixerApi* mixer() {
    const MixerApi& api = mixer_library();
    return api.lib.ok() ? &api : nullptr;
}

// The espeak-ng functions the speech worker calls (only there, under g_espeak).
struct EspeakApi {
    util::SharedLibrary lib{"libespeak-ng.so.1"};
    decltype(&::espeak_Initialize) espeak_Initialize = nullptr;
    decltype(&::espeak_SetSynthCallback) espeak_SetSynthCallback = nullptr;
    decltype(&::espeak_SetVoiceByName) espeak_SetVoiceByName = nullptr;
    decltype(&::espeak_SetParameter) espeak_SetParameter = nullptr;
    decltype(&::espeak_Synth) espeak_Synth = nullptr;

    EspeakApi() {
        lib.bind(espeak_Initialize, "espeak_Initialize");
        lib.bind(espeak_SetSynthCallback, "espeak_SetSynthCallback");
        lib.bind(espeak_SetVoiceByName, "espeak_SetVoiceByName");
        lib.bind(espeak_SetParameter, "espeak_SetParameter");
        lib.bind(espeak_Synth, "espeak_Synth");
    }
};

}  // namespace

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

static Mix_Chunk* chunk_from(const MixerApi& mix, std::vector<std::int16_t> samples, int rate) {
    auto wav = wav_image(samples, rate);
    std::vector<std::int16_t>().swap(samples);   // only one copy of a long reading at a time
    SDL_RWops* rw = mix.SDL_RWFromConstMem(wav.data(), static_cast<int>(wav.size()));
    return rw ? mix.Mix_LoadWAV_RW(rw, 1) : nullptr;  // converts to the device's format
}

// The speech worker. A request carries a generation number; stop() and every
// new request raise the current generation, and the worker drops (or aborts
// mid-way, through espeak's callback) any work of an older one.
namespace {
// How long one reading may take in the speech worker before it is given up
// on, and how long the worker is kept with nothing to read.
constexpr int kWorkerTimeoutMs = 30000;
constexpr int kWorkerIdleSeconds = 30;
}  // namespace

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

    // espeak-ng runs in a program of its own (this program started again as
    // "--speech-worker", reading requests on a socket): its voice data and
    // its memory stay out of the window's process. Started on the first
    // reading; if it cannot be started or fails, speech is made here instead.
    pid_t worker = -1;
    int worker_fd = -1;
    bool worker_given_up = false;

    ~Speech() {
        {
            std::lock_guard<std::mutex> lk(m);
            quit = true;
            ++generation;
        }
        work.notify_all();
        if (thread.joinable()) thread.join();
        stop_worker(false);
    }
    void run();
    bool ask_worker(const Request& r, Made& out);   // false: no worker (make it here)
    void stop_worker(bool kill_now);
    // Makes the speech for `r` in this process; `current` aborts it when it moves past r.generation.
    static void synthesize(const Request& r, Made& out, const std::atomic<std::uint64_t>& current);
    // The worker's side: requests on stdin, readings on stdout, until the caller closes it.
    static int serve();
    static const bool started_as_worker;
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
const EspeakApi* g_speak = nullptr;
int start_espeak(std::string* error) {
    static int rate = 0;
    static std::string problem;
    static bool tried = false;
    if (!tried) {
        tried = true;
        g_speak = new EspeakApi;   // kept for the process's life (see above: never terminated)
        const EspeakApi& es = *g_speak;
        rate = es.lib.ok() ? es.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, 0) : 0;
        if (!es.lib.ok()) {
            std::fprintf(stderr, "sofs-sim: reading aloud: %s\n", es.lib.problem().c_str());
            problem = "reading aloud is not available: espeak-ng is not installed";
        } else if (rate <= 0) {
            rate = 0;
            problem = "reading aloud is not available: espeak-ng could not start (is its data installed?)";
        } else {
            es.espeak_SetSynthCallback(collect);
            if (es.espeak_SetVoiceByName("en-gb") != EE_OK && es.espeak_SetVoiceByName("en") != EE_OK) {
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
        auto wanted_now = [&] { return quit || request; };
        if (worker < 0) {
            work.wait(lk, wanted_now);
        } else if (!work.wait_for(lk, std::chrono::seconds(kWorkerIdleSeconds), wanted_now)) {
            // Nothing read aloud for a while: the worker and its memory go
            // (espeak-ng's could never be given back inside one process); the
            // next reading starts a fresh one.
            lk.unlock();
            stop_worker(false);
            lk.lock();
            continue;
        }
        if (quit) break;
        Request r = std::move(*request);
        request.reset();
        busy = true;
        lk.unlock();

        Made out;
        out.generation = r.generation;
        if (!ask_worker(r, out)) synthesize(r, out, generation);

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

// ---------------------------------------------------------------- the speech worker

namespace {
constexpr const char* kSpeechFlag = "--speech-worker";


void put_u32(std::string& b, std::uint32_t v) { b.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_str(std::string& b, const std::string& s) {
    put_u32(b, static_cast<std::uint32_t>(s.size()));
    b += s;
}

// All of `n` bytes to a socket (no SIGPIPE if the other side is gone).
bool send_all(int fd, const void* p, std::size_t n) {
    const char* c = static_cast<const char*>(p);
    while (n > 0) {
        ssize_t w = ::send(fd, c, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        c += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

// Stops a wait for the worker: set when the reading is no longer wanted.
struct Cancel {
    const std::atomic<std::uint64_t>* current = nullptr;
    std::uint64_t mine = 0;
    bool* cancelled = nullptr;
    bool now() const {
        if (!current || current->load() == mine) return false;
        *cancelled = true;
        return true;
    }
};

// All of `n` bytes, waiting at most `timeout_ms` for each part (-1: no limit),
// and no longer once `cancel` says the reading is not wanted.
bool recv_all(int fd, void* p, std::size_t n, int timeout_ms, const Cancel& cancel = {}) {
    char* c = static_cast<char*>(p);
    while (n > 0) {
        pollfd pf{fd, POLLIN, 0};
        int slice = cancel.current ? 50 : timeout_ms;
        int ready = ::poll(&pf, 1, slice);
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0 && cancel.current) {
            if (cancel.now()) return false;
            if (timeout_ms >= 0 && (timeout_ms -= slice) <= 0) return false;
            continue;
        }
        if (ready <= 0) return false;
        ssize_t r = ::read(fd, c, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        c += r;
        n -= static_cast<std::size_t>(r);
    }
    return true;
}

bool get_u32(int fd, std::uint32_t* v, int timeout_ms, const Cancel& cancel = {}) {
    return recv_all(fd, v, sizeof *v, timeout_ms, cancel);
}
bool get_str(int fd, std::string* s, int timeout_ms) {
    std::uint32_t n = 0;
    if (!get_u32(fd, &n, timeout_ms) || n > (16u << 20)) return false;
    s->resize(n);
    return n == 0 || recv_all(fd, s->data(), n, timeout_ms);
}
}  // namespace

// Every program linking the sound code answers "--speech-worker" before its
// main() runs (util/worker.hpp): it serves readings and exits, starting
// nothing of its own.
const bool Sound::Speech::started_as_worker = [] {
    if (util::started_as_worker(kSpeechFlag).empty()) return false;
    ::_exit(serve());
}();

int Sound::Speech::serve() {
    for (;;) {
        Request r;
        std::uint32_t runs = 0, rate = 0, pitch = 0;
        if (!get_u32(0, &runs, -1) || runs > 4096) return 0;   // closed: the program is done with us
        for (std::uint32_t i = 0; i < runs; ++i) {
            std::uint32_t welsh = 0;
            LanguageRun run;
            if (!get_u32(0, &welsh, -1) || !get_str(0, &run.text, -1)) return 1;
            run.welsh = welsh != 0;
            r.runs.push_back(std::move(run));
        }
        if (!get_str(0, &r.text, -1) || !get_str(0, &r.voice, -1) || !get_str(0, &r.welsh_voice, -1) ||
            !get_u32(0, &rate, -1) || !get_u32(0, &pitch, -1))
            return 1;
        r.rate_wpm = static_cast<int>(rate);
        r.pitch = static_cast<int>(pitch);
        Made out;
        const std::atomic<std::uint64_t> current{0};
        synthesize(r, out, current);
        std::string b;
        put_u32(b, static_cast<std::uint32_t>(out.rate_hz));
        put_str(b, out.error);
        put_u32(b, static_cast<std::uint32_t>(out.samples.size()));
        if (!send_all(1, b.data(), b.size()) ||
            !send_all(1, out.samples.data(), out.samples.size() * sizeof(std::int16_t)))
            return 0;
    }
}

bool Sound::Speech::ask_worker(const Request& r, Made& out) {
    if (worker_given_up) return false;
    if (worker < 0) {
        int sv[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
            worker_given_up = true;
            return false;
        }
        worker = util::start_self_as_worker("sofs-speech", kSpeechFlag, {}, sv[1], sv[1]);
        ::close(sv[1]);
        if (worker < 0) {
            ::close(sv[0]);
            worker_given_up = true;
            return false;
        }
        worker_fd = sv[0];
    }
    std::string b;
    put_u32(b, static_cast<std::uint32_t>(r.runs.size()));
    for (const auto& run : r.runs) {
        put_u32(b, run.welsh ? 1 : 0);
        put_str(b, run.text);
    }
    put_str(b, r.text);
    put_str(b, r.voice);
    put_str(b, r.welsh_voice);
    put_u32(b, static_cast<std::uint32_t>(r.rate_wpm));
    put_u32(b, static_cast<std::uint32_t>(r.pitch));
    std::uint32_t rate = 0, n = 0;
    std::string error;
    // A newer request or stop() while the worker reads: it is stopped (a
    // fresh one starts with the next request) rather than left to finish.
    bool cancelled = false;
    const Cancel cancel{&generation, r.generation, &cancelled};
    bool ok = send_all(worker_fd, b.data(), b.size()) && get_u32(worker_fd, &rate, kWorkerTimeoutMs, cancel) &&
              get_str(worker_fd, &error, kWorkerTimeoutMs) && get_u32(worker_fd, &n, kWorkerTimeoutMs) &&
              n <= (256u << 20) / sizeof(std::int16_t);
    if (ok) {
        out.samples.resize(n);
        ok = n == 0 || recv_all(worker_fd, out.samples.data(), n * sizeof(std::int16_t), kWorkerTimeoutMs);
    }
    if (cancelled) {
        stop_worker(true);
        return true;   // not wanted any more: nothing to make here either
    }
    if (!ok) {   // gone, stuck or talking nonsense: make speech here from now on
        out.samples.clear();
        stop_worker(true);
        worker_given_up = true;
        return false;
    }
    out.rate_hz = static_cast<int>(rate);
    out.error = std::move(error);
    return true;
}

void Sound::Speech::stop_worker(bool kill_now) {
    if (worker < 0) return;
    ::close(worker_fd);   // the worker reads the end of its requests and exits
    worker_fd = -1;
    if (kill_now) ::kill(worker, SIGKILL);
    int status = 0;
    for (int waited = 0; ::waitpid(worker, &status, WNOHANG) == 0; waited += 10) {
        if (waited >= 2000) {   // still making a reading nobody wants
            ::kill(worker, SIGKILL);
            while (::waitpid(worker, &status, 0) < 0 && errno == EINTR) {}
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    worker = -1;
}

void Sound::Speech::synthesize(const Request& r, Made& out, const std::atomic<std::uint64_t>& current) {
    {
        std::lock_guard<std::mutex> speaking(g_espeak);
        int rate_hz = start_espeak(&out.error);
        if (rate_hz > 0) {
            const EspeakApi& es = *g_speak;
            out.rate_hz = rate_hz;
            std::vector<LanguageRun> runs = r.runs;
            if (runs.empty()) runs.push_back({false, r.text});
            Collecting c{&out.samples, &current, r.generation};
            for (const auto& run : runs) {
                // A line's own voice, or the reading voice; a voice espeak-ng
                // lacks falls back to the reading voice rather than silence.
                const std::string& v = run.welsh ? r.welsh_voice : r.voice;
                if (v.empty() || es.espeak_SetVoiceByName(v.c_str()) != EE_OK)
                    if (es.espeak_SetVoiceByName("en-gb") != EE_OK) es.espeak_SetVoiceByName("en");
                es.espeak_SetParameter(espeakRATE, r.rate_wpm, 0);
                es.espeak_SetParameter(espeakPITCH, r.voice.empty() ? 50 : r.pitch, 0);
                if (es.espeak_Synth(run.text.c_str(), run.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                 nullptr, &c) != EE_OK) {
                    out.error = "reading aloud failed: espeak-ng could not read this text";
                    break;
                }
            }
        }
    }
}

Sound::Sound() = default;

namespace {
// The app's wake, called on SDL's audio thread when the voice channel ends, so
// the window's loop sleeps while a line plays instead of looking in for its
// end. Set by set_wake (the window's thread), read by the audio thread.
std::mutex voice_finished_mu;
std::function<void()> voice_finished_wake;
void on_channel_finished(int channel) {
    if (channel != 0) return;
    std::lock_guard<std::mutex> lk(voice_finished_mu);
    if (voice_finished_wake) voice_finished_wake();
}
}  // namespace

Sound::~Sound() {
    speech_.reset();   // joins the worker before the mixer goes
    {
        std::lock_guard<std::mutex> lk(voice_finished_mu);   // (one Sound at a time has a wake)
        voice_finished_wake = nullptr;
    }
    const MixerApi* mix = tried_ ? mixer() : nullptr;
    if (open_ && mix) {
        mix->Mix_ChannelFinished(nullptr);
        mix->Mix_HaltChannel(-1);
        free_voice();
        for (auto*& c : cue_chunks_) if (c) { mix->Mix_FreeChunk(c); c = nullptr; }
        mix->Mix_CloseAudio();
    }
    if (mix) mix->SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

std::string Sound::take_open_problem() {
    if (!tried_ || open_ || problem_told_) return "";
    problem_told_ = true;
    return notice_;
}

void Sound::open() {
    if (tried_) return;
    tried_ = true;
    const MixerApi* mix = mixer();
    if (!mix) {
        std::fprintf(stderr, "sofs-sim: sound: %s\n", mixer_library().lib.problem().c_str());
        notice_ = "Sound is off: SDL_mixer is not installed.";
        return;
    }
    // SDL would otherwise take over SIGINT/SIGTERM and the window could not be stopped.
    mix->SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (mix->SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        std::fprintf(stderr, "sofs-sim: sound: %s\n", mix->SDL_GetError());
        notice_ = "Sound is off: no sound system was found.";
        return;
    }
    // Speech and cues are made at 22,050 Hz, mono (the voice files are 16 kHz
    // mono): a device in that form keeps each clip a quarter of the size it
    // would be at 44.1 kHz stereo.
    if (mix->Mix_OpenAudio(22050, AUDIO_S16SYS, 1, 1024) != 0) {
        std::fprintf(stderr, "sofs-sim: sound: %s\n", mix->SDL_GetError());
        notice_ = "Sound is off: no audio device was found.";
        return;
    }
    mix->Mix_AllocateChannels(4);
    mix->Mix_ChannelFinished(on_channel_finished);
    open_ = true;
    cue_chunks_[0] = chunk_from(*mix, tone(660, 0.12, 22050, 0.18), 22050);
    cue_chunks_[1] = chunk_from(*mix, tone(880, 0.16, 22050, 0.18), 22050);
    cue_chunks_[2] = chunk_from(*mix, tone(440, 0.2, 22050, 0.15), 22050);
    set_volume(volume_, muted_);
}

void Sound::set_volume(int percent, bool muted) {
    volume_ = percent;
    muted_ = muted;
    if (!open_) return;
    int v = muted ? 0 : percent * MIX_MAX_VOLUME / 100;
    mixer()->Mix_Volume(-1, v);
}

void Sound::free_voice() {
    if (voice_) {
        mixer()->Mix_HaltChannel(0);   // (a voice exists only once the mixer is open)
        mixer()->Mix_FreeChunk(voice_);
        voice_ = nullptr;
    }
}

bool Sound::play_file(const std::string& path, std::string* error) {
    ensure_open();
    if (!open_) { if (error) *error = notice_; return false; }
    stop();   // a reading still being made would otherwise cut into the line
    free_voice();
    const MixerApi& mix = *mixer();
    SDL_RWops* file = mix.SDL_RWFromFile(path.c_str(), "rb");
    voice_ = file ? mix.Mix_LoadWAV_RW(file, 1) : nullptr;
    if (!voice_) {
        if (error) *error = "could not play '" + path + "': " + mix.SDL_GetError();
        return false;
    }
    mix.play(0, voice_);
    return true;
}

void Sound::cue(Cue c) {
    if (!cues_ || muted_) return;
    ensure_open();
    if (!open_) return;
    Mix_Chunk* ch = cue_chunks_[static_cast<int>(c)];
    const MixerApi& mix = *mixer();
    if (ch && !mix.Mix_Playing(0)) mix.play(1, ch);
}

void Sound::set_wake(std::function<void()> wake) {
    if (!speech_) speech_ = std::make_unique<Speech>();
    {
        std::lock_guard<std::mutex> lk(voice_finished_mu);
        voice_finished_wake = wake;
    }
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
    const MixerApi& mix = *mixer();
    voice_ = chunk_from(mix, std::move(m.samples), m.rate_hz);
    if (!voice_) return std::string("reading aloud failed: ") + mix.SDL_GetError();
    mix.play(0, voice_);
    return "";
}

std::string Sound::poll() {
    // A line that has finished is let go: a voice clip is a few MiB of samples.
    if (voice_ && !mixer()->Mix_Playing(0)) free_voice();
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

bool Sound::playing() const { return open_ && mixer()->Mix_Playing(0) != 0; }

}  // namespace sofs::ui
