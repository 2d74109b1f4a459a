-- Godwit 0.5: consumers read the queue by topic, from their last seq_id
-- onwards and in seq_id order, which scanned the whole queue once it grew.
-- Index (topic, seq_id).
CREATE INDEX embeddings_queue_topic_seq_idx ON embeddings_queue (topic, seq_id);
