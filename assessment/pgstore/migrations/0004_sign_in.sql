-- Signing in (the SQLite store's 0004_sign_in.sql): on PostgreSQL it is the
-- server's. Each person signs in as their own login role with a password the
-- server checks (SCRAM-SHA-256), so the SQLite store's file settings (every
-- trainee needs a password: always true here) and its count of wrong
-- passwords have no table here. The number keeps the two engines' schema
-- versions in step: version N means the same step of the schema on both.
COMMENT ON COLUMN people.login_role IS
  'The PostgreSQL role this person signs in as; the server checks their password.';
