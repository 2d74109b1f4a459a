package io.godwit.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.godwit.GodwitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends each request to the endpoint whose method and path pattern match, and turns whatever
 * happens into a JSON answer: the endpoint's, an {@link ApiError}'s {@code {error, message}}, or
 * a 500 for anything unexpected. A 500 never shows the client a stack trace or an exception's
 * class; the server's log gets both. Called by the HttpServer's pool, any number at once.
 */
final class Router implements HttpHandler {
    /** Requests larger than this are refused with 413 before they are parsed. */
    static final int MAX_BODY = 64 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** One endpoint; runs on a pool thread, and may throw {@link ApiError} to refuse. */
    interface Endpoint {
        ApiResponse handle(ApiRequest request);
    }

    private record Route(String method, String[] pattern, Endpoint endpoint) {
        /** The values of the pattern's {@code {placeholders}}, or null when the path does not match. */
        Map<String, String> match(String[] path) {
            if (path.length != pattern.length) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < path.length; i++) {
                if (pattern[i].startsWith("{")) {
                    params.put(pattern[i].substring(1, pattern[i].length() - 1), path[i]);
                } else if (!pattern[i].equals(path[i])) {
                    return null;
                }
            }
            return params;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    Router get(String pattern, Endpoint endpoint) {
        routes.add(new Route("GET", segments(pattern), endpoint));
        return this;
    }

    Router post(String pattern, Endpoint endpoint) {
        routes.add(new Route("POST", segments(pattern), endpoint));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String line = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
        try {
            ApiResponse response = respond(exchange, line);
            LOG.debug("{} -> {}", line, response.status());
            send(exchange, response);
        } catch (IOException e) {
            LOG.debug("{}: the client went away ({})", line, e.toString());
        } finally {
            exchange.close();
        }
    }

    private ApiResponse respond(HttpExchange exchange, String line) {
        try {
            return dispatch(exchange);
        } catch (ApiError e) {
            return ApiResponse.of(e);
        } catch (RuntimeException e) {
            return ApiResponse.of(failure(line, e));
        }
    }

    private ApiResponse dispatch(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String[] segments = segments(path);
        List<String> allowed = new ArrayList<>();
        for (Route route : routes) {
            Map<String, String> params = route.match(segments);
            if (params != null && route.method().equals(method)) {
                return route.endpoint().handle(new ApiRequest(method, path, params, body(exchange)));
            }
            if (params != null) {
                allowed.add(route.method());
            }
        }
        if (allowed.isEmpty()) {
            throw ApiError.unknownEndpoint(method, path);
        }
        String allow = allowed.stream().distinct().collect(Collectors.joining(", "));
        exchange.getResponseHeaders().set("Allow", allow);
        throw ApiError.methodNotAllowed(method, path, allow);
    }

    /**
     * The 500 for an unexpected failure, logged here with its stack trace. The engine's and the
     * store's messages are written for users and say what failed, so they are passed on (on one
     * line); anything else might be a bug's internals, so the client gets a generic sentence.
     */
    static ApiError failure(String line, RuntimeException e) {
        LOG.error("{} failed", line, e);
        if (e instanceof GodwitException && e.getMessage() != null) {
            return ApiError.internal(e.getMessage().strip().replaceAll("\\s*\\R\\s*", " "));
        }
        return ApiError.internal("The server failed to handle " + line + "; its log has the details");
    }

    private static byte[] body(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw ApiError.tooLarge(MAX_BODY);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiError.invalid("The request body could not be read: " + e.getMessage());
        }
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** "/api/v1/x/" and "/api/v1/x" alike: the non-empty segments. */
    private static String[] segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
