-- Drafts: what a trainee has typed (or how they have placed cards) for a task
-- not yet handed in, one row per (attempt, task), replaced on every save.
-- A draft belongs to its attempt: it is cleared in the same transaction that
-- records the task's answer, goes when the attempt is finished, is exported
-- with the person's records and erased with them.
CREATE TABLE drafts (
  attempt    INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  task       TEXT NOT NULL,
  text       TEXT NOT NULL DEFAULT '',
  placements TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(placements)),  -- item id -> place, for sort-facts and three-houses
  saved_ms   INTEGER NOT NULL,
  PRIMARY KEY (attempt, task)
) STRICT;
