package io.godwit.server;

import com.sun.net.httpserver.HttpServer;
import io.godwit.GodwitException;
import io.godwit.store.GodwitClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Godwit over HTTP, Chroma's server: one store, opened at start, served as the JSON API of
 * the README (Server and HTTP client) by the JDK's HttpServer on a small fixed pool of threads.
 *
 * <p>Starting opens the store the way every client does, migrating it in the configured mode
 * first, so a server on a database newer than its code (or behind a migration that needs an
 * operator) refuses to start with the engine's error, and nothing listens. From the command line
 * ({@link #main}) that error is one line on stderr and the exit code is the error's
 * {@link GodwitException#exitCode()}.
 */
public final class GodwitServer implements AutoCloseable {
    /** How long {@link #close()} lets requests in progress finish before it closes the store under them. */
    static final long DRAIN_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(GodwitServer.class);

    private final HttpServer http;
    private final ExecutorService pool;
    private final GodwitClient store;
    private final AtomicBoolean closed = new AtomicBoolean();

    private GodwitServer(HttpServer http, ExecutorService pool, GodwitClient store) {
        this.http = http;
        this.pool = pool;
        this.store = store;
    }

    /** Opens the store (migrating it), then listens; on any failure nothing is left open. */
    public static GodwitServer start(ServerConfig config) {
        GodwitClient store = config.store().open(config.settings());
        try {
            return listen(config, store);
        } catch (RuntimeException e) {
            try {
                store.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static GodwitServer listen(ServerConfig config, GodwitClient store) {
        InetSocketAddress address = new InetSocketAddress(config.host(), config.port());
        if (address.isUnresolved()) {
            throw new GodwitException("Cannot listen on " + config.host() + ": unknown host");
        }
        HttpServer http;
        try {
            http = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new GodwitException("Cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(config.threads(), threads());
        http.setExecutor(pool);
        http.createContext("/", Api.router(store));
        http.start();
        GodwitServer server = new GodwitServer(http, pool, store);
        if (!address.getAddress().isLoopbackAddress()) {
            LOG.warn("{} is not a loopback address: the API has no authentication, so whoever reaches it can read"
                    + " and write the store", address.getAddress().getHostAddress());
        }
        LOG.info("Serving {} at {}", config.store(), server.uri());
        return server;
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
     * Stops listening, lets the requests in progress finish (up to {@link #DRAIN_SECONDS}), then
     * closes the store. Their answers may be lost with their connections, but their writes are
     * transactions, so each is in the store or not at all. Idempotent; called by the shutdown hook.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        http.stop(0);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Requests still running after {} s; closing the store under them", DRAIN_SECONDS);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
        LOG.info("Stopped");
    }

    /**
     * {@code godwit-server [--path DIR | --url URL [--user U] [--password-env VAR]] [--host H] [--port P]}.
     * Prints {@code Listening on http://HOST:PORT} on stdout once it serves, and runs until the
     * process is stopped (SIGTERM, Ctrl-C), closing the store on the way out. The environment's
     * {@code GODWIT_MIGRATIONS*} variables apply here, and only here.
     */
    public static void main(String[] args) {
        ServerCommand command = new ServerCommand(System.getenv(), true);
        int code = command.execute(args);
        if (command.server().isEmpty()) {
            System.exit(code);
        }
        // Serving: the pool's threads keep the JVM alive until the shutdown hook closes the server.
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> new Thread(task, "godwit-http-" + count.incrementAndGet());
    }
}
