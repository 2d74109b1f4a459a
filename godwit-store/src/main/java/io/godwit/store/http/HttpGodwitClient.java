package io.godwit.store.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.godwit.store.CollectionScope;
import io.godwit.store.Database;
import io.godwit.store.Settings;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreException;
import io.godwit.store.Tenant;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Java client of Chroma's HTTP API v2, served by {@code godwit run} (and by Chroma itself): the
 * same {@link StoreClient} as the in-process clients, one HTTP request per call. It holds no
 * connection of its own between requests, is thread-safe, and needs no server to be constructed:
 * the first request finds out whether one answers.
 *
 * <pre>{@code
 * try (StoreClient client = HttpGodwitClient.connect("localhost", 8000)) {
 *     StoreCollection books = client.getOrCreateCollection("books");
 *     books.add(RecordBatch.of("a").embeddings(List.of(new float[] {1, 0, 0})));
 * }
 * }</pre>
 *
 * <p>The server's refusals arrive as {@link StoreException}s with the server's message and the kind
 * of its status (400 INVALID_ARGUMENT, 404 NOT_FOUND, 409 ALREADY_EXISTS, ...). {@link #settings()}
 * are the defaults with the server's {@code max_batch_size}. Listing and deleting tenants are
 * Godwit's own routes: Chroma answers them 404/405.
 */
public final class HttpGodwitClient implements StoreClient {
    /** How long to wait to connect, and then for each answer, unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final String API = "api/v2/";

    private final Transport transport;
    private final Settings defaults;
    private volatile Settings settings;

    private HttpGodwitClient(Transport transport, Settings defaults) {
        this.transport = transport;
        this.defaults = defaults;
    }

    /** The server at {@code http://host:port/}, without a token. */
    public static HttpGodwitClient connect(String host, int port) {
        String authority = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return connect(URI.create("http://" + authority + ":" + port + "/"), null, DEFAULT_TIMEOUT);
    }

    /**
     * The server at {@code base} (e.g. {@code http://127.0.0.1:8000/}); {@code token} (null: none) is
     * sent as {@code Authorization: Bearer}; each request waits at most {@code timeout}.
     */
    public static HttpGodwitClient connect(URI base, String token, Duration timeout) {
        return connect(base, token, timeout, Settings.defaults());
    }

    /** As {@link #connect(URI, String, Duration)}, with the default tenant and database of {@code settings}. */
    public static HttpGodwitClient connect(URI base, String token, Duration timeout, Settings settings) {
        String text = base.toString();
        return new HttpGodwitClient(new Transport(URI.create(text.endsWith("/") ? text : text + "/"), timeout, token),
                settings);
    }

    @Override
    public long heartbeat() {
        return transport.get(API + "heartbeat").path("nanosecond heartbeat").longValue();
    }

    @Override
    public String version() {
        return transport.get(API + "version").asText();
    }

    /** The defaults with the server's {@code max_batch_size} (asked once, on first use). */
    @Override
    public Settings settings() {
        Settings s = settings;
        if (s == null) {
            JsonNode preflight = transport.get(API + "pre-flight-checks");
            s = defaults.withMaxBatchSize(preflight.path("max_batch_size").asInt(defaults.maxBatchSize()));
            settings = s;
        }
        return s;
    }

    @Override
    public void reset() {
        transport.post(API + "reset", JsonValues.NODES.objectNode());
    }

    @Override
    public Tenant createTenant(String name) {
        transport.post(API + "tenants", JsonValues.NODES.objectNode().put("name", name));
        return new Tenant(name);
    }

    @Override
    public Optional<Tenant> getTenant(String name) {
        return absentOn404(() -> new Tenant(JsonValues.string(transport.get(tenant(name)).get("name"), "name")));
    }

    @Override
    public List<Tenant> listTenants() {
        List<Tenant> out = new ArrayList<>();
        transport.get(API + "tenants").forEach(t -> out.add(new Tenant(JsonValues.string(t.get("name"), "name"))));
        return out;
    }

    @Override
    public void deleteTenant(String name) {
        transport.delete(tenant(name));
    }

    @Override
    public Database createDatabase(String tenant, String name) {
        transport.post(tenant(tenant) + "/databases", JsonValues.NODES.objectNode().put("name", name));
        return getDatabase(tenant, name).orElseThrow(() -> StoreException.notFound("Database [" + name + "] vanished"));
    }

    @Override
    public Optional<Database> getDatabase(String tenant, String name) {
        return absentOn404(() -> database(transport.get(database(tenant, name))));
    }

    @Override
    public List<Database> listDatabases(String tenant, Integer limit, int offset) {
        List<Database> out = new ArrayList<>();
        transport.get(tenant(tenant) + "/databases" + page(limit, offset)).forEach(d -> out.add(database(d)));
        return out;
    }

    @Override
    public void deleteDatabase(String tenant, String name) {
        transport.delete(database(tenant, name));
    }

    @Override
    public CollectionScope scope(String tenant, String database) {
        return new HttpScope(transport, tenant, database, database(tenant, database) + "/collections");
    }

    @Override
    public CollectionScope defaultScope() {
        return scope(defaults.defaultTenant(), defaults.defaultDatabase());
    }

    /** Nothing to release: the JDK client's connections close when idle. */
    @Override
    public void close() {
    }

    static String page(Integer limit, int offset) {
        return "?offset=" + offset + (limit == null ? "" : "&limit=" + limit);
    }

    private static String tenant(String name) {
        return API + "tenants/" + Transport.segment(name);
    }

    private static String database(String tenant, String name) {
        return tenant(tenant) + "/databases/" + Transport.segment(name);
    }

    private static Database database(JsonNode d) {
        return new Database(UUID.fromString(JsonValues.string(d.get("id"), "id")), JsonValues.string(d.get("name"), "name"),
                JsonValues.string(d.get("tenant"), "tenant"));
    }

    interface Call<T> {
        T run();
    }

    /** Empty for the server's 404, the value otherwise; any other failure passes. */
    static <T> Optional<T> absentOn404(Call<T> call) {
        try {
            return Optional.of(call.run());
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
