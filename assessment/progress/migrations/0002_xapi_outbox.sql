-- xAPI outbox: statements for a Learning Record Store, written in the same
-- transaction as the event they describe and sent later by whoever can reach
-- an LRS. The statement id is fixed when written, so a resend after a failed
-- attempt is the same statement (an LRS ignores repeats). Statements carry
-- ids, verbs and scores only, never a trainee's free text: an LRS cannot
-- forget what it was sent.
CREATE TABLE xapi_outbox (
  id         TEXT PRIMARY KEY,            -- the statement's UUID
  attempt    INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  step       INTEGER NOT NULL,
  statement  TEXT NOT NULL CHECK (json_valid(statement)),
  created_ms INTEGER NOT NULL,
  sent_ms    INTEGER,
  tries      INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
) STRICT;
CREATE INDEX xapi_outbox_unsent ON xapi_outbox(created_ms) WHERE sent_ms IS NULL;
