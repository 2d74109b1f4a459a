package io.godwit.metrics;

import io.godwit.EngineListener;
import io.godwit.GodwitConfiguration;
import io.godwit.store.GodwitClient;
import io.godwit.store.Settings;
import io.godwit.store.StoreListener;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Objects;

/**
 * Godwit's meters in a Micrometer {@link MeterRegistry} the application passes: the engine's
 * migrations, locks and backups, the store's collection calls, sizes and index. Without it nothing is
 * measured and nothing is paid.
 *
 * <pre>{@code
 * GodwitMetrics metrics = GodwitMetrics.of(registry);
 * GodwitClient client = GodwitClient.persistent(dir, metrics.applyTo(Settings.defaults()));
 * metrics.bindGauges(client);                                // collections, log entries, index lag
 * Godwit engine = metrics.applyTo(Godwit.configure().sqlite(file)...).load();   // the engine alone
 * }</pre>
 *
 * <p>Series carry a {@code collection} tag only with {@link #withPerCollection(boolean) per-collection}
 * series on: their number grows with the collections, which a Prometheus server must be sized for.
 * A collection's series are removed when it is deleted or renamed, and all of them on a reset.
 * Thread-safe; one instance per registry and store.
 */
public final class GodwitMetrics {
    private final MeterRegistry registry;
    private final boolean perCollection;
    private final EngineMetrics engine;
    private final StoreMetrics store;
    private final CollectionSeries series;

    private GodwitMetrics(MeterRegistry registry, boolean perCollection) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.perCollection = perCollection;
        this.engine = new EngineMetrics(registry);
        this.series = new CollectionSeries(registry);
        this.store = new StoreMetrics(registry, engine, perCollection ? series : null);
    }

    public static GodwitMetrics of(MeterRegistry registry) {
        return new GodwitMetrics(registry, false);
    }

    /** A binder to the same registry with per-collection series on or off (default off). */
    public GodwitMetrics withPerCollection(boolean value) {
        return new GodwitMetrics(registry, value);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The engine's listener, for a {@link io.godwit.Godwit} configured by hand. */
    public EngineListener engineListener() {
        return engine;
    }

    /** The store's listener (the engine's events included), for {@link Settings#withListener}. */
    public StoreListener storeListener() {
        return store;
    }

    /** {@code settings} with this binder's store listener, beside the listener they already have (spans, say). */
    public Settings applyTo(Settings settings) {
        return settings.withListener(Listeners.both(settings.listener(), store));
    }

    /** {@code builder} with this binder's engine listener only; for metrics and spans, {@code events(Listeners.both(...))}. */
    public GodwitConfiguration.Builder applyTo(GodwitConfiguration.Builder builder) {
        return builder.events(engine);
    }

    /**
     * Binds the gauges read from the store itself when the registry is read: collections, log
     * entries, index lag (and per collection when on). Call once, after the client opened.
     */
    public void bindGauges(GodwitClient client) {
        series.gauges(new StoreGauges(registry, Objects.requireNonNull(client, "client"), series));
    }
}
