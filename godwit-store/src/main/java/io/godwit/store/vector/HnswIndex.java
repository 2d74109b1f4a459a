package io.godwit.store.vector;

import io.godwit.store.Space;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongPredicate;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

/**
 * An in-memory HNSW index over (record id -> vector), on Lucene's graph.
 *
 * <p>Each vector gets an ordinal, the graph's node. Lucene's graph never removes a node, so a
 * removed or replaced record's ordinal is marked deleted (as hnswlib's {@code markDelete}, which
 * Chroma uses): it still routes searches but is never returned. A replaced record gets a new
 * ordinal. When deleted ordinals outnumber live ones, {@link #needsCompaction()} says so and the
 * owner rebuilds the index from its live records ({@link #compacted()}).
 *
 * <p>Two ways in. A small batch (fewer additions than {@link #bulkMin}) is linked into the live
 * graph under the write lock, {@link #HOLD_NANOS} of insertions at a time. A larger one is linked
 * into a copy of the graph ({@link GraphCopy}, no distance computed) by Lucene's concurrent builder
 * on every core ({@link GraphBuilder#addAll}) while queries go on reading the current one without
 * waiting at all, and the copy replaces it in one step: under a steady stream of
 * writes and queries, insertions then no longer take turns with searches. The copy is of fixed
 * size, so the next small batch copies it back into a growable one first.
 *
 * <p>Vectors are held once, by ordinal, as the caller's arrays (normalised copies for cosine).
 *
 * <p>Thread-safe: many searches run at once under a read lock. One thread at a time may call
 * {@link #apply}.
 */
public final class HnswIndex {
    /**
     * Batches adding at least this many vectors (or a hundredth of the index, if more: each bulk
     * copies the graph) are linked into a copy, without holding the lock.
     */
    public static final int BULK_MIN = 1_000;
    /**
     * The most entries one bulk takes: its records wait in the segment's pending tail (scanned
     * exactly) until it ends. In the benchmark's 100,000-vector run the graph grown by bulks of
     * about 5,000 answered with recall 0.986, the one rebuilt in two bulks of 50,000 with 0.967.
     */
    public static final int BULK_MAX = 10_000;

    /**
     * How long the indexer keeps the write lock for insertions one after another (at least one).
     * Each time it takes the lock it first waits for the searches in progress to end; with eight
     * searching threads on two cores, taking it once per insertion (a fraction of a millisecond)
     * moved 314 records/s into the graph and made writes wait (IndexUnderLoad, README "Vector index").
     * A search waits for at most this long plus one insertion.
     */
    static final long HOLD_NANOS = 5_000_000;

    private final IndexParams params;
    /**
     * Fair: the indexer takes the write lock again and again; unfair, it would take it again before
     * the searches woken by its release could run, and starve them (measured under load: queries
     * waited tens of milliseconds each). Fair, a search waits for at most one hold.
     */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final RandomVectorScorerSupplier supplier = new Supplier();
    /** Prepared vectors by ordinal; ordinals below {@code size} are published, those above are being built. */
    private volatile float[][] vectors;
    private volatile int size;
    private long[] ordToId;
    private final Map<Long, Integer> idToOrd;
    private final BitSet deleted;
    private OnHeapHnswGraph graph;
    /** Inserts one node at a time into {@code graph}; null while {@code graph} is of fixed size. */
    private GraphBuilder builder;
    private final AtomicInteger linking = new AtomicInteger();

    public HnswIndex(IndexParams params) {
        this(params, new float[16][], 0, new long[16], new HashMap<>(), new BitSet(), null);
    }

    private HnswIndex(IndexParams params, float[][] vectors, int size, long[] ordToId, Map<Long, Integer> idToOrd,
                      BitSet deleted, OnHeapHnswGraph graph) {
        this.params = params;
        this.vectors = vectors;
        this.size = size;
        this.ordToId = ordToId;
        this.idToOrd = idToOrd;
        this.deleted = deleted;
        this.graph = graph != null ? graph : GraphCopy.create(supplier, params, -1);
        this.builder = GraphBuilder.over(supplier, params, this.graph, size);
    }

    /** An index read back from its file: ordinals, their ids and prepared vectors, the deleted ones, the graph (growable). */
    static HnswIndex restore(IndexParams params, float[][] vectors, int n, long[] ordToId, BitSet deleted,
                             OnHeapHnswGraph graph) {
        Map<Long, Integer> idToOrd = new HashMap<>(n * 2);
        for (int ord = 0; ord < n; ord++) {
            if (!deleted.get(ord)) {
                idToOrd.put(ordToId[ord], ord);
            }
        }
        long[] ids = Arrays.copyOf(ordToId, Math.max(16, n));
        float[][] v = vectors.length >= 16 ? vectors : Arrays.copyOf(vectors, 16);
        return new HnswIndex(params, v, n, ids, idToOrd, deleted, graph);
    }

    public IndexParams params() {
        return params;
    }

    /**
     * How many of {@code pending} entries an indexer should hand to one {@link #apply}: a bulk when
     * there are at least {@link #bulkMin} for this index, of at most {@code bulkMax} entries, or of
     * {@link #bulkMin} when that is more (each bulk copies the graph), never more than {@link #BULK_MAX};
     * else {@code batchSize}.
     */
    public int batchSize(int pending, int batchSize, int bulkMax) {
        int min = bulkMin(size);
        return pending >= min ? Math.min(pending, Math.min(BULK_MAX, Math.max(min, bulkMax))) : batchSize;
    }

    /**
     * Nodes of the last bulk whose linking has begun (0 when none is): they are still in the
     * segment's pending tail until the segment has taken the published bulk's entries out of it, but
     * the segment frees its writers' room by them as they go. Rises without a lock; reset by {@link
     * #linked} in the same step as the segment forgets those entries, so that the two are never
     * seen out of step (a writer would wait for a bulk already done, or room would be counted twice).
     */
    public int linking() {
        return linking.get();
    }

    /** The last bulk's entries have left the segment's pending tail (or it failed): none is linking. */
    void linked() {
        linking.set(0);
    }

    /** The fewest additions linked as a bulk into an index of that many ordinals: copying the graph is then cheap beside them. */
    static int bulkMin(int ordinals) {
        return Math.min(BULK_MAX, Math.max(BULK_MIN, ordinals / 100));
    }

    /**
     * Applies one batch in order: each change puts a record's vector (adding or replacing it) or,
     * with a null vector, removes the record (absent ids are ignored).
     */
    public void apply(List<Change> batch) {
        int adds = 0;
        for (Change c : batch) {
            if (c.vector() != null) {
                checkDimension(c);
                adds++;
            }
        }
        if (adds >= bulkMin(size)) {
            applyBulk(batch, adds);
        } else {
            applyOneByOne(batch);
        }
    }

    private void checkDimension(Change c) {
        if (c.vector().length != params.dimension()) {
            throw new IllegalArgumentException("vector index: record " + c.id() + " has " + c.vector().length
                    + " dimensions, the index " + params.dimension());
        }
    }

    /** Under the write lock, {@link #HOLD_NANOS} of insertions at a time: a query waits for at most that. */
    private void applyOneByOne(List<Change> batch) {
        if (builder == null) {
            // After a bulk the graph is of fixed size: copy it into a growable one (no distances),
            // while queries go on reading the fixed one.
            OnHeapHnswGraph growable = GraphCopy.growable(graph, size, supplier, params);
            lock.writeLock().lock();
            try {
                graph = growable;
                builder = GraphBuilder.over(supplier, params, growable, size);
            } finally {
                lock.writeLock().unlock();
            }
        }
        int i = 0;
        while (i < batch.size()) {
            lock.writeLock().lock();
            try {
                long until = System.nanoTime() + HOLD_NANOS;
                do {
                    insert(batch.get(i++));
                } while (i < batch.size() && System.nanoTime() < until);
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** One change into the growable graph; the caller holds the write lock. */
    private void insert(Change c) {
        Integer old = idToOrd.remove(c.id());
        if (old != null) {
            deleted.set(old);
        }
        if (c.vector() != null) {
            int ord = size;
            stage(ord, c);
            idToOrd.put(c.id(), ord);
            size = ord + 1;
            builder.add(ord);
        }
    }

    /**
     * Links the batch's vectors into a fixed-size copy of the graph on every core, queries reading
     * the current graph meanwhile (the new ordinals are not published), then publishes the copy, the
     * ordinals and the removals at once.
     */
    private void applyBulk(List<Change> batch, int adds) {
        int base = size;
        int end = base + adds;
        lock.writeLock().lock();
        try {
            ensureCapacity(end); // replaces the arrays; their published part is unchanged
        } finally {
            lock.writeLock().unlock();
        }
        int ord = base;
        for (Change c : batch) {
            if (c.vector() != null) {
                stage(ord++, c); // above size: no query reads these slots
            }
        }
        OnHeapHnswGraph next = GraphCopy.fixed(graph, base, end, supplier, params);
        try {
            GraphBuilder.addAll(supplier, params, next, base, end, linking);
        } catch (RuntimeException | Error e) {
            linked(); // nothing published: the bulk's entries stay pending, waiting again
            throw e;
        }
        lock.writeLock().lock();
        try {
            ord = base;
            for (Change c : batch) {
                Integer old = idToOrd.remove(c.id());
                if (old != null) {
                    deleted.set(old);
                }
                if (c.vector() != null) {
                    idToOrd.put(c.id(), ord++);
                }
            }
            graph = next;
            builder = null;
            size = end;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Puts the prepared vector and id of {@code c} at {@code ord}, growing the arrays when needed. */
    private void stage(int ord, Change c) {
        ensureCapacity(ord + 1);
        vectors[ord] = Distances.prepare(params.space(), c.vector());
        ordToId[ord] = c.id();
    }

    private void ensureCapacity(int n) {
        if (n > vectors.length) {
            int to = Math.max(n, vectors.length * 2);
            vectors = Arrays.copyOf(vectors, to);
        }
        if (n > ordToId.length) {
            ordToId = Arrays.copyOf(ordToId, Math.max(n, ordToId.length * 2));
        }
    }

    /**
     * The {@code k} nearest live records that {@code accept} admits (null: all), searching level 0
     * with a candidate list of {@code max(k, ef)} ({@link GraphSearch}); distances are exact,
     * Chroma's. Fewer than {@code k} only when fewer are admitted or the graph search could not
     * reach them.
     */
    public List<Hit> search(float[] query, int k, LongPredicate accept, int ef) {
        float[] q = Distances.prepare(params.space(), query);
        lock.readLock().lock();
        try {
            int n = size;
            if (idToOrd.isEmpty()) {
                return List.of();
            }
            Bits bits = new Bits() {
                @Override
                public boolean get(int ord) {
                    return !deleted.get(ord) && (accept == null || accept.test(ordToId[ord]));
                }

                @Override
                public int length() {
                    return n;
                }
            };
            int[] found = GraphSearch.nodes(GraphSearch.search(graph, scorer(q), Math.max(k, ef), bits));
            List<Hit> hits = new ArrayList<>(found.length);
            for (int ord : found) {
                hits.add(new Hit(ordToId[ord], Distances.distance(params.space(), q, vectors[ord])));
            }
            hits.sort(null);
            return hits.size() > k ? new ArrayList<>(hits.subList(0, k)) : hits;
        } catch (IOException e) {
            throw new IllegalStateException("vector index: search", e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The prepared vector of a live record, or null. */
    public float[] vector(long id) {
        lock.readLock().lock();
        try {
            Integer ord = idToOrd.get(id);
            return ord == null ? null : vectors[ord];
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Offers every live record that {@code accept} admits (null: all) to {@code scan}: the exact fallback. */
    public void scanLive(ExactScan scan, LongPredicate accept) {
        lock.readLock().lock();
        try {
            for (int ord = 0; ord < size; ord++) {
                if (!deleted.get(ord) && (accept == null || accept.test(ordToId[ord]))) {
                    scan.offerPrepared(ordToId[ord], vectors[ord]);
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean contains(long id) {
        lock.readLock().lock();
        try {
            return idToOrd.containsKey(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Live records. */
    public int size() {
        lock.readLock().lock();
        try {
            return idToOrd.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The live record ids, sorted. */
    public long[] ids() {
        lock.readLock().lock();
        try {
            return idToOrd.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** True when deleted ordinals outnumber live ones (and there are enough to matter). */
    public boolean needsCompaction() {
        lock.readLock().lock();
        try {
            int dead = deleted.cardinality();
            return dead > 1000 && dead > idToOrd.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A new index holding only the live records, in ordinal order (the receiver is unchanged). */
    public HnswIndex compacted() {
        List<Change> live = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (int ord = 0; ord < size; ord++) {
                if (!deleted.get(ord)) {
                    live.add(new Change(ordToId[ord], vectors[ord]));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        HnswIndex fresh = new HnswIndex(params);
        fresh.apply(live);
        fresh.linked(); // no pending tail counts these
        return fresh;
    }

    /** Runs {@code reader} over a consistent view of the index (under the read lock): for the file writer. */
    <T> T read(StateReader<T> reader) throws IOException {
        lock.readLock().lock();
        try {
            return reader.read(vectors, size, ordToId, deleted, graph);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** What {@link #read} hands over; valid only during the call. */
    interface StateReader<T> {
        T read(float[][] vectors, int n, long[] ordToId, BitSet deleted, OnHeapHnswGraph graph) throws IOException;
    }

    /** One change of a batch: put {@code vector} for {@code id}, or remove {@code id} when it is null. */
    public record Change(long id, float[] vector) {
        public static Change remove(long id) {
            return new Change(id, null);
        }
    }

    /** Scores against the vectors as they are now: every ordinal of the graph being searched or built. */
    private RandomVectorScorer scorer(float[] q) {
        float[][] v = vectors;
        Space space = params.space();
        return new RandomVectorScorer() {
            @Override
            public float score(int ord) {
                return Distances.similarity(space, q, v[ord]);
            }

            @Override
            public int maxOrd() {
                return v.length;
            }
        };
    }

    /**
     * The graph builders' view of the vectors: called under the write lock (one insertion), by the
     * bulk's threads (on ordinals staged before they started), or under the read lock (searching).
     */
    private final class Supplier implements RandomVectorScorerSupplier {
        @Override
        public RandomVectorScorer scorer(int ord) {
            return HnswIndex.this.scorer(vectors[ord]);
        }

        @Override
        public RandomVectorScorerSupplier copy() {
            return this;
        }
    }
}
