-- Pause points (PostgreSQL only, as live sessions are): a scene marked
-- `pause` in the scenario holds every member's play in a live session until
-- the session's trainer releases it. A member's program that reaches the
-- scene says so (sofs_reach_pause: the trainer's screen can count who is
-- waiting), LISTENs on the session's channel, and goes on when the release
-- is NOTIFYed. Each pause is released once per session; someone reaching it
-- after the release goes straight on. Payloads name only the kind of change.

CREATE TABLE live_pauses (
  session     bigint NOT NULL REFERENCES live_sessions(id) ON DELETE CASCADE,
  scene       text NOT NULL,
  released_ms bigint NOT NULL,
  PRIMARY KEY (session, scene)
);

CREATE TABLE live_waiting (
  session  bigint NOT NULL REFERENCES live_sessions(id) ON DELETE CASCADE,
  person   bigint NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  scene    text NOT NULL,
  since_ms bigint NOT NULL,
  PRIMARY KEY (session, person, scene)
);

ALTER TABLE live_pauses ENABLE ROW LEVEL SECURITY;
ALTER TABLE live_waiting ENABLE ROW LEVEL SECURITY;
CREATE POLICY live_pauses_seen ON live_pauses FOR SELECT USING (sofs_in_session(session) OR sofs_my_role() = 'admin');
CREATE POLICY live_waiting_seen ON live_waiting FOR SELECT USING (
  person = sofs_me() OR sofs_session_trainer(session) = sofs_me() OR sofs_my_role() = 'admin');
GRANT SELECT ON live_pauses, live_waiting TO sofs_trainees, sofs_trainers, sofs_admins;

-- A member reaches a pause point: noted (once), the trainer woken; true when it is already released.
CREATE FUNCTION sofs_reach_pause(s bigint, scene_id text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM live_members WHERE session = s AND person = sofs_me()) THEN
    RAISE EXCEPTION 'join the live session before playing in it' USING ERRCODE = '42501';
  END IF;
  IF EXISTS (SELECT 1 FROM live_pauses WHERE session = s AND scene = scene_id) THEN
    RETURN true;
  END IF;
  INSERT INTO live_waiting(session, person, scene, since_ms) VALUES (s, sofs_me(), scene_id, sofs_now_ms())
    ON CONFLICT DO NOTHING;
  PERFORM pg_notify('sofs_live_' || s, '{"changed":"waiting"}');
  RETURN false;
END $$;

CREATE FUNCTION sofs_pause_released(s bigint, scene_id text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT sofs_in_session(s) AND EXISTS (SELECT 1 FROM live_pauses WHERE session = s AND scene = scene_id) $$;

-- How many members wait at a pause not yet released (the trainer's "12 of 20 are here").
CREATE FUNCTION sofs_waiting_at(s bigint, scene_id text) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT CASE WHEN sofs_in_session(s) THEN (SELECT count(*)::integer FROM live_waiting w
    WHERE w.session = s AND w.scene = scene_id) END $$;

-- The trainer releases a pause: every waiting program is woken at once.
CREATE FUNCTION sofs_release_pause(s bigint, scene_id text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE n integer;
BEGIN
  IF sofs_session_trainer(s) IS DISTINCT FROM sofs_me() THEN
    RAISE EXCEPTION 'only the session''s trainer may release a pause' USING ERRCODE = '42501';
  END IF;
  INSERT INTO live_pauses(session, scene, released_ms) VALUES (s, scene_id, sofs_now_ms()) ON CONFLICT DO NOTHING;
  SELECT count(*)::integer INTO n FROM live_waiting WHERE session = s AND scene = scene_id;
  PERFORM pg_notify('sofs_live_' || s, '{"changed":"pause-released"}');
  RETURN n;
END $$;

REVOKE ALL ON FUNCTION sofs_reach_pause, sofs_pause_released, sofs_waiting_at, sofs_release_pause FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sofs_reach_pause, sofs_pause_released, sofs_waiting_at, sofs_release_pause
  TO sofs_trainees, sofs_trainers, sofs_admins;
