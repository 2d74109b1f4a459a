-- Godwit 0.2: collections are stored as segments (a vector segment and a
-- metadata segment per collection), and both collections and segments can
-- carry typed key/value metadata (one value column per type).
CREATE TABLE segments (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    scope TEXT NOT NULL,
    topic TEXT,
    collection TEXT NOT NULL REFERENCES collections (id) ON DELETE CASCADE
);

CREATE INDEX segments_collection_idx ON segments (collection);

CREATE TABLE segment_metadata (
    segment_id TEXT NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    str_value TEXT,
    int_value INTEGER,
    float_value REAL,
    bool_value INTEGER,
    PRIMARY KEY (segment_id, key)
);

CREATE TABLE collection_metadata (
    collection_id TEXT NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    str_value TEXT,
    int_value INTEGER,
    float_value REAL,
    bool_value INTEGER,
    PRIMARY KEY (collection_id, key)
);
