package io.godwit.store.importer;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads a collection's batches from the source on a thread of its own while the caller's thread
 * consumes them, so that reading Chroma's files and writing (or checking) the store overlap: the
 * import then takes about as long as the slower of the two, not their sum. The reader keeps at most
 * {@link #AHEAD} batches ready. The consumer runs on the caller's thread, in the source's order
 * (progress listeners are told from there, as they expect).
 *
 * <p>A failure on either side ends both before {@link #read} returns: the reader's exception is
 * rethrown on the caller's thread, unchanged; the consumer's stops the reader, which is waited for,
 * so the source is never read by two threads, nor after this returns.
 */
final class ReadAhead {
    static final int AHEAD = 2;
    private static final Object END = new Object();

    /** The reader's failure, carried to the caller's thread. */
    private record Failed(Throwable cause) {
    }

    /** Unwinds the reader once the caller has stopped consuming. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private ReadAhead() {
    }

    /** {@link ChromaSource#read}, with the reading on another thread, ahead of {@code batches}. */
    static void read(ChromaSource source, SourceCollection collection, int batchSize, Consumer<List<SourceRecord>> batches) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> produce(source, collection, batchSize, queue, stop),
                "godwit-import-reader " + collection.path());
        reader.setDaemon(true);
        reader.start();
        try {
            consume(queue, batches);
        } finally {
            stop.set(true);
            queue.clear();
            joinUninterruptibly(reader);
        }
    }

    private static void produce(ChromaSource source, SourceCollection collection, int batchSize,
                                BlockingQueue<Object> queue, AtomicBoolean stop) {
        try {
            source.read(collection, batchSize, batch -> hand(queue, stop, batch));
            hand(queue, stop, END);
        } catch (Stopped e) {
            // the caller stopped consuming: nothing to hand on
        } catch (Throwable t) {
            try {
                hand(queue, stop, new Failed(t));
            } catch (Stopped e) {
                // the caller is gone: it has its own failure to report
            }
        }
    }

    /** Puts {@code item} in the queue, waiting while it is full, unless the caller stopped consuming. */
    private static void hand(BlockingQueue<Object> queue, AtomicBoolean stop, Object item) {
        try {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (stop.get()) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        if (stop.get()) {
            throw new Stopped();
        }
    }

    @SuppressWarnings("unchecked")
    private static void consume(BlockingQueue<Object> queue, Consumer<List<SourceRecord>> batches) {
        while (true) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportException(null, "The import was interrupted while reading the source; nothing of it is"
                        + " left in the store as a finished collection. Run it again.", e);
            }
            if (item == END) {
                return;
            }
            if (item instanceof Failed f) {
                throw rethrown(f.cause());
            }
            batches.accept((List<SourceRecord>) item);
        }
    }

    private static RuntimeException rethrown(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new ImportException(null, "Cannot read the source: " + t, t);
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
