package io.godwit.bench.server;

import java.util.concurrent.TimeUnit;

/**
 * Paces the writers of a load run to one rate for all of them together, so that two servers under
 * comparison receive the same adds per second (and so hold the same number of records) whatever each
 * one's own speed: each batch waits for its slot, one slot every {@code 1 / rate} seconds. A writer
 * that falls behind does not catch up in a burst: a missed slot is gone. Rate 0: no pacing.
 */
final class Pacer {
    private final long intervalNanos;
    private long next;

    /** {@code batchesPerSecond} for all writers together; 0 or less: as fast as they can. */
    Pacer(double batchesPerSecond) {
        this.intervalNanos = batchesPerSecond <= 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / batchesPerSecond);
    }

    boolean paced() {
        return intervalNanos > 0;
    }

    /** Waits for this batch's slot. */
    void await() throws InterruptedException {
        if (intervalNanos == 0) {
            return;
        }
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, next);
            next = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
