package io.godwit.store.vector;

import io.godwit.store.CollectionConfiguration;
import java.time.Duration;

/**
 * How a segment moves log entries into its graph and its file. {@code batchSize} (Chroma's
 * {@code batch_size}): entries moved into the graph at once, under the write lock, so the longest a
 * query waits for a writer. Flushing writes the whole file, so it is paced by the file's size, not
 * every {@code sync_threshold} records: after {@code max(syncThreshold, flushFraction x indexed)}
 * newly indexed records (so a bulk load rewrites the file a few times, not once per threshold), or,
 * once the indexer is idle, {@code flushInterval} after the first unflushed one; always on close.
 * {@code exactBelow}: a filtered query with at most that many candidates is answered by an exact
 * scan of them instead of a filtered graph search (measured: README, "Vector index").
 * {@code maxPending}: about the most records the pending tail (scanned exactly by every query) holds
 * while writes of this process are paced by the indexer: half for the bulk being linked ({@link
 * #bulkMax}), half for records waiting for the indexer to begin them ({@link #waitingBound}), over
 * which a write waits, at most {@code maxPendingWait} (README, "How a query is answered").
 */
public record SegmentOptions(int batchSize, int syncThreshold, double flushFraction, Duration flushInterval,
                             int exactBelow, int maxPending, Duration maxPendingWait) {

    /**
     * Measured on 100,000 records ({@code BuildRate}, README "Vector index"): an exact scan of the
     * candidates and a filtered graph search cross between 8,000 and 10,000 candidates (4.8 against
     * 5.3 ms at 8,000; 5.0 against 2.9 ms at 10,000), and below that the scan is faster, by far
     * for few candidates (0.7 against 38 ms at 1,000).
     */
    public static final int DEFAULT_EXACT_BELOW = 8_000;
    public static final int DEFAULT_MAX_PENDING = 5_000;
    public static final Duration DEFAULT_MAX_PENDING_WAIT = Duration.ofSeconds(5);

    /** With the default bound of the pending tail. */
    public SegmentOptions(int batchSize, int syncThreshold, double flushFraction, Duration flushInterval, int exactBelow) {
        this(batchSize, syncThreshold, flushFraction, flushInterval, exactBelow, DEFAULT_MAX_PENDING,
                DEFAULT_MAX_PENDING_WAIT);
    }

    public static SegmentOptions of(CollectionConfiguration c) {
        return new SegmentOptions(c.batchSize(), c.syncThreshold(), 0.5, Duration.ofSeconds(30), DEFAULT_EXACT_BELOW);
    }

    public SegmentOptions withExactBelow(int value) {
        return new SegmentOptions(batchSize, syncThreshold, flushFraction, flushInterval, value, maxPending, maxPendingWait);
    }

    public SegmentOptions withFlushInterval(Duration value) {
        return new SegmentOptions(batchSize, syncThreshold, flushFraction, value, exactBelow, maxPending, maxPendingWait);
    }

    public SegmentOptions withMaxPending(int records, Duration wait) {
        return new SegmentOptions(batchSize, syncThreshold, flushFraction, flushInterval, exactBelow, records, wait);
    }

    /** The most entries one bulk takes (the index may take more when a hundredth of it is more: {@link HnswIndex#batchSize}). */
    int bulkMax() {
        return Math.max(1, maxPending / 2);
    }

    /** The most records that may wait for the indexer to begin them before a write of this process waits. */
    int waitingBound() {
        return maxPending - bulkMax();
    }

    /** True when {@code unflushed} newly indexed records call for a flush by their number. */
    boolean flushDueBySize(long unflushed, long indexed) {
        return unflushed > 0 && unflushed >= Math.max(syncThreshold, (long) (flushFraction * indexed));
    }
}
