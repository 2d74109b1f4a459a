package io.godwit.server;

import io.godwit.store.vector.WriteRoom;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * How many store reads (query, get) run at once: one per core but one (at least one), the rest
 * waiting in arrival order (a fair semaphore). A read is CPU work from end to end (the graph search,
 * SQLite, building the answer), so more of them at once than there are cores only share the cores;
 * eight at once on two cores took them from the writer and the index's builder, which then paced
 * every add (bench/SERVER-RESULTS.md). The core left over is theirs. Only the store call is
 * admitted: reading the body, parsing it and writing the answer run outside.
 *
 * <p>While writers are held because the index is behind ({@link WriteRoom#heldWriters()}), a read
 * first waits, at most {@link #DEFAULT_YIELD}: the indexer then has the CPU that reads would take,
 * and the writers it holds are let go sooner. Reads had the larger margin over the peer under mixed
 * load (1.66x its throughput at 0.29x its p99) and adds the smaller (0.70x): the wait moves CPU from
 * the one to the other, and bounds what a read can lose to it.
 *
 * <p>A permit is given back however the call ends (an answer, a refusal, a failure), so a refused read
 * never shrinks the limit.
 */
final class Admission {
    /** The longest a read waits for held writers before it takes its turn anyway. */
    static final Duration DEFAULT_YIELD = Duration.ofMillis(20);
    private static final long POLL_NANOS = 1_000_000;

    private final Semaphore permits;
    private final int limit;
    private final IntSupplier heldWriters;
    private final long yieldNanos;

    /**
     * @param heldWriters how many writers the index holds now (0: none)
     * @param yield       the longest a read waits while any are held
     */
    Admission(int limit, IntSupplier heldWriters, Duration yield) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.permits = new Semaphore(limit, true);
        this.heldWriters = heldWriters;
        this.yieldNanos = yield.toNanos();
    }

    /** One per core of this machine (or container) but one, at least one; yielding to this process's held writers. */
    static Admission perCore() {
        return new Admission(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), WriteRoom::heldWriters,
                DEFAULT_YIELD);
    }

    int limit() {
        return limit;
    }

    /** Runs {@code read} once writers are not held (or the yield is over) and a permit is free, in arrival order. */
    <T> T run(Supplier<T> read) {
        yieldToHeldWriters();
        permits.acquireUninterruptibly();
        try {
            return read.get();
        } finally {
            permits.release();
        }
    }

    private void yieldToHeldWriters() {
        long end = System.nanoTime() + yieldNanos;
        while (heldWriters.getAsInt() > 0 && System.nanoTime() - end < 0) {
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
