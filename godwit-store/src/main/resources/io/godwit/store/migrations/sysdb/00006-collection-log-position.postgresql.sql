-- Godwit 0.6: compaction. A collection records the queue position (seq_id)
-- up to which its segments have been compacted, and a version that is bumped
-- on every compaction. Existing collections start at position 0, version 0,
-- so the first compaction replays their whole queue.
ALTER TABLE collections ADD COLUMN log_position bigint NOT NULL DEFAULT 0;

ALTER TABLE collections ADD COLUMN version integer NOT NULL DEFAULT 0;
