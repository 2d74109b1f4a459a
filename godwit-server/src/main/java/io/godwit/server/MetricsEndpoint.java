package io.godwit.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.godwit.metrics.OptionalTracing;
import io.godwit.store.StoreException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /metrics}: the registry in Prometheus's text format (0.0.4). Without a configured token
 * it answers loopback clients only (403 to others: the metrics name collections and routes, and a
 * scrape reads the database); with one it needs the token, as every route does (401).
 */
final class MetricsEndpoint implements HttpHandler {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final PrometheusMeterRegistry registry;
    private final Auth auth;

    MetricsEndpoint(PrometheusMeterRegistry registry, Auth auth) {
        this.registry = registry;
        this.auth = auth;
    }

    /** Serves {@code /metrics} on {@code http} and times every request, the API's ({@code api}) and the scrapes. */
    static void mount(HttpServer http, HttpContext api, PrometheusMeterRegistry registry, Auth auth, List<Route> routes) {
        RequestMetrics requests = new RequestMetrics(registry, routes, OptionalTracing.requestSpans());
        api.getFilters().add(requests);
        http.createContext(RequestMetrics.METRICS_PATH, new MetricsEndpoint(registry, auth)).getFilters().add(requests);
    }

    /** {@code /metrics} or {@code /metrics/}: what this endpoint answers (its context also sees {@code /metricsX}). */
    static boolean matches(String rawPath) {
        return rawPath.equals(RequestMetrics.METRICS_PATH) || rawPath.equals(RequestMetrics.METRICS_PATH + "/");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (!matches(path)) {
                refuse(exchange, ApiError.notFound("No route " + exchange.getRequestMethod() + " " + path
                        + "; the routes are listed at /openapi.json"));
            } else if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                refuse(exchange, new ApiError(405, "MethodNotAllowed", exchange.getRequestMethod()
                        + " is not allowed on /metrics; use GET"));
            } else if (auth.enabled()) {
                auth.check(exchange.getRequestHeaders());
                scrape(exchange);
            } else if (!allowed(exchange.getRemoteAddress())) {
                refuse(exchange, new ApiError(403, StoreException.Kind.FORBIDDEN.errorName, "/metrics answers only"
                        + " clients on this machine (loopback) while no token is configured; scrape from here, or start"
                        + " the server with a token (--auth-token-env VAR) and send it"));
            } else {
                scrape(exchange);
            }
        } catch (ApiError e) {
            refuse(exchange, e);
        } catch (RuntimeException e) {
            LOG.error("GET /metrics failed", e);
            refuse(exchange, new ApiError(500, StoreException.Kind.INTERNAL.errorName,
                    "The server failed to render its metrics; its log has the details"));
        } finally {
            exchange.close();
        }
    }

    /** Without a token: loopback clients only. */
    static boolean allowed(InetSocketAddress remote) {
        InetAddress address = remote == null ? null : remote.getAddress();
        return address != null && address.isLoopbackAddress();
    }

    private void scrape(HttpExchange exchange) throws IOException {
        byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void refuse(HttpExchange exchange, ApiError e) {
        try {
            byte[] body = Json.write(JsonNodeFactory.instance.objectNode().put("error", e.error).put("message", e.getMessage()));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(e.status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException gone) {
            LOG.debug("GET /metrics: the client went away ({})", gone.toString());
        }
    }
}
