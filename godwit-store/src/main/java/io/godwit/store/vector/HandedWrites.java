package io.godwit.store.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The committed writes this process handed to a segment ({@link HnswSegment#offer}), so that it takes
 * them into its pending tail without reading them back from the log. Each write says which stretch of
 * the collection's log it is (the entries after seq_id {@code after} up to {@code last}); the segment
 * takes a write only when it continues exactly where the segment is ({@code after} = its position),
 * so writes handed out of order wait for the one before, and a write of another process in between
 * (a gap no hand-off fills) leaves them to the log, which the next query reads.
 *
 * <p>{@link #offer} from any thread, never blocking; {@link #take} from one thread at a time (the
 * segment's catch-up lock).
 */
final class HandedWrites {
    /** Writes kept waiting for an earlier one beyond this are forgotten, oldest first: the log holds them. */
    private static final int MAX_STAGED = 1_000;

    /** One committed write: the collection's log after {@code after} up to {@code last} is exactly {@code entries}. */
    record Write(long after, long last, List<LogEntry> entries) {
    }

    private final ConcurrentLinkedQueue<Write> queue = new ConcurrentLinkedQueue<>();
    private final TreeMap<Long, Write> staged = new TreeMap<>();
    /** Records in the queue: handed, and not yet looked at by {@link #take}. */
    private final AtomicInteger queued = new AtomicInteger();

    void offer(Write w) {
        queued.addAndGet(w.entries().size());
        queue.add(w);
    }

    /**
     * Records handed and not yet looked at: work for the indexer. Writes kept waiting for an earlier
     * one are not counted: only a query's read of the log (another process wrote between) moves the
     * segment on to them.
     */
    int queued() {
        return queued.get();
    }

    /**
     * The writes that continue the log from {@code position}, in order (each one after the one
     * before); forgets every write the position already covers.
     */
    List<Write> take(long position) {
        for (Write w; (w = queue.poll()) != null; ) {
            queued.addAndGet(-w.entries().size());
            staged.put(w.after(), w);
        }
        List<Write> out = new ArrayList<>();
        long at = position;
        while (true) {
            forgetUpTo(at);
            Write next = staged.remove(at);
            if (next == null) {
                break;
            }
            out.add(next);
            at = next.last();
        }
        while (staged.size() > MAX_STAGED) {
            staged.pollFirstEntry();
        }
        return out;
    }

    /** Writes never overlap (each is one transaction), so those starting before {@code at} end by it. */
    private void forgetUpTo(long at) {
        while (!staged.isEmpty() && staged.firstKey() < at) {
            staged.pollFirstEntry();
        }
    }
}
