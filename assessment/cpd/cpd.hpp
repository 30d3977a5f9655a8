// The trainee's CPD record: the cases they practised, when, for how long,
// the checks they met, their own reflections and what their trainers said,
// as a PDF (A4, DejaVu Sans) in the form a social worker keeps for their
// professional registration.
//
// The record is plain data (CpdRecord), filled from the progress store's
// read interfaces by build_record() and written by write_pdf(), which knows
// nothing about the store. Everything in it is in words: case titles and
// check names, never ids.
#pragma once

#include "progress/store.hpp"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace sofs::cpd {

// A trainer's words on a case: overruling one check (with the reason they
// gave the trainee), or a comment that changes no decision.
struct TrainerNote {
    bool is_comment = false; // a comment; else an override
    std::string check;       // the check's name in words ("" for a comment on the whole case)
    bool met = false;        // the trainer's decision (overrides)
    std::string trainer;
    std::string reason;      // the override's reason, or the comment's words
    std::string date;        // "23 November 2026"
};

// Something the trainee wrote: the reason for their scaling number, or a
// written answer (shortened).
struct Reflection {
    std::string label;       // "Why I chose 4 on the safety scale", "Written answer"
    std::string text;
};

struct CaseRecord {
    std::string title;                    // the case's title
    std::string started, finished;        // dates in words
    std::string time_spent;               // "2 minutes"
    int met = 0, total = 0;               // checks met, out of those judged
    std::vector<std::string> checks_met;     // names
    std::vector<std::string> checks_not_met; // names
    std::vector<TrainerNote> trainer_notes;
    std::vector<Reflection> reflections;
};

struct CpdRecord {
    std::string name;                     // the trainee
    std::string period;                   // "23 November 2026 to 30 November 2026"
    std::string made_on;                  // date the record was made
    std::string total_time;               // all cases together
    // Said in the introduction: what "Trainer's comments" holds.
    std::string comments_note;
    std::vector<CaseRecord> cases;        // oldest first
};

class CpdError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Check ids to their names in words (progress::criterion_names).
using CheckNames = std::map<std::string, std::string>;

// One finished attempt per case line, oldest first, read with `who`'s access
// (a trainee their own record). Throws progress::StoreError like the store.
CpdRecord build_record(progress::Store& store, const progress::Actor& who, const std::string& trainee,
                       const CheckNames& names, std::int64_t now_ms);

// "4 minutes", "1 hour 5 minutes", "less than a minute".
std::string duration_words(std::int64_t ms);
// At most `max_chars` bytes, cut at a word and ending in "…" when shortened.
std::string shorten(const std::string& text, std::size_t max_chars);

// The record as PDF bytes (A4, page numbers). Throws CpdError when Cairo fails.
std::string pdf_bytes(const CpdRecord& record);
// Writes the PDF to `path`, readable by its owner only (0600). The folder must
// exist. Throws CpdError naming the file when it cannot.
void write_pdf(const CpdRecord& record, const std::string& path);
// The same, made by a short-lived fresh copy of the running program
// (started with --cpd-pdf-worker; apart.cpp), so Cairo, pixman, fontconfig
// and their caches are never loaded into the caller, and the copy holds only
// what the PDF needs: for the long-running application, whose peak memory
// they would otherwise raise. The file is byte for byte what write_pdf makes.
// When the worker cannot be started, dies or hangs (60 s), the PDF is made
// here instead, so a record is never lost to the way it was made.
void write_pdf_apart(const CpdRecord& record, const std::string& path);

}  // namespace sofs::cpd
