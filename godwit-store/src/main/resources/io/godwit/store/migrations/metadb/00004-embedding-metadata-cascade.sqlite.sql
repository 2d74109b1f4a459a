-- Godwit 0.6: deleting an embedding left its metadata rows behind. The
-- foreign key embedding_metadata.id -> embeddings.id now cascades deletes.
-- SQLite cannot alter a constraint, so embedding_metadata (a child table
-- only, nothing references it) is rebuilt: copy, drop, rename, re-index.
-- Metadata rows whose embedding is already gone (left over by the old
-- behaviour) are not copied.
CREATE TABLE embedding_metadata_new (
    id INTEGER NOT NULL REFERENCES embeddings (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    string_value TEXT,
    int_value INTEGER,
    float_value REAL,
    bool_value INTEGER,
    PRIMARY KEY (id, key)
);

INSERT INTO embedding_metadata_new (id, key, string_value, int_value, float_value, bool_value)
SELECT id, key, string_value, int_value, float_value, bool_value
FROM embedding_metadata
WHERE id IN (SELECT id FROM embeddings);

DROP TABLE embedding_metadata;

ALTER TABLE embedding_metadata_new RENAME TO embedding_metadata;

CREATE INDEX embedding_metadata_string_idx ON embedding_metadata (key, string_value);

CREATE INDEX embedding_metadata_int_idx ON embedding_metadata (key, int_value);

CREATE INDEX embedding_metadata_float_idx ON embedding_metadata (key, float_value);

CREATE INDEX embedding_metadata_bool_idx ON embedding_metadata (key, bool_value);
