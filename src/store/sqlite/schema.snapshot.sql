CREATE TABLE derived_cache (
        key TEXT PRIMARY KEY,
        stamp TEXT NOT NULL, -- what the value was derived from; a different stamp means stale
        value TEXT NOT NULL
      ) STRICT;

CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, -- AUTOINCREMENT: a seq is never reused
        id TEXT UNIQUE NOT NULL,
        roadmap_id TEXT NOT NULL,
        node_id TEXT,
        type TEXT NOT NULL,
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        change_id TEXT NOT NULL,
        data TEXT NOT NULL -- JSON of the type-specific fields
      ) STRICT;

CREATE TABLE roadmaps (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        source_path TEXT,
        sha256 TEXT NOT NULL,
        model TEXT NOT NULL, -- JSON
        imported_at TEXT NOT NULL
      , source_unconfirmed INTEGER NOT NULL DEFAULT 0) STRICT;

CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) STRICT;

CREATE TABLE sync_bases (
        roadmap_id TEXT PRIMARY KEY,
        checked TEXT NOT NULL, -- JSON: nodeId -> boolean
        sha256 TEXT NOT NULL,
        synced_at TEXT NOT NULL
      ) STRICT;

CREATE INDEX events_by_change ON events (change_id);

CREATE INDEX events_by_node ON events (roadmap_id, node_id);

CREATE INDEX events_by_roadmap_seq ON events (roadmap_id, seq);
