-- xAPI outbox (as assessment/progress/migrations/0002_xapi_outbox.sql):
-- statements written in the same transaction as the event they describe,
-- sent later by `sofs lrs send`. A person writes and reads their own; the
-- sender (an administrator) reads and marks all of them.
CREATE TABLE xapi_outbox (
  id         text PRIMARY KEY,            -- the statement's UUID
  attempt    bigint NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  step       integer NOT NULL,
  statement  text NOT NULL CHECK (jsonb_typeof(statement::jsonb) = 'object'),  -- kept byte for byte: a resend is identical
  created_ms bigint NOT NULL,
  sent_ms    bigint,
  tries      integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX xapi_outbox_unsent ON xapi_outbox(created_ms) WHERE sent_ms IS NULL;
ALTER TABLE xapi_outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY outbox_seen ON xapi_outbox FOR SELECT USING (attempt IN (SELECT id FROM attempts));
CREATE POLICY outbox_own ON xapi_outbox FOR INSERT
  WITH CHECK (sofs_attempt_owner(attempt) = sofs_me() OR sofs_my_role() = 'admin');
CREATE POLICY outbox_sender ON xapi_outbox FOR UPDATE USING (sofs_my_role() = 'admin');
GRANT SELECT, INSERT ON xapi_outbox TO sofs_trainees, sofs_trainers, sofs_admins;
GRANT UPDATE (sent_ms, tries, last_error) ON xapi_outbox TO sofs_admins;
