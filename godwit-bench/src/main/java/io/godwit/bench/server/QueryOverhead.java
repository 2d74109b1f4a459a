package io.godwit.bench.server;

import io.godwit.store.GodwitClient;
import io.godwit.store.IndexStatus;
import io.godwit.store.Include;
import io.godwit.store.QueryRequest;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * What HTTP adds to one query, on a quiet machine: the same k = {@link LoadRun#K} queries, one at a
 * time, in process (a persistent client on the store), over {@code bin/godwit run} on that store
 * (HttpGodwitClient), and over the Chroma peer holding the same records, in the same run. Each
 * with distances only (as the load benchmark) and with the default include (documents, metadatas,
 * distances). Records: {@code RECORDS} of the load benchmark's batches (384-d, a document, two
 * metadata keys), indexed before anything is timed.
 *
 * <pre>java -cp CLASSPATH io.godwit.bench.server.QueryOverhead REPO [RECORDS] [QUERIES]</pre>
 * Ports: {@code -Dbench.port=P} and the one above it (default 18450).
 */
public final class QueryOverhead {
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 2_000);

    private QueryOverhead() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int port = Integer.getInteger("bench.port", 18450);
        Path work = Files.createTempDirectory("godwit-query-overhead");
        Path store = work.resolve("godwit");
        System.out.printf("Query overhead: %d records, %d queries each; work in %s%n", records, queries, work);
        try (GodwitClient client = GodwitClient.persistent(store)) {
            StoreCollection c = client.getOrCreateCollection("load");
            fill(c, records);
            c.query(QueryRequest.embedding(LoadRun.vector(new Random(1))).nResults(1));   // opens the index
            while (client.indexStatus().stream().mapToLong(IndexStatus::lag).sum() > 0) {
                Thread.sleep(50);
            }
            measure("in process", c, queries);
        }
        if (!Boolean.parseBoolean(System.getProperty("bench.server", "true"))) {
            return;
        }
        try (ServerProcess server = ServerProcess.godwit(repo, store, port, work.resolve("godwit.log"))) {
            measure("godwit run", collection(server.client()), queries);
        }
        if (!Boolean.parseBoolean(System.getProperty("bench.peer", "true"))) {
            return;
        }
        try (ServerProcess peer = ServerProcess.peer(repo, work.resolve("peer"), port + 1, work.resolve("peer.log"))) {
            StoreCollection c = peer.client().getOrCreateCollection("load");
            fill(c, records);
            measure("Chroma peer", c, queries);
        }
    }

    private static void fill(StoreCollection c, int records) {
        LoadRun batches = new LoadRun("r");
        for (long b = 0; b < records / LoadRun.BATCH; b++) {
            c.add(batches.batch(b));
        }
    }

    private static StoreCollection collection(StoreClient client) {
        return client.getCollection("load").orElseThrow();
    }

    private static void measure(String name, StoreCollection c, int queries) {
        for (Set<Include> include : java.util.List.of(Set.of(Include.DISTANCES), Include.queryDefault())) {
            Random random = new Random(7);
            for (int i = 0; i < WARM_UP; i++) {
                c.query(QueryRequest.embedding(LoadRun.vector(random)).nResults(LoadRun.K).include(include));
            }
            LoadStats stats = new LoadStats();
            for (int i = 0; i < queries; i++) {
                float[] q = LoadRun.vector(random);
                long t = System.nanoTime();
                c.query(QueryRequest.embedding(q).nResults(LoadRun.K).include(include));
                stats.ok(System.nanoTime() - t, 1);
            }
            System.out.printf(Locale.ROOT, "| %s | include %s | p50 %.2f ms | p90 %.2f ms | p99 %.2f ms |%n", name,
                    include.size() == 1 ? "distances" : "default", stats.quantileMillis(0.5), stats.quantileMillis(0.9),
                    stats.quantileMillis(0.99));
        }
    }
}
