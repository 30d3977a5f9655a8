// The window and the platform under the application: GLFW, OpenGL 3, Dear
// ImGui's backends, fonts at the chosen text size, the colour themes,
// screenshots, and the input counter the calm main loop waits on. Knows
// nothing of cases, people or screens (the controller, App, does).
#pragma once

#include "settings.hpp"

#include <string>
#include <vector>

struct GLFWwindow;
struct ImFont;

namespace sofs::ui {

class Window {
public:
    // Connects to the display (glfwInit); open() does it too when not done.
    // Called before the program starts any thread: X's input method reads its
    // Compose table (about 10,000 lines) a character at a time with getc,
    // and once a process has a second thread every getc locks the file (on
    // this stack ~10 ms of a start's CPU time, against ~1 ms).
    bool connect();
    // Opens the window and starts Dear ImGui on it; false with `error` (no display, no OpenGL 3).
    bool open(int width, int height, std::string* error);
    // Ends Dear ImGui and closes the window (when open).
    void close();
    GLFWwindow* handle() { return window_; }
    bool should_close() const;

    // Fonts at `text_percent` of the size for this screen's content scale;
    // a plain-words problem when the DejaVu fonts are missing (a basic font is used).
    std::string build_fonts(int text_percent);
    // Rebuilds the fonts and their texture between frames.
    std::string rebuild_fonts(int text_percent);
    void apply_style(Theme theme);
    // True (once) when the window moved to a screen of another content scale.
    bool take_scale_change();
    float scale() const { return scale_; }   // text size x content scale
    ImFont* bold = nullptr;
    ImFont* large = nullptr;

    // Input and window events so far: the main loop draws a few frames after any.
    unsigned events() const;
    void poll();                   // handle waiting events, do not wait
    void wait(double seconds);     // wait for an event or the time to pass
    static void wake();            // from any thread: end a wait()
    // Starts a frame: the backends' new frame, with key presses that came and
    // went since the last frame shown for this one.
    void begin_frame();
    // The screen's panel (the rounded area the screens draw in), given each
    // frame from inside the frame: filled by render() with a clear of that
    // rectangle, not by ImGui. A software renderer (Mesa's llvmpipe, as on
    // Xvfb and machines without a GPU driver) spends most of a frame
    // blending large filled rectangles; a clear costs next to nothing. Its
    // rounded corners are drawn in the background colour over the fill.
    // Panels inside it (ChildBg) have no fill of their own: on the panel
    // they would be the same colour (see apply_style).
    void fill_panel(float x0, float y0, float x1, float y1);
    // Draws ImGui's frame over the theme's background (call after ImGui::Render).
    void render();
    void swap();
    void finish();   // waits for the GPU (for timing the first frame)

    bool write_screenshot(const std::string& path, std::string* error);

private:
    GLFWwindow* window_ = nullptr;
    float content_scale_ = 1.0f;
    float scale_ = 1.0f;
    std::vector<int> forced_keys_;   // keys latched as down for this frame
    float panel_colour_[3] = {1, 1, 1};    // the panel's fill (ChildBg over WindowBg)
    float panel_[4] = {0, 0, 0, 0};        // this frame's panel, in display coordinates
    bool panel_set_ = false;
};

}  // namespace sofs::ui
