package io.godwit.store.vector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongPredicate;
import io.godwit.internal.Log;

/**
 * One collection's vector segment: an HNSW graph fed from the log in seq_id order, plus the log
 * entries read but not yet in the graph ({@link PendingTail}), which every query scans exactly.
 *
 * <p>Positions: {@code seenSeqId}, the last entry read from the log (every query first reads what
 * is new: read-your-writes, in this process and across processes); the graph holds every entry up
 * to the smallest pending one. The index file records that position, so a reopened segment replays
 * the log from there (replaying is idempotent).
 *
 * <p>Threads: queries run concurrently under the read lock; log entries are appended under the
 * write lock (briefly); one indexer task at a time per segment moves pending entries into the graph
 * ({@link HnswIndex} locks per insertion) and then forgets them under the write lock; it alone
 * flushes and compacts, so the graph never changes while it is written.
 */
public final class HnswSegment implements AutoCloseable {
    private static final Log LOG = Log.get(HnswSegment.class); // SLF4J's when the application has it
    private static final int CATCH_UP_CHUNK = 10_000;

    private final IndexParams params;
    private final UUID epoch;
    private final VectorLog log;
    private final SegmentOptions options;
    private final SegmentFiles files;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ReentrantLock catchUp = new ReentrantLock();
    private final ReentrantLock indexing = new ReentrantLock();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean timerSet = new AtomicBoolean();
    private final PendingTail pending = new PendingTail();
    private volatile HnswIndex index;
    private volatile long seenSeqId;
    private volatile long durableSeqId = -1;
    private volatile boolean closed;
    /** Records of a rebuild carry this seq_id; no file is written until they are all in the graph. */
    private long rebuildSeqId = -1;
    /** How the segment was opened: from its file, or rebuilt and why. */
    private String origin = "in memory";
    private volatile long unflushed;
    /** Told the seq_id each written file covers, so the store records it and keeps the log after it. */
    private java.util.function.LongConsumer flushed = seq -> { };

    private HnswSegment(IndexParams params, UUID epoch, VectorLog log, SegmentOptions options, SegmentFiles files) {
        this.params = params;
        this.epoch = epoch;
        this.log = log;
        this.options = options;
        this.files = files;
    }

    /**
     * Opens a collection's segment: in memory only when {@code dir} is null, else from the index
     * file in {@code dir} when it is sound and belongs to this epoch and parameters, else rebuilt
     * from the database (with a log line saying why). Then catches up from the log.
     */
    public static HnswSegment open(IndexParams params, UUID epoch, Path dir, VectorLog log, SegmentOptions options) {
        return open(params, epoch, dir, log, options, seq -> { });
    }

    /**
     * {@link #open(IndexParams, UUID, Path, VectorLog, SegmentOptions)}, telling {@code flushed} the
     * seq_id of every index file written (from the indexer's thread, or the closing one).
     */
    public static HnswSegment open(IndexParams params, UUID epoch, Path dir, VectorLog log, SegmentOptions options,
                                   java.util.function.LongConsumer flushed) {
        SegmentFiles files = dir == null ? null : SegmentFiles.open(dir);
        HnswSegment s = new HnswSegment(params, epoch, log, options, files);
        s.flushed = flushed;
        IndexFile.Loaded loaded = files == null ? null : s.usable(files, false);
        if (loaded != null) {
            s.origin = "file";
            s.index = loaded.index();
            s.seenSeqId = loaded.header().seqId();
            s.durableSeqId = loaded.header().seqId();
        } else {
            s.rebuild();
        }
        s.catchUp();
        return s;
    }

    /** A segment over the file in {@code dir} for reading only ({@link IndexInspection}): no lock, never indexes or writes. */
    static HnswSegment forReading(IndexParams params, UUID epoch, Path dir, VectorLog log) {
        HnswSegment s = new HnswSegment(params, epoch, log, new SegmentOptions(1, 1, 1, java.time.Duration.ofDays(1), 0),
                SegmentFiles.readOnly(dir));
        s.closed = true; // entries read stay in the pending tail
        return s;
    }

    /** Takes the file's index when it can serve (null), else says why, quietly. */
    String adoptFile() {
        IndexFile.Loaded loaded = usable(files, true);
        if (loaded == null) {
            return origin.substring("rebuilt: ".length());
        }
        index = loaded.index();
        seenSeqId = loaded.header().seqId();
        return null;
    }

    /** The file's index when it can serve this segment; otherwise null, having said why. */
    private IndexFile.Loaded usable(SegmentFiles f, boolean quiet) {
        IndexFile.Loaded loaded;
        try {
            loaded = f.load();
        } catch (DamagedIndexException e) {
            origin = "rebuilt: " + e.getMessage();
            if (!e.getMessage().endsWith(": missing") && !quiet) {
                LOG.warn("{}; rebuilding it from the database", e.getMessage());
            }
            return null;
        }
        String why = FileTrust.why(loaded.header(), epoch, params, log);
        if (why != null) {
            origin = "rebuilt: " + why;
            if (!quiet) {
                LOG.warn("vector index {}: {}; rebuilding it from the database", f.index(), why);
            }
            return null;
        }
        return loaded;
    }

    /** Starts over from the database: an empty graph, every record pending (so queries answer at once, exactly). */
    private void rebuild() {
        List<LogEntry> records = new ArrayList<>();
        long at = log.snapshot((id, v) -> records.add(new LogEntry(0, id, v)));
        lock.writeLock().lock();
        try {
            index = new HnswIndex(params);
            for (LogEntry r : records) {
                pending.put(new LogEntry(at, r.recordId(), r.vector()));
            }
            rebuildSeqId = records.isEmpty() ? -1 : at;
            seenSeqId = at;
        } finally {
            lock.writeLock().unlock();
        }
        schedule();
    }

    /** Reads the log the segment was opened with past {@code seenSeqId} into the pending tail. */
    public void catchUp() {
        catchUp(log);
    }

    /**
     * Reads {@code from} past {@code seenSeqId} into the pending tail; called before every query. The
     * log may be a view of the same log bound to the caller's connection (the store's queries read
     * it inside their own snapshot).
     */
    public void catchUp(VectorLog from) {
        catchUp.lock();
        try {
            if (!from.holdsAfter(seenSeqId)) {
                resync(from);
            }
            while (true) {
                List<LogEntry> entries = from.after(seenSeqId, CATCH_UP_CHUNK);
                if (entries.isEmpty()) {
                    break;
                }
                lock.writeLock().lock();
                try {
                    for (LogEntry e : entries) {
                        if (!e.isNone()) {
                            pending.put(e);
                        }
                    }
                    seenSeqId = entries.get(entries.size() - 1).seqId();
                } finally {
                    lock.writeLock().unlock();
                }
                if (entries.size() < CATCH_UP_CHUNK) {
                    break;
                }
            }
        } finally {
            catchUp.unlock();
        }
        schedule();
    }

    /**
     * The log was purged past {@code seenSeqId} (another process wrote, and its purge did not know
     * this segment's position): instead of replaying, compare with the records as they are now.
     * Records changed since then go into the pending tail with their vectors, records gone are
     * pending deletes; the graph is kept. Costs one read of every record's row id and seq_id.
     */
    private void resync(VectorLog from) {
        java.util.Set<Long> live = new java.util.HashSet<>();
        List<LogEntry> changed = new ArrayList<>();
        long since = seenSeqId;
        long at = from.changes(since, live::add, (id, v) -> changed.add(new LogEntry(0, id, v)));
        if (at < since) {
            return; // a query on a newer snapshot has moved the segment on already
        }
        lock.writeLock().lock();
        try {
            Resync.entries(at, index.ids(), pending.entries(), live, changed).forEach(pending::put);
            rebuildSeqId = Math.max(rebuildSeqId, at); // these entries are in no log: no file until they are indexed
            seenSeqId = at;
        } finally {
            lock.writeLock().unlock();
        }
        LOG.info("vector index: the log was purged past seq_id {} by another process; resynchronised from the records"
                + " ({} changed since)", since, changed.size());
    }

    /** The {@code k} nearest records (all of them, or the candidates when not null), with the collection's ef_search. */
    public List<Hit> search(float[] query, int k, Candidates candidates) {
        return search(query, k, candidates, params.efSearch());
    }

    /**
     * The {@code k} nearest live records among the candidates (all when null), with Chroma's
     * distances, nearest first; fewer only when fewer exist. Catches up from the log first.
     */
    public List<Hit> search(float[] query, int k, Candidates candidates, int efSearch) {
        return search(log, query, k, candidates, efSearch);
    }

    /** {@link #search(float[], int, Candidates, int)}, catching up from {@code from} (see {@link #catchUp(VectorLog)}). */
    public List<Hit> search(VectorLog from, float[] query, int k, Candidates candidates, int efSearch) {
        if (query.length != params.dimension()) {
            throw new IllegalArgumentException("vector index: the query has " + query.length
                    + " dimensions, the collection " + params.dimension());
        }
        catchUp(from);
        lock.readLock().lock();
        try {
            ExactScan scan = new ExactScan(params.space(), query, k);
            HnswIndex graph = index;
            if (candidates != null && candidates.size() <= options.exactBelow()) {
                pending.scanCandidates(scan, graph, candidates);
                return scan.result();
            }
            LongPredicate accept = candidates == null ? id -> !pending.contains(id)
                    : id -> candidates.test(id) && !pending.contains(id);
            graph.search(query, k, accept, efSearch).forEach(scan::offerHit);
            pending.scan(scan, candidates);
            List<Hit> hits = scan.result();
            if (hits.size() < k) {
                // The graph could not reach k admitted records (few match, or deletions cut it):
                // scan them all, so that nResults are returned when that many match.
                ExactScan all = new ExactScan(params.space(), query, k);
                graph.scanLive(all, accept);
                pending.scan(all, candidates);
                hits = all.result();
            }
            return hits;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void schedule() {
        if (!closed && !isPendingEmpty() && scheduled.compareAndSet(false, true)) {
            Indexers.POOL.execute(this::drain);
        }
    }

    private boolean isPendingEmpty() {
        lock.readLock().lock();
        try {
            return pending.isEmpty();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The indexer task: moves pending entries into the graph, a batch at a time, flushing when due. */
    private void drain() {
        indexing.lock();
        try {
            while (!closed && indexOneBatch()) {
                maybeCompact();
                maybeFlush(false);
            }
        } catch (RuntimeException e) {
            LOG.error("vector index: indexing stopped ({}); queries still answer, scanning the unindexed records", e.toString(), e);
        } finally {
            scheduled.set(false);
            indexing.unlock();
        }
        schedule(); // entries that came after the last look
        scheduleTimedFlush();
    }

    /** Once idle with unflushed records, flushes {@code flushInterval} later (unless a flush came first). */
    private void scheduleTimedFlush() {
        if (closed || files == null || !files.writer() || unflushed == 0 || !timerSet.compareAndSet(false, true)) {
            return;
        }
        Indexers.TIMER.schedule(() -> Indexers.POOL.execute(() -> {
            timerSet.set(false);
            indexing.lock();
            try {
                if (!closed) {
                    maybeFlush(true);
                }
            } finally {
                indexing.unlock();
            }
        }), options.flushInterval().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private boolean indexOneBatch() {
        List<LogEntry> batch;
        lock.readLock().lock();
        try {
            batch = pending.head(HnswIndex.batchSize(pending.size(), options.batchSize()));
        } finally {
            lock.readLock().unlock();
        }
        if (batch.isEmpty()) {
            return false;
        }
        List<HnswIndex.Change> changes = new ArrayList<>(batch.size());
        for (LogEntry e : batch) {
            changes.add(new HnswIndex.Change(e.recordId(), e.vector()));
        }
        index.apply(changes);
        lock.writeLock().lock();
        try {
            pending.removeApplied(batch);
            unflushed += batch.size();
        } finally {
            lock.writeLock().unlock();
        }
        return true;
    }

    private void maybeCompact() {
        HnswIndex current = index;
        if (current.needsCompaction()) {
            HnswIndex fresh = current.compacted();
            lock.writeLock().lock();
            try {
                index = fresh;
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** Writes the file when due (or always, when {@code force}), if this segment is the folder's writer. */
    private void maybeFlush(boolean force) {
        if (files == null || !files.writer()) {
            return;
        }
        long at;
        lock.readLock().lock();
        try {
            if (pending.minSeqId() <= rebuildSeqId) {
                return; // a rebuild in progress: its records are in no log to replay
            }
            boolean due = force ? unflushed > 0 || durableSeqId < 0 : options.flushDueBySize(unflushed, index.size());
            if (!due) {
                return;
            }
            at = pending.isEmpty() ? seenSeqId : Math.min(seenSeqId, pending.minSeqId() - 1);
        } finally {
            lock.readLock().unlock();
        }
        try {
            files.save(new IndexHeader(epoch, at, params), index);
            durableSeqId = at;
            unflushed = 0;
            flushed.accept(at);
        } catch (IOException e) {
            LOG.warn("vector index {}: cannot write it ({}); it will be rebuilt or caught up from the log on the next open",
                    files.index(), e.toString());
        }
    }

    /** Writes the index file now, if this segment is the folder's writer (after the batch in progress). */
    public void flush() {
        indexing.lock();
        try {
            maybeFlush(true);
        } finally {
            indexing.unlock();
        }
    }

    /** Waits until every entry read so far is in the graph; for tests and benchmarks. */
    public boolean awaitIndexed(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            if (isPendingEmpty() && !scheduled.get()) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** Every live record id the segment answers from (graph and pending tail), sorted: for {@code verify}. */
    public long[] liveIds() {
        catchUp();
        lock.readLock().lock();
        try {
            return pending.liveIds(index);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** "file" when opened from a sound index file; "rebuilt: REASON" when rebuilt; "in memory" when ephemeral. */
    public String origin() {
        return origin;
    }

    /** Compares what the segment answers from (caught up from {@code from}) with the database's rows, sorted. */
    public IndexCheck check(VectorLog from, long[] databaseRows) {
        catchUp(from);
        long[] sorted = databaseRows.clone();
        Arrays.sort(sorted);
        return IndexCheck.of(sorted, liveIds());
    }

    public IndexParams params() {
        return params;
    }

    public long seenSeqId() {
        return seenSeqId;
    }

    /** The last seq_id the graph holds: everything after it that is live is in the pending tail (scanned exactly). */
    public long graphSeqId() {
        lock.readLock().lock();
        try {
            return pending.isEmpty() ? seenSeqId : Math.min(seenSeqId, pending.minSeqId() - 1);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The position the index file covers (-1: none written): the log must keep what is after it. */
    public long durableSeqId() {
        return durableSeqId;
    }

    /** Records waiting in the pending tail. */
    public int pendingCount() {
        lock.readLock().lock();
        try {
            return pending.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** True when this segment writes its folder's files (it holds the writer lock). */
    public boolean writer() {
        return files != null && files.writer();
    }

    /**
     * Stops without writing anything (the collection was deleted or reconfigured, its files are
     * going): does not wait for the batch being indexed, whose thread may be waiting for the caller's
     * own write transaction.
     */
    public void abandon() {
        closed = true;
        if (files != null) {
            files.close();
        }
    }

    /** Flushes what is in the graph (not waiting for the pending tail, which the log still holds) and lets go of the folder. */
    @Override
    public void close() {
        indexing.lock();
        try {
            closed = true;
            maybeFlush(true);
        } finally {
            indexing.unlock();
            if (files != null) {
                files.close();
            }
        }
    }
}
