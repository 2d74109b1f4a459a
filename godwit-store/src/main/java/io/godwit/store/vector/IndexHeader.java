package io.godwit.store.vector;

import java.util.UUID;

/**
 * What an index file says about itself: the store's epoch and the last log position (seq_id) its
 * records include, and the parameters its graph was built with. An index is trusted only for the
 * same epoch and a seq_id the log has reached; otherwise it belongs to another life of the store
 * (a reset, a restore, a rollback) and is rebuilt.
 */
public record IndexHeader(UUID epoch, long seqId, IndexParams params) {
}
