package io.godwit.metrics;

import io.godwit.store.GodwitClient;
import io.godwit.store.IndexStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's sizes as gauges, read from the database when the registry is read (a scrape), never
 * cached for the totals: collections and log entries ({@link GodwitClient#stats}), the index lag
 * ({@link GodwitClient#indexStatus}: log entries the open vector indexes do not yet hold in their
 * graphs, summed), and per collection when enabled. Per-collection gauges appear for a collection
 * once a call touched it; their values come from one read of each kind, reused for a second, so that
 * a scrape of many collections costs two queries, not two per collection. A read that no longer finds
 * a bound collection (another client deleted or renamed it) removes its series.
 *
 * <p>The index lag covers only the vector indexes open in this client: a collection's index opens at
 * its first query through this client and stays open until the client closes or the collection is
 * deleted or reconfigured. A collection this client has not queried since it opened counts 0 in the
 * total and NaN in its own gauge; when it is queried its index opens, catches up from the log, and its
 * lag shows.
 */
final class StoreGauges {
    private static final long PER_COLLECTION_MAX_AGE_NANOS = 1_000_000_000L;

    private final MeterRegistry registry;
    private final GodwitClient client;
    private final CollectionSeries series;
    private final Set<String> bound = ConcurrentHashMap.newKeySet();
    private volatile PerCollection perCollection;

    /** One read of the per-collection figures, and when it was made. */
    private record PerCollection(Map<String, Long> logEntries, Map<String, Long> lag, long readAt) {
    }

    StoreGauges(MeterRegistry registry, GodwitClient client, CollectionSeries series) {
        this.registry = registry;
        this.client = client;
        this.series = series;
        Gauge.builder(MetricNames.STORE_COLLECTIONS, client, c -> c.stats(false).collections())
                .description("Collections in the store").register(registry);
        Gauge.builder(MetricNames.STORE_LOG_ENTRIES, client, c -> c.stats(false).logEntries())
                .description("Entries of the write-ahead log not yet purged").baseUnit("entries").register(registry);
        Gauge.builder(MetricNames.STORE_INDEX_LAG, client, c -> c.indexStatus().stream().mapToLong(IndexStatus::lag).sum())
                .description("Log entries the open vector indexes do not yet hold in their graphs")
                .baseUnit("entries").register(registry);
    }

    /** Binds the collection's own gauges, once. */
    void collection(String name) {
        if (bound.add(name)) {
            Gauge.builder(MetricNames.STORE_LOG_ENTRIES, this, g -> g.value(name, true)).tag("collection", name)
                    .description("Entries of the write-ahead log not yet purged").baseUnit("entries").register(registry);
            Gauge.builder(MetricNames.STORE_INDEX_LAG, this, g -> g.value(name, false)).tag("collection", name)
                    .description("Log entries the open vector indexes do not yet hold in their graphs")
                    .baseUnit("entries").register(registry);
        }
    }

    /** Forgets {@code name}'s gauges (the caller removes the meters); a later call binds them again. */
    void forget(String name) {
        bound.remove(name);
        perCollection = null;
    }

    void forgetAll() {
        bound.clear();
        perCollection = null;
    }

    /**
     * NaN while the lag's index is not open in this client, or for the one read that finds the
     * collection gone (which removes its series).
     */
    private double value(String name, boolean logEntries) {
        PerCollection p = perCollection;
        long now = System.nanoTime();
        if (p == null || now - p.readAt() > PER_COLLECTION_MAX_AGE_NANOS) {
            Set<String> boundBefore = Set.copyOf(bound);   // bound before the read, so existing when it reads
            Map<String, Long> lag = new HashMap<>();
            client.indexStatus().forEach(s -> lag.merge(s.collection(), s.lag(), Long::sum));
            p = new PerCollection(client.stats(true).logEntriesByCollection(), lag, now);
            perCollection = p;
            removeGone(boundBefore, p.logEntries().keySet());
        }
        Long value = (logEntries ? p.logEntries() : p.lag()).get(name);
        return value == null ? Double.NaN : value;
    }

    /** Removes the series of bound collections that no longer exist (another client deleted or renamed them). */
    private void removeGone(Set<String> boundBefore, Set<String> existing) {
        for (String name : boundBefore) {
            if (!existing.contains(name)) {
                series.gone(name);
            }
        }
    }
}
