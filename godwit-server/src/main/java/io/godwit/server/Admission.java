package io.godwit.server;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * How many store reads (query, get) run at once: one per core but one (at least one), the rest
 * waiting in arrival order (a fair semaphore). A read is CPU work from end to end (the graph search,
 * SQLite, building the answer), so more of them at once than there are cores only share the cores;
 * eight at once on two cores took them from the writer and the index's builder, which then paced
 * every add (bench/SERVER-RESULTS.md). The core left over is theirs. Only the store call is
 * admitted: reading the body, parsing it and writing the answer run outside.
 *
 * <p>A permit is given back however the call ends (an answer, a refusal, a failure), so a refused read
 * never shrinks the limit.
 */
final class Admission {
    private final Semaphore permits;
    private final int limit;

    Admission(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.permits = new Semaphore(limit, true);
    }

    /** One per core of this machine (or container) but one, at least one. */
    static Admission perCore() {
        return new Admission(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    int limit() {
        return limit;
    }

    /** Runs {@code read} once a permit is free, in arrival order, and gives the permit back after. */
    <T> T run(Supplier<T> read) {
        permits.acquireUninterruptibly();
        try {
            return read.get();
        } finally {
            permits.release();
        }
    }
}
