package io.godwit.metrics;

import io.godwit.metrics.testing.PrometheusText;
import io.godwit.store.CollectionChange;
import io.godwit.store.GodwitClient;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.Settings;
import io.godwit.store.StoreCollection;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-collection series end with their collection: deleted or renamed by this client, deleted by
 * another client (found at a scrape), or the store reset. Read from a real Prometheus registry's scrape,
 * which must then hold no series of the gone collection and no NaN.
 */
class CollectionSeriesTest {
    @TempDir
    Path dir;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GodwitMetrics metrics = GodwitMetrics.of(registry).withPerCollection(true);

    private static void use(StoreCollection c) {
        c.add(RecordBatch.of("a", "b").embeddings(List.of(new float[] {1, 0}, new float[] {0, 1})));
        c.query(QueryRequest.embedding(new float[] {1, 0}).nResults(1));   // opens its index: a lag gauge too
    }

    /** The collections that the registry's Godwit meters are tagged with. */
    private Set<String> tagged() {
        Set<String> names = new TreeSet<>();
        for (Meter m : registry.getMeters()) {
            String c = m.getId().getTag("collection");
            if (c != null) {
                names.add(c);
            }
        }
        return names;
    }

    /** A scrape, parsed: every sample's collection label, and no NaN anywhere. */
    private Set<String> scrapedCollections() {
        PrometheusText text = PrometheusText.parse(registry.scrape());
        Set<String> names = new TreeSet<>();
        for (PrometheusText.Sample s : text.samples()) {
            if (s.name().startsWith("godwit_")) {
                assertThat(s.value()).as(s.toString()).isNotNaN();
            }
            if (s.labels().containsKey("collection")) {
                names.add(s.labels().get("collection"));
            }
        }
        return names;
    }

    @Test
    void aDeletedOrRenamedCollectionLeavesNoSeries() {
        try (GodwitClient client = GodwitClient.persistent(dir, metrics.applyTo(Settings.defaults()))) {
            metrics.bindGauges(client);
            use(client.createCollection("books"));
            use(client.createCollection("films"));
            use(client.createCollection("maps"));
            assertThat(scrapedCollections()).containsExactly("books", "films", "maps");
            assertThat(registry.get(MetricNames.STORE_LOG_ENTRIES).tag("collection", "books").gauge().value()).isEqualTo(2);

            client.deleteCollection("books");
            assertThat(tagged()).containsExactly("films", "maps");
            assertThat(scrapedCollections()).containsExactly("films", "maps");

            client.getCollection("films").orElseThrow().modify(CollectionChange.rename("movies"));
            assertThat(tagged()).containsExactly("maps");

            StoreCollection books = client.createCollection("books");   // the same name again: new series
            use(books);
            assertThat(registry.get(MetricNames.STORE_RECORDS).tags("collection", "books", "operation", "add")
                    .counter().count()).isEqualTo(2);
            assertThat(scrapedCollections()).containsExactly("books", "maps");
        }
    }

    @Test
    void aCollectionDeletedByAnotherClientLosesItsSeriesAtAScrape() throws Exception {
        try (GodwitClient client = GodwitClient.persistent(dir, metrics.applyTo(Settings.defaults()))) {
            metrics.bindGauges(client);
            use(client.createCollection("books"));
            use(client.createCollection("films"));
            assertThat(scrapedCollections()).containsExactly("books", "films");
            try (GodwitClient other = GodwitClient.persistent(dir)) {
                other.deleteCollection("books");
            }
            // The per-collection figures are reused for a second: scrape until a fresh read finds books gone
            // (that one scrape reads NaN for it, as it no longer has a value, and removes its series).
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (tagged().contains("books") && System.nanoTime() < deadline) {
                registry.scrape();
                Thread.sleep(100);
            }
            assertThat(tagged()).containsExactly("films");
            assertThat(scrapedCollections()).containsExactly("films");
        }
    }

    @Test
    void aResetRemovesEveryCollectionsSeries() {
        try (GodwitClient client = GodwitClient.persistent(dir, metrics.applyTo(Settings.defaults().withAllowReset(true)))) {
            metrics.bindGauges(client);
            use(client.createCollection("books"));
            use(client.createCollection("films"));
            client.reset();
            assertThat(tagged()).isEmpty();
            assertThat(scrapedCollections()).isEmpty();
            assertThat(registry.get(MetricNames.STORE_COLLECTIONS).gauge().value()).isZero();   // the totals stay
            use(client.createCollection("maps"));
            assertThat(scrapedCollections()).containsExactly("maps");
        }
    }
}
