package io.godwit.server;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's request threads: a fixed number, of which the one that became idle last takes the next
 * request. A {@code ThreadPoolExecutor} over a queue hands requests to its idle threads in turn, so
 * with a client or two every request ran on a thread that had been idle longest, whose caches and
 * thread-local buffers (Jackson's, the JIT-compiled paths' data) had gone cold: measured on one
 * client's queries, the server's time per query fell from 3.2 to 2.4 ms and its CPU from 2.0 to 1.5 ms
 * with the most recently idle thread taking each request (bench/SERVER-RESULTS.md). A hand-off queue
 * without fairness gives exactly that order (its waiting threads form a stack). When every thread is
 * busy the JDK server's dispatcher waits for one to become free, as the requests would in a queue.
 */
final class Workers {
    private Workers() {
    }

    static ThreadPoolExecutor fixed(int threads) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(false),
                task -> {
                    Thread t = new Thread(task, "godwit-http-" + count.incrementAndGet());
                    t.setDaemon(false);
                    return t;
                }, Workers::awaitIdle);
    }

    /** Every thread busy: waits for one to take the request; refuses once the pool is shut down. */
    private static void awaitIdle(Runnable task, ThreadPoolExecutor pool) {
        try {
            while (!pool.isShutdown()) {
                if (pool.getQueue().offer(task, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new RejectedExecutionException("The server is stopping");
    }
}
