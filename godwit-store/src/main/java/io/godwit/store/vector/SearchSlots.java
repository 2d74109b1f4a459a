package io.godwit.store.vector;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most one search per processor runs at once in the JVM (the others wait their turn, in order).
 * A search is CPU-bound, so more at once only share the same cores, but each runnable thread gets
 * its share of them: with eight threads searching on two cores, the one indexer thread had a ninth
 * of the machine, moved about 300 records/s into the graph, and writes waited for it (IndexUnderLoad,
 * README "Vector index"). With a search per core the indexer competes with two, not eight, and
 * searches lose nothing they could have used.
 */
final class SearchSlots {
    private static final Semaphore SLOTS = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    private SearchSlots() {
    }

    /** Runs {@code search} in a slot, waiting for one first. */
    static <T> T run(Supplier<T> search) {
        SLOTS.acquireUninterruptibly();
        try {
            return search.get();
        } finally {
            SLOTS.release();
        }
    }
}
