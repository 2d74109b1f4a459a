package io.godwit.store.vector;

/**
 * One log entry as the vector segment sees it: at {@code seqId}, record {@code recordId} (its
 * {@code embeddings} row id) took {@code vector}, or was deleted when the vector is null; or, with
 * {@link #none}, an entry that leaves every vector as it was (an update of metadata or documents
 * only), which the segment reads past without changing anything.
 */
public record LogEntry(long seqId, long recordId, float[] vector) {
    private static final long NONE = -1;

    public static LogEntry none(long seqId) {
        return new LogEntry(seqId, NONE, null);
    }

    public boolean isNone() {
        return recordId == NONE;
    }

    public static LogEntry delete(long seqId, long recordId) {
        return new LogEntry(seqId, recordId, null);
    }
}
