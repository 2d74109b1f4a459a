package io.godwit.bench.vector;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.godwit.store.CollectionChange;
import io.godwit.store.CollectionConfiguration;
import io.godwit.store.CreateCollection;
import io.godwit.store.GodwitClient;
import io.godwit.store.IndexStatus;
import io.godwit.store.Include;
import io.godwit.store.QueryRequest;
import io.godwit.store.QueryResult;
import io.godwit.store.RecordBatch;
import io.godwit.store.Space;
import io.godwit.store.StoreCollection;
import io.godwit.store.Where;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Godwit side of one workload through the store, in its own JVM: a persistent client, records
 * added in batches of 5,000 (each followed by one query, as an application reading its writes
 * would, which lets the index catch up while adds go on), queries through {@code StoreCollection},
 * filters as {@code where} on a metadata key. Usage as {@link GodwitSide}, with a sixth argument
 * {@code no-rebuild} to skip the rebuild after the file is deleted; writes DIR/godwit.json.
 *
 * <p>In parts ({@code -Dbench.addsUpTo=N}, for a workload whose adds alone take longer than one run
 * may hold the machine): adds continue from the records the store already holds up to N, wait until
 * all are indexed, and the side stops there (the client closed, so the index file is written),
 * keeping the times so far in DIR/godwit-progress.json; a run without the property then adds the rest
 * and goes on. The add and index times are then the sums of the parts' (the reopening between parts,
 * which reads the index file, and the file's writing on close are not in them).
 */
public final class StoreSide {
    /** Queries before each timed phase: the same as the segment-level side's. */
    static final int WARM_UP = GodwitSide.WARM_UP;
    private static final int BATCH = 5_000;

    private StoreSide() {
    }

    public static void main(String[] args) throws Exception {
        SideArgs a = SideArgs.parse(args);
        Path dir = a.dir();
        Space space = a.space();
        int dim = a.dim();
        int k = a.k();
        int efAlt = a.efAlt();
        boolean rebuild = args.length < 6 || !"no-rebuild".equals(args[5]);
        float[][] data = a.data();
        float[][] queries = a.queries();
        Path store = dir.resolve("godwit-store");
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Answers> phases = new LinkedHashMap<>();
        Path progress = dir.resolve("godwit-progress.json");
        Map<String, Object> before = Files.exists(progress)
                ? new ObjectMapper().readValue(progress.toFile(), Map.class) : Map.of();
        int upTo = Math.min(data.length, Integer.getInteger("bench.addsUpTo", data.length));
        try (GodwitClient client = GodwitClient.persistent(store)) {
            StoreCollection c = client.getCollection("bench").orElseGet(() -> client.createCollection(
                    CreateCollection.named("bench").configuration(CollectionConfiguration.defaults().withSpace(space))));
            int from = (int) c.count();
            double appendBefore = ((Number) before.getOrDefault("appendSeconds", 0)).doubleValue();
            double indexBefore = ((Number) before.getOrDefault("indexSeconds", 0)).doubleValue();
            long t0 = System.nanoTime();
            for (int i = from; i < upTo; i += BATCH) {
                c.add(batch(data, i, Math.min(upTo, i + BATCH)));
                c.query(QueryRequest.embedding(queries[0]).nResults(1));
            }
            out.put("appendSeconds", appendBefore + (System.nanoTime() - t0) / 1e9);
            awaitIndexed(client);
            out.put("indexSeconds", indexBefore + (System.nanoTime() - t0) / 1e9);
            out.put("parts", ((Number) before.getOrDefault("parts", 0)).intValue() + 1);
            if (upTo < data.length) {
                out.put("records", upTo);
                new ObjectMapper().writeValue(progress.toFile(), out);
                System.out.printf("records %d to %d added and indexed in %.1f s; %d of %d so far%n", from, upTo,
                        (System.nanoTime() - t0) / 1e9, upTo, data.length);
                return;
            }
            phases.put("default", run(c, queries, k, null));
            phases.put("filter10", run(c, queries, k, Where.lt("bucket", 10)));
            phases.put("filter1", run(c, queries, k, Where.eq("bucket", 0)));
            c.modify(CollectionChange.configuration(CollectionConfiguration.defaults().withSpace(space).withEfSearch(efAlt)));
            phases.put("ef", run(c, queries, k, null));
            // back to Chroma's default, which the HTTP rows (Godwit's server on this store) then use
            c.modify(CollectionChange.configuration(CollectionConfiguration.defaults().withSpace(space)));
            out.put("phases", phases);
            out.put("rssMb", Memory.rssMb());
            out.put("heapMb", Memory.heapUsedMb());
        }
        Path file = indexFile(store);
        out.put("fileBytes", Files.size(file));
        out.put("filterPaths", Map.of());

        long t1 = System.nanoTime();
        try (GodwitClient client = GodwitClient.persistent(store)) {
            client.getCollection("bench").orElseThrow().query(QueryRequest.embedding(queries[0]).nResults(k));
            out.put("openFirstQueryMs", (System.nanoTime() - t1) / 1e6);
        }
        Files.deleteIfExists(progress); // the adds are whole: a later run starts afresh
        if (!rebuild) {
            new ObjectMapper().writeValue(dir.resolve("godwit.json").toFile(), out);
            return;
        }
        Files.delete(file);
        long t2 = System.nanoTime();
        try (GodwitClient client = GodwitClient.persistent(store)) {
            client.getCollection("bench").orElseThrow().query(QueryRequest.embedding(queries[0]).nResults(k));
            out.put("rebuildFirstQueryMs", (System.nanoTime() - t2) / 1e6);
            awaitIndexed(client);
            out.put("rebuildSeconds", (System.nanoTime() - t2) / 1e9);
        }
        new ObjectMapper().writeValue(dir.resolve("godwit.json").toFile(), out);
    }

    private static RecordBatch batch(float[][] data, int from, int to) {
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<Map<String, Object>> metadatas = new ArrayList<>();
        for (int j = from; j < to; j++) {
            ids.add("r" + j);
            vectors.add(data[j]);
            metadatas.add(Map.of("bucket", (long) (j % 100)));   // < 10: Dataset.TEN_PERCENT; 0: ONE_PERCENT
        }
        return RecordBatch.of(ids).embeddings(vectors).metadatas(metadatas);
    }

    private static void awaitIndexed(GodwitClient client) throws InterruptedException {
        while (client.indexStatus().stream().mapToLong(IndexStatus::lag).sum() > 0) {
            Thread.sleep(20);
        }
    }

    private static Path indexFile(Path store) throws Exception {
        try (Stream<Path> files = Files.walk(store.resolve("vector"))) {
            return files.filter(p -> p.getFileName().toString().equals("index.gwvx")).findFirst().orElseThrow();
        }
    }

    static Answers run(StoreCollection c, float[][] queries, int k, Map<String, Object> where) {
        for (int i = 0; i < Math.min(WARM_UP, queries.length); i++) {
            c.query(QueryRequest.embedding(queries[i]).nResults(k).where(where)); // warm-up
        }
        Answers a = new Answers();
        for (float[] q : queries) {
            long t = System.nanoTime();
            QueryResult r = c.query(QueryRequest.embedding(q).nResults(k).where(where).include(Include.DISTANCES));
            double ms = (System.nanoTime() - t) / 1e6;
            long[] ids = r.ids().get(0).stream().mapToLong(id -> Long.parseLong(id.substring(1))).toArray();
            float[] d = new float[ids.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = r.distances().get(0).get(i);
            }
            a.add(ids, d, ms);
        }
        return a;
    }
}
