-- Godwit 0.2.0: the record store.
-- * Array metadata values (a list of one type) go one row per element into
--   embedding_metadata_array; an array key has no row in embedding_metadata.
-- * A record keeps its vector and uri in its embeddings row: the database is
--   the source of truth, readable without the log (vectors written by 0.1.0
--   are copied from the queue entry that added them).
-- * Records are read in insertion order within a segment, hence the index.
-- * max_seq_id also records the store epoch of its position and the segment's
--   record count (so count is one row read); rows are made for segments
--   written by 0.1.0, which never recorded a position.
CREATE TABLE embedding_metadata_array (
    id INTEGER NOT NULL REFERENCES embeddings (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    ord INTEGER NOT NULL,
    string_value TEXT,
    int_value INTEGER,
    float_value REAL,
    bool_value INTEGER,
    PRIMARY KEY (id, key, ord)
);

CREATE INDEX embedding_metadata_array_string_idx ON embedding_metadata_array (key, string_value);

CREATE INDEX embedding_metadata_array_int_idx ON embedding_metadata_array (key, int_value);

CREATE INDEX embedding_metadata_array_float_idx ON embedding_metadata_array (key, float_value);

CREATE INDEX embedding_metadata_array_bool_idx ON embedding_metadata_array (key, bool_value);

ALTER TABLE embeddings ADD COLUMN vector BLOB;

ALTER TABLE embeddings ADD COLUMN uri TEXT;

UPDATE embeddings SET vector = (SELECT q.vector FROM embeddings_queue q WHERE q.seq_id = embeddings.seq_id);

CREATE INDEX embeddings_segment_order_idx ON embeddings (segment_id, id);

ALTER TABLE max_seq_id ADD COLUMN epoch TEXT;

ALTER TABLE max_seq_id ADD COLUMN record_count INTEGER NOT NULL DEFAULT 0;

UPDATE max_seq_id SET record_count = (SELECT count(*) FROM embeddings e WHERE e.segment_id = max_seq_id.segment_id);

INSERT INTO max_seq_id (segment_id, seq_id, record_count)
SELECT segment_id, max(seq_id), count(*) FROM embeddings
WHERE segment_id NOT IN (SELECT segment_id FROM max_seq_id)
GROUP BY segment_id;
