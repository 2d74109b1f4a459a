package io.godwit.bench.vector;

import io.godwit.store.CollectionConfiguration;
import io.godwit.store.CreateCollection;
import io.godwit.store.GodwitClient;
import io.godwit.store.IndexStatus;
import io.godwit.store.Include;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.Space;
import io.godwit.store.StoreCollection;
import io.godwit.store.vector.HnswIndex;
import io.godwit.store.vector.IndexParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a query's time goes in process: the same seeded records queried through a persistent
 * store ({@code StoreCollection.query}, k = 10, distances only, as {@link StoreSide} does) and
 * through an {@link HnswIndex} of the same records alone, one query at a time; prints both p50s
 * (their difference is the store's cost per query: SQL, ids, the log check). Run it under a
 * profiler to see what that difference is. Usage: {@code QueryCost SPACE N DIM QUERIES}.
 */
public final class QueryCost {
    private QueryCost() {
    }

    public static void main(String[] args) throws Exception {
        Space space = Space.fromWireName(args[0]);
        int n = Integer.parseInt(args[1]);
        int dim = Integer.parseInt(args[2]);
        int nq = Integer.parseInt(args[3]);
        Dataset ds = new Dataset(space, n, dim, nq, VectorBench.K);
        Path dir = Files.createTempDirectory("godwit-query-cost");
        HnswIndex alone = new HnswIndex(IndexParams.of(CollectionConfiguration.defaults().withSpace(space), dim));
        List<HnswIndex.Change> changes = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            changes.add(new HnswIndex.Change(j, ds.data[j]));
        }
        alone.apply(changes);
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            StoreCollection c = client.createCollection(CreateCollection.named("cost")
                    .configuration(CollectionConfiguration.defaults().withSpace(space)));
            for (int i = 0; i < n; i += 5_000) {
                List<String> ids = new ArrayList<>();
                List<float[]> vectors = new ArrayList<>();
                for (int j = i; j < Math.min(n, i + 5_000); j++) {
                    ids.add("r" + j);
                    vectors.add(ds.data[j]);
                }
                c.add(RecordBatch.of(ids).embeddings(vectors));
                c.query(QueryRequest.embedding(ds.queries[0]).nResults(1));
            }
            while (client.indexStatus().stream().mapToLong(IndexStatus::lag).sum() > 0) {
                Thread.sleep(20);
            }
            for (int round = 0; round < 3; round++) {
                double[] store = new double[nq];
                double[] index = new double[nq];
                for (int q = 0; q < nq; q++) {
                    long t = System.nanoTime();
                    c.query(QueryRequest.embedding(ds.queries[q]).nResults(VectorBench.K).include(Include.DISTANCES));
                    store[q] = (System.nanoTime() - t) / 1e6;
                    t = System.nanoTime();
                    alone.search(ds.queries[q], VectorBench.K, null, 100);
                    index[q] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(store);
                Arrays.sort(index);
                System.out.printf("round %d: store query p50 %.3f ms, index alone p50 %.3f ms%n", round,
                        store[nq / 2], index[nq / 2]);
            }
        }
    }
}
