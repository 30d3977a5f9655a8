-- The progress store's first schema. Never edit this file once released:
-- add 0002_*.sql instead (applied in order from PRAGMA user_version).

-- Trainees, trainers and administrators. Passwords are Argon2id strings
-- (libsodium crypto_pwhash_str); trainees may have none.
CREATE TABLE people (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  role          TEXT NOT NULL CHECK (role IN ('trainee', 'trainer', 'admin')),
  team          TEXT NOT NULL DEFAULT '',
  agency        INTEGER NOT NULL DEFAULT 0 CHECK (agency IN (0, 1)),
  password_hash TEXT,
  created_ms    INTEGER NOT NULL
) STRICT;

CREATE TABLE cohorts (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  kind       TEXT NOT NULL CHECK (kind IN ('two-day', 'five-day', 'e-learning', 'practice-lead')),
  created_ms INTEGER NOT NULL
) STRICT;

-- Trainers and trainees of a cohort (their role is the person's role).
CREATE TABLE cohort_members (
  cohort INTEGER NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
  person INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  PRIMARY KEY (cohort, person)
) STRICT, WITHOUT ROWID;
CREATE INDEX cohort_members_by_person ON cohort_members(person);

CREATE TABLE cohort_scenarios (
  cohort      INTEGER NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
  scenario    TEXT NOT NULL,
  assigned_ms INTEGER NOT NULL,
  PRIMARY KEY (cohort, scenario)
) STRICT, WITHOUT ROWID;

-- What the reports need to know about each version of a scenario played.
CREATE TABLE scenario_versions (
  scenario       TEXT NOT NULL,
  content_hash   TEXT NOT NULL,
  title          TEXT NOT NULL DEFAULT '',
  expert_scaling INTEGER,
  scaling_low    INTEGER,
  scaling_high   INTEGER,
  first_seen_ms  INTEGER NOT NULL,
  PRIMARY KEY (scenario, content_hash)
) STRICT, WITHOUT ROWID;

-- One playthrough. At most one open attempt per person and scenario; an
-- attempt whose scenario changed beyond resuming is superseded, never deleted.
CREATE TABLE attempts (
  id                 INTEGER PRIMARY KEY,
  person             INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  scenario           TEXT NOT NULL,
  content_hash       TEXT NOT NULL,
  seed               INTEGER NOT NULL,  -- the uint64 seed's bits
  started_ms         INTEGER NOT NULL,
  finished_ms        INTEGER,
  ending             TEXT,
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finished', 'superseded')),
  superseded_because TEXT,
  CHECK ((status = 'finished') = (finished_ms IS NOT NULL))
) STRICT;
CREATE INDEX attempts_by_person ON attempts(person, scenario, status);
CREATE UNIQUE INDEX one_open_attempt ON attempts(person, scenario) WHERE status = 'open';

-- Every choice and answer, committed the moment it is given, keyed by the
-- scenario's stable ids. Append-only: the trigger below refuses updates.
CREATE TABLE events (
  attempt      INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  step         INTEGER NOT NULL CHECK (step >= 0),
  kind         TEXT NOT NULL CHECK (kind IN ('start', 'advance', 'choose', 'answer', 'end')),
  scenario     TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  scene        TEXT NOT NULL,
  choice       TEXT NOT NULL DEFAULT '',
  task         TEXT NOT NULL DEFAULT '',
  answer       TEXT CHECK (answer IS NULL OR json_valid(answer)),
  ending       TEXT NOT NULL DEFAULT '',
  at_ms        INTEGER NOT NULL,          -- the session's injected clock
  recorded_ms  INTEGER NOT NULL,          -- wall clock when committed
  PRIMARY KEY (attempt, step)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER events_are_append_only BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;

-- The assessor's verdicts, one per task and criterion of a finished attempt.
CREATE TABLE verdicts (
  id             INTEGER PRIMARY KEY,
  attempt        INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  task           TEXT NOT NULL DEFAULT '',
  criterion      TEXT NOT NULL,
  met            INTEGER NOT NULL CHECK (met IN (0, 1)),
  evidence_words TEXT NOT NULL DEFAULT '',
  explanation    TEXT NOT NULL DEFAULT '',
  guidance       TEXT NOT NULL DEFAULT '',
  source         TEXT NOT NULL DEFAULT 'assessor' CHECK (source IN ('assessor')),
  created_ms     INTEGER NOT NULL,
  UNIQUE (attempt, task, criterion)
) STRICT;

-- A trainer overruling a verdict. The verdict itself is never changed; the
-- latest override is what the trainee is shown.
CREATE TABLE overrides (
  id      INTEGER PRIMARY KEY,
  verdict INTEGER NOT NULL REFERENCES verdicts(id) ON DELETE CASCADE,
  trainer INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
  met     INTEGER NOT NULL CHECK (met IN (0, 1)),
  reason  TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  at_ms   INTEGER NOT NULL
) STRICT;
CREATE INDEX overrides_by_verdict ON overrides(verdict, at_ms);
CREATE INDEX overrides_by_trainer ON overrides(trainer);

-- Each verdict with the decision the trainee sees.
CREATE VIEW effective_verdicts AS
SELECT v.*,
       COALESCE((SELECT o.met FROM overrides o WHERE o.verdict = v.id
                 ORDER BY o.at_ms DESC, o.id DESC LIMIT 1), v.met) AS effective_met,
       EXISTS (SELECT 1 FROM overrides o WHERE o.verdict = v.id) AS overruled
FROM verdicts v;
