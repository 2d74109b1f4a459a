-- Godwit 0.1: first release. The metadata segment stores one row per
-- embedding and segment, its typed key/value metadata, and a full-text index
-- over document strings (substring search via the trigram tokenizer).
-- Dialect-only (exclude from a schema-equality comparison):
--   SQLite only: embedding_fulltext_search is an FTS5 virtual table. FTS5
--   creates the shadow tables embedding_fulltext_search_data,
--   embedding_fulltext_search_idx, embedding_fulltext_search_content,
--   embedding_fulltext_search_docsize and embedding_fulltext_search_config.
--   Its key is the hidden rowid (= embeddings.id), not listed by table_info.
--   AUTOINCREMENT on embeddings.id uses the internal sqlite_sequence table.
--   PostgreSQL only: embedding_fulltext_search.rowid (explicit key, same
--   role as the FTS5 rowid) and embedding_fulltext_search.string_value_tsv
--   (generated tsvector, GIN-indexed).
CREATE TABLE embeddings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    segment_id TEXT NOT NULL,
    embedding_id TEXT NOT NULL,
    seq_id INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (segment_id, embedding_id)
);

CREATE TABLE embedding_metadata (
    id INTEGER NOT NULL REFERENCES embeddings (id),
    key TEXT NOT NULL,
    string_value TEXT,
    int_value INTEGER,
    float_value REAL,
    bool_value INTEGER,
    PRIMARY KEY (id, key)
);

CREATE VIRTUAL TABLE embedding_fulltext_search USING fts5(string_value, tokenize = 'trigram');
