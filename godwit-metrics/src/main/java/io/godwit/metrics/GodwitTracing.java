package io.godwit.metrics;

import io.godwit.EngineListener;
import io.godwit.GodwitConfiguration;
import io.godwit.store.Settings;
import io.godwit.store.StoreListener;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;

import java.util.Objects;
import java.util.Optional;

/**
 * OpenTelemetry spans of Godwit's work: a span for each collection call ({@code query books}, under
 * the caller's current span) and each vector-index rebuild, for each request a server answers
 * ({@link #requestSpans()}: the parent of the calls it makes), and for each migration run ({@code godwit
 * migrate}, with its lock wait, before-migrate backup and migrations as children). Built on the same
 * listeners as the metrics; the engine knows nothing of OpenTelemetry. Needs the OpenTelemetry API on
 * the class path (an optional dependency of godwit-metrics); an application without it uses
 * {@link OptionalTracing}, which never loads this class.
 *
 * <pre>{@code
 * GodwitTracing tracing = GodwitTracing.of(openTelemetry);     // or GodwitTracing.global(): the agent's or SDK's
 * GodwitClient client = GodwitClient.persistent(dir, tracing.applyTo(metrics.applyTo(Settings.defaults())));
 * }</pre>
 *
 * <p>A call's span is made when the store reports the call, after it returned, stamped with its start
 * and end: spans that other instrumentation makes during the call (JDBC, say) are its siblings, not
 * its children.
 */
public final class GodwitTracing {
    /** The instrumentation scope's name, which a collector can filter on. */
    public static final String SCOPE = "io.godwit";

    private final StoreSpans spans;
    private final HttpSpans requests;

    private GodwitTracing(OpenTelemetry openTelemetry) {
        Objects.requireNonNull(openTelemetry, "openTelemetry");
        this.spans = new StoreSpans(openTelemetry.getTracer(SCOPE));
        this.requests = new HttpSpans(openTelemetry, openTelemetry.getTracer(SCOPE));
    }

    /** Spans through {@code openTelemetry}'s tracer provider. */
    public static GodwitTracing of(OpenTelemetry openTelemetry) {
        return new GodwitTracing(openTelemetry);
    }

    /**
     * Spans through the global OpenTelemetry, when one was configured (by the Java agent, the SDK's
     * autoconfiguration or {@code GlobalOpenTelemetry.set}); empty otherwise, without configuring it as a
     * no-op (which {@code GlobalOpenTelemetry.get()} would do for good).
     */
    public static Optional<GodwitTracing> global() {
        return GlobalOpenTelemetry.isSet() ? Optional.of(of(GlobalOpenTelemetry.get())) : Optional.empty();
    }

    /** The store's listener (its engine events included), for {@link Settings#withListener}. */
    public StoreListener storeListener() {
        return spans;
    }

    /** Server spans of the requests a server answers ({@code godwit run}'s), parents of the store's spans. */
    public RequestSpans requestSpans() {
        return requests;
    }

    /** The engine's listener, for a {@link io.godwit.Godwit} configured by hand. */
    public EngineListener engineListener() {
        return spans;
    }

    /** {@code settings} with spans, beside the listener they already have (metrics, say). */
    public Settings applyTo(Settings settings) {
        return settings.withListener(Listeners.both(settings.listener(), spans));
    }

    /** {@code builder} with spans only; for metrics and spans, {@code events(Listeners.both(...))}. */
    public GodwitConfiguration.Builder applyTo(GodwitConfiguration.Builder builder) {
        return builder.events(spans);
    }
}
