package io.godwit.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.godwit.metrics.MetricNames;
import io.godwit.metrics.RequestSpans;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request by method, route pattern (e.g.
 * {@code /api/v2/tenants/{tenant}/databases/{database}/collections}, never the ids, so the series stay
 * few) and status, into {@link MetricNames#HTTP_REQUESTS}. A path no route knows is {@code unmatched};
 * a request whose answer was never sent (the client went away) has status {@code -1}. With spans on
 * (OpenTelemetry configured), each request is also a server span, current while it is served.
 */
final class RequestMetrics extends Filter {
    static final String METRICS_PATH = "/metrics";

    private final MeterRegistry registry;
    private final List<Route> routes;
    private final RequestSpans spans;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** @param spans a span per request ({@link RequestSpans#NONE}: none), current while it is served */
    RequestMetrics(MeterRegistry registry, List<Route> routes, RequestSpans spans) {
        this.registry = registry;
        this.routes = List.copyOf(routes);
        this.spans = spans;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String route = route(method, exchange.getRequestURI().getRawPath());
        RequestSpans.Request span = spans.start(method, route, exchange.getRequestHeaders()::getFirst);
        try {
            chain.doFilter(exchange);
        } finally {
            span.end(exchange.getResponseCode());
            timer(method, route, exchange.getResponseCode()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The series of one method, route and status, registered on first use and then kept: building and
     * registering it on every request (tags, SLO buckets, the registry's lookup) was a tenth of a
     * millisecond a query. Routes and statuses are few, so the map stays small.
     */
    private Timer timer(String method, String route, int status) {
        return timers.computeIfAbsent(method + " " + route + " " + status, key ->
                Timer.builder(MetricNames.HTTP_REQUESTS).description("HTTP requests served, by route and status")
                        .serviceLevelObjectives(MetricNames.LATENCY_BUCKETS.toArray(Duration[]::new))
                        .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
                        .register(registry));
    }

    @Override
    public String description() {
        return "request metrics";
    }

    /** The pattern of the route the request went to; of another method's route when it was refused with 405. */
    private String route(String method, String rawPath) {
        if (MetricsEndpoint.matches(rawPath)) {
            return METRICS_PATH;
        }
        String[] path = Route.split(rawPath);
        String other = "unmatched";
        for (Route r : routes) {
            if (r.match(path) != null) {
                if (r.method().equals(method)) {
                    return r.pattern();
                }
                other = other.equals("unmatched") ? r.pattern() : other;
            }
        }
        return other;
    }
}
