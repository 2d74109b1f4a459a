package io.godwit.store;

import java.util.UUID;

/**
 * How far one collection's vector index is behind its log, as seen by one client: {@code logSeqId}
 * is the last seq_id written to the collection (its metadata segment's position), {@code indexedSeqId}
 * the last one the index holds in its graph (everything after it is scanned exactly by each query, so
 * the lag costs speed, never correctness). An exact-scan segment never lags: both are equal.
 * {@link GodwitClient#indexStatus()} gives one per collection whose segment is open in the client.
 */
public record IndexStatus(UUID collectionId, String collection, long indexedSeqId, long logSeqId) {

    /** Log entries written but not yet in the index's graph (0 when caught up). */
    public long lag() {
        return Math.max(0, logSeqId - indexedSeqId);
    }
}
