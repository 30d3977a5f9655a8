// Data protection: the export of everything held about one person, written
// once for every storage engine. An engine reads the rows only it can reach
// (PersonalRows, in its own SQL); the rest comes through the Store interfaces.
#pragma once

#include "store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sofs::progress {

struct PersonalRows {
    struct CohortRow {
        std::string name, kind;
    };
    struct OverrideGiven {            // a verdict this person overruled as a trainer
        Id attempt = 0;
        std::string criterion;
        bool met = false;
        std::string reason;
        std::int64_t at_ms = 0;
    };
    struct CommentGiven {             // a comment this person left as a trainer
        Id attempt = 0;
        std::string criterion, text;
        std::int64_t at_ms = 0;
    };
    struct Statement {                // an xAPI statement about their attempts
        std::string id, statement;    // statement: JSON
        std::optional<std::int64_t> sent_ms;
    };
    std::vector<CohortRow> cohorts;                  // by name
    std::vector<OverrideGiven> overrides_given;      // oldest first
    std::vector<CommentGiven> comments_given;        // oldest first
    std::vector<Statement> statements;               // by attempt, then step
};

// The export as a JSON document (pretty, 2-space indent). `reader` reads the
// attempts, verdicts and comments through `store`: the caller has checked
// that the asker may see `person`. `now_ms` is the time of the export.
std::string personal_data_json(Store& store, const Actor& reader, const Person& person, std::int64_t now_ms,
                               const PersonalRows& rows);

}  // namespace sofs::progress
