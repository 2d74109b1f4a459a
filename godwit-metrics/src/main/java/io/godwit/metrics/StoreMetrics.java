package io.godwit.metrics;

import io.godwit.GodwitException;
import io.godwit.store.StoreException;
import io.godwit.store.StoreOperation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;

/**
 * The store's events as meters: each collection call's latency (a histogram), records and failures
 * by operation, and index rebuilds; the engine's events (the migrations a client runs when it opens)
 * go to {@link EngineMetrics}. A {@code collection} tag only when per-collection series are on: their
 * number grows with the collections.
 */
final class StoreMetrics extends EngineForwarding {
    private final MeterRegistry registry;
    /** The per-collection series; null when they are off. */
    private final CollectionSeries series;

    StoreMetrics(MeterRegistry registry, EngineMetrics engine, CollectionSeries series) {
        super(engine);
        this.registry = registry;
        this.series = series;
    }

    @Override
    public void operation(StoreOperation kind, String collection, long records, Duration took) {
        Tags tags = tags(kind, collection);
        latency(tags.and("outcome", "success")).record(took);
        Counter.builder(MetricNames.STORE_RECORDS).description("Records written, deleted or returned by collection calls")
                .tags(tags).register(registry).increment(records);
    }

    @Override
    public void operationFailed(StoreOperation kind, String collection, Duration took, RuntimeException error) {
        Tags tags = tags(kind, collection);
        latency(tags.and("outcome", "failure")).record(took);
        Counter.builder(MetricNames.STORE_FAILURES).description("Collection calls that failed, by error")
                .tags(tags).tag("error", error(error)).register(registry).increment();
    }

    private Timer latency(Tags tags) {
        return Timer.builder(MetricNames.STORE_OPERATIONS).description("Latency of collection calls")
                .serviceLevelObjectives(MetricNames.latencyBuckets()).tags(tags).register(registry);
    }

    @Override
    public void indexRebuilt(String collection, String reason, long records, Duration took) {
        Timer.builder(MetricNames.STORE_INDEX_REBUILDS).description("Vector index rebuilds from the database")
                .tags(collectionTag(collection)).tag("reason", reason == null ? "unknown" : reason)
                .register(registry).record(took);
    }

    private Tags tags(StoreOperation kind, String collection) {
        return collectionTag(collection).and("operation", kind.label());
    }

    private Tags collectionTag(String collection) {
        if (series == null || collection == null) {
            return Tags.empty();
        }
        series.seen(collection);
        return Tags.of("collection", collection);
    }

    @Override
    public void collectionGone(String collection) {
        if (series != null) {
            series.gone(collection);
        }
    }

    @Override
    public void storeReset() {
        if (series != null) {
            series.allGone();
        }
    }

    /** A StoreException's kind ({@code invalid_argument}, {@code busy}, ...), {@code engine} for the engine's, else {@code internal}. */
    static String error(RuntimeException e) {
        if (e instanceof StoreException s) {
            return s.kind().name().toLowerCase(Locale.ROOT);
        }
        return e instanceof GodwitException ? "engine" : "internal";
    }

}
