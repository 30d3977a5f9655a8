-- Sign-in that means something: settings of the file (whether every trainee
-- needs a password) and wrong passwords counted per name, so the growing
-- wait after repeated wrong tries survives a restart of the program. Names
-- are kept as a hash (BLAKE2b of the name in lower case), so a name
-- typed by mistake, or a password typed into the name box, is not stored.
CREATE TABLE file_settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE sign_in_failures (
  name_hash       TEXT PRIMARY KEY,
  failures        INTEGER NOT NULL CHECK (failures >= 0),
  last_failure_ms INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Which program is saving to an open attempt: a second window or `sofs play`
-- of the same trainee on the same case is told so, instead of the two
-- interleaving their steps. A holder whose process is gone is replaced.
CREATE TABLE attempt_holders (
  attempt INTEGER PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
  holder  TEXT NOT NULL,      -- a random token per open store
  host    TEXT NOT NULL,
  pid     INTEGER NOT NULL,
  since_ms INTEGER NOT NULL
) STRICT;
