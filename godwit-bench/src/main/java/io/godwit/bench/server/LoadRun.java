package io.godwit.bench.server;

import io.godwit.store.GetRequest;
import io.godwit.store.Include;
import io.godwit.store.QueryRequest;
import io.godwit.store.QueryResult;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One load run on one server: {@code writers} threads adding batches of {@link #BATCH} records and
 * {@code readers} threads querying k = {@link #K}, for a fixed time, through the same Java client
 * (HttpGodwitClient speaks Chroma's API v2 to both servers). Every acknowledged id is remembered, and
 * every query answer is checked (at most k distinct ids, distances ascending), so afterwards
 * {@link #lost} and {@link #wrongAnswers} say whether anything went wrong.
 */
final class LoadRun {
    static final int DIMENSIONS = 384;
    static final int BATCH = 100;
    static final int K = 10;

    final LoadStats adds = new LoadStats();
    final LoadStats queries = new LoadStats();
    final AtomicLong wrongAnswers = new AtomicLong();
    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Acknowledged ids missing afterwards ({@link #lost}), once checked. */
    long lostWrites = -1;
    private final AtomicLong nextBatch = new AtomicLong();
    private final String prefix;
    private final Pacer pacer;

    /** A run whose writers add as fast as they can. */
    LoadRun(String prefix) {
        this(prefix, 0);
    }

    /** A run whose writers together add {@code recordsPerSecond} (0: as fast as they can; see {@link Pacer}). */
    LoadRun(String prefix, double recordsPerSecond) {
        this.prefix = prefix;
        this.pacer = new Pacer(recordsPerSecond / BATCH);
    }

    static float[] vector(Random random) {
        float[] v = new float[DIMENSIONS];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    RecordBatch batch(long n) {
        Random random = new Random(n);
        List<String> ids = new ArrayList<>(BATCH);
        List<float[]> vectors = new ArrayList<>(BATCH);
        List<String> docs = new ArrayList<>(BATCH);
        List<Map<String, Object>> metas = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            ids.add(prefix + "-" + n + "-" + i);
            vectors.add(vector(random));
            docs.add("document " + n + " " + i);
            metas.add(Map.of("batch", n, "i", (long) i));
        }
        return RecordBatch.of(ids).embeddings(vectors).documents(docs).metadatas(metas);
    }

    /** Adds {@code batches} batches before the timed part, so queries have something to find. */
    void seed(StoreCollection c, int batches) {
        for (int b = 0; b < batches; b++) {
            RecordBatch batch = batch(nextBatch.getAndIncrement());
            c.add(batch);
            acknowledged.addAll(batch.ids());
        }
    }

    /** Runs the mixed load for {@code seconds}; a failed call is counted as an error, never retried. */
    void run(StoreClient client, String collection, int writers, int readers, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
        for (int w = 0; w < writers; w++) {
            pool.submit(() -> {
                StoreCollection c = handle(client, collection);
                while (System.nanoTime() < end) {
                    if (!awaitSlot()) {
                        return;
                    }
                    RecordBatch batch = batch(nextBatch.getAndIncrement());
                    long t = System.nanoTime();
                    try {
                        c.add(batch);
                        adds.ok(System.nanoTime() - t, BATCH);
                        acknowledged.addAll(batch.ids());
                    } catch (RuntimeException e) {
                        adds.errors.incrementAndGet();
                        pause();
                    }
                }
            });
        }
        for (int r = 0; r < readers; r++) {
            long seed = r;
            pool.submit(() -> {
                StoreCollection c = handle(client, collection);
                Random random = new Random(1000 + seed);
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    try {
                        QueryResult result = c.query(QueryRequest.embedding(vector(random)).nResults(K)
                                .include(Include.DISTANCES));
                        queries.ok(System.nanoTime() - t, 1);
                        check(result);
                    } catch (RuntimeException e) {
                        queries.errors.incrementAndGet();
                        pause();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
    }

    /** Waits for the pacer's next slot; false when interrupted. */
    private boolean awaitSlot() {
        try {
            pacer.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static StoreCollection handle(StoreClient client, String name) {
        while (true) {
            try {
                return client.getCollection(name).orElseThrow();
            } catch (RuntimeException e) {
                pause();
            }
        }
    }

    private void check(QueryResult result) {
        List<String> ids = result.ids().get(0);
        List<Float> distances = result.distances().get(0);
        boolean ok = ids.size() <= K && ids.size() == distances.size() && Set.copyOf(ids).size() == ids.size();
        for (int i = 1; ok && i < distances.size(); i++) {
            ok = distances.get(i - 1) <= distances.get(i) + 1e-4;
        }
        if (!ok) {
            wrongAnswers.incrementAndGet();
        }
    }

    /** Acknowledged ids the server does not hold afterwards (checked by get, in chunks). */
    long lost(StoreCollection c) {
        List<String> all = new ArrayList<>(acknowledged);
        long missing = 0;
        for (int i = 0; i < all.size(); i += 1000) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + 1000));
            missing += chunk.size() - c.get(GetRequest.ids(chunk).include(Set.of())).ids().size();
        }
        return missing;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
