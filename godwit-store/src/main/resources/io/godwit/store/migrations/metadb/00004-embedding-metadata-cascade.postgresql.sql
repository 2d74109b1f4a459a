-- Godwit 0.6: deleting an embedding left its metadata rows behind. The
-- foreign key embedding_metadata.id -> embeddings.id now cascades deletes.
-- PostgreSQL always enforced this key, so there are no orphaned rows to
-- clean up (the SQLite scope drops them while rebuilding the table).
ALTER TABLE embedding_metadata
    DROP CONSTRAINT embedding_metadata_id_fkey,
    ADD CONSTRAINT embedding_metadata_id_fkey
        FOREIGN KEY (id) REFERENCES embeddings (id) ON DELETE CASCADE;
