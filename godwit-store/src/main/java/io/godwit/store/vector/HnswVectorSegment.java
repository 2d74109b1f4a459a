package io.godwit.store.vector;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * The {@link VectorSegment} the store uses: an {@link HnswSegment} behind the seam, opened on the
 * collection's first query (the dimension is known then) with the store's log read on that query's
 * connection, so that opening, catching up, rebuilding and searching all see the query's snapshot.
 *
 * <p>The HNSW segment keeps the log it was opened with for its own catching up; here that log is
 * {@link BoundLog}, which reads through whichever connection the calling thread is working in.
 */
public final class HnswVectorSegment implements VectorSegment {
    private final Context context;
    private final Path dir;
    private final Function<Connection, VectorLog> logs;
    private final LongConsumer flushed;
    private final BoundLog bound = new BoundLog();
    private volatile HnswSegment segment;
    private volatile boolean dropped;

    /**
     * A segment of {@code context}'s collection: its files in {@code dir} (null: memory only), its
     * log read by {@code logs} on a given connection, and {@code flushed} told the seq_id each index
     * file written covers (so the store records the position and keeps the log after it).
     */
    public HnswVectorSegment(Context context, Path dir, Function<Connection, VectorLog> logs, LongConsumer flushed) {
        this.context = context;
        this.dir = dir;
        this.logs = logs;
        this.flushed = flushed;
    }

    @Override
    public List<List<Neighbour>> search(Connection reader, List<float[]> queries, int k, long[] candidates) {
        VectorLog log = logs.apply(reader);
        return bound.with(log, () -> {
            HnswSegment s = opened(log, queries.get(0).length);
            Candidates admitted = candidates == null ? null : Candidates.of(candidates);
            List<List<Neighbour>> out = new ArrayList<>(queries.size());
            for (float[] q : queries) {
                List<Neighbour> one = new ArrayList<>(k);
                for (Hit h : s.search(log, q, k, admitted, s.params().efSearch())) {
                    one.add(new Neighbour(h.id(), h.distance()));
                }
                out.add(one);
            }
            return out;
        });
    }

    /** Hands the write to the open segment (none before the first query), then waits while its tail is over the bound. */
    @Override
    public void logged(long after, long last, List<LogEntry> entries) {
        HnswSegment s = segment;
        if (s != null) {
            s.offer(after, last, entries);
            s.awaitRoom();
        }
    }

    private HnswSegment opened(VectorLog log, int dimension) {
        HnswSegment s = segment;
        if (s == null) {
            synchronized (this) {
                s = segment;
                if (s == null) {
                    IndexParams params = IndexParams.of(context.configuration(), dimension);
                    long start = System.nanoTime();
                    s = HnswSegment.open(params, UUID.fromString(context.epoch()), dir, bound,
                            SegmentOptions.of(context.configuration()), flushed);
                    if (dir != null && s.origin().startsWith("rebuilt")) {
                        context.listener().indexRebuilt(context.collection(), reason(s.origin()), s.pendingCount(),
                                java.time.Duration.ofNanos(System.nanoTime() - start));
                    }
                    segment = s;
                }
            }
        }
        return s;
    }

    /** The listener's few words for why a segment was rebuilt (its origin says it in full). */
    private static String reason(String origin) {
        return origin.endsWith(": missing") ? "missing" : origin.contains("another life") ? "epoch changed"
                : origin.contains("was built with") ? "configuration changed" : origin.contains("no longer holds")
                ? "log purged" : origin.contains("log ends at") ? "restored" : "damaged";
    }

    /** The opened segment, or null before the first query: for tests and benchmarks. */
    public HnswSegment segment() {
        return segment;
    }

    @Override
    public long indexedSeqId() {
        HnswSegment s = segment;
        return s == null ? 0 : s.graphSeqId();
    }

    @Override
    public long heldSeqId() {
        HnswSegment s = segment;
        return s == null ? Long.MAX_VALUE : s.seenSeqId();
    }

    /** Deleted or reconfigured: the files go (close then writes nothing). */
    @Override
    public void dropped() {
        dropped = true;
    }

    @Override
    public synchronized void close() {
        HnswSegment s = segment;
        segment = null;
        if (s != null) {
            if (dropped) {
                s.abandon();
            } else {
                s.close();
            }
        }
        if (dropped && dir != null) {
            SegmentFiles.delete(dir);
        }
    }
}
