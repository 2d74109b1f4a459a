package io.godwit.store.vector;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Where writers wait while a segment's pending tail is over its bound (every query scans the tail
 * exactly, so an unbounded tail would make every query as slow as the indexer is behind): the indexer
 * signals after each batch it moves into the graph, and a waiting writer also looks again every 100
 * ms (room frees while a bulk is linked, without a signal: {@link HnswSegment#awaitRoom}). A wait is bounded, so a stalled indexer costs
 * writes that bound, never a hang. Never signalled or waited on while holding the segment's lock.
 */
final class WriteRoom {

    /** Returns once {@code roomy} holds, or {@code max} has passed, or the thread is interrupted. */
    synchronized void await(BooleanSupplier roomy, Duration max) {
        long end = System.nanoTime() + max.toNanos();
        while (!roomy.getAsBoolean()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                wait(Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(left))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    synchronized void signal() {
        notifyAll();
    }
}
