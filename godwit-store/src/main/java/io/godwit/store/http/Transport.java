package io.godwit.store.http;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.godwit.store.StoreException;
import io.godwit.store.StoreException.Kind;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One JSON request, one JSON answer: the only place the HTTP client touches the network. Safe for
 * concurrent use (each call has its own connection object; the mapper is shared). Every failure is a
 * {@link StoreException}: an error answer keeps the server's message and gets the kind of its status;
 * a server that cannot be reached is INTERNAL, naming the address.
 *
 * <p>The JDK's {@code HttpURLConnection}, not {@code java.net.http.HttpClient}: it does its blocking I/O on
 * the calling thread and keeps connections alive in the JDK's cache (an answer read to its end frees its
 * connection for the next call), where HttpClient hands every exchange to its selector thread and back,
 * which cost about a millisecond a call on two busy cores (a heartbeat 1.3 ms against 0.3 ms: bench/SERVER-RESULTS.md).
 * Bodies are sent in fixed-length streaming mode, so the JDK never re-sends a POST on its own.
 */
final class Transport {
    /** NaN and infinities are written as bare tokens, not strings, so that the server's store names them. */
    static final ObjectMapper JSON = JsonMapper.builder().disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS).build();
    private static final int ERROR_BODY_SHOWN = 200;

    private final URI base;
    private final int timeoutMillis;
    private final String token;

    Transport(URI base, Duration timeout, String token) {
        this.base = base;
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        this.token = token;
    }

    URI base() {
        return base;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    JsonNode post(String path, JsonNode body) {
        return send("POST", path, bytes(body));
    }

    JsonNode put(String path, JsonNode body) {
        return send("PUT", path, bytes(body));
    }

    /** A path segment such as a tenant or collection name, percent-encoded. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, byte[] body) {
        URI uri = base.resolve(path);
        Answer answer;
        try {
            answer = exchange(method, uri, body);
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException(Kind.INTERNAL, "Cannot reach the Godwit server at " + base + ": " + describe(e), e);
        }
        if (answer.status / 100 != 2) {
            throw error(method, uri, answer);
        }
        return parse(answer.body, method, uri);
    }

    private record Answer(int status, byte[] body) {
    }

    /** One request on a kept-alive connection; the answer (error answers too) read to its end, which frees the connection. */
    private Answer exchange(String method, URI uri, byte[] body) throws IOException {
        HttpURLConnection http = (HttpURLConnection) uri.toURL().openConnection();
        http.setConnectTimeout(timeoutMillis);
        http.setReadTimeout(timeoutMillis);
        http.setUseCaches(false);
        http.setInstanceFollowRedirects(false);
        http.setRequestMethod(method);
        http.setRequestProperty("Accept", "application/json");
        http.setRequestProperty("Content-Type", "application/json");
        if (token != null) {
            http.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (body != null) {
            http.setDoOutput(true);
            http.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = http.getOutputStream()) {
                out.write(body);
            } catch (IOException e) {
                // The server may answer before it has read the whole body (a 413): its answer is read below.
                if (answerless(http)) {
                    throw e;
                }
            }
        }
        int status = http.getResponseCode();
        InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
        byte[] bytes;
        if (in == null) {
            bytes = new byte[0];
        } else {
            try (in) {
                bytes = in.readAllBytes();
            }
        }
        return new Answer(status, bytes);
    }

    /** Whether no answer can be read after a failed send (else the server answered early, e.g. 413). */
    private static boolean answerless(HttpURLConnection http) {
        try {
            return http.getResponseCode() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static JsonNode parse(byte[] body, String method, URI uri) {
        if (body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new StoreException(Kind.INTERNAL, "The answer to " + method + " " + uri + " is not JSON", e);
        }
    }

    /** The server's {error, message}; anything else (a proxy's page) keeps the status and the start of the body. */
    private static StoreException error(String method, URI uri, Answer answer) {
        Kind kind = kind(answer.status);
        try {
            JsonNode json = JSON.readTree(answer.body);
            if (json != null && json.hasNonNull("message")) {
                return new StoreException(kind, json.get("message").asText());
            }
        } catch (IOException notJson) {
            // Described below.
        }
        String text = new String(answer.body, StandardCharsets.UTF_8).strip();
        return new StoreException(kind, "HTTP " + answer.status + " from " + method + " " + uri
                + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(text.length(), ERROR_BODY_SHOWN))));
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

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
