package io.godwit.cli;

import io.godwit.metrics.GodwitMetrics;
import io.godwit.metrics.OptionalTracing;
import io.godwit.store.GodwitClient;
import io.godwit.store.Settings;
import io.godwit.store.StoreClient;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The meters {@code godwit run} serves at {@code /metrics}: the store's and its migrations' (bound
 * before the store opens, so the migrations it runs on start are counted), the server's requests, and
 * the JVM's memory, threads, CPU and uptime; and the store's spans when OpenTelemetry is configured.
 */
final class RunMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GodwitMetrics metrics;

    RunMetrics(boolean perCollection) {
        this.metrics = GodwitMetrics.of(registry).withPerCollection(perCollection);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /**
     * The settings to open the store with: the meters, and spans when the OpenTelemetry API is on the
     * class path and configured (the Java agent, say), nothing more otherwise.
     */
    Settings settings(Settings settings) {
        return OptionalTracing.applyTo(metrics.applyTo(settings));
    }

    /** Binds the gauges read from the opened store (collections, log entries, index lag). */
    void opened(StoreClient store) {
        if (store instanceof GodwitClient client) {
            metrics.bindGauges(client);
        }
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }
}
