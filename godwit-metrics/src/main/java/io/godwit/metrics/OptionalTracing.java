package io.godwit.metrics;

import io.godwit.store.Settings;
import io.godwit.store.StoreListener;

/**
 * Spans when they can be had, nothing otherwise: when the OpenTelemetry API is on the class path and
 * a global OpenTelemetry was configured, {@link GodwitTracing#global()}'s listener; else nothing, at no
 * cost. This class names no OpenTelemetry type, so it loads without the API ({@code godwit run} calls
 * it on every start).
 */
public final class OptionalTracing {
    private static final String API = "io.opentelemetry.api.GlobalOpenTelemetry";

    private OptionalTracing() {
    }

    /** Whether the OpenTelemetry API is on this class loader's class path. */
    public static boolean apiPresent() {
        try {
            Class.forName(API, false, OptionalTracing.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The global OpenTelemetry's span listener, or {@link StoreListener#NONE}. */
    public static StoreListener storeListener() {
        return apiPresent() ? Global.listener() : StoreListener.NONE;
    }

    /** The global OpenTelemetry's request spans, or {@link RequestSpans#NONE}. */
    public static RequestSpans requestSpans() {
        return apiPresent() ? Global.requests() : RequestSpans.NONE;
    }

    /** {@code settings} with spans beside their listener when they can be had; {@code settings} otherwise. */
    public static Settings applyTo(Settings settings) {
        StoreListener spans = storeListener();
        return spans == StoreListener.NONE ? settings : settings.withListener(Listeners.both(settings.listener(), spans));
    }

    /** Loaded only once the API is known to be there. */
    private static final class Global {
        static StoreListener listener() {
            return GodwitTracing.global().map(GodwitTracing::storeListener).orElse(StoreListener.NONE);
        }

        static RequestSpans requests() {
            return GodwitTracing.global().map(GodwitTracing::requestSpans).orElse(RequestSpans.NONE);
        }
    }
}
