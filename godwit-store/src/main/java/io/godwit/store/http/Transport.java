package io.godwit.store.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.godwit.GodwitException;

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
 * concurrent use (the JDK client and the mapper are). Every failure becomes a
 * {@link GodwitException}: an error answer an {@link HttpStoreError}, a server that cannot be
 * reached a plain one naming its address.
 */
final class Transport {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_BODY_SHOWN = 200;

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;

    Transport(URI base, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.base = base;
        this.timeout = timeout;
    }

    URI base() {
        return base;
    }

    JsonNode get(String path) {
        return send(request(path).GET());
    }

    JsonNode post(String path, JsonNode body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    /** A path segment such as a collection name, percent-encoded. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new GodwitException("Cannot reach the Godwit server at " + base + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GodwitException("Interrupted while waiting for the Godwit server at " + base, e);
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
            throw new GodwitException("The answer to " + request.method() + " " + request.uri() + " is not JSON: " + e.getMessage(), e);
        }
    }

    /** The server's {error, message}; anything else (a proxy's page) keeps the status and the start of the body. */
    private static HttpStoreError error(HttpRequest request, HttpResponse<byte[]> response) {
        try {
            JsonNode json = JSON.readTree(response.body());
            if (json != null && json.hasNonNull("error") && json.hasNonNull("message")) {
                return new HttpStoreError(response.statusCode(), json.get("error").asText(), json.get("message").asText());
            }
        } catch (IOException notJson) {
            // fall through: described below
        }
        String text = new String(response.body(), StandardCharsets.UTF_8).strip();
        return new HttpStoreError(response.statusCode(), "HttpStatus", "HTTP " + response.statusCode() + " from "
                + request.method() + " " + request.uri()
                + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(text.length(), ERROR_BODY_SHOWN))));
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new GodwitException("Cannot write the request: " + e.getMessage(), e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
