-- Drafts (as assessment/progress/migrations/0003_drafts.sql): unsent work on
-- a task, one row per (attempt, task), replaced on every save. Only their
-- author reads or writes them: a trainer sees answers once handed in.
CREATE TABLE drafts (
  attempt    bigint NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  task       text NOT NULL,
  text       text NOT NULL DEFAULT '',
  placements jsonb NOT NULL DEFAULT '{}',
  saved_ms   bigint NOT NULL,
  PRIMARY KEY (attempt, task)
);
ALTER TABLE drafts ENABLE ROW LEVEL SECURITY;
CREATE POLICY drafts_own ON drafts FOR ALL USING (sofs_attempt_owner(attempt) = sofs_me())
  WITH CHECK (sofs_attempt_owner(attempt) = sofs_me());
GRANT SELECT, INSERT, UPDATE, DELETE ON drafts TO sofs_trainees, sofs_trainers, sofs_admins;
