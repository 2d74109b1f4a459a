package io.godwit.store.vector;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * A {@link VectorLog} that reads through the log the calling thread is working with: the store's
 * log is read on the connection of the call in progress (its snapshot), so the segment that keeps
 * this one for its own catching up reads what that call reads. Used outside such a call, it refuses.
 */
final class BoundLog implements VectorLog {
    private final ThreadLocal<VectorLog> current = new ThreadLocal<>();

    /** Runs {@code work} with {@code log} as this thread's log. */
    <T> T with(VectorLog log, Supplier<T> work) {
        VectorLog outer = current.get();
        current.set(log);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }

    private VectorLog log() {
        VectorLog log = current.get();
        if (log == null) {
            throw new IllegalStateException("vector index: the log was read outside a store call");
        }
        return log;
    }

    @Override
    public List<LogEntry> after(long seqId, int limit) {
        return log().after(seqId, limit);
    }

    @Override
    public long lastSeqId() {
        return log().lastSeqId();
    }

    @Override
    public boolean holdsAfter(long seqId) {
        return log().holdsAfter(seqId);
    }

    @Override
    public long snapshot(BiConsumer<Long, float[]> records) {
        return log().snapshot(records);
    }

    @Override
    public long changes(long seqId, LongConsumer live, BiConsumer<Long, float[]> changed) {
        return log().changes(seqId, live, changed);
    }
}
