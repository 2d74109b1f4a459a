-- Godwit 0.2: each segment remembers the highest queue seq_id it has
-- applied, so that after a restart it resumes consuming the embeddings queue
-- where it stopped instead of replaying it from the start.
CREATE TABLE max_seq_id (
    segment_id text PRIMARY KEY,
    seq_id bigint NOT NULL
);
