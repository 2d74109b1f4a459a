package io.godwit.bench.vector;

import io.godwit.store.vector.LogEntry;
import io.godwit.store.vector.VectorLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The log the segment reads in the benchmark's in-process rows: entries appended in batches, kept
 * in memory, so that the rows time the index and not a database (the store's own log is measured
 * by the store's benchmark).
 */
final class BenchLog implements VectorLog {
    private final List<LogEntry> entries = new ArrayList<>();

    synchronized void append(List<LogEntry> batch) {
        entries.addAll(batch);
    }

    @Override
    public synchronized List<LogEntry> after(long seqId, int limit) {
        // seq_ids are 1..n in order: entry i has seq_id i + 1
        int from = (int) Math.min(seqId, entries.size());
        return new ArrayList<>(entries.subList(from, Math.min(entries.size(), from + limit)));
    }

    @Override
    public synchronized long lastSeqId() {
        return entries.size();
    }

    @Override
    public boolean holdsAfter(long seqId) {
        return true;
    }

    @Override
    public synchronized long snapshot(BiConsumer<Long, float[]> records) {
        for (LogEntry e : entries) {
            records.accept(e.recordId(), e.vector());
        }
        return entries.size();
    }
}
