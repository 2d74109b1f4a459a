package io.godwit.metrics;

import io.godwit.store.GodwitClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's sizes as gauges, read from the database when the registry is read (a scrape), never
 * cached for the totals: collections and log entries ({@link GodwitClient#stats}), and per collection
 * when enabled. Per-collection gauges appear for a collection once a call touched it; their values come
 * from one grouped read, reused for a second so that a scrape of many collections costs one query.
 */
final class StoreGauges {
    private static final long PER_COLLECTION_MAX_AGE_NANOS = 1_000_000_000L;

    private final MeterRegistry registry;
    private final GodwitClient client;
    private final Set<String> bound = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Long> byCollection = Map.of();
    private volatile long readAt = Long.MIN_VALUE;

    StoreGauges(MeterRegistry registry, GodwitClient client) {
        this.registry = registry;
        this.client = client;
        Gauge.builder(MetricNames.STORE_COLLECTIONS, client, c -> c.stats(false).collections())
                .description("Collections in the store").register(registry);
        Gauge.builder(MetricNames.STORE_LOG_ENTRIES, client, c -> c.stats(false).logEntries())
                .description("Entries of the write-ahead log not yet purged").baseUnit("entries").register(registry);
    }

    /** Binds the collection's own log-entries gauge, once. */
    void collection(String name) {
        if (bound.add(name)) {
            Gauge.builder(MetricNames.STORE_LOG_ENTRIES, this, g -> g.logEntries(name)).tag("collection", name)
                    .description("Entries of the write-ahead log not yet purged").baseUnit("entries").register(registry);
        }
    }

    /** NaN once the collection is gone (Prometheus then drops the sample). */
    private double logEntries(String name) {
        long now = System.nanoTime();
        if (readAt == Long.MIN_VALUE || now - readAt > PER_COLLECTION_MAX_AGE_NANOS) {
            byCollection = client.stats(true).logEntriesByCollection();
            readAt = now;
        }
        Long entries = byCollection.get(name);
        return entries == null ? Double.NaN : entries;
    }
}
