package io.godwit.store.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.godwit.store.LegacyStoreClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client of a Godwit server (godwit-server), Chroma's {@code HttpClient}: the same collection API
 * as {@link io.godwit.store.GodwitClient}, over the JSON API of the README (Server and HTTP client). It holds no
 * connection of its own between requests, so it is cheap, thread-safe, and needs no server at
 * construction: the first request finds out whether one answers.
 *
 * <pre>{@code
 * try (HttpGodwitClient client = HttpGodwitClient.connect("localhost", 8000)) {
 *     HttpCollection books = client.createCollection("books", 3);
 *     books.add("a", new float[] {1, 0, 0}, Map.of("author", "ann"), "the quick fox");
 * }
 * }</pre>
 *
 * The server's refusals arrive as {@link HttpStoreError}s (status and code), an unreachable
 * server as a {@link io.godwit.GodwitException} naming the address.
 */
public final class HttpGodwitClient implements LegacyStoreClient {
    /** How long to wait to connect, and then for each answer, unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final String API = "api/v1/";

    private final Transport transport;

    private HttpGodwitClient(Transport transport) {
        this.transport = transport;
    }

    /** The server at {@code http://host:port/}. */
    public static HttpGodwitClient connect(String host, int port) {
        String authority = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return connect(URI.create("http://" + authority + ":" + port + "/"), DEFAULT_TIMEOUT);
    }

    /** The server at {@code base} (e.g. {@code http://127.0.0.1:8000/}), waiting at most {@code timeout} per request. */
    public static HttpGodwitClient connect(URI base, Duration timeout) {
        String text = base.toString();
        return new HttpGodwitClient(new Transport(URI.create(text.endsWith("/") ? text : text + "/"), timeout));
    }

    /** The server's clock in nanoseconds: a cheap check that it answers. */
    public long heartbeat() {
        return transport.get(API + "heartbeat").path("nanosecond heartbeat").longValue();
    }

    /** The server's Godwit version. */
    public String version() {
        return transport.get(API + "version").path("version").asText();
    }

    @Override
    public HttpCollection createCollection(String name, Integer dimension) {
        return createCollection(name, dimension, Map.of());
    }

    /** Creates a collection; one of that name already there is an {@link HttpStoreError} with status 409. */
    @Override
    public HttpCollection createCollection(String name, Integer dimension, Map<String, Object> metadata) {
        ObjectNode body = Transport.JSON.createObjectNode();
        body.put("name", name);
        body.put("dimension", dimension);
        body.set("metadata", Wire.metadata(metadata));
        return new HttpCollection(transport, transport.post(API + "collections", body));
    }

    @Override
    public Optional<HttpCollection> getCollection(String name) {
        try {
            return Optional.of(new HttpCollection(transport, transport.get(API + "collections/" + Transport.segment(name))));
        } catch (HttpStoreError e) {
            if (e.status() == 404 && "CollectionNotFound".equals(e.error())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<String> listCollections() {
        List<String> names = new ArrayList<>();
        transport.get(API + "collections").path("collections").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    /** Nothing to release: the JDK's HTTP client of Java 17 frees its connections when it is collected. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "HttpGodwitClient[" + transport.base() + "]";
    }
}
