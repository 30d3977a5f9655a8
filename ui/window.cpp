// The window and platform; see window.hpp.
#include "window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_freetype.h>
#include <stb_image_write.h>

#include "util/data_dir.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>

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

// Once the font texture is on the GPU, ImGui's CPU copies of it (one byte and
// four bytes a pixel: several MiB, more at large text sizes) are not needed.
void free_font_pixels() {
    ImFontAtlas* fonts = ImGui::GetIO().Fonts;
    if (fonts->TexID && (fonts->TexPixelsAlpha8 || fonts->TexPixelsRGBA32)) fonts->ClearTexData();
}

}  // namespace

bool Window::open(int width, int height, std::string* error) {
    glfwSetErrorCallback([](int, const char* d) { std::fprintf(stderr, "sofs-sim: window system: %s\n", d); });
    if (!glfwInit()) {
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
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    return true;
}

void Window::close() {
    if (!window_) return;
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
    std::error_code ec;
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    if (std::filesystem::exists(regular, ec)) {
        io.Fonts->AddFontFromFileTTF(regular.c_str(), px, &cfg, kGlyphRanges);
        bool have_bold = std::filesystem::exists(boldf, ec);
        bold = io.Fonts->AddFontFromFileTTF(have_bold ? boldf.c_str() : regular.c_str(), px, &cfg, kGlyphRanges);
        large = io.Fonts->AddFontFromFileTTF(have_bold ? boldf.c_str() : regular.c_str(), std::round(px * 1.4f), &cfg,
                                             kGlyphRanges);
    } else {
        ImFontConfig d;
        d.SizePixels = px;
        io.Fonts->AddFontDefault(&d);
        bold = large = nullptr;
        return "The DejaVu Sans font is missing (install fonts-dejavu-core): using a basic font.";
    }
    return "";
}

std::string Window::rebuild_fonts(int text_percent) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    std::string problem = build_fonts(text_percent);
    ImGui_ImplOpenGL3_CreateFontsTexture();
    free_font_pixels();
    return problem;
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
    ImGui::GetStyle() = s;
}

void Window::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();   // makes the font texture on the first frame
    free_font_pixels();
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
    // Red, green and blue only: the window is opaque, and three bytes a pixel
    // keep the copy (and the PNG encoder's buffers) a quarter smaller.
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);   // OpenGL's rows run bottom to top
    if (!stbi_write_png(path.c_str(), w, h, 3, pixels.data(), w * 3)) {
        *error = "could not write the picture '" + path + "'";
        return false;
    }
    return true;
}

}  // namespace sofs::ui
