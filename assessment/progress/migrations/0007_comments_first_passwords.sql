-- Trainers' comments, and first passwords that must be changed.
--
-- Trainers' comments: words to a trainee about an attempt, without changing
-- any verdict. A comment may be about the attempt as a whole, or sit beside
-- one check (criterion, and its task when the check was judged on several).
-- Only the trainee and their trainers read them (Store::comments checks);
-- they go when the attempt goes, and a trainer who has commented cannot be
-- erased while the comments stay with the trainee's record.
CREATE TABLE comments (
  id        INTEGER PRIMARY KEY,
  attempt   INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  task      TEXT NOT NULL DEFAULT '',
  criterion TEXT NOT NULL DEFAULT '',
  trainer   INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
  text      TEXT NOT NULL CHECK (length(trim(text)) > 0),
  at_ms     INTEGER NOT NULL
) STRICT;
CREATE INDEX comments_by_attempt ON comments(attempt, at_ms);
CREATE INDEX comments_by_trainer ON comments(trainer);

-- A first password set by an administrator, which its owner must change at
-- their next sign-in in the application (Accounts::require_password_change).
ALTER TABLE people ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
  CHECK (must_change_password IN (0, 1));
