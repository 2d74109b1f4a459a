package io.godwit.store.vector;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import io.godwit.internal.Log;

/**
 * One collection's vector segment: an HNSW graph fed from the log in seq_id order, plus the log
 * entries read but not yet in the graph ({@link PendingTail}), which every query scans exactly.
 *
 * <p>Feeding: the writes of this process are handed over as they commit ({@link #offer}, so they are
 * indexed in the background without any query), and every query first reads what is still new in
 * its own snapshot (another process's writes: read-your-writes across processes). What the segment
 * answers from, and its positions, are in {@link SegmentState}. The index file records the graph's
 * position, so a reopened segment replays the log from there (replaying is idempotent).
 *
 * <p>Threads: queries run concurrently; one catch-up at a time takes log entries into the tail; one
 * indexer task at a time per segment moves pending entries into the graph and then forgets them; it
 * alone flushes and compacts, so the graph never changes while it is written. A write of this
 * process that finds the tail over {@link SegmentOptions#maxPending} waits for the indexer ({@link #awaitRoom}).
 */
public final class HnswSegment implements AutoCloseable {
    private static final Log LOG = Log.get(HnswSegment.class); // SLF4J's when the application has it
    private static final int CATCH_UP_CHUNK = 10_000;

    private final IndexParams params;
    private final UUID epoch;
    private final VectorLog log;
    private final SegmentOptions options;
    private final SegmentFiles files;
    private final SegmentState state = new SegmentState(null, 0);
    private final ReentrantLock catchUp = new ReentrantLock();
    private final ReentrantLock indexing = new ReentrantLock();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final HandedWrites handed = new HandedWrites();
    private final WriteRoom room = new WriteRoom();
    /** The indexer failed: writes no longer wait for it (queries still scan the tail). */
    private volatile boolean stalled;
    private volatile boolean closed;
    /** How the segment was opened: from its file, or rebuilt and why. */
    private String origin = "in memory";
    private final SegmentFlushes flushes;

    /** {@code flushed}: told the seq_id each written file covers, so the store records it and keeps the log after it. */
    private HnswSegment(IndexParams params, UUID epoch, VectorLog log, SegmentOptions options, SegmentFiles files,
                        java.util.function.LongConsumer flushed) {
        this.params = params;
        this.epoch = epoch;
        this.log = log;
        this.options = options;
        this.files = files;
        this.flushes = new SegmentFlushes(files, options, epoch, params, flushed);
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
        HnswSegment s = new HnswSegment(params, epoch, log, options, files, flushed);
        IndexFile.Loaded loaded = files == null ? null : s.usable(files, false);
        if (loaded != null) {
            s.origin = "file";
            s.state.adopt(loaded.index(), loaded.header().seqId());
            s.flushes.opened(loaded.header().seqId());
        } else {
            s.rebuild();
        }
        s.catchUp();
        return s;
    }

    /** A segment over the file in {@code dir} for reading only ({@link IndexInspection}): no lock, never indexes or writes. */
    static HnswSegment forReading(IndexParams params, UUID epoch, Path dir, VectorLog log) {
        HnswSegment s = new HnswSegment(params, epoch, log, new SegmentOptions(1, 1, 1, java.time.Duration.ofDays(1), 0),
                SegmentFiles.readOnly(dir), seq -> { });
        s.closed = true; // entries read stay in the pending tail
        return s;
    }

    /** Takes the file's index when it can serve (null), else says why, quietly. */
    String adoptFile() {
        IndexFile.Loaded loaded = usable(files, true);
        if (loaded == null) {
            return origin.substring("rebuilt: ".length());
        }
        state.adopt(loaded.index(), loaded.header().seqId());
        return null;
    }

    /** The file's index when it can serve this segment; otherwise null, having said why. */
    private IndexFile.Loaded usable(SegmentFiles f, boolean quiet) {
        FileTrust.Verdict v = FileTrust.load(f, epoch, params, log, quiet);
        if (v.loaded() == null) {
            origin = "rebuilt: " + v.why();
        }
        return v.loaded();
    }

    /** Starts over from the database: an empty graph, every record pending (so queries answer at once, exactly). */
    private void rebuild() {
        List<LogEntry> records = new ArrayList<>();
        long at = log.snapshot((id, v) -> records.add(new LogEntry(0, id, v)));
        state.restart(new HnswIndex(params), records, at);
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
            absorbHanded();
            if (from.lastSeqId() <= state.seenSeqId()) {
                return; // nothing in the caller's snapshot that the segment has not taken
            }
            if (!from.holdsAfter(state.seenSeqId())) {
                resync(from);
            }
            while (true) {
                List<LogEntry> entries = from.after(state.seenSeqId(), CATCH_UP_CHUNK);
                if (entries.isEmpty()) {
                    break;
                }
                state.append(entries, entries.get(entries.size() - 1).seqId());
                if (entries.size() < CATCH_UP_CHUNK) {
                    break;
                }
            }
        } finally {
            catchUp.unlock();
            schedule();
        }
    }

    /**
     * A write of this process, just committed: the collection's log after {@code after} up to
     * {@code last} is {@code entries} (row ids and vectors, null for deletes; vectors not shared with
     * the caller). Taken into the pending tail when it continues the segment's position, else left to
     * the log; then indexed in the background. Never blocks.
     */
    public void offer(long after, long last, List<LogEntry> entries) {
        if (!closed && last > state.seenSeqId()) {
            handed.offer(new HandedWrites.Write(after, last, entries));
            schedule();
        }
    }

    /**
     * Waits while more than {@link SegmentOptions#waitingBound} records wait for the indexer to begin
     * them (pending, less the nodes of the bulk in progress whose linking has begun), at most {@link
     * SegmentOptions#maxPendingWait}: called by a writer after its commit (outside every lock), so that
     * adds faster than the indexer are paced by it instead of making every query scan more. Room frees
     * as a bulk goes, not all at once when it ends: writers then wait about as long as each other, the
     * time the indexer takes for the records written before them, instead of some a whole bulk (up to
     * the cap) and others not at all.
     */
    public void awaitRoom() {
        room.await(() -> closed || stalled || waiting() <= options.waitingBound(), options.maxPendingWait());
    }

    /** Records handed over or pending that the indexer has not begun to link. */
    int waiting() {
        return state.waiting(handed);
    }

    /** Takes the handed writes that continue the position into the tail; the caller holds the catch-up lock. */
    private void absorbHanded() {
        state.absorb(handed);
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
        long since = state.seenSeqId();
        long at = from.changes(since, live::add, (id, v) -> changed.add(new LogEntry(0, id, v)));
        if (at < since) {
            return; // a query on a newer snapshot has moved the segment on already
        }
        state.resync(at, live, changed); // these entries are in no log: no file until they are indexed
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
        return SearchSlots.run(() -> state.search(params, options, query, k, candidates, efSearch));
    }

    private void schedule() {
        if (!closed && (handed.queued() > 0 || !state.isPendingEmpty()) && scheduled.compareAndSet(false, true)) {
            Indexers.POOL.execute(this::drain);
        }
    }

    /** The indexer task: takes the handed writes, moves pending entries into the graph a batch at a time, flushes when due. */
    private void drain() {
        indexing.lock();
        try {
            while (!closed && absorbThenIndex()) {
                room.signal();
                maybeCompact();
                maybeFlush(false);
            }
        } catch (RuntimeException e) {
            stalled = true;
            LOG.error("vector index: indexing stopped ({}); queries still answer, scanning the unindexed records", e.toString(), e);
        } finally {
            scheduled.set(false);
            indexing.unlock();
            room.signal();
        }
        schedule(); // entries that came after the last look
        scheduleTimedFlush();
    }

    /** Once idle with unflushed records, flushes {@code flushInterval} later (unless a flush came first). */
    private void scheduleTimedFlush() {
        if (!closed) {
            flushes.scheduleTimed(() -> {
                indexing.lock();
                try {
                    if (!closed) {
                        maybeFlush(true);
                    }
                } finally {
                    indexing.unlock();
                }
            });
        }
    }

    private boolean absorbThenIndex() {
        catchUp.lock();
        try {
            absorbHanded();
        } finally {
            catchUp.unlock();
        }
        return indexOneBatch();
    }

    private boolean indexOneBatch() {
        List<LogEntry> batch = state.head(state.index().batchSize(state.pendingCount(), options.batchSize(),
                options.bulkMax()));
        if (batch.isEmpty()) {
            return false;
        }
        List<HnswIndex.Change> changes = new ArrayList<>(batch.size());
        for (LogEntry e : batch) {
            changes.add(new HnswIndex.Change(e.recordId(), e.vector()));
        }
        state.index().apply(changes);
        state.applied(batch);
        flushes.indexed(batch.size());
        return true;
    }

    private void maybeCompact() {
        HnswIndex current = state.index();
        if (current.needsCompaction()) {
            state.swap(current.compacted());
        }
    }

    /** Writes the file when due (or always, when {@code force}), if this segment is the folder's writer. */
    private void maybeFlush(boolean force) {
        // During a rebuild its records are in no log to replay: no file until they are in the graph.
        flushes.maybe(force, state.index(), state::flushableSeqId);
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
            if (state.isPendingEmpty() && handed.queued() == 0 && !scheduled.get()) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** Every live record id the segment answers from (graph and pending tail), sorted: for {@code verify}. */
    public long[] liveIds() {
        catchUp();
        return state.liveIds();
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
        return state.seenSeqId();
    }

    /** The last seq_id the graph holds: everything after it that is live is in the pending tail (scanned exactly). */
    public long graphSeqId() {
        return state.graphSeqId();
    }

    /** The position the index file covers (-1: none written): the log must keep what is after it. */
    public long durableSeqId() {
        return flushes.durableSeqId();
    }

    /** Records waiting in the pending tail. */
    public int pendingCount() {
        return state.pendingCount();
    }

    /** True when this segment writes its folder's files (it holds the writer lock). */
    public boolean writer() {
        return flushes.writer();
    }

    /**
     * Stops without writing anything (the collection was deleted or reconfigured, its files are
     * going): does not wait for the batch being indexed, whose thread may be waiting for the caller's
     * own write transaction.
     */
    public void abandon() {
        closed = true;
        room.signal();
        if (files != null) {
            files.close();
        }
    }

    /** Flushes what is in the graph (not waiting for the pending tail, which the log still holds) and lets go of the folder. */
    @Override
    public void close() {
        closed = true; // first: a writer waiting for room returns, and no new batch starts
        room.signal();
        indexing.lock();
        try {
            maybeFlush(true);
        } finally {
            indexing.unlock();
            if (files != null) {
                files.close();
            }
        }
    }
}
