package io.godwit.store.vector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongPredicate;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
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
 * <p>Thread-safe: many searches run at once under a read lock; {@link #apply} takes the write lock
 * for one change at a time (Lucene's graph cannot be read while a node is being linked). One
 * thread at a time may call {@link #apply}.
 */
public final class HnswIndex {
    private final IndexParams params;
    /**
     * Fair: the indexer takes the write lock once per insertion, back to back; unfair, it would take
     * it again before the searches woken by its release could run, and starve them (measured under
     * load: queries waited tens of milliseconds each). Fair, a search waits for at most one insertion.
     */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final List<float[]> vectors;
    private long[] ordToId;
    private final Map<Long, Integer> idToOrd;
    private final BitSet deleted;
    private final GraphBuilder builder;

    public HnswIndex(IndexParams params) {
        this(params, new ArrayList<>(), new long[16], new HashMap<>(), new BitSet(), null);
    }

    private HnswIndex(IndexParams params, List<float[]> vectors, long[] ordToId, Map<Long, Integer> idToOrd,
                      BitSet deleted, OnHeapHnswGraph graph) {
        this.params = params;
        this.vectors = vectors;
        this.ordToId = ordToId;
        this.idToOrd = idToOrd;
        this.deleted = deleted;
        RandomVectorScorerSupplier supplier = new Supplier();
        this.builder = GraphBuilder.over(supplier, params, graph != null ? graph : emptyGraph(supplier, params));
    }

    /** An index read back from its file: ordinals, their ids and prepared vectors, the deleted ones, the graph. */
    static HnswIndex restore(IndexParams params, List<float[]> vectors, long[] ordToId, BitSet deleted,
                             OnHeapHnswGraph graph) {
        Map<Long, Integer> idToOrd = new HashMap<>(vectors.size() * 2);
        for (int ord = 0; ord < vectors.size(); ord++) {
            if (!deleted.get(ord)) {
                idToOrd.put(ordToId[ord], ord);
            }
        }
        long[] ids = Arrays.copyOf(ordToId, Math.max(16, vectors.size()));
        return new HnswIndex(params, vectors, ids, idToOrd, deleted, graph);
    }

    public IndexParams params() {
        return params;
    }

    /**
     * Applies one batch in order: each change puts a record's vector (adding or replacing it) or,
     * with a null vector, removes the record (absent ids are ignored). The write lock is taken per
     * change, so a query waits for at most one insertion.
     */
    public void apply(List<Change> batch) {
        for (Change c : batch) {
            lock.writeLock().lock();
            try {
                Integer old = idToOrd.remove(c.id());
                if (old != null) {
                    deleted.set(old);
                }
                if (c.vector() != null) {
                    addLocked(c.id(), c.vector());
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    private void addLocked(long id, float[] vector) {
        if (vector.length != params.dimension()) {
            throw new IllegalArgumentException("vector index: record " + id + " has " + vector.length
                    + " dimensions, the index " + params.dimension());
        }
        int ord = vectors.size();
        vectors.add(Distances.prepare(params.space(), vector));
        if (ord == ordToId.length) {
            ordToId = Arrays.copyOf(ordToId, ord * 2);
        }
        ordToId[ord] = id;
        idToOrd.put(id, ord);
        builder.add(ord);
    }

    /**
     * The {@code k} nearest live records that {@code accept} admits (null: all), searching with a
     * candidate list of {@code max(k, ef)}; distances are exact, Chroma's. Fewer than {@code k} only
     * when fewer are admitted or the graph search could not reach them.
     */
    public List<Hit> search(float[] query, int k, LongPredicate accept, int ef) {
        float[] q = Distances.prepare(params.space(), query);
        lock.readLock().lock();
        try {
            int n = vectors.size();
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
            KnnCollector found = HnswGraphSearcher.search(scorer(q), Math.max(k, ef), builder.graph(), bits,
                    Integer.MAX_VALUE);
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc d : found.topDocs().scoreDocs) {
                hits.add(new Hit(ordToId[d.doc], Distances.distance(params.space(), q, vectors.get(d.doc))));
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
            return ord == null ? null : vectors.get(ord);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Offers every live record that {@code accept} admits (null: all) to {@code scan}: the exact fallback. */
    public void scanLive(ExactScan scan, LongPredicate accept) {
        lock.readLock().lock();
        try {
            for (int ord = 0; ord < vectors.size(); ord++) {
                if (!deleted.get(ord) && (accept == null || accept.test(ordToId[ord]))) {
                    scan.offerPrepared(ordToId[ord], vectors.get(ord));
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
            for (int ord = 0; ord < vectors.size(); ord++) {
                if (!deleted.get(ord)) {
                    live.add(new Change(ordToId[ord], vectors.get(ord)));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        HnswIndex fresh = new HnswIndex(params);
        fresh.apply(live);
        return fresh;
    }

    /** Runs {@code reader} over a consistent view of the index (under the read lock): for the file writer. */
    <T> T read(StateReader<T> reader) throws IOException {
        lock.readLock().lock();
        try {
            return reader.read(vectors, ordToId, deleted, builder.graph());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** What {@link #read} hands over; valid only during the call. */
    interface StateReader<T> {
        T read(List<float[]> vectors, long[] ordToId, BitSet deleted, OnHeapHnswGraph graph) throws IOException;
    }

    /** One change of a batch: put {@code vector} for {@code id}, or remove {@code id} when it is null. */
    public record Change(long id, float[] vector) {
        public static Change remove(long id) {
            return new Change(id, null);
        }
    }

    private static OnHeapHnswGraph emptyGraph(RandomVectorScorerSupplier s, IndexParams p) {
        try {
            return HnswGraphBuilder.create(s, p.maxNeighbors(), p.efConstruction(), GraphBuilder.SEED).getGraph();
        } catch (IOException e) {
            throw new IllegalStateException("vector index: cannot create the graph", e);
        }
    }

    private RandomVectorScorer scorer(float[] q) {
        int n = vectors.size();
        return new RandomVectorScorer() {
            @Override
            public float score(int ord) {
                return Distances.similarity(params.space(), q, vectors.get(ord));
            }

            @Override
            public int maxOrd() {
                return n;
            }
        };
    }

    /** The graph builder's view of the vectors: called under the write lock (building) or read lock (searching). */
    private final class Supplier implements RandomVectorScorerSupplier {
        @Override
        public RandomVectorScorer scorer(int ord) {
            return HnswIndex.this.scorer(vectors.get(ord));
        }

        @Override
        public RandomVectorScorerSupplier copy() {
            return this;
        }
    }
}
