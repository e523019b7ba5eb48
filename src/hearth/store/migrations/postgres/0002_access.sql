-- Who may see what (issue 4): accounts, passwords, sessions, failed sign-ins, restricted-record
-- lists, break-glass grants and the audit log (docs/decisions/0006-access-and-audit.md); and the
-- fields of a child's record that access decisions and "My work" look up.

CREATE TABLE account_revision (
  account_id      TEXT COLLATE "C" NOT NULL,
  revision        INTEGER NOT NULL CHECK (revision >= 1),
  username        TEXT COLLATE "C" NOT NULL,
  display_name    TEXT NOT NULL,
  role            TEXT COLLATE "C" NOT NULL,
  la_code         TEXT COLLATE "C" NOT NULL,
  team_id         TEXT COLLATE "C" NOT NULL,
  agency_id       TEXT COLLATE "C" NOT NULL,
  practitioner_id TEXT COLLATE "C" NOT NULL,
  disabled        INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  recorded_at     TEXT NOT NULL,
  recorded_by     TEXT NOT NULL CHECK (recorded_by <> ''),
  reason          TEXT NOT NULL CHECK (reason <> ''),
  PRIMARY KEY (account_id, revision)
);

CREATE TABLE account_current (
  account_id TEXT COLLATE "C" PRIMARY KEY,
  username   TEXT COLLATE "C" NOT NULL UNIQUE,
  revision   INTEGER NOT NULL
);

CREATE TABLE account_password (
  account_id    TEXT COLLATE "C" PRIMARY KEY REFERENCES account_current (account_id),
  password_hash TEXT NOT NULL,
  changed_at    TEXT NOT NULL
);

CREATE TABLE session (
  token_hash   TEXT COLLATE "C" PRIMARY KEY,
  account_id   TEXT COLLATE "C" NOT NULL REFERENCES account_current (account_id),
  csrf_token   TEXT NOT NULL,
  created_at   TEXT COLLATE "C" NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  revoked_at   TEXT,
  address      TEXT NOT NULL,
  user_agent   TEXT NOT NULL
);
CREATE INDEX session_by_account ON session (account_id, created_at);

CREATE TABLE sign_in_failure (
  scope   TEXT COLLATE "C" NOT NULL,
  subject TEXT COLLATE "C" NOT NULL,
  at      TEXT COLLATE "C" NOT NULL
);
CREATE INDEX sign_in_failure_by_subject ON sign_in_failure (scope, subject, at);

CREATE TABLE restricted_member_change (
  seq         BIGSERIAL PRIMARY KEY,
  la_code     TEXT COLLATE "C" NOT NULL,
  child_id    TEXT COLLATE "C" NOT NULL,
  account_id  TEXT COLLATE "C" NOT NULL,
  member      INTEGER NOT NULL CHECK (member IN (0, 1)),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL CHECK (recorded_by <> ''),
  reason      TEXT NOT NULL CHECK (reason <> '')
);
CREATE TABLE restricted_member (
  la_code    TEXT COLLATE "C" NOT NULL,
  child_id   TEXT COLLATE "C" NOT NULL,
  account_id TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (la_code, child_id, account_id)
);

CREATE TABLE break_glass (
  seq        BIGSERIAL PRIMARY KEY,
  account_id TEXT COLLATE "C" NOT NULL,
  la_code    TEXT COLLATE "C" NOT NULL,
  child_id   TEXT COLLATE "C" NOT NULL,
  reason     TEXT NOT NULL CHECK (reason <> ''),
  at         TEXT COLLATE "C" NOT NULL,
  expires_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX break_glass_by_child ON break_glass (la_code, child_id, seq);
CREATE INDEX break_glass_by_account ON break_glass (account_id, la_code, child_id, seq);

CREATE TABLE audit_entry (
  seq        BIGINT PRIMARY KEY,
  at         TEXT NOT NULL,
  actor_id   TEXT COLLATE "C" NOT NULL,
  actor_name TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  action     TEXT NOT NULL,
  outcome    TEXT NOT NULL,
  la_code    TEXT COLLATE "C" NOT NULL,
  child_id   TEXT COLLATE "C" NOT NULL,
  target     TEXT NOT NULL,
  reason     TEXT NOT NULL,
  address    TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);
CREATE INDEX audit_by_child ON audit_entry (la_code, child_id, seq);
CREATE INDEX audit_by_actor ON audit_entry (actor_id, seq);
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
-- The trails of restricted lists and break-glass grants are append-only too.
CREATE TRIGGER restricted_member_change_no_change BEFORE UPDATE OR DELETE ON restricted_member_change
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER break_glass_no_change BEFORE UPDATE OR DELETE ON break_glass
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();

CREATE TABLE audit_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  BIGINT NOT NULL,
  hash TEXT   NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

ALTER TABLE child_search ADD COLUMN team_id TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE child_search ADD COLUMN allocated_worker_id TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE child_search ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
UPDATE child_search s SET
  team_id = coalesce(r.body::json ->> 'team_id', ''),
  allocated_worker_id = coalesce(r.body::json ->> 'allocated_worker_id', ''),
  restricted = CASE WHEN r.body::json ->> 'restricted' = 'true' THEN 1 ELSE 0 END
FROM record_current c JOIN record_revision r ON r.seq = c.seq
WHERE c.kind = 'child' AND c.la_code = s.la_code AND c.record_id = s.child_id;
CREATE INDEX child_search_by_worker ON child_search (la_code, allocated_worker_id);
CREATE INDEX child_search_by_team ON child_search (la_code, team_id);
CREATE INDEX child_name_token_by_child ON child_name_token (la_code, child_id);

CREATE TABLE agency_record_search (
  la_code   TEXT COLLATE "C" NOT NULL,
  agency_id TEXT COLLATE "C" NOT NULL,
  recorded  TEXT COLLATE "C" NOT NULL,
  record_id TEXT COLLATE "C" NOT NULL,
  local_ref TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (la_code, agency_id, recorded, record_id)
);
INSERT INTO agency_record_search (la_code, agency_id, recorded, record_id, local_ref)
SELECT c.la_code, coalesce(r.body::json ->> 'agency_id', ''),
       coalesce(r.body::json ->> 'recorded', ''), c.record_id,
       lower(coalesce(r.body::json ->> 'local_ref', ''))
FROM record_current c JOIN record_revision r ON r.seq = c.seq
WHERE c.kind = 'agency_record' AND c.withdrawn = 0;
