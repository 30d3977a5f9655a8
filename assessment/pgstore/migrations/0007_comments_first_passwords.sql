-- Trainers' comments (the same table as the SQLite store's migration 0007):
-- words to a trainee about an attempt, changing no verdict, beside the
-- attempt as a whole or one of its checks. Row-level security: seen by whoever
-- may see the attempt (the trainee, their trainers, administrators); written
-- only by a trainer who may see the trainee, in their own name. (The SQLite
-- migration's second part, first passwords that must be changed, has no
-- counterpart: on PostgreSQL passwords are the server's.)
CREATE TABLE comments (
  id        BIGSERIAL PRIMARY KEY,
  attempt   BIGINT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  task      TEXT NOT NULL DEFAULT '',
  criterion TEXT NOT NULL DEFAULT '',
  trainer   BIGINT NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
  text      TEXT NOT NULL CHECK (length(btrim(text)) > 0),
  at_ms     BIGINT NOT NULL
);
CREATE INDEX comments_by_attempt ON comments(attempt, at_ms);
CREATE INDEX comments_by_trainer ON comments(trainer);

ALTER TABLE comments ENABLE ROW LEVEL SECURITY;
CREATE POLICY comments_seen ON comments FOR SELECT USING (attempt IN (SELECT id FROM attempts));
CREATE POLICY comments_by_trainers ON comments FOR INSERT WITH CHECK (
  trainer = sofs_me() AND sofs_my_role() IN ('trainer', 'admin') AND sofs_may_see(sofs_attempt_owner(attempt)));
GRANT SELECT ON comments TO sofs_trainees, sofs_trainers, sofs_admins;
GRANT INSERT ON comments TO sofs_trainers, sofs_admins;
GRANT USAGE ON SEQUENCE comments_id_seq TO sofs_trainers, sofs_admins;
