package io.godwit.store.vector;

import io.godwit.internal.Log;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * When a segment writes its index file, and the writing: by size ({@link SegmentOptions#flushDueBySize}),
 * {@code flushInterval} after the indexer went idle with records unflushed, or when forced (close,
 * {@link HnswSegment#flush}); only by the folder's writer. Called from the segment's indexer (one
 * thread at a time, under its indexing lock), so the graph does not change while it is written.
 */
final class SegmentFlushes {
    private static final Log LOG = Log.get(SegmentFlushes.class);

    private final SegmentFiles files;
    private final SegmentOptions options;
    private final UUID epoch;
    private final IndexParams params;
    private final LongConsumer flushed;
    private final AtomicBoolean timerSet = new AtomicBoolean();
    private volatile long durableSeqId = -1;
    private volatile long unflushed;

    /** {@code files} null: in memory, never written; {@code flushed} told the seq_id of every file written. */
    SegmentFlushes(SegmentFiles files, SegmentOptions options, UUID epoch, IndexParams params, LongConsumer flushed) {
        this.files = files;
        this.options = options;
        this.epoch = epoch;
        this.params = params;
        this.flushed = flushed;
    }

    boolean writer() {
        return files != null && files.writer();
    }

    /** The segment was opened from a file covering {@code seqId}. */
    void opened(long seqId) {
        durableSeqId = seqId;
    }

    /** The position the index file covers (-1: none written). */
    long durableSeqId() {
        return durableSeqId;
    }

    /** {@code n} more records went into the graph. */
    void indexed(int n) {
        unflushed += n;
    }

    /**
     * Writes {@code index} when due (always when {@code force} and anything is unflushed), as covering
     * {@code position}'s answer: the seq_id the graph holds, or -1 when no file may be written now.
     */
    void maybe(boolean force, HnswIndex index, LongSupplier position) {
        if (!writer()) {
            return;
        }
        boolean due = force ? unflushed > 0 || durableSeqId < 0 : options.flushDueBySize(unflushed, index.size());
        long at = due ? position.getAsLong() : -1;
        if (at < 0) {
            return;
        }
        try {
            files.save(new IndexHeader(epoch, at, params), index);
            durableSeqId = at;
            unflushed = 0;
            flushed.accept(at);
        } catch (IOException e) {
            LOG.warn("vector index {}: cannot write it ({}); it will be rebuilt or caught up from the log on the next open",
                    files.index(), e.toString());
        }
    }

    /** Once idle with unflushed records: runs {@code flush} {@code flushInterval} later (unless a timer is set already). */
    void scheduleTimed(Runnable flush) {
        if (!writer() || unflushed == 0 || !timerSet.compareAndSet(false, true)) {
            return;
        }
        Indexers.TIMER.schedule(() -> Indexers.POOL.execute(() -> {
            timerSet.set(false);
            flush.run();
        }), options.flushInterval().toMillis(), TimeUnit.MILLISECONDS);
    }
}
