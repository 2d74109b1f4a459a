package io.godwit.bench.server;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies and errors of one kind of operation, from many threads. */
final class LoadStats {
    private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong records = new AtomicLong();

    void ok(long elapsedNanos, int recordCount) {
        nanos.add(elapsedNanos);
        records.addAndGet(recordCount);
    }

    long count() {
        return nanos.size();
    }

    /** The q-quantile in milliseconds (0.5: median). */
    double quantileMillis(double q) {
        long[] all = nanos.stream().mapToLong(Long::longValue).toArray();
        if (all.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(all);
        return all[Math.min(all.length - 1, (int) Math.floor(q * all.length))] / 1e6;
    }
}
