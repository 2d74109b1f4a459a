package io.godwit.server;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.godwit.GodwitException;
import io.godwit.store.StoreClient;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Chroma's HTTP API v2 in front of one {@link StoreClient}: what {@code godwit run} serves.
 *
 * <p>The HTTP layer is the JDK's {@code HttpServer} (no dependency; HTTP/1.1 keep-alive) with a
 * fixed pool of {@link ServerConfig#threads()} threads, so requests are served in parallel and the
 * store's own concurrency decides what waits: reads never wait for a lock of other reads; the store
 * part of gets and queries runs a few at a time, about one per core ({@link Admission}), the rest in
 * arrival order, so that reads leave the writer and the index's builder their share of the CPU. Nagle's algorithm
 * is off ({@code sun.net.httpserver.nodelay}), else small answers on a kept-alive connection wait
 * for the client's delayed ACK.
 *
 * <p>{@link #close()} (the shutdown hook of SIGTERM) refuses new requests with 503, lets those in
 * progress finish (up to {@link #DRAIN_SECONDS}), stops listening and closes the store.
 */
public final class GodwitServer implements AutoCloseable {
    /** How long {@link #close()} lets requests in progress finish before it closes the store under them. */
    public static final long DRAIN_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(GodwitServer.class);

    static {
        // Read once by the JDK when its HttpServer class initialises: set before any server exists.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer http;
    private final ThreadPoolExecutor pool;
    private final StoreClient store;
    private final Drain drain;
    private final AtomicBoolean closed = new AtomicBoolean();

    private GodwitServer(HttpServer http, ThreadPoolExecutor pool, StoreClient store, Drain drain) {
        this.http = http;
        this.pool = pool;
        this.store = store;
        this.drain = drain;
    }

    /**
     * Serves {@code store}, which the server then owns (it closes it). Refuses, closing nothing, a
     * non-loopback address without a token unless {@link ServerConfig#allowUnauthenticated()}, and an
     * address it cannot bind.
     */
    public static GodwitServer start(ServerConfig config, StoreClient store) {
        return start(config, store, null);
    }

    /**
     * As {@link #start(ServerConfig, StoreClient)}, and serves {@code metrics} at {@code /metrics} in
     * Prometheus's text format (to loopback clients only unless a token is configured; then with the token),
     * timing every request into it by route and status; null: neither.
     */
    public static GodwitServer start(ServerConfig config, StoreClient store, PrometheusMeterRegistry metrics) {
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        if (address.isUnresolved()) {
            throw new GodwitException("Cannot listen on " + config.host() + ": unknown host");
        }
        boolean loopback = address.getAddress().isLoopbackAddress();
        if (!loopback && config.authToken() == null && !config.allowUnauthenticated()) {
            throw new GodwitException("Refusing to listen on " + config.host() + " without a token: anyone who reaches"
                    + " it could read and write the store. Set a token (--auth-token-env VAR or GODWIT_SERVER_AUTH_TOKEN),"
                    + " listen on 127.0.0.1, or pass --allow-unauthenticated") {
                @Override
                public int exitCode() {
                    return EXIT_USAGE;
                }
            };
        }
        HttpServer http;
        try {
            http = HttpServer.create(address, 256);
        } catch (IOException e) {
            throw new GodwitException("Cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        Drain drain = new Drain();
        Auth auth = Auth.token(config.authToken());
        Router router = new Router(routes(store, auth), auth, new BodyReader(config.maxBodyBytes()), drain);
        ThreadPoolExecutor pool = Workers.fixed(config.threads());
        http.setExecutor(pool);
        HttpContext api = http.createContext("/", router);
        if (metrics != null) {
            MetricsEndpoint.mount(http, api, metrics, auth, router.routes());
        }
        http.start();
        GodwitServer server = new GodwitServer(http, pool, store, drain);
        if (!loopback && config.authToken() == null) {
            LOG.warn("Listening on {} without a token (--allow-unauthenticated): whoever reaches it can read and write"
                    + " the store", address.getAddress().getHostAddress());
        }
        LOG.info("Serving Chroma's API v2 at {} with {} threads", server.uri(), config.threads());
        return server;
    }

    /** Every route of the API, then {@code /openapi.json}, which describes them. */
    static List<Route> routes(StoreClient store, Auth auth) {
        List<Route> routes = new ArrayList<>();
        routes.addAll(new SystemRoutes(store).routes());
        routes.addAll(new TenantRoutes(store).routes());
        routes.addAll(new CollectionRoutes(store).routes());
        routes.addAll(new RecordRoutes(store, Admission.perCore()).routes());
        routes.addAll(new UnsupportedRoutes().routes());
        List<Route> described = List.copyOf(routes);
        routes.add(new Route("GET", "/openapi.json", "This document", false,
                r -> ApiResponse.ok(OpenApi.document(described, auth.enabled()))));
        return routes;
    }

    /** The port listened on: the configured one, or the one picked for port 0. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://ADDRESS:PORT}, the address as bound (e.g. {@code http://127.0.0.1:8000}). */
    public URI uri() {
        InetAddress address = http.getAddress().getAddress();
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return URI.create("http://" + host + ":" + port());
    }

    /**
     * Refuses new requests (503), lets those in progress finish and answer (up to {@link #DRAIN_SECONDS}),
     * stops listening, then closes the store. A write cut off past the drain is a transaction, so it is in
     * the store whole or not at all. Idempotent; called by the shutdown hook.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        drain.close();
        try {
            if (!drain.awaitIdle(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Requests still running after {} s; closing the store under them", DRAIN_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
        pool.shutdownNow();
        store.close();
        LOG.info("Stopped");
    }
}
