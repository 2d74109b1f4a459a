package io.godwit.store.vector;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that move log entries into graphs, shared by every segment of the JVM (one per
 * core: building a graph is CPU-bound). Daemon threads, so an application that forgets to close
 * its client still exits; what they had not flushed is rebuilt from the log on the next open.
 */
final class Indexers {
    private static final AtomicInteger COUNT = new AtomicInteger();
    static final ExecutorService POOL = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "godwit-vector-indexer-" + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    /** Runs the time-paced flushes of idle segments. */
    static final java.util.concurrent.ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "godwit-vector-flush-timer");
        t.setDaemon(true);
        return t;
    });

    private Indexers() {
    }
}
