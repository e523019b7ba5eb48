-- Records as revisions: nothing is overwritten (docs/decisions/0002-revision-store.md).

CREATE TABLE hearth_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO hearth_meta (key, value) VALUES ('application', 'hearth');

-- Every version of every record, in the order written. Rows are only ever inserted.
CREATE TABLE record_revision (
  seq         INTEGER PRIMARY KEY,
  kind        TEXT    NOT NULL,
  la_code     TEXT    NOT NULL,
  record_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL CHECK (revision >= 1),
  child_id    TEXT    NOT NULL DEFAULT '',
  recorded_at TEXT    NOT NULL,
  recorded_by TEXT    NOT NULL CHECK (recorded_by <> ''),
  reason      TEXT    NOT NULL CHECK (reason <> ''),
  withdrawn   INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
  body        TEXT    NOT NULL,
  UNIQUE (kind, la_code, record_id, revision)
);

-- Which revision is current for each record: an index over record_revision, kept in step by the
-- store in the same transaction as each write.
CREATE TABLE record_current (
  kind      TEXT    NOT NULL,
  la_code   TEXT    NOT NULL,
  record_id TEXT    NOT NULL,
  revision  INTEGER NOT NULL,
  seq       INTEGER NOT NULL REFERENCES record_revision (seq),
  child_id  TEXT    NOT NULL DEFAULT '',
  withdrawn INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, la_code, record_id)
) WITHOUT ROWID;
CREATE INDEX record_current_by_child ON record_current (la_code, child_id);

-- Search over current, not withdrawn, children: one row per child for sorting and listing, and
-- one row per name word (and the child id) for prefix search.
CREATE TABLE child_search (
  la_code  TEXT NOT NULL,
  child_id TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  PRIMARY KEY (la_code, child_id)
) WITHOUT ROWID;
CREATE INDEX child_search_sorted ON child_search (la_code, sort_key);

CREATE TABLE child_name_token (
  la_code  TEXT NOT NULL,
  token    TEXT NOT NULL,
  child_id TEXT NOT NULL,
  PRIMARY KEY (la_code, token, child_id)
) WITHOUT ROWID;
