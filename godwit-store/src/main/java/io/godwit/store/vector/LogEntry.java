package io.godwit.store.vector;

/**
 * One log entry as the vector segment sees it: at {@code seqId}, record {@code recordId} (its
 * {@code embeddings} row id) took {@code vector}, or was deleted when the vector is null.
 */
public record LogEntry(long seqId, long recordId, float[] vector) {

    public static LogEntry delete(long seqId, long recordId) {
        return new LogEntry(seqId, recordId, null);
    }
}
