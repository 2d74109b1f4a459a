package io.godwit.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The per-collection series (Godwit's meters tagged {@code collection}), when they are on: bound when a
 * call first touches a collection, removed when it is gone — deleted or renamed by this client (the
 * store says so), deleted or renamed by another client (found missing when the gauges are read) — and
 * all of them on a reset, so that a collection that no longer exists leaves no series behind (its
 * gauges would read NaN for ever). Series are keyed by name: a collection of the same name in another
 * database shares them, and after a removal its series start again at its next call.
 */
final class CollectionSeries {
    private static final String TAG = "collection";

    private final MeterRegistry registry;
    private volatile StoreGauges gauges;

    CollectionSeries(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The gauges read from the store, once bound ({@link GodwitMetrics#bindGauges}). */
    void gauges(StoreGauges bound) {
        gauges = bound;
    }

    /** A call touched {@code collection}: binds its gauges, once. */
    void seen(String collection) {
        StoreGauges g = gauges;
        if (g != null) {
            g.collection(collection);
        }
    }

    /** {@code collection} is gone: removes every Godwit meter tagged with it. */
    void gone(String collection) {
        StoreGauges g = gauges;
        if (g != null) {
            g.forget(collection);
        }
        remove(collection);
    }

    /** Every collection is gone (a reset). */
    void allGone() {
        StoreGauges g = gauges;
        if (g != null) {
            g.forgetAll();
        }
        remove(null);
    }

    /** Removes Godwit's meters tagged {@code collection} (any collection when null); others' meters stay. */
    private void remove(String collection) {
        for (Meter m : registry.getMeters()) {
            String tag = m.getId().getTag(TAG);
            if (tag != null && (collection == null || collection.equals(tag)) && m.getId().getName().startsWith("godwit.")) {
                registry.remove(m);
            }
        }
    }
}
