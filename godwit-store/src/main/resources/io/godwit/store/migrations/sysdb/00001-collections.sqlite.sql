-- Godwit 0.1: first release. A collection is a named group of embeddings
-- fed from one queue topic. The vector dimension is not tracked yet.
-- Name uniqueness is a separate, named unique index (not an inline UNIQUE)
-- so that later releases can change its scope without rebuilding the table.
CREATE TABLE collections (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    topic TEXT NOT NULL
);

CREATE UNIQUE INDEX collections_name_uniq ON collections (name);
