package io.godwit.store.local;

import io.godwit.store.CollectionChange;
import io.godwit.store.CollectionConfiguration;
import io.godwit.store.CreateCollection;
import io.godwit.store.DeleteRequest;
import io.godwit.store.GodwitClient;
import io.godwit.store.Include;
import io.godwit.store.IndexStatus;
import io.godwit.store.QueryRequest;
import io.godwit.store.QueryResult;
import io.godwit.store.RecordBatch;
import io.godwit.store.Space;
import io.godwit.store.StoreCollection;
import io.godwit.store.Where;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The HNSW vector index as the store uses it, on every client (subclasses open one): recall against
 * an exact scan, Chroma's distances per space, read-your-writes, filters that never leak, and a
 * reconfigured space rebuilt. Data: seeded clustered vectors ({@link SeededVectors}).
 */
abstract class VectorIndexContract {

    protected abstract GodwitClient open();

    static StoreCollection fill(StoreCollection c, float[][] vectors, int groups) {
        for (int from = 0; from < vectors.length; from += 1000) {
            int to = Math.min(vectors.length, from + 1000);
            List<String> ids = new ArrayList<>();
            List<float[]> embeddings = new ArrayList<>();
            List<Map<String, Object>> metadatas = new ArrayList<>();
            for (int i = from; i < to; i++) {
                ids.add("r" + i);
                embeddings.add(vectors[i]);
                metadatas.add(Map.of("group", (long) (i % groups)));
            }
            c.add(RecordBatch.of(ids.toArray(String[]::new)).embeddings(embeddings).metadatas(metadatas));
        }
        return c;
    }

    /** Waits until the collection's index holds its whole log (so the graph answers, not the exact tail). */
    static void awaitIndexed(GodwitClient client, StoreCollection c) throws InterruptedException {
        c.query(QueryRequest.embedding(new float[c.get(io.godwit.store.GetRequest.all().limit(1)
                .include(Include.EMBEDDINGS)).embeddings().get(0).length]).nResults(1));
        for (int i = 0; i < 60_000 / 20; i++) {
            IndexStatus s = client.indexStatus().stream().filter(x -> x.collectionId().equals(c.id())).findFirst()
                    .orElseThrow();
            if (s.lag() == 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the index did not catch up with the log within a minute");
    }

    @Test
    void recallAgainstAnExactScanInEachSpace() throws Exception {
        float[][] data = SeededVectors.clustered(7, 3000, 24, 20);
        float[][] queries = SeededVectors.clustered(8, 50, 24, 20);
        try (GodwitClient client = open()) {
            for (Space space : Space.values()) {
                // ip on unit vectors, as embedding models give them (on others an inner product is no distance).
                float[][] records = space == Space.IP ? SeededVectors.unit(data) : data;
                StoreCollection c = fill(client.createCollection(CreateCollection.named("recall-" + space.name().toLowerCase())
                        .configuration(CollectionConfiguration.defaults().withSpace(space))), records, 1);
                awaitIndexed(client, c);
                double found = 0;
                for (float[] q : queries) {
                    List<String> got = c.query(QueryRequest.embedding(q).nResults(10)).ids().get(0);
                    found += SeededVectors.overlap(SeededVectors.exact(space, records, q, 10), got);
                }
                assertThat(found / (queries.length * 10)).as("recall@10 in " + space).isGreaterThanOrEqualTo(0.95);
            }
        }
    }

    @Test
    void distancesAreChromasInEachSpace() {
        try (GodwitClient client = open()) {
            float[] a = {1, 2, 2};
            float[] q = {2, 0, 1};
            Map<Space, Float> want = Map.of(Space.L2, 1f + 4 + 1, Space.IP, 1f - (2 + 0 + 2),
                    Space.COSINE, (float) (1 - 4 / (3 * Math.sqrt(5))));
            for (Space space : Space.values()) {
                StoreCollection c = client.createCollection(CreateCollection.named("d-" + space.name().toLowerCase())
                        .configuration(CollectionConfiguration.defaults().withSpace(space)));
                c.add(RecordBatch.of("a").embeddings(List.of(a)));
                float d = c.query(QueryRequest.embedding(q).nResults(1)).distances().get(0).get(0);
                assertThat(d).as(space.name()).isCloseTo(want.get(space), within(1e-5f));
            }
        }
    }

    @Test
    void readYourWritesAfterAddUpdateAndDelete() throws Exception {
        float[][] data = SeededVectors.clustered(3, 1500, 8, 10);
        try (GodwitClient client = open()) {
            StoreCollection c = fill(client.createCollection("ryw"), data, 1);
            awaitIndexed(client, c);
            float[] far = new float[8];
            java.util.Arrays.fill(far, 100);
            c.add(RecordBatch.of("new").embeddings(List.<float[]>of(far)));
            assertThat(top(c, far)).isEqualTo("new");
            c.update(RecordBatch.of("r5").embeddings(List.<float[]>of(far.clone())).documents(List.of("moved")));
            QueryResult near = c.query(QueryRequest.embedding(far).nResults(2));
            assertThat(near.ids().get(0)).containsExactlyInAnyOrder("new", "r5");
            assertThat(near.distances().get(0)).containsOnly(0f);
            c.update(RecordBatch.of("r5").documents(List.of("only the document")));
            assertThat(c.query(QueryRequest.embedding(far).nResults(2)).ids().get(0)).contains("r5");
            c.delete(DeleteRequest.ids("new", "r5"));
            List<String> after = c.query(QueryRequest.embedding(far).nResults(50)).ids().get(0);
            assertThat(after).hasSize(50).doesNotContain("new", "r5");
            c.upsert(RecordBatch.of("r5").embeddings(List.<float[]>of(far)));
            assertThat(top(c, far)).isEqualTo("r5");
            awaitIndexed(client, c);
            assertThat(top(c, far)).isEqualTo("r5");
            assertThat(c.query(QueryRequest.embedding(far).nResults(5000)).ids().get(0)).hasSize(1500).doesNotContain("new");
        }
    }

    @Test
    void filtersNeverLeakAndReturnNResultsWhenThatManyMatch() throws Exception {
        float[][] data = SeededVectors.clustered(11, 6000, 8, 12);
        float[][] queries = SeededVectors.clustered(12, 20, 8, 12);
        try (GodwitClient client = open()) {
            StoreCollection c = fill(client.createCollection("filters"), data, 100);
            awaitIndexed(client, c);
            List<Long> many = new ArrayList<>();
            for (long g = 0; g < 80; g++) {
                many.add(g);
            }
            // 4,800 and 60 candidates: both at most SegmentOptions.DEFAULT_EXACT_BELOW, so scanned exactly here
            // (the graph searched with the candidates as an accept-filter is HnswSegmentTest's, exactBelow 0).
            List<Map<String, Object>> filters = List.of(Where.in("group", many), Where.eq("group", 7L),
                    Where.and(Where.eq("group", 3L), Where.lt("group", 4L)));
            List<Set<Long>> allowed = List.of(new HashSet<>(many), Set.of(7L), Set.of(3L));
            for (int f = 0; f < filters.size(); f++) {
                for (float[] q : queries) {
                    QueryResult r = c.query(QueryRequest.embedding(q).nResults(10).where(filters.get(f))
                            .include(Include.METADATAS, Include.DISTANCES));
                    assertThat(r.ids().get(0)).hasSize(10);
                    for (Map<String, Object> m : r.metadatas().get(0)) {
                        assertThat(allowed.get(f)).as("leaked " + m).contains((Long) m.get("group"));
                    }
                }
            }
            // Few matching among many deleted: still nResults, none stale.
            c.delete(DeleteRequest.where(Where.eq("group", 9L)));
            Set<String> ids = new HashSet<>(c.query(QueryRequest.embedding(queries[0]).nResults(100)
                    .where(Where.in("group", List.of(9L, 10L)))).ids().get(0));
            assertThat(ids).hasSize(60).allMatch(id -> Integer.parseInt(id.substring(1)) % 100 == 10);
        }
    }

    @Test
    void aNewSpaceRebuildsTheIndex() throws Exception {
        float[][] data = SeededVectors.clustered(5, 1200, 8, 6);
        try (GodwitClient client = open()) {
            StoreCollection c = fill(client.createCollection("modify"), data, 1);
            awaitIndexed(client, c);
            float[] q = data[17];
            assertThat(c.query(QueryRequest.embedding(q).nResults(1)).distances().get(0).get(0)).isZero();
            c.modify(CollectionChange.configuration(CollectionConfiguration.defaults().withSpace(Space.IP)));
            List<String> got = c.query(QueryRequest.embedding(q).nResults(10)).ids().get(0);
            float d = c.query(QueryRequest.embedding(q).nResults(1)).distances().get(0).get(0);
            List<String> want = SeededVectors.exact(Space.IP, data, q, 10);
            assertThat(d).isCloseTo(SeededVectors.distance(Space.IP, data[Integer.parseInt(want.get(0).substring(1))], q),
                    within(1e-3f));
            awaitIndexed(client, c);
            assertThat(SeededVectors.overlap(want, c.query(QueryRequest.embedding(q).nResults(10)).ids().get(0)))
                    .isGreaterThanOrEqualTo(9);
            assertThat(SeededVectors.overlap(want, got)).isGreaterThanOrEqualTo(9);
        }
    }

    private static String top(StoreCollection c, float[] q) {
        return c.query(QueryRequest.embedding(q).nResults(1)).ids().get(0).get(0);
    }

    /**
     * Writes of this client reach the index as they commit: four writers at once (their hand-offs may
     * arrive out of order), and no query from the first one on, yet the index catches up with the whole
     * log; meanwhile each writer's own records are found exactly right after its add returns.
     */
    @Test
    void writesAreIndexedInTheBackgroundWithoutAnyQuery() throws Exception {
        float[][] data = SeededVectors.clustered(21, 4_000, 24, 20);
        try (GodwitClient client = open()) {
            StoreCollection c = fill(client.createCollection(CreateCollection.named("background")), new float[][] {data[0]}, 1);
            awaitIndexed(client, c); // opens the segment (on the first query)
            java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<Integer>> misses = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                misses.add(writers.submit(() -> {
                    int missed = 0;
                    for (int i = 1 + writer; i < data.length; i += 4 * 50) {
                        List<String> ids = new ArrayList<>();
                        List<float[]> vectors = new ArrayList<>();
                        for (int j = i; j < Math.min(data.length, i + 4 * 50); j += 4) {
                            ids.add("r" + j);
                            vectors.add(data[j]);
                        }
                        c.add(RecordBatch.of(ids.toArray(String[]::new)).embeddings(vectors));
                        if (writer == 0) {
                            missed += c.query(QueryRequest.embedding(vectors.get(vectors.size() - 1)).nResults(1))
                                    .ids().get(0).equals(List.of(ids.get(ids.size() - 1))) ? 0 : 1;
                        }
                    }
                    return missed;
                }));
            }
            writers.shutdown();
            for (java.util.concurrent.Future<Integer> m : misses) {
                assertThat(m.get()).as("records not found right after their add").isZero();
            }
            for (int i = 0; i < 120_000 / 20; i++) {
                IndexStatus s = client.indexStatus().stream().filter(x -> x.collectionId().equals(c.id())).findFirst()
                        .orElseThrow();
                if (s.lag() == 0) {
                    break;
                }
                Thread.sleep(20);
            }
            IndexStatus caughtUp = client.indexStatus().stream().filter(x -> x.collectionId().equals(c.id())).findFirst()
                    .orElseThrow();
            assertThat(caughtUp.lag()).as("log entries not in the graph, without any query since the writes").isZero();
            for (int i = 0; i < data.length; i += 97) {
                QueryResult r = c.query(QueryRequest.embedding(data[i]).nResults(1).include(Include.DISTANCES));
                assertThat(r.ids().get(0)).containsExactly("r" + i);
                assertThat(r.distances().get(0).get(0)).isCloseTo(0f, within(1e-4f));
            }
        }
    }
}
