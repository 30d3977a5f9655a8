// The window and platform; see window.hpp.
#include "window.hpp"

#include <GLFW/glfw3.h>
#include <GL/glext.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_freetype.h>
#include <zlib.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/data_dir.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace sofs::ui {

namespace {

// Counts input and window events; the main loop draws a few frames after any.
std::atomic<unsigned> g_events{0};
std::atomic<bool> g_scale_changed{false};

void on_cursor(GLFWwindow*, double, double) { ++g_events; }
void on_refresh(GLFWwindow*) { ++g_events; }
void on_size(GLFWwindow*, int, int) { ++g_events; }
// ImGui 1.86 samples keys once a frame: a press and release between two frames
// (a quick tap, or a tool like xdotool) would be lost. Presses are latched here
// and shown to ImGui for one frame.
std::vector<int> g_pressed_keys;
void on_key(GLFWwindow*, int key, int, int action, int) {
    ++g_events;
    if (action == GLFW_PRESS && key >= 0 && key < 512) g_pressed_keys.push_back(key);
}
void on_char(GLFWwindow*, unsigned) { ++g_events; }
void on_button(GLFWwindow*, int, int, int) { ++g_events; }
void on_scroll(GLFWwindow*, double, double) { ++g_events; }
void on_focus(GLFWwindow*, int) { ++g_events; }
void on_enter(GLFWwindow*, int) { ++g_events; }
void on_scale(GLFWwindow*, float, float) { ++g_events; g_scale_changed = true; }

// Latin-1, Latin Extended-A (Welsh ŵ ŷ), Welsh ẁ ẃ ẅ ỳ, dashes, curly quotes,
// ellipsis, the euro sign, arrows, and the tick and cross marks.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x017F, 0x1E80, 0x1E85, 0x1EF2, 0x1EF3,
    0x2010, 0x2027, 0x2030, 0x203A, 0x20AC, 0x20AC, 0x2190, 0x2193, 0x2713, 0x2717, 0,
};

// The font texture is ours, not the OpenGL backend's: the backend turns the
// atlas into four bytes a pixel (a second copy beside ImGui's one byte a
// pixel, and a texture four times the size, which a software renderer keeps
// in our memory). Ours is one byte a pixel (GL_R8), drawn as white with that
// alpha by the texture's swizzle (OpenGL 3.3, or GL_ARB_texture_swizzle);
// without a swizzle it is four bytes a pixel, filled a band of rows at a
// time. Either way ImGui's copy is let go once the texture is made.
GLuint g_font_texture = 0;

void destroy_font_texture() {
    if (g_font_texture) glDeleteTextures(1, &g_font_texture);
    g_font_texture = 0;
    ImGui::GetIO().Fonts->SetTexID(nullptr);
}

// A font file mapped read-only for the atlas build: FreeType touches only the
// tables and glyphs it rasterises (a few hundred of DejaVu's six thousand), so
// only those pages are ever in memory, and they go when the mapping does. The
// atlas is told it does not own the bytes (ImFontAtlas would copy bytes it does
// not own when the font is added, so each font is added as owned and then
// marked otherwise). Empty when the file cannot be read.
class FontFile {
public:
    explicit FontFile(const std::string& path) {
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return;
        struct stat st {};
        if (::fstat(fd, &st) == 0 && st.st_size > 0 && st.st_size < (64 << 20)) {
            void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                data_ = p;
                size_ = static_cast<std::size_t>(st.st_size);
            }
        }
        ::close(fd);
    }
    ~FontFile() {
        if (data_) ::munmap(data_, size_);
    }
    FontFile(const FontFile&) = delete;
    FontFile& operator=(const FontFile&) = delete;
    bool ok() const { return data_ != nullptr; }
    // Adds the file to the atlas at `px` pixels; the atlas never frees it.
    ImFont* add(ImFontAtlas* fonts, float px, const ImFontConfig& cfg) const {
        ImFont* f = fonts->AddFontFromMemoryTTF(data_, static_cast<int>(size_), px, &cfg, kGlyphRanges);
        fonts->ConfigData.back().FontDataOwnedByAtlas = false;
        return f;
    }

private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

void make_font_texture(GLFWwindow* window) {
    destroy_font_texture();
    ImFontAtlas* fonts = ImGui::GetIO().Fonts;
    unsigned char* alpha = nullptr;
    int w = 0, h = 0;
    fonts->GetTexDataAsAlpha8(&alpha, &w, &h);   // builds the atlas
    GLint last = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
    glGenTextures(1, &g_font_texture);
    glBindTexture(GL_TEXTURE_2D, g_font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    int major = glfwGetWindowAttrib(window, GLFW_CONTEXT_VERSION_MAJOR);
    int minor = glfwGetWindowAttrib(window, GLFW_CONTEXT_VERSION_MINOR);
    bool swizzle = major > 3 || (major == 3 && minor >= 3) || glfwExtensionSupported("GL_ARB_texture_swizzle");
    if (swizzle) {
        const GLint white_with_alpha[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
        glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, white_with_alpha);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, alpha);
    } else {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        const int band = 64;
        std::vector<std::uint32_t> rgba(static_cast<std::size_t>(w) * band);
        for (int y = 0; y < h; y += band) {
            int rows = std::min(band, h - y);
            const unsigned char* src = alpha + static_cast<std::size_t>(y) * w;
            for (std::size_t i = 0; i < static_cast<std::size_t>(w) * rows; ++i)
                rgba[i] = IM_COL32(255, 255, 255, src[i]);
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, y, w, rows, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
        }
    }
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
    fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(g_font_texture)));
    fonts->ClearTexData();
    // And the fonts' input: the atlas does not own the font files' bytes
    // (FontFile maps them, and unmaps them once this returns).
    fonts->ClearInputData();
}

// A PNG of the window written a band of rows at a time, read from the frame
// buffer and compressed as it goes (zlib): no copy of the whole picture, nor
// of the whole compressed file, is ever held.
class PngOut {
public:
    explicit PngOut(std::FILE* f) : f_(f) {}
    bool chunk(const char* type, const unsigned char* data, std::size_t n) {
        unsigned char len[4] = {static_cast<unsigned char>(n >> 24), static_cast<unsigned char>(n >> 16),
                                static_cast<unsigned char>(n >> 8), static_cast<unsigned char>(n)};
        uLong crc = crc32(0, reinterpret_cast<const Bytef*>(type), 4);
        if (n) crc = crc32(crc, data, static_cast<uInt>(n));
        unsigned char c[4] = {static_cast<unsigned char>(crc >> 24), static_cast<unsigned char>(crc >> 16),
                              static_cast<unsigned char>(crc >> 8), static_cast<unsigned char>(crc)};
        return std::fwrite(len, 1, 4, f_) == 4 && std::fwrite(type, 1, 4, f_) == 4 &&
               (n == 0 || std::fwrite(data, 1, n, f_) == n) && std::fwrite(c, 1, 4, f_) == 4;
    }

private:
    std::FILE* f_;
};

bool write_png_from_frame_buffer(const std::string& path, int w, int h) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "wb"), &std::fclose);
    if (!f) return false;
    PngOut png(f.get());
    static const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (std::fwrite(signature, 1, 8, f.get()) != 8) return false;
    unsigned char ihdr[13] = {static_cast<unsigned char>(w >> 24), static_cast<unsigned char>(w >> 16),
                              static_cast<unsigned char>(w >> 8),  static_cast<unsigned char>(w),
                              static_cast<unsigned char>(h >> 24), static_cast<unsigned char>(h >> 16),
                              static_cast<unsigned char>(h >> 8),  static_cast<unsigned char>(h),
                              8, 2, 0, 0, 0};   // 8 bits, red-green-blue, deflate, no interlace
    if (!png.chunk("IHDR", ihdr, sizeof ihdr)) return false;
    // Small working space: 16 rows at a time (about 60 KiB each way at 1280
    // pixels wide) and deflate's memory level 5 (about 150 KiB in all, not
    // 400 KiB); screenshots are taken while the app's own peak is measured.
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, 15, 5, Z_DEFAULT_STRATEGY) != Z_OK) return false;
    const std::size_t stride = static_cast<std::size_t>(w) * 3;
    const int band = 16;
    std::vector<unsigned char> read(stride * band), rows((stride + 1) * band), out(1 << 15);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    bool ok = true;
    for (int top = 0; top < h && ok; top += band) {
        int n = std::min(band, h - top);
        // OpenGL's rows run bottom to top: picture rows top..top+n-1 are these.
        glReadPixels(0, h - top - n, w, n, GL_RGB, GL_UNSIGNED_BYTE, read.data());
        for (int r = 0; r < n; ++r) {
            const unsigned char* src = read.data() + stride * (n - 1 - r);
            unsigned char* dst = rows.data() + (stride + 1) * r;
            dst[0] = 1;   // the "Sub" filter: each byte less the one a pixel to its left
            for (std::size_t i = 0; i < stride; ++i)
                dst[1 + i] = static_cast<unsigned char>(src[i] - (i >= 3 ? src[i - 3] : 0));
        }
        z.next_in = rows.data();
        z.avail_in = static_cast<uInt>((stride + 1) * n);
        int flush = top + n >= h ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = out.data();
            z.avail_out = static_cast<uInt>(out.size());
            if (deflate(&z, flush) == Z_STREAM_ERROR) { ok = false; break; }
            std::size_t have = out.size() - z.avail_out;
            if (have && !png.chunk("IDAT", out.data(), have)) { ok = false; break; }
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    ok = ok && png.chunk("IEND", nullptr, 0);
    return ok && std::fflush(f.get()) == 0;
}

}  // namespace

bool Window::connect() {
    glfwSetErrorCallback([](int, const char* d) { std::fprintf(stderr, "sofs-sim: window system: %s\n", d); });
    return glfwInit() == GLFW_TRUE;
}

bool Window::open(int width, int height, std::string* error) {
    if (!connect()) {   // (a second glfwInit is a no-op)
        *error = "could not open a window: no display was found (is DISPLAY set?)";
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    window_ = glfwCreateWindow(width, height, "Signs of Safety practice simulator", nullptr, nullptr);
    if (!window_) {
        *error = "could not open a window: OpenGL 3.0 is not available on this display";
        return false;
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(window_, &sx, &sy);
    content_scale_ = std::clamp(std::max(sx, sy), 1.0f, 4.0f);

    // Ours first: ImGui's backend chains to callbacks already installed.
    glfwSetCursorPosCallback(window_, on_cursor);
    glfwSetWindowRefreshCallback(window_, on_refresh);
    glfwSetFramebufferSizeCallback(window_, on_size);
    glfwSetKeyCallback(window_, on_key);
    glfwSetCharCallback(window_, on_char);
    glfwSetMouseButtonCallback(window_, on_button);
    glfwSetScrollCallback(window_, on_scroll);
    glfwSetWindowFocusCallback(window_, on_focus);
    glfwSetCursorEnterCallback(window_, on_enter);
    glfwSetWindowContentScaleCallback(window_, on_scale);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // one full-window layout: nothing to remember, no imgui.ini litter
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // A steady text cursor: easier to find for some readers, and an idle
    // window with a name box ready for typing need not redraw to blink.
    io.ConfigInputTextCursorBlink = false;
    // A window not drawn for 3 s (another screen's panels) gives back its
    // draw buffers (ImGui's default waits 60 s): otherwise every screen
    // visited keeps its largest frame's vertices for a minute.
    io.ConfigMemoryCompactTimer = 3.0f;
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    // The backend's shaders and buffers now; the font texture it makes with
    // them (ImGui's small default font) is let go at once for ours.
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts->Clear();
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;   // no unused rows in the texture
    return true;
}

void Window::close() {
    if (!window_) return;
    destroy_font_texture();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
    window_ = nullptr;
}

bool Window::should_close() const { return glfwWindowShouldClose(window_); }

unsigned Window::events() const { return g_events.load(); }
void Window::poll() { glfwPollEvents(); }
void Window::wait(double seconds) { glfwWaitEventsTimeout(seconds); }
void Window::wake() { glfwPostEmptyEvent(); }

bool Window::take_scale_change() {
    if (!g_scale_changed.exchange(false)) return false;
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(window_, &sx, &sy);
    float cs = std::clamp(std::max(sx, sy), 1.0f, 4.0f);
    if (cs == content_scale_) return false;
    content_scale_ = cs;
    return true;
}

std::string Window::build_fonts(int text_percent) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    scale_ = content_scale_ * text_percent / 100.0f;
    float px = std::round(17.0f * scale_);
    std::string dir = util::data_dir("fonts");
    std::string regular = dir + "/DejaVuSans.ttf", boldf = dir + "/DejaVuSans-Bold.ttf";
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    // Each file is mapped once (FontFile): the bold face serves both the bold
    // and the large font. The mappings last until the texture is made.
    FontFile regular_file(regular), bold_file(boldf);
    if (!regular_file.ok()) {
        ImFontConfig d;
        d.SizePixels = px;
        io.Fonts->AddFontDefault(&d);
        bold = large = nullptr;
        make_font_texture(window_);
        return "The DejaVu Sans font is missing (install fonts-dejavu-core): using a basic font.";
    }
    regular_file.add(io.Fonts, px, cfg);
    // No bold face: the regular one serves (the bold and large fonts are then
    // not bold, but still there).
    const FontFile& b = bold_file.ok() ? bold_file : regular_file;
    bold = b.add(io.Fonts, px, cfg);
    large = b.add(io.Fonts, std::round(px * 1.4f), cfg);
    make_font_texture(window_);   // the atlas is built; the mappings go when this returns
    return "";
}

std::string Window::rebuild_fonts(int text_percent) {
    destroy_font_texture();   // the old texture goes before the new atlas is built
    return build_fonts(text_percent);
}

void Window::apply_style(Theme theme) {
    ImGuiStyle s;
    switch (theme) {
        case Theme::Light: {
            ImGui::StyleColorsLight(&s);
            ImVec4* c = s.Colors;
            c[ImGuiCol_WindowBg] = ImVec4(0.972f, 0.965f, 0.945f, 1);
            c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 0.85f);
            c[ImGuiCol_Text] = ImVec4(0.11f, 0.13f, 0.16f, 1);
            c[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.38f, 0.42f, 1);
            c[ImGuiCol_Border] = ImVec4(0.75f, 0.74f, 0.70f, 1);
            c[ImGuiCol_FrameBg] = ImVec4(0.93f, 0.93f, 0.91f, 1);
            c[ImGuiCol_Button] = ImVec4(0.80f, 0.87f, 0.93f, 1);
            c[ImGuiCol_ButtonHovered] = ImVec4(0.68f, 0.80f, 0.92f, 1);
            c[ImGuiCol_ButtonActive] = ImVec4(0.56f, 0.72f, 0.88f, 1);
            c[ImGuiCol_Header] = ImVec4(0.84f, 0.89f, 0.94f, 1);
            c[ImGuiCol_HeaderHovered] = ImVec4(0.74f, 0.83f, 0.93f, 1);
            c[ImGuiCol_TableHeaderBg] = ImVec4(0.88f, 0.90f, 0.92f, 1);
            c[ImGuiCol_NavHighlight] = ImVec4(0.10f, 0.35f, 0.75f, 1);
            break;
        }
        case Theme::Dark: {
            ImGui::StyleColorsDark(&s);
            ImVec4* c = s.Colors;
            c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1);
            c[ImGuiCol_ChildBg] = ImVec4(0.15f, 0.16f, 0.19f, 1);
            c[ImGuiCol_Text] = ImVec4(0.92f, 0.92f, 0.90f, 1);
            c[ImGuiCol_TextDisabled] = ImVec4(0.66f, 0.67f, 0.70f, 1);
            c[ImGuiCol_Button] = ImVec4(0.22f, 0.32f, 0.45f, 1);
            c[ImGuiCol_ButtonHovered] = ImVec4(0.28f, 0.42f, 0.60f, 1);
            break;
        }
        case Theme::HighContrast: {
            ImGui::StyleColorsDark(&s);
            ImVec4* c = s.Colors;
            ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), yellow(1, 0.92f, 0.1f, 1), blue(0.05f, 0.15f, 0.55f, 1);
            for (int i = 0; i < ImGuiCol_COUNT; ++i) c[i] = black;
            c[ImGuiCol_Text] = white;
            c[ImGuiCol_TextDisabled] = ImVec4(0.85f, 0.85f, 0.85f, 1);
            c[ImGuiCol_Border] = yellow;
            c[ImGuiCol_Separator] = yellow;
            c[ImGuiCol_ButtonHovered] = c[ImGuiCol_HeaderHovered] = c[ImGuiCol_FrameBgHovered] = blue;
            c[ImGuiCol_ButtonActive] = c[ImGuiCol_HeaderActive] = c[ImGuiCol_FrameBgActive] = ImVec4(0.1f, 0.3f, 0.8f, 1);
            c[ImGuiCol_Header] = ImVec4(0.15f, 0.15f, 0.15f, 1);
            c[ImGuiCol_CheckMark] = c[ImGuiCol_SliderGrab] = c[ImGuiCol_SliderGrabActive] = yellow;
            c[ImGuiCol_NavHighlight] = yellow;
            c[ImGuiCol_TextSelectedBg] = ImVec4(0.1f, 0.3f, 0.8f, 1);
            c[ImGuiCol_ScrollbarGrab] = ImVec4(0.7f, 0.7f, 0.7f, 1);
            c[ImGuiCol_PlotHistogram] = yellow;
            c[ImGuiCol_TableBorderStrong] = c[ImGuiCol_TableBorderLight] = ImVec4(0.8f, 0.8f, 0.8f, 1);
            c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.7f);
            c[ImGuiCol_DragDropTarget] = yellow;
            c[ImGuiCol_Tab] = ImVec4(0.2f, 0.2f, 0.2f, 1);
            c[ImGuiCol_TabHovered] = blue;
            c[ImGuiCol_TabActive] = ImVec4(0.1f, 0.3f, 0.8f, 1);
            c[ImGuiCol_TabUnfocusedActive] = ImVec4(0.1f, 0.3f, 0.8f, 1);
            c[ImGuiCol_TableHeaderBg] = ImVec4(0.2f, 0.2f, 0.2f, 1);
            c[ImGuiCol_TableRowBgAlt] = ImVec4(0.1f, 0.1f, 0.1f, 1);
            s.TabBorderSize = 2;
            s.FrameBorderSize = 2;
            s.ChildBorderSize = 2;
            s.WindowBorderSize = 2;
            break;
        }
    }
    // Pop-ups are opaque: text underneath must never show through.
    s.Colors[ImGuiCol_PopupBg].w = 1.0f;
    if (theme == Theme::Light) s.Colors[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 1);
    s.Colors[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
    s.WindowPadding = ImVec2(18, 14);
    s.FramePadding = ImVec2(10, 6);
    s.ItemSpacing = ImVec2(10, 9);
    s.ItemInnerSpacing = ImVec2(8, 6);
    s.CellPadding = ImVec2(8, 5);
    s.ScrollbarSize = 16;
    s.GrabMinSize = 14;
    s.FrameRounding = 5;
    s.GrabRounding = 5;
    s.ChildRounding = 8;
    s.PopupRounding = 6;
    s.WindowRounding = 6;
    s.ScaleAllSizes(scale_);
    // Panels are filled by fill_panel's clear, in the colour a panel had as
    // ImGui's fill over the background; ImGui fills none (see fill_panel).
    const ImVec4 bg = s.Colors[ImGuiCol_WindowBg], child = s.Colors[ImGuiCol_ChildBg];
    panel_colour_[0] = child.x * child.w + bg.x * (1 - child.w);
    panel_colour_[1] = child.y * child.w + bg.y * (1 - child.w);
    panel_colour_[2] = child.z * child.w + bg.z * (1 - child.w);
    s.Colors[ImGuiCol_ChildBg].w = 0.0f;
    ImGui::GetStyle() = s;
}

void Window::fill_panel(float x0, float y0, float x1, float y1) {
    panel_[0] = x0, panel_[1] = y0, panel_[2] = x1, panel_[3] = y1;
    panel_set_ = true;
    // The rounded corners: each corner's square, less the quarter circle, in
    // the background colour (a fan from the corner along the arc).
    const ImGuiStyle& st = ImGui::GetStyle();
    const float r = std::min(st.ChildRounding, std::min(x1 - x0, y1 - y0) * 0.5f);
    if (r < 1.0f) return;
    const ImU32 bg = ImGui::GetColorU32(st.Colors[ImGuiCol_WindowBg]);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRectFullScreen();
    const float pi = 3.14159265f;
    struct Corner { float x, y, cx, cy, a0; } corners[4] = {
        {x0, y0, x0 + r, y0 + r, pi},            {x1, y0, x1 - r, y0 + r, 1.5f * pi},
        {x1, y1, x1 - r, y1 - r, 0.0f},          {x0, y1, x0 + r, y1 - r, 0.5f * pi},
    };
    for (const Corner& c : corners) {
        dl->PathLineTo(ImVec2(c.x, c.y));
        dl->PathArcTo(ImVec2(c.cx, c.cy), r, c.a0, c.a0 + 0.5f * pi);
        dl->PathFillConvex(bg);
    }
    dl->PopClipRect();
}

void Window::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    for (int k : forced_keys_) io.KeysDown[k] = glfwGetKey(window_, k) == GLFW_PRESS;
    forced_keys_.swap(g_pressed_keys);
    g_pressed_keys.clear();
    for (int k : forced_keys_) io.KeysDown[k] = true;
}

void Window::render() {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    glViewport(0, 0, w, h);
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    if (panel_set_) {
        // The panel: a clear of its rectangle (framebuffer pixels, from the bottom).
        const ImVec2 fs = ImGui::GetIO().DisplayFramebufferScale;
        const int x = static_cast<int>(std::lround(panel_[0] * fs.x));
        const int top = static_cast<int>(std::lround(panel_[1] * fs.y));
        const int right = static_cast<int>(std::lround(panel_[2] * fs.x));
        const int bottom = static_cast<int>(std::lround(panel_[3] * fs.y));
        if (right > x && bottom > top) {
            glEnable(GL_SCISSOR_TEST);
            glScissor(x, h - bottom, right - x, bottom - top);
            glClearColor(panel_colour_[0], panel_colour_[1], panel_colour_[2], 1);
            glClear(GL_COLOR_BUFFER_BIT);
            glDisable(GL_SCISSOR_TEST);
        }
        panel_set_ = false;
    }
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::swap() { glfwSwapBuffers(window_); }

void Window::finish() { glFinish(); }

bool Window::write_screenshot(const std::string& path, std::string* error) {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    if (w <= 0 || h <= 0) {
        *error = "the window has no size";
        return false;
    }
    if (!write_png_from_frame_buffer(path, w, h)) {
        *error = "could not write the picture '" + path + "'";
        return false;
    }
    return true;
}

}  // namespace sofs::ui
