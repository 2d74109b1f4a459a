-- Godwit 0.1: first release. Every write (add, update, upsert, delete) is
-- appended to a durable queue, ordered by seq_id, and consumed per topic by
-- the segments.
-- Dialect-only: seq_id AUTOINCREMENT makes SQLite create its internal
-- sqlite_sequence table, which has no PostgreSQL counterpart (PostgreSQL uses
-- an identity column instead).
CREATE TABLE embeddings_queue (
    seq_id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    operation INTEGER NOT NULL,
    topic TEXT NOT NULL,
    id TEXT NOT NULL,
    vector BLOB,
    encoding TEXT,
    metadata TEXT
);
