package io.godwit.metrics;

import java.util.function.Function;

/**
 * Spans of the requests a server answers, current on the serving thread while the request runs, so
 * that the store's spans of the calls it makes are their children. Names no OpenTelemetry type, so a
 * server uses it whether or not the API is on the class path ({@link OptionalTracing#requestSpans()}).
 */
public interface RequestSpans {
    /** No spans, at no cost. */
    RequestSpans NONE = (method, route, headers) -> Request.NONE;

    /**
     * Starts a request's span, named {@code method route} (the route's pattern, not the path), under
     * the trace its headers carry (W3C {@code traceparent}, read by the configured propagators), and
     * makes it current on this thread until {@link Request#end}.
     *
     * @param headers a request header's first value by name, or null when absent
     */
    Request start(String method, String route, Function<String, String> headers);

    /** One request's span. */
    interface Request {
        Request NONE = status -> { };

        /** The request was answered with {@code status} (-1: never answered): ends the span, on the thread that started it. */
        void end(int status);
    }
}
