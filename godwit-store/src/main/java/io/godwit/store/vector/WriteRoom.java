package io.godwit.store.vector;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Where writers wait while a segment's pending tail is over its bound (every query scans the tail
 * exactly, so an unbounded tail would make every query as slow as the indexer is behind): the indexer
 * signals after each batch it moves into the graph. A wait is bounded, so a stalled indexer costs
 * writes that bound, never a hang. Never signalled or waited on while holding the segment's lock.
 *
 * <p>Writers leave in the order they came (first in, first out): when there is room, only the writer
 * that has waited longest passes, then the next, so the waits are as long as the indexer is behind,
 * not a lottery among everyone woken at once (which left a few writers the whole bound, the add p99).
 * {@link #heldWriters()} tells readers of this process how many writers are held at this moment, so
 * that they can give the indexer the CPU (the server's read admission does).
 */
public final class WriteRoom {
    private static final AtomicInteger HELD = new AtomicInteger();

    private final ArrayDeque<Thread> queue = new ArrayDeque<>();

    /** Writers of this process held by any segment's bound right now; cheap, from any thread. */
    public static int heldWriters() {
        return HELD.get();
    }

    /**
     * Returns once {@code roomy} holds and every writer that came earlier has left, or {@code max}
     * has passed, or the thread is interrupted.
     */
    synchronized void await(BooleanSupplier roomy, Duration max) {
        if (queue.isEmpty() && roomy.getAsBoolean()) {
            return;
        }
        Thread me = Thread.currentThread();
        queue.addLast(me);
        HELD.incrementAndGet();
        try {
            long end = System.nanoTime() + max.toNanos();
            while (queue.peekFirst() != me || !roomy.getAsBoolean()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wait(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            queue.remove(me);
            HELD.decrementAndGet();
            notifyAll();   // the next writer may be the head now
        }
    }

    synchronized void signal() {
        notifyAll();
    }
}
