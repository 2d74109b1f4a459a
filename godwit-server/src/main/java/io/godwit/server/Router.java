package io.godwit.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.godwit.GodwitException;
import io.godwit.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends each request to the route whose method and path match, and turns whatever happens into a
 * JSON answer: the route's, an {@link ApiError}'s or a StoreException's {@code {error, message}}, or a
 * 500 for anything unexpected, which never shows the client a stack trace or a library's message
 * (the log has them, under the request id that the answer's {@code X-Request-Id} header carries).
 * Called by the server's pool, any number at once.
 *
 * <p>Order of checks: {@code /api/v1/*} is 410 (as Chroma); an unknown path 404, a known path with
 * another method 405; then the token (401); then the body, bounded ({@link BodyReader}: 413); then the
 * route. Requests are logged at debug, refusals at info and failures at error, each with its id.
 */
final class Router implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final String REQUEST_ID = "request_id";
    private static final String ID_PREFIX = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));

    private final List<Route> routes;
    private final List<String[]> patterns = new ArrayList<>();
    private final Auth auth;
    private final BodyReader bodies;
    private final Drain drain;
    private final AtomicLong ids = new AtomicLong();

    Router(List<Route> routes, Auth auth, BodyReader bodies, Drain drain) {
        this.routes = List.copyOf(routes);
        routes.forEach(r -> patterns.add(r.segments()));
        this.auth = auth;
        this.bodies = bodies;
        this.drain = drain;
    }

    List<Route> routes() {
        return routes;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String id = ID_PREFIX + "-" + Long.toHexString(ids.incrementAndGet());
        MDC.put(REQUEST_ID, id);   // on every line logged while serving it: a JSON log's request_id
        try {
            serve(exchange, id);
        } finally {
            MDC.remove(REQUEST_ID);
        }
    }

    private void serve(HttpExchange exchange, String id) {
        String line = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
        long start = System.nanoTime();
        exchange.getResponseHeaders().set("X-Request-Id", id);
        if (!drain.enter()) {
            sendQuietly(exchange, ApiResponse.of(ApiError.shuttingDown()), id, line, start);
            return;
        }
        try {
            sendQuietly(exchange, respond(exchange, id, line), id, line, start);
        } finally {
            drain.leave();
        }
    }

    private ApiResponse respond(HttpExchange exchange, String id, String line) {
        try {
            return dispatch(exchange);
        } catch (ApiError e) {
            return refused(id, line, e);
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.INTERNAL) {
                return ApiResponse.of(failure(id, line, e));
            }
            return refused(id, line, ApiError.of(e));
        } catch (RuntimeException | StackOverflowError e) {
            return ApiResponse.of(failure(id, line, e));
        }
    }

    private ApiResponse dispatch(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String[] path = Route.split(rawPath);
        if (path.length >= 2 && path[0].equals("api") && path[1].equals("v1")) {
            throw ApiError.v1Gone();
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            Map<String, String> params = route.match(path);
            if (params == null) {
                continue;
            }
            if (!route.method().equals(method)) {
                allowed.add(route.method());
                continue;
            }
            if (!route.open()) {
                auth.check(exchange.getRequestHeaders());
            }
            byte[] body = bodies.read(exchange);
            ApiRequest request = new ApiRequest(method, rawPath, params,
                    ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()), Json.parse(body));
            return route.endpoint().handle(request);
        }
        if (allowed.isEmpty()) {
            throw ApiError.notFound("No route " + method + " " + rawPath + "; the routes are listed at /openapi.json");
        }
        exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
        throw new ApiError(405, "MethodNotAllowed", method + " is not allowed on " + rawPath + "; use "
                + String.join(" or ", allowed));
    }

    private static ApiResponse refused(String id, String line, ApiError e) {
        LOG.info("{} {} -> {} {}", id, line, e.status, e.getMessage());
        return ApiResponse.of(e);
    }

    /**
     * The 500 for an unexpected failure, logged with its stack trace. The engine's messages are
     * written for users and say what failed (a locked or unreachable database), so they are passed on;
     * anything else might be a bug's internals, so the client gets a sentence with the request id.
     */
    static ApiError failure(String id, String line, Throwable e) {
        LOG.error("{} {} failed", id, line, e);
        if (e instanceof GodwitException && e.getMessage() != null && !e.getMessage().isBlank()) {
            return new ApiError(500, StoreException.Kind.INTERNAL.errorName, ApiError.oneLine(e.getMessage()));
        }
        return new ApiError(500, StoreException.Kind.INTERNAL.errorName, "The server failed to handle " + line
                + "; its log has the details under request id " + id);
    }

    private void sendQuietly(HttpExchange exchange, ApiResponse response, String id, String line, long start) {
        try {
            send(exchange, response, bodies);
            LOG.debug("{} {} -> {} in {} ms", id, line, response.status(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            LOG.debug("{} {}: the client went away ({})", id, line, e.toString());
        } finally {
            exchange.close();
        }
    }

    /**
     * Writes the answer and flushes it to the client, then reads what is left of the request body
     * before closing: the JDK closes a connection whose body was not read when the answer's stream
     * closes, and a client still sending would see a reset instead of the answer (a 413's, say).
     */
    private static void send(HttpExchange exchange, ApiResponse response, BodyReader bodies) throws IOException {
        byte[] bytes = Json.write(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
            out.flush();
            bodies.finish(exchange);
        }
    }
}
