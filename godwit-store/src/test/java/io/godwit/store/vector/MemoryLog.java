package io.godwit.store.vector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A log in memory with the store's rules (seq_ids grow; a record keeps its id; the records table
 * is the latest entry per record), for testing the segment apart from the store.
 */
final class MemoryLog implements VectorLog {
    private final List<LogEntry> entries = new ArrayList<>();
    private final Map<Long, float[]> records = new LinkedHashMap<>();
    private long seq;
    private long purgedThrough;

    synchronized long put(long id, float[] v) {
        entries.add(new LogEntry(++seq, id, v));
        records.put(id, v);
        return seq;
    }

    synchronized long delete(long id) {
        entries.add(LogEntry.delete(++seq, id));
        records.remove(id);
        return seq;
    }

    /** Drops the entries up to {@code seqId}, as the store's purge does. */
    synchronized void purge(long seqId) {
        entries.removeIf(e -> e.seqId() <= seqId);
        purgedThrough = Math.max(purgedThrough, seqId);
    }

    synchronized Map<Long, float[]> records() {
        return new LinkedHashMap<>(records);
    }

    @Override
    public synchronized List<LogEntry> after(long seqId, int limit) {
        List<LogEntry> out = new ArrayList<>();
        for (LogEntry e : entries) {
            if (e.seqId() > seqId && out.size() < limit) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public synchronized long lastSeqId() {
        return seq;
    }

    @Override
    public synchronized boolean holdsAfter(long seqId) {
        return seqId >= purgedThrough;
    }

    @Override
    public synchronized long snapshot(BiConsumer<Long, float[]> sink) {
        records.forEach(sink);
        return seq;
    }
}
