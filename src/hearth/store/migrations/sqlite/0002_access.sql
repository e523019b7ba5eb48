-- Who may see what (issue 4): accounts, passwords, sessions, failed sign-ins, restricted-record
-- lists, break-glass grants and the audit log (docs/decisions/0006-access-and-audit.md); and the
-- fields of a child's record that access decisions and "My work" look up.

-- Accounts are records: every version kept, with who, when and why.
CREATE TABLE account_revision (
  account_id      TEXT    NOT NULL,
  revision        INTEGER NOT NULL CHECK (revision >= 1),
  username        TEXT    NOT NULL,
  display_name    TEXT    NOT NULL,
  role            TEXT    NOT NULL,
  la_code         TEXT    NOT NULL,
  team_id         TEXT    NOT NULL,
  agency_id       TEXT    NOT NULL,
  practitioner_id TEXT    NOT NULL,
  disabled        INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  recorded_at     TEXT    NOT NULL,
  recorded_by     TEXT    NOT NULL CHECK (recorded_by <> ''),
  reason          TEXT    NOT NULL CHECK (reason <> ''),
  PRIMARY KEY (account_id, revision)
) WITHOUT ROWID;

CREATE TABLE account_current (
  account_id TEXT    PRIMARY KEY,
  username   TEXT    NOT NULL UNIQUE,
  revision   INTEGER NOT NULL
) WITHOUT ROWID;

-- A secret, not a record: replaced on reset (the reset is a revision of the account).
CREATE TABLE account_password (
  account_id    TEXT PRIMARY KEY REFERENCES account_current (account_id),
  password_hash TEXT NOT NULL,
  changed_at    TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE session (
  token_hash   TEXT PRIMARY KEY,
  account_id   TEXT NOT NULL REFERENCES account_current (account_id),
  csrf_token   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  revoked_at   TEXT,
  address      TEXT NOT NULL,
  user_agent   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX session_by_account ON session (account_id, created_at);

CREATE TABLE sign_in_failure (
  scope   TEXT NOT NULL,
  subject TEXT NOT NULL,
  at      TEXT NOT NULL
);
CREATE INDEX sign_in_failure_by_subject ON sign_in_failure (scope, subject, at);

-- Who is on a restricted child's list: every change kept; restricted_member is the current list.
CREATE TABLE restricted_member_change (
  seq         INTEGER PRIMARY KEY,
  la_code     TEXT    NOT NULL,
  child_id    TEXT    NOT NULL,
  account_id  TEXT    NOT NULL,
  member      INTEGER NOT NULL CHECK (member IN (0, 1)),
  recorded_at TEXT    NOT NULL,
  recorded_by TEXT    NOT NULL CHECK (recorded_by <> ''),
  reason      TEXT    NOT NULL CHECK (reason <> '')
);
CREATE TABLE restricted_member (
  la_code    TEXT NOT NULL,
  child_id   TEXT NOT NULL,
  account_id TEXT NOT NULL,
  PRIMARY KEY (la_code, child_id, account_id)
) WITHOUT ROWID;

CREATE TABLE break_glass (
  seq        INTEGER PRIMARY KEY,
  account_id TEXT NOT NULL,
  la_code    TEXT NOT NULL,
  child_id   TEXT NOT NULL,
  reason     TEXT NOT NULL CHECK (reason <> ''),
  at         TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX break_glass_by_child ON break_glass (la_code, child_id, seq);
CREATE INDEX break_glass_by_account ON break_glass (account_id, la_code, child_id, seq);

-- The audit log: append-only, each entry chained to the one before by its hash.
CREATE TABLE audit_entry (
  seq        INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor_id   TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  action     TEXT NOT NULL,
  outcome    TEXT NOT NULL,
  la_code    TEXT NOT NULL,
  child_id   TEXT NOT NULL,
  target     TEXT NOT NULL,
  reason     TEXT NOT NULL,
  address    TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);
CREATE INDEX audit_by_child ON audit_entry (la_code, child_id, seq);
CREATE INDEX audit_by_actor ON audit_entry (actor_id, seq);
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only');
END;
-- The trails of restricted lists and break-glass grants are append-only too.
CREATE TRIGGER restricted_member_change_no_update BEFORE UPDATE ON restricted_member_change
BEGIN
  SELECT RAISE(ABORT, 'the restricted-list trail is append-only');
END;
CREATE TRIGGER restricted_member_change_no_delete BEFORE DELETE ON restricted_member_change
BEGIN
  SELECT RAISE(ABORT, 'the restricted-list trail is append-only');
END;
CREATE TRIGGER break_glass_no_update BEFORE UPDATE ON break_glass
BEGIN
  SELECT RAISE(ABORT, 'break-glass grants are append-only');
END;
CREATE TRIGGER break_glass_no_delete BEFORE DELETE ON break_glass
BEGIN
  SELECT RAISE(ABORT, 'break-glass grants are append-only');
END;

-- The last entry written: a removed tail of the log shows against it.
CREATE TABLE audit_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash TEXT    NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- The child's allocation and restriction, for "My work" and for hiding restricted children.
ALTER TABLE child_search ADD COLUMN team_id TEXT NOT NULL DEFAULT '';
ALTER TABLE child_search ADD COLUMN allocated_worker_id TEXT NOT NULL DEFAULT '';
ALTER TABLE child_search ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
UPDATE child_search SET
  team_id = coalesce((SELECT json_extract(r.body, '$.team_id') FROM record_current c
                      JOIN record_revision r ON r.seq = c.seq
                      WHERE c.kind = 'child' AND c.la_code = child_search.la_code
                        AND c.record_id = child_search.child_id), ''),
  allocated_worker_id = coalesce((SELECT json_extract(r.body, '$.allocated_worker_id')
                                  FROM record_current c JOIN record_revision r ON r.seq = c.seq
                                  WHERE c.kind = 'child' AND c.la_code = child_search.la_code
                                    AND c.record_id = child_search.child_id), ''),
  restricted = coalesce((SELECT json_extract(r.body, '$.restricted') FROM record_current c
                         JOIN record_revision r ON r.seq = c.seq
                         WHERE c.kind = 'child' AND c.la_code = child_search.la_code
                           AND c.record_id = child_search.child_id), 0);
CREATE INDEX child_search_by_worker ON child_search (la_code, allocated_worker_id);
CREATE INDEX child_search_by_team ON child_search (la_code, team_id);
-- Re-indexing one child's name looked through the whole authority's tokens without this.
CREATE INDEX child_name_token_by_child ON child_name_token (la_code, child_id);

-- A partner agency's own records, newest first, for the agency's page.
CREATE TABLE agency_record_search (
  la_code   TEXT NOT NULL,
  agency_id TEXT NOT NULL,
  recorded  TEXT NOT NULL,
  record_id TEXT NOT NULL,
  local_ref TEXT NOT NULL,
  PRIMARY KEY (la_code, agency_id, recorded, record_id)
) WITHOUT ROWID;
INSERT INTO agency_record_search (la_code, agency_id, recorded, record_id, local_ref)
SELECT c.la_code, coalesce(json_extract(r.body, '$.agency_id'), ''),
       coalesce(json_extract(r.body, '$.recorded'), ''), c.record_id,
       lower(coalesce(json_extract(r.body, '$.local_ref'), ''))
FROM record_current c JOIN record_revision r ON r.seq = c.seq
WHERE c.kind = 'agency_record' AND c.withdrawn = 0;
