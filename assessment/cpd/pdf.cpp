// Writing the CPD record as a PDF with Cairo's PDF surface and its simple
// text API (DejaVu Sans through fontconfig). The text is laid out first
// (wrapped at word boundaries, broken into A4 pages) so that every page can
// say "Page 2 of 3", then drawn.
#include "cpd.hpp"

#include "progress/private_files.hpp"
#include "util/shared_library.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

namespace sofs::cpd {

namespace {

constexpr double kPageW = 595.276, kPageH = 841.890;  // A4 in points
constexpr double kMargin = 56.0;
constexpr double kBottom = kPageH - kMargin - 20.0;     // room for the footer
const char* kFont = "DejaVu Sans";

// The Cairo functions used here, from libcairo opened with the first PDF
// (util/shared_library): Cairo and what it brings (pixman, fontconfig, the
// X libraries' rendering parts) stay out of every run that makes no PDF.
struct CairoApi {
    util::SharedLibrary lib{"libcairo.so.2"};
    decltype(&::cairo_create) cairo_create = nullptr;
    decltype(&::cairo_destroy) cairo_destroy = nullptr;
    decltype(&::cairo_surface_destroy) cairo_surface_destroy = nullptr;
    decltype(&::cairo_move_to) cairo_move_to = nullptr;
    decltype(&::cairo_pdf_surface_create_for_stream) cairo_pdf_surface_create_for_stream = nullptr;
    decltype(&::cairo_pdf_surface_set_metadata) cairo_pdf_surface_set_metadata = nullptr;
    decltype(&::cairo_select_font_face) cairo_select_font_face = nullptr;
    decltype(&::cairo_set_font_size) cairo_set_font_size = nullptr;
    decltype(&::cairo_set_source_rgb) cairo_set_source_rgb = nullptr;
    decltype(&::cairo_show_page) cairo_show_page = nullptr;
    decltype(&::cairo_show_text) cairo_show_text = nullptr;
    decltype(&::cairo_status_to_string) cairo_status_to_string = nullptr;
    decltype(&::cairo_surface_finish) cairo_surface_finish = nullptr;
    decltype(&::cairo_surface_status) cairo_surface_status = nullptr;
    decltype(&::cairo_text_extents) cairo_text_extents = nullptr;

    CairoApi() {
        lib.bind(cairo_create, "cairo_create");
        lib.bind(cairo_destroy, "cairo_destroy");
        lib.bind(cairo_surface_destroy, "cairo_surface_destroy");
        lib.bind(cairo_move_to, "cairo_move_to");
        lib.bind(cairo_pdf_surface_create_for_stream, "cairo_pdf_surface_create_for_stream");
        lib.bind(cairo_pdf_surface_set_metadata, "cairo_pdf_surface_set_metadata");
        lib.bind(cairo_select_font_face, "cairo_select_font_face");
        lib.bind(cairo_set_font_size, "cairo_set_font_size");
        lib.bind(cairo_set_source_rgb, "cairo_set_source_rgb");
        lib.bind(cairo_show_page, "cairo_show_page");
        lib.bind(cairo_show_text, "cairo_show_text");
        lib.bind(cairo_status_to_string, "cairo_status_to_string");
        lib.bind(cairo_surface_finish, "cairo_surface_finish");
        lib.bind(cairo_surface_status, "cairo_surface_status");
        lib.bind(cairo_text_extents, "cairo_text_extents");
    }
};

// Cairo, opened once and kept; a CpdError when it is not installed.
const CairoApi& cairo() {
    static const CairoApi* api = new CairoApi;
    if (!api->lib.ok()) throw CpdError("the PDF could not be made: " + api->lib.problem());
    return *api;
}


struct Piece {
    double x, y, size;
    bool bold;
    std::string text;
};

class Layout {
public:
    Layout(const CairoApi& api, cairo_t* cr) : c(api), cr_(cr) { pages_.emplace_back(); }

    void gap(double h) { y_ += h; }

    // Starts a new page unless `needed` points fit on this one.
    void keep(double needed) {
        if (y_ + needed > kBottom) new_page();
    }

    // Wrapped text; `indent` from the left margin.
    void text(const std::string& s, double size, bool bold = false, double indent = 0.0) {
        font(size, bold);
        const double width = kPageW - 2 * kMargin - indent;
        const double line_h = size * 1.4;
        std::string line;
        auto flush = [&] {
            keep(line_h);
            y_ += line_h;
            pages_.back().push_back({kMargin + indent, y_ - size * 0.35, size, bold, line});
            line.clear();
        };
        std::size_t i = 0;
        while (i <= s.size()) {
            std::size_t sp = s.find(' ', i);
            if (sp == std::string::npos) sp = s.size();
            std::string word = s.substr(i, sp - i);
            std::string trial = line.empty() ? word : line + " " + word;
            if (!line.empty() && advance(trial) > width) {
                flush();
                line = word;
            } else {
                line = trial;
            }
            // A single word wider than the line is cut where it stops fitting.
            while (advance(line) > width && line.size() > 1) {
                std::size_t cut = line.size();
                while (cut > 1 && advance(line.substr(0, cut)) > width) {
                    --cut;
                    while (cut > 1 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
                }
                std::string rest = line.substr(cut);
                line.resize(cut);
                flush();
                line = rest;
            }
            i = sp + 1;
        }
        if (!line.empty()) flush();
    }

    void new_page() {
        pages_.emplace_back();
        y_ = kMargin;
    }

    const std::vector<std::vector<Piece>>& pages() const { return pages_; }

private:
    void font(double size, bool bold) {
        c.cairo_select_font_face(cr_, kFont, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        c.cairo_set_font_size(cr_, size);
    }
    double advance(const std::string& s) {
        cairo_text_extents_t e;
        c.cairo_text_extents(cr_, s.c_str(), &e);
        return e.x_advance;
    }

    const CairoApi& c;
    cairo_t* cr_;
    double y_ = kMargin;
    std::vector<std::vector<Piece>> pages_;
};

void lay_out(Layout& l, const CpdRecord& r) {
    l.text("Continuing professional development record", 18, true);
    l.text("Signs of Safety practice simulator", 11);
    l.gap(8);
    l.text("Name: " + r.name, 11);
    l.text("Period: " + r.period, 11);
    l.text("Cases practised: " + std::to_string(r.cases.size()) + ", time spent in all: " + r.total_time, 11);
    l.text("Record made on " + r.made_on, 11);
    l.gap(6);
    l.text("Each case below was worked through in the simulator: the conversation with the family, the written "
           "tasks, and feedback on the practice checks. " + r.comments_note, 9.5);
    if (r.cases.empty()) {
        l.gap(12);
        l.text("No case has been finished yet.", 11);
    }
    int n = 0;
    for (const auto& c : r.cases) {
        ++n;
        l.gap(14);
        l.keep(90);
        l.text(std::to_string(n) + ". " + c.title, 13, true);
        std::string when = c.started == c.finished ? c.started : c.started + " to " + c.finished;
        l.text("Date: " + when + "    Time spent: " + c.time_spent, 10);
        l.text("Checks met: " + std::to_string(c.met) + " of " + std::to_string(c.total), 10);
        if (!c.checks_met.empty()) {
            l.gap(4);
            l.keep(30);
            l.text("Checks met", 10.5, true);
            for (const auto& s : c.checks_met) l.text("\u2022 " + s, 10, false, 10);
        }
        if (!c.checks_not_met.empty()) {
            l.gap(4);
            l.keep(30);
            l.text("Still to work on", 10.5, true);
            for (const auto& s : c.checks_not_met) l.text("\u2022 " + s, 10, false, 10);
        }
        l.gap(4);
        l.keep(30);
        l.text("Trainer's comments", 10.5, true);
        if (c.trainer_notes.empty()) l.text("None for this case.", 10, false, 10);
        for (const auto& t : c.trainer_notes) {
            if (t.is_comment)
                l.text("\u2022 " + t.trainer + ", " + t.date +
                           (t.check.empty() ? std::string(", on the case:") : ", on \u201c" + t.check + "\u201d:"),
                       10, false, 10);
            else
                l.text("\u2022 " + t.trainer + ", " + t.date + ", changed \u201c" + t.check + "\u201d to " +
                           (t.met ? "met" : "not met") + ":",
                       10, false, 10);
            l.text("\u201c" + t.reason + "\u201d", 10, false, 22);
        }
        l.gap(4);
        l.keep(30);
        l.text("My reflections", 10.5, true);
        if (c.reflections.empty()) l.text("No written answers in this case.", 10, false, 10);
        for (const auto& f : c.reflections) {
            l.text(f.label + ":", 10, true, 10);
            l.text(f.text, 10, false, 22);
        }
    }
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string pdf_bytes(const CpdRecord& record) {
    const CairoApi& c = cairo();
    std::string out;
    std::unique_ptr<cairo_surface_t, decltype(&::cairo_surface_destroy)> surface(
        c.cairo_pdf_surface_create_for_stream(append, &out, kPageW, kPageH), c.cairo_surface_destroy);
    c.cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                   ("CPD record: " + record.name).c_str());
    c.cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Signs of Safety practice simulator");
    std::unique_ptr<cairo_t, decltype(&::cairo_destroy)> cr(c.cairo_create(surface.get()), c.cairo_destroy);

    Layout layout(c, cr.get());
    lay_out(layout, record);
    const auto& pages = layout.pages();
    const std::string total = std::to_string(pages.size());
    for (std::size_t p = 0; p < pages.size(); ++p) {
        c.cairo_set_source_rgb(cr.get(), 0.1, 0.1, 0.1);
        for (const auto& piece : pages[p]) {
            c.cairo_select_font_face(cr.get(), kFont, CAIRO_FONT_SLANT_NORMAL,
                                   piece.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
            c.cairo_set_font_size(cr.get(), piece.size);
            c.cairo_move_to(cr.get(), piece.x, piece.y);
            c.cairo_show_text(cr.get(), piece.text.c_str());
        }
        c.cairo_select_font_face(cr.get(), kFont, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
        c.cairo_set_font_size(cr.get(), 8.5);
        c.cairo_set_source_rgb(cr.get(), 0.35, 0.35, 0.35);
        std::string footer = "CPD record of " + record.name + "    Page " + std::to_string(p + 1) + " of " + total;
        c.cairo_move_to(cr.get(), kMargin, kPageH - kMargin + 10);
        c.cairo_show_text(cr.get(), footer.c_str());
        c.cairo_show_page(cr.get());
    }
    cr.reset();
    c.cairo_surface_finish(surface.get());
    cairo_status_t st = c.cairo_surface_status(surface.get());
    if (st != CAIRO_STATUS_SUCCESS)
        throw CpdError(std::string("the PDF could not be made: ") + c.cairo_status_to_string(st));
    return out;
}

void write_pdf(const CpdRecord& record, const std::string& path) {
    namespace fs = std::filesystem;
    fs::path p(path);
    fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw CpdError("could not write '" + path + "': the folder '" + dir.string() + "' does not exist");
    if (fs::is_directory(p, ec)) throw CpdError("could not write '" + path + "': it is a folder");
    std::string bytes = pdf_bytes(record);
    std::string err;
    if (!progress::write_private_file(path, bytes, &err)) throw CpdError(err);
}

}  // namespace sofs::cpd
