-- Records as revisions: nothing is overwritten (docs/decisions/0002-revision-store.md).
-- Text keys use the C collation so that prefix ranges and ordering are bytewise, as on SQLite.

CREATE TABLE hearth_meta (
  key   TEXT COLLATE "C" PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO hearth_meta (key, value) VALUES ('application', 'hearth');

CREATE TABLE record_revision (
  seq         BIGSERIAL PRIMARY KEY,
  kind        TEXT COLLATE "C" NOT NULL,
  la_code     TEXT COLLATE "C" NOT NULL,
  record_id   TEXT COLLATE "C" NOT NULL,
  revision    INTEGER NOT NULL CHECK (revision >= 1),
  child_id    TEXT COLLATE "C" NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL CHECK (recorded_by <> ''),
  reason      TEXT NOT NULL CHECK (reason <> ''),
  withdrawn   INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
  body        TEXT NOT NULL,
  UNIQUE (kind, la_code, record_id, revision)
);

CREATE TABLE record_current (
  kind      TEXT COLLATE "C" NOT NULL,
  la_code   TEXT COLLATE "C" NOT NULL,
  record_id TEXT COLLATE "C" NOT NULL,
  revision  INTEGER NOT NULL,
  seq       BIGINT NOT NULL REFERENCES record_revision (seq),
  child_id  TEXT COLLATE "C" NOT NULL DEFAULT '',
  withdrawn INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, la_code, record_id)
);
CREATE INDEX record_current_by_child ON record_current (la_code, child_id);

CREATE TABLE child_search (
  la_code  TEXT COLLATE "C" NOT NULL,
  child_id TEXT COLLATE "C" NOT NULL,
  sort_key TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (la_code, child_id)
);
CREATE INDEX child_search_sorted ON child_search (la_code, sort_key);

CREATE TABLE child_name_token (
  la_code  TEXT COLLATE "C" NOT NULL,
  token    TEXT COLLATE "C" NOT NULL,
  child_id TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (la_code, token, child_id)
);
