package io.godwit.store.vector;

import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * What a segment answers from, under one lock: the graph, the pending tail (log entries read but
 * not yet in the graph) and the positions. {@link HnswSegment} feeds it (from the log, from handed
 * writes) and drains it (its indexer); this class only keeps the three consistent with each other.
 *
 * <p>Positions: {@code seenSeqId}, the last log entry taken; the graph holds every entry up to the
 * smallest pending one. {@code rebuildSeqId}: entries of a rebuild or resynchronisation carry it and
 * are in no log to replay, so no file may be written while any of them is still pending.
 *
 * <p>Threads: queries search under the read lock, so no entry moves from the tail into the graph
 * while one runs; appends and removals take the write lock briefly. The graph itself ({@link
 * HnswIndex}) has its own lock per insertion.
 */
final class SegmentState {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final PendingTail pending = new PendingTail();
    private volatile HnswIndex index;
    private volatile long seenSeqId;
    private long rebuildSeqId = -1;

    SegmentState(HnswIndex index, long seenSeqId) {
        this.index = index;
        this.seenSeqId = seenSeqId;
    }

    /** Starts over: {@code index} (empty), every record pending at {@code at} (none: nothing to wait for). */
    void restart(HnswIndex empty, List<LogEntry> records, long at) {
        lock.writeLock().lock();
        try {
            index = empty;
            for (LogEntry r : records) {
                pending.put(new LogEntry(at, r.recordId(), r.vector()));
            }
            rebuildSeqId = records.isEmpty() ? -1 : at;
            seenSeqId = at;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The graph of a file, covering the log up to {@code seqId}. */
    void adopt(HnswIndex fromFile, long seqId) {
        lock.writeLock().lock();
        try {
            index = fromFile;
            seenSeqId = seqId;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Log entries after {@code seenSeqId}, in order, up to {@code last}: into the tail (entries changing nothing skipped). */
    void append(List<LogEntry> entries, long last) {
        lock.writeLock().lock();
        try {
            appendLocked(entries, last);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Takes the handed writes that continue the position into the tail, in one step for {@link
     * #waiting} (a record is never seen in neither, nor in both); one caller at a time (the segment's catch-up lock).
     */
    void absorb(HandedWrites handed) {
        lock.writeLock().lock();
        try {
            for (HandedWrites.Write w : handed.take(seenSeqId)) {
                appendLocked(w.entries(), w.last());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Records handed to the segment or pending whose linking has not begun, counted in one consistent step. */
    int waiting(HandedWrites handed) {
        lock.readLock().lock();
        try {
            return pending.size() + handed.queued() - index.linking();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void appendLocked(List<LogEntry> entries, long last) {
        for (LogEntry e : entries) {
            if (!e.isNone()) {
                pending.put(e);
            }
        }
        seenSeqId = last;
    }

    /** The records as they are at {@code at} ({@code live} ids, {@code changed} ones with vectors) replace the log before it. */
    void resync(long at, Set<Long> live, List<LogEntry> changed) {
        lock.writeLock().lock();
        try {
            Resync.entries(at, index.ids(), pending.entries(), live, changed).forEach(pending::put);
            rebuildSeqId = Math.max(rebuildSeqId, at);
            seenSeqId = at;
        } finally {
            lock.writeLock().unlock();
        }
    }

    List<Hit> search(IndexParams params, SegmentOptions options, float[] query, int k, Candidates candidates, int ef) {
        lock.readLock().lock();
        try {
            return SegmentSearch.search(params, options, index, pending, query, k, candidates, ef);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The oldest {@code n} pending entries, for the indexer. */
    List<LogEntry> head(int n) {
        lock.readLock().lock();
        try {
            return pending.head(n);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The indexer put {@code batch} into the graph: forgets those entries (unless a newer one came for
     * the record) and, in the same step for {@link #waiting}, the index's count of them being linked.
     */
    void applied(List<LogEntry> batch) {
        lock.writeLock().lock();
        try {
            pending.removeApplied(batch);
            index.linked();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Replaces the graph with one holding the same live records (a compaction). */
    void swap(HnswIndex fresh) {
        lock.writeLock().lock();
        try {
            index = fresh;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The position a file of the graph may record now, or -1 while entries of a rebuild are pending. */
    long flushableSeqId() {
        lock.readLock().lock();
        try {
            return pending.minSeqId() <= rebuildSeqId ? -1 : graphSeqIdLocked();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The last seq_id the graph holds: everything after it that is live is in the pending tail. */
    long graphSeqId() {
        lock.readLock().lock();
        try {
            return graphSeqIdLocked();
        } finally {
            lock.readLock().unlock();
        }
    }

    private long graphSeqIdLocked() {
        return pending.isEmpty() ? seenSeqId : Math.min(seenSeqId, pending.minSeqId() - 1);
    }

    int pendingCount() {
        lock.readLock().lock();
        try {
            return pending.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    boolean isPendingEmpty() {
        return pendingCount() == 0;
    }

    /** Every live record id answered from (graph and tail), sorted. */
    long[] liveIds() {
        lock.readLock().lock();
        try {
            return pending.liveIds(index);
        } finally {
            lock.readLock().unlock();
        }
    }

    HnswIndex index() {
        return index;
    }

    long seenSeqId() {
        return seenSeqId;
    }
}
