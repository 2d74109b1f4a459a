package io.godwit.metrics;

import io.godwit.store.GodwitClient;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.Settings;
import io.godwit.store.StoreCollection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index-lag gauge on a persistent store: another client's writes put this client's index behind
 * by exactly what they wrote; the next query reads them and the indexer brings the lag back to 0.
 */
class IndexLagTest {
    private static final int DIMENSION = 8;

    @TempDir
    Path dir;

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final GodwitMetrics metrics = GodwitMetrics.of(registry).withPerCollection(true);

    private static RecordBatch records(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
            float[] v = new float[DIMENSION];
            for (int d = 0; d < DIMENSION; d++) {
                v[d] = (float) Math.sin(i * 31 + d * 7 + prefix.length());
            }
            vectors.add(v);
        }
        return RecordBatch.of(ids).embeddings(vectors);
    }

    private static void query(StoreCollection c) {
        c.query(QueryRequest.embedding(new float[DIMENSION]).nResults(3));
    }

    /** Waits (bounded: the indexer runs in the background) until {@code value} is 0; fails naming the last value. */
    private static void awaitZero(DoubleSupplier value) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (value.getAsDouble() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(value.getAsDouble()).as("index lag after the indexer caught up").isZero();
    }

    @Test
    void lagRisesWhileTheIndexIsBehindAndReturnsToZero() throws Exception {
        try (GodwitClient client = GodwitClient.persistent(dir, metrics.applyTo(Settings.defaults()))) {
            metrics.bindGauges(client);
            StoreCollection books = client.createCollection("books");
            books.add(records("a", 200));
            query(books);   // opens the index
            DoubleSupplier total = () -> registry.get(MetricNames.STORE_INDEX_LAG).tags().gauges().stream()
                    .filter(g -> g.getId().getTag("collection") == null).findFirst().orElseThrow().value();
            DoubleSupplier books_ = () -> registry.get(MetricNames.STORE_INDEX_LAG).tag("collection", "books").gauge().value();
            awaitZero(total);

            try (GodwitClient other = GodwitClient.persistent(dir)) {
                other.getCollection("books").orElseThrow().add(records("b", 150));
            }
            assertThat(total.getAsDouble()).isEqualTo(150);
            assertThat(books_.getAsDouble()).isEqualTo(150);

            query(books);   // reads the other client's entries; the indexer moves them into the graph
            awaitZero(total);
            awaitZero(books_);   // the per-collection figures are reused for a second
        }
    }
}
