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
 */
public record SegmentOptions(int batchSize, int syncThreshold, double flushFraction, Duration flushInterval,
                             int exactBelow) {

    public static final int DEFAULT_EXACT_BELOW = 4_000;

    public static SegmentOptions of(CollectionConfiguration c) {
        return new SegmentOptions(c.batchSize(), c.syncThreshold(), 0.5, Duration.ofSeconds(30), DEFAULT_EXACT_BELOW);
    }

    public SegmentOptions withExactBelow(int value) {
        return new SegmentOptions(batchSize, syncThreshold, flushFraction, flushInterval, value);
    }

    public SegmentOptions withFlushInterval(Duration value) {
        return new SegmentOptions(batchSize, syncThreshold, flushFraction, value, exactBelow);
    }

    /** True when {@code unflushed} newly indexed records call for a flush by their number. */
    boolean flushDueBySize(long unflushed, long indexed) {
        return unflushed > 0 && unflushed >= Math.max(syncThreshold, (long) (flushFraction * indexed));
    }
}
