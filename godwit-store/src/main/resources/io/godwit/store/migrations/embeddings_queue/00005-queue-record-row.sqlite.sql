-- Godwit 0.2.0: the vector index. Each log entry also names the record's row
-- (embeddings.id, stable for the record's life), which the vector index is
-- keyed by: a delete's row is gone from embeddings when the index reads the
-- entry, so it could not be looked up. Null in entries written before 0.2.0
-- (a vector index never holds a position among those: it rebuilds instead).
ALTER TABLE embeddings_queue ADD COLUMN record_row INTEGER;
