package io.godwit.store.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.godwit.store.StoreException;
import io.godwit.store.StoreException.Kind;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One JSON request, one JSON answer: the only place the HTTP client touches the network. Safe for
 * concurrent use (the JDK client and the mapper are). Every failure is a {@link StoreException}: an
 * error answer keeps the server's message and gets the kind of its status; a server that cannot be
 * reached is INTERNAL, naming the address.
 */
final class Transport {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_BODY_SHOWN = 200;

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;
    private final String token;

    Transport(URI base, Duration timeout, String token) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        this.base = base;
        this.timeout = timeout;
        this.token = token;
    }

    URI base() {
        return base;
    }

    JsonNode get(String path) {
        return send(request(path).GET());
    }

    JsonNode delete(String path) {
        return send(request(path).DELETE());
    }

    JsonNode post(String path, JsonNode body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    JsonNode put(String path, JsonNode body) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    /** A path segment such as a tenant or collection name, percent-encoded. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json").header("Content-Type", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new StoreException(Kind.INTERNAL, "Cannot reach the Godwit server at " + base + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(Kind.INTERNAL, "Interrupted while waiting for the Godwit server at " + base, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw error(request, response);
        }
        return parse(response.body(), request);
    }

    private static JsonNode parse(byte[] body, HttpRequest request) {
        if (body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new StoreException(Kind.INTERNAL, "The answer to " + request.method() + " " + request.uri()
                    + " is not JSON", e);
        }
    }

    /** The server's {error, message}; anything else (a proxy's page) keeps the status and the start of the body. */
    private static StoreException error(HttpRequest request, HttpResponse<byte[]> response) {
        Kind kind = kind(response.statusCode());
        try {
            JsonNode json = JSON.readTree(response.body());
            if (json != null && json.hasNonNull("message")) {
                return new StoreException(kind, json.get("message").asText());
            }
        } catch (IOException notJson) {
            // Described below.
        }
        String text = new String(response.body(), StandardCharsets.UTF_8).strip();
        return new StoreException(kind, "HTTP " + response.statusCode() + " from " + request.method() + " "
                + request.uri() + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(text.length(), ERROR_BODY_SHOWN))));
    }

    /** The store's kind of failure for an HTTP status (Chroma's 422 is a refused argument too). */
    static Kind kind(int status) {
        for (Kind kind : Kind.values()) {
            if (kind.httpStatus == status) {
                return kind;
            }
        }
        return switch (status) {
            case 405, 410, 415, 422 -> Kind.INVALID_ARGUMENT;
            default -> Kind.INTERNAL;
        };
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new StoreException(Kind.INTERNAL, "Cannot write the request", e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
